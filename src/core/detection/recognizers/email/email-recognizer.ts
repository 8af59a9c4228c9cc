import { isAsciiAlnumCode, type AnalyzedText } from '../../analyzed-text.js';
import type { Entity } from '../../entity.js';
import type { Recognizer } from '../../recognizer.js';
import { WORD_CLASSES, WordClass } from '../word-classes.js';
import { isKnownTld } from './tlds.js';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
/** [A-Za-z0-9._%+-] */
const isLocalChar = (c: number) =>
  isAsciiAlnumCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
/** [A-Za-z0-9.-] */
const isDomainChar = (c: number) => isAsciiAlnumCode(c) || c === 46 || c === 45;

/** Plain addresses, anchored on each "@" and grown outwards within RFC 5321's length limits. */
function plainEmails(doc: AnalyzedText, sink: Entity[]): void {
  const text = doc.text;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let left = at;
    if (text[left - 1] === ' ') left--; // "user @ example.org"
    let start = left;
    while (start > 0 && left - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < left && text[start] === '.') start++;
    let right = at + 1;
    if (text[right] === ' ') right++;
    let end = right;
    while (end < text.length && end - right < MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
    while (end > right && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (start === left || end === right) continue;
    const labels = text.slice(right, end).split('.');
    const tld = labels[labels.length - 1]!;
    if (labels.length < 2 || labels.some((l) => l === '') || !/^[A-Za-z]{2,24}$/.test(tld)) continue;
    if (text[left - 1] === '.') continue;
    const spaced = left !== at || right !== at + 1;
    if (spaced && !isKnownTld(tld)) continue;
    sink.push({ type: 'EMAIL', start, end, score: spaced ? 0.75 : 0.95, recognizer: 'email' });
  }
}

const AT_MARKER = /\[(?:at|arroba)\]|\((?:at|arroba)\)|\{at\}| (?:arroba|at) /gi;
const DOT = String.raw`(?:\s*\[(?:dot|ponto|punto)\]\s*|\s*\((?:dot|ponto|punto)\)\s*|\s*\{dot\}\s*|\s(?:ponto|dot|punto)\s|\.)`;
const LOCAL_BEFORE = new RegExp(String.raw`[A-Za-z0-9_%+-]+(?:${DOT}[A-Za-z0-9_%+-]+)*\s*$`, 'i');
const DOMAIN_AFTER = new RegExp(String.raw`^\s*[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)+`, 'i');
const SPELLED_DOT = /\[|\(|\{|\s(?:ponto|dot|punto)\s/i;

/**
 * Spelled-out or obfuscated addresses: "joao ponto silva arroba gmail ponto com",
 * "maria [at] example [dot] com", "ana (at) example.net". Each match is grown from its "at" marker
 * over bounded slices, so the cost stays linear.
 */
function obfuscatedEmails(doc: AnalyzedText, sink: Entity[]): void {
  const text = doc.text;
  AT_MARKER.lastIndex = 0;
  for (let m = AT_MARKER.exec(text); m !== null; m = AT_MARKER.exec(text)) {
    const markerStart = m.index;
    const markerEnd = m.index + m[0].length;
    // The domain first: it is anchored at the marker, cheaper than the local part before it.
    const domain = DOMAIN_AFTER.exec(text.slice(markerEnd, markerEnd + 160));
    if (domain === null) continue;
    const domainText = domain[0];
    const lastLabel = /([A-Za-z]+)$/.exec(domainText)?.[1] ?? '';
    if (!isKnownTld(lastLabel)) continue;
    // Plain " at " is an English preposition: only an address when the dots are spelled out too.
    const plainAt = /^ at $/i.test(m[0]);
    if (plainAt && !SPELLED_DOT.test(domainText)) continue;
    const before = text.slice(Math.max(0, markerStart - 120), markerStart);
    const local = LOCAL_BEFORE.exec(before);
    if (local === null) continue;
    const start = markerStart - before.length + local.index;
    const leading = domainText.length - domainText.trimStart().length;
    const end = markerEnd + domainText.length;
    if (leading > 1) continue;
    sink.push({ type: 'EMAIL', start, end, score: 0.8, recognizer: 'email' });
    AT_MARKER.lastIndex = end;
  }
}

export const emailRecognizer: Recognizer = {
  name: 'email',
  types: ['EMAIL'],
  wordClasses: WORD_CLASSES,
  detect(doc, _context, sink: Entity[]) {
    plainEmails(doc, sink);
    // Every "at" marker holds one of AT_WORDS: without one, no spelled-out address.
    if ((doc.classes & WordClass.AT_WORD) !== 0) obfuscatedEmails(doc, sink);
  },
};
