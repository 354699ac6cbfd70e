// Page breaks a reader accepts, decided before printing: Chromium repeats a table's header on a
// continuation page but cannot say 续表, and it may leave a heading at the foot of a page or a
// signature block alone on the last one. This script lays the form out once on screen (the sheet
// is exactly the text block wide), walks the blocks page by page and
//  - splits a table that runs over the page into a continuation table headed 续表 with its header
//    repeated, starting on a new page;
//  - moves a heading that would end a page to the next page together with what follows it;
//  - moves a signature block that would stand alone together with the block or the last row
//    before it.
// The forced breaks it inserts are the same in print, so the printed pages follow its plan.
// It runs inside the form's page (page.evaluate / webContents.executeJavaScript) and returns the
// page count; a form that has no sheet, or is already paginated, is left alone.

/** JavaScript source of the pagination pass; evaluates to the number of pages. */
export const PAGINATE_SCRIPT = `(() => {
  const sheet = document.querySelector('.sheet');
  if (!sheet) return 0;
  if (sheet.dataset.pages) return Number(sheet.dataset.pages);
  const MM = 96 / 25.4;
  // A little slack so rounding never makes Chromium break earlier than planned.
  const pageH = (Number(document.body.dataset.pageMm) || 225) * MM - 3;
  const LINE = 225 / 22 * MM;
  const rect = (el) => el.getBoundingClientRect();
  const style = (el) => getComputedStyle(el);
  const marginTop = (el) => parseFloat(style(el).marginTop) || 0;
  const isHeading = (el) => !!el && el.matches('h1, h2, .h1');
  const isDataTable = (el) => !!el && el.matches('table') && !!el.tHead && !!el.tBodies[0];
  let pageStart = rect(sheet).top + (parseFloat(style(sheet).paddingTop) || 0);
  let pages = 1;

  const breakBefore = (el) => {
    el.style.breakBefore = 'page';
    pageStart = rect(el).top - marginTop(el);
    pages += 1;
  };

  // Moves rows[k..] of a data table into a continuation table that starts a new page.
  const split = (table, k) => {
    const rows = Array.from(table.tBodies[0].rows);
    const mark = document.createElement('div');
    mark.className = 'cont-mark';
    mark.textContent = '续表';
    const cont = table.cloneNode(false);
    cont.classList.add('cont');
    const cols = table.querySelector('colgroup');
    if (cols) cont.appendChild(cols.cloneNode(true));
    cont.appendChild(table.tHead.cloneNode(true));
    const body = document.createElement('tbody');
    for (const r of rows.slice(k)) body.appendChild(r);
    cont.appendChild(body);
    table.after(mark, cont);
    breakBefore(mark);
    return mark;
  };

  // Starts a new page at el, taking along the headings before it and, for a signature block,
  // the block or the last table row before it. Returns the element the page starts with.
  const startPageAt = (el) => {
    let first = el;
    // An empty box (space to write in) is no content either: it moves like a signature block.
    if (el.matches('.signatures') || (el.matches('.box') && !(el.textContent || '').trim())) {
      // Take blocks along until one with content comes (an empty box and its heading are not enough).
      for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (isDataTable(prev)) {
          if (first === el && prev.tBodies[0].rows.length >= 2) return split(prev, prev.tBodies[0].rows.length - 1);
          break;
        }
        first = prev;
        if (prev.matches('table') || (!isHeading(prev) && (prev.textContent || '').trim())) break;
      }
    }
    while (isHeading(first.previousElementSibling)) first = first.previousElementSibling;
    if (!first.previousElementSibling || rect(first).top - marginTop(first) <= pageStart + 1) return null;
    breakBefore(first);
    return first;
  };

  let el = sheet.firstElementChild;
  let guard = 0;
  while (el && guard++ < 10000) {
    const s = style(el);
    if (s.position === 'fixed' || s.display === 'none' || rect(el).bottom - pageStart <= pageH) {
      el = el.nextElementSibling;
      continue;
    }
    if (isDataTable(el) && el.tBodies[0].rows.length > 0) {
      const rows = Array.from(el.tBodies[0].rows);
      const k = rows.findIndex((r) => rect(r).bottom - pageStart > pageH);
      if (k > 0) {
        // Keep at least the header and one row together; otherwise the whole table moves.
        el = split(el, k);
        continue;
      }
    }
    const next = startPageAt(el);
    if (next) {
      el = next;
      continue;
    }
    // A block taller than what is left of an empty page (long running text): Chromium breaks it
    // between lines; follow it line by line.
    const top = Math.max(pageStart, rect(el).top);
    let bottom = rect(el).bottom;
    while (bottom - pageStart > pageH) {
      const lines = Math.max(1, Math.floor((pageStart + pageH - top) / LINE));
      pageStart = Math.max(pageStart + 1, top + lines * LINE);
      pages += 1;
    }
    el = el.nextElementSibling;
  }
  sheet.dataset.pages = String(pages);
  return pages;
})()`;
