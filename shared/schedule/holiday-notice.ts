/**
 * A year's holiday notice as the administrator enters it from the State Council's text
 * (国务院办公厅关于XXXX年部分节假日安排的通知): for each festival the days off (放假) and the
 * weekend days worked instead (调休上班). An entered notice takes precedence over the packaged
 * tables for its whole year; the statutory days of 全国年节及纪念日放假办法 (2024 revision, 第二条)
 * must lie inside the days off of their festival, since a notice can move rest days but not the
 * statutory ones.
 */
import { addDays, parseDate, weekdayOf } from '../time';
import { statutoryHolidays } from './statutory';

/** The festivals a notice arranges, in its order (放假办法 第二条). */
export const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type Festival = (typeof FESTIVALS)[number];

export interface HolidayPeriod {
  festival: Festival;
  /** First and last day off, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Weekend days worked instead (调休上班), YYYY-MM-DD. */
  workdays: string[];
}

export interface HolidayNoticeInput {
  year: number;
  /** The notice's title, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  title: string;
  /** Its document number (国办发明电〔2026〕X号); may be empty. */
  docNo: string;
  periods: HolidayPeriod[];
}

export interface HolidayNotice extends HolidayNoticeInput {
  enteredAt: string;
  enteredBy: string;
}

/** Year of the first revision in force with 除夕 and two 劳动节 days (放假办法 2024 revision, from 2025-01-01). */
export const STATUTORY_FROM_YEAR = 2025;
/** Longest run of days off a notice has ever given one festival (春节, 国庆 with 调休: 8–9 days). */
const MAX_PERIOD_DAYS = 12;

const label = (d: string): string => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function validDate(d: string): boolean {
  try {
    parseDate(d, 'date');
    return true;
  } catch {
    return false;
  }
}

/** Every day from `from` to `to`, inclusive (both valid, from ≤ to). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length <= 366; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface NoticeProblem {
  /** Path into the input (periods.1.to), for the form to place the message. */
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with a notice as entered, worded for the administrator (empty when it is sound):
 * dates inside its year, 放假 from ≤ to and not too long, festivals and days not repeated or
 * overlapping, 调休上班 only on a Saturday or Sunday outside any days off, and the statutory days
 * of 放假办法 第二条 inside their festival's days off (years from 2025).
 */
