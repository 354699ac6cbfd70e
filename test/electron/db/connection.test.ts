import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../electron/db/connection';
import { useTempDirs } from '../../helpers/temp-dir';

describe('Database', () => {
  const tempDir = useTempDirs();

  it('rolls back a failed write completely', async () => {
    const db = await Database.open(join(tempDir(), 'c.sqlite3'));
    await db.raw((q) => q.exec('CREATE TABLE t (x INTEGER NOT NULL)'));
    await expect(
      db.write(async (q) => {
        await q.run('INSERT INTO t (x) VALUES (1)');
        await q.run('INSERT INTO t (x) VALUES (NULL)');
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect(await db.read((q) => q.all('SELECT * FROM t'))).toEqual([]);
    await db.close();
  });

  it('a read sent before close is answered; one asked for after close is refused and opens nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'closed.sqlite3');
    const db = await Database.open(file);
    await db.raw((q) => q.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);'));
    const before = db.read((q) => q.all('SELECT x FROM t'));
    const closing = db.close();
    // Background work finishing late must not open the file again (it would make its -wal anew).
    await expect(db.read((q) => q.all('SELECT x FROM t'))).rejects.toThrow('数据库已关闭');
    expect(await before).toEqual([{ x: 1 }]);
    await closing;
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(readdirSync(dir)).toEqual(['closed.sqlite3']);
  });

  it('serialises concurrent transactions so they never interleave', async () => {
    const db = await Database.open(join(tempDir(), 's.sqlite3'));
    await db.raw((q) => q.exec('CREATE TABLE counter (n INTEGER); INSERT INTO counter VALUES (0);'));
    // Read-modify-write from 50 callers at once: interleaving would lose increments.
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.write(async (q) => {
          const row = await q.get<{ n: number }>('SELECT n FROM counter');
          await new Promise((r) => setTimeout(r, 1));
          await q.run('UPDATE counter SET n = ?', [row!.n + 1]);
        }),
      ),
    );
    expect(await db.read((q) => q.get<{ n: number }>('SELECT n FROM counter'))).toEqual({ n: 50 });
    await db.close();
  });

  it('keeps the queue usable after a failed unit of work', async () => {
    const db = await Database.open(join(tempDir(), 'q.sqlite3'));
    await expect(db.read((q) => q.get('SELECT * FROM missing_table'))).rejects.toThrow(/no such table/);
    expect(await db.read((q) => q.get<{ v: number }>('SELECT 1 AS v'))).toEqual({ v: 1 });
    await db.close();
  });

  it('backs up through the online backup API into a readable copy', async () => {
    const dir = tempDir();
    const db = await Database.open(join(dir, 'live.sqlite3'));
    await db.raw((q) => q.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('已提交');"));
    await db.backupTo(join(dir, 'copy.sqlite3'));
    const copy = await Database.open(join(dir, 'copy.sqlite3'));
    expect(await copy.read((q) => q.all('SELECT x FROM t'))).toEqual([{ x: '已提交' }]);
    await copy.close();
    await db.close();
  });
  it('a read is answered on the read connection while a long write is still open, and sees only what was committed', async () => {
    const db = await Database.open(join(tempDir(), 'rw.sqlite3'));
    await db.write((q) => q.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('before')"));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((r) => (inserted = r));
    const writing = db.write(async (q) => {
      await q.run("INSERT INTO t VALUES ('during')");
      inserted();
      // The write holds its transaction open until the read below has been answered.
      await gate;
    });
    await insertedOnce;
    const read = await db.read((q) => q.all<{ v: string }>('SELECT v FROM t ORDER BY rowid'));
    expect(read.map((r) => r.v)).toEqual(['before']);
    // A second write queues behind the first: writes stay on one queue.
    const order: string[] = [];
    const second = db.write((q) => q.run("INSERT INTO t VALUES ('after')")).then(() => order.push('second'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    release();
    await writing;
    await second;
    const after = await db.read((q) => q.all<{ v: string }>('SELECT v FROM t ORDER BY rowid'));
    expect(after.map((r) => r.v)).toEqual(['before', 'during', 'after']);
    await db.close();
  });

  it('a read unit sees one snapshot, even when a write commits between its statements', async () => {
    const db = await Database.open(join(tempDir(), 'snap.sqlite3'));
    await db.write((q) => q.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)'));
    const seen = await db.read(async (q) => {
      const first = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM t');
      await db.write((w) => w.run('INSERT INTO t VALUES (2)'));
      const second = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM t');
      return [first?.n, second?.n];
    });
    expect(seen).toEqual([1, 1]);
    expect(await db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))).toEqual({ n: 2 });
    await db.close();
  });
});
