import type { Interaction, InteractionMessage, SeededPii } from './interaction-model.js';
import { seedTranscripts } from './transcript-seed.js';

/**
 * Transcripts for `POST /api/v2/interactions/query` and `PATCH /api/v2/interactions/{id}`:
 * seeded synthetic web messaging plus the Open Messaging conversations the simulator carried.
 */
export type PatchOutcome =
  | { readonly ok: true; readonly interaction: Interaction }
  | { readonly ok: false; readonly status: 400 | 404 | 409; readonly code: string; readonly message: string };

export class InteractionStore {
  private readonly byId = new Map<string, Interaction>();
  private seededPii: SeededPii[] = [];

  constructor(
    private readonly seedCount: number,
    private readonly seed: number,
  ) {
    this.reseed();
  }

  reseed(): void {
    this.byId.clear();
    const seeded = seedTranscripts(this.seedCount, this.seed);
    for (const interaction of seeded.interactions) this.byId.set(interaction.id, interaction);
    this.seededPii = seeded.pii;
  }

  pii(): readonly SeededPii[] {
    return this.seededPii;
  }

  get(id: string): Interaction | undefined {
    return this.byId.get(id);
  }

  put(interaction: Interaction): void {
    this.byId.set(interaction.id, interaction);
  }

  /** Ordered by start time then id, so pages are stable while interactions are added. */
  list(filter: { interval?: string; messengerType?: string } = {}): Interaction[] {
    const [from, to] = filter.interval ? filter.interval.split('/').map((part) => Date.parse(part)) : [];
    return [...this.byId.values()]
      .filter((i) => !filter.messengerType || i.messengerType === filter.messengerType)
      .filter(
        (i) =>
          from === undefined ||
          to === undefined ||
          (Date.parse(i.startTime) >= from && Date.parse(i.startTime) < to),
      )
      .sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id));
  }

  /** Replaces the messages array when only texts (and attachment lists, by removal) change. */
  patch(id: string, messages: readonly InteractionMessage[], version: number | undefined): PatchOutcome {
    const interaction = this.byId.get(id);
    if (!interaction)
      return { ok: false, status: 404, code: 'not.found', message: `interaction ${id} not found` };
    if (version !== undefined && version !== interaction.version) {
      return {
        ok: false,
        status: 409,
        code: 'conflict',
        message: `version ${version} is stale; current is ${interaction.version}`,
      };
    }
    const damage = structuralDamage(interaction.messages, messages);
    if (damage) return { ok: false, status: 400, code: 'bad.request', message: damage };
    interaction.messages = messages.map((m) => ({ ...m }));
    interaction.version += 1;
    return { ok: true, interaction };
  }
}

const immutable = ['id', 'participantId', 'purpose', 'direction', 'timestamp'] as const;

/** What would break the transcript's structure: anything but text and removed attachments. */
function structuralDamage(
  before: readonly InteractionMessage[],
  after: readonly InteractionMessage[],
): string | undefined {
  if (after.length !== before.length) {
    return `messages: expected ${before.length} messages, got ${after.length}`;
  }
  for (const [index, original] of before.entries()) {
    const changed = after[index];
    if (!changed) return `messages[${index}]: missing`;
    for (const field of immutable) {
      if (changed[field] !== original[field]) return `messages[${index}].${field}: may not change`;
    }
    const kept = new Set((original.attachments ?? []).map((a) => a.id));
    if ((changed.attachments ?? []).some((a) => !kept.has(a.id))) {
      return `messages[${index}].attachments: attachments may only be removed`;
    }
  }
  return undefined;
}
