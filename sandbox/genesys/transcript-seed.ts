import { randomUUID } from 'node:crypto';
import type { Interaction, InteractionMessage, Participant, SeededPii } from './interaction-model.js';
import { pick, seededRandom, syntheticPerson, type Person, type Random } from './synthetic-pii.js';

/**
 * Synthetic web-messaging transcripts in Portuguese, English and Spanish, each with customer PII
 * in the places real chats carry it. Deterministic for a seed (ids included).
 */
type Line = (person: Person) => { text: string; pii: Array<Pick<SeededPii, 'type' | 'value'>> };

const customerLines: readonly Line[] = [
  (p) => ({ text: `Oi, meu nome é ${p.fullName}`, pii: [{ type: 'PERSON', value: p.fullName }] }),
  (p) => ({ text: `Meu CPF é ${p.cpf}`, pii: [{ type: 'CPF', value: p.cpf }] }),
  (p) => ({ text: `my email is ${p.email}, thanks`, pii: [{ type: 'EMAIL', value: p.email }] }),
  (p) => ({ text: `Pode ligar no ${p.phone} depois das 18h`, pii: [{ type: 'PHONE', value: p.phone }] }),
  (p) => ({ text: `o número do cartão é ${p.card}`, pii: [{ type: 'CREDIT_CARD', value: p.card }] }),
  (p) => ({
    text: `Vivo en ${p.address}, segundo piso`,
    pii: [{ type: 'STREET_ADDRESS', value: p.address }],
  }),
  (p) => ({
    text: `Sou ${p.fullName}, CPF ${p.cpf}, email ${p.email}`,
    pii: [
      { type: 'PERSON', value: p.fullName },
      { type: 'CPF', value: p.cpf },
      { type: 'EMAIL', value: p.email },
    ],
  }),
  () => ({ text: 'Quero saber do meu pedido, por favor', pii: [] }),
];

const agentLines: readonly Line[] = [
  (p) => ({
    text: `Obrigado, ${p.firstName}. Vou verificar agora.`,
    pii: [{ type: 'PERSON', value: p.firstName }],
  }),
  () => ({ text: 'Can you confirm the email on the account?', pii: [] }),
  (p) => ({ text: `Confirmo o endereço ${p.address}?`, pii: [{ type: 'STREET_ADDRESS', value: p.address }] }),
  () => ({ text: 'Listo, ya quedó registrado.', pii: [] }),
];

const botLines: readonly string[] = [
  'Olá! Sou a assistente virtual. Como posso ajudar?',
  'Hi! I am the virtual assistant. How can I help?',
  '¡Hola! Soy el asistente virtual. ¿En qué puedo ayudarte?',
];

const agents = ['Paula Agent', 'Rafael Agent', 'Laura Agent'];

export interface Seed {
  readonly interactions: Interaction[];
  readonly pii: SeededPii[];
}

/** `count` transcripts starting from 2026-04-01, a few hours apart. */
export function seedTranscripts(count: number, seed: number): Seed {
  const random = seededRandom(seed);
  const uuid = (): string => seededUuid(random);
  const interactions: Interaction[] = [];
  const pii: SeededPii[] = [];
  const start = Date.parse('2026-04-01T09:00:00.000Z');
  for (let n = 0; n < count; n += 1) {
    const person = syntheticPerson(random);
    const customer: Participant = {
      id: uuid(),
      purpose: 'customer',
      name: person.fullName,
      address: person.email,
    };
    const bot: Participant = { id: uuid(), purpose: 'bot', name: 'Virtual Assistant' };
    const agent: Participant = { id: uuid(), purpose: 'agent', name: pick(random, agents) };
    const id = uuid();
    let clock = start + n * 3 * 3600_000 + Math.floor(random() * 3600_000);
    const messages: InteractionMessage[] = [];
    const add = (participant: Participant, text: string, found: Array<Pick<SeededPii, 'type' | 'value'>>) => {
      clock += 5000 + Math.floor(random() * 60_000);
      const message: InteractionMessage = {
        id: uuid(),
        participantId: participant.id,
        purpose: participant.purpose,
        direction: participant.purpose === 'customer' ? 'inbound' : 'outbound',
        timestamp: new Date(clock).toISOString(),
        text,
      };
      messages.push(message);
      for (const item of found) pii.push({ interactionId: id, messageId: message.id, ...item });
    };
    add(bot, pick(random, botLines), []);
    const turns = 2 + Math.floor(random() * 3);
    for (let t = 0; t < turns; t += 1) {
      const said = pick(random, customerLines)(person);
      add(customer, said.text, said.pii);
      const answer = pick(random, agentLines)(person);
      add(agent, answer.text, answer.pii);
    }
    interactions.push({
      id,
      version: 1,
      mediaType: 'message',
      messengerType: 'webmessaging',
      startTime: messages[0]?.timestamp ?? new Date(clock).toISOString(),
      endTime: new Date(clock + 1000).toISOString(),
      participants: [customer, bot, agent],
      messages,
    });
  }
  return { interactions, pii };
}

function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export const newInteractionId = (): string => randomUUID();
