/**
 * XLSX export through exceljs's streaming writer (rows are serialised as they are added, which is
 * what keeps a year of logs within the time budget). Each table is a sheet on A4 with its header
 * row repeated on every printed page and frozen on screen.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DEFAULT_COLUMN_WIDTH, FONTS, checkTables, orientationOf, type ExportTable, type ProgressFn } from './types';

export interface XlsxOptions {
  onProgress?: ProgressFn;
  creator?: string;
}

const A4 = 9;
const PROGRESS_EVERY = 2000;

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
// Shared style objects: exceljs caches a style id per object, so reuse avoids per-cell work.
const TITLE_STYLE = {
  font: { name: FONTS.title, size: 18 },
  alignment: { horizontal: 'center' as const, vertical: 'middle' as const },
};
const SUBTITLE_STYLE = {
  font: { name: FONTS.body, size: 12 },
  alignment: { horizontal: 'center' as const, vertical: 'middle' as const },
};
const HEADER_STYLE = {
  font: { name: FONTS.body, size: 12, bold: true },
  alignment: { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true },
  border: BORDER,
};
const BODY_STYLE = {
  font: { name: FONTS.body, size: 11 },
  alignment: { vertical: 'top' as const, wrapText: true },
  border: BORDER,
};

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
export function sheetNameFor(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim().slice(0, 31) || '表';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes the tables as one workbook, one sheet per table. */
export async function toXlsx(tables: readonly ExportTable[], options: XlsxOptions = {}): Promise<Buffer> {
  checkTables(tables);
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    // Inline strings: a shared-string table costs several times the time on 100,000 rows.
    useSharedStrings: false,
  });
  workbook.creator = options.creator ?? '朔州应急值班台';
  workbook.created = new Date();

  const used = new Set<string>();
  let done = 0;
  for (const table of tables) {
    const cols = table.columns.length;
    const headerRow = table.subtitle ? 3 : 2;
    const sheet = workbook.addWorksheet(sheetNameFor(table.sheetName ?? table.title, used), {
      pageSetup: {
        paperSize: A4,
        orientation: orientationOf(table),
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: `${headerRow}:${headerRow}`,
        margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.4 },
      },
      headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
      views: [{ state: 'frozen', ySplit: headerRow }],
    });
    sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width ?? DEFAULT_COLUMN_WIDTH }));

    const title = sheet.addRow([table.title]);
    title.height = 32;
    title.getCell(1).style = TITLE_STYLE;
    // The streaming writer only merges rows not yet committed.
    if (cols > 1) sheet.mergeCells(1, 1, 1, cols);
    title.commit();
    if (table.subtitle) {
      const sub = sheet.addRow([table.subtitle]);
      sub.getCell(1).style = SUBTITLE_STYLE;
      if (cols > 1) sheet.mergeCells(2, 1, 2, cols);
      sub.commit();
    }
    const header = sheet.addRow(table.columns.map((c) => c.header));
    for (let i = 1; i <= cols; i++) header.getCell(i).style = HEADER_STYLE;
    header.commit();

    const keys = table.columns.map((c) => c.key);
    for (const data of table.rows) {
      const row = sheet.addRow(keys.map((k) => data[k] ?? null));
      for (let i = 1; i <= cols; i++) row.getCell(i).style = BODY_STYLE;
      row.commit();
      done++;
      if (done % PROGRESS_EVERY === 0) {
        options.onProgress?.(done, total);
        // Let the main process deliver progress events and stay responsive during long exports.
        if (done % (PROGRESS_EVERY * 5) === 0) await yieldToLoop();
      }
    }
    sheet.commit();
  }
  await workbook.commit();
  options.onProgress?.(total, total);
  return Buffer.concat(chunks);
}