export function holidayNoticeProblems(n: HolidayNoticeInput): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const y = String(n.year);
  const inYear = (d: string) => d.startsWith(`${y}-`);
  const seen = new Map<Festival, number>();
  const off = new Map<string, Festival>();
  const work = new Map<string, Festival>();
  n.periods.forEach((p, i) => {
    const at = (field: string, message: string) => problems.push({ path: ['periods', i, field], message });
    if (seen.has(p.festival)) at('festival', `${p.festival}重复录入：每个节日只录入一次`);
    seen.set(p.festival, i);
    const fromOk = validDate(p.from);
    const toOk = validDate(p.to);
    if (!fromOk) at('from', `${p.festival}：放假起始日期无效（${p.from}）`);
    if (!toOk) at('to', `${p.festival}：放假结束日期无效（${p.to}）`);
    if (fromOk && !inYear(p.from)) at('from', `${p.festival}：放假日期${p.from}不在${y}年内`);
    if (toOk && !inYear(p.to)) at('to', `${p.festival}：放假日期${p.to}不在${y}年内`);
    if (fromOk && toOk && inYear(p.from) && inYear(p.to)) {
      if (p.to < p.from) at('to', `${p.festival}：放假结束日期${label(p.to)}早于起始日期${label(p.from)}`);
      else if (daysOf(p.from, p.to).length > MAX_PERIOD_DAYS)
        at('to', `${p.festival}：放假${daysOf(p.from, p.to).length}天，超过${MAX_PERIOD_DAYS}天，请核对日期`);
      else
        for (const d of daysOf(p.from, p.to)) {
          const other = off.get(d);
          if (other) at('from', `${p.festival}的放假日期与${other}重叠（${label(d)}）`);
          else off.set(d, p.festival);
        }
    }
    p.workdays.forEach((d, j) => {
      const w = (message: string) => problems.push({ path: ['periods', i, 'workdays', j], message });
      if (!validDate(d)) return w(`${p.festival}：调休上班日期无效（${d}）`);
      if (!inYear(d)) return w(`${p.festival}：调休上班日期${d}不在${y}年内`);
      const wd = weekdayOf(d);
      if (wd !== 0 && wd !== 6)
        return w(`${p.festival}：调休上班日${label(d)}是${WEEKDAYS[wd] ?? ''}，调休上班日应为星期六或星期日`);
      if (work.has(d)) return w(`调休上班日${label(d)}重复录入`);
      work.set(d, p.festival);
    });
  });
  for (const [d, f] of work) {
    const o = off.get(d);
    if (o) {
      const i = n.periods.findIndex((p) => p.festival === f);
      problems.push({ path: ['periods', i, 'workdays'], message: `${label(d)}既是${o}放假日又是调休上班日` });
    }
  }
  if (n.year >= STATUTORY_FROM_YEAR) {
    for (const [d, name] of statutoryHolidays(n.year)) {
      // A day off of another festival's period counts: a notice gives 国庆节、中秋节 one run of days
      // off when 中秋 falls in early October (2025: 10月1日至8日).
      if (off.has(d)) continue;
      const i = n.periods.findIndex((p) => p.festival === name);
      problems.push({
        path: i >= 0 ? ['periods', i, 'from'] : ['periods'],
        message: `${name}：${label(d)}是《全国年节及纪念日放假办法》第二条规定的假日，应在${name}的放假日期之内`,
      });
    }
  }
  return problems;
}

/**
 * The periods a year's statutory days suggest before its notice is known: each festival's days
 * off are just its statutory days, with no 调休 (the administrator then enters the notice's own).
 */
export function statutoryPeriods(year: number): HolidayPeriod[] {
  const byFestival = new Map<string, string[]>();
  for (const [d, name] of statutoryHolidays(year)) byFestival.set(name, [...(byFestival.get(name) ?? []), d]);
  return FESTIVALS.flatMap((f) => {
    const days = (byFestival.get(f) ?? []).sort();
    const from = days[0];
    const to = days.at(-1);
    return from && to ? [{ festival: f, from, to, workdays: [] }] : [];
  });
}

/** A notice as a date → day lookup: days off are 法定节假日, worked weekend days 调休上班. */
export function noticeDays(
  notice: Pick<HolidayNoticeInput, 'periods'>,
): ReadonlyMap<string, { kind: '法定节假日' | '调休上班'; name: Festival }> {
  const out = new Map<string, { kind: '法定节假日' | '调休上班'; name: Festival }>();
  for (const p of notice.periods) {
    for (const d of daysOf(p.from, p.to)) out.set(d, { kind: '法定节假日', name: p.festival });
    for (const d of p.workdays) out.set(d, { kind: '调休上班', name: p.festival });
  }
  return out;
}

/** Entered notices by year, as dayKind and generateMonth take them. */
export type HolidayNotices = ReadonlyMap<number, Pick<HolidayNoticeInput, 'periods'>>;

/** How a year's holidays are known, for the schedule to say beside its marks. */
export function holidaySourceText(
  year: number,
  notice: Pick<HolidayNotice, 'title' | 'docNo' | 'enteredAt' | 'enteredBy'> | undefined,
  packaged: boolean,
): string {
  if (notice)
    return `${year}年节假日依据：${notice.title}${notice.docNo ? `（${notice.docNo}）` : ''}，由${notice.enteredBy}录入`;
  if (packaged) return `${year}年节假日依据：随软件提供的国务院办公厅节假日安排数据`;
  return `${year}年节假日依据：《全国年节及纪念日放假办法》推算（国务院办公厅通知尚未录入）`;
}
