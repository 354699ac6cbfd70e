import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/connection';
import { LATEST_VERSION } from '../../../../electron/db/migrate';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { webHostPrinter } from '../../../../electron/print/printer';
import { backupDatabase } from '../../../../electron/services/data/backups';
import { bootServices } from '../../../../electron/services/startup/startup-service';
import type { Boot } from '../../../../electron/services/startup/startup-service';
import type { StartupStatus, StorageStatus } from '../../../../shared/ipc/channels/startup';
import { DAMAGE_MARK, DAMAGED_MESSAGE } from '../../../../electron/services/startup/startup-check';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { dutySeats, SEAT_PASSWORD } from '../../../helpers/seat-calls';
import type { AuthStatus } from '../../../../shared/ipc/channels/accounts';

const DB = 'duty.sqlite3';
const boot = (dataDir: string) =>
  bootServices({ dataDir, host: 'web', printer: webHostPrinter(dataDir), alarms: false });
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function call<T>(b: Boot, channel: string, input: unknown = {}): Promise<T> {
  const res = await dispatch(b.handlers, channel, input, () => undefined);
  if (!res.ok) throw new Error(res.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return res.value as T;
}

/** A data folder with two incidents and a verified backup holding both, then a third incident after the backup. */
async function folderWithBackup(dir: string): Promise<{ backupName: string }> {
  const s = await makeServices(dir);
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  await s.incidents.create({
    ...ENV_INPUT,
    title: '第一件',
    levelOverride: null,
    responseOverride: null,
    discoveredAt: null,
  });
  await s.incidents.create({
    ...ENV_INPUT,
    title: '第二件',
    levelOverride: null,
    responseOverride: null,
    discoveredAt: null,
  });
  const path = await backupDatabase(s.db, join(dir, 'backups'), 'manual', new Date('2026-11-29T02:00:00.000Z'));
  await s.incidents.create({
    ...ENV_INPUT,
    title: '备份之后',
    levelOverride: null,
    responseOverride: null,
    discoveredAt: null,
  });
  await s.close();
  return { backupName: path.slice(path.lastIndexOf('/') + 1) };
}

describe('start-up never mistakes damage for a fresh install', () => {
  const tempDir = useTempDirs();

  it('an empty folder is a fresh install: ready, with a new database', async () => {
    const dir = tempDir();
    const b = await boot(dir);
    expect(await call<StartupStatus>(b, 'startup:status')).toMatchObject({ state: 'ready', problem: null });
    expect((await call<{ items: unknown[] }>(b, 'incidents:list', {})).items).toEqual([]);
    await b.close();
    expect(statSync(join(dir, DB)).size).toBeGreaterThan(0);
  });

  it('a zero-byte file with nothing else is what a crashed first start leaves: a fresh install', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB), '');
    const b = await boot(dir);
    expect((await call<StartupStatus>(b, 'startup:status')).state).toBe('ready');
    await b.close();
  });

  it('a zero-byte file where backups exist: recovery, file untouched, the latest verified backup restores in place', async () => {
    const dir = tempDir();
    const { backupName } = await folderWithBackup(dir);
    writeFileSync(join(dir, DB), '');
    for (const ext of ['-wal', '-shm']) expect(existsSync(join(dir, DB + ext))).toBe(false);

    const b = await boot(dir);
    const status = await call<StartupStatus>(b, 'startup:status');
    expect(status).toMatchObject({ state: 'recovery', canRestore: true, problem: { kind: 'empty' } });
    expect(status.problem!.message).toMatch(/数据库文件 duty\.sqlite3 是空的（0 字节）.*值班台没有改动这个文件/);
    expect(status.latestBackup?.fileName).toBe(backupName);
    // Nothing else answers, and nothing was written: still zero bytes, no WAL beside it.
    await expect(call(b, 'incidents:list', {})).rejects.toThrow(/值班台未能打开数据，现处于恢复状态/);
    await expect(call(b, 'duty:set', { leader: '甲', officer: '乙' })).rejects.toThrow(/恢复状态/);
    expect(statSync(join(dir, DB)).size).toBe(0);
    expect(existsSync(join(dir, `${DB}-wal`))).toBe(false);

    // A host may copy the map (the web host adds a channel of its own): copies follow the restore too.
    const copy: Boot = { ...b, handlers: { ...b.handlers } };
    const result = await call<{ restoredFrom: string; keptAs: string }>(b, 'startup:restore-latest');
    expect(result.restoredFrom).toBe(backupName);
    expect(statSync(result.keptAs).size).toBe(0);
    // The same handler map, and its copy, now serve the restored data.
    const list = (await call<{ items: { title: string }[] }>(copy, 'incidents:list', {})).items;
    expect(list.map((i) => i.title).sort()).toEqual(['第一件', '第二件']);
    expect(await call<StartupStatus>(b, 'startup:status')).toMatchObject({ state: 'ready' });
    await b.close();
  });

  it('a restore at start-up logs every seat out: no session comes back from the backup', async () => {
    const dir = tempDir();
    const s = await makeServices(dir);
    await dutySeats(s);
    const seatOfficer = async (b: Boot, seat: string) =>
      ((await dispatch(b.handlers, 'auth:status', {}, () => undefined, seat)) as { value: AuthStatus }).value.seat
        .officer?.name ?? null;
    await backupDatabase(s.db, join(dir, 'backups'), 'manual', new Date('2026-11-29T02:00:00.000Z'));
    await s.close();
    // A restart keeps the seats' sessions (they are stored): the backup holds them too.
    let b = await boot(dir);
    expect(await seatOfficer(b, 'seat-1')).toBe('赵珺');
    await b.close();

    writeFileSync(join(dir, DB), '');
    b = await boot(dir);
    await call(b, 'startup:restore-latest');
    expect(await seatOfficer(b, 'seat-1')).toBeNull();
    expect(await seatOfficer(b, 'seat-2')).toBeNull();
    // The accounts came back with the data: the officer logs in again with her password.
    const login = await dispatch(
      b.handlers,
      'auth:login',
      { name: '赵珺', password: SEAT_PASSWORD, as: 'officer' },
      () => undefined,
      'seat-1',
    );
    expect(login.ok).toBe(true);
    expect(await seatOfficer(b, 'seat-1')).toBe('赵珺');
    await b.close();
  });

  it('a missing file where backups exist, and a -wal without its file, are damage', async () => {
    const dir = tempDir();
    await folderWithBackup(dir);
    const live = join(dir, DB);
    rmSync(live);
    let b = await boot(dir);
    expect((await call<StartupStatus>(b, 'startup:status')).problem?.kind).toBe('missing');
    await b.close();
    expect(existsSync(live)).toBe(false);

    const lone = tempDir();
    writeFileSync(join(lone, `${DB}-wal`), Buffer.alloc(4096, 1));
    b = await boot(lone);
    const status = await call<StartupStatus>(b, 'startup:status');
    expect(status).toMatchObject({
      state: 'recovery',
      canRestore: false,
      latestBackup: null,
      problem: { kind: 'orphan_journal' },
    });
    await expect(call(b, 'startup:restore-latest')).rejects.toThrow(/没有可用的备份/);
    await b.close();
    expect(readdirSync(lone)).toEqual([`${DB}-wal`]);
  });

  it('a truncated file, a corrupt page and a file that is not a database are each named, and kept byte for byte', async () => {
    const cases: [string, (file: string) => void][] = [
      ['truncated', (f) => truncateSync(f, Math.floor(statSync(f).size / 2 / 4096) * 4096)],
      [
        'corrupt',
        (f) => {
          const fd = openSync(f, 'r+');
          // Past the schema page: the tables' pages turn to noise, the header stays.
          for (let page = 2; page * 4096 < statSync(f).size; page += 1)
            writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
          closeSync(fd);
        },
      ],
      ['not_database', (f) => writeFileSync(f, '这不是数据库'.repeat(100))],
    ];
    for (const [kind, damage] of cases) {
      const dir = tempDir();
      await folderWithBackup(dir);
      const live = join(dir, DB);
      expect(existsSync(`${live}-wal`)).toBe(false);
      damage(live);
      const before = sha(live);
      const b = await boot(dir);
      const status = await call<StartupStatus>(b, 'startup:status');
      expect(status.state, kind).toBe('recovery');
      expect(status.problem?.kind, kind).toBe(kind);
      expect(status.problem?.message).not.toMatch(/SQLITE_|malformed|disk image|\berror\b/i);
      expect(status.canRestore).toBe(true);
      await b.close();
      expect(sha(live), kind).toBe(before);
    }
  });

  it('a database from a newer version: recovery without restore, file unchanged', async () => {
    const dir = tempDir();
    await folderWithBackup(dir);
    const live = join(dir, DB);
    const raw = await Database.open(live);
    await raw.raw((q) => q.exec(`PRAGMA user_version = ${LATEST_VERSION + 3}`));
    await raw.close();
    const before = sha(live);
    const b = await boot(dir);
    const status = await call<StartupStatus>(b, 'startup:status');
    expect(status).toMatchObject({
      state: 'recovery',
      canRestore: false,
      latestBackup: null,
      problem: { kind: 'too_new' },
    });
    expect(status.problem!.message).toMatch(/更新版本的值班台/);
    await expect(call(b, 'startup:restore-latest')).rejects.toThrow(/不能用旧备份覆盖/);
    await b.close();
    expect(sha(live)).toBe(before);
  });

  it('offers the newest backup that passes its checks, skipping a damaged newer one', async () => {
    const dir = tempDir();
    const { backupName } = await folderWithBackup(dir);
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'duty-20261129T050000000Z-scheduled.sqlite3'), 'SQLite format 3\0 但后面是乱码');
    writeFileSync(join(dir, DB), '');
    const b = await boot(dir);
    expect((await call<StartupStatus>(b, 'startup:status')).latestBackup?.fileName).toBe(backupName);
    await b.close();
  });

  it('a page damaged deep in a table: the services start without reading the whole file; the check after start finds it, refuses writes, and the next start offers the backup', async () => {
    const dir = tempDir();
    const { backupName } = await folderWithBackup(dir);
    // Enough notes for the timeline to span many pages, so the damage can sit in one the start never reads.
    const s = await makeServices(dir);
    for (let i = 0; i < 40; i++)
      await s.incidents.addNote({ id: 1, kind: '备注', text: `核实情况${i}：${'现场'.repeat(300)}`, givenBy: '' });
    await s.close();
    const live = join(dir, DB);
    const raw = await Database.open(live, { readOnly: true });
    const leaves = await raw.read((q) =>
      q.all<{ pageno: number }>(
        "SELECT pageno FROM dbstat WHERE name = 'timeline_entries' AND pagetype = 'leaf' ORDER BY pageno",
      ),
    );
    await raw.close();
    expect(leaves.length).toBeGreaterThan(3);
    // A leaf in the middle: the start reads the first rows and the newest ones (the chain's head), not these.
    const page = leaves[Math.floor(leaves.length / 2)]!.pageno;
    const fd = openSync(live, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096);
    closeSync(fd);

    const b = await boot(dir);
    // A write sent at once waits for the check's outcome: it is refused, never acknowledged into the damaged file.
    const early = call(b, 'incidents:add-note', { id: 1, kind: '备注', text: '刚启动时的记录', givenBy: '' });
    expect(await call<StartupStatus>(b, 'startup:status')).toMatchObject({ state: 'ready', problem: null });
    // The check after start (it runs by itself at once; its outcome is awaited here).
    expect(await b.services()!.checkFile()).toMatchObject({ kind: 'corrupt', message: DAMAGED_MESSAGE });
    await expect(early).rejects.toThrow(DAMAGED_MESSAGE);
    expect(await call<StorageStatus>(b, 'storage:status')).toEqual({
      ok: false,
      cause: 'corrupt',
      problem: DAMAGED_MESSAGE,
    });
    await expect(call(b, 'duty:set', { leader: '李堃', officer: '赵珺' })).rejects.toThrow(DAMAGED_MESSAGE);
    expect(existsSync(join(dir, DAMAGE_MARK))).toBe(true);
    await b.close();

    // The next start names the damage before opening and offers the backup; restoring it clears the mark.
    const again = await boot(dir);
    const status = await call<StartupStatus>(again, 'startup:status');
    expect(status).toMatchObject({ state: 'recovery', problem: { kind: 'corrupt' }, canRestore: true });
    expect(status.latestBackup?.fileName).toBe(backupName);
    await call(again, 'startup:restore-latest');
    expect(existsSync(join(dir, DAMAGE_MARK))).toBe(false);
    expect(await again.services()!.checkFile()).toBeNull();
    expect((await call<StorageStatus>(again, 'storage:status')).ok).toBe(true);
    expect((await call<{ items: unknown[] }>(again, 'incidents:list', {})).items.length).toBe(2);
    await again.close();
  });

  it('a write sent as the services start waits for the whole-file check before it begins', async () => {
    const dir = tempDir();
    await folderWithBackup(dir);
    const s = await makeServices(dir);
    const order: string[] = [];
    const write = s.db.write(async () => {
      order.push('write');
    });
    await s.checkFile();
    order.push('checked');
    await write;
    expect(order).toEqual(['checked', 'write']);
    await s.close();
  });

  it('a healthy database answers ready, and restore-latest refuses', async () => {
    const dir = tempDir();
    await folderWithBackup(dir);
    const b = await boot(dir);
    expect(await call<StartupStatus>(b, 'startup:status')).toMatchObject({ state: 'ready', problem: null });
    await expect(call(b, 'startup:restore-latest')).rejects.toThrow(/数据库正常，无需恢复/);
    expect((await call<{ items: unknown[] }>(b, 'incidents:list', {})).items.length).toBe(3);
    await b.close();
  });
});
