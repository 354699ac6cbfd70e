/**
 * Reads the gazette for table-driven tests: the section of one plan, the span of one clause, and a
 * check that a quoted text really occurs there. Punctuation width and line breaks are normalised
 * because the gazette mixes half- and full-width marks and breaks paragraphs at page ends.
 */
import { GAZETTE_TEXT } from '../../helpers/gazette';

const LINES = GAZETTE_TEXT.split(/\r?\n/);

const WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

export function normalise(s: string): string {
  return s
    .replace(/^\s*-\s+/gm, '')
    .replace(/[,;:()!?]/g, (c) => WIDTH[c] ?? c)
    .replace(/[\s\u00a0\u3000]+/g, '');
}

export const DOCUMENTS = {
  comms: '朔政办发〔2021〕40号',
  radiation: '朔政办发〔2021〕42号',
  environment: '朔政办发〔2021〕43号',
} as const;

/** Lines of one plan: from its document number line to the next document number line. */
export function planLines(plan: keyof typeof DOCUMENTS): string[] {
  const start = LINES.findIndex((l) => l.trim() === DOCUMENTS[plan]);
  if (start < 0) throw new Error(`document ${DOCUMENTS[plan]} not found`);
  const rel = LINES.slice(start + 1).findIndex((l) => /^朔政办发〔2021〕\d+号$/.test(l.trim()));
  return LINES.slice(start, rel < 0 ? undefined : start + 1 + rel);
}

const HEADING = /^(\d+(?:\.\d+)*)\s+\S/;

/** Normalised text of clause `n` (e.g. "4.3.2"), including its sub-clauses, within one plan. */
export function clauseText(plan: keyof typeof DOCUMENTS, n: string): string {
  const lines = planLines(plan);
  const at = lines.findIndex((l) => HEADING.exec(l.trim())?.[1] === n);
  if (at < 0) throw new Error(`clause ${n} not found in ${DOCUMENTS[plan]}`);
  let end = lines.length;
  for (let i = at + 1; i < lines.length; i++) {
    const m = HEADING.exec(lines[i]!.trim());
    if (m && !m[1]!.startsWith(`${n}.`)) {
      end = i;
      break;
    }
  }
  // The heading line's own title is dropped: quotes come from the body.
  return normalise(lines.slice(at + 1, end).join('\n'));
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

/**
 * Narrows a clause text to one numbered item: "(3)" → from "（3）" to "（4）"; "①" → from ① to ②.
 */
function narrow(text: string, marker: string): string {
  let open: string;
  let next: string;
  const num = /^\((\d+)\)$/.exec(marker);
  if (num) {
    open = `（${num[1]}）`;
    next = `（${Number(num[1]) + 1}）`;
  } else {
    const i = CIRCLED.indexOf(marker);
    if (i < 0) throw new Error(`bad marker ${marker}`);
    open = marker;
    next = CIRCLED[i + 1] ?? '\u0000';
  }
  const a = text.indexOf(open);
  if (a < 0) throw new Error(`item ${marker} not found`);
  const b = text.indexOf(next, a + open.length);
  return text.slice(a + open.length, b < 0 ? undefined : b);
}

/** Span for a clause reference such as "4.4.2(2)①" or "5.5". */
export function clauseSpan(plan: keyof typeof DOCUMENTS, ref: string): string {
  const m = /^(\d+(?:\.\d+)*)((?:\(\d+\))?)([①-⑩]?)$/.exec(ref);
  if (!m) throw new Error(`unparsed clause reference ${ref}`);
  let text = clauseText(plan, m[1]!);
  if (m[2]) text = narrow(text, m[2]);
  if (m[3]) text = narrow(text, m[3]);
  return text;
}

/** True when every part of `quote` (split at "……") occurs, in order, in the clause span. */
export function quotedIn(plan: keyof typeof DOCUMENTS, ref: string, quote: string): boolean {
  const span = clauseSpan(plan, ref);
  let from = 0;
  for (const part of quote.split('……').map(normalise)) {
    if (part === '') return false;
    const i = span.indexOf(part, from);
    if (i < 0) return false;
    from = i + part.length;
  }
  return true;
}

/** Clause references of an item: "4.3.3(3)、4.4.3" → ["4.3.3(3)", "4.4.3"]. */
export function refsOf(clause: string): string[] {
  return clause.split('、');
}
