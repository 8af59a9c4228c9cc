/**
 * Top-level domains that a spelled-out address may end with: the generic ones in common use and
 * the country codes of the markets Veil serves. A plain "a@b.xyz" address is accepted with any
 * alphabetic TLD; this list guards the fuzzier forms against ordinary words.
 */
const TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'io', 'co', 'me', 'app', 'dev', 'online', 'site',
  'store', 'shop', 'tech', 'email', 'live', 'cloud', 'xyz',
  'br', 'pt', 'es', 'mx', 'ar', 'cl', 'pe', 'uy', 'py', 'bo', 've', 'ec', 'us', 'uk', 'ca', 'de', 'fr', 'it', 'nl', 'be',
  'ch', 'at', 'ie', 'au', 'nz', 'jp', 'cn', 'in', 'eu',
]);

export const isKnownTld = (label: string): boolean => TLDS.has(label.toLowerCase());
