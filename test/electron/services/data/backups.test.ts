import { existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database, DatabaseOpenError } from '../../../../electron/db/connection';
import { LATEST_VERSION, openDatabase } from '../../../../electron/db/migrate';
import {
  backupDatabase,
  listBackups,
  pruneBackups,
  restoreFile,
  restoreInto,
  verifyBackup,
} from '../../../../electron/services/data/backups';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

async function addSession(db: Database, officer: string): Promise<void> {
  await db.write((q) =>
    q.run('INSERT INTO duty_sessions (leader, officer, started_at) VALUES (?, ?, ?)', [
      '张三',
      officer,
      new Date().toISOString(),
    ]),
  );
}
const officers = (db: Database) =>
  db
    .read((q) => q.all<{ officer: string }>('SELECT officer FROM duty_sessions ORDER BY id'))
    .then((r) => r.map((x) => x.officer));

describe('backups', () => {
  it('writes a backup through the online API that opens with the same rows, and lists it', async () => {
    const dir = tempDir();
    const db = await openDatabase(join(dir, 'duty.sqlite3'));
    await addSession(db, '李四');
    const path = await backupDatabase(db, join(dir, 'backups'), 'manual', new Date('2026-11-29T06:05:00.123Z'));
    await db.close();
    expect(path).toMatch(/duty-20261129T060500123Z-manual\.sqlite3$/);
    const list = listBackups(join(dir, 'backups'));
    expect(list).toEqual([
      expect.objectContaining({ kind: 'manual', createdAt: '2026-11-29T06:05:00.123Z', bytes: statSync(path).size }),
    ]);
    const copy = await Database.open(path);
    expect(await officers(copy)).toEqual(['李四']);
    await copy.close();
  });

  it('keeps the newest N manual and scheduled backups and never prunes safety copies', async () => {
    const dir = tempDir();
    const db = await openDatabase(join(dir, 'duty.sqlite3'));
    const bdir = join(dir, 'backups');
    for (let i = 0; i < 4; i++)
      await backupDatabase(db, bdir, i % 2 ? 'scheduled' : 'manual', new Date(Date.UTC(2026, 10, 1 + i)));
    await backupDatabase(db, bdir, 'safety', new Date(Date.UTC(2026, 9, 1)));
    await db.close();
    const removed = pruneBackups(bdir, 2);
    expect(removed).toHaveLength(2);
    const left = listBackups(bdir);
    expect(left.map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-11-04', '2026-11-03', '2026-10-01']);
    expect(() => pruneBackups(bdir, 0)).toThrow(/keep/);
  });

  it('refuses a backup that is not a database, is damaged, or comes from a newer version', async () => {
    const dir = tempDir();
    const junk = join(dir, 'junk.sqlite3');
    writeFileSync(junk, 'this is not sqlite at all'.repeat(200));
    await expect(verifyBackup(junk, dir)).rejects.toThrow(/无法作为数据库打开|检查未通过/);

    const newer = join(dir, 'newer.sqlite3');
    const db = await openDatabase(newer);
    await db.raw((q) => q.exec(`PRAGMA user_version = ${LATEST_VERSION + 1}`));
    await db.close();
    await expect(verifyBackup(newer, dir)).rejects.toThrow(/高于本程序支持的版本/);

    const other = join(dir, 'other.sqlite3');
    const odb = await Database.open(other);
    await odb.write((q) => q.exec('CREATE TABLE notes (x TEXT)'));
    await odb.close();
    await expect(verifyBackup(other, dir)).rejects.toThrow(/不是值班台的数据备份/);
    await expect(verifyBackup(join(dir, 'missing.sqlite3'), dir)).rejects.toThrow(/不存在/);
  });

  it('restores into the open live connection: backup content back, later rows kept in the safety copy, writes work', async () => {
    const dir = tempDir();
    const bdir = join(dir, 'backups');
    const db = await openDatabase(join(dir, 'duty.sqlite3'));
    await addSession(db, '甲');
    await addSession(db, '乙');
    const backup = await backupDatabase(db, bdir, 'manual', new Date('2026-11-29T01:00:00Z'));
    await addSession(db, '丙（备份之后）');
    const before = readFileSync(backup);

    const { safetyCopy, schemaVersion } = await restoreInto(db, backup, bdir, new Date('2026-11-29T02:00:00Z'));
    expect(schemaVersion).toBe(LATEST_VERSION);
    expect(await officers(db)).toEqual(['甲', '乙']);
    await addSession(db, '丁');
    expect(await officers(db)).toEqual(['甲', '乙', '丁']);
    // The backup file itself is untouched by checking and restoring.
    expect(readFileSync(backup).equals(before)).toBe(true);
    await db.close();

    const safety = await Database.open(safetyCopy);
    expect(await officers(safety)).toEqual(['甲', '乙', '丙（备份之后）']);
    await safety.close();
    const reopened = await openDatabase(join(dir, 'duty.sqlite3'));
    expect(await officers(reopened)).toEqual(['甲', '乙', '丁']);
    await reopened.close();
  });

  it('a live file that no longer opens: corrupt → DatabaseOpenError → restoreFile → every committed row back', async () => {
    const dir = tempDir();
    const bdir = join(dir, 'backups');
    const live = join(dir, 'duty.sqlite3');
    const db = await openDatabase(live);
    for (const name of ['甲', '乙', '丙']) await addSession(db, name);
    await backupDatabase(db, bdir, 'manual', new Date('2026-11-29T01:00:00Z'));
    await db.close();

    // Overwrite the header and the first pages.
    const fd = openSync(live, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 0);
    closeSync(fd);
    const err = await openDatabase(live).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseOpenError);
    // toBeInstanceOf above proves the type
    expect((err as DatabaseOpenError).kind).toBe('corrupt');

    const [b] = listBackups(bdir);
    const { keptAs } = await restoreFile(live, b!.path, bdir, new Date('2026-11-29T03:00:00Z'));
    expect(keptAs && existsSync(keptAs)).toBe(true);
    const back = await openDatabase(live);
    expect(await officers(back)).toEqual(['甲', '乙', '丙']);
    await back.close();
  });
});
