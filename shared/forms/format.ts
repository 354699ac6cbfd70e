// Official date and document-number formatting for printed forms (GB/T 9704-2012 7.3.5.1 / 7.2.4 style).
// Times are shown in Asia/Shanghai: UTC+8 all year (China has no daylight saving time), so a fixed
// offset is exact and no time-zone library is needed.

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Wall-clock parts in Asia/Shanghai. */
export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date-times must carry an offset (Z or ±hh:mm) so a stored instant is never read in the wrong zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Splits an ISO date ("2021-09-02") or instant ("2021-09-02T06:05:00Z") into Shanghai wall-clock parts. */
export function shanghaiParts(iso: string, field = '时间'): ShanghaiParts {
  const dateOnly = DATE_ONLY.exec(iso);
  if (dateOnly) {
    const year = Number(dateOnly[1]);
    const month = Number(dateOnly[2]);
    const day = Number(dateOnly[3]);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      throw new Error(`${field}不是有效日期：${iso}`);
    }
    return { year, month, day, hour: 0, minute: 0 };
  }
  if (!DATE_TIME.test(iso)) {
    throw new Error(`${field}格式错误（应为 ISO 8601 日期或带时区的时间）：${iso}`);
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`${field}不是有效时间：${iso}`);
  const local = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
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
