/**
 * Wall-clock helpers for Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991,
 * so a fixed offset is exact for every date the duty room deals with and needs no tz database.
 */

export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 instant (with Z or an offset); throws naming the field when it is not one. */
export function parseInstant(value: string, field = 'instant'): number {
  // An instant without an offset would be read in the host's zone; the duty room never wants that.
  if (typeof value !== 'string' || !INSTANT.test(value)) {
    throw new Error(`${field} 不是带时区的 ISO 时间（如 2025-10-01T08:30:00+08:00）：${String(value)}`);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${field} 不是有效的 ISO 时间：${value}`);
  return ms;
}

/** Checks 'YYYY-MM-DD' and returns its parts; throws naming the field. */
export function parseDate(value: string, field = 'date'): { y: number; m: number; d: number } {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) throw new Error(`${field} 应为 YYYY-MM-DD：${String(value)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new Error(`${field} 不是有效日期：${value}`);
  }
  return { y, m, d };
}

/** Shanghai wall-clock parts of an instant. */
export function shanghaiParts(ms: number): {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
  weekday: number;
} {
  const t = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    hh: t.getUTCHours(),
    mm: t.getUTCMinutes(),
    ss: t.getUTCSeconds(),
    weekday: t.getUTCDay(),
  };
}

/** 'YYYY-MM-DDTHH:mm:ss+08:00': the form this module returns, readable in exports and logs. */
export function toShanghaiIso(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}T${pad2(p.hh)}:${pad2(p.mm)}:${pad2(p.ss)}+08:00`;
}

/** 'YYYY-MM-DD' of the Shanghai calendar date of an instant. */
export function shanghaiDate(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
}

/** 'YYYY-MM-DD HH:mm' in Shanghai time, for tables. */
export function shanghaiDateTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)} ${pad2(p.hh)}:${pad2(p.mm)}`;
}

/** 'HH:mm' in Shanghai time. */
export function shanghaiTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${pad2(p.hh)}:${pad2(p.mm)}`;
}

/** The instant of a Shanghai wall-clock time, minutes after midnight of the given date. */
export function shanghaiInstant(date: string, minutesAfterMidnight: number): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS + minutesAfterMidnight * 60_000;
}

/** Adds days to 'YYYY-MM-DD' (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** '2021年9月2日' as official documents write dates (GB/T 9704). */
export function chineseDate(date: string): string {
  const { y, m, d } = parseDate(date);
  return `${y}年${m}月${d}日`;
}

export const WEEKDAY_LABELS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** Weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  const { y, m, d } = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
