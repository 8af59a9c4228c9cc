import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const outerLayers = ['adapters', 'http', 'cli', 'gateway', 'jobs', 'config', 'compose', 'sandbox'];
const layerPatterns = (layers) => layers.flatMap((l) => [`**/${l}`, `**/${l}/**`, `**/${l}.js`]);
const ioPackages = ['fastify', 'kysely', 'better-sqlite3', 'pg', 'pkcs11js', 'pino', 'undici', 'commander'];
const ioNodeModules = [
  'node:fs',
  'node:fs/promises',
  'node:http',
  'node:https',
  'node:net',
  'node:child_process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config only.' },
      ],
    },
  },
  {
    files: [
      '**/test-support/**',
      'src/config/**',
      'bench/**',
      'scripts/**',
      'bin/**',
      '**/*.test.ts',
      'vitest.config.ts',
      'test/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The product does not depend on the simulators; only the CLI commands that start them do.
    files: ['src/cli/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/cli/commands/sim.ts', 'src/cli/commands/sandbox.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/sandbox/**'], message: 'only veil sim/sandbox start the simulators.' }] },
      ],
    },
  },
  {
    // Below the CLI: nothing imports the CLI or the simulators (dependencies point inwards).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/test-support/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/sandbox/**'], message: 'only veil sim/sandbox start the simulators.' },
            { group: ['**/cli/**', '**/cli'], message: 'the CLI depends on the rest, never the other way.' },
          ],
        },
      ],
    },
  },
  {
    // The domain core knows nothing of transport, storage or vendors.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...ioPackages, ...ioNodeModules].map((name) => ({
            name,
            message: 'src/core must stay free of I/O; put this in an adapter.',
          })),
          patterns: [
            { group: layerPatterns(outerLayers), message: 'src/core imports nothing outside src/core.' },
          ],
        },
      ],
    },
  },
  {
    // Detection and the vault never import each other.
    files: ['src/core/detection/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...layerPatterns(outerLayers), '**/vault/**'], message: 'detection is pure.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/vault/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...ioPackages, ...ioNodeModules].map((name) => ({ name, message: 'vault core is pure.' })),
          patterns: [
            { group: [...layerPatterns(outerLayers), '**/detection/**'], message: 'vault is pure.' },
          ],
        },
      ],
    },
  },
  {
    // The simulators share nothing with the product.
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'sandbox/ shares no internals with src/.' }] },
      ],
    },
  },
);
