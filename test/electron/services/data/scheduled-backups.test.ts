import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../../../electron/services/data/backups';
import { DataService } from '../../../../electron/services/data/data-service';
import type { FeatureContext } from '../../../../electron/services/feature-context';
import { IncidentService } from '../../../../electron/services/incidents/incident-service';
import type { AppServices } from '../../../../electron/services/app-services';
import { makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();
const tick = () => new Promise<void>((r) => setImmediate(r));

function contextOf(s: AppServices, now: () => Date): FeatureContext {
  return {
    db: s.db,
    dataDir: s.dataDir,
    settings: s.settings,
    incidents: new IncidentService(now),
    printer: { savePdf: async () => null, print: async () => false, htmlToPdf: async () => Buffer.alloc(0) },
    now,
    emit: () => undefined,
    changed: () => undefined,
  };
}

describe('scheduled backups', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backs up on the timer, re-arms one interval later, prunes to backupKeep, and stops', async () => {
    let now = Date.parse('2026-11-29T00:00:00.000Z');
    const s = await makeServices(tempDir(), { now: () => new Date(now) });
    s.settings.set({ backupKeep: 2 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ds = new DataService(
      contextOf(s, () => new Date(now)),
      { backupIntervalHours: 6, log: () => undefined },
    );
    ds.startSchedule();
    // No backup yet: the first one ten minutes after start.
    expect(ds.state().nextBackupAt).toBe('2026-11-29T00:10:00.000Z');
    for (let i = 1; i <= 3; i++) {
      now += i === 1 ? 10 * 60_000 : 6 * 3_600_000;
      vi.advanceTimersByTime(i === 1 ? 10 * 60_000 : 6 * 3_600_000);
      // The run is done when its backup exists and the timer is armed again.
      const stampNow = new Date(now).toISOString();
      for (
        const end = Date.now() + 5000;
        Date.now() < end &&
        !(listBackups(ds.backupDir).some((b) => b.createdAt === stampNow) && vi.getTimerCount() === 1);
      )
        await tick();
    }
    const left = listBackups(ds.backupDir);
    expect(left.map((b) => [b.kind, b.createdAt])).toEqual([
      ['scheduled', '2026-11-29T12:10:00.000Z'],
      ['scheduled', '2026-11-29T06:10:00.000Z'],
    ]);
    expect(ds.state().nextBackupAt).toBe('2026-11-29T18:10:00.000Z');
    ds.stopSchedule();
    expect(ds.state().nextBackupAt).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    await s.close();
  });

  it('after a restart the next run is one interval after the newest backup; 0 hours turns the timer off', async () => {
    const now = Date.parse('2026-11-29T08:00:00.000Z');
    const s = await makeServices(tempDir(), { now: () => new Date(now) });
    const ctx = contextOf(s, () => new Date(now - 2 * 3_600_000));
    await new DataService(ctx, { backupIntervalHours: 0 }).backup('manual');
    const ds = new DataService(
      contextOf(s, () => new Date(now)),
      { backupIntervalHours: 24 },
    );
    ds.startSchedule();
    expect(ds.state().nextBackupAt).toBe('2026-11-30T06:00:00.000Z');
    ds.stopSchedule();
    const off = new DataService(ctx, { backupIntervalHours: 0 });
    off.startSchedule();
    expect(off.state().nextBackupAt).toBeNull();
    expect(() => new DataService(ctx, { backupIntervalHours: -1 })).toThrow(/backupIntervalHours/);
    await s.close();
  });
});
