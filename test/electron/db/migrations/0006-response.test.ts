import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { migration0001 } from '../../../../electron/db/migrations/0001-initial';
import { migration0002 } from '../../../../electron/db/migrations/0002-alarms';
import { migration0003 } from '../../../../electron/db/migrations/0003-reports';
import { migration0004 } from '../../../../electron/db/migrations/0004-rosters';
import { migration0005 } from '../../../../electron/db/migrations/0005-duty';
import { migration0006 } from '../../../../electron/db/migrations/0006-response';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = [migration0001, migration0002, migration0003, migration0004, migration0005];
const ALL = [...BEFORE, migration0006];

const INCIDENT = `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel, facts, status, created_at, created_by, updated_at)
  VALUES ('S1', 'environment', '河水异常', '[]', 't', 't', '电话', '{}', '响应中', 't', 'o', 't')`;
const RESPONSE =
  "INSERT INTO responses (incident_id, plan, level, started_at, started_by, officer) VALUES (1, ?, ?, 't', '指挥长', '乙')";
const ITEM =
  "INSERT INTO response_items (incident_id, item_id, state, at, by_whom, reason, added_at, added_level) VALUES (1, ?, ?, ?, ?, ?, 't', '三级')";
const WARNING = `INSERT INTO warnings (plan, level, direction, issuer_kind, issuer, area, issued_at, created_at, officer, lifted_at, lift_document)
  VALUES ('radiation', '三级', 'received', 'city', '朔州市政府', '朔城区', 't', 't', '乙', ?, ?)`;

describe('migration 0006-response', () => {
  const tempDir = useTempDirs();

  it('upgrades a version-5 database with data in it, keeping the data', async () => {
    const db = await Database.open(join(tempDir(), 'm6.sqlite3'));
    await migrate(db, BEFORE);
    await db.write((q) => q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('甲', '乙', 'x')"));
    await migrate(db, ALL);
    expect(await db.read((q) => q.all('SELECT leader FROM duty_sessions'))).toEqual([{ leader: '甲' }]);
    const tables = await db.read((q) =>
      q.all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'response%' OR name LIKE 'warning%') ORDER BY name",
      ),
    );
    expect(tables.map((t) => t.name)).toEqual([
      'response_conditions',
      'response_items',
      'response_levels',
      'response_tasks',
      'responses',
      'warning_actions',
      'warning_changes',
      'warning_incidents',
      'warnings',
    ]);
    await db.close();
  });

  it('refuses unknown plans and levels, items done without time or person, and not-applicable without a reason', async () => {
    const db = await Database.open(join(tempDir(), 'm6b.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run(INCIDENT));
    await expect(db.write((q) => q.run(RESPONSE, ['forest_fire', '三级']))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(RESPONSE, ['environment', '五级']))).rejects.toThrow(/CHECK/);
    await db.write((q) => q.run(RESPONSE, ['environment', '三级']));
    await db.write((q) => q.run(ITEM, ['env.5.2.1', 'done', 't', '乙', '']));
    await expect(db.write((q) => q.run(ITEM, ['env.5.2.2', 'done', null, null, '']))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(ITEM, ['env.5.2.3', 'notApplicable', 't', '乙', '']))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(ITEM, ['env.5.2.4', 'finished', null, null, '']))).rejects.toThrow(/CHECK/);
    // A response belongs to an existing incident.
    await expect(
      db.write((q) =>
        q.run(
          "INSERT INTO responses (incident_id, plan, level, started_at, started_by, officer) VALUES (99, 'comms', '二级', 't', 'x', 'y')",
        ),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('keeps a lift time and its lifting document together', async () => {
    const db = await Database.open(join(tempDir(), 'm6c.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run(WARNING, [null, null]));
    await db.write((q) => q.run(WARNING, ['t2', '朔政发〔2026〕1号']));
    await expect(db.write((q) => q.run(WARNING, ['t2', null]))).rejects.toThrow(/CHECK/);
    await expect(
      db.write((q) =>
        q.run("INSERT INTO warning_incidents (warning_id, incident_id, at, officer) VALUES (1, 42, 't', 'o')"),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });
});
