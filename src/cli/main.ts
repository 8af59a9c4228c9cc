import { Command, CommanderError } from 'commander';
import { registerDetectCommands } from './commands/detect.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerTemplatesCommands } from './commands/templates.js';
import { registerSimCommands } from './commands/sim.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerVaultCommands } from './commands/vault.js';
import { registerRevealCommand } from './commands/reveal.js';
import { registerKeysCommands } from './commands/keys.js';

/**
 * Builds the `veil` program. Each command module registers itself; the global `--data` option
 * is read by commands through `dataDirOf(command)`.
 */
export function buildProgram(): Command {
  const program = new Command('veil')
    .description('Veil: privacy gateway for contact-center messaging')
    .option('--data <dir>', 'data directory (env VEIL_DATA_DIR, default ./data)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerDetectCommands(program);
  registerDemoCommand(program);
  registerTemplatesCommands(program);
  registerSimCommands(program);
  registerSandboxCommand(program);
  registerVaultCommands(program);
  registerRevealCommand(program);
  registerKeysCommands(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
