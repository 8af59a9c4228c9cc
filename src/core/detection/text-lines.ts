/**
 * Start of the line holding `offset` (0 on the text's first line), or -1 when no line break lies
 * within `reach` characters before it. A bounded loop, not lastIndexOf: that would search the whole
 * text before a long line, once per value, and make a scan quadratic.
 */
export function lineStartWithin(text: string, offset: number, reach: number): number {
  for (let i = offset - 1; i >= 0 && offset - i <= reach; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return offset <= reach ? 0 : -1;
}
