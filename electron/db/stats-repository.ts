/**
 * SQL for the statistics (issue 14 "Statistics as SQL aggregates"): counts grouped in the
 * database over the stored derivations of the incidents received in a range, found by the 接报
 * time index. Only derivations that are current are counted here (made on `basis`, not marked
 * stale); the service counts the others from their rows and adds them.
 *
 * Outcomes follow shared/stats clockOutcome (朔政办发〔2021〕40号 4.1, 42号 4.1.1, 43号 5.1.1):
 * closed as 级别调整 → 迟报 if it was already overdue then, else not owed; not applicable; completed
 * at or before the deadline → on time, after → 迟报; open and past the deadline → 漏报; else pending.
 */
import type { ClockOutcome } from '../../shared/stats/index';
import type { Param, Queryable } from './connection';

export interface StatsRange {
  basis: string;
  from?: string | undefined;
  to?: string | undefined;
  includeDrills: boolean;
}

/** FROM … WHERE for the current derivations of the range; `drills` false leaves drills out. */
function current(r: StatsRange, drills: boolean, extra = ''): { sql: string; params: Param[] } {
  const params: Param[] = [r.basis];
  const where = ['NOT EXISTS (SELECT 1 FROM incident_stale s WHERE s.incident_id = i.id)'];
  if (r.from) {
    where.push('i.received_at >= ?');
    params.push(r.from);
  }
  if (r.to) {
    where.push('i.received_at <= ?');
    params.push(r.to);
  }
  if (!drills) where.push('i.drill = 0');
  return {
    sql: `FROM incidents i JOIN derived_stats d ON d.incident_id = i.id AND d.basis = ? ${extra}
      WHERE ${where.join(' AND ')}`,
    params,
  };
}

/**
 * Incidents by plan, level, month and drill (drills counted here so the caller can tell how many it
 * left out), with how many of them have a first phone and a first written report.
 */
export async function incidentCounts(
  q: Queryable,
  r: StatsRange,
): Promise<
  { plan: string; level: string | null; month: string; drill: number; n: number; phone: number; written: number }[]
> {
  const f = current(r, true);
  return q.all(
    `SELECT d.stat_plan AS plan, d.level AS level, d.received_month AS month, i.drill AS drill, COUNT(*) AS n,
       COUNT(d.first_phone_min) AS phone, COUNT(d.first_written_min) AS written
     ${f.sql}
     GROUP BY d.stat_plan, d.level, d.received_month, i.drill`,
    f.params,
  );
}

/** Incidents per place (each incident once per place it names). */
export async function placeCounts(q: Queryable, r: StatsRange): Promise<{ place: string; n: number }[]> {
  const f = current(r, r.includeDrills, 'JOIN derived_places p ON p.incident_id = i.id');
  return q.all(`SELECT p.place AS place, COUNT(*) AS n ${f.sql} GROUP BY p.place`, f.params);
}

const OUTCOME = `CASE
  WHEN c.level_changed_ms IS NOT NULL THEN CASE WHEN c.level_changed_ms > c.due_ms THEN 'late' ELSE 'notApplicable' END
  WHEN c.not_applicable = 1 THEN 'notApplicable'
  WHEN c.completed_ms IS NOT NULL THEN CASE WHEN c.completed_ms <= c.due_ms THEN 'onTime' ELSE 'late' END
  WHEN ? > c.due_ms THEN 'missed'
  ELSE 'pending' END`;

/**
 * Clocks by plan, owner and outcome at `nowMs`, with who recorded the report for those on time
 * or late (the officer of a 漏报 is the one on duty at its deadline: see missedDeadlines).
 */
export async function clockCounts(
  q: Queryable,
  r: StatsRange,
  nowMs: number,
): Promise<
  { plan: string; owner: 'room' | 'monitored' | null; outcome: ClockOutcome; who: string | null; n: number }[]
> {
  const f = current(r, r.includeDrills, 'JOIN derived_clocks c ON c.incident_id = i.id');
  const who = "CASE WHEN t.outcome IN ('onTime', 'late') THEN t.completed_by END";
  return q.all(
    `SELECT t.plan AS plan, t.owner AS owner, t.outcome AS outcome, ${who} AS who, COUNT(*) AS n
     FROM (
       SELECT d.stat_plan AS plan, c.owner AS owner, c.completed_by AS completed_by, ${OUTCOME} AS outcome
       ${f.sql}
     ) t
     GROUP BY t.plan, t.owner, t.outcome, ${who}`,
    [nowMs, ...f.params],
  );
}

/** The deadlines of the clocks missed (漏报) at `nowMs`, each with how many fell due then. */
export async function missedDeadlines(
  q: Queryable,
  r: StatsRange,
  nowMs: number,
): Promise<{ due_ms: number; n: number }[]> {
  const f = current(r, r.includeDrills, 'JOIN derived_clocks c ON c.incident_id = i.id');
  return q.all(
    `SELECT c.due_ms AS due_ms, COUNT(*) AS n ${f.sql}
       AND c.level_changed_ms IS NULL AND c.not_applicable = 0 AND c.completed_ms IS NULL AND c.due_ms < ?
     GROUP BY c.due_ms`,
    [...f.params, nowMs],
  );
}

export type MinutesColumn = 'first_phone_min' | 'first_written_min';

/**
 * Minutes from 接报 to the first report of that kind, ascending: `count` values from `offset`
 * (the middle of the list, for a median), or all of them when no window is given.
 */
export async function minutesSorted(
  q: Queryable,
  r: StatsRange,
  column: MinutesColumn,
  window?: { offset: number; count: number },
): Promise<number[]> {
  const f = current(r, r.includeDrills);
  const rows = await q.all<{ v: number }>(
    `SELECT d.${column} AS v ${f.sql} AND d.${column} IS NOT NULL ORDER BY d.${column}
     ${window ? 'LIMIT ? OFFSET ?' : ''}`,
    window ? [...f.params, window.count, window.offset] : f.params,
  );
  return rows.map((x) => x.v);
}

/** The incidents of the range (drills included) whose stored derivation is not current: counted from their rows. */
export async function notCurrent(q: Queryable, r: StatsRange): Promise<number[]> {
  const params: Param[] = [r.basis];
  const where = ['(d.incident_id IS NULL OR EXISTS (SELECT 1 FROM incident_stale s WHERE s.incident_id = i.id))'];
  if (r.from) {
    where.push('i.received_at >= ?');
    params.push(r.from);
  }
  if (r.to) {
    where.push('i.received_at <= ?');
    params.push(r.to);
  }
  const rows = await q.all<{ id: number }>(
    `SELECT i.id AS id FROM incidents i LEFT JOIN derived_stats d ON d.incident_id = i.id AND d.basis = ?
     WHERE ${where.join(' AND ')}`,
    params,
  );
  return rows.map((x) => x.id);
}
