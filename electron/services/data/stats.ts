/**
 * The statistics of a range counted in the database (issue 14 "Statistics as SQL aggregates"):
 * the stored derivations that are current are grouped by SQL (electron/db/stats-repository.ts);
 * the few incidents whose stored value is not current (changed a moment ago, or not yet derived)
 * are derived from their rows and counted here with the same definitions as computeStats
 * (shared/stats: 朔政办发〔2021〕40号 4.1, 42号 4.1.1, 43号 5.1.1). The figures equal
 * computeStats over every incident of the range.
 */
import type { IncidentSummary } from '../../../shared/domain/incident-view';
import {
  clockOutcome,
  emptyOutcomes,
  finishClockOutcomes,
  median,
  OWNER_LABELS,
  sortedCounts,
  UNGRADED,
  UNKNOWN_OFFICER,
  UNKNOWN_OWNER,
  type ClockOutcome,
  type CountRow,
  type OutcomeCounts,
  type Stats,
} from '../../../shared/stats/index';
import type { Queryable } from '../../db/connection';
import * as statsRepo from '../../db/stats-repository';
import { statFactsOf } from '../incidents/derived';

export interface StatsSource {
  derivationBasis(): string;
  summariesOf(q: Queryable, ids: readonly number[]): Promise<IncidentSummary[]>;
}

export interface DutySession {
  officer: string;
  startedAt: string;
}

/**
 * Who was on duty at an instant, as the duty record says: of the sessions begun by then, the one
 * recorded last. Sessions sorted once by start, with the latest-recorded one so far at each step.
 */
export function officerOnDuty(sessions: readonly DutySession[]): (ms: number) => string | null {
  const steps: { at: number; order: number; officer: string }[] = [];
  sessions.forEach((s, order) => {
    const at = Date.parse(s.startedAt);
    if (!Number.isNaN(at)) steps.push({ at, order, officer: s.officer });
  });
  steps.sort((a, b) => a.at - b.at);
  let best: { order: number; officer: string } | null = null;
  const answer = steps.map((s) => {
    if (!best || s.order > best.order) best = s;
    return best.officer;
  });
  return (ms) => {
    let lo = 0;
    let hi = steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((steps[mid]?.at ?? Infinity) <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : (answer[lo - 1] ?? null);
  };
}

type Row = OutcomeCounts & { key: string };

const bump = (m: Map<string, number>, k: string, n = 1): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};

