import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqlGatewayStore } from '../adapters/stores/sql-gateway-store.js';
import { SqlVaultStore } from '../adapters/stores/sql-vault-store.js';
import { openSqliteDatabase } from '../adapters/stores/sqlite-database.js';
import { encryptionConfig } from './encryption-config.js';
import type { GatewayStore } from './gateway-store.js';
import { InboundPipeline, type InboundPipelineOptions } from './inbound-pipeline.js';
import type { MediaHandling } from './media-protection.js';
import type { PlatformMessage, PlatformSender } from './platform-message.js';
import { EventRecorder } from './test-support/event-recorder.js';
import type { TextProtector } from './text-protector.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The pipeline on a real SQLite store, with a platform that records what it is given. */
async function setUp(
  protector: TextProtector,
  media?: MediaHandling,
  extra: {
    ownership?: InboundPipelineOptions['ownership'];
    wrap?: (store: GatewayStore) => GatewayStore;
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'veil-pipeline-'));
  const vaultStore = await SqlVaultStore.open(openSqliteDatabase(path.join(dir, 'veil.db')), 'sqlite');
  const delivered: PlatformMessage[] = [];
  const platform: PlatformSender = {
    deliver: async (message) => {
      delivered.push(message);
      return { kind: 'delivered' };
    },
  };
  const recorder = new EventRecorder();
  const store = new SqlGatewayStore(vaultStore.db);
  const pipeline = new InboundPipeline({
    store: extra.wrap ? extra.wrap(store) : store,
    ...(extra.ownership ? { ownership: extra.ownership } : {}),
    tenants: new Map([
      [
        't',
        {
          id: 't',
          identity: { id: 'phone', name: 'as-is' },
          encryption: encryptionConfig('standard', {
            authors: ['customer'],
            defaultOperator: 'redact',
            byType: {},
          }),
          platform,
          secureNotice: '{token}',
          ...(media ? { media } : {}),
        },
      ],
    ]),
    protector,
    onEvent: recorder.onEvent,
  });
  cleanups.push(async () => {
    await pipeline.close();
    await vaultStore.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { pipeline, delivered, recorder, store };
}

const message = (id: string, customer: string, text: string) => ({
  tenant: 't',
  message: { id, customer, sentAt: 0, type: 'text', text },
});

describe('InboundPipeline', () => {
  it('holds back only the conversation whose message cannot be protected, and never forwards it unprotected', async () => {
    let broken = true;
    const protector: TextProtector = {
      protect: async (text) => {
        if (broken && text === 'poison')
          throw Object.assign(new Error('vault down'), { code: 'VEIL_ERR_TEST' });
        return text.toUpperCase();
      },
      vaultWhole: async (text) => text,
    };
    const { pipeline, delivered, recorder } = await setUp(protector);
    await pipeline.receive([
      message('a1', '551', 'poison'),
      message('a2', '551', 'second'),
      message('b1', '552', 'other'),
    ]);
    await pipeline.idle();
    expect(delivered.map((m) => [m.id, m.text])).toEqual([['b1', 'OTHER']]);
    expect(recorder.of('protect-failed')).toEqual([
      { type: 'protect-failed', tenant: 't', id: 'a1', code: 'VEIL_ERR_TEST' },
    ]);

    broken = false;
    pipeline.kick();
    await pipeline.idle();
    expect(delivered.map((m) => [m.id, m.text])).toEqual([
      ['b1', 'OTHER'],
      ['a1', 'POISON'],
      ['a2', 'SECOND'],
    ]);
  });

  it('stores a repeated message id once and reports it as a duplicate', async () => {
    const { pipeline, delivered, recorder } = await setUp({
      protect: async (t) => t,
      vaultWhole: async (t) => t,
    });
    expect(await pipeline.receive([message('x', '551', 'hi')])).toBe(1);
    expect(await pipeline.receive([message('x', '551', 'hi'), message('y', '551', 'again')])).toBe(1);
    await pipeline.idle();
    expect(delivered.map((m) => m.id)).toEqual(['x', 'y']);
    expect(recorder.of('stored').map((e) => e.duplicates)).toEqual([0, 1]);
  });

  it('gives the event loop a turn during a long page of protection instead of running it as one task', async () => {
    const protected_: string[] = [];
    const { pipeline } = await setUp({
      // Work that never awaits anything real, as SQLite's synchronous driver makes it: 3 ms each.
      protect: async (text) => {
        const until = performance.now() + 3;
        while (performance.now() < until);
        protected_.push(text);
        return text;
      },
      vaultWhole: async (t) => t,
    });
    await pipeline.receive(Array.from({ length: 10 }, (_, i) => message(`m${i}`, `55${i}`, `text ${i}`)));
    // Queued behind the stored batch: without yielding it would only run once all ten were protected.
    let protectedWhenTheLoopTurned = -1;
    setImmediate(() => setImmediate(() => (protectedWhenTheLoopTurned = protected_.length)));
    await pipeline.idle();
    expect(protected_).toHaveLength(10);
    expect(protectedWhenTheLoopTurned).toBeGreaterThanOrEqual(0);
    expect(protectedWhenTheLoopTurned).toBeLessThan(10);
  });

  it('a slow media download holds up only its own conversation: others are delivered meanwhile, its next message after it', async () => {
    let finishDownload!: () => void;
    const download = new Promise<void>((resolve) => (finishDownload = resolve));
    const { pipeline, delivered } = await setUp(
      { protect: async (t) => t, vaultWhole: async (t) => t },
      {
        placeholder: async (message) => {
          if (!message.media) return message.notice;
          await download; // as if the Graph API took its time
          return `[${message.type} protected]`;
        },
      },
    );
    const photo = {
      tenant: 't',
      message: {
        id: 'a1',
        customer: '551',
        sentAt: 0,
        type: 'image',
        text: '',
        media: { id: 'media-1', mimeType: 'image/jpeg' },
      },
    };
    await pipeline.receive([photo, message('a2', '551', 'did you get it?'), message('b1', '552', 'hello')]);
    await vi.waitFor(() => expect(delivered.map((m) => m.id)).toEqual(['b1']));
    expect(pipeline.busyWith((_, conversation) => conversation === '551')).toBe(true);

    finishDownload();
    await pipeline.idle();
    expect(delivered.map((m) => [m.id, m.text])).toEqual([
      ['b1', 'hello'],
      ['a1', '[image protected]'],
      ['a2', 'did you get it?'],
    ]);
  });

  it('keeps a conversation in order around a message with media: what came before it goes first', async () => {
    const { pipeline, delivered } = await setUp(
      {
        // Another customer's long message: the pass yields to the event loop before its outbox write.
        protect: async (text) => {
          const until = text === 'slow' ? performance.now() + 3 : 0;
          while (performance.now() < until);
          return text;
        },
        vaultWhole: async (t) => t,
      },
      { placeholder: async (message) => (message.media ? `[${message.type} protected]` : message.notice) },
    );
    const photo = (id: string) => ({
      tenant: 't',
      message: {
        id,
        customer: '551',
        sentAt: 0,
        type: 'image',
        text: '',
        media: { id, mimeType: 'image/png' },
      },
    });
    await pipeline.receive([
      message('t1', '551', 'first'),
      message('t2', '551', 'second'),
      photo('m3'),
      message('o1', '552', 'slow'),
      message('o2', '552', 'slow'),
      message('t4', '551', 'after the photo'),
      photo('m5'),
    ]);
    await pipeline.idle();
    expect(delivered.filter((m) => m.id !== 'o1' && m.id !== 'o2').map((m) => m.id)).toEqual([
      't1',
      't2',
      'm3',
      't4',
      'm5',
    ]);
  });

  it('finds rows of a conversation it gains while an outbox read is in flight (the read does not move the cursor past them)', async () => {
    const owned = new Set(['551']);
    // Another process protected 552's message; this one does not own 552 yet.
    let gate: { reached: () => void; release: Promise<void> } | undefined;
    const { pipeline, delivered, store } = await setUp(
      { protect: async (text) => text, vaultWhole: async (text) => text },
      undefined,
      {
        ownership: { owns: (_tenant, conversation) => owned.has(conversation) },
        wrap: (inner) =>
          new Proxy(inner, {
            get(target, name) {
              if (name !== 'pendingOutbox') {
                const value = Reflect.get(target, name) as unknown;
                // Bound to the store itself: its private fields are not reachable through the proxy.
                return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
              }
              return async (limit: number, after?: number) => {
                const held = gate;
                gate = undefined;
                if (held) {
                  held.reached();
                  await held.release;
                }
                return target.pendingOutbox(limit, after);
              };
            },
          }),
      },
    );
    await store.addInbox([
      { tenant: 't', messageId: 'b1', conversation: '552', payload: '{}', receivedAt: 0 },
    ]);
    const [other] = await store.pendingInbox(10);
    await store.moveToOutbox([
      {
        inboxSeq: other!.seq,
        outbox: {
          id: 'b1',
          tenant: 't',
          conversation: '552',
          body: JSON.stringify({ id: 'b1' }),
          createdAt: 0,
        },
      },
    ]);
    await pipeline.receive([message('a1', '551', 'one')]);
    await pipeline.idle();
    expect(delivered.map((m) => m.id)).toEqual(['a1']);

    // The next pass's outbox read is held; meanwhile this process gains 552 and asks for a rescan.
    let release: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => {
      gate = { reached: resolve, release: new Promise<void>((r) => (release = r)) };
    });
    await pipeline.receive([message('a2', '551', 'two')]);
    await reached;
    owned.add('552');
    pipeline.rescan();
    release();
    await pipeline.idle();
    expect(delivered.map((m) => m.id).sort()).toEqual(['a1', 'a2', 'b1']);
  });
});
