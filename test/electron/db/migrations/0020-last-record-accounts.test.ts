import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { migration0020 } from '../../../../electron/db/migrations/0020-last-record-accounts';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = MIGRATIONS.filter((m) => m.version < migration0020.version);
const ALL = [...BEFORE, migration0020];

describe('migration 0020-last-record-accounts', () => {
  const tempDir = useTempDirs();

  it('keeps every row and its names; older rows carry no account, new ones may name an existing account only', async () => {
    const db = await Database.open(join(tempDir(), 'm20.sqlite3'));
    await migrate(db, BEFORE);
    await db.write(async (q) => {
      await q.run(
        `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, reporter_unit, reporter_name,
           reporter_phone, receive_channel, narrative, facts, status, drill, created_at, created_by, updated_at)
         VALUES ('2026-0001', 'environment', '旧事件', '[]', 't', 't', '', '', '', '电话', '', '{}', '响应中', 0, 't', '乙', 't')`,
      );
      await q.run(
        "INSERT INTO responses (incident_id, plan, level, started_at, started_by, officer) VALUES (1, 'environment', '三级', 't', '指挥长', '乙')",
      );
      await q.run(
        "INSERT INTO response_items (incident_id, item_id, state, at, by_whom, officer, added_at, added_level) VALUES (1, 'env.1', 'done', 't', '乙', '乙', 't', '三级')",
      );
      await q.run(
        "INSERT INTO response_tasks (incident_id, task_id, due_at, given_by, done_at, done_by) VALUES (1, 'env.6.1', 't', '王市长', 't', '乙')",
      );
      await q.run(
        `INSERT INTO warnings (plan, level, direction, issuer_kind, issuer, area, issued_at, created_at, officer)
         VALUES ('radiation', '三级', 'issued', 'city', '朔州市人民政府', '朔城区', 't', 't', '乙')`,
      );
      await q.run("INSERT INTO warning_actions (warning_id, item_id, at, done_by) VALUES (1, 'rad.w.1', 't', '乙')");
      await q.run(
        "INSERT INTO duty_log_remarks (day, at, text, officer, leader, created_at, edited_at, edited_by) VALUES ('2026-11-29', 't', '旧备注', '乙', '甲', 't', 't2', '丙')",
      );
      await q.run(
        "INSERT INTO holiday_notice_changes (year, kind, detail, at, officer) VALUES (2027, '录入', '通知', 't', '甲')",
      );
      await q.run(
        `INSERT INTO handovers (created_at, duty_day, from_leader, from_officer, to_leader, to_officer, sheet, status,
           cancelled_at, cancelled_by, cancel_reason) VALUES ('t', '2026-11-29', '甲', '乙', '丙', '丁', '{}', 'cancelled', 't', '乙', '有变')`,
      );
      await q.run(
        "INSERT INTO incident_reporting (incident_id, follow_up_minutes, follow_up_set_at, follow_up_set_by) VALUES (1, 60, 't', '甲')",
      );
      await q.run("INSERT INTO wall_keys (key_hash, created_at, created_by) VALUES ('h', 't', '甲')");
    });
    await migrate(db, ALL);
    expect(await db.read((q) => q.get('PRAGMA user_version'))).toEqual({ user_version: 20 });
    expect(await db.read((q) => q.all('SELECT by_whom, officer, officer_id FROM response_items'))).toEqual([
      { by_whom: '乙', officer: '乙', officer_id: null },
    ]);
    expect(
      await db.read((q) =>
        q.all('SELECT given_by, done_by, done_by_id, deadline_officer, deadline_officer_id FROM response_tasks'),
      ),
    ).toEqual([
      { given_by: '王市长', done_by: '乙', done_by_id: null, deadline_officer: null, deadline_officer_id: null },
    ]);
    expect(await db.read((q) => q.all('SELECT done_by, done_by_id FROM warning_actions'))).toEqual([
      { done_by: '乙', done_by_id: null },
    ]);
    expect(await db.read((q) => q.all('SELECT edited_by, edited_by_id FROM duty_log_remarks'))).toEqual([
      { edited_by: '丙', edited_by_id: null },
    ]);
    expect(
      await db.read(async (q) => [
        await q.get('SELECT officer, officer_id FROM holiday_notice_changes'),
        await q.get(
          'SELECT from_leader, from_leader_id, from_officer, from_officer_id, cancelled_by, cancelled_by_id FROM handovers',
        ),
        await q.get('SELECT follow_up_set_by, follow_up_set_by_id FROM incident_reporting'),
        await q.get('SELECT created_by, created_by_id FROM wall_keys'),
      ]),
    ).toEqual([
      { officer: '甲', officer_id: null },
      {
        from_leader: '甲',
        from_leader_id: null,
        from_officer: '乙',
        from_officer_id: null,
        cancelled_by: '乙',
        cancelled_by_id: null,
      },
      { follow_up_set_by: '甲', follow_up_set_by_id: null },
      { created_by: '甲', created_by_id: null },
    ]);
    // An id must be an account's.
    for (const stmt of [
      'UPDATE response_items SET officer_id = 99',
      'UPDATE response_tasks SET done_by_id = 99',
      'UPDATE response_tasks SET deadline_officer_id = 99',
      'UPDATE warning_actions SET done_by_id = 99',
      'UPDATE duty_log_remarks SET edited_by_id = 99',
      'UPDATE holiday_notice_changes SET officer_id = 99',
      'UPDATE handovers SET from_leader_id = 99',
      'UPDATE handovers SET from_officer_id = 99',
      'UPDATE handovers SET cancelled_by_id = 99',
      'UPDATE incident_reporting SET follow_up_set_by_id = 99',
      'UPDATE wall_keys SET created_by_id = 99',
    ]) {
      await expect(
        db.write((q) => q.run(stmt)),
        stmt,
      ).rejects.toThrow(/FOREIGN KEY/);
    }
    await db.close();
  });
});
