/**
 * Statistics for the duty room: incidents per plan, level, place and month; reporting clocks met
 * on time, late (迟报) or missed (漏报); median minutes from 接报 to the first phone and written
 * report. Pure: the caller passes plain rows and `now`.
 *
 * The deadlines themselves come from the plans' reporting clauses (朔政办发〔2021〕40号 4.1;
 * 〔2021〕42号 4.1.1; 〔2021〕43号 5.1.1) through the rules engine; this module only counts them.
 */
import type { ClockChannel } from '../domain/incident';
import { parseInstant, shanghaiParts } from '../time';

export * from './duty-log';

export interface StatIncident {
  id: string | number;
  /** Plan id or label (e.g. environment / 突发环境事件). */
  plan: string;
  /** 特别重大 / 重大 / 较大 / 一般, or null while not graded. */
  level: string | null;
  places: string[];
  /** 接报 time, ISO 8601. */
  receivedAt: string;
  drill: boolean;
}

export type StatClockChannel = 'phone' | 'written' | 'any';

export interface StatClock {
  incidentId: string | number;
  plan: string;
  clockId: string;
  channel: StatClockChannel;
  dueAt: string;
  completedAt?: string | null;
  /** How the report was actually made (报送方式: 电话/传真/书面/系统); the clock's `channel` is what it required. */
  completedChannel?: ClockChannel | null;
  /** Officer who recorded the report. */
  completedBy?: string | null;
  notApplicable?: boolean;
  /**
   * Whose obligation: the duty room's own (市政府/市指挥部办公室) or another unit's it monitors.
   * 迟报 and 漏报 are counted apart for the two (issue 12 "Whose clock").
   */
  owner?: 'room' | 'monitored';
  /** Closed as 级别调整 at this instant (43号 5.1.1(6)): late if it was already overdue then. */
  levelChangedAt?: string | null;
}

export const OWNER_LABELS: Readonly<Record<'room' | 'monitored', string>> = {
  room: '本值班室（市政府、市指挥部办公室）',
  monitored: '督促他方（事发单位、县级部门等）',
};
export const UNKNOWN_OWNER = '未区分';

export type ClockOutcome = 'onTime' | 'late' | 'missed' | 'pending' | 'notApplicable';

export const CLOCK_OUTCOME_LABELS: Readonly<Record<ClockOutcome, string>> = {
  onTime: '按时报告',
  late: '迟报',
  missed: '漏报',
  pending: '未到期',
  notApplicable: '不适用',
};

/**
 * Outcome of one reporting clock at `now` (deadlines per 朔政办发〔2021〕40号 4.1, 42号 4.1.1,
 * 43号 5.1.1): completed at or before dueAt → on time (the window "N 小时内" includes its end);
 * completed after dueAt → 迟报; not completed and now past dueAt → 漏报; otherwise pending.
 */
export function clockOutcome(clock: StatClock, now: number): ClockOutcome {
  const due = parseInstant(clock.dueAt, 'clocks[].dueAt');
  // Closed as 级别调整: recorded late by the time it had been overdue, otherwise not owed any more.
  if (clock.levelChangedAt)
    return parseInstant(clock.levelChangedAt, 'clocks[].levelChangedAt') > due ? 'late' : 'notApplicable';
  if (clock.notApplicable) return 'notApplicable';
  if (clock.completedAt) {
    return parseInstant(clock.completedAt, 'clocks[].completedAt') <= due ? 'onTime' : 'late';
  }
  return now > due ? 'missed' : 'pending';
}

/**
 * Whether a completed report counts as a phone or a written report: by how it was made, a phone
 * call as phone and 传真、书面、系统 as written (a call never discharges a written report, 42号
 * 4.1.1(1)); a record without its 报送方式 by what the clock required; null when neither says.
 */
