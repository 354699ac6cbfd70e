import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';
import { incidentRow, receivedPlans } from '../../../helpers/received-plans';

describe('migration 0023-received-index', () => {
  const tempDir = useTempDirs();

  it('replaces the two indexes on 接报 time by one, and every reading by 接报 time stays on it', async () => {
    const db = await Database.open(join(tempDir(), 'm23.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 22),
    );
    await db.write(async (q) => {
      for (let id = 1; id <= 6; id++) await q.run(incidentRow(id, `2026-0${id}-01T00:00:00.000Z`, id % 2));
    });
    await migrate(db);
    const indexes = await db.read((q) =>
      q.all<{ name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents' AND sql LIKE '%received_at%'",
      ),
    );
    expect(indexes).toEqual([
      { name: 'incidents_received', sql: 'CREATE INDEX incidents_received ON incidents (received_at, id, drill)' },
    ]);
    const plans = await receivedPlans(db);
    expect(plans.map((p) => p.what)).toEqual(
      expect.arrayContaining([
        'every incident, newest first',
        'a year, newest first',
        'the next page',
        'a year counted',
        "a day's log",
        'a year of statistics',
        'the statistics not yet current',
      ]),
    );
    for (const { what, plan } of plans) {
      // Never the whole table read: each reads a range (or the start) of the 接报 index.
      expect(plan, what).toMatch(/INDEX incidents_received\b/);
      expect(plan, what).not.toMatch(/SCAN (incidents|i)\s*$/m);
    }
    const byWhat = (w: string) =>
      plans
        .filter((p) => p.what === w)
        .map((p) => p.plan)
        .join('\n');
    // Newest first in the index's own order: the first page stops after its rows, nothing sorted.
    expect(byWhat('every incident, newest first')).toBe('SCAN incidents USING INDEX incidents_received');
    expect(byWhat('a year, newest first')).not.toMatch(/TEMP B-TREE/);
    // The statistics' range with its drill flags still comes from the index alone.
    expect(byWhat('a year of statistics')).toMatch(/COVERING INDEX incidents_received\b/);
    expect(byWhat('a year counted')).toMatch(/COVERING INDEX incidents_received\b/);
    await db.close();
  });
});
