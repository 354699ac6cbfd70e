/**
 * Backups on PostgreSQL through the data channels the backup screen calls (issue 17): pg_dump files
 * in the data folder's backups, the same keep-N policy, and a restore that puts the backup's data
 * back after a safety dump of what was there. Runs on a real server (DUTY_TEST_DATABASE_URL).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { BackupInfo, BackupState, RestoreResult } from '../../../../shared/ipc/channels/data';
import { LATEST_VERSION } from '../../../../electron/db/migrations';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();

async function call<T = unknown>(s: AppServices, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(r.error.message);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

const titles = async (s: AppServices): Promise<string[]> =>
  (await s.db.read((q) => q.all<{ title: string }>('SELECT title FROM incidents ORDER BY id'))).map((r) => r.title);

const savedPgBin = process.env.DUTY_PG_BIN;
afterEach(() => {
  if (savedPgBin === undefined) delete process.env.DUTY_PG_BIN;
  else process.env.DUTY_PG_BIN = savedPgBin;
});

describe('backups on PostgreSQL', () => {
  it('backs up with pg_dump, restores the backup after a safety dump, and keeps only the newest N', async () => {
    const dir = tempDir();
    const s = await makeServices(dir);
    try {
      expect(s.db.engine).toBe('postgres');
      await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
      const first = await call<IncidentDetail>(s, 'incidents:create', { ...ENV_INPUT, title: '备份前登记的事件' });
      const backup = await call<BackupInfo>(s, 'data:backup-now', {});
      expect(backup.fileName).toMatch(/^duty-\d{8}T\d{9}Z-manual\.dump$/);
      expect(backup.bytes).toBeGreaterThan(1000);

      // After the backup: a new incident, and the first one edited.
      await call(s, 'incidents:create', { ...ENV_INPUT, title: '备份后登记的事件' });
      await call(s, 'incidents:update', {
        id: first.id,
        version: first.version,
        patch: { title: '备份后改过的标题', reason: '核实后更正' },
      });
      expect(await titles(s)).toEqual(['备份后改过的标题', '备份后登记的事件']);

      const restored = await call<RestoreResult>(s, 'data:restore', { fileName: backup.fileName });
      expect(restored).toMatchObject({ restoredFrom: backup.fileName, schemaVersion: LATEST_VERSION, incidents: 1 });
      expect(await titles(s)).toEqual(['备份前登记的事件']);
      // The data before the restore is kept as a safety dump, which restores like any backup.
      expect(restored.safetyCopy).toMatch(/-safety\.dump$/);
      const state = await call<BackupState>(s, 'data:backups', {});
      expect(state.backups.map((b) => b.kind).sort()).toEqual(['manual', 'safety']);

      // The console writes on after the restore: ids, serials and versions go on from the backup's.
      const next = await call<IncidentDetail>(s, 'incidents:create', { ...ENV_INPUT, title: '恢复后登记的事件' });
      expect(next.serial).toMatch(/-0002$/);
      const safety = state.backups.find((b) => b.kind === 'safety');
      await call(s, 'data:restore', { fileName: safety?.fileName });
      expect(await titles(s)).toEqual(['备份后改过的标题', '备份后登记的事件']);

      // Keep N: manual and scheduled dumps beyond the newest N go; safety dumps stay.
      s.settings.set({ backupKeep: 2 });
      const made: string[] = [];
      for (let i = 0; i < 3; i++) made.push((await call<BackupInfo>(s, 'data:backup-now', {})).fileName);
      const left = (await call<BackupState>(s, 'data:backups', {})).backups;
      expect(left.filter((b) => b.kind !== 'safety').map((b) => b.fileName)).toEqual([made[2], made[1]]);
      expect(left.filter((b) => b.kind === 'safety')).toHaveLength(2);
    } finally {
      await s.close();
    }
  });

  it('refuses in Chinese, changing nothing, without tools of the server’s version, and refuses a file that is no dump', async () => {
    const dir = tempDir();
    const s = await makeServices(dir);
    try {
      await call(s, 'duty:set', { leader: '李堃', officer: '赵珺' });
      await call(s, 'incidents:create', ENV_INPUT);
      const backup = await call<BackupInfo>(s, 'data:backup-now', {});

      const empty = join(dir, 'no-tools');
      mkdirSync(empty);
      process.env.DUTY_PG_BIN = empty;
      for (const [channel, input] of [
        ['data:backup-now', {}],
        ['data:restore', { fileName: backup.fileName }],
      ] as const) {
        const r = await dispatch(s.handlers, channel, input, () => undefined);
        expect(r.ok).toBe(false);
        if (!r.ok)
          expect(r.error.message).toMatch(
            /本机未找到与数据库服务器（PostgreSQL \d+）相符的 pg_dump、pg_restore 和 psql/,
          );
      }
      delete process.env.DUTY_PG_BIN;
      expect((await call<BackupState>(s, 'data:backups', {})).backups.map((b) => b.fileName)).toEqual([
        backup.fileName,
      ]);

      // A file named like a dump that is not one is refused before anything is touched.
      writeFileSync(join(dir, 'backups', 'duty-20260101T000000000Z-manual.dump'), 'not a dump');
      const bad = await dispatch(
        s.handlers,
        'data:restore',
        { fileName: 'duty-20260101T000000000Z-manual.dump' },
        () => undefined,
      );
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toMatch(/不是 PostgreSQL 备份/);
      expect(await titles(s)).toEqual([ENV_INPUT.title]);
      expect((await call<BackupState>(s, 'data:backups', {})).backups.some((b) => b.kind === 'safety')).toBe(false);
    } finally {
      await s.close();
    }
  });
});