export function reportKindOf(
  made: ClockChannel | null | undefined,
  required: StatClockChannel,
): 'phone' | 'written' | null {
  if (made) return made === '电话' ? 'phone' : 'written';
  return required === 'any' ? null : required;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface OutcomeCounts {
  onTime: number;
  late: number;
  missed: number;
  pending: number;
  notApplicable: number;
  /** onTime / (onTime + late + missed); null when nothing has come due. */
  onTimeRate: number | null;
}

export interface StatsInput {
  incidents: StatIncident[];
  clocks: StatClock[];
  /** ISO instant the pending/missed split is judged at. */
  now: string;
  /** Drills (演练) are left out unless asked for. */
  includeDrills?: boolean;
  /**
   * Who answers for a missed clock (nobody recorded it): usually the 值班员 on duty at dueAt,
   * e.g. `(t) => onDutyAt(schedule, t)?.officer ?? null`. Without it missed clocks go to 未确定.
   */
  officerAt?: (instant: string) => string | null;
}

export interface Stats {
  incidentCount: number;
  drillsExcluded: number;
  byPlan: CountRow[];
  byLevel: CountRow[];
  /** An incident touching several places counts once for each. */
  byPlace: CountRow[];
  /** 'YYYY-MM' (Asia/Shanghai) of 接报, every month from the first to the last, gaps as 0. */
  byMonth: CountRow[];
  clockOutcomes: {
    overall: OutcomeCounts;
    byPlan: (OutcomeCounts & { key: string })[];
    /** Only clocks that came due or were completed; pending and 不适用 clocks have no officer. */
    byOfficer: (OutcomeCounts & { key: string })[];
    /** The duty room's own clocks first, then those it monitors (then any without an owner). */
    byOwner: (OutcomeCounts & { key: string; owner: 'room' | 'monitored' | null })[];
  };
  /**
   * Median minutes from 接报 to the first report made by phone (or in writing: 传真、书面、系统), over
   * incidents that have one; counted by how each report was made, not by what its clock required.
   */
  medianMinutesToPhone: number | null;
  medianMinutesToWritten: number | null;
  samples: { phone: number; written: number };
}

export const UNGRADED = '未定级';
export const NO_PLACE = '未填写';
export const UNKNOWN_OFFICER = '未确定';

export const emptyOutcomes = (): OutcomeCounts => ({
  onTime: 0,
  late: 0,
  missed: 0,
  pending: 0,
  notApplicable: 0,
  onTimeRate: null,
});

export function finishOutcomes<T extends OutcomeCounts>(o: T): T {
  const due = o.onTime + o.late + o.missed;
  o.onTimeRate = due === 0 ? null : o.onTime / due;
  return o;
}

/** The figures' clock outcomes from their counts: rates set, rows sorted, owners named. */
type OutcomeRow = OutcomeCounts & { key: string };

export function finishClockOutcomes(
  overall: OutcomeCounts,
  perPlan: Map<string, OutcomeRow>,
  perOfficer: Map<string, OutcomeRow>,
  perOwner: Map<string, OutcomeRow>,
): Stats['clockOutcomes'] {
  const byKey = (a: OutcomeRow, b: OutcomeRow) => a.key.localeCompare(b.key, 'zh-CN');
  return {
    overall: finishOutcomes(overall),
    byPlan: [...perPlan.values()].map(finishOutcomes).sort(byKey),
    byOfficer: [...perOfficer.values()].map(finishOutcomes).sort(byKey),
    byOwner: [...perOwner.values()].map((o) => ({
      ...finishOutcomes(o),
      owner:
        o.key === OWNER_LABELS.room
          ? ('room' as const)
          : o.key === OWNER_LABELS.monitored
            ? ('monitored' as const)
            : null,
    })),
  };
}

export function sortedCounts(map: Map<string, number>): CountRow[] {
  return [...map]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'zh-CN'));
}

/** Median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const upper = s[mid] ?? 0; // the list is not empty, so both middle values exist
  return s.length % 2 === 1 ? upper : ((s[mid - 1] ?? upper) + upper) / 2;
}

function monthKey(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${String(p.m).padStart(2, '0')}`;
}

/**
 * Computes the statistics. Definitions: 迟报 = completed after dueAt; 漏报 = not completed and
 * now > dueAt (朔政办发〔2021〕40号 4.1, 42号 4.1.1, 43号 5.1.1 set the windows). Clocks count only
 * when their incident is in `incidents` and not an excluded drill, so a date range of incidents
 * selects their clocks too.
 */
