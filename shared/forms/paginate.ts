// Page breaks a reader accepts, decided before printing, and the pages themselves. Chromium
// repeats a table's header on a continuation page but cannot say 续表, and it may leave a heading
// at the foot of a page or a signature block alone on the last one. This pass lays the form out
// once on screen (the sheet is exactly the text block wide), walks the blocks page by page and
//  - splits a table that runs over the page into a continuation table headed 续表 with its header
//    repeated, starting on a new page (a single row taller than what is left is split line by line);
//  - splits running text between lines (at least two lines on each side where it can);
//  - moves a heading that would end a page to the next page together with what follows it;
//  - moves a signature block that would stand alone together with the block or the last row
//    before it.
// Then it regroups the sheet into one `.page` element per printed page, each with its number
// (`— N —`). The result is plain HTML: print breaks after every `.page`, the screen shows the
// pages as sheets of paper, so the preview and the PDF have the same pages. It needs no script
// once done: the printers paginate in a scripted page and print the serialised result in a page
// without JavaScript (PAGED_HTML_SCRIPT), the preview runs `paginateDocument` on its frame.

// The DOM this pass uses, declared here because shared/ compiles without the DOM library. A real
// Document satisfies these shapes.
interface Box {
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface PNode {
  nodeType: number;
  textContent: string | null;
}
interface PText extends PNode {
  readonly length: number;
  readonly data: string;
  deleteData(offset: number, count: number): void;
}
interface PElement extends PNode {
  readonly tagName: string;
  className: string;
  readonly children: ArrayLike<PElement>;
  readonly childNodes: ArrayLike<PNode>;
  readonly firstElementChild: PElement | null;
  readonly nextElementSibling: PElement | null;
  readonly previousElementSibling: PElement | null;
  readonly classList: { add(...tokens: string[]): void };
  /** Present on HTML elements (a col's width may be set through it). */
  readonly style?: { cssText: string };
  matches(selectors: string): boolean;
  getBoundingClientRect(): Box;
  cloneNode(deep?: boolean): PNode;
  after(...nodes: PNode[]): void;
  append(...nodes: PNode[]): void;
  prepend(...nodes: PNode[]): void;
  querySelector(selectors: string): PElement | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
}
interface PCell extends PElement {
  readonly rowSpan: number;
}
interface PRow extends PElement {
  readonly cells: ArrayLike<PCell>;
}
interface PSection extends PElement {
  readonly rows: ArrayLike<PRow>;
}
interface PTable extends PElement {
  readonly tHead: PSection | null;
  readonly tBodies: ArrayLike<PSection>;
}
interface PRange {
  setStart(node: PNode, offset: number): void;
  setEnd(node: PNode, offset: number): void;
  getClientRects(): ArrayLike<Box>;
  extractContents(): PNode;
  toString(): string;
}
export interface PaginatedDocument {
  readonly body: PElement;
  readonly defaultView: {
    getComputedStyle(el: PElement): { marginTop: string; paddingTop: string; position: string; display: string };
  } | null;
  querySelector(selectors: string): PElement | null;
  createElement(tag: string): PElement;
  createRange(): PRange;
  createTreeWalker(root: PNode, whatToShow: number): { nextNode(): PNode | null };
}

/**
 * Plans the pages of a form document and regroups its sheet into `.page` elements; returns the
 * page count (equal to the PDF's). A document already paginated returns its count unchanged.
 * Self-contained (no references outside its body): PAGINATE_SCRIPT sends its source into a page.
 */
export function paginateDocument(doc: PaginatedDocument): number {
  const sheet = doc.querySelector('.sheet');
  const view = doc.defaultView;
  if (!sheet || !view) return 0;
  const planned = sheet.getAttribute('data-pages');
  if (planned) return Number(planned);
  const MM = 96 / 25.4;
  // A little slack so rounding never makes Chromium break earlier than planned.
  const pageH = (Number(doc.body.getAttribute('data-page-mm')) || 225) * MM - 3;
  const rect = (el: PElement): Box => el.getBoundingClientRect();
  const css = (el: PElement) => view.getComputedStyle(el);
  const marginTop = (el: PElement): number => parseFloat(css(el).marginTop) || 0;
  const isHeading = (el: PElement | null): boolean => !!el && el.matches('h1, h2, .h1, .keep, .cont-mark');
  const isTable = (el: PElement | null): el is PTable => !!el && el.tagName === 'TABLE';
  const bodyRows = (t: PTable): PRow[] => Array.from(t.tBodies[0]?.rows ?? []);
  const isDataTable = (el: PElement | null): el is PTable => isTable(el) && !!el.tHead && bodyRows(el).length > 0;
  // Blocks that close what comes before them and never start a page alone: signatures, the
  // 签发 block, a form's footnote (注：…).
  const isTrailer = (el: PElement): boolean => el.matches('.signatures, .signoff, .note');
  const isText = (el: PElement): boolean => el.matches('.body-text, .box, p, td, th');
  const hasText = (el: PElement): boolean => !!(el.textContent ?? '').trim();
  let pageStart = rect(sheet).top + (parseFloat(css(sheet).paddingTop) || 0);
  const limit = (): number => pageStart + pageH;
  /** Elements that begin pages 2, 3, …, all children of the sheet. */
  const starts: PElement[] = [];

  const breakBefore = (el: PElement): void => {
    starts.push(el);
    pageStart = rect(el).top - marginTop(el);
  };

  const unfield = (el: PElement): void => {
    // A continued part is not the field itself: tools find a field by its first part.
    const f = el.getAttribute('data-field');
    if (f !== null) {
      el.removeAttribute('data-field');
      el.setAttribute('data-cont-of', f);
    }
  };

  // The first character of each line of an element's text, with the line's extent.
  type Line = { node: PText; offset: number; bottom: number };
  const linesOf = (el: PElement): Line[] => {
    const walker = doc.createTreeWalker(el, 4);
    const range = doc.createRange();
    const out: Line[] = [];
    let lineBottom = -Infinity;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // the walker was created with filter 4 (SHOW_TEXT): every node it yields is text
      const t = n as PText;
      for (let i = 0; i < t.length; i++) {
        const code = t.data.charCodeAt(i);
        if (code >= 0xdc00 && code <= 0xdfff) continue;
        const wide = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        range.setStart(t, i);
        range.setEnd(t, Math.min(t.length, i + wide));
        const boxes = Array.from(range.getClientRects()).filter((b) => b.height > 0);
        const b = boxes[0];
        if (!b) continue;
        const bottom = Math.max(...boxes.map((x) => x.bottom));
        const last = out[out.length - 1];
        if (!last || b.top >= lineBottom - 2) {
          out.push({ node: t, offset: i, bottom });
          lineBottom = bottom;
        } else {
          lineBottom = Math.max(lineBottom, bottom);
          last.bottom = lineBottom;
        }
      }
    }
    return out;
  };

