import type { AnalyzedText } from '../../analyzed-text.js';
import { type Cue, OTHER } from '../../cues.js';
import type { Entity } from '../../entity.js';
import { gluedToLetters } from '../../number-spans.js';
import { cueAdjustment, cueBefore, verdictFor } from '../../numeric-cues.js';
import { clampScore, type Recognizer } from '../../recognizer.js';
import { ipv6Valid } from './ipv6.js';

/** [0-9A-Fa-f:.] */
function isIpv6Char(c: number): boolean {
  return (c >= 48 && c <= 58) || c === 46 || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** "updated to", "atualizou para", "actualizó a": what a version number follows, not an address. */
const UPDATE_VERBS = new Set([
  ...['update', 'updated', 'upgrade', 'upgraded'],
  ...['atualizou', 'atualizei', 'atualizado', 'atualizada', 'atualizar'],
  ...['actualizo', 'actualice', 'actualizado', 'actualizada', 'actualizar'],
]);
const UPDATE_LINKS = new Set(['to', 'para', 'a', 'pra']);

function softwareUpdateBefore(doc: AnalyzedText, start: number): boolean {
  const index = doc.wordIndexAt(start);
  const link = doc.words[index - 1];
  const verb = doc.words[index - 2];
  return (
    link !== undefined &&
    verb !== undefined &&
    start - link.end <= 2 &&
    UPDATE_LINKS.has(link.norm) &&
    UPDATE_VERBS.has(verb.norm)
  );
}

const VERSION_WORDS = new Set(['versao', 'version', 'firmware']);

/**
 * "Firmware on the router is 2.4.1.9": a version's cue speaks of the dotted quad anywhere in the
 * cue window, not only right before it as other cues of other things do.
 */
function versionCue(doc: AnalyzedText, cue: Cue | undefined): boolean {
  return cue?.kind === OTHER && VERSION_WORDS.has(doc.words[cue.wordIndex]!.norm);
}

/** IPv4 dotted quads (each part 0–255) and IPv6 in full, compressed or IPv4-embedded form. */
export const ipAddressRecognizer: Recognizer = {
  name: 'ip-address',
  types: ['IP_ADDRESS'],
  detect(doc, context, sink: Entity[]) {
    const text = doc.text;
    for (const run of doc.runs) {
      const groups = run.groups;
      // Find chains of exactly four groups joined by single dots: the whole dotted chain, never a piece of a longer one.
      let chainStart = 0;
      for (let k = 0; k < groups.length; k++) {
        const next = groups[k + 1];
        const dotted =
          next !== undefined && next.start - groups[k]!.end === 1 && text.charCodeAt(groups[k]!.end) === 46;
        if (dotted) continue;
        if (k - chainStart === 3) {
          const first = groups[chainStart]!;
          const last = groups[k]!;
          const parts = groups.slice(chainStart, k + 1).map((g) => text.slice(g.start, g.end));
          if (
            parts.every((p) => p.length <= 3 && Number(p) <= 255) &&
            !isNetmask(parts) &&
            !gluedToLetters(doc, first.start, last.end) &&
            !softwareUpdateBefore(doc, first.start)
          ) {
            const cue = cueBefore(doc, context, first.start);
            const verdict = verdictFor(cue, 'IP_ADDRESS', parts.join('').length);
            if (verdict !== 'vetoes' && !versionCue(doc, cue)) {
              const score = clampScore(0.8 + Math.max(0, cueAdjustment(verdict)));
              sink.push({
                type: 'IP_ADDRESS',
                start: first.start,
                end: last.end,
                score,
                recognizer: 'ip-address',
              });
            }
          }
        }
        chainStart = k + 1;
      }
    }
    detectIpv6(doc, context, sink);
  },
};

function detectIpv6(
  doc: Parameters<typeof ipAddressRecognizer.detect>[0],
  context: Parameters<typeof ipAddressRecognizer.detect>[1],
  sink: Entity[],
): void {
  const text = doc.text;
  let from = 0;
  for (let colon = text.indexOf(':', from); colon !== -1; colon = text.indexOf(':', from)) {
    let start = colon;
    while (start > 0 && isIpv6Char(text.charCodeAt(start - 1))) start--;
    let end = colon;
    while (end < text.length && isIpv6Char(text.charCodeAt(end))) end++;
    from = end + 1;
    // Trailing sentence dots and colons are not part of the address.
    while (end > start && (text[end - 1] === '.' || (text[end - 1] === ':' && text[end - 2] !== ':'))) end--;
    // Every IPv6 address has two colons or more; a time of day ("13:45") has one.
    let colons = 0;
    for (let i = start; i < end && colons < 2; i++) if (text.charCodeAt(i) === 58) colons++;
    if (colons < 2) continue;
    const candidate = text.slice(start, end);
    if (end - start > 45 || !ipv6Valid(candidate) || gluedToLetters(doc, start, end)) continue;
    if (verdictFor(cueBefore(doc, context, start), 'IP_ADDRESS', end - start) === 'vetoes') continue;
    sink.push({ type: 'IP_ADDRESS', start, end, score: 0.85, recognizer: 'ip-address' });
  }
}

/**
 * "255.255.255.248": a subnet mask (ones, then zeros, from 255 on) describes a network's size and is
 * no address of anyone's.
 */
function isNetmask(parts: readonly string[]): boolean {
  if (parts[0] !== '255') return false;
  let bits = 0;
  for (const p of parts) bits = bits * 256 + Number(p);
  const inverted = 0xffffffff - bits;
  return (inverted & (inverted + 1)) === 0;
}
