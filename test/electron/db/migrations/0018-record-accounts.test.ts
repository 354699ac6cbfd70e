import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { migration0018 } from '../../../../electron/db/migrations/0018-record-accounts';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < migration0018.version);
const ALL = [...BEFORE, migration0018];

describe('migration 0018-record-accounts', () => {
  const tempDir = useTempDirs();

  it('keeps every row and its name; older rows carry no account, new ones may name an existing account only', async () => {
    const db = await Database.open(join(tempDir(), 'm18.sqlite3'));
    await migrate(db, BEFORE);
    await db.write(async (q) => {
      await q.run(
        `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
           reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
         VALUES ('2026-0001', 'environment', '旧事件', '[]', 't', 't', '', '', '', '电话', '', '{}', '接报', 0, 't', '乙', 't')`,
      );
      await q.run(
        "INSERT INTO timeline_entries (incident_id, at, kind, text, officer) VALUES (1, 't', 'note', '旧记录', '乙')",
      );
      await q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('甲', '乙', 't')");
    });
    await migrate(db, ALL);
    expect(await db.read((q) => q.get('PRAGMA user_version'))).toEqual({ user_version: 18 });
    expect(await db.read((q) => q.all('SELECT text, officer, officer_id FROM timeline_entries'))).toEqual([
      { text: '旧记录', officer: '乙', officer_id: null },
    ]);
    expect(await db.read((q) => q.all('SELECT created_by, created_by_id FROM incidents'))).toEqual([
      { created_by: '乙', created_by_id: null },
    ]);
    expect(await db.read((q) => q.all('SELECT leader_id, officer_id FROM duty_sessions'))).toEqual([
      { leader_id: null, officer_id: null },
    ]);
    // An id must be an account's.
    await expect(
      db.write((q) =>
        q.run(
          "INSERT INTO timeline_entries (incident_id, at, kind, text, officer, officer_id) VALUES (1, 't', 'note', '新记录', '乙', 99)",
        ),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });
});
