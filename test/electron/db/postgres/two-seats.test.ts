/**
 * Two seats on one PostgreSQL database (issue 17): two sets of services, as two workstations run
 * them, share one database. A change committed on one reaches the other as data:changed within 1 s
 * (LISTEN/NOTIFY), registrations from both at once are numbered without a gap or a repeat, and a
 * restore on one logs out the other's seats too.
 */
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../../shared/ipc/contract';
import { webHostPrinter } from '../../../../electron/print/printer';
import { createAppServices, type AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT } from '../../../helpers/services';
import { freshDatabaseUrl } from '../../../helpers/postgres';
import { useTempDirs } from '../../../helpers/temp-dir';
import { confirmedBy, fromSeat, SEAT_PASSWORD } from '../../../helpers/seat-calls';
import { dispatch } from '../../../../electron/ipc/dispatch';

const NOW = new Date('2026-11-29T02:00:00.000Z');
const INPUT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };

interface Seat {
  services: AppServices;
  changes: { what: string; at: number }[];
}

async function seat(dataDir: string, databaseUrl: string, opts: { alarms?: boolean; now?: Date } = {}): Promise<Seat> {
  const changes: Seat['changes'] = [];
  const services = await createAppServices({
    dataDir,
    host: 'web',
    printer: webHostPrinter(dataDir),
    alarms: opts.alarms ?? false,
    now: () => opts.now ?? NOW,
    databaseUrl,
    emit: (event: AppEvent, payload: unknown) => {
      // data:changed events carry { what }
      if (event === 'data:changed') changes.push({ what: (payload as { what: string }).what, at: Date.now() });
    },
  });
  return { services, changes };
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return check();
}

describe('two seats on one PostgreSQL database', () => {
  const tempDir = useTempDirs();

  it('a registration on seat A reaches seat B as data:changed within 1 s, and B reads it', async () => {
    const url = await freshDatabaseUrl();
    const a = await seat(tempDir(), url);
    const b = await seat(tempDir(), url);
    try {
      await a.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      await waitFor(() => b.changes.length > 0, 1000);
      b.changes.length = 0;
      const created = await a.services.incidents.create(INPUT);
      const committedAt = Date.now();
      expect(await waitFor(() => b.changes.some((c) => c.what === 'incidents'), 1000)).toBe(true);
      const heard = b.changes.find((c) => c.what === 'incidents');
      expect(heard!.at - committedAt).toBeLessThan(1000);
      const seen = await b.services.incidents.list({ drills: 'include' });
      expect(seen.map((i) => i.serial)).toEqual([created.serial]);
      // A seat does not hear its own announcement twice: its own change was emitted locally once.
      expect(a.changes.filter((c) => c.what === 'incidents')).toHaveLength(1);
    } finally {
      await a.services.close();
      await b.services.close();
    }
  });

  it('both seats alarm for an overdue report; an acknowledgement on seat A quiets seat B, and the alarm is recorded once', async () => {
    const url = await freshDatabaseUrl();
    // Three hours after the report was received: the environmental plan's report windows have passed.
    const late = new Date('2026-11-29T05:00:00.000Z');
    const a = await seat(tempDir(), url, { alarms: true, now: late });
    const b = await seat(tempDir(), url, { alarms: true, now: late });
    try {
      await a.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      await a.services.incidents.create(INPUT);
      const sounding = (s: Seat) => async () => (await s.services.handlers['alarms:state']({})).status.soundOn;
      await expect.poll(sounding(a), { timeout: 10_000 }).toBe(true);
      await expect.poll(sounding(b), { timeout: 10_000 }).toBe(true);

      await a.services.handlers['alarms:ack']({});
      await expect.poll(sounding(a), { timeout: 10_000 }).toBe(false);
      await expect.poll(sounding(b), { timeout: 10_000 }).toBe(false);

      const fired = await a.services.db.read((q) =>
        q.all<{ clockKey: string; n: number | string }>(
          'SELECT clock_key AS "clockKey", COUNT(*) AS n FROM fired_alarms GROUP BY clock_key, kind, seq, due_at',
        ),
      );
      expect(fired.length).toBeGreaterThan(0);
      for (const f of fired) expect(Number(f.n), f.clockKey).toBe(1);
    } finally {
      await a.services.close();
      await b.services.close();
    }
  });

  it('a restore on seat A logs out the officers at seat B too: the restored accounts are the data’s', async () => {
    const url = await freshDatabaseUrl();
    const a = await seat(tempDir(), url);
    const b = await seat(tempDir(), url);
    try {
      const onA = fromSeat(a.services.handlers, 'page-a');
      const onB = fromSeat(b.services.handlers, 'page-b');
      await onA('auth:setup', { name: '系统管理员', phone: '', password: SEAT_PASSWORD });
      await confirmedBy(onA, SEAT_PASSWORD)('accounts:create', {
        name: '赵珺',
        role: '值班员',
        phone: '',
        password: SEAT_PASSWORD,
      });
      await onB('auth:login', { name: '赵珺', password: SEAT_PASSWORD, as: 'officer' });
      const officerAtB = async () => (await onB('auth:status', {})).seat.officer?.name ?? null;
      expect(await officerAtB()).toBe('赵珺');
      await a.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const backup = await dispatch(a.services.handlers, 'data:backup-now', {});
      if (!backup.ok) throw new Error(backup.error.message);
      // The backup was taken while 赵珺 was logged in at B: its session row comes back with it.
      b.changes.length = 0;
      const restored = await dispatch(a.services.handlers, 'data:restore', {
        fileName: (backup.value as { fileName: string }).fileName,
      });
      if (!restored.ok) throw new Error(restored.error.message);
      expect(await waitFor(() => b.changes.some((c) => c.what === 'restore'), 2000)).toBe(true);
      expect(await officerAtB()).toBeNull();
      // She logs in again at B with her password.
      await onB('auth:login', { name: '赵珺', password: SEAT_PASSWORD, as: 'officer' });
      expect(await officerAtB()).toBe('赵珺');
    } finally {
      await a.services.close();
      await b.services.close();
    }
  });

  it('registrations from both seats at once get unique, gapless serials', async () => {
    const url = await freshDatabaseUrl();
    const a = await seat(tempDir(), url);
    const b = await seat(tempDir(), url);
    try {
      await a.services.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
      const made = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          (i % 2 === 0 ? a : b).services.incidents.create({ ...INPUT, drill: i % 6 === 5 }),
        ),
      );
      const serials = made.map((d) => d.serial).sort();
      const drills = serials.filter((s) => s.startsWith('YL'));
      const plain = serials.filter((s) => !s.startsWith('YL'));
      expect(plain).toEqual(Array.from({ length: 20 }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
      expect(drills).toEqual(Array.from({ length: 4 }, (_, i) => `YL2026-${String(i + 1).padStart(4, '0')}`));
    } finally {
      await a.services.close();
      await b.services.close();
    }
  });
});
