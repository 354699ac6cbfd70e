import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORAGE_LOST_MESSAGE } from '../../../../electron/db/connection';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { webHostPrinter } from '../../../../electron/print/printer';
import { createAppServices } from '../../../../electron/services/app-services';
import { backupDatabase } from '../../../../electron/services/data/backups';
import type { AppServices } from '../../../../electron/services/app-services';
import { NOTE_KINDS } from '../../../../shared/domain/incident';
import { ENV_INPUT } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const REGISTER = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };

async function start(
  dataDir: string,
  now?: () => Date,
): Promise<{ s: AppServices; events: { event: string; payload: unknown }[] }> {
  const events: { event: string; payload: unknown }[] = [];
  const s = await createAppServices({
    dataDir,
    host: 'web',
    printer: webHostPrinter(dataDir),
    alarms: false,
    now,
    emit: (event, payload) => events.push({ event, payload }),
  });
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  return { s, events };
}

const storageEvents = (events: { event: string; payload: unknown }[]) =>
  // data:changed events carry { what }
  events.filter((e) => e.event === 'data:changed' && (e.payload as { what?: string }).what === 'storage');

describe('a lost data folder is noticed', () => {
  const tempDir = useTempDirs();

  it('deleted while running: the next write is refused with the clear message, the UI is told, no folder is recreated', async () => {
    const dir = join(tempDir(), 'data');
    const { s, events } = await start(dir);
    await s.incidents.create(REGISTER);
    expect(await dispatch(s.handlers, 'storage:status', {})).toEqual({
      ok: true,
      value: { ok: true, cause: null, problem: null },
    });

    rmSync(dir, { recursive: true, force: true });
    const res = await dispatch(s.handlers, 'incidents:create', REGISTER, () => undefined);
    expect(res).toEqual({ ok: false, error: { code: 'internal', message: STORAGE_LOST_MESSAGE } });
    expect(storageEvents(events)).toHaveLength(1);
    expect(await dispatch(s.handlers, 'storage:status', {})).toEqual({
      ok: true,
      value: { ok: false, cause: 'lost', problem: STORAGE_LOST_MESSAGE },
    });
    // Every other write path is refused the same way, backups included, and settings too.
    for (const [channel, input] of [
      ['duty:set', { leader: '甲', officer: '乙' }],
      ['data:backup-now', {}],
      ['settings:set', { backupKeep: 3 }],
    ] as const) {
      const r = await dispatch(s.handlers, channel, input, () => undefined);
      expect(r, channel).toEqual({ ok: false, error: { code: 'internal', message: STORAGE_LOST_MESSAGE } });
    }
    expect(existsSync(dir)).toBe(false);
    await s.close();
  });

  it('replaced by another folder (moved away, a new empty one in its place): writes are refused, not written into the old file', async () => {
    const root = tempDir();
    const dir = join(root, 'data');
    const { s } = await start(dir);
    const first = await s.incidents.create(REGISTER);
    renameSync(dir, join(root, 'moved'));
    mkdirSync(dir);
    await expect(s.incidents.create(REGISTER)).rejects.toThrow(STORAGE_LOST_MESSAGE);
    const note = await dispatch(
      s.handlers,
      'incidents:add-note',
      { id: first.id, kind: NOTE_KINDS[0], text: '补充' },
      () => undefined,
    );
    expect(note).toEqual({ ok: false, error: { code: 'internal', message: STORAGE_LOST_MESSAGE } });
    await s.close();
    // The moved file holds exactly what was acknowledged.
    const again = await start(join(root, 'moved'));
    const list = await dispatch(again.s.handlers, 'incidents:list', {});
    // dispatch answers Result<unknown>; the channel's declared output has this shape
    expect(list.ok && (list.value as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([first.id]);
    await again.s.close();
  });

  it('the backup timer notices it without any write', async () => {
    const dir = join(tempDir(), 'data');
    // A last backup long ago puts the timer's first run 5 s after start.
    const first = await start(dir);
    await backupDatabase(first.s.db, join(dir, 'backups'), 'scheduled', new Date('2020-01-01T00:00:00.000Z'));
    await first.s.close();
    const { s, events } = await start(dir);
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 6_500));
    expect(storageEvents(events)).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
    await s.close();
  }, 20_000);
});
