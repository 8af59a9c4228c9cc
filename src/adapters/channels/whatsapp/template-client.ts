import type { CreateBody, RemoteTemplate, SendBody } from '../../../core/templates/index.js';
import { providerError, unreachableError } from './template-errors.js';

/**
 * Graph API calls for templates (contracts.md §1e) and template sends (§1d). The base URL is
 * configurable so the same client talks to Meta or to the sandbox's simulator.
 */
export interface GraphTemplateClientOptions {
  /** `https://graph.facebook.com` or a simulator's URL. */
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly accessToken: string;
  readonly wabaId: string;
  readonly phoneNumberId?: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export interface CreatedTemplate {
  readonly id: string;
  readonly status?: string;
  readonly category?: string;
}

export interface SentMessage {
  readonly messageId: string;
  readonly waId?: string;
  /** Present only under template pacing (contracts.md §1d). */
  readonly messageStatus?: string;
}

const LIST_FIELDS = 'id,name,language,status,category,parameter_format,components,quality_score';

interface ListPage {
  readonly data?: readonly Record<string, unknown>[];
  readonly paging?: { readonly cursors?: { readonly after?: string }; readonly next?: string };
}

export class GraphTemplateClient {
  readonly #options: GraphTemplateClientOptions;
  readonly #fetch: typeof fetch;
  readonly #origin: string;

  constructor(options: GraphTemplateClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? fetch;
    this.#origin = new URL(options.baseUrl).origin;
  }

  #url(path: string, query?: Record<string, string>): URL {
    const base = this.#options.baseUrl.replace(/\/+$/, '');
    const url = new URL(`${base}/${this.#options.apiVersion}/${path}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url;
  }

  async #call(method: string, url: URL, body?: unknown): Promise<unknown> {
    // The token goes only to the configured Graph origin (a paging link could point elsewhere).
    if (url.origin !== this.#origin) throw new Error(`refusing to send the access token to ${url.origin}`);
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.#options.accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw unreachableError(error);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!response.ok || (parsed as { error?: unknown } | undefined)?.error !== undefined)
      throw providerError(response.status, parsed);
    return parsed;
  }

  async createTemplate(body: CreateBody): Promise<CreatedTemplate> {
    const result = (await this.#call(
      'POST',
      this.#url(`${this.#options.wabaId}/message_templates`),
      body,
    )) as CreatedTemplate;
    return {
      id: String(result.id),
      ...(result.status ? { status: result.status } : {}),
      ...(result.category ? { category: result.category } : {}),
    };
  }

  /** Every template of the WABA, all pages (quality is only returned when asked for by `fields`). */
  async listTemplates(pageSize = 100): Promise<RemoteTemplate[]> {
    const out: RemoteTemplate[] = [];
    const query = { fields: LIST_FIELDS, limit: String(pageSize) };
    let url: URL | undefined = this.#url(`${this.#options.wabaId}/message_templates`, query);
    while (url) {
      const page = (await this.#call('GET', url)) as ListPage;
      for (const t of page.data ?? []) out.push(toRemote(t));
      const after = page.paging?.cursors?.after;
      url =
        page.paging?.next === undefined || (page.data ?? []).length === 0
          ? undefined
          : new URL(page.paging.next).origin === this.#origin
            ? new URL(page.paging.next)
            : after
              ? this.#url(`${this.#options.wabaId}/message_templates`, { ...query, after })
              : undefined;
    }
    return out;
  }

  /** Edits category and/or components (full replace) of one template (one language). */
  async editTemplate(
    id: string,
    body: { category?: string; components?: readonly unknown[] },
  ): Promise<void> {
    await this.#call('POST', this.#url(id), body);
  }

  /** Without `hsmId`, deletes every language of the name (contracts.md §1e). */
  async deleteTemplate(name: string, hsmId?: string): Promise<void> {
    const query: Record<string, string> = { name, ...(hsmId === undefined ? {} : { hsm_id: hsmId }) };
    await this.#call('DELETE', this.#url(`${this.#options.wabaId}/message_templates`, query));
  }

  async sendTemplate(body: SendBody): Promise<SentMessage> {
    return this.#sendMessage(body);
  }

  /** A plain-text message (a fallback step inside the 24-hour window). */
  async sendText(to: string, text: string): Promise<SentMessage> {
    return this.#sendMessage({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'text',
      text: { body: text },
    });
  }

  async #sendMessage(body: unknown): Promise<SentMessage> {
    if (!this.#options.phoneNumberId) throw new Error('a phoneNumberId is needed to send messages');
    const result = (await this.#call('POST', this.#url(`${this.#options.phoneNumberId}/messages`), body)) as {
      contacts?: { wa_id?: string }[];
      messages?: { id?: string; message_status?: string }[];
    };
    const message = result.messages?.[0];
    return {
      messageId: String(message?.id ?? ''),
      ...(result.contacts?.[0]?.wa_id ? { waId: result.contacts[0].wa_id } : {}),
      ...(message?.message_status ? { messageStatus: message.message_status } : {}),
    };
  }
}

function toRemote(t: Record<string, unknown>): RemoteTemplate {
  return {
    id: String(t.id ?? ''),
    name: String(t.name ?? ''),
    language: String(t.language ?? ''),
    status: String(t.status ?? 'UNKNOWN').toUpperCase(),
    category: String(t.category ?? ''),
    components: Array.isArray(t.components) ? t.components : [],
    ...(typeof t.quality_score === 'object' && t.quality_score !== null && 'score' in t.quality_score
      ? { quality: String((t.quality_score as { score: unknown }).score) }
      : {}),
  };
}
