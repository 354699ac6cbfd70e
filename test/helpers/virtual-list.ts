/**
 * Reading a virtualised list (renderer/src/hooks/useLongList.ts) as an officer would: only the rows
 * in view are in the page, so the list is scrolled from top to bottom and read as it goes.
 */
import type { Locator, Page } from 'playwright-core';

export interface ListShape {
  /** The scroll box, inside the list's root. */
  holder: string;
  /** One rendered row; its key attribute names it (its text when omitted: rows of unique text). */
  row: string;
  key?: string;
  /** What is read from a row (its text when omitted). */
  text?: string;
}

/** antd's virtualised Table (Table `virtual`). */
export const VIRTUAL_TABLE: ListShape = {
  holder: '.ant-table-tbody-virtual-holder',
  row: '.ant-table-row',
  key: 'data-row-key',
};

/** Waits two frames: a scroll's event, the list's render and its paint. */
const frames = (root: Locator) =>
  root.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** The rows rendered now, in order: key and text. */
function renderedRows(root: Locator, shape: ListShape): Promise<[string, string][]> {
  return root.evaluate(
    (el, s) =>
      [...el.querySelectorAll<HTMLElement>(s.row)].map((r): [string, string] => {
        const text = (s.text ? r.querySelector<HTMLElement>(s.text) : r)?.innerText ?? '';
        return [s.key ? (r.getAttribute(s.key) ?? '') : text, text];
      }),
    shape,
  );
}

/**
 * Every row of the list in order, each once, read by scrolling half a box at a time (the windows
 * overlap, so the order is kept). Leaves the list scrolled to its end. `maxRendered` is the most
 * rows seen in the page at once.
 */
export async function readAllRows(root: Locator, shape: ListShape): Promise<{ rows: string[]; maxRendered: number }> {
  const seen = new Map<string, string>();
  let maxRendered = 0;
  let ended = false;
  await root.evaluate((el, holder) => el.querySelector(holder)?.scrollTo({ top: 0 }), shape.holder);
  for (;;) {
    await frames(root);
    const rows = await renderedRows(root, shape);
    maxRendered = Math.max(maxRendered, rows.length);
    for (const [key, text] of rows) if (!seen.has(key)) seen.set(key, text);
    // At the end only if it stays there: rows measured on the way in may lengthen the list.
    const atEnd = await root.evaluate((el, holder) => {
      const box = el.querySelector<HTMLElement>(holder);
      if (!box) return true;
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return true;
      box.scrollBy({ top: box.clientHeight / 2 });
      return false;
    }, shape.holder);
    if (atEnd && ended) break;
    ended = atEnd;
  }
  return { rows: [...seen.values()], maxRendered };
}

/**
 * Presses Tab `times` times at a person's pace: a virtualised list renders the next row when focus
 * scrolls the last one into view, a frame later, so each press waits for the page's next frames.
 */
export async function tabThrough(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    await page.evaluate(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    );
  }
}
