import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDetectionConfig } from './detection-config.js';

const write = (name: string, content: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'veil-cfg-')), name);
  writeFileSync(file, content);
  return file;
};

describe('detection configuration', () => {
  it('reads YAML with defaults filled in', () => {
    const file = write(
      'd.yaml',
      'allowList: [Bia, Max]\ncustomTypes:\n  - type: EMPLOYEE_ID\n    pattern: "EMP-\\\\d{5}"\n',
    );
    const config = loadDetectionConfig(file);
    expect(config.allowList).toEqual(['Bia', 'Max']);
    expect(config.customTypes[0]).toMatchObject({
      type: 'EMPLOYEE_ID',
      validator: 'none',
      score: 0.6,
      context: [],
    });
  });

  it('names every problem with its path', () => {
    const file = write(
      'd.json',
      JSON.stringify({ customTypes: [{ type: 'lower', pattern: '' }], unknown: 1 }),
    );
    expect(() => loadDetectionConfig(file)).toThrow(/customTypes\.0\.type: an upper-case name/);
    expect(() => loadDetectionConfig(file)).toThrow(/customTypes\.0\.pattern/);
  });

  it('says which file it cannot read', () => {
    expect(() => loadDetectionConfig('/nonexistent/veil.yaml')).toThrow(
      /cannot read detection config \/nonexistent\/veil.yaml/,
    );
  });
});
