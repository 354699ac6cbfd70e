/**
 * Registration as one unit of work with fewer round trips (issue 14 "Honest write ratio"): the
 * signer and the serial are read together, the 接报 entry and the obligations are written together,
 * and the returned detail is built from what was written instead of read back. None of that may
 * change what is stored, what is returned, or what a refusal leaves behind.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { listObligations } from '../../../../electron/db/obligation-repository';
import { together } from '../../../../electron/db/connection';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';

const NOW = new Date('2026-11-29T02:00:00.000Z');
const INPUT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };

describe('registration unit of work', () => {
  const tempDir = useTempDirs();

  it('returns exactly the detail a later read of the committed incident gives, timeline entry included', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const created = await dispatch(s.handlers, 'incidents:create', INPUT);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    // the channel's declared output
    const detail = created.value as IncidentDetail;
    const read = await s.incidents.get(detail.id);
    expect(detail.timeline).toEqual(read.timeline);
    expect(detail.timeline).toEqual([
      expect.objectContaining({
        kind: 'created',
        officer: '赵珺',
        data: { receivedAt: INPUT.receivedAt, leader: '李堃' },
      }),
    ]);
    expect(detail.clocks).toEqual(read.clocks);
    expect(detail.grading).toEqual(read.grading);
    const { timeline: _t, clocks: _c, grading: _g, ...rest } = detail;
    const { timeline: _rt, clocks: _rc, grading: _rg, ...restRead } = read;
    expect(rest).toEqual(restRead);
    await s.close();
  });

  it('stores every obligation the registration owes, in the same unit, with one row per obligation', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const d = await s.incidents.create(INPUT);
    const owed = d.clocks.filter((c) => c.obligationKey && c.owner && c.window);
    expect(owed.length).toBeGreaterThan(1);
    const stored = (await s.db.read((q) => listObligations(q, d.id))).get(d.id) ?? [];
    expect(stored.map((o) => o.key).sort()).toEqual(owed.map((c) => c.obligationKey).sort());
    for (const c of owed) {
      const o = stored.find((x) => x.key === c.obligationKey);
      expect(o).toMatchObject({ clockId: c.clockId, dueAt: c.dueAt, startsAt: c.startsAt, minutes: c.minutes });
      expect(o?.storedAt).toBe(NOW.toISOString());
    }
    await s.close();
  });

  it('a refused registration leaves nothing behind: no incident, no serial used, no obligation', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    // No officers on duty: the signer is refused while the serial's counter was being read beside it.
    const refused = await dispatch(s.handlers, 'incidents:create', INPUT, () => undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.db.read((q) => listObligations(q))).toEqual(new Map());
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const d = await s.incidents.create(INPUT);
    // The refused attempt's number was rolled back with it (gapless serials, migration 0013).
    expect(d.serial).toBe('2026-0001');
    expect((await s.incidents.list({ drills: 'include' })).map((i) => i.serial)).toEqual(['2026-0001']);
    await s.close();
  });

  it('statements sent together all settle before a failure is reported, and the unit rolls back whole', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const before = await s.db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM duty_sessions'));
    let otherSettled = false;
    let settledAtFailure: boolean | null = null;
    await expect(
      s.db.write(async (q) => {
        try {
          await together(
            Promise.reject(new Error('拒绝')),
            q
              .run('INSERT INTO duty_sessions (leader, officer, started_at) VALUES (?, ?, ?)', [
                '甲',
                '乙',
                NOW.toISOString(),
              ])
              .then(() => {
                otherSettled = true;
              }),
          );
        } catch (err) {
          settledAtFailure = otherSettled;
          throw err;
        }
      }),
    ).rejects.toThrow('拒绝');
    // The statement still running when the other failed was waited for before the unit rolled back.
    expect(settledAtFailure).toBe(true);
    const after = await s.db.read((q) => q.get<{ n: number }>('SELECT COUNT(*) AS n FROM duty_sessions'));
    expect(after).toEqual(before);
    await s.close();
  });

  it("numbers an incident in the Beijing calendar year of 接报, each year's counter going on by itself", async () => {
    // 08:00 on 1 January 2027 in Beijing: the night's reports are already numbered in 2027.
    const s = await makeServices(tempDir(), { now: () => new Date('2027-01-01T00:00:00.000Z') });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const at = (receivedAt: string, drill = false) =>
      s.incidents.create({ ...INPUT, occurredAt: '2026-12-31T09:00:00.000Z', receivedAt, drill });
    // 23:59 on 31 December in Beijing.
    expect((await at('2026-12-31T15:59:00.000Z')).serial).toBe('2026-0001');
    // 00:30 on 1 January in Beijing, still 31 December in UTC.
    expect((await at('2026-12-31T16:30:00.000Z')).serial).toBe('2027-0001');
    expect((await at('2026-12-31T16:45:00.000Z')).serial).toBe('2027-0002');
    // A late registration of an earlier report goes on with the old year's count.
    expect((await at('2026-12-31T10:00:00.000Z')).serial).toBe('2026-0002');
    // The same instant written with its Beijing offset, and a drill with its own counter.
    expect((await at('2027-01-01T00:50:00+08:00')).serial).toBe('2027-0003');
    expect((await at('2026-12-31T16:30:00.000Z', true)).serial).toBe('YL2027-0001');
    expect((await at('2026-12-31T15:00:00.000Z', true)).serial).toBe('YL2026-0001');
    const counters = await s.db.read((q) =>
      q.all<{ prefix: string; n: number }>('SELECT prefix, last_number AS n FROM serial_counters ORDER BY prefix'),
    );
    expect(counters).toEqual([
      { prefix: '2026-', n: 2 },
      { prefix: '2027-', n: 3 },
      { prefix: 'YL2026-', n: 1 },
      { prefix: 'YL2027-', n: 1 },
    ]);
    await s.close();
  });
});
