import type { Command } from 'commander';
import { createDefaultEngine } from '../../core/detection/default-engine.js';
import { createOperatorRegistry } from '../../core/protection/default-operators.js';
import { uniformPolicy } from '../../core/protection/policy.js';
import { protect } from '../../core/protection/protect.js';

const DEMO_MESSAGES: readonly { text: string; lang: 'pt' | 'en' | 'es' }[] = [
  { lang: 'pt', text: 'Oi, aqui é a Camila Rocha. Meu CPF é 529.982.247-25 e meu zap (11) 98765-4321.' },
  { lang: 'en', text: 'My card is 4111 1111 1111 1111, CVV 123, email john.smith@example.com' },
  { lang: 'es', text: 'Me llamo Pablo Alonso, vivo en Calle Mayor 15, 3º B. Nací el 3 de marzo de 1990.' },
];

/** A short, real run of the detector and the mask operator over sample chat messages. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('show detection and masking on sample chat messages')
    .action(async () => {
      const engine = createDefaultEngine();
      const operators = createOperatorRegistry();
      for (const message of DEMO_MESSAGES) {
        const entities = engine.detect(message);
        const masked = await protect(message.text, entities, uniformPolicy('mask'), operators);
        process.stdout.write(`\n[${message.lang}] customer: ${message.text}\n`);
        for (const e of entities)
          process.stdout.write(`   found ${e.type} (${e.score.toFixed(2)}, ${e.recognizer})\n`);
        process.stdout.write(`   platform sees: ${masked.text}\n`);
      }
    });
}
