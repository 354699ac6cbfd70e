import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { migration0001 } from '../../../../electron/db/migrations/0001-initial';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('migration 0001-initial', () => {
  const tempDir = useTempDirs();

  it('creates the incident, timeline, clock and duty tables with their constraints', async () => {
    const db = await Database.open(join(tempDir(), 'm1.sqlite3'));
    await migrate(db, [migration0001]);
    const tables = await db.read((q) =>
      q.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
    );
    expect(tables.map((t) => t.name)).toEqual(['clock_records', 'duty_sessions', 'incidents', 'timeline_entries']);
    // A clock record is either completed or not applicable, never both or neither.
    await db.write((q) =>
      q.run(`INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel, status, created_at, created_by, updated_at)
             VALUES ('2026-0001', 'environment', 't', '[]', 'a', 'b', '电话', '接报', 'c', 'd', 'e')`),
    );
    await expect(
      db.write((q) =>
        q.run("INSERT INTO clock_records (incident_id, clock_id, officer, recorded_at) VALUES (1, 'x', 'o', 'n')"),
      ),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) =>
        q.run("INSERT INTO timeline_entries (incident_id, at, kind, text, officer) VALUES (99, 'a', 'note', 't', 'o')"),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });
});
