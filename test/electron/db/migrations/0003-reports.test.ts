import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('migration 0003-reports', () => {
  const tempDir = useTempDirs();

  it('creates reports with one row per (incident, kind, seq) and keeps versions apart', async () => {
    const db = await Database.open(join(tempDir(), 'm3.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    await db.write((q) =>
      q.run(`INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel, status, created_at, created_by, updated_at)
             VALUES ('2026-0001', 'environment', 't', '[]', 'a', 'b', '电话', '接报', 'c', 'd', 'e')`),
    );
    const insert = () =>
      db.write((q) =>
        q.run(
          "INSERT INTO reports (incident_id, kind, seq, form_kind, created_at, created_by) VALUES (1, '初报', 1, 'info-report', 'x', 'y')",
        ),
      );
    await insert();
    await expect(insert()).rejects.toThrow(/UNIQUE/);
    await expect(
      db.write((q) =>
        q.run(
          "INSERT INTO reports (incident_id, kind, seq, form_kind, created_at, created_by) VALUES (1, '草稿', 1, 'f', 'x', 'y')",
        ),
      ),
    ).rejects.toThrow(/CHECK/);
    await db.write((q) =>
      q.run(
        "INSERT INTO report_versions (report_id, version, content, saved_at, saved_by) VALUES (1, 1, '{}', 'a', 'b'), (1, 2, '{}', 'c', 'd')",
      ),
    );
    expect(await db.read((q) => q.all('SELECT version FROM report_versions ORDER BY version'))).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    await db.close();
  });
});
