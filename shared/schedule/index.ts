/**
 * Duty schedule (值班表): who holds each shift as 带班领导 and 值班员, planned a month at a time.
 *
 * The gazette asks for round-the-clock duty (应急值守, 朔政办发〔2021〕40号 2.2; 24 小时值班,
 * 朔政办发〔2021〕44号) but fixes no shift length or rota: shift start, length and the rota are the
 * duty room's own settings. Public holidays and make-up workdays (调休) follow the State Council's
 * yearly holiday notices (国务院办公厅关于部分节假日安排的通知) as packaged by chinese-days.
 */
// The package's static tables, not its functions: the functions build their keys with the host's
// local getters from UTC dates, which shifts every holiday by a day west of Greenwich.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, parseDate, parseInstant, shanghaiDate, shanghaiInstant, toShanghaiIso, weekdayOf } from '../time';
import { FESTIVALS, type Festival, type HolidayNotices, type HolidayPeriod, noticeDays } from './holiday-notice';
import { statutoryHolidays, statutoryHolidaysComplete } from './statutory';

/** `list[i]` for an index the caller has just found: a miss is a bug, so it throws instead of typing undefined. */
function at<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new Error(`内部错误：第 ${i} 项不存在`);
  return v;
}

export interface ShiftConfig {
  /** Shanghai wall-clock time the duty day (and its first shift) starts, 'HH:mm'. */
  startTime: string;
  /** Hours per shift; must divide 24 so a duty day holds whole shifts. */
  hours: number;
}

export const DEFAULT_SHIFT_CONFIG: Readonly<ShiftConfig> = Object.freeze({ startTime: '08:30', hours: 24 });

/** Validates a shift configuration and returns its start in minutes after midnight. */
export function checkShiftConfig(config: ShiftConfig = DEFAULT_SHIFT_CONFIG): {
  startMinutes: number;
  shiftsPerDay: number;
} {
  const match = /^(\d{2}):(\d{2})$/.exec(config.startTime);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new Error(`startTime 应为 HH:mm（如 08:30）：${config.startTime}`);
  }
  const { hours } = config;
  if (!Number.isInteger(hours) || hours <= 0 || 24 % hours !== 0) {
    throw new Error(`hours 应为能整除 24 的整数小时（24、12、8、6……）：${String(hours)}`);
  }
  return { startMinutes: Number(match[1]) * 60 + Number(match[2]), shiftsPerDay: 24 / hours };
}

/**
 * The duty day an instant belongs to: a duty day runs from the shift start (default 08:30
 * Asia/Shanghai) to the next day's shift start, so 2025-10-02 03:00 belongs to 2025-10-01.
 */
export function dutyDayOf(instant: string, config: ShiftConfig = DEFAULT_SHIFT_CONFIG): string {
  const { startMinutes } = checkShiftConfig(config);
  return shanghaiDate(parseInstant(instant, 'instant') - startMinutes * 60_000);
}

/** Same as dutyDayOf for an epoch-millisecond instant (hot loops avoid re-parsing). */
export function dutyDayOfMs(ms: number, startMinutes: number): string {
  return shanghaiDate(ms - startMinutes * 60_000);
}

/** Start (inclusive) and end (exclusive) of a duty day, ISO with +08:00. */
export function dutyDayRange(day: string, config: ShiftConfig = DEFAULT_SHIFT_CONFIG): { start: string; end: string } {
  const { startMinutes } = checkShiftConfig(config);
  parseDate(day, 'day');
  const start = shanghaiInstant(day, startMinutes);
  return { start: toShanghaiIso(start), end: toShanghaiIso(start + 24 * 3600_000) };
}

export const DAY_KINDS = ['工作日', '周末', '法定节假日', '调休上班'] as const;
export type DayKindName = (typeof DAY_KINDS)[number];

export interface DayKind {
  kind: DayKindName;
  /** Festival name (国庆节, 春节, 中秋 ...) for 法定节假日 and 调休上班. */
  name?: string;
}

/**
 * Kind of a calendar date per the State Council's holiday notices (an entered notice for its year,
 * else chinese-days, else the statutory days): a 调休上班 weekend is a workday; a holiday on a
 * weekday is 法定节假日.
 */
