import { describe, expect, it } from 'vitest';
import type { IncidentClock, IncidentDetail } from '../../../../shared/domain/incident-view';
import type { StatsView } from '../../../../shared/ipc/channels/data';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { AppServices } from '../../../../electron/services/app-services';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();
const MIN = 60_000;

async function call<T = unknown>(s: AppServices, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, input, () => undefined);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  // an ok answer carries the channel's declared output; the caller names it
  return r.value as T;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Required clocks still open (completing one may open the next, e.g. 续报 after 初报). */
const open = (d: IncidentDetail) => d.clocks.filter((c) => !c.optional && !c.record);

/** Completes every required clock of an incident at dueAt + offset minutes, in the order they open. */
async function completeAll(s: AppServices, id: number, offsetMin: number): Promise<IncidentClock[]> {
  const done: IncidentClock[] = [];
  for (let round = 0; round < 10; round++) {
    const d = await call<IncidentDetail>(s, 'incidents:get', { id });
    const next = open(d);
    if (next.length === 0) break;
    for (const c of next) {
      await call(s, 'clocks:complete', {
        incidentId: id,
        clockId: c.clockId,
        completedAt: iso(Date.parse(c.dueAt) + offsetMin * MIN),
        channel: c.channel === 'written' ? '书面' : '电话',
        recipientUnit: '市政府总值班室',
        recipientName: '刘七',
      });
      done.push(c);
    }
  }
  return done;
}

describe('statistics from incidents made through the real services', () => {
  it('counts per plan, level, place and month; on time / 迟报 / 漏报 per plan and officer; median minutes; drills apart', async () => {
    let now = Date.parse('2026-12-01T00:00:00.000Z');
    const s = await makeServices(tempDir(), { now: () => new Date(now) });
    await call(s, 'duty:set', { leader: '张三', officer: '王五' });
    const a = await call<IncidentDetail>(s, 'incidents:create', { ...ENV_INPUT, levelOverride: '一般' });
    const b = await call<IncidentDetail>(s, 'incidents:create', {
      ...ENV_INPUT,
      title: '应县化工园区废水外溢',
      places: ['应县', '怀仁市'],
      occurredAt: '2026-10-05T01:30:00.000Z',
      receivedAt: '2026-10-05T02:00:00.000Z',
      levelOverride: '较大',
    });
    const drill = await call<IncidentDetail>(s, 'incidents:create', {
      ...ENV_INPUT,
      title: '演练：尾矿库渗漏',
      places: ['平鲁区'],
      drill: true,
      receivedAt: '2026-11-20T02:00:00.000Z',
      occurredAt: '2026-11-20T01:00:00.000Z',
    });
    expect(open(a).length).toBeGreaterThan(0);

    // A: every required clock one minute before its deadline, by 王五 → all on time.
    const doneA = await completeAll(s, a.id, -1);
    // B: every required clock ten minutes late, by 赵六 → all 迟报.
    await call(s, 'duty:set', { leader: '张三', officer: '赵六' });
    const doneB = await completeAll(s, b.id, 10);
    // The drill's clocks are left open: 漏报 once they are past due, but only counted when asked.
    now = Date.parse('2027-06-01T00:00:00.000Z');
    const drillOpen = open(await call<IncidentDetail>(s, 'incidents:get', { id: drill.id }));

    const planName = a.grading.planName ?? '';
    const view = await call<StatsView>(s, 'data:stats', {});
    const st = view.stats;
    expect(st.incidentCount).toBe(2);
    expect(st.drillsExcluded).toBe(1);
    expect(st.byPlan).toEqual([{ key: planName, count: 2 }]);
    expect(st.byLevel).toEqual(
      [
        { key: '一般', count: 1 },
        { key: '较大', count: 1 },
      ].sort((x, y) => x.key.localeCompare(y.key, 'zh-CN')),
    );
    expect(st.byPlace.map((r) => r.key).sort()).toEqual(['山阴县', '应县', '怀仁市'].sort());
    expect(st.byPlace.every((r) => r.count === 1)).toBe(true);
    expect(st.byMonth).toEqual([
      { key: '2026-10', count: 1 },
      { key: '2026-11', count: 1 },
    ]);

    const nA = doneA.length;
    const nB = doneB.length;
    expect(st.clockOutcomes.overall).toMatchObject({ onTime: nA, late: nB, missed: 0, pending: 0 });
    expect(st.clockOutcomes.overall.onTimeRate).toBeCloseTo(nA / (nA + nB));
    expect(st.clockOutcomes.byPlan).toEqual([expect.objectContaining({ key: planName, onTime: nA, late: nB })]);
    expect(st.clockOutcomes.byOfficer.map((o) => o.key).sort()).toEqual(['王五', '赵六'].sort());
    expect(st.clockOutcomes.byOfficer.find((o) => o.key === '王五')).toMatchObject({ onTime: nA, late: 0, missed: 0 });
    expect(st.clockOutcomes.byOfficer.find((o) => o.key === '赵六')).toMatchObject({ onTime: 0, late: nB, missed: 0 });

    // Median minutes from 接报 to the first phone / written completion, computed by hand from the times used above,
    // by how each was made: completeAll writes to the written clocks (书面) and phones the others (电话).
    const first = (done: IncidentClock[], channel: 'phone' | 'written', offset: number, received: string) => {
      const made = (c: IncidentClock) => (c.channel === 'written' ? 'written' : 'phone');
      const times = done.filter((c) => made(c) === channel).map((c) => Date.parse(c.dueAt) + offset * MIN);
      return times.length ? (Math.min(...times) - Date.parse(received)) / MIN : null;
    };
    const mid = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null).sort((p, q) => p - q);
      if (v.length === 0) return null;
      return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
    };
    const phone = [first(doneA, 'phone', -1, a.receivedAt), first(doneB, 'phone', 10, b.receivedAt)];
    const written = [first(doneA, 'written', -1, a.receivedAt), first(doneB, 'written', 10, b.receivedAt)];
    expect(st.medianMinutesToPhone).toBe(mid(phone));
    expect(st.medianMinutesToWritten).toBe(mid(written));
    expect(st.samples.phone).toBe(phone.filter((x) => x !== null).length);

    // With drills: the drill's open clocks are 漏报, charged to the officer on duty at each deadline (赵六).
    const withDrills = (await call<StatsView>(s, 'data:stats', { includeDrills: true })).stats;
    expect(withDrills.incidentCount).toBe(3);
    expect(withDrills.clockOutcomes.overall.missed).toBe(drillOpen.length);
    expect(drillOpen.length).toBeGreaterThan(0);
    expect(withDrills.clockOutcomes.byOfficer.find((o) => o.key === '赵六')?.missed).toBe(
      drillOpen.filter((c) => Date.parse(c.dueAt) >= Date.parse('2026-12-01T00:00:00.000Z')).length,
    );

    expect(withDrills.clockOutcomes.byOfficer.reduce((n, o) => n + o.missed, 0)).toBe(drillOpen.length);

    // A date range selects by 接报 time.
    const nov = (
      await call<StatsView>(s, 'data:stats', { from: '2026-11-01T00:00:00+08:00', to: '2026-11-30T23:59:59+08:00' })
    ).stats;
    expect(nov.incidentCount).toBe(1);
    expect(nov.clockOutcomes.overall).toMatchObject({ onTime: nA, late: 0 });
    await expect(
      call(s, 'data:stats', { from: '2026-12-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' }),
    ).rejects.toThrow(/结束时间不能早于开始时间/);
    await s.close();
  });
});

