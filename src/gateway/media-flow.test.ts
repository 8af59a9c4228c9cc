import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboundMessageWebhook } from '../../sandbox/whatsapp/webhook-payloads.js';
import type { GatewayEvent } from './inbound-pipeline.js';
import {
  customerSays,
  getJson,
  startGatewayHarness,
  type Json,
  type GatewayHarness,
} from './test-support/gateway-harness.js';

let harness: GatewayHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

// Bytes nobody would find on disk by chance: a PNG signature and a card number.
const photo = Buffer.concat([
  Buffer.from('89504e470d0a1a0a', 'hex'),
  Buffer.from('customer photo of card 4111111111111111; '.repeat(50)),
]);

const texts = async (h: GatewayHarness): Promise<string[]> =>
  (await getJson(`${h.sandbox.urls.genesys}/__sim/inbound`)).map((m: Json) => m.text as string);

function blobFiles(h: GatewayHarness): string[] {
  const root = path.join(h.dataDir, 'blobs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true })
    .map((f) => path.join(root, String(f)))
    .filter((f) => statSync(f).isFile());
}

/** The simulator sends the customer's image message as WhatsApp would, with `image` as given; resolves once delivered. */
async function sendImageWebhook(
  h: GatewayHarness,
  wamid: string,
  image: { readonly id: string; readonly mime_type: string; readonly sha256: string },
): Promise<void> {
  const { state, events } = h.sandbox.whatsapp;
  const waId = h.sandbox.tenant.customerWaId;
  const since = events.mark();
  state.sendWebhook(
    'message',
    inboundMessageWebhook(
      state.number,
      { waId, name: 'Ana' },
      { from: waId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'image', image },
    ),
    waId,
  );
  await events.waitFor((e) => e.type === 'webhook.delivered' && JSON.stringify(e).includes(wamid), { since });
}

const openMedia = (h: GatewayHarness, token: string, key: string) =>
  fetch(`${h.url()}/v1/media/${token}`, { headers: { authorization: `Bearer ${key}` } });

describe('media protection through the gateway', () => {
  it('stores a protected image encrypted, forwards only a placeholder, and opens it for allowed roles', async () => {
    harness = await startGatewayHarness();
    const gateway = await harness.open();
    await customerSays(harness, {
      type: 'image',
      mime_type: 'image/png',
      data: photo.toString('base64'),
      caption: 'segue meu CPF 529.982.247-25',
    });
    await gateway.pipeline.idle();

    const inbound = await getJson(`${harness.sandbox.urls.genesys}/__sim/inbound`);
    expect(inbound).toHaveLength(1);
    const text = inbound[0]!.text as string;
    expect(text).toMatch(/^📎 image received \(protected\): tok_\S+ segue meu CPF tok_\S+$/);
    const everything = JSON.stringify(inbound);
    expect(everything).not.toContain('529.982.247-25');
    expect(everything).not.toContain(photo.toString('base64').slice(0, 40));
    expect(everything).not.toContain('/lookaside/');

    const files = blobFiles(harness);
    expect(files).toHaveLength(1);
    const onDisk = readFileSync(files[0]!);
    expect(onDisk.includes(photo.subarray(8, 40))).toBe(false);
    expect(onDisk.includes(Buffer.from('4111111111111111'))).toBe(false);

    const token = text.split(' ')[4]!;
    const { key: adminKey } = await gateway.vault.apiKeys.issue('sandbox', ['admin']);
    const { key: agentKey } = await gateway.vault.apiKeys.issue('sandbox', ['agent']);
    const { key: otherTenant } = await gateway.vault.apiKeys.issue('elsewhere', ['admin']);
    const opened = await openMedia(harness, token, adminKey);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('image/png');
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await opened.arrayBuffer()).equals(photo)).toBe(true);
    const denied = await openMedia(harness, token, agentKey);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'VEIL_ERR_MEDIA_FORBIDDEN' });
    expect((await openMedia(harness, token, otherTenant)).status).toBe(404);
    expect((await openMedia(harness, token, 'vk_nope.nope')).status).toBe(401);

    const audit = (await gateway.vault.store.list({ tenant: 'sandbox', limit: 100 })).filter(
      (e) => e.action === 'open-media',
    );
    expect(audit.map((e) => e.outcome).sort()).toEqual(['VEIL_ERR_MEDIA_FORBIDDEN', 'ok']);
    expect(audit.every((e) => e.target === token && e.principal.length > 0)).toBe(true);
  });

  it('a digest mismatch forwards a failure notice, never the media, and stores nothing', async () => {
    const events: GatewayEvent[] = [];
    harness = await startGatewayHarness({ gateway: { pipeline: { onEvent: (e) => events.push(e) } } });
    const gateway = await harness.open();
    const { state } = harness.sandbox.whatsapp;
    const stored = state.media.add(photo, 'image/png');
    if (typeof stored === 'string') throw new Error(stored);
    const wamid = 'wamid.tampered-media-1';
    await sendImageWebhook(harness, wamid, {
      id: stored.id,
      mime_type: 'image/png',
      sha256: createHash('sha256').update('not these bytes').digest('base64'),
    });
    await gateway.pipeline.idle();
    expect(await texts(harness)).toEqual(['📎 image not received: it could not be checked safely']);
    expect(events).toContainEqual({
      type: 'media-failed',
      tenant: 'sandbox',
      id: wamid,
      code: 'VEIL_ERR_MEDIA_DIGEST_MISMATCH',
    });
    expect(blobFiles(harness)).toEqual([]);
    const metrics = await (await fetch(`${harness.url()}/metrics`)).text();
    expect(metrics).toContain(
      'veil_gateway_media_failures_total{tenant="sandbox",code="VEIL_ERR_MEDIA_DIGEST_MISMATCH"} 1',
    );
    expect(metrics).not.toContain('outcome="media-failed"');
  });

  it('a replay after a crash between blob write and outbox reuses the blob: no second download', async () => {
    harness = await startGatewayHarness();
    const gateway = await harness.open();
    const waId = harness.sandbox.tenant.customerWaId;
    const wamid = 'wamid.crashed-after-blob-1';
    // What the first attempt left: the blob and its token, but no outbox row.
    const first = await gateway.media.store({
      tenant: 'sandbox',
      messageId: wamid,
      subjectId: waId,
      mimeType: 'image/png',
      bytes: photo,
    });
    // An id the simulator does not know: a second download would fail and forward the failure notice.
    await sendImageWebhook(harness, wamid, { id: '424242424242', mime_type: 'image/png', sha256: 'AAAA' });
    await gateway.pipeline.idle();
    expect(await texts(harness)).toEqual([`📎 image received (protected): ${first.token}`]);
    expect(blobFiles(harness)).toHaveLength(1);
  });

  it('a config without media protection keeps the plain notice, but a secure segment still protects media', async () => {
    harness = await startGatewayHarness({
      tenant: (t) => ({
        ...t,
        encryption: {
          default: 'text-only',
          configs: {
            'text-only': {
              authors: ['customer', 'agent'],
              defaultOperator: 'tokenize',
              byType: {},
              media: false,
            },
          },
        },
      }),
    });
    const gateway = await harness.open();
    await customerSays(harness, { type: 'image', mime_type: 'image/png', data: photo.toString('base64') });
    await gateway.pipeline.idle();
    expect(await texts(harness)).toEqual(['[image]']);
    expect(blobFiles(harness)).toEqual([]);

    const { key } = await gateway.vault.apiKeys.issue('sandbox', ['platform']);
    const customer = encodeURIComponent(`+${harness.sandbox.tenant.customerWaId}`);
    const opened = await fetch(`${harness.url()}/v1/conversations/${customer}/secure-segments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'document capture', closeAfterMessages: 1 }),
    });
    expect(opened.status).toBe(201);
    await customerSays(harness, {
      type: 'document',
      mime_type: 'application/pdf',
      filename: 'RG-12345678.pdf',
      data: Buffer.from('%PDF-1.4 identity document').toString('base64'),
      caption: 'meu RG',
    });
    await gateway.pipeline.idle();
    const last = (await texts(harness)).at(-1)!;
    expect(last).toMatch(/^📎 document received \(protected\): tok_\S+ 🔒 secure input received: tok_\S+$/);
    expect(last).not.toContain('RG-12345678');
    expect(blobFiles(harness)).toHaveLength(1);
    const { key: admin } = await gateway.vault.apiKeys.issue('sandbox', ['admin']);
    const file = await openMedia(harness, last.split(' ')[4]!, admin);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.4 identity document');
  });

  it('erasing the customer makes the media unreadable; the sweep deletes the file', async () => {
    harness = await startGatewayHarness();
    const gateway = await harness.open();
    await customerSays(harness, { type: 'image', mime_type: 'image/png', data: photo.toString('base64') });
    await gateway.pipeline.idle();
    const token = (await texts(harness))[0]!.split(' ')[4]!;
    const { key: admin } = await gateway.vault.apiKeys.issue('sandbox', ['admin']);
    await gateway.vault.vault.eraseSubject(
      { id: 'dpo', tenant: 'sandbox', roles: ['dpo'] },
      harness.sandbox.tenant.customerWaId,
    );
    const gone = await openMedia(harness, token, admin);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ code: 'VEIL_ERR_VAULT_SUBJECT_ERASED' });
    expect(await gateway.media.sweep()).toBe(1);
    expect(blobFiles(harness)).toEqual([]);
  });
});
