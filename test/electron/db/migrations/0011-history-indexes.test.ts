import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('migration 0011-history-indexes', () => {
  const tempDir = useTempDirs();

  it('adds the indexes to a version-10 database, and the day and open-obligation queries use them', async () => {
    const db = await Database.open(join(tempDir(), 'm11.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    await migrate(db);
    const plan = async (sql: string) =>
      (await db.read((q) => q.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`))).map((r) => r.detail).join(' | ');
    expect(await plan("SELECT * FROM timeline_entries WHERE at >= '2026-01-01' AND at < '2026-01-02'")).toMatch(
      /USING INDEX timeline_entries_at/,
    );
    expect(
      await plan(
        "SELECT incident_id FROM clock_records WHERE completed_at >= '2026-01-01' AND completed_at < '2026-01-02'",
      ),
    ).toMatch(/USING INDEX clock_records_completed/);
    expect(await plan('SELECT incident_id FROM obligations WHERE closure_kind IS NULL')).toMatch(
      /USING (COVERING )?INDEX obligations_open/,
    );
    await db.close();
  });
});
