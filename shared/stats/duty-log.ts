/**
 * Daily duty log (值班日志): the day's records grouped into sections. A duty day runs from the
 * shift start to the next day's shift start (default 08:30 Asia/Shanghai); an incident spanning
 * midnight contributes each event to the duty day in which that event happened.
 */
import { DEFAULT_SHIFT_CONFIG, checkShiftConfig, dutyDayRange, type ShiftConfig } from '../schedule/index';
import { addDays, parseInstant, shanghaiDate, shanghaiDateTime, shanghaiInstant, shanghaiTime } from '../time';

export const DUTY_EVENT_KINDS = [
  '接报',
  '状态',
  '来电',
  '去电',
  '报告',
  '续报',
  '批示',
  '时限',
  '告警确认',
  '预警',
  '交接班',
  '备注',
] as const;
export type DutyEventKind = (typeof DUTY_EVENT_KINDS)[number];

export interface DutyEvent {
  at: string;
  kind: DutyEventKind;
  incidentId?: string | number | null;
  incidentTitle?: string | null;
  text: string;
  /** 处理情况: what was done about it (outcome, level and status, who lifted a warning). */
  handling?: string;
  officer: string;
  /**
   * For 时限 events: met, late (迟报), or past due with no report (漏报, as the statistics define it:
   * the deadline has passed and nothing was reported; a report made later turns it into 迟报).
   */
  clockOutcome?: 'onTime' | 'late' | 'missed';
  /**
   * For 时限 events: whose obligation. The duty room's own clocks and other units' clocks it only
   * monitors (督促) are counted apart (product owner 2026-11-30, "Whose clock"); absent counts as own.
   */
  clockOwner?: 'room' | 'monitored';
  /**
   * Whether the event is a report actually made (counted under 信息报送). Absent: 报告 and 续报
   * count, other kinds do not; a draft or a signature is false, a clock completed directly is true.
   */
  countsAsReport?: boolean;
  /** The event belongs to a drill (演练): listed with its incident, left out of the figures. */
  drill?: boolean;
}

/** Section order of the printed log; each kind belongs to exactly one section. */
export const DUTY_LOG_SECTIONS: readonly { key: string; title: string; kinds: readonly DutyEventKind[] }[] = [
  { key: 'received', title: '一、接报情况', kinds: ['接报'] },
  { key: 'calls', title: '二、电话记录', kinds: ['来电', '去电'] },
  { key: 'reports', title: '三、信息报送', kinds: ['报告', '续报'] },
  { key: 'instructions', title: '四、领导批示', kinds: ['批示'] },
  { key: 'clocks', title: '五、报告时限及告警确认', kinds: ['时限', '告警确认'] },
  { key: 'progress', title: '六、处置进展', kinds: ['状态'] },
  { key: 'other', title: '七、交接班及其他', kinds: ['交接班', '备注'] },
  { key: 'warnings', title: '八、预警发布与解除', kinds: ['预警'] },
];

export interface DutyLogRow {
  at: string;
  /** 'HH:mm', or '次日 HH:mm' after midnight, as the printed log shows it. */
  time: string;
  kind: DutyEventKind;
  incidentId: string | null;
  incidentTitle: string | null;
  text: string;
  handling: string;
  officer: string;
}

export interface DutyLogCounts {
  total: number;
  byKind: Record<DutyEventKind, number>;
  /** Distinct incidents with a 接报 event this duty day, drills apart. */
  incidentsReceived: number;
  /** Distinct drills (演练) received this duty day: listed, not counted as incidents. */
  drillsReceived: number;
  /** Distinct incidents with any event this duty day. */
  incidentsTouched: number;
  calls: number;
  /**
   * Reports made (信息报送): reports sent through the report chain, clocks completed directly (by
   * phone or in writing) and 续报 received; drafts and signatures are listed but not counted.
   */
  reports: number;
  instructions: number;
  /**
   * The duty room's own reporting clocks of real incidents only: a drill's clocks are listed but not
   * counted, and other units' clocks the room monitors are counted apart (monitored*).
   */
  clocksOnTime: number;
  clocksLate: number;
  clocksMissed: number;
  /** Other units' clocks the duty room monitors (督促): met, late, and past due unreported (未报). */
  monitoredOnTime: number;
  monitoredLate: number;
  monitoredMissed: number;
  /** The drills' 时限 events, listed in the log but in none of the three figures above. */
  drillClocks: number;
}

/** 按时N项、迟报N项、漏报N项: the duty room's own clocks. */
export function roomClockSummary(c: DutyLogCounts): string {
  return `按时${c.clocksOnTime}项、迟报${c.clocksLate}项、漏报${c.clocksMissed}项`;
}

/** 按时N项、迟报N项、未报N项: other units' clocks the duty room monitors (督促). */
export function monitoredClockSummary(c: DutyLogCounts): string {
  return `按时${c.monitoredOnTime}项、迟报${c.monitoredLate}项、未报${c.monitoredMissed}项`;
}

/**
 * 本值班室：按时N项、迟报N项、漏报N项；督促他方：按时N项、迟报N项、未报N项（演练N项不计）: the log's
 * clock figures as its overview words them, the room's own obligations apart from those it monitors.
 */
export function clockSummary(c: DutyLogCounts): string {
  const drills = c.drillClocks > 0 ? `（演练${c.drillClocks}项不计）` : '';
  return `本值班室：${roomClockSummary(c)}；督促他方：${monitoredClockSummary(c)}${drills}`;
}

/** 接报事件N起，另有演练M起（涉及事件K起）: the log's received figure as its overview words it. */
export function receivedSummary(c: DutyLogCounts): string {
  const drills = c.drillsReceived > 0 ? `，另有演练${c.drillsReceived}起` : '';
  return `接报事件${c.incidentsReceived}起${drills}（涉及事件${c.incidentsTouched}起）`;
}