export async function rangeStats(
  q: Queryable,
  source: StatsSource,
  sessions: readonly DutySession[],
  r: { from?: string | undefined; to?: string | undefined; includeDrills: boolean },
  now: Date,
): Promise<Stats> {
  const range: statsRepo.StatsRange = { basis: source.derivationBasis(), ...r };
  const nowMs = now.getTime();
  const officerAt = officerOnDuty(sessions);

  const byPlan = new Map<string, number>();
  const byLevel = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const byMonth = new Map<string, number>();
  let incidentCount = 0;
  let drillsExcluded = 0;
  const overall = emptyOutcomes();
  const perPlan = new Map<string, Row>();
  const perOfficer = new Map<string, Row>();
  const perOwner = new Map<string, Row>([
    [OWNER_LABELS.room, { key: OWNER_LABELS.room, ...emptyOutcomes() }],
    [OWNER_LABELS.monitored, { key: OWNER_LABELS.monitored, ...emptyOutcomes() }],
  ]);
  const row = (m: Map<string, Row>, key: string): Row => {
    let x = m.get(key);
    if (!x) {
      x = { key, ...emptyOutcomes() };
      m.set(key, x);
    }
    return x;
  };
  const countClocks = (plan: string, owner: string | null | undefined, outcome: ClockOutcome, n: number): void => {
    overall[outcome] += n;
    row(perPlan, plan || '未分类')[outcome] += n;
    row(perOwner, owner === 'room' || owner === 'monitored' ? OWNER_LABELS[owner] : UNKNOWN_OWNER)[outcome] += n;
  };

  // The current derivations, grouped in the database.
  const stored = { phone: 0, written: 0 };
  for (const x of await statsRepo.incidentCounts(q, range)) {
    if (x.drill === 1 && !r.includeDrills) {
      drillsExcluded += x.n;
      continue;
    }
    incidentCount += x.n;
    stored.phone += x.phone;
    stored.written += x.written;
    bump(byPlan, x.plan || '未分类', x.n);
    bump(byLevel, x.level || UNGRADED, x.n);
    bump(byMonth, x.month, x.n);
  }
  for (const x of await statsRepo.placeCounts(q, range)) bump(byPlace, x.place, x.n);
  for (const x of await statsRepo.clockCounts(q, range, nowMs)) {
    countClocks(x.plan, x.owner, x.outcome, x.n);
    if (x.outcome === 'onTime' || x.outcome === 'late')
      row(perOfficer, x.who?.trim() || UNKNOWN_OFFICER)[x.outcome] += x.n;
  }
  // A 漏报 has no recorder: it is charged to the officer on duty at its deadline.
  for (const x of await statsRepo.missedDeadlines(q, range, nowMs))
    row(perOfficer, officerAt(x.due_ms)?.trim() || UNKNOWN_OFFICER).missed += x.n;

  // The incidents whose stored derivation is not current, derived from their rows.
  const live = await source.summariesOf(q, await statsRepo.notCurrent(q, range));
  const liveMinutes: { phone: number[]; written: number[] } = { phone: [], written: [] };
  for (const s of live) {
    if (s.drill && !r.includeDrills) {
      drillsExcluded++;
      continue;
    }
    const f = statFactsOf(s, s);
    incidentCount++;
    bump(byPlan, f.statPlan || '未分类');
    bump(byLevel, s.grading.level || UNGRADED);
    bump(byMonth, f.receivedMonth);
    for (const p of f.statPlaces) bump(byPlace, p);
    for (const c of f.statClocks) {
      const outcome = clockOutcome({ ...c, plan: f.statPlan }, nowMs);
      countClocks(f.statPlan, c.owner, outcome, 1);
      if (outcome === 'onTime' || outcome === 'late')
        row(perOfficer, c.completedBy?.trim() || UNKNOWN_OFFICER)[outcome]++;
      else if (outcome === 'missed')
        row(perOfficer, officerAt(Date.parse(c.dueAt))?.trim() || UNKNOWN_OFFICER).missed++;
    }
    if (f.firstPhoneMin !== null) liveMinutes.phone.push(f.firstPhoneMin);
    if (f.firstWrittenMin !== null) liveMinutes.written.push(f.firstWrittenMin);
  }

  // Medians: the middle of the sorted column in SQL, or every value when some were derived here.
  const middle = async (
    column: statsRepo.MinutesColumn,
    n: number,
    extra: number[],
  ): Promise<[number | null, number]> => {
    if (extra.length > 0) {
      const all = [...(await statsRepo.minutesSorted(q, range, column)), ...extra];
      return [median(all), all.length];
    }
    if (n === 0) return [null, 0];
    const values = await statsRepo.minutesSorted(q, range, column, {
      offset: Math.floor((n - 1) / 2),
      count: n % 2 === 1 ? 1 : 2,
    });
    return [median(values), n];
  };
  const [medianMinutesToPhone, phoneSamples] = await middle('first_phone_min', stored.phone, liveMinutes.phone);
  const [medianMinutesToWritten, writtenSamples] = await middle(
    'first_written_min',
    stored.written,
    liveMinutes.written,
  );

  return {
    incidentCount,
    drillsExcluded,
    byPlan: sortedCounts(byPlan),
    byLevel: sortedCounts(byLevel),
    byPlace: sortedCounts(byPlace),
    byMonth: monthsBetween(byMonth),
    clockOutcomes: finishClockOutcomes(overall, perPlan, perOfficer, perOwner),
    medianMinutesToPhone,
    medianMinutesToWritten,
    samples: { phone: phoneSamples, written: writtenSamples },
  };
}

/** Every month from the first to the last counted, gaps as 0 ('YYYY-MM' keys sort as months). */
function monthsBetween(byMonth: Map<string, number>): CountRow[] {
  const keys = [...byMonth.keys()].sort();
  const first = keys[0];
  const last = keys.at(-1);
  if (!first || !last) return [];
  const out: CountRow[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, count: byMonth.get(key) ?? 0 });
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}
