/**
 * Alarm re-evaluation proportional to the change (issue 14): after a change only the incidents that
 * changed are read again, and the open clocks then equal a whole read.
 */
import { describe, expect, it } from 'vitest';
import { OpenClockCache } from '../../../electron/services/alarm-wiring';
import { IncidentService } from '../../../electron/services/incidents/incident-service';
import { ENV_INPUT, makeServices } from '../../helpers/services';
import { useTempDirs } from '../../helpers/temp-dir';
import { caller, clock } from './response/call';

const INCIDENT = { ...ENV_INPUT, occurredAt: '2026-11-29T09:00:00+08:00', receivedAt: '2026-11-29T09:20:00+08:00' };

describe('alarm re-evaluation', () => {
  const tempDir = useTempDirs();

  it('re-reads only the incidents that changed (stale marks and the refresher’s report), and equals a whole read', async () => {
    const t = clock('2026-11-29T09:30:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now, alarms: false });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const made = [];
    for (const title of ['甲', '乙', '丙', '丁']) made.push(await call('incidents:create', { ...INCIDENT, title }));
    await s.derived.settle();

    // The real incident service on the same database, with the incidents each read asked for written down.
    const incidents = new IncidentService(t.now, () => s.settings.get().pendingLevelMinutes);
    const asked: (readonly number[] | 'all')[] = [];
    const cache = new OpenClockCache({
      derivationBasis: () => incidents.derivationBasis(),
      openClocks: (q, ids) => {
        asked.push(ids ? [...ids].sort() : 'all');
        return incidents.openClocks(q, ids);
      },
    });
    const whole = () => s.db.read((q) => incidents.openClocks(q));
    const keys = (list: { key: string }[]) => list.map((c) => c.key).sort();

    expect(keys(await s.db.read((q) => cache.load(q)))).toEqual(keys(await whole()));
    expect(asked).toEqual(['all']);

    // Nothing changed: nothing is read.
    await s.db.read((q) => cache.load(q));
    expect(asked).toEqual(['all']);

    // One clock completed on 乙: only 乙 is read again (marked stale in the change's transaction).
    const b = made[1]!;
    const first = b.clocks[0]!;
    await call('clocks:complete', {
      incidentId: b.id,
      clockId: first.clockId,
      completedAt: '2026-11-29T09:25:00+08:00',
      channel: '电话',
      recipientUnit: '市政府总值班室',
      recipientName: '刘七',
    });
    const afterChange = await s.db.read((q) => cache.load(q));
    expect(asked.at(-1)).toEqual([b.id]);
    expect(keys(afterChange)).toEqual(keys(await whole()));
    expect(afterChange.some((c) => c.key === first.key)).toBe(false);

    // Stored again by the refresher (the mark is gone): its report names 乙, read once more, then nothing.
    s.derived.onStored = (ids) => cache.changed(ids);
    await s.derived.settle();
    await s.db.read((q) => cache.load(q));
    expect(asked.at(-1)).toEqual([b.id]);
    const n = asked.length;
    await s.db.read((q) => cache.load(q));
    expect(asked.length).toBe(n);

    // An incident archived with everything reported leaves the set; a whole read agrees.
    const d = made[3]!;
    for (const k of d.clocks)
      await call('clocks:not-applicable', { incidentId: d.id, clockId: k.clockId, reason: '测试：不适用' });
    const later = await s.db.read((q) => cache.load(q));
    expect(later.some((c) => c.incidentId === d.id)).toBe(false);
    expect(keys(later)).toEqual(keys(await whole()));

    // Told to (another seat's change, a restore): everything is read again.
    cache.reloadAll();
    await s.db.read((q) => cache.load(q));
    expect(asked.at(-1)).toBe('all');

    // A database shared by several seats: another seat's refresher may clear a mark first, so every read is whole.
    const shared = new OpenClockCache(
      {
        derivationBasis: () => incidents.derivationBasis(),
        openClocks: (q, ids) => {
          asked.push(ids ? [...ids].sort() : 'all');
          return incidents.openClocks(q, ids);
        },
      },
      false,
    );
    await s.db.read((q) => shared.load(q));
    await s.db.read((q) => shared.load(q));
    expect(asked.slice(-2)).toEqual(['all', 'all']);
    await s.close();
  });
});
