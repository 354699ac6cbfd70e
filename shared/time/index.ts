/**
 * Instants and Beijing time (北京时间, UTC+8, IANA zone Asia/Shanghai) for the whole project.
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every date
 * the duty room deals with and needs no time-zone database.
 *
 * Instants travel as ISO 8601 strings with an offset; the pure code works in epoch milliseconds.
 */

/** The one UTC+8 offset. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days in month m (1–12) of year y, proleptic Gregorian as Date.UTC counts. */
const daysInMonth = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31));

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `"${v}"`;
  return typeof v;
}

/** The number written in v[from, to) in ASCII digits, or -1 if any is not a digit. */
function digitsAt(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The stored form of an instant (toIso: 2025-10-01T02:03:04.567Z) read by position, or NaN when v
 * is not exactly that form of an existing moment: a year's log reads 100,000 of them, and the
 * general pattern below is several times slower. Anything else takes the general path.
 */
function storedIsoMs(v: string): number {
  if (v.length !== 24 || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':') return NaN;
  if (v[16] !== ':' || v[19] !== '.' || v[23] !== 'Z') return NaN;
  const y = digitsAt(v, 0, 4);
  const mo = digitsAt(v, 5, 7);
  const d = digitsAt(v, 8, 10);
  const h = digitsAt(v, 11, 13);
  const mi = digitsAt(v, 14, 16);
  const s = digitsAt(v, 17, 19);
  const ms = digitsAt(v, 20, 23);
  if (y < 0 || ms < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** A field's name; a caller parsing many values passes a function, called only when one is wrong. */
const nameOf = (field: string | (() => string)): string => (typeof field === 'function' ? field() : field);

/**
 * Parses an ISO 8601 date-time with offset into epoch ms. Unlike Date.parse it refuses dates that
 * do not exist (2021-02-30) and strings without an offset (local time is ambiguous on a shared
 * machine). Throws an Error naming the field.
 */
export function parseInstant(value: unknown, field: string | (() => string) = '时间'): number {
  if (typeof value === 'string' && value.length === 24) {
    const stored = storedIsoMs(value);
    if (!Number.isNaN(stored)) return stored;
  }
  if (typeof value !== 'string')
    throw new Error(`${nameOf(field)} 应为 ISO 8601 时间字符串（含时区），实际为 ${describe(value)}`);
  const m = ISO.exec(value.trim());
  if (!m)
    throw new Error(`${nameOf(field)} 不是有效的 ISO 8601 时间（须含时区，如 2021-09-08T10:00:00+08:00）：${value}`);
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    throw new Error(`${nameOf(field)} 是不存在的日期或时刻：${value}`);
  }
  let offsetMin = 0;
  if (off !== undefined && off !== 'Z' && off !== 'z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) throw new Error(`${nameOf(field)} 的时区偏移无效：${value}`);
    offsetMin = sign * (oh * 60 + om);
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new Error(`${nameOf(field)} 超出可表示的时间范围：${value}`);
  return t;
}

/** The stored form of an instant: UTC ISO, so instants sort and compare as text. */
export const toIso = (ms: number): string => new Date(ms).toISOString();

/** Checks 'YYYY-MM-DD' and returns its parts; throws naming the field. */
export function parseDate(value: unknown, field = '日期'): { y: number; m: number; d: number } {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) throw new Error(`${field} 应为 YYYY-MM-DD：${String(value)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new Error(`${field} 不是有效日期：${String(value)}`);
  return { y, m, d };
}

/** Beijing wall-clock parts of an instant (weekday 0 = Sunday). */
export interface ShanghaiParts {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
  weekday: number;
}

/** Beijing wall-clock parts of an instant. */
export function shanghaiParts(ms: number): ShanghaiParts {
  const t = new Date(ms + BEIJING_OFFSET_MS);
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

/** 'YYYY-MM-DDTHH:mm:ss+08:00': an instant written in Beijing time, readable in exports and logs. */
export function toShanghaiIso(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}T${pad2(p.hh)}:${pad2(p.mm)}:${pad2(p.ss)}+08:00`;
}

/** 'YYYY-MM-DD': the Beijing calendar date of an instant. */
export function shanghaiDate(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
}

/** 'YYYY-MM-DD HH:mm' in Beijing time, for tables. */
export function shanghaiDateTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)} ${pad2(p.hh)}:${pad2(p.mm)}`;
}

/** '00:00' … '23:59' by minute of the day. */
const HH_MM = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

/** 'HH:mm' in Beijing time. */
export function shanghaiTime(ms: number): string {
  // Minutes into the Beijing day by arithmetic, named from a table: a year's log asks this for
  // every one of its events.
  const minutes = Math.floor(((((ms + BEIJING_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  return HH_MM[minutes] as string;
}

/** 'HH:mm:ss' in Beijing time: when a page last read its data. */
export function shanghaiClock(ms: number): string {
  const p = shanghaiParts(ms);
  return `${pad2(p.hh)}:${pad2(p.mm)}:${pad2(p.ss)}`;
}

/** '2026年12月15日 18:00' in Beijing time: the stamp timeline texts and the duty log print. */
export function chineseDateTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}年${p.m}月${p.d}日 ${pad2(p.hh)}:${pad2(p.mm)}`;
}

/** '2021年9月2日' as official documents write dates (GB/T 9704). */
export function chineseDate(date: string): string {
  const { y, m, d } = parseDate(date);
  return `${y}年${m}月${d}日`;
}

/** The instant of a Beijing wall-clock time, minutes after midnight of the given date. */
export function shanghaiInstant(date: string, minutesAfterMidnight: number): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS + minutesAfterMidnight * 60_000;
}

/** Adds days to 'YYYY-MM-DD' (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const { y, m, d } = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/**
 * Adds calendar months in Beijing time ("1个月内", "半年内"): 8月31日 + 1个月 → 9月30日 (the
 * day is clamped to the target month's end).
 */
export function addMonthsCst(ms: number, months: number): number {
  const local = new Date(ms + BEIJING_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const day = Math.min(local.getUTCDate(), daysInMonth(ty, tm + 1));
  const out = Date.UTC(
    ty,
    tm,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return out - BEIJING_OFFSET_MS;
}

export const WEEKDAY_LABELS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** Weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  const { y, m, d } = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
