/**
 * Roster files: XLSX through exceljs, CSV by hand (UTF-8 with BOM and CRLF, so WPS and Excel open
 * it as Chinese). Reading returns plain rows keyed by header; validation is in
 * shared/rosters/import-rows.ts, so nothing here decides what is imported.
 */

import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, type RosterRow } from '../../shared/rosters/import-rows';

export type RosterFileFormat = 'xlsx' | 'csv';

/** Columns kept as text in XLSX so numbers such as 13912345678 or 0349… are not reformatted. */
const TEXT_COLUMNS = new Set(['办公电话', '手机', '红机', '传真']);
const MAX_ROWS = 20_000;

/** Reads a roster file into rows keyed by the header row (first worksheet for XLSX). */
export async function readRosterFile(data: Uint8Array, format: RosterFileFormat): Promise<Record<string, string>[]> {
  if (!(data instanceof Uint8Array)) throw new Error('读取通讯录文件失败：内容必须是二进制数据');
  // Widened so the check stays for a caller that passes another format.
  const kind: string = format;
  if (kind === 'csv') return rowsFromTable(parseCsv(decodeText(data)).map((r) => r.map((v) => lineBreaks(unguard(v)))));
  if (kind === 'xlsx') return rowsFromTable(await readXlsxTable(data));
  throw new Error(`不支持的文件格式：${kind}（应为 xlsx 或 csv）`);
}

/**
 * Writes rows as an XLSX workbook with one sheet 通讯录 and the standard columns. Row 1 stays the
 * header (the file imports back as it is); the printed page carries the title and the as-of date
 * in its header, on A4 landscape fitted to one page wide with the header row repeated.
 */
export async function writeRosterXlsx(
  rows: readonly RosterRow[],
  sheetName = '通讯录',
  print: { title?: string; asOf?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const title = (print.title ?? sheetName).replace(/&/g, '&&').replace(/"/g, "'");
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs declares PaperSize as a const enum with no runtime object; A4 is its value 9
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:1',
      margins: { left: 0.6, right: 0.6, top: 1.0, bottom: 0.8, header: 0.3, footer: 0.4 },
    },
    headerFooter: {
      oddHeader: `&C&"方正小标宋简体"&16${title}&R&"仿宋_GB2312"&10${print.asOf ? `截至${print.asOf}` : ''}`,
      oddFooter: '&C第 &P 页，共 &N 页',
    },
  });
  ws.columns = ROSTER_COLUMNS.map((header) => ({
    header,
    key: header,
    width: header === '单位' || header === '指挥部' ? 30 : header === '备注' ? 40 : 16,
    ...(TEXT_COLUMNS.has(header) ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    ws.addRow(Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, row[c] ?? ''])));
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}

/** Writes rows as CSV: UTF-8 with BOM, CRLF line ends, fields quoted where needed. */
export function writeRosterCsv(rows: readonly RosterRow[]): Buffer {
  const lines = [ROSTER_COLUMNS.map(csvField).join(',')];
  for (const row of rows) lines.push(ROSTER_COLUMNS.map((c) => csvField(row[c] ?? '')).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

function csvField(value: string): string {
  // A leading = + - @ would run as a formula in Excel; phone numbers never start with them.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes the formula guard of csvField so a value round-trips unchanged. */
function unguard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** Line breaks inside a cell read as \n whatever wrote them (XLSX stores only \n). */
function lineBreaks(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

/**
 * UTF-8 (with or without BOM) first; a file saved as "CSV" by Excel on Chinese Windows is GB18030,
 * so an invalid UTF-8 byte sequence falls back to that.
 */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const table: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < s.length) {
    // i < s.length, so the index exists
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      table.push(row);
      row = [];
      field = '';
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) throw new Error('CSV 格式错误：引号未闭合');
  if (field !== '' || row.length > 0) {
    row.push(field);
    table.push(row);
  }
  return table;
}

async function readXlsxTable(data: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer interface, which Node's Buffer implements at run time
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    // The library's own text (zip offsets, English) tells the officer nothing; the cause is the file.
    throw new Error('不是有效的 XLSX 文件（文件可能已损坏，或不是 Excel 工作簿）', { cause: e });
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const table: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(lineBreaks(cellText(row.getCell(c).value)));
    table.push(cells);
  }
  return table;
}

/** Text of an exceljs cell value: rich text, formulas (their result), hyperlinks, numbers, dates. */
function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result ?? null);
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return '';
  }
  // Any other kind of cell object has no text of its own (it used to print as "[object Object]").
  return '';
}

/** Turns a table into rows keyed by the first row; skips blank lines. */
function rowsFromTable(table: string[][]): Record<string, string>[] {
  const [header, ...body] = table;
  if (!header) return [];
  if (body.length > MAX_ROWS) throw new Error(`通讯录文件行数过多（最多${MAX_ROWS}行）`);
  const keys = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const rows: Record<string, string>[] = [];
  for (const cells of body) {
    // Blank lines stay in place (as empty rows) so reported row numbers match the file.
    const row: Record<string, string> = {};
    keys.forEach((k, i) => {
      if (k !== '') row[k] = cells[i] ?? '';
    });
    rows.push(row);
  }
  // A trailing blank line is not a row.
  while (rows.length > 0 && Object.values(rows[rows.length - 1] ?? {}).every((v) => v.trim() === '')) rows.pop();
  return rows;
}
