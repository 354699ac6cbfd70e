/**
 * The gazette (朔州市人民政府公报 2021年第5期) as documents and clauses, so a citation such as
 * 依据《朔州市辐射事故应急预案》4.1.1(3) can open the text it cites. Pure: the caller supplies the text.
 */

export interface GazetteSection {
  /** The clause number as cited: "4.1.1", "附件5"; "" for the text before the first heading. */
  id: string;
  heading: string;
  paragraphs: string[];
}

export interface GazetteDocument {
  /** 朔政办发〔2021〕42号 */
  number: string;
  /** The notice's title with its issuer: 朔州市人民政府办公室关于印发…的通知. */
  title: string;
  sections: GazetteSection[];
}

export interface Gazette {
  documents: GazetteDocument[];
}

/** Where a citation points: a document, a section in it and, when found, one paragraph. */
export interface ClauseLocation {
  document: number;
  section: number;
  paragraph: number | null;
}

const DOC_NUMBER = /^朔政办[发函]〔\d{4}〕\d+号$/;
// A numbered heading is short ("4.1.1 信息报告与通报"); numbered list items in the body are long.
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)\s+(\S.{0,30})$/;
const ANNEX_HEADING = /^附件\s*(\d+)$/;

/** Splits the gazette into documents (each starts at its own number line) and their clauses. */
export function parseGazette(text: string): Gazette {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s+$/, ''));
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (DOC_NUMBER.test(l.trim())) starts.push(i);
  });
  const documents = starts.map((start, k): GazetteDocument => {
    const next = starts[k + 1];
    const end = next === undefined ? lines.length : titleStart(lines, next);
    const above = lines
      .slice(titleStart(lines, start), start)
      .map((l) => l.replace(/\s+/g, ''))
      .filter(Boolean);
    // The issuer (朔州市人民政府办公室) heads the title; anything above it belongs to the previous document.
    const issuer = above.findLastIndex((l) => l.startsWith('朔州市人民政府'));
    const title = above.slice(Math.max(issuer, 0)).join('');
    return { number: (lines[start] ?? '').trim(), title, sections: splitSections(lines.slice(start + 1, end)) };
  });
  return { documents };
}

/** The issuer and title lines that stand above a document number (up to the blank run before them). */
function titleStart(lines: string[], numberLine: number): number {
  let i = numberLine - 1;
  let seenText = 0;
  while (i >= 0 && seenText < 3) {
    const l = (lines[i] ?? '').trim();
    if (l && (l.includes('.....') || DOC_NUMBER.test(l))) break;
    if (l) seenText++;
    i--;
  }
  return i + 1;
}

function splitSections(lines: string[]): GazetteSection[] {
  const sections: GazetteSection[] = [{ id: '', heading: '', paragraphs: [] }];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const annex = ANNEX_HEADING.exec(line);
    const numbered = NUMBERED_HEADING.exec(line);
    if (annex) sections.push({ id: `附件${annex[1]}`, heading: line.replace(/\s+/g, ''), paragraphs: [] });
    else if (numbered && !/[，。；：]$/.test(line))
      sections.push({ id: numbered[1] ?? '', heading: line, paragraphs: [] });
    // The list starts with the untitled preamble, so there is always a last section.
    else sections.at(-1)?.paragraphs.push(line);
  }
  return sections.filter((s) => s.id !== '' || s.paragraphs.length > 0);
}

/** The (1), （1） and ① markers the plans number their items with. */
function itemMarkers(token: string): string[] {
  const n = /^[(（](\d+)[)）]$/.exec(token);
  if (n) return [`(${n[1]})`, `（${n[1]}）`];
  return [token];
}

/**
 * Finds a cited clause in a document: "4.1.1(3)", "5.1.1(5)②", "附件5 重大④", "附件3 (1)".
 * The section must exist; items after it narrow to a paragraph where the text has them.
 */
export function locateClause(gazette: Gazette, documentNumber: string, clause: string): ClauseLocation | null {
  const document = gazette.documents.findIndex((d) => d.number === documentNumber);
  const doc = gazette.documents[document];
  if (!doc) return null;
  // Several clauses ("4.3.3、4.3.4"; "附件5 重大⑥、较大⑥；5.1.3"): the first one is opened.
  const first = (clause.split(/[、；;]/)[0] ?? '').trim();
  const head = /^(附件\s*\d+|\d+(?:\.\d+)*|[一二三四五六七八九十]+、\S*)/.exec(first);
  if (!head) return null;
  const headText = head[1] ?? '';
  const id = headText.replace(/\s+/g, '');
  let section = doc.sections.findIndex((s) => s.id === id);
  if (section < 0 && /^[一二三四五六七八九十]+、/.test(id)) {
    section = doc.sections.findIndex((s) => s.paragraphs.some((p) => p.startsWith(id)));
  }
  if (section < 0) return null;
  const rest = first.slice(headText.length);
  const tokens = rest.match(/[(（]\d+[)）]|[①-⑳]|[\u4e00-\u9fa5]+/g) ?? [];
  const paragraphs = doc.sections[section]?.paragraphs ?? [];
  let paragraph: number | null = null;
  let from = 0;
  for (const token of tokens) {
    const markers = itemMarkers(token);
    const numbered = markers.length > 1;
    const hit = paragraphs.findIndex(
      (p, i) => i >= from && markers.some((m) => (numbered ? p.startsWith(m) : p.includes(m))),
    );
    if (hit < 0) break;
    paragraph = hit;
    from = hit;
  }
  return { document, section, paragraph };
}

export interface GazetteHit {
  location: ClauseLocation;
  /** The clause number of the section the words were found in. */
  sectionId: string;
  text: string;
}

/** Paragraphs holding every one of the words (separated by spaces), in gazette order. */
export function searchGazette(gazette: Gazette, query: string, limit = 50): GazetteHit[] {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: GazetteHit[] = [];
  gazette.documents.forEach((doc, d) =>
    doc.sections.forEach((sec, s) =>
      sec.paragraphs.forEach((text, p) => {
        const haystack = `${sec.heading} ${text}`;
        if (hits.length < limit && words.every((w) => haystack.includes(w))) {
          hits.push({ location: { document: d, section: s, paragraph: p }, sectionId: sec.id, text });
        }
      }),
    ),
  );
  return hits;
}

export interface CitationPart {
  text: string;
  /** Present on the part that names a clause: where it points. */
  cite?: { document: string; clause: string };
}

/**
 * Splits display text into plain parts and citations. It understands 依据《plan name》clause (the
 * plan names map to their document numbers) and a bare document number followed by a clause.
 */
export function splitCitations(text: string, documentsByName: Readonly<Record<string, string>>): CitationPart[] {
  const parts: CitationPart[] = [];
  const CLAUSE = String.raw`(?:附件\s*\d+(?:\s*[\u4e00-\u9fa5]{1,4})?(?:\s*[(（]\d+[)）])?[①-⑳]?|\d+(?:\.\d+)*(?:[(（]\d+[)）])*[①-⑳]?|[一二三四五六七八九十]+、[\u4e00-\u9fa5]{1,8})`;
  const re = new RegExp(String.raw`《([^》]+)》\s*(${CLAUSE})?|(朔政办[发函]〔\d{4}〕\d+号)\s*(${CLAUSE})?`, 'g');
  let last = 0;
  for (const m of text.matchAll(re)) {
    const document = m[1] ? documentsByName[m[1]] : m[3];
    const clause = (m[1] ? m[2] : m[4])?.trim() ?? '';
    if (!document) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], cite: { document, clause } });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