export interface DutyLog {
  day: string;
  start: string;
  end: string;
  /** 'YYYY-MM-DD HH:mm' forms of start and end for headings. */
  startLabel: string;
  endLabel: string;
  duty: { leader: string; officer: string }[];
  sections: { key: string; title: string; rows: DutyLogRow[] }[];
  counts: DutyLogCounts;
}

export interface CompileDutyLogInput {
  day: string;
  config?: ShiftConfig;
  /** Any events; those outside the duty day are left out. */
  events: readonly DutyEvent[];
  /** The day's 带班领导 and 值班员 (one entry per shift). */
  duty?: { leader: string; officer: string }[];
}

const SECTION_OF = new Map<DutyEventKind, number>();
DUTY_LOG_SECTIONS.forEach((s, i) => s.kinds.forEach((k) => SECTION_OF.set(k, i)));

/** Compiles one duty day's log from its events, each placed by the instant it happened. */
export function compileDutyLog(input: CompileDutyLogInput): DutyLog {
  const config = input.config ?? DEFAULT_SHIFT_CONFIG;
  checkShiftConfig(config);
  // Typed as unknown so the check stays for a caller that passes something else.
  const events: unknown = input.events;
  if (!Array.isArray(events)) throw new Error('events 应为数组');
  const range = dutyDayRange(input.day, config);
  const startMs = Date.parse(range.start);
  const endMs = Date.parse(range.end);
  const nextMidnight = shanghaiInstant(addDays(input.day, 1), 0);

  const picked: { ms: number; index: number; event: DutyEvent }[] = [];
  input.events.forEach((event, index) => {
    const ms = parseInstant(event.at, () => `events[${index}].at`);
    if (ms < startMs || ms >= endMs) return;
    if (!SECTION_OF.has(event.kind)) {
      throw new Error(`events[${index}].kind 无效：${event.kind}（应为 ${DUTY_EVENT_KINDS.join('、')}）`);
    }
    picked.push({ ms, index, event });
  });
  picked.sort((a, b) => a.ms - b.ms || a.index - b.index);

  // fromEntries types its keys as string; they are exactly DUTY_EVENT_KINDS.
  const byKind = Object.fromEntries(DUTY_EVENT_KINDS.map((k) => [k, 0])) as Record<DutyEventKind, number>;
  const received = new Set<string>();
  const drillsReceived = new Set<string>();
  const touched = new Set<string>();
  const own = { onTime: 0, late: 0, missed: 0 };
  const monitored = { onTime: 0, late: 0, missed: 0 };
  let drillClocks = 0;
  let reports = 0;
  const rowsOf = new Map<DutyEventKind, DutyLogRow[]>();
  const sections = DUTY_LOG_SECTIONS.map((s) => {
    const rows: DutyLogRow[] = [];
    for (const k of s.kinds) rowsOf.set(k, rows);
    return { key: s.key, title: s.title, rows };
  });

  for (const { ms, event } of picked) {
    byKind[event.kind]++;
    const incidentId = event.incidentId === undefined || event.incidentId === null ? null : String(event.incidentId);
    if (incidentId !== null) {
      touched.add(incidentId);
      if (event.kind === '接报') (event.drill ? drillsReceived : received).add(incidentId);
    }
    if (event.kind === '时限' && event.drill) drillClocks++;
    else if (event.kind === '时限' && event.clockOutcome) {
      (event.clockOwner === 'monitored' ? monitored : own)[event.clockOutcome]++;
    }
    if (event.countsAsReport ?? (event.kind === '报告' || event.kind === '续报')) reports++;
    // Events after midnight fall on the next calendar date: the printed log marks them 次日.
    const hm = shanghaiTime(ms);
    const time = ms < nextMidnight ? hm : `次日 ${hm}`;
    rowsOf.get(event.kind)?.push({
      at: event.at,
      time,
      kind: event.kind,
      incidentId,
      incidentTitle: event.incidentTitle ?? null,
      text: event.text,
      handling: event.handling ?? '',
      officer: event.officer,
    });
  }

  return {
    day: input.day,
    start: range.start,
    end: range.end,
    startLabel: shanghaiDateTime(startMs),
    endLabel: shanghaiDateTime(endMs),
    duty: (input.duty ?? []).map((d) => ({ leader: d.leader, officer: d.officer })),
    sections,
    counts: {
      total: picked.length,
      byKind,
      incidentsReceived: received.size,
      drillsReceived: drillsReceived.size,
      incidentsTouched: touched.size,
      calls: byKind['来电'] + byKind['去电'],
      reports,
      instructions: byKind['批示'],
      clocksOnTime: own.onTime,
      clocksLate: own.late,
      clocksMissed: own.missed,
      monitoredOnTime: monitored.onTime,
      monitoredLate: monitored.late,
      monitoredMissed: monitored.missed,
      drillClocks,
    },
  };
}

/** Groups events by the duty day they happened in (for compiling many days at once). */
export function groupByDutyDay(
  events: readonly DutyEvent[],
  config: ShiftConfig = DEFAULT_SHIFT_CONFIG,
): Map<string, DutyEvent[]> {
  const { startMinutes } = checkShiftConfig(config);
  const out = new Map<string, DutyEvent[]>();
  events.forEach((event, index) => {
    const day = shanghaiDate(parseInstant(event.at, () => `events[${index}].at`) - startMinutes * 60_000);
    let list = out.get(day);
    if (!list) {
      list = [];
      out.set(day, list);
    }
    list.push(event);
  });
  return out;
}
