import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { insertFired, listFired } from '../../../../electron/db/alarm-repository';
import { migrate } from '../../../../electron/db/migrate';
import { migration0001 } from '../../../../electron/db/migrations/0001-initial';
import { migration0002 } from '../../../../electron/db/migrations/0002-alarms';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('migration 0002-alarms', () => {
  const tempDir = useTempDirs();

  it('upgrades a version-1 database with data in it, keeping the data', async () => {
    const db = await Database.open(join(tempDir(), 'm2.sqlite3'));
    await migrate(db, [migration0001]);
    await db.write((q) => q.run("INSERT INTO duty_sessions (leader, officer, started_at) VALUES ('甲', '乙', 'x')"));
    await migrate(db, [migration0001, migration0002]);
    expect(await db.read((q) => q.all('SELECT leader FROM duty_sessions'))).toEqual([{ leader: '甲' }]);
    await db.close();
  });

  it('stores each fired alarm once, however often it is recorded', async () => {
    const db = await Database.open(join(tempDir(), 'm2b.sqlite3'));
    await migrate(db, [migration0001, migration0002]);
    const a = {
      clockKey: '1:env',
      kind: 'due' as const,
      seq: 0,
      firedAt: '2026-11-29T01:00:00.000Z',
      dueAt: '2026-11-29T01:00:00.000Z',
    };
    await db.write((q) => insertFired(q, [a]));
    await db.write((q) => insertFired(q, [a, { ...a, firedAt: '2026-11-29T01:00:05.000Z' }]));
    expect(await db.read((q) => listFired(q))).toEqual([a]);
    await db.close();
  });
});
