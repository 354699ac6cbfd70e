import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acksBetween } from '../../../../electron/db/alarm-repository';
import { Database } from '../../../../electron/db/connection';
import { migrate } from '../../../../electron/db/migrate';
import { MIGRATIONS } from '../../../../electron/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('migration 0024-alarm-acks-time', () => {
  const tempDir = useTempDirs();

  it('indexes acknowledgements by time, so a day of them is read from a range of the index', async () => {
    const db = await Database.open(join(tempDir(), 'm24.sqlite3'));
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 23),
    );
    await db.write(async (q) => {
      for (let d = 1; d <= 3; d++)
        await q.run('INSERT INTO alarm_acks (clock_key, acked_at, officer) VALUES (?, ?, ?)', [
          `${d}:env.city-gov-to-province@较大#0`,
          `2026-11-0${d}T03:00:00.000Z`,
          '赵珺',
        ]);
    });
    await migrate(db);
    // Kept as they were, and a day's range reads only that day's rows.
    const day = await db.read((q) => acksBetween(q, '2026-11-02', '2026-11-03'));
    expect(day.map((a) => a.ackedAt)).toEqual(['2026-11-02T03:00:00.000Z']);
    const plan = await db.read((q) =>
      q.all<{ detail: string }>(
        'EXPLAIN QUERY PLAN SELECT clock_key FROM alarm_acks WHERE acked_at >= ? AND acked_at < ? ORDER BY acked_at, id',
        ['2026-11-02', '2026-11-03'],
      ),
    );
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /USING INDEX alarm_acks_acked \(acked_at>\? AND acked_at<\?\)/,
    );
    await db.close();
  });
});
