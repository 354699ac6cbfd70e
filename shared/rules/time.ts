/** Strict ISO 8601 instants (with offset) and the calendar arithmetic the plans' month windows need. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Parses an ISO 8601 date-time with offset into epoch ms. Unlike Date.parse it refuses dates that
 * do not exist (2021-02-30) and strings without an offset (local time is ambiguous on a shared
 * machine). Throws an Error naming the field.
 */
export function parseInstant(value: unknown, field: string): number {
  if (typeof value !== 'string')
    throw new Error(`${field} 应为 ISO 8601 时间字符串（含时区），实际为 ${describe(value)}`);
  const m = ISO.exec(value.trim());
  if (!m) throw new Error(`${field} 不是有效的 ISO 8601 时间（须含时区，如 2021-09-08T10:00:00+08:00）：${value}`);
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const s = ss === undefined ? 0 : Number(ss);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    throw new Error(`${field} 是不存在的日期或时刻：${value}`);
  }
  let offsetMin = 0;
  if (off && off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) throw new Error(`${field} 的时区偏移无效：${value}`);
    offsetMin = sign * (oh * 60 + om);
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new Error(`${field} 超出可表示的时间范围：${value}`);
  return t;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `"${v}"`;
  return typeof v;
}

export const toIso = (ms: number): string => new Date(ms).toISOString();

/** Shuozhou keeps China Standard Time (UTC+8, no daylight saving). */
const CST_MS = 8 * 3_600_000;

/**
 * Adds calendar months in Beijing time ("1个月内", "半年内"): 8月31日 + 1个月 → 9月30日 (the
 * day is clamped to the target month's end).
 */
export function addMonthsCst(ms: number, months: number): number {
  const local = new Date(ms + CST_MS);
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
  return out - CST_MS;
}
