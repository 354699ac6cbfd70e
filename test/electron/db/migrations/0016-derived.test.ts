import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';

const stale = (db: Database) =>
  db.read(async (q) =>
    (await q.all<{ incident_id: number }>('SELECT incident_id FROM incident_stale ORDER BY incident_id')).map(
      (r) => r.incident_id,
    ),
  );

describe('migration 0016-derived', () => {
  const tempDir = useTempDirs();

  it('marks every existing incident stale; a change to any table the rules read marks its incident in the same transaction', async () => {
    const db = await Database.open(join(tempDir(), 'm16.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 15),
    );
    await db.write(async (q) => {
      for (const [id, serial] of [
        [1, '2026-0001'],
        [2, '2026-0002'],
      ] as const) {
        await q.run(
          `INSERT INTO incidents (id, serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
             reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
           VALUES (?, ?, 'environment', '油污', '["山阴县"]', '2026-11-29T01:00:00.000Z', '2026-11-29T01:20:00.000Z',
             '', '', '', '电话', '', '{}', '接报', 0, '2026-11-29T01:20:00.000Z', '赵珺', '2026-11-29T01:20:00.000Z')`,
          [id, serial],
        );
      }
    });
    await migrate(db);
    expect(await stale(db)).toEqual([1, 2]);
    await db.write((q) => q.run('DELETE FROM incident_stale'));

    await db.write((q) =>
      q.run(
        `INSERT INTO clock_records (incident_id, clock_id, completed_at, channel, recipient_unit, recipient_name,
           not_applicable_reason, officer, recorded_at)
         VALUES (2, 'env.county-dept-to-gov', '2026-11-29T02:00:00.000Z', '电话', '县政府', '值班室', NULL, '赵珺', '2026-11-29T02:00:00.000Z')`,
      ),
    );
    expect(await stale(db)).toEqual([2]);
    await db.write((q) => q.run("UPDATE incidents SET title = '河道油污' WHERE id = 1"));
    expect(await stale(db)).toEqual([1, 2]);
    await db.write((q) => q.run('DELETE FROM incident_stale'));
    await db.write((q) =>
      q.run(
        "INSERT INTO incident_reporting (incident_id, follow_up_minutes, follow_up_set_at) VALUES (1, 60, '2026-11-29T02:00:00.000Z')",
      ),
    );
    expect(await stale(db)).toEqual([1]);

    // A write that rolls back leaves no mark.
    await db.write((q) => q.run('DELETE FROM incident_stale'));
    await expect(
      db.write(async (q) => {
        await q.run("UPDATE incidents SET title = '回滚' WHERE id = 2");
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await stale(db)).toEqual([]);

    // Reading a page's stored derivations and the next due time are index reads.
    const plan = async (sql: string) =>
      (await db.read((q) => q.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`))).map((r) => r.detail).join(' | ');
    expect(await plan('SELECT * FROM incident_derived WHERE incident_id IN (1, 2)')).toMatch(
      /USING INTEGER PRIMARY KEY/,
    );
    expect(await plan("SELECT incident_id FROM incident_derived WHERE next_due_at < '2026-12-01'")).toMatch(
      /USING (COVERING )?INDEX incident_derived_next_due/,
    );
    await db.close();
  });
});
