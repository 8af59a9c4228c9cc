import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqlGatewayStore } from '../adapters/stores/sql-gateway-store.js';
import { SqlVaultStore } from '../adapters/stores/sql-vault-store.js';
import { openSqliteDatabase } from '../adapters/stores/sqlite-database.js';
import { encryptionConfig } from './encryption-config.js';
import { InboundPipeline } from './inbound-pipeline.js';
import type { MediaHandling } from './media-protection.js';
import type { PlatformMessage, PlatformSender } from './platform-message.js';
import { EventRecorder } from './test-support/event-recorder.js';
import type { TextProtector } from './text-protector.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The pipeline on a real SQLite store, with a platform that records what it is given. */
async function setUp(protector: TextProtector, media?: MediaHandling) {
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
  const pipeline = new InboundPipeline({
    store: new SqlGatewayStore(vaultStore.db),
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
  return { pipeline, delivered, recorder };
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
});
