import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { migration0014 } from '../../../../electron/db/migrations/0014-seats-and-versions';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < migration0014.version);
const ALL = [...BEFORE, migration0014];

describe('migration 0014-seats-and-versions', () => {
  const tempDir = useTempDirs();

  it('keeps every row; old incidents start at version 1, old records name no seat, and seat names and wall keys have tables', async () => {
    const db = await Database.open(join(tempDir(), 'm14.sqlite3'));
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
      await q.run("INSERT INTO alarm_acks (clock_key, acked_at, officer) VALUES ('k', 't', '乙')");
      await q.run(
        "INSERT INTO print_records (form_kind, title, target, printed_at, officer) VALUES ('k', '旧打印', 'pdf', 't', '乙')",
      );
    });
    await migrate(db, ALL);
    expect(await db.read((q) => q.get('PRAGMA user_version'))).toEqual({ user_version: 14 });
    expect(await db.read((q) => q.all('SELECT title, version FROM incidents'))).toEqual([
      { title: '旧事件', version: 1 },
    ]);
    expect(await db.read((q) => q.all('SELECT text, seat_name FROM timeline_entries'))).toEqual([
      { text: '旧记录', seat_name: null },
    ]);
    expect(await db.read((q) => q.all('SELECT officer, seat_name FROM alarm_acks'))).toEqual([
      { officer: '乙', seat_name: null },
    ]);
    expect(await db.read((q) => q.all('SELECT title, seat_name FROM print_records'))).toEqual([
      { title: '旧打印', seat_name: null },
    ]);
    await db.write((q) => q.run("INSERT INTO seat_names (seat, seat_name, updated_at) VALUES ('h', '带班席', 't')"));
    await expect(
      db.write((q) => q.run("INSERT INTO seat_names (seat, seat_name, updated_at) VALUES ('h', '值班席一', 't')")),
    ).rejects.toThrow(/UNIQUE/);
    await expect(db.write((q) => q.run('UPDATE incidents SET version = 0'))).rejects.toThrow(/CHECK/);
    await db.write((q) => q.run("INSERT INTO wall_keys (key_hash, created_at, created_by) VALUES ('x', 't', '甲')"));
    await db.close();
  });
});