export function dayKind(date: string, notices?: HolidayNotices): DayKind {
  const { y } = parseDate(date, 'date');
  // A notice the administrator entered governs its whole year, ahead of the package.
  const notice = notices?.get(y);
  if (notice) {
    const day = noticeDayLookup(notice).get(date);
    if (day) return { kind: day.kind, name: day.name };
    const weekday = weekdayOf(date);
    return weekday === 0 || weekday === 6 ? { kind: '周末' } : { kind: '工作日' };
  }
  // The JSON's type lists its own dates as keys; any other date is a lookup that may miss.
  const work = (chineseDays.workdays as Record<string, string>)[date];
  // Likewise for the holidays JSON.
  const off = (chineseDays.holidays as Record<string, string>)[date];
  // Entries read 'National Day,国庆节,3': English name, Chinese name, length in days.
  const festival = (work ?? off)?.split(',')[1];
  if (work !== undefined) return festival ? { kind: '调休上班', name: festival } : { kind: '调休上班' };
  if (off !== undefined) return festival ? { kind: '法定节假日', name: festival } : { kind: '法定节假日' };
  // A year without its notice: the statutory days of 放假办法 still are holidays (no 调休 known).
  if (!hasHolidayData(y)) {
    const statutory = statutoryHolidays(y).get(date);
    if (statutory) return { kind: '法定节假日', name: statutory };
  }
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6 ? { kind: '周末' } : { kind: '工作日' };
}

const noticeDayCache = new WeakMap<object, ReturnType<typeof noticeDays>>();
function noticeDayLookup(notice: Parameters<typeof noticeDays>[0]): ReturnType<typeof noticeDays> {
  let days = noticeDayCache.get(notice);
  if (!days) {
    days = noticeDays(notice);
    noticeDayCache.set(notice, days);
  }
  return days;
}

const holidayDataCache = new Map<number, boolean>();

/**
 * Whether the packaged holiday data covers a year (New Year's Day is a holiday every year, so its
 * absence means the year is not covered and weekends are all that is known).
 */
export function hasHolidayData(year: number): boolean {
  let known = holidayDataCache.get(year);
  if (known === undefined) {
    // the JSON's type lists its own dates as keys; any other date is a lookup that may miss
    known = (chineseDays.holidays as Record<string, string>)[`${String(year).padStart(4, '0')}-01-01`] !== undefined;
    holidayDataCache.set(year, known);
  }
  return known;
}

/** The package's names (清明, 端午, 中秋) as a notice names its festivals. */
const festivalOf = (name: string | undefined): Festival | undefined =>
  FESTIVALS.find((f) => f === name || f === `${name ?? ''}节`);

/**
 * The packaged arrangement of a year as a notice's periods, or null when the package lacks the year:
 * each run of consecutive days off is one period, named by the festival most of its days belong to
 * (国庆节 for 2025's 10月1日至8日, which holds 中秋), with the 调休上班 days of its festival. The
 * holiday dialog starts from it, so that saving a year the package covers keeps what it knew.
 */