  // Moves the text of `el` from `line` on into `into` (an empty copy of el).
  const moveFrom = (el: PElement, line: Line, into: PElement): void => {
    const range = doc.createRange();
    range.setStart(line.node, line.offset);
    range.setEnd(el, el.childNodes.length);
    into.append(range.extractContents());
  };

  // Splits running text at the page's foot: at least `minFirst` lines stay, two go on where they
  // can. Returns the continued part (inserted after el), or null when it should move whole.
  const splitText = (el: PElement, minFirst: number): PElement | null => {
    const lines = linesOf(el);
    let fit = lines.findIndex((l) => l.bottom > limit());
    if (fit < 0) return null;
    if (lines.length - fit < 2 && fit - 1 >= Math.max(minFirst, 2)) fit -= 1;
    const at = lines[fit];
    if (fit < minFirst || !at) return null;
    // cloneNode returns the base Node type; a clone has the class of its source
    const rest = el.cloneNode(false) as PElement;
    unfield(rest);
    rest.classList.add('cont-text');
    const before = doc.createRange();
    before.setStart(el, 0);
    before.setEnd(at.node, at.offset);
    const newParagraph = before.toString().endsWith('\n');
    moveFrom(el, at, rest);
    if (!newParagraph) {
      // The last line before the break is a full line (justified); the paragraph runs on, and its
      // first line on the new page is not indented again (a lead pulls it back to the margin).
      justifyLastLine(el);
      const lead = doc.createElement('span');
      lead.className = 'cont-lead';
      rest.prepend(lead);
    }
    el.after(rest);
    return rest;
  };

