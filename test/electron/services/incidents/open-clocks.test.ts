/**
 * Running clocks never hide: clocks:upcoming names every open clock whatever the incident's status,
 * the alarm engine reads the same set, and closing with unsent reports needs an explicit confirmation.
 */
import { describe, expect, it } from 'vitest';
import { terminationConditions } from '../../../../shared/response';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock, Refused } from '../response/call';

const INCIDENT = { ...ENV_INPUT, occurredAt: '2026-11-29T09:00:00+08:00', receivedAt: '2026-11-29T09:20:00+08:00' };

async function setup(dir: string, opts: { alarms?: boolean } = {}) {
  const t = clock('2026-11-29T09:30:00+08:00');
  const s = await makeServices(dir, { now: t.now, alarms: opts.alarms });
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  return { s, t, call };
}

describe('open clocks and closing with unsent reports', () => {
  const tempDir = useTempDirs();

  it('clocks:upcoming returns every open clock of every incident, whatever its status, naming the incident', async () => {
    const { s, call } = await setup(tempDir());
    const a = await call('incidents:create', { ...INCIDENT, title: '甲：仍在接报' });
    const b = await call('incidents:create', { ...INCIDENT, title: '乙：已终止仍有未报' });
    const c = await call('incidents:create', { ...INCIDENT, title: '丙：演练已归档', drill: true });
    const d = await call('incidents:create', { ...INCIDENT, title: '丁：全部报完后归档' });
    await call('incidents:set-status', { id: b.id, status: '已终止', confirmUnsent: true });
    await call('incidents:set-status', { id: c.id, status: '已终止', confirmUnsent: true });
    await call('incidents:set-status', { id: c.id, status: '已归档', confirmUnsent: true });
    for (const k of d.clocks)
      await call('clocks:not-applicable', { incidentId: d.id, clockId: k.clockId, reason: '测试：不适用' });
    await call('incidents:set-status', { id: d.id, status: '已终止' });
    await call('incidents:set-status', { id: d.id, status: '已归档' });

    const open = await call('clocks:upcoming', {});
    const byIncident = new Map<number, typeof open>();
    for (const o of open) byIncident.set(o.incidentId, [...(byIncident.get(o.incidentId) ?? []), o]);
    expect([...byIncident.keys()].sort()).toEqual([a.id, b.id, c.id].sort());
    for (const inc of [a, b, c])
      expect(
        byIncident
          .get(inc.id)!
          .map((o) => o.clockId)
          .sort(),
      ).toEqual(inc.clocks.map((k) => k.clockId).sort());
    const fromB = byIncident.get(b.id)![0]!;
    expect(fromB).toMatchObject({
      incidentSerial: b.serial,
      incidentTitle: '乙：已终止仍有未报',
      incidentStatus: '已终止',
      drill: false,
    });
    expect(byIncident.get(c.id)![0]).toMatchObject({ incidentSerial: c.serial, incidentStatus: '已归档', drill: true });
    expect(open.every((o) => o.record === null)).toBe(true);

    // A clock recorded as sent leaves the list.
    const first = a.clocks[0]!;
    await call('clocks:complete', {
      incidentId: a.id,
      clockId: first.clockId,
      completedAt: '2026-11-29T09:25:00+08:00',
      channel: '电话',
      recipientUnit: '市应急管理局',
      recipientName: '值班员',
    });
    expect((await call('clocks:upcoming', {})).some((o) => o.key === first.key)).toBe(false);
    await s.close();
  });

  it('refuses 已终止 and 已归档 with unsent reports unless confirmed, naming them; nothing changes on refusal', async () => {
    const { s, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    expect(inc.clocks.length).toBeGreaterThan(0);
    const refused = await call('incidents:set-status', { id: inc.id, status: '已终止' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refused);
    // toBeInstanceOf(Refused) above proves the type
    expect((refused as Refused).code).toBe('conflict');
    for (const c of inc.clocks) expect((refused as Refused).message).toContain(`「${c.title}」`);
    expect((refused as Refused).message).toContain(`${inc.clocks.length} 项报告未报送`);
    let after = await call('incidents:get', { id: inc.id });
    expect(after.status).toBe('接报');
    expect(after.timeline).toHaveLength(1);

    // An explicit false is the same as no confirmation.
    await expect(call('incidents:set-status', { id: inc.id, status: '已终止', confirmUnsent: false })).rejects.toThrow(
      /未报送/,
    );
    after = await call('incidents:set-status', { id: inc.id, status: '已终止', confirmUnsent: true });
    expect(after.status).toBe('已终止');
    const entry = after.timeline.at(-1)!;
    expect(entry.text).toContain('经确认，仍有未报送的报告');
    expect(entry.data).toMatchObject({ unsentConfirmed: inc.clocks.map((c) => c.clockId) });

    await expect(call('incidents:set-status', { id: inc.id, status: '已归档' })).rejects.toThrow(/未报送/);
    expect((await call('incidents:get', { id: inc.id })).status).toBe('已终止');
    expect((await call('incidents:set-status', { id: inc.id, status: '已归档', confirmUnsent: true })).status).toBe(
      '已归档',
    );

    // The other transitions never ask.
    const other = await call('incidents:create', INCIDENT);
    expect((await call('incidents:set-status', { id: other.id, status: '核实中' })).status).toBe('核实中');
    await s.close();
  });

  it('ending a response with unsent reports is refused, naming them, until confirmed', async () => {
    const { s, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    for (const c of terminationConditions('environment'))
      await call('response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
    const refused = await call('response:end', { incidentId: inc.id, decidedBy: '指挥长' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refused);
    // toBeInstanceOf(Refused) above proves the type
    expect((refused as Refused).message).toContain('终止应急响应');
    for (const c of inc.clocks) expect((refused as Refused).message).toContain(`「${c.title}」`);
    expect((await call('response:get', { incidentId: inc.id })).state).toBe('active');
    expect((await call('incidents:get', { id: inc.id })).status).toBe('响应中');

    const v = await call('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true });
    expect(v.state).toBe('ended');
    expect((await call('incidents:get', { id: inc.id })).status).toBe('已终止');
    await s.close();
  });

  it('the alarm engine reads the same open clocks: an archived incident with an unsent report still alarms, by name', async () => {
    const { s, t, call } = await setup(tempDir(), { alarms: true });
    const inc = await call('incidents:create', { ...INCIDENT, title: '已归档但未报送' });
    await call('incidents:set-status', { id: inc.id, status: '已终止', confirmUnsent: true });
    await call('incidents:set-status', { id: inc.id, status: '已归档', confirmUnsent: true });
    const latest = Math.max(...inc.clocks.map((c) => Date.parse(c.dueAt)));
    t.set(new Date(latest + 60_000).toISOString());
    await s.alarms.service.reevaluate('data-changed');
    const state = await call('alarms:state', {});
    expect(state.overdue.map((o) => o.key).sort()).toEqual(inc.clocks.map((c) => c.key).sort());
    expect(state.overdue.every((o) => o.incidentTitle === '已归档但未报送')).toBe(true);
    const upcoming = await call('clocks:upcoming', {});
    expect(upcoming.map((o) => o.key).sort()).toEqual(state.overdue.map((o) => o.key).sort());
    await s.close();
  });
});
