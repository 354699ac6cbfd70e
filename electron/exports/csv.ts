/**
 * CSV for WPS and Excel: UTF-8 with a byte-order mark (without it both read Chinese as GBK and
 * garble it), CRLF line ends, RFC 4180 quoting.
 */
import { cellText, checkTables, parseLogTime, type ExportCell, type ExportColumn, type ExportTable } from './types';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Quotes a field when needed. Text starting with = + - @ is prefixed with an apostrophe so a
 * spreadsheet shows it instead of evaluating it as a formula (CSV injection); numbers are kept.
 */
export function csvField(value: ExportCell | undefined): string {
  let text = cellText(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Times as official text, every one the same way (21时50分, 次日 01时30分): a spreadsheet reads
 * "21:50" as a time value but "次日 01:30" as text, so one column would hold two types.
 */
function csvCell(col: ExportColumn, value: ExportCell | undefined): ExportCell | undefined {
  if (col.type !== 'time' || typeof value !== 'string') return value;
  const t = parseLogTime(value);
  if (!t) return value;
  const hh = String(Math.floor(t.minutes / 60)).padStart(2, '0');
  const mm = String(t.minutes % 60).padStart(2, '0');
  return `${t.nextDay ? '次日 ' : ''}${hh}时${mm}分`;
}

function tableLines(table: ExportTable): string[] {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(csvCell(c, row[c.key]))).join(','));
  return lines;
}

/**
 * One table: header line and rows, ready to re-import. Several tables (a multi-section log): each
 * starts with its title line, sections separated by an empty line.
 */
export function toCsv(tables: ExportTable | readonly ExportTable[]): Buffer {
  // Array.isArray does not narrow a readonly array union
  const list = Array.isArray(tables) ? (tables as readonly ExportTable[]) : [tables as ExportTable];
  checkTables(list);
  let lines: string[];
  if (list.length === 1) {
    // list has exactly one table in this branch
    lines = tableLines(list[0] as ExportTable);
  } else {
    lines = [];
    list.forEach((t, i) => {
      if (i > 0) lines.push('');
      lines.push(csvField(t.subtitle ? `${t.title}（${t.subtitle}）` : t.title));
      lines.push(...tableLines(t));
    });
  }
  return Buffer.from(BOM + lines.join(CRLF) + CRLF, 'utf8');
}
