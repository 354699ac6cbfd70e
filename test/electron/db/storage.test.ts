import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database, STORAGE_LOST_MESSAGE, StorageError } from '../../../electron/db/connection';
import { dispatch } from '../../../electron/ipc/dispatch';
import type { Handlers } from '../../../electron/ipc/dispatch';
import { useTempDirs } from '../../helpers/temp-dir';
import { messageOf } from '../../../shared/errors';

describe('storage failures are refusals in plain Chinese, and nothing is acknowledged', () => {
  const tempDir = useTempDirs();

  it('a read-only file: SQLITE_READONLY becomes a clear refusal, not SQLite text', async () => {
    const file = join(tempDir(), 'ro.sqlite3');
    const rw = await Database.open(file);
    await rw.write((q) => q.exec('CREATE TABLE t (v TEXT)'));
    await rw.close();
    const ro = await Database.open(file, { readOnly: true });
    const err = await ro.write((q) => q.run("INSERT INTO t VALUES ('x')")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    // toBeInstanceOf above proves the type
    expect((err as StorageError).reason).toBe('SQLITE_READONLY');
    expect(messageOf(err)).toBe('数据文件只读，无法写入：本次操作未保存。请联系管理员检查数据文件夹的权限。');
    // Until a write succeeds, the status says so (the UI shows it as a banner).
    expect(ro.storageStatus()).toEqual({ ok: false, cause: 'write_failed', problem: messageOf(err) });
    await ro.close();
  });

  it('a deleted file: SQLite would write into the unlinked inode; the write is refused and reported', async () => {
    const file = join(tempDir(), 'gone.sqlite3');
    const db = await Database.open(file);
    const seen: unknown[] = [];
    db.onStorageChange = (s) => seen.push(s);
    await db.write((q) => q.exec('CREATE TABLE t (v TEXT)'));
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    await expect(db.write((q) => q.run("INSERT INTO t VALUES ('x')"))).rejects.toThrow(STORAGE_LOST_MESSAGE);
    expect(seen).toEqual([{ ok: false, cause: 'lost', problem: STORAGE_LOST_MESSAGE }]);
    // Rolled back: the open handle holds no row either.
    expect(await db.read((q) => q.all('SELECT * FROM t'))).toEqual([]);
    await db.close();
  });

  it('a read unit cannot write: its statements have no COMMIT whose error could be checked', async () => {
    const db = await Database.open(join(tempDir(), 'r.sqlite3'));
    await db.write((q) => q.exec('CREATE TABLE t (v TEXT)'));
    await expect(db.read((q) => q.run("INSERT INTO t VALUES ('x')"))).rejects.toThrow(/Database\.write/);
    await expect(db.read((q) => q.get("INSERT INTO t VALUES ('x') RETURNING v"))).rejects.toThrow(/Database\.write/);
    expect(await db.read((q) => q.all('SELECT * FROM t'))).toEqual([]);
    await db.close();
  });

  it('a full disk met by a plain file write (an export, the settings) reaches the officer as the same clear refusal', async () => {
    // /dev/full answers every write with ENOSPC, as a full disk does.
    const handlers = { 'app:info': async () => writeFileSync('/dev/full', '导出内容') } as unknown as Handlers;
    const res = await dispatch(handlers, 'app:info', {}, () => undefined);
    expect(res).toEqual({
      ok: false,
      error: { code: 'internal', message: '磁盘空间已满：本次操作未保存。请联系管理员清理磁盘空间后重试。' },
    });
  });
});
