import { mkdtempSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { describeKeyProvider } from '../../core/vault/test-support/key-provider-contract.js';
import { LocalKeyProvider } from './local-key-provider.js';

describeKeyProvider('local keyring file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'veil-keys-'));
  return {
    open: async () => new LocalKeyProvider(path.join(dir, 'keyring.json')),
    openForeign: async () => new LocalKeyProvider(path.join(dir, 'other', 'keyring.json')),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('LocalKeyProvider file', () => {
  it('creates the keyring with mode 0600 and refuses one readable by others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'veil-keys-'));
    try {
      const file = path.join(dir, 'keyring.json');
      await new LocalKeyProvider(file).ensureKey('veil-kek');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      chmodSync(file, 0o644);
      await expect(new LocalKeyProvider(file).ensureKey('veil-kek')).rejects.toThrow(/chmod 600/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
