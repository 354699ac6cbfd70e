import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/db/migrate';
import { toJson } from '../../../../electron/exports/index';
import { dumpDatabase, writeFullExport } from '../../../../electron/services/data/full-export';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { useTempDirs } from '../../../helpers/temp-dir';

const AT = new Date('2026-10-05T08:00:00.000Z');

describe('the streamed full export', () => {
  const tempDir = useTempDirs();

  it('writes, batch after batch, exactly the document the in-memory export made: keys of one and two columns, quotes and line breaks, nulls, empty tables', async () => {
    const dir = tempDir();
    const db = await openDatabase(join(dir, 'duty.sqlite3'));
    await db.write(async (q) => {
      await q.exec(
        `INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('带班领导', '值班员', '2026-10-01T00:00:00.000Z')`,
      );
      // 1,203 incidents and two clock records each: several batches on a rowid key and on a two-column key.
      for (let i = 1; i <= 1203; i++) {
        await q.run(
          `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel, status,
             created_at, created_by, updated_at, narrative) VALUES (?, 'environment', ?, '["朔城区"]', ?, ?, '电话', '已归档', ?, '值班员', ?, ?)`,
          [
            `2026-${String(i).padStart(4, '0')}`,
            `事件"${i}"\\引号`,
            '2026-10-01T00:00:00.000Z',
            '2026-10-01T00:10:00.000Z',
            '2026-10-01T00:10:00.000Z',
            '2026-10-01T00:10:00.000Z',
            i % 7 === 0 ? '' : `第${i}起：换行\n制表\t`,
          ],
        );
        for (const clock of ['env.phone', 'env.written'])
          await q.run(
            `INSERT INTO clock_records (incident_id, clock_id, completed_at, channel, recipient_unit, recipient_name, not_applicable_reason, officer, recorded_at)
             VALUES (?, ?, ?, ?, ?, ?, NULL, '值班员', '2026-10-01T01:00:00.000Z')`,
            [i, clock, '2026-10-01T00:40:00.000Z', '电话', '市应急管理局', '李明'],
          );
      }
    });
    const file = join(dir, 'all.json');
    const { bytes, count } = await writeFullExport(db, DEFAULT_SETTINGS, AT, file);
    const expected = toJson(await dumpDatabase(db, DEFAULT_SETTINGS, AT));
    const written = readFileSync(file);
    expect(written.equals(expected)).toBe(true);
    expect(bytes).toBe(expected.length);
    expect(count).toBeGreaterThanOrEqual(1203 * 3 + 1);
    await db.close();
  });
});
