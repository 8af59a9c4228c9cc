#!/usr/bin/env node
// Media vault throughput: protected blobs stored/s (content key vaulted as a MEDIA token on SQLite,
// AES-256-GCM sealing, atomic 0600 file write with fsync) and opened/s (reveal policy, audited reveal,
// read, GCM open, digest check), next to the floor measured in the same run: raw AES-256-GCM with one
// key plus the same durable file write (temp file, fsync, rename) and read. Best of 3 rounds.
// Usage: npm run bench:media [-- --quick] [-- --json]
import { spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => path.join(root, 'dist', 'src', p);
if (!existsSync(dist('core/media/media-vault.js'))) {
  console.error('bench: building dist/ first (npx tsc -p tsconfig.json)');
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}
const { openVault } = await import(dist('compose.js'));
const { loadConfig } = await import(dist('config/config.js'));
const { MediaVault } = await import(dist('core/media/media-vault.js'));
const { FsBlobStore } = await import(dist('adapters/stores/fs-blob-store.js'));

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const ROUNDS = quick ? 1 : 3;
// A WhatsApp photo is typically 100-300 KB after the app's compression; a PDF scan about 1 MB.
const SIZES = [
  { label: '100 KB', bytes: 100 * 1024, count: quick ? 100 : 400 },
  { label: '1 MB', bytes: 1024 * 1024, count: quick ? 20 : 80 },
];

const now = () => Number(process.hrtime.bigint()) / 1e9;

async function measure(total, fn) {
  const start = now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < total; i++) await fn(i);
  const cpu = process.cpuUsage(cpu0);
  return { wall: total / (now() - start), cpu: total / ((cpu.user + cpu.system) / 1e6) };
}
const best = (a, b) =>
  a === undefined ? b : { wall: Math.max(a.wall, b.wall), cpu: Math.max(a.cpu, b.cpu) };

/** The floor: one AES-256-GCM key, the same durable write as the blob store, then read and open. */
async function rawRound(dir, payload, count) {
  const key = randomBytes(32);
  const aad = Buffer.from('tenant/blob/mime');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const write = await measure(count, async (i) => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad);
    const sealed = Buffer.concat([nonce, cipher.update(payload), cipher.final(), cipher.getAuthTag()]);
    const temp = path.join(dir, `.tmp-${i}`);
    const handle = await open(temp, 'wx', 0o600);
    await handle.writeFile(sealed);
    await handle.sync();
    await handle.close();
    await rename(temp, path.join(dir, `${i}.raw`));
  });
  const read = await measure(count, async (i) => {
    const sealed = await readFile(path.join(dir, `${i}.raw`));
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  });
  return { write, read };
}

async function veilRound(media, payload, count, round) {
  const tokens = [];
  const write = await measure(count, async (i) => {
    const { token } = await media.store({
      tenant: 'bench',
      messageId: `wamid.${payload.length}.${round}.${i}`,
      subjectId: `55119${String(i % 50).padStart(8, '0')}`,
      mimeType: 'image/jpeg',
      bytes: payload,
    });
    tokens.push(token);
  });
  const admin = { id: 'bench-admin', tenant: 'bench', roles: ['admin'] };
  const read = await measure(count, async (i) => {
    await media.open(admin, tokens[i]);
  });
  return { write, read };
}

const dir = mkdtempSync(path.join(tmpdir(), 'veil-bench-media-'));
const runtime = await openVault(
  loadConfig(
    { dataDir: dir },
    { VEIL_REVEAL_BURST: '1000000000', VEIL_REVEAL_RATE_PER_MINUTE: '1000000000' },
  ),
);
const media = new MediaVault({
  vault: runtime.vault,
  blobs: new FsBlobStore(path.join(dir, 'blobs')),
  audit: runtime.store,
});
/** The vault's share alone: tokenizing a content-key-sized value for a subject, and its audited reveal. */
async function vaultShare(count) {
  const value = JSON.stringify({
    v: 1,
    k: randomBytes(32).toString('base64'),
    b: 'f'.repeat(40),
    m: 'image/jpeg',
    n: 1,
    s: 'e'.repeat(64),
  });
  const tokens = [];
  const write = await measure(count, async (i) => {
    const [r] = await runtime.vault.tokenize([{ value, type: 'MEDIA', mode: 'random' }], {
      tenant: 'bench',
      subjectId: `55119${String(i % 50).padStart(8, '0')}`,
    });
    tokens.push(r.token);
  });
  const admin = { id: 'bench-admin', tenant: 'bench', roles: ['admin'] };
  const read = await measure(count, async (i) => {
    await runtime.vault.detokenize([tokens[i]], admin, { purpose: 'bench', level: 'plain' });
  });
  return { write, read };
}

const results = [];
let share;
try {
  for (let round = 0; round < ROUNDS; round++) {
    const v = await vaultShare(quick ? 100 : 400);
    share = { write: best(share?.write, v.write), read: best(share?.read, v.read) };
  }
  for (const size of SIZES) {
    const payload = randomBytes(size.bytes);
    let veil;
    let raw;
    for (let round = 0; round < ROUNDS; round++) {
      const v = await veilRound(media, payload, size.count, round);
      const r = await rawRound(path.join(dir, 'raw', `${size.bytes}-${round}`), payload, size.count);
      veil = { write: best(veil?.write, v.write), read: best(veil?.read, v.read) };
      raw = { write: best(raw?.write, r.write), read: best(raw?.read, r.read) };
    }
    results.push({ size: size.label, count: size.count, veil, raw });
  }
} finally {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
}

if (json) {
  console.log(JSON.stringify({ results, vaultShare: share }, null, 2));
} else {
  const f = (n) => n.toFixed(0).padStart(7);
  console.log(`media vault (SQLite vault, filesystem blobs), best of ${ROUNDS} round(s); /s wall | /CPU-s`);
  console.log(
    'size     what              veil (wall | cpu)     raw AES-GCM + fs (wall | cpu)   veil/raw (wall)',
  );
  for (const r of results) {
    for (const [what, v, b] of [
      ['stored/s', r.veil.write, r.raw.write],
      ['opened/s', r.veil.read, r.raw.read],
    ]) {
      console.log(
        `${r.size.padEnd(8)} ${what.padEnd(16)} ${f(v.wall)} | ${f(v.cpu)}        ${f(b.wall)} | ${f(b.cpu)}              ${(v.wall / b.wall).toFixed(2)}`,
      );
    }
  }
  console.log(
    `vault share alone (tokenize a content key for a subject | audited reveal): ${f(share.write.wall)}/s | ${f(share.read.wall)}/s wall`,
  );
}