export function packagedPeriods(year: number): HolidayPeriod[] | null {
  if (!hasHolidayData(year)) return null;
  const entries = (table: Record<string, string>) =>
    Object.entries(table)
      .filter(([d]) => d.startsWith(`${year}-`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([d, v]) => ({ d, festival: festivalOf(v.split(',')[1]) }));
  const runs: { days: { d: string; festival: Festival | undefined }[] }[] = [];
  for (const e of entries(chineseDays.holidays)) {
    const last = runs.at(-1);
    if (last && addDays(last.days.at(-1)?.d ?? '', 1) === e.d) last.days.push(e);
    else runs.push({ days: [e] });
  }
  const periods: HolidayPeriod[] = [];
  for (const run of runs) {
    const counts = new Map<Festival, number>();
    for (const { festival } of run.days) if (festival) counts.set(festival, (counts.get(festival) ?? 0) + 1);
    const festival = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    // A day off for an occasion outside 放假办法 第二条 (2015's 纪念日) is no festival's.
    if (!festival || periods.some((p) => p.festival === festival)) continue;
    periods.push({ festival, from: run.days[0]?.d ?? '', to: run.days.at(-1)?.d ?? '', workdays: [] });
  }
  for (const { d, festival } of entries(chineseDays.workdays)) {
    // A make-up day of a festival merged into another's run (中秋 into 国庆节) goes to the nearest run.
    const gap = (p: HolidayPeriod) => Math.max(0, Date.parse(p.from) - Date.parse(d), Date.parse(d) - Date.parse(p.to));
    const owner = festival
      ? (periods.find((p) => p.festival === festival) ?? [...periods].sort((a, b) => gap(a) - gap(b))[0])
      : undefined;
    owner?.workdays.push(d);
  }
  return periods.sort((a, b) => FESTIVALS.indexOf(a.festival) - FESTIVALS.indexOf(b.festival));
}

/** What the schedule says of a year whose notice is not in the data, or null when it is. */
export function holidayDataNotice(year: number, notices?: HolidayNotices): string | null {
  if (hasHolidayData(year) || notices?.has(year)) return null;
  return `${year}年节假日安排尚未收录：已按《全国年节及纪念日放假办法》标出法定节假日${
    statutoryHolidaysComplete(year) ? '' : '（仅元旦、劳动节、国庆节）'
  }，调休上班日以国务院办公厅通知为准。`;
}

export type DutyRole = 'leader' | 'officer';
export const DUTY_ROLE_LABELS: Readonly<Record<DutyRole, string>> = { leader: '带班领导', officer: '值班员' };

export interface ScheduleOverride {
  /** 替班: someone else takes the shift; 换班: two shifts exchange their holders. */
  kind: '替班' | '换班';
  field: DutyRole;
  from: string;
  to: string;
  reason: string;
  /** For 换班: the other shift's duty day and index. */
  withDate?: string;
  withShift?: number;
}

export interface ShiftAssignment {
  /** Duty day the shift starts in, 'YYYY-MM-DD'. */
  date: string;
  /** 0-based shift index within the duty day (always 0 for 24-hour shifts). */
  shift: number;
  start: string;
  end: string;
  leader: string;
  officer: string;
  dayKind: DayKindName;
  holidayName?: string;
  /** Changes made after generation, oldest first. */
  overrides: ScheduleOverride[];
}

export interface GenerateMonthInput {
  month: string;
  leaders: string[];
  officers: string[];
  config?: ShiftConfig;
  /** When given, 带班领导 on 法定节假日 shifts rotate among these people instead of `leaders`. */
  holidayLeaders?: string[];
  /** Last month's schedule: keeps the rest rule (no back-to-back shifts) across the month boundary. */
  previous?: readonly ShiftAssignment[];
  /** First duty day to plan (YYYY-MM-DD); earlier days of the month are left out (not planned after the fact). */
  fromDate?: string;
  /** Holiday notices the administrator entered, by year; they take precedence over the package. */
  notices?: HolidayNotices;
}

type Burden = 'holiday' | 'weekend' | 'work';

interface Tally {
  total: number;
  holiday: number;
  weekend: number;
  /** Sequence number of the person's latest shift (earlier months negative). */
  last: number;
}

function checkRoster(list: unknown, field: string, allowEmpty = false): string[] {
  if (!Array.isArray(list)) throw new Error(`${field} 应为姓名数组`);
  const names = list.map((n, i) => {
    if (typeof n !== 'string' || n.trim() === '') throw new Error(`${field}[${i}] 姓名不能为空`);
    return n.trim();
  });
  if (!allowEmpty && names.length === 0) throw new Error(`${field} 至少需要一人`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`${field} 中姓名重复：${dup}`);
  return names;
}

/**
 * Generates a month's schedule. The rotation rule, applied to 带班领导 and 值班员 separately,
 * shift by shift in time order — among the role's pool pick:
 *  1. someone with the fewest shifts this month (so totals differ by at most one: the rota runs in
 *     rounds in which everyone serves once);
 *  2. not the holder of the previous shift when anyone else qualifies (rest between shifts), and
 *     never the same person as the shift's other role;
 *  3. for a 法定节假日 shift the fewest holiday shifts so far (then fewest weekend shifts); for a
 *     周末 shift the fewest weekend shifts (then holiday); for a workday (工作日 or 调休上班) the
 *     most holiday and weekend shifts, keeping those with fewer free for the next rest day — so
 *     within each round the holiday shifts go to whoever has had fewest, and holiday counts stay
 *     within one of each other except where the rest rule forbids it (a round's first shift may
 *     not go to the previous shift's holder, so the spread can reach two; with two people the
 *     rota simply alternates);
 *  4. the longest rest since their last shift, then roster order.
 */
export function generateMonth(input: GenerateMonthInput): ShiftAssignment[] {
  const match = /^(\d{4})-(\d{2})$/.exec(input.month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new Error(`month 应为 YYYY-MM：${input.month}`);
  }
  const config = input.config ?? DEFAULT_SHIFT_CONFIG;
  const { startMinutes, shiftsPerDay } = checkShiftConfig(config);
  const leaders = checkRoster(input.leaders, 'leaders');
  const officers = checkRoster(input.officers, 'officers');
  const holidayLeaders =
    input.holidayLeaders === undefined ? undefined : checkRoster(input.holidayLeaders, 'holidayLeaders');

  const year = Number(match[1]);
  const monthNo = Number(match[2]);
  const days = new Date(Date.UTC(year, monthNo, 0)).getUTCDate();
  const shiftMs = config.hours * 3600_000;

  const tallies = new Map<string, Tally>();
  const tally = (name: string): Tally => {
    let t = tallies.get(name);
    if (!t) {
      t = { total: 0, holiday: 0, weekend: 0, last: Number.NEGATIVE_INFINITY };
      tallies.set(name, t);
    }
    return t;
  };
  // Tallies are per role: the same name may appear as leader and as officer.
  const key = (role: DutyRole, name: string): string => `${role}\u0000${name}`;

  let prevLeader: string | undefined;
  let prevOfficer: string | undefined;
  const previous = [...(input.previous ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  previous.forEach((a, i) => {
    tally(key('leader', a.leader)).last = i - previous.length;
    tally(key('officer', a.officer)).last = i - previous.length;
  });
  const lastPrev = previous[previous.length - 1];
  if (lastPrev) {
    prevLeader = lastPrev.leader;
    prevOfficer = lastPrev.officer;
  }

  const pick = (
    role: DutyRole,
    pool: string[],
    burden: Burden,
    avoid: (string | undefined)[],
    forbid: string | undefined,
    field: string,
  ): string => {
    const allowed = pool.filter((n) => n !== forbid);
    if (allowed.length === 0) throw new Error(`${field} 没有可排的人（带班领导与值班员不能是同一人）`);
    const minTotal = Math.min(...allowed.map((n) => tally(key(role, n)).total));
    let candidates = allowed.filter((n) => tally(key(role, n)).total === minTotal);
    const rested = candidates.filter((n) => !avoid.includes(n));
    if (rested.length > 0) candidates = rested;
    const order = (n: string): number[] => {
      const t = tally(key(role, n));
      const primary =
        burden === 'holiday'
          ? [t.holiday, t.weekend]
          : burden === 'weekend'
            ? [t.weekend, t.holiday]
            : [-t.holiday, -t.weekend];
      return [...primary, t.last, pool.indexOf(n)];
    };
    candidates.sort((a, b) => {
      const oa = order(a);
      const ob = order(b);
      for (let i = 0; i < oa.length; i++) {
        const diff = (oa[i] ?? 0) - (ob[i] ?? 0);
        if (diff !== 0) return diff;
      }
      return 0;
    });
    return at(candidates, 0);
  };

  const out: ShiftAssignment[] = [];
  let seq = 0;
  if (input.fromDate !== undefined) parseDate(input.fromDate, 'fromDate');
  for (let d = 1; d <= days; d++) {
    const date = `${match[1]}-${match[2]}-${String(d).padStart(2, '0')}`;
    if (input.fromDate !== undefined && date < input.fromDate) continue;
    const kind = dayKind(date, input.notices);
    const burden: Burden = kind.kind === '法定节假日' ? 'holiday' : kind.kind === '周末' ? 'weekend' : 'work';
    const dayStart = shanghaiInstant(date, startMinutes);
    for (let s = 0; s < shiftsPerDay; s++) {
      const leaderPool = burden === 'holiday' && holidayLeaders && holidayLeaders.length > 0 ? holidayLeaders : leaders;
      const leader = pick('leader', leaderPool, burden, [prevLeader], undefined, 'leaders');
      const officer = pick('officer', officers, burden, [prevOfficer], leader, 'officers');
      for (const [role, name] of [
        ['leader', leader],
        ['officer', officer],
      ] as const) {
        const t = tally(key(role, name));
        t.total++;
        if (burden === 'holiday') t.holiday++;
        if (burden === 'weekend') t.weekend++;
        t.last = seq;
      }
      seq++;
      prevLeader = leader;
      prevOfficer = officer;
      const start = dayStart + s * shiftMs;
      out.push({
        date,
        shift: s,
        start: toShanghaiIso(start),
        end: toShanghaiIso(start + shiftMs),
        leader,
        officer,
        dayKind: kind.kind,
        ...(kind.name ? { holidayName: kind.name } : {}),
        overrides: [],
      });
    }
  }
  return out;
}

function findShift(schedule: readonly ShiftAssignment[], date: string, shift: number, field: string): number {
  parseDate(date, field);
  const index = schedule.findIndex((a) => a.date === date && a.shift === shift);
  if (index < 0) throw new Error(`${field}：值班表中没有 ${date} 第 ${shift + 1} 班`);
  return index;
}

function checkReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '') throw new Error('reason 不能为空：调整值班须注明原因');
  return reason.trim();
}

function checkField(field: unknown): DutyRole {
  if (field !== 'leader' && field !== 'officer') throw new Error(`field 应为 leader 或 officer：${String(field)}`);
  return field;
}

export interface SwapInput {
  date: string;
  /** Shift index within the day; 0 when omitted. */
  shift?: number;
  field: DutyRole;
  newPerson: string;
  reason: string;
}

/** 替班: someone else takes one shift's role. Returns a new schedule; the change and its reason are kept. */
export function applySwap(schedule: readonly ShiftAssignment[], swap: SwapInput): ShiftAssignment[] {
  const field = checkField(swap.field);
  const reason = checkReason(swap.reason);
  const to = typeof swap.newPerson === 'string' ? swap.newPerson.trim() : '';
  if (!to) throw new Error('newPerson 不能为空');
  const index = findShift(schedule, swap.date, swap.shift ?? 0, 'date');
  const current = at(schedule, index);
  const from = current[field];
  if (from === to) throw new Error(`newPerson 与原${DUTY_ROLE_LABELS[field]}相同：${to}`);
  const other = field === 'leader' ? current.officer : current.leader;
  if (other === to) throw new Error(`newPerson：带班领导与值班员不能是同一人（${to}）`);
  const next = schedule.map((a) => ({ ...a, overrides: [...a.overrides] }));
  const target = at(next, index);
  target[field] = to;
  target.overrides.push({ kind: '替班', field, from, to, reason });
  return next;
}

export interface ExchangeInput {
  date: string;
  shift?: number;
  withDate: string;
  withShift?: number;
  field: DutyRole;
  reason: string;
}

/** 换班: two shifts exchange one role's holders; both shifts record the exchange and its reason. */
export function exchangeShifts(schedule: readonly ShiftAssignment[], input: ExchangeInput): ShiftAssignment[] {
  const field = checkField(input.field);
  const reason = checkReason(input.reason);
  const shiftA = input.shift ?? 0;
  const shiftB = input.withShift ?? 0;
  const ia = findShift(schedule, input.date, shiftA, 'date');
  const ib = findShift(schedule, input.withDate, shiftB, 'withDate');
  if (ia === ib) throw new Error('withDate：不能与同一班次交换');
  const next = schedule.map((a) => ({ ...a, overrides: [...a.overrides] }));
  const a = at(next, ia);
  const b = at(next, ib);
  const pa = a[field];
  const pb = b[field];
  if (pa === pb) throw new Error(`两个班次的${DUTY_ROLE_LABELS[field]}相同（${pa}），无需交换`);
  const otherField: DutyRole = field === 'leader' ? 'officer' : 'leader';
  if (a[otherField] === pb || b[otherField] === pa) throw new Error('交换后带班领导与值班员将是同一人');
  a[field] = pb;
  b[field] = pa;
  a.overrides.push({ kind: '换班', field, from: pa, to: pb, reason, withDate: b.date, withShift: b.shift });
  b.overrides.push({ kind: '换班', field, from: pb, to: pa, reason, withDate: a.date, withShift: a.shift });
  return next;
}

/** The shift holding an instant (start inclusive, end exclusive), or null when none is planned. */
export function onDutyAt(schedule: readonly ShiftAssignment[], instant: string): ShiftAssignment | null {
  const t = parseInstant(instant, 'instant');
  return schedule.find((a) => Date.parse(a.start) <= t && t < Date.parse(a.end)) ?? null;
}

/** Per-person counts of a schedule, for the month sheet's footer and fairness checks. */
export function dutyCounts(
  schedule: readonly ShiftAssignment[],
  field: DutyRole,
): { name: string; total: number; holiday: number; weekend: number }[] {
  const map = new Map<string, { name: string; total: number; holiday: number; weekend: number }>();
  for (const a of schedule) {
    const name = a[field];
    let row = map.get(name);
    if (!row) {
      row = { name, total: 0, holiday: 0, weekend: 0 };
      map.set(name, row);
    }
    row.total++;
    if (a.dayKind === '法定节假日') row.holiday++;
    if (a.dayKind === '周末') row.weekend++;
  }
  return [...map.values()];
}
