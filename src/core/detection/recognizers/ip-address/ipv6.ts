const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** RFC 4291 §2.2 text forms: eight groups, one "::" for a run of zero groups, an optional trailing IPv4. */
export function ipv6Valid(candidate: string): boolean {
  if (candidate.length < 2 || candidate.length > 45 || !candidate.includes(':')) return false;
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const parse = (half: string): string[] | undefined => (half === '' ? [] : half.split(':'));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (head === undefined || tail === undefined) return false;
  const all = [...head, ...tail];
  let groups = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!IPV4.test(last)) return false;
    all.pop();
    groups += 1; // an IPv4 tail stands for two groups
  }
  if (groups === 0 || !all.every((g) => HEX_GROUP.test(g))) return false;
  if (halves.length === 2) return groups <= 7;
  return groups === 8;
}