  // Justifies the last line of `el` only. text-align-last also stretches every line the officer
  // ended with a line break, so with one of those in `el` the paragraph after the last of them
  // becomes a block of its own (the break itself is dropped: the block begins the new line).
  const justifyLastLine = (el: PElement): void => {
    const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    let last: { node: PText; at: number } | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // SHOW_TEXT yields text nodes only
      const t = n as PText;
      const i = t.data.lastIndexOf('\n');
      if (i >= 0) last = { node: t, at: i };
    }
    if (!last) {
      el.classList.add('split-end');
      return;
    }
    const range = doc.createRange();
    range.setStart(last.node, last.at + 1);
    range.setEnd(el, el.childNodes.length);
    const paragraph = doc.createElement('span');
    paragraph.className = 'split-last';
    paragraph.append(range.extractContents());
    last.node.deleteData(last.at, 1);
    el.append(paragraph);
  };

  // May a table be split before row k? Not inside a group of rows a cell spans.
  const splitPoints = (rows: PRow[]): boolean[] => {
    let covered = 0;
    return rows.map((r, i) => {
      const ok = i >= covered;
      for (const c of Array.from(r.cells)) covered = Math.max(covered, i + (c.rowSpan || 1));
      return ok;
    });
  };

  // Moves rows[k..] of a table (after `lead`, the continued part of a split row) into a
  // continuation table that starts a new page under 续表, with the header repeated.
  const split = (table: PTable, k: number, lead?: PRow): PElement => {
    const rows = bodyRows(table);
    const mark = doc.createElement('div');
    mark.className = 'cont-mark';
    mark.textContent = '续表';
    // cloneNode returns the base Node type; a clone has the class of its source
    const cont = table.cloneNode(false) as PTable;
    cont.classList.add('cont');
    const cols = table.querySelector('colgroup');
    if (cols) {
      // cloneNode returns the base Node type; a clone has the class of its source
      const copy = cols.cloneNode(true) as PElement;
      // Column widths are set through the CSSOM where the page's policy refuses style attributes.
      Array.from(cols.children).forEach((c, i) => {
        const to = copy.children[i];
        if (to?.style && c.style) to.style.cssText = c.style.cssText;
      });
      cont.append(copy);
    }
    if (table.tHead) cont.append(table.tHead.cloneNode(true));
    const body = doc.createElement('tbody');
    if (lead) body.append(lead);
    for (const r of rows.slice(k)) body.append(r);
    cont.append(body);
    table.after(mark, cont);
    breakBefore(mark);
    return mark;
  };

  // A row taller than what is left: its cells' text continues in a copy of the row.
  const splitRow = (row: PRow): PRow | null => {
    const cells = Array.from(row.cells);
    if (cells.some((c) => (c.rowSpan || 1) > 1)) return null;
    // cloneNode returns the base Node type; a clone has the class of its source
    const rest = row.cloneNode(false) as PRow;
    let moved = false;
    for (const cell of cells) {
      if (cell.tagName === 'TH') {
        rest.append(cell.cloneNode(true));
        continue;
      }
      // cloneNode returns the base Node type; a clone has the class of its source
      const copy = cell.cloneNode(false) as PElement;
      unfield(copy);
      const lines = linesOf(cell);
      const fit = lines.findIndex((l) => l.bottom > limit());
      const at = lines[fit];
      if (at && fit > 0) {
        moveFrom(cell, at, copy);
        moved = true;
      }
      rest.append(copy);
    }
    return moved ? rest : null;
  };

  // Starts a new page at el, taking along the headings before it and, for a signature block or a
  // footnote, the block or the last table row before it. Returns the element the page starts with.
  const startPageAt = (el: PElement): PElement | null => {
    let first = el;
    // An empty box (space to write in) is no content either: it moves like a signature block.
    if (isTrailer(el) || (el.matches('.box') && !hasText(el))) {
      // Take blocks along until one with content comes (an empty box and its heading are not
      // enough, nor a footnote before a signature).
      for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (isDataTable(prev)) {
          const n = bodyRows(prev).length;
          if ((first === el || isTrailer(first)) && n >= 2 && splitPoints(bodyRows(prev))[n - 1])
            return split(prev, n - 1);
          break;
        }
        first = prev;
        if (isTable(prev) || (!isHeading(prev) && !isTrailer(prev) && hasText(prev))) break;
      }
    }
    for (let p = first.previousElementSibling; p && isHeading(p); p = p.previousElementSibling) first = p;
    if (!first.previousElementSibling || rect(first).top - marginTop(first) <= pageStart + 1) return null;
    breakBefore(first);
    return first;
  };

  let el = sheet.firstElementChild;
  let guard = 0;
  while (el && guard++ < 10000) {
    const s = css(el);
    if (s.position === 'fixed' || s.display === 'none' || rect(el).bottom <= limit()) {
      el = el.nextElementSibling;
      continue;
    }
    // At the top of its page: nothing but headings or a 续表 mark before it there.
    let lead = el;
    for (let p = lead.previousElementSibling; p && isHeading(p); p = p.previousElementSibling) lead = p;
    const atTop = rect(lead).top - marginTop(lead) <= pageStart + 1;
    if (isTable(el)) {
      const rows = bodyRows(el);
      const over = rows.findIndex((r) => rect(r).bottom > limit());
      const row = rows[over];
      // A row taller than a page (a long narrative) is split where the page ends.
      if (row && rect(row).height > pageH - 80) {
        const rest = splitRow(row);
        if (rest) {
          el = split(el, over + 1, rest);
          continue;
        }
      }
      // A data table keeps at least its header and one row on the page and continues under 续表;
      // a form block (no header) moves whole unless it is taller than a page.
      const ok = splitPoints(rows);
      let k = over;
      while (k > 0 && !ok[k]) k--;
      if (k > 0 && (isDataTable(el) || atTop)) {
        el = split(el, k);
        continue;
      }
    } else if (isText(el) && !isTrailer(el)) {
      const rest = splitText(el, atTop ? 1 : 2);
      if (rest) {
        breakBefore(rest);
        el = rest;
        continue;
      }
    }
    const next = atTop ? null : startPageAt(el);
    if (next) {
      el = next;
      continue;
    }
    // Nothing left to split (one line taller than a page): it overflows.
    el = el.nextElementSibling;
  }

  // One .page per printed page, each with its number, in the order of the plan.
  const pages: PElement[][] = [[]];
  for (const child of Array.from(sheet.children)) {
    const current = pages[pages.length - 1];
    if (starts.includes(child) && current && current.length > 0) pages.push([child]);
    else current?.push(child);
  }
  const drill = doc.body.getAttribute('data-drill') === 'true';
  // The record chain's short code (render.ts): on screen in each sheet's footer, as print has it.
  const code = doc.body.getAttribute('data-chain-code');
  pages.forEach((list, i) => {
    const page = doc.createElement('div');
    page.className = 'page';
    page.setAttribute('data-page', String(i + 1));
    const content = doc.createElement('div');
    content.className = 'page-body';
    content.append(...list);
    // On screen only: print numbers its pages in the @page margin boxes.
    const folio = doc.createElement('div');
    folio.className = 'folio';
    folio.setAttribute('aria-hidden', 'true');
    folio.textContent = `— ${i + 1} —`;
    page.append(content, folio);
    if (code) {
      const mark = doc.createElement('div');
      mark.className = 'page-code';
      mark.setAttribute('data-testid', 'page-chain-code');
      mark.textContent = `核验码 ${code}`;
      page.append(mark);
    }
    if (drill) {
      const mark = doc.createElement('div');
      mark.className = 'page-watermark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = '演练';
      page.append(mark);
    }
    sheet.append(page);
  });
  sheet.setAttribute('data-pages', String(pages.length));
  doc.body.classList.add('paged');
  return pages.length;
}

// esbuild may wrap inner functions in __name(fn, "name") when it keeps names (tsx does); the
// script supplies that helper, so the source runs as written in any page.
const source = (): string => `const __name = (f) => f; return (${paginateDocument.toString()})(document);`;

/** JavaScript source of the pagination pass; evaluates to the number of pages. */
export const PAGINATE_SCRIPT = `(() => { ${source()} })()`;

/**
 * JavaScript source that paginates the page (if not yet done) and evaluates to its HTML: a
 * self-contained document to print in a page without scripts.
 */
export const PAGED_HTML_SCRIPT = `(() => { (() => { ${source()} })(); return '<!DOCTYPE html>' + document.documentElement.outerHTML; })()`;
