import { Command, CommanderError } from 'commander';

type Register = (program: Command) => void;

/**
 * Command groups by the names they register, loaded on demand: `veil detect` should not pay for
 * Fastify, Kysely or PKCS#11 at start-up. `redact` also loads the vault, which contributes the
 * `tokenize` and `encrypt` operators.
 */
const COMMAND_GROUPS: readonly { readonly names: readonly string[]; load(): Promise<Register[]> }[] = [
  { names: ['detect'], load: async () => [(await import('./commands/detect.js')).registerDetectCommands] },
  {
    names: ['redact'],
    load: async () => [
      (await import('./commands/detect.js')).registerDetectCommands,
      (await import('./commands/vault.js')).registerVaultCommands,
    ],
  },
  { names: ['demo'], load: async () => [(await import('./commands/demo.js')).registerDemoCommand] },
  {
    names: ['templates'],
    load: async () => [(await import('./commands/templates.js')).registerTemplatesCommands],
  },
  { names: ['sim'], load: async () => [(await import('./commands/sim.js')).registerSimCommands] },
  {
    names: ['sandbox'],
    load: async () => {
      const { registerSandboxCommand } = await import('./commands/sandbox.js');
      const { sandboxGateway } = await import('./commands/sandbox-gateway.js');
      return [(program: Command) => registerSandboxCommand(program, sandboxGateway)];
    },
  },
  { names: ['serve'], load: async () => [(await import('./commands/serve.js')).registerServeCommand] },
  { names: ['vault'], load: async () => [(await import('./commands/vault.js')).registerVaultCommands] },
  { names: ['reveal'], load: async () => [(await import('./commands/reveal.js')).registerRevealCommand] },
  { names: ['keys'], load: async () => [(await import('./commands/keys.js')).registerKeysCommands] },
];

/** The command name in argv (after the global options), if any. */
function commandNameOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--data') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Builds the `veil` program with the command groups `argv` needs (all of them for help or an
 * unknown command). The global `--data` option is read by commands through `optsWithGlobals()`.
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('veil')
    .description('Veil: privacy gateway for contact-center messaging')
    .option('--data <dir>', 'data directory (env VEIL_DATA_DIR, default ./data)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  const name = commandNameOf(argv.slice(2));
  const wanted = COMMAND_GROUPS.filter((g) => name !== undefined && g.names.includes(name));
  const registered = new Set<Register>();
  for (const group of wanted.length > 0 ? wanted : COMMAND_GROUPS) {
    for (const register of await group.load()) {
      if (registered.has(register)) continue;
      registered.add(register);
      register(program);
    }
  }
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
