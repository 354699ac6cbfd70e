import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { migration0001 } from '../../../../electron/db/migrations/0001-initial';
import { migration0002 } from '../../../../electron/db/migrations/0002-alarms';
import { migration0003 } from '../../../../electron/db/migrations/0003-reports';
import { migration0004 } from '../../../../electron/db/migrations/0004-rosters';
import { migration0005 } from '../../../../electron/db/migrations/0005-duty';
import { useTempDirs } from '../../../helpers/temp-dir';

const BEFORE = [migration0001, migration0002, migration0003, migration0004];
const ALL = [...BEFORE, migration0005];

const MONTH =
  "INSERT INTO duty_schedule_months (month, leaders, officers, shift_start, shift_hours, generated_at, generated_by) VALUES (?, '[]', '[]', '08:30', ?, 'x', '乙')";
const SHIFT =
  "INSERT INTO duty_shifts (date, shift, month, start_at, end_at, leader, officer, day_kind) VALUES (?, 0, '2025-10', 's', 'e', ?, ?, ?)";
const HANDOVER =
  "INSERT INTO handovers (created_at, duty_day, from_leader, from_officer, to_leader, to_officer, sheet, status) VALUES ('t', '2025-10-01', '甲', '乙', '丙', '丁', '{}', ?)";

describe('migration 0005-duty', () => {
  const tempDir = useTempDirs();

  it('upgrades a version-4 database with data in it, keeping the data', async () => {
    const db = await Database.open(join(tempDir(), 'm5.sqlite3'));
    await migrate(db, BEFORE);
    await db.write((q) => q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('甲', '乙', 'x')"));
    await migrate(db, ALL);
    expect(await db.read((q) => q.all('SELECT leader FROM duty_sessions'))).toEqual([{ leader: '甲' }]);
    const tables = await db.read((q) =>
      q.all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'duty_%' OR name = 'handovers') ORDER BY name",
      ),
    );
    expect(tables.map((t) => t.name)).toEqual([
      'duty_log_remarks',
      'duty_schedule_changes',
      'duty_schedule_months',
      'duty_sessions',
      'duty_shifts',
      'handovers',
    ]);
    await db.close();
  });

  it('refuses bad months, shift lengths, day kinds and one person in both roles', async () => {
    const db = await Database.open(join(tempDir(), 'm5b.sqlite3'));
    await migrate(db, ALL);
    await expect(db.write((q) => q.run(MONTH, ['2025-1', 24]))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(MONTH, ['2025-10', 7]))).rejects.toThrow(/CHECK/);
    await db.write((q) => q.run(MONTH, ['2025-10', 24]));
    await expect(db.write((q) => q.run(SHIFT, ['2025-10-01', '甲', '乙', '假日']))).rejects.toThrow(/CHECK/);
    await expect(db.write((q) => q.run(SHIFT, ['2025-10-01', '甲', '甲', '法定节假日']))).rejects.toThrow(/CHECK/);
    await db.write((q) => q.run(SHIFT, ['2025-10-01', '甲', '乙', '法定节假日']));
    await expect(db.write((q) => q.run(SHIFT, ['2025-10-01', '丙', '丁', '法定节假日']))).rejects.toThrow(/UNIQUE/);
    await db.close();
  });

  it('keeps at most one handover waiting, and an acknowledgement needs its time and officer', async () => {
    const db = await Database.open(join(tempDir(), 'm5c.sqlite3'));
    await migrate(db, ALL);
    await db.write((q) => q.run(HANDOVER, ['pending']));
    await expect(db.write((q) => q.run(HANDOVER, ['pending']))).rejects.toThrow(/UNIQUE/);
    await expect(db.write((q) => q.run(HANDOVER, ['acknowledged']))).rejects.toThrow(/CHECK/);
    await db.write((q) =>
      q.run(
        "UPDATE handovers SET status = 'acknowledged', acknowledged_at = 't2', ack_leader = '丙', ack_officer = '丁'",
      ),
    );
    await db.write((q) => q.run(HANDOVER, ['pending']));
    expect(await db.read((q) => q.all('SELECT status FROM handovers ORDER BY id'))).toEqual([
      { status: 'acknowledged' },
      { status: 'pending' },
    ]);
    await db.close();
  });
});
