// Official date and document-number formatting for printed forms (GB/T 9704-2012 7.3.5.1 / 7.2.4 style).
// Times are shown in Beijing time; parsing and the UTC+8 offset are shared/time's.
import { parseDate, parseInstant, shanghaiParts as beijingParts } from '../time';

/** Wall-clock parts in Asia/Shanghai. */
export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Splits an ISO date ("2021-09-02") or instant ("2021-09-02T06:05:00Z") into Shanghai wall-clock parts. */
export function shanghaiParts(iso: string, field = '时间'): ShanghaiParts {
  if (DATE_ONLY.test(iso)) {
    const { y, m, d } = parseDate(iso, field);
    return { year: y, month: m, day: d, hour: 0, minute: 0 };
  }
  let ms: number;
  try {
    // Date-times must carry an offset (Z or ±hh:mm) so a stored instant is never read in the wrong zone.
    ms = parseInstant(iso, field);
  } catch (err) {
    throw new Error(`${field}格式错误（应为 ISO 8601 日期或带时区的时间）：${iso}`, { cause: err });
  }
  const p = beijingParts(ms);
  return { year: p.y, month: p.m, day: p.d, hour: p.hh, minute: p.mm };
}

/** "2021年9月2日": Arabic numerals, no leading zeros (GB/T 9704-2012 7.3.5.1). */
export function formatOfficialDate(iso: string, field = '日期'): string {
  const p = shanghaiParts(iso, field);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** "2021年9月2日 14时05分": minutes padded so times line up in logs. */
export function formatOfficialDateTime(iso: string, field = '时间'): string {
  const p = shanghaiParts(iso, field);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}时${String(p.minute).padStart(2, '0')}分`;
}

/** "14:05" in Shanghai time, for log tables where the date is in the heading. */
export function formatClock(iso: string, field = '时间'): string {
  const p = shanghaiParts(iso, field);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** Document number with hexagonal brackets, e.g. 朔政办发〔2021〕40号 (GB/T 9704-2012 7.2.4). */
export function formatDocNumber(agencyCode: string, year: number, serial: number): string {
  if (!agencyCode.trim()) throw new Error('发文机关代字不能为空');
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw new Error(`年份无效：${year}`);
  if (!Number.isInteger(serial) || serial < 1) throw new Error(`发文顺序号无效：${serial}`);
  // Serial numbers carry no leading zeros (GB/T 9704-2012 7.2.4: 不编虚位).
  return `${agencyCode.trim()}〔${year}〕${serial}号`;
}

/** Blank template used on paper when a time is not yet known: "年 月 日 时 分" with writing space. */
export const BLANK_REPORT_TIME = '　　年　　月　　日　　时　　分';

/** Fills "年 月 日 时 分" for the radiation forms (朔政办发〔2021〕42号 附件4/附件5), or leaves the blank template. */
export function formatReportTime(iso: string | undefined, field = '报告时间'): string {
  if (!iso) return BLANK_REPORT_TIME;
  const p = shanghaiParts(iso, field);
  return `${p.year}年${p.month}月${p.day}日${p.hour}时${String(p.minute).padStart(2, '0')}分`;
}