describe('first written report', () => {
  it('counts a report made in writing against a clock that takes any channel, stored or derived alike', async () => {
    const now = Date.parse('2026-11-29T04:00:00.000Z');
    const s = await makeServices(tempDir(), { now: () => new Date(now) });
    await call(s, 'duty:set', { leader: '张三', officer: '王五' });
    const inc = await call<IncidentDetail>(s, 'incidents:create', ENV_INPUT);
    // 报告省人民政府 (43号 5.1.1): required by any channel, made in writing 40 minutes after 接报.
    const province = inc.clocks.find((c) => c.clockId === 'env.city-gov-to-province')!;
    expect(province.channel).toBe('any');
    await call(s, 'clocks:complete', {
      incidentId: inc.id,
      clockId: province.obligationKey ?? province.clockId,
      completedAt: iso(Date.parse(ENV_INPUT.receivedAt) + 40 * MIN),
      channel: '书面',
      recipientUnit: '省人民政府',
      recipientName: '刘七',
    });
    const expected = { phone: 0, written: 1 };
    // Derived from the rows (the change marked it stale) and then from the stored aggregates.
    const live = (await call<StatsView>(s, 'data:stats', {})).stats;
    expect(live.samples).toEqual(expected);
    expect(live.medianMinutesToWritten).toBe(40);
    expect(live.medianMinutesToPhone).toBeNull();
    await s.derived.settle();
    const stored = (await call<StatsView>(s, 'data:stats', {})).stats;
    expect(stored.samples).toEqual(expected);
    expect(stored.medianMinutesToWritten).toBe(40);
    expect(stored.medianMinutesToPhone).toBeNull();
    await s.close();
  });
});