export function computeStats(input: StatsInput): Stats {
  // Typed as unknown so the checks stay for a caller that passes something else.
  const incidents: unknown = input.incidents;
  const clocks: unknown = input.clocks;
  if (!Array.isArray(incidents)) throw new Error('incidents 应为数组');
  if (!Array.isArray(clocks)) throw new Error('clocks 应为数组');
  const now = parseInstant(input.now, 'now');
  const includeDrills = input.includeDrills === true;

  const byPlan = new Map<string, number>();
  const byLevel = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const byMonth = new Map<string, number>();
  const received = new Map<string, number>();
  let drillsExcluded = 0;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };

  for (const inc of input.incidents) {
    if (inc.drill && !includeDrills) {
      drillsExcluded++;
      continue;
    }
    const at = parseInstant(inc.receivedAt, `incidents[${String(inc.id)}].receivedAt`);
    received.set(String(inc.id), at);
    bump(byPlan, inc.plan || '未分类');
    bump(byLevel, inc.level || UNGRADED);
    const places = [...new Set(inc.places.filter((p) => p && p.trim()))];
    if (places.length === 0) bump(byPlace, NO_PLACE);
    for (const p of places) bump(byPlace, p);
    bump(byMonth, monthKey(at));
    minMs = Math.min(minMs, at);
    maxMs = Math.max(maxMs, at);
  }

  const months: CountRow[] = [];
  if (received.size > 0) {
    const first = shanghaiParts(minMs);
    const last = shanghaiParts(maxMs);
    let y = first.y;
    let m = first.m;
    while (y < last.y || (y === last.y && m <= last.m)) {
      const key = `${y}-${String(m).padStart(2, '0')}`;
      months.push({ key, count: byMonth.get(key) ?? 0 });
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  }

  const overall = emptyOutcomes();
  const perPlan = new Map<string, OutcomeCounts & { key: string }>();
  const perOfficer = new Map<string, OutcomeCounts & { key: string }>();
  const perOwner = new Map<string, OutcomeCounts & { key: string }>([
    [OWNER_LABELS.room, { key: OWNER_LABELS.room, ...emptyOutcomes() }],
    [OWNER_LABELS.monitored, { key: OWNER_LABELS.monitored, ...emptyOutcomes() }],
  ]);
  const firstDone = { phone: new Map<string, number>(), written: new Map<string, number>() };
  const row = (m: Map<string, OutcomeCounts & { key: string }>, key: string): OutcomeCounts & { key: string } => {
    let r = m.get(key);
    if (!r) {
      r = { key, ...emptyOutcomes() };
      m.set(key, r);
    }
    return r;
  };

  for (const clock of input.clocks) {
    const incidentKey = String(clock.incidentId);
    if (!received.has(incidentKey)) continue;
    const outcome = clockOutcome(clock, now);
    overall[outcome]++;
    row(perPlan, clock.plan || '未分类')[outcome]++;
    row(perOwner, clock.owner ? OWNER_LABELS[clock.owner] : UNKNOWN_OWNER)[outcome]++;
    if (outcome === 'onTime' || outcome === 'late') {
      row(perOfficer, clock.completedBy?.trim() || UNKNOWN_OFFICER)[outcome]++;
    } else if (outcome === 'missed') {
      row(perOfficer, input.officerAt?.(clock.dueAt)?.trim() || UNKNOWN_OFFICER).missed++;
    }
    const kind = reportKindOf(clock.completedChannel, clock.channel);
    if (clock.completedAt && !clock.notApplicable && kind) {
      const done = parseInstant(clock.completedAt, 'clocks[].completedAt');
      const m = firstDone[kind];
      const prev = m.get(incidentKey);
      if (prev === undefined || done < prev) m.set(incidentKey, done);
    }
  }

  const minutes = (m: Map<string, number>): number[] =>
    [...m].flatMap(([id, done]) => {
      const at = received.get(id);
      return at === undefined ? [] : [(done - at) / 60_000];
    });
  const phone = minutes(firstDone.phone);
  const written = minutes(firstDone.written);

  return {
    incidentCount: received.size,
    drillsExcluded,
    byPlan: sortedCounts(byPlan),
    byLevel: sortedCounts(byLevel),
    byPlace: sortedCounts(byPlace),
    byMonth: months,
    clockOutcomes: finishClockOutcomes(overall, perPlan, perOfficer, perOwner),
    medianMinutesToPhone: median(phone),
    medianMinutesToWritten: median(written),
    samples: { phone: phone.length, written: written.length },
  };
}
