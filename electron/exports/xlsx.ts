/**
 * XLSX export through exceljs's streaming writer (rows are serialised as they are added, which is
 * what keeps a year of logs within the time budget). Each table is a sheet on A4 with its header
 * row repeated on every printed page and frozen on screen.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatOfficialDateTime } from '../../shared/forms/format';
import {
  DEFAULT_COLUMN_WIDTH,
  FONTS,
  checkTables,
  displayWidth,
  orientationOf,
  parseLogTime,
  wrappedLines,
  type ExportCell,
  type ExportColumn,
  type ExportTable,
  type ProgressFn,
} from './types';

export interface XlsxOptions {
  onProgress?: ProgressFn;
  creator?: string;
  /** The moment the data was read, printed under each title (截至…); now when omitted. */
  asOf?: Date;
}

/** Rows sampled to size the columns: enough for the content, cheap for a year of logs. */
const WIDTH_SAMPLE = 300;
/** Points per line of 11pt 仿宋 with leading, and the cell's top and bottom padding. */
const LINE_PT = 14;
const ROW_PAD_PT = 3;

const TIME_FMT = 'hh:mm';
const NEXT_DAY_FMT = '"次日 "hh:mm';
const DATE_FMT = 'yyyy"年"m"月"d"日"';

/**
 * A cell as the sheet stores it: dates and times as numbers with a format, the rest as given. The
 * format, if any, goes to `formats[i]` (no object per cell: a year's export has 600,000 of them).
 */
function sheetValue(col: ExportColumn, value: ExportCell | undefined, formats: (string | undefined)[], i: number) {
  formats[i] = undefined;
  if (typeof value !== 'string') return value ?? null;
  if (col.type === 'time') {
    const t = parseLogTime(value);
    if (t) {
      // A day's fraction; after midnight one day more, shown as 次日 so the log keeps its order.
      formats[i] = t.nextDay ? NEXT_DAY_FMT : TIME_FMT;
      return (t.minutes + (t.nextDay ? 1440 : 0)) / 1440;
    }
  }
  if (col.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    formats[i] = DATE_FMT;
    return new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))));
  }
  return value;
}

/** Column widths for the content (CJK counts two), at most the column's own width. */
function columnWidths(table: ExportTable): number[] {
  return table.columns.map((c) => {
    const cap = c.width ?? DEFAULT_COLUMN_WIDTH;
    let w = displayWidth(c.header);
    for (const row of table.rows.slice(0, WIDTH_SAMPLE)) {
      const v = row[c.key];
      if (v === null || v === undefined) continue;
      // A date shows as 2025年10月1日, wider than its ISO text.
      const shown =
        c.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
          ? `${v.slice(0, 4)}年${Number(v.slice(5, 7))}月${Number(v.slice(8))}日`
          : String(v);
      for (const line of shown.split('\n')) w = Math.max(w, displayWidth(line));
    }
    return Math.min(cap, Math.max(6, w + 2));
  });
}

/** Height for the wrapped text of one row: the most lines any cell needs. */
function rowHeight(columns: readonly ExportColumn[], widths: number[], row: Record<string, ExportCell>): number {
  let lines = 1;
  for (let i = 0; i < columns.length; i++) {
    // i is below columns.length
    const v = row[(columns[i] as ExportColumn).key];
    if (typeof v !== 'string') continue;
    lines = Math.max(lines, wrappedLines(v, Math.max(1, (widths[i] ?? DEFAULT_COLUMN_WIDTH) - 1)));
  }
  return lines * LINE_PT + ROW_PAD_PT;
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
  alignment: { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true },
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

const FORMATTED = new Map<string, Partial<ExcelJS.Style>>();
/** BODY_STYLE with a number format, one shared object per format (see above). */
function styleWithFormat(numFmt: string): Partial<ExcelJS.Style> {
  const hit = FORMATTED.get(numFmt);
  if (hit) return hit;
  const style: Partial<ExcelJS.Style> = {
    ...BODY_STYLE,
    alignment: { ...BODY_STYLE.alignment, horizontal: 'center' },
    numFmt,
  };
  FORMATTED.set(numFmt, style);
  return style;
}

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must be unique. */
export function sheetNameFor(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || '表';
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
    // Title, then the subtitle with the as-of time, then the header.
    const headerRow = 3;
    const widths = columnWidths(table);
    const asOf = `截至${formatOfficialDateTime((options.asOf ?? new Date()).toISOString(), '导出时间')}`;
    const sheet = workbook.addWorksheet(sheetNameFor(table.sheetName ?? table.title, used), {
      pageSetup: {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs declares PaperSize as a const enum with no runtime object; A4 is its value 9
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
    sheet.columns = table.columns.map((c, i) => ({ key: c.key, width: widths[i] }));

    const title = sheet.addRow([table.title]);
    title.height = 32;
    title.getCell(1).style = TITLE_STYLE;
    // The streaming writer only merges rows not yet committed.
    if (cols > 1) sheet.mergeCells(1, 1, 1, cols);
    title.commit();
    const subText = table.subtitle ? `${table.subtitle}　${asOf}` : asOf;
    const sub = sheet.addRow([subText]);
    sub.getCell(1).style = SUBTITLE_STYLE;
    // The overview lines wrap across the merged width: as many lines as they need at 12pt.
    const room = Math.max(1, widths.reduce((a, b) => a + b, 0) * (11 / 12) - 2);
    const subLines = wrappedLines(subText, room);
    sub.height = subLines * 16 + ROW_PAD_PT;
    if (cols > 1) sheet.mergeCells(2, 1, 2, cols);
    sub.commit();
    const header = sheet.addRow(table.columns.map((c) => c.header));
    for (let i = 1; i <= cols; i++) header.getCell(i).style = HEADER_STYLE;
    header.commit();

    const { columns } = table;
    const formats: (string | undefined)[] = [];
    for (const data of table.rows) {
      const values = columns.map((c, i) => sheetValue(c, data[c.key], formats, i));
      const row = sheet.addRow(values);
      for (let i = 0; i < cols; i++) {
        const fmt = formats[i];
        row.getCell(i + 1).style = fmt ? styleWithFormat(fmt) : BODY_STYLE;
      }
      row.height = rowHeight(columns, widths, data);
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
