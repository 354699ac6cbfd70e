/**
 * SQL for the stored derivations (migration 0016): what the rules derived from each incident's
 * rows, read back for a page, a day or a year, and which incidents are stale (their rows changed
 * since, marked by trigger in the same transaction).
 */
import type { IncidentClock, IncidentGrading } from '../../shared/domain/incident-view';
import type { StatClock } from '../../shared/stats/index';
import { parseInstant } from '../../shared/time';
import { scopeSql, type Param, type Queryable } from './connection';
import { decodeDerivation, encodeDerivation } from './derived-codec';
import { DecodedDerivations } from './decoded-derivations';

/**
 * Decoded derivations shared between reads (decoded-derivations.ts): the board's largest page (501
 * rows read: 500 and one to know whether more follow) and the open clocks stay under half of it.
 */
const decoded = new DecodedDerivations(1_200);

/** Derived tables: rebuilt from the records, never exported or counted as user data. */
export const DERIVED_TABLES: readonly string[] = [
  'incident_derived',
  'derived_stats',
  'derived_clocks',
  'derived_places',
  'incident_stale',
  // The search's index of character pairs (migration 0021), kept by trigger.
  'incident_bigrams',
];

export interface StoredDerivation {
  grading: IncidentGrading;
  clocks: IncidentClock[];
}

/**
 * The stored derivations of these incidents that are current: made on `basis` and not marked
 * stale since. An incident missing from the map is derived by the caller from its rows. `shared`:
 * a page as shown or the open clocks, whose values are shared between reads (frozen); other reads
 * (a day, a year, a scan in chunks) decode their own.
 */
export async function currentDerivations(
  q: Queryable,
  ids: readonly number[],
  basis: string,
  shared = false,
): Promise<Map<number, StoredDerivation>> {
  if (ids.length === 0) return new Map();
  const only = scopeSql('d.incident_id', ids, 'AND');
  const rows = await q.all<{ incident_id: number; grading: string; clocks: string }>(
    `SELECT d.incident_id, d.grading, d.clocks FROM incident_derived d
     WHERE d.basis = ? ${only.sql}
       AND NOT EXISTS (SELECT 1 FROM incident_stale s WHERE s.incident_id = d.incident_id)`,
    [basis, ...only.params],
  );
  if (shared) return decoded.decodeAll(rows);
  return new Map(rows.map((r) => [r.incident_id, decodeDerivation(r.incident_id, r)]));
}

/** Up to `limit` incidents marked stale after `afterId`, lowest id first. */
export async function staleIncidents(q: Queryable, afterId: number, limit: number): Promise<number[]> {
  const rows = await q.all<{ incident_id: number }>(
    'SELECT incident_id FROM incident_stale WHERE incident_id > ? ORDER BY incident_id LIMIT ?',
    [afterId, limit],
  );
  return rows.map((r) => r.incident_id);
}

/** Whether any incident is marked stale. */
export async function anyStale(q: Queryable): Promise<boolean> {
  return (await q.get('SELECT 1 AS x FROM incident_stale LIMIT 1')) !== undefined;
}

export async function clearStale(q: Queryable, incidentId: number): Promise<void> {
  await q.run('DELETE FROM incident_stale WHERE incident_id = ?', [incidentId]);
}

/**
 * Up to `limit` incidents after `afterId` with no stored derivation on `basis` (after an upgrade
 * of the rules, or a changed setting), by id: a sweep reads each incident's key once.
 */
export async function underivedIncidents(
  q: Queryable,
  basis: string,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await q.all<{ id: number }>(
    `SELECT i.id FROM incidents i
     WHERE i.id > ? AND NOT EXISTS (SELECT 1 FROM incident_derived d WHERE d.incident_id = i.id AND d.basis = ?)
     ORDER BY i.id LIMIT ?`,
    [afterId, basis, limit],
  );
  return rows.map((r) => r.id);
}

/** One clock as the statistics count it (shared/stats StatClock, without its incident's plan). */
export type StoredStatClock = Omit<StatClock, 'plan'>;

