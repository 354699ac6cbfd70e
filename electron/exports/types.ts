/** The one shape every export format takes: a titled table of plain cells. */

export type ExportCell = string | number | null;

export interface ExportColumn {
  key: string;
  header: string;
  /** Widest the column may grow, in characters (a CJK character counts as two); 14 when omitted. */
  width?: number;
  /**
   * What the text cells hold: 'date' (YYYY-MM-DD) and 'time' (HH:mm, 次日 HH:mm) become real
   * spreadsheet dates and times in XLSX, and unambiguous text in CSV.
   */
  type?: 'text' | 'date' | 'time';
}

export interface ExportTable {
  title: string;
  subtitle?: string;
  columns: ExportColumn[];
  rows: Record<string, ExportCell>[];
  /** Paper orientation; landscape by default for tables of more than six columns. */
  orientation?: 'portrait' | 'landscape';
  /** XLSX sheet name; the title when omitted. */
  sheetName?: string;
}

/** Called as rows are written: done of total rows, at least once at the end. */
export type ProgressFn = (done: number, total: number) => void;

export const DEFAULT_COLUMN_WIDTH = 14;

/** Checks tables before any bytes are written, naming the bad field. */
export function checkTables(tables: readonly ExportTable[]): void {
  // Checked as untrusted data: tables may arrive over IPC from the renderer.
  const list: unknown = tables;
  if (!isList(list) || list.length === 0) throw new Error('tables 至少需要一张表');
  list.forEach((t, i) => {
    if (!isRecord(t) || typeof t.title !== 'string' || t.title.trim() === '')
      throw new Error(`tables[${i}].title 不能为空`);
    const columns = t.columns;
    if (!isList(columns) || columns.length === 0) throw new Error(`tables[${i}].columns 至少需要一列`);
    const keys = new Set<string>();
    columns.forEach((c, j) => {
      if (!isRecord(c) || typeof c.key !== 'string' || c.key === '')
        throw new Error(`tables[${i}].columns[${j}].key 不能为空`);
      if (keys.has(c.key)) throw new Error(`tables[${i}].columns[${j}].key 重复：${c.key}`);
      keys.add(c.key);
      if (c.width !== undefined && !(Number(c.width) > 0)) throw new Error(`tables[${i}].columns[${j}].width 应为正数`);
    });
    if (!Array.isArray(t.rows)) throw new Error(`tables[${i}].rows 应为数组`);
  });
}

function isList(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function orientationOf(table: ExportTable): 'portrait' | 'landscape' {
  return table.orientation ?? (table.columns.length > 6 ? 'landscape' : 'portrait');
}

/** A cell as text (null and undefined as empty). */
export function cellText(value: ExportCell | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Official fonts (GB/T 9704); Word and WPS fall back by name when one is missing. */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading: '黑体',
} as const;

const isWide = (cp: number): boolean =>
  (cp >= 0x1100 && cp <= 0x115f) ||
  (cp >= 0x2e80 && cp <= 0xa4cf) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0xffe0 && cp <= 0xffe6) ||
  cp >= 0x20000;

/** Display width in characters: CJK and full-width forms count two, everything else one. */
export function displayWidth(text: string): number {
  let w = 0;
  // By UTF-16 unit, not by string iterator: a year's export measures every cell. A surrogate pair
  // is one character, as the iterator would give it; a lone surrogate counts one.
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

/** Lines a text takes in a column `room` characters wide, wrapping each of its own lines. */
export function wrappedLines(text: string, room: number): number {
  if (!text.includes('\n')) return Math.max(1, Math.ceil(displayWidth(text) / room));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/** "次日 01:30" → { minutes: 90, nextDay: true }; undefined for anything else. */
export function parseLogTime(text: string): { minutes: number; nextDay: boolean } | undefined {
  const m = /^(次日\s*)?(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) return undefined;
  return { minutes: h * 60 + min, nextDay: !!m[1] };
}
