/**
 * The statements the repositories run for everything that reads incidents by 接报 time (the pages,
 * the cursor, the history count, the duty log's day, the statistics), recorded as they are sent and
 * explained on the engine they ran on: migration 0023 must leave each of them on an index.
 */
import type { Database, Param, Queryable } from '../../electron/db/connection';
import { countSelected, selectIncidents } from '../../electron/db/incident-repository';
import { dutyLogIncidentIds } from '../../electron/db/duty-repository';
import { incidentCounts, notCurrent } from '../../electron/db/stats-repository';

/** An incident row as of schema 22, at `receivedAt`. */
export const incidentRow = (id: number, receivedAt: string, drill = 0): string =>
  `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
     reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
   VALUES (${id}, '2026-${String(id).padStart(4, '0')}', 'environment', '油污', '["山阴县"]', '2026-01-01T00:00:00.000Z',
     '${receivedAt}', '', '', '', '电话', '', '{}', '已归档', ${drill}, '${receivedAt}', '赵珺', '${receivedAt}')`;

export interface Explained {
  what: string;
  plan: string;
}

/** Each reading by 接报 time, as the repositories send it, with the plan its engine makes. */
export async function receivedPlans(db: Database): Promise<Explained[]> {
  const sent: { what: string; sql: string; params: Param[] }[] = [];
  let what = '';
  const recording = (q: Queryable): Queryable => ({
    ...q,
    get: (sql, params) => (sent.push({ what, sql, params: params ?? [] }), q.get(sql, params)),
    all: (sql, params) => (sent.push({ what, sql, params: params ?? [] }), q.all(sql, params)),
  });
  const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T15:59:59.999Z' };
  const stats = { basis: 'x', ...range, includeDrills: false };
  const reads: [string, (q: Queryable) => Promise<unknown>][] = [
    ['every incident, newest first', (q) => selectIncidents(q, {}, 3)],
    ['a year, newest first', (q) => selectIncidents(q, { filter: range }, 3)],
    ['a year without drills', (q) => selectIncidents(q, { filter: { ...range, drills: 'exclude' } }, 3)],
    ['the next page', (q) => selectIncidents(q, { after: { receivedAt: '2026-06-01T00:00:00.000Z', id: 5 } }, 3)],
    ['a year counted', (q) => countSelected(q, { filter: range }, 1000)],
    ["a day's log", (q) => dutyLogIncidentIds(q, '2026-05-31T16:00:00.000Z', '2026-06-01T16:00:00.000Z')],
    ['a year of statistics', (q) => incidentCounts(q, stats)],
    ['the statistics not yet current', (q) => notCurrent(q, stats)],
  ];
  for (const [name, read] of reads) {
    what = name;
    await db.read((q) => read(recording(q)));
  }
  const out: Explained[] = [];
  for (const s of sent.filter((x) => /received_at/.test(x.sql))) {
    const plan = await db.read(async (q) => {
      if (db.engine === 'sqlite') {
        const rows = await q.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${s.sql}`, s.params);
        return rows.map((r) => r.detail).join('\n');
      }
      // A handful of rows: the planner would read them in order without any index. Asked not to,
      // it shows which index can serve the query on a large table.
      await q.get("SELECT set_config('enable_seqscan', 'off', true) AS x");
      const rows = await q.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${s.sql}`, s.params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    out.push({ what: s.what, plan });
  }
  return out;
}
