import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/connection';
import { useTempDirs } from '../../helpers/temp-dir';

const walSize = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

describe('durability of writes', () => {
  const tempDir = useTempDirs();

  it('an INSERT … RETURNING has committed by the time its promise resolves', async () => {
    const file = join(tempDir(), 'd.sqlite3');
    const db = await Database.open(file);
    await db.raw((q) => q.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)'));
    for (let i = 0; i < 20; i++) {
      const before = walSize(file);
      await db.write((q) => q.get("INSERT INTO t (v) VALUES ('已登记') RETURNING id"));
      // Checked synchronously on resumption: a committed transaction has appended its WAL frames.
      expect(walSize(file)).toBeGreaterThan(before);
    }
    const other = await Database.open(file);
    expect(await other.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))).toEqual({ n: 20 });
    await other.close();
    await db.close();
  });
});
