import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { nextSerial } from '../../../../electron/db/incident-repository';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';

const insert = `INSERT INTO incidents (serial, category, title, places, occurred_at, received_at, receive_channel,
  status, created_at, created_by, updated_at) VALUES (?, 'fire', '旧事件', '[]', '2026-01-01T00:00:00.000Z',
  '2026-01-01T00:00:00.000Z', '电话', '接报', '2026-01-01T00:00:00.000Z', '赵珺', '2026-01-01T00:00:00.000Z')`;

describe('migration 0013-serial-counters', () => {
  const tempDir = useTempDirs();

  it('seeds each prefix from the highest serial already given, and numbering continues after it', async () => {
    const db = await Database.open(join(tempDir(), 'm13.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 13),
    );
    await db.write(async (q) => {
      for (const s of ['2025-0001', '2025-0002', '2026-0001', '2026-0002', '2026-0003', 'YL2026-0001']) {
        await q.run(insert, [s]);
      }
    });
    await migrate(db);
    const rows = await db.read((q) =>
      q.all<{ prefix: string; last_number: number }>('SELECT * FROM serial_counters ORDER BY prefix'),
    );
    expect(rows).toEqual([
      { prefix: '2025-', last_number: 2 },
      { prefix: '2026-', last_number: 3 },
      { prefix: 'YL2026-', last_number: 1 },
    ]);
    expect(await db.write((q) => nextSerial(q, '2026-'))).toBe('2026-0004');
    expect(await db.write((q) => nextSerial(q, 'YL2026-'))).toBe('YL2026-0002');
    expect(await db.write((q) => nextSerial(q, '2027-'))).toBe('2027-0001');
    await db.close();
  });

  it('gives a number back when the registration rolls back, so the numbering has no gap', async () => {
    const db = await Database.open(join(tempDir(), 'm13b.sqlite3'));
    await migrate(db);
    expect(await db.write((q) => nextSerial(q, '2026-'))).toBe('2026-0001');
    await expect(
      db.write(async (q) => {
        await nextSerial(q, '2026-');
        throw new Error('registration refused');
      }),
    ).rejects.toThrow('registration refused');
    expect(await db.write((q) => nextSerial(q, '2026-'))).toBe('2026-0002');
    await db.close();
  });
});
