import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { migration0009 } from '../../../../electron/db/migrations/0009-obligations';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < 9);
const ALL = [...BEFORE, migration0009];

const INCIDENT = `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel, facts, status, created_at, created_by, updated_at)
  VALUES ('S1', 'environment', '河水异常', '[]', 't', 't', '电话', '{}', '接报', 't', 'o', 't')`;
const OBLIGATION = `INSERT INTO obligations (incident_id, obligation_key, clock_id, level, title, to_unit, owner_kind, owner_unit, window_text, minutes, starts_at, due_at, clause, closure_kind, closure_at, closure_reason, late_ms, stored_at)
  VALUES (1, ?, 'env.county-dept-to-gov', ?, '向本级人民政府报告', '本级人民政府', ?, '县级部门', '3小时内', 180, ?, ?, '5.1.1(2)①', ?, ?, ?, ?, 't')`;
const S = '2021-09-08T01:30:00.000Z';
const D = '2021-09-08T04:30:00.000Z';

describe('migration 0009-obligations', () => {
  const tempDir = useTempDirs();

  it('upgrades a version-8 database with data in it, keeping the data and adding the three tables', async () => {
    const db = await Database.open(join(tempDir(), 'm9.sqlite3'));
    await migrate(db, BEFORE);
    await db.write((q) => q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('甲', '乙', 'x')"));
    await migrate(db, ALL);
    expect(await db.read((q) => q.all('SELECT leader FROM duty_sessions'))).toEqual([{ leader: '甲' }]);
    expect(await db.read((q) => q.get<{ v: number }>('PRAGMA user_version'))).toEqual({ user_version: 9 });
    const tables = await db.read((q) =>
      q.all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('level_changes', 'obligations', 'incident_reporting') ORDER BY name",
      ),
    );
    expect(tables.map((t) => t.name)).toEqual(['incident_reporting', 'level_changes', 'obligations']);
    await db.close();
  });

  it('refuses bad levels, a change that changes nothing, a deadline not after its start, and a half-written closure', async () => {
    const db = await Database.open(join(tempDir(), 'm9b.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run(INCIDENT));
    const change =
      "INSERT INTO level_changes (incident_id, from_level, to_level, effective_at, recorded_at, by_whom, officer) VALUES (1, ?, ?, 't', 't', '甲', '乙')";
    await db.write((q) => q.run(change, ['一般', '较大']));
    await db.write((q) => q.run(change, [null, '一般']));
    await expect(db.write((q) => q.run(change, ['一般', '一般']))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(change, [null, null]))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(change, ['一般', '五级']))).rejects.toThrow(/CHECK/);
    await db.write((q) => q.run(OBLIGATION, ['a@一般#0', '一般', 'monitored', S, D, null, null, null, null]));
    await expect(
      db.write((q) => q.run(OBLIGATION, ['b@一般#0', '一般', 'monitored', D, D, null, null, null, null])),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) => q.run(OBLIGATION, ['c@一般#0', '一般', 'someone', S, D, null, null, null, null])),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) => q.run(OBLIGATION, ['d@一般#0', '一般', 'room', S, D, 'met', null, null, 0])),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) => q.run(OBLIGATION, ['e@一般#0', '一般', 'room', S, D, 'dropped', S, null, 0])),
    ).rejects.toThrow(/CHECK/);
    // The same key twice for one incident is refused.
    await expect(
      db.write((q) => q.run(OBLIGATION, ['a@一般#0', '一般', 'monitored', S, D, null, null, null, null])),
    ).rejects.toThrow(/UNIQUE|PRIMARY/);
    await db.close();
  });

  it('closes an open obligation once and then keeps its closure', async () => {
    const db = await Database.open(join(tempDir(), 'm9c.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run(INCIDENT));
    await db.write((q) => q.run(OBLIGATION, ['a@较大#0', '较大', 'monitored', S, D, null, null, null, null]));
    const close =
      "UPDATE obligations SET closure_kind = ?, closure_at = ?, closure_reason = ?, late_ms = ? WHERE obligation_key = 'a@较大#0'";
    await db.write((q) => q.run(close, ['level_change', D, '级别由较大调整为一般', 0]));
    await expect(db.write((q) => q.run(close, ['met', D, null, 0]))).rejects.toThrow('已关闭的报告义务不能修改');
    expect(await db.read((q) => q.get('SELECT closure_kind, closure_reason FROM obligations'))).toEqual({
      closure_kind: 'level_change',
      closure_reason: '级别由较大调整为一般',
    });
    await db.close();
  });

  it('keeps the 续报 interval and its setting time together', async () => {
    const db = await Database.open(join(tempDir(), 'm9d.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run(INCIDENT));
    await expect(
      db.write((q) => q.run('INSERT INTO incident_reporting (incident_id, follow_up_minutes) VALUES (1, 30)')),
    ).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) =>
        q.run("INSERT INTO incident_reporting (incident_id, follow_up_minutes, follow_up_set_at) VALUES (1, 0, 't')"),
      ),
    ).rejects.toThrow(/CHECK/);
    await db.write((q) =>
      q.run(
        "INSERT INTO incident_reporting (incident_id, occurred_unknown, follow_up_minutes, follow_up_set_at) VALUES (1, 1, 30, 't')",
      ),
    );
    await db.close();
  });
});
