/** The gazette as one string without whitespace, for checking seed data against its source. */
import { GAZETTE_TEXT } from '../../helpers/gazette';

/** Whitespace and table markup removed, full-width brackets folded, so wrapped lines read as one. */
export const GAZETTE = GAZETTE_TEXT.replace(/<\/?p>/g, '')
  .replace(/[\s\u00a0\u3000]+/g, '')
  .replace(/（/g, '(')
  .replace(/）/g, ')');

/** The text strictly between the first `start` at or after `from` and the next `end`. */
export function between(start: string, end: string, from = ''): string {
  const base = from ? GAZETTE.indexOf(from) : 0;
  if (base < 0) throw new Error(`anchor not found: ${from}`);
  const i = GAZETTE.indexOf(start, base);
  if (i < 0) throw new Error(`start not found: ${start}`);
  const j = GAZETTE.indexOf(end, i + start.length);
  if (j < 0) throw new Error(`end not found: ${end}`);
  return GAZETTE.slice(i + start.length, j);
}
