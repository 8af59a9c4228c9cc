import type { Command } from 'commander';
import { readAll } from '../jsonl.js';
import type { RevealLevel } from '../../core/vault/reveal-policy.js';
import { cliPrincipalId, withVault } from './vault.js';

interface RevealFlags {
  role: string;
  level?: RevealLevel;
  tenant?: string;
  purpose: string;
  json?: boolean;
}

/**
 * `veil reveal [--role R] [--level L] TOKEN…` (or tokens on stdin, one a line): prints what that
 * role may see, one line per token, in order. Every reveal is audited as the OS user.
 */
export function registerRevealCommand(program: Command): void {
  program
    .command('reveal')
    .description('turn tokens back into what a role may see (plain, masked or redacted); audited')
    .argument('[tokens...]', 'tokens; read from stdin (one a line) when none are given')
    .option('--role <roles>', 'role(s) to reveal as, comma separated', 'agent')
    .option('--level <level>', 'ask for less than the role allows: plain | masked | redacted')
    .option('--tenant <tenant>', 'tenant (default VEIL_DEFAULT_TENANT)')
    .option('--purpose <purpose>', 'why, for the audit trail', 'cli')
    .option(
      '--json',
      'one JSON line per token: {"token","ok","level","value"} or {"token","ok":false,"code"}',
    )
    .action(async (args: string[], flags: RevealFlags, command: Command) => {
      if (flags.level && !['plain', 'masked', 'redacted'].includes(flags.level)) {
        throw new Error('--level must be plain, masked or redacted');
      }
      const tokens = args.length
        ? args
        : (await readAll(process.stdin))
            .split(/\r?\n/)
            .map((t) => t.trim())
            .filter(Boolean);
      if (tokens.length === 0) return;
      const results = await withVault(command, (runtime) =>
        runtime.vault.detokenize(
          tokens,
          {
            id: cliPrincipalId(),
            tenant: flags.tenant ?? runtime.config.defaultTenant,
            roles: flags.role.split(',').map((r) => r.trim()),
          },
          { purpose: flags.purpose, level: flags.level },
        ),
      );
      let failed = 0;
      for (const r of results) {
        if (flags.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        else if (r.ok) process.stdout.write(`${r.value}\n`);
        else {
          process.stdout.write('\n');
          process.stderr.write(`${r.token}: ${r.code} ${r.message}\n`);
        }
        if (!r.ok) failed++;
      }
      if (failed > 0) process.exitCode = 1;
    });
}
