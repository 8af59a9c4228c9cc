import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isVeilError } from '../../core/errors.js';
import type { CreateBody, Plan, PlanAction } from '../../core/templates/index.js';
import { CREATION_RATE_PER_HOUR } from '../../core/templates/index.js';

/**
 * Executes a template plan against the provider, within Meta's creation rate (100 per WABA per hour,
 * contracts.md §1e). Idempotent: the plan is always computed from the provider's current list, so a
 * rerun after an interruption skips what already exists. Creation and edit times are kept in a small
 * state file so the rate limit and the edit quotas hold across runs.
 */

export interface TemplateApi {
  createTemplate(body: CreateBody): Promise<{ id: string }>;
  editTemplate(id: string, body: { category?: string; components?: readonly unknown[] }): Promise<void>;
  deleteTemplate(name: string, hsmId?: string): Promise<void>;
}

export interface ApplyState {
  /** Epoch ms of creations made by Veil (for the hourly creation rate). */
  readonly creations: readonly number[];
  /** Epoch ms of edits per template id (for Meta's edit quotas). */
  readonly edits: Readonly<Record<string, readonly number[]>>;
}

export interface ApplyStateStore {
  load(): Promise<ApplyState>;
  save(state: ApplyState): Promise<void>;
}

const HOUR = 60 * 60 * 1000;
const MONTH = 30 * 24 * HOUR;

export function fileStateStore(file: string): ApplyStateStore {
  return {
    async load() {
      try {
        const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<ApplyState>;
        return { creations: parsed.creations ?? [], edits: parsed.edits ?? {} };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { creations: [], edits: {} };
        throw error;
      }
    },
    async save(state) {
      // Write then rename: an interruption never leaves a half-written state file.
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(state)}\n`);
      await rename(temp, file);
    },
  };
}

export type ActionOutcome =
  | { readonly action: PlanAction; readonly result: 'done' }
  | {
      readonly action: PlanAction;
      readonly result: 'failed';
      readonly code: string;
      readonly message: string;
    }
  | { readonly action: PlanAction; readonly result: 'skipped'; readonly reason: string };

export interface ApplyOptions {
  readonly api: TemplateApi;
  readonly store: ApplyStateStore;
  readonly now: () => Date;
  /** Deletions run only when asked for: deleting by name removes every language. */
  readonly allowDelete: boolean;
  readonly creationLimitPerHour?: number;
  /** When given, apply waits for the rate window instead of stopping (`--wait`). */
  readonly wait?: (ms: number) => Promise<void>;
  readonly onProgress?: (done: number, total: number, outcome: ActionOutcome) => void;
}

export interface ApplyResult {
  readonly outcomes: readonly ActionOutcome[];
  /** Actions not attempted because the run stopped (rate limit or provider unreachable). */
  readonly remaining: readonly PlanAction[];
  /** When the creation rate allows the next creation, if the run stopped for it. */
  readonly resumeAt?: Date;
  readonly stoppedBecause?: string;
}

/** Edits first, then creations, then deletions (the least reversible last). */
const ORDER: Record<PlanAction['kind'], number> = { edit: 0, create: 1, delete: 2, refused: 3, unchanged: 3 };

export async function applyPlan(plan: Plan, options: ApplyOptions): Promise<ApplyResult> {
  const limit = options.creationLimitPerHour ?? CREATION_RATE_PER_HOUR;
  const todo = plan.actions.filter((a) => a.kind === 'create' || a.kind === 'edit' || a.kind === 'delete');
  todo.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  let state = await options.store.load();
  const outcomes: ActionOutcome[] = [];
  const record = (outcome: ActionOutcome) => {
    outcomes.push(outcome);
    options.onProgress?.(outcomes.length, todo.length, outcome);
  };

  for (let i = 0; i < todo.length; i++) {
    const action = todo[i] as PlanAction;
    if (action.kind === 'delete' && !options.allowDelete) {
      record({ action, result: 'skipped', reason: 'deletions need --delete' });
      continue;
    }
    if (action.kind === 'create') {
      const now = options.now().getTime();
      const recent = state.creations.filter((t) => t > now - HOUR);
      if (recent.length >= limit) {
        const resumeAt = new Date(Math.min(...recent) + HOUR);
        if (!options.wait)
          return {
            outcomes,
            remaining: todo.slice(i),
            resumeAt,
            stoppedBecause: `creation rate of ${limit} per hour reached`,
          };
        await options.wait(resumeAt.getTime() - now);
        i--;
        continue;
      }
    }
    try {
      if (action.kind === 'create') {
        await options.api.createTemplate(action.body);
        const now = options.now().getTime();
        state = { ...state, creations: [...state.creations.filter((t) => t > now - HOUR), now] };
      } else if (action.kind === 'edit') {
        await options.api.editTemplate(action.id, action.body);
        const now = options.now().getTime();
        const past = (state.edits[action.id] ?? []).filter((t) => t > now - MONTH);
        state = { ...state, edits: { ...state.edits, [action.id]: [...past, now] } };
      } else if (action.kind === 'delete') {
        await options.api.deleteTemplate(action.name, action.scope === 'language' ? action.id : undefined);
      }
      await options.store.save(state);
      record({ action, result: 'done' });
    } catch (error) {
      const retryable = (error as { retryable?: unknown }).retryable === true;
      const code = isVeilError(error) ? error.code : 'VEIL_ERR_TEMPLATE_APPLY_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      if (retryable) {
        // Rate limits and outages: stop here; a rerun recomputes the plan and carries on.
        const resumeAt =
          code === 'VEIL_ERR_WHATSAPP_WABA_RATE_LIMITED'
            ? new Date(options.now().getTime() + HOUR)
            : undefined;
        return {
          outcomes,
          remaining: todo.slice(i),
          ...(resumeAt ? { resumeAt } : {}),
          stoppedBecause: `${code}: ${message}`,
        };
      }
      record({ action, result: 'failed', code, message });
    }
  }
  return { outcomes, remaining: [] };
}

/** The edit history for the plan's quota checks, from the state file. */
export function editsFrom(state: ApplyState): (id: string) => Date[] | undefined {
  return (id) => state.edits[id]?.map((t) => new Date(t));
}
