import { newGraphId } from '../common/ids.js';
import {
  normaliseLanguage,
  type TemplateCreate,
  type TemplateRecord,
  type TemplateStatus,
} from './template-schema.js';

/** The WABA's message templates, keyed by id; a name may exist once per language. */
export class TemplateStore {
  private readonly byId = new Map<string, TemplateRecord>();

  create(template: TemplateCreate, status: TemplateStatus): TemplateRecord {
    const record: TemplateRecord = {
      id: newGraphId(),
      name: template.name,
      language: normaliseLanguage(template.language),
      category: template.category,
      parameter_format: template.parameter_format,
      components: template.components,
      status,
      approvedEdits: [],
    };
    this.byId.set(record.id, record);
    return record;
  }

  get(id: string): TemplateRecord | undefined {
    return this.byId.get(id);
  }

  find(name: string, language: string): TemplateRecord | undefined {
    const wanted = normaliseLanguage(language);
    return this.list().find((t) => t.name === name && t.language === wanted);
  }

  list(): TemplateRecord[] {
    return [...this.byId.values()];
  }

  /** Deletes every language of `name`, or only `hsmId` when given; returns what was removed. */
  remove(name: string, hsmId?: string): TemplateRecord[] {
    const doomed = this.list().filter((t) => t.name === name && (hsmId === undefined || t.id === hsmId));
    for (const template of doomed) this.byId.delete(template.id);
    return doomed;
  }

  clear(): void {
    this.byId.clear();
  }
}

/** The list/read representation Graph returns for a template. */
export function templateView(template: TemplateRecord, fields?: readonly string[]): Record<string, unknown> {
  const full: Record<string, unknown> = {
    name: template.name,
    parameter_format: template.parameter_format.toUpperCase(),
    components: template.components,
    language: template.language,
    status: template.status,
    category: template.category,
    id: template.id,
    ...(template.rejectedReason === undefined ? {} : { rejected_reason: template.rejectedReason }),
  };
  if (!fields || fields.length === 0) return full;
  return Object.fromEntries(Object.entries(full).filter(([key]) => key === 'id' || fields.includes(key)));
}