/** One incident's derivation as stored, with what the statistics count of it (migration 0019). */
export interface DerivationToStore extends StoredDerivation {
  incidentId: number;
  statPlan: string;
  statClocks: readonly StoredStatClock[];
  /** 接报 month in Asia/Shanghai, 'YYYY-MM'. */
  receivedMonth: string;
  /** Places counted (each once; the no-place label when none). */
  statPlaces: readonly string[];
  /** Minutes from 接报 to the first phone / written report, null when none was made. */
  firstPhoneMin: number | null;
  firstWrittenMin: number | null;
}

/** Rows per multi-row statement: well under SQLite's limit on parameters. */
const ROWS_PER_INSERT = 200;

async function insertRows(q: Queryable, head: string, width: number, rows: readonly Param[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const one = `(${Array.from({ length: width }, () => '?').join(', ')})`;
    await q.run(`${head} VALUES ${chunk.map(() => one).join(', ')}`, chunk.flat());
  }
}

/**
 * Stores incidents' derivations on `basis` and clears their stale marks, inside the caller's write
 * (whose reads produced the derivations, so nothing can have changed in between). A few
 * statements per batch, not per row: a history of 100,000 incidents is stored in minutes.
 */
export async function storeDerivations(q: Queryable, basis: string, list: readonly DerivationToStore[]): Promise<void> {
  if (list.length === 0) return;
  const ids = JSON.stringify(list.map((d) => d.incidentId));
  const nextDue = (d: DerivationToStore): string | null => {
    const open = d.clocks.filter((c) => !c.record).map((c) => c.dueAt);
    return open.length ? open.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) : null;
  };
  await q.run('DELETE FROM incident_derived WHERE incident_id IN (SELECT value FROM json_each(?))', [ids]);
  await q.run('DELETE FROM derived_clocks WHERE incident_id IN (SELECT value FROM json_each(?))', [ids]);
  await q.run('DELETE FROM derived_places WHERE incident_id IN (SELECT value FROM json_each(?))', [ids]);
  await q.run('DELETE FROM derived_stats WHERE incident_id IN (SELECT value FROM json_each(?))', [ids]);
  await insertRows(
    q,
    'INSERT INTO incident_derived (incident_id, basis, level, stat_plan, next_due_at, grading, clocks)',
    7,
    list.map((d) => {
      // The compact stored form (derived-codec.ts), read back exactly by currentDerivations.
      const stored = encodeDerivation(d.incidentId, d);
      return [d.incidentId, basis, d.grading.level, d.statPlan, nextDue(d), stored.grading, stored.clocks];
    }),
  );
  // What the statistics count, in narrow rows of their own (migration 0019).
  await insertRows(
    q,
    `INSERT INTO derived_stats (incident_id, basis, stat_plan, level, received_month, first_phone_min,
       first_written_min)`,
    7,
    list.map((d) => [
      d.incidentId,
      basis,
      d.statPlan,
      d.grading.level,
      d.receivedMonth,
      d.firstPhoneMin,
      d.firstWrittenMin,
    ]),
  );
  // Instants also as epoch milliseconds: an outcome is then one comparison in SQL on either engine.
  const ms = (at: string | null | undefined): number | null => (at ? parseInstant(at, 'derived_clocks') : null);
  await insertRows(
    q,
    `INSERT INTO derived_clocks (incident_id, seq, clock_id, channel, due_at, completed_at, completed_by,
       not_applicable, owner, level_changed_at, due_ms, completed_ms, level_changed_ms)`,
    13,
    list.flatMap((d) =>
      d.statClocks.map((c, seq): Param[] => [
        d.incidentId,
        seq,
        c.clockId,
        c.channel,
        c.dueAt,
        c.completedAt ?? null,
        c.completedBy ?? null,
        c.notApplicable ? 1 : 0,
        c.owner ?? null,
        c.levelChangedAt ?? null,
        ms(c.dueAt),
        ms(c.completedAt),
        ms(c.levelChangedAt),
      ]),
    ),
  );
  await insertRows(
    q,
    'INSERT INTO derived_places (incident_id, place)',
    2,
    list.flatMap((d) => d.statPlaces.map((p): Param[] => [d.incidentId, p])),
  );
  await q.run('DELETE FROM incident_stale WHERE incident_id IN (SELECT value FROM json_each(?))', [ids]);
}
