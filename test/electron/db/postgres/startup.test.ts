/**
 * Start-up on PostgreSQL (issue 17). The file checks of a SQLite start (header, quick_check, a
 * stray -wal) have no object here; the equivalent is the connection, the server's version and the
 * schema version. A server that cannot be reached, or a schema written by a newer console, starts
 * the recovery state with the reason and changes nothing, and never offers this folder's SQLite
 * file backups, which are not the room's data.
 */
import { createServer } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { StartupStatus } from '../../../../shared/ipc/channels/startup';
import { LATEST_VERSION } from '../../../../electron/db/migrations';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { createAppServices } from '../../../../electron/services/app-services';
import { bootServices } from '../../../../electron/services/startup/startup-service';
import { webHostPrinter } from '../../../../electron/print/printer';
import { freshDatabaseUrl } from '../../../helpers/postgres';
import { ENV_INPUT } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A data folder holding a sound SQLite backup, as a workstation that later joined the room would. */
async function folderWithFileBackup(): Promise<string> {
  const dir = tempDir();
  const s = await createAppServices({ dataDir: dir, host: 'web', printer: webHostPrinter(dir), alarms: false });
  const r = await dispatch(s.handlers, 'data:backup-now', {}, () => undefined);
  expect(r.ok).toBe(true);
  await s.close();
  return dir;
}

async function statusOf(dir: string, databaseUrl: string): Promise<StartupStatus> {
  const boot = await bootServices({
    dataDir: dir,
    host: 'web',
    printer: webHostPrinter(dir),
    alarms: false,
    databaseUrl,
  });
  try {
    const r = await dispatch(boot.handlers, 'startup:status', {}, () => undefined);
    if (!r.ok) throw new Error(r.error.message);
    // an ok answer carries the channel's declared output
    return r.value as StartupStatus;
  } finally {
    await boot.close();
  }
}

describe('start-up checks on PostgreSQL', () => {
  it('a server that cannot be reached: recovery state naming the server, no file backup offered', async () => {
    const dir = await folderWithFileBackup();
    // A port nothing listens on: the first connection is refused.
    const srv = createServer();
    const port = await new Promise<number>((resolve) =>
      // a TCP server's address is an AddressInfo once listening
      srv.listen(0, '127.0.0.1', () => resolve((srv.address() as { port: number }).port)),
    );
    await new Promise((r) => srv.close(r));
    const status = await statusOf(dir, `postgres://duty:secret@127.0.0.1:${port}/duty`);
    expect(status.state).toBe('recovery');
    expect(status.problem?.message).toMatch(/无法连接数据库服务器 postgres:\/\/duty:\*\*\*@127\.0\.0\.1/);
    expect(status.problem?.message).not.toContain('secret');
    expect(status.canRestore).toBe(false);
    expect(status.latestBackup).toBeNull();
  });

  it('a schema written by a newer console: refused untouched, no file backup offered; a current one starts', async () => {
    const dir = await folderWithFileBackup();
    const url = await freshDatabaseUrl();
    const first = await bootServices({
      dataDir: tempDir(),
      host: 'web',
      printer: webHostPrinter(dir),
      alarms: false,
      databaseUrl: url,
    });
    const services = first.services();
    if (!services) throw new Error('services did not start');
    expect(services.db.engine).toBe('postgres');
    await dispatch(services.handlers, 'duty:set', { leader: '李堃', officer: '赵珺' }, () => undefined);
    const created = await dispatch(services.handlers, 'incidents:create', ENV_INPUT, () => undefined);
    expect(created.ok).toBe(true);
    await first.close();

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('UPDATE duty_schema SET version = $1', [LATEST_VERSION + 1]);
      const status = await statusOf(dir, url);
      expect(status.state).toBe('recovery');
      expect(status.problem?.kind).toBe('too_new');
      expect(status.problem?.message).toContain(`数据库版本（${LATEST_VERSION + 1}）高于本程序支持的版本`);
      expect(status.canRestore).toBe(false);
      expect((await c.query('SELECT version FROM duty_schema')).rows[0]).toEqual({ version: LATEST_VERSION + 1 });
      expect((await c.query('SELECT title FROM incidents')).rows).toEqual([{ title: ENV_INPUT.title }]);

      await c.query('UPDATE duty_schema SET version = $1', [LATEST_VERSION]);
      const healthy = await statusOf(dir, url);
      expect(healthy.state).toBe('ready');
    } finally {
      await c.end();
    }
  });
});
