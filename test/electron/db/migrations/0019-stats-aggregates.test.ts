import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { DERIVED_TABLES } from '../../../../electron/db/derived-repository';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('migration 0019-stats-aggregates', () => {
  const tempDir = useTempDirs();

  it('adds what the statistics count beside each derivation; a derivation stored before keeps its old basis', async () => {
    const db = await Database.open(join(tempDir(), 'm19.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 16),
    );
    await db.write(async (q) => {
      await q.run(
        `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
           reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
         VALUES (1, '2026-0001', 'environment', '油污', '["山阴县"]', '2026-11-29T01:00:00.000Z', '2026-11-29T01:20:00.000Z',
           '', '', '', '电话', '', '{}', '接报', 0, '2026-11-29T01:20:00.000Z', '赵珺', '2026-11-29T01:20:00.000Z')`,
      );
      await q.run(
        `INSERT INTO incident_derived (incident_id, basis, level, stat_plan, next_due_at, grading, clocks)
         VALUES (1, '1:old', '一般', '突发环境事件', NULL, '{}', '[]')`,
      );
    });
    await migrate(db);
    // The stored derivation keeps its old basis (the services do not read it as current) and has no statistics row.
    const row = await db.read((q) =>
      q.get<{ basis: string }>('SELECT basis FROM incident_derived WHERE incident_id = 1'),
    );
    expect(row).toEqual({ basis: '1:old' });
    expect(await db.read((q) => q.get('SELECT * FROM derived_stats'))).toBeUndefined();
    const columns = await db.read((q) =>
      q.all<{ name: string }>("SELECT name FROM pragma_table_info('derived_clocks')"),
    );
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['due_ms', 'completed_ms', 'level_changed_ms']));
    const plan = await db.read((q) =>
      q.all<{ detail: string }>(
        "EXPLAIN QUERY PLAN SELECT drill FROM incidents WHERE received_at >= '2026-01-01' AND received_at < '2027-01-01'",
      ),
    );
    // A year's range with its drill flags is read from the index alone (since 0023 one index, incidents_received).
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX incidents_received/);
    await db.write((q) => q.run("INSERT INTO derived_places (incident_id, place) VALUES (1, '山阴县')"));
    await expect(
      db.write((q) => q.run("INSERT INTO derived_places (incident_id, place) VALUES (1, '山阴县')")),
    ).rejects.toThrow();
    // Rebuilt from the records at any time: never exported as user data.
    expect(DERIVED_TABLES).toEqual(expect.arrayContaining(['derived_stats', 'derived_places']));
    await db.close();
  });
});
