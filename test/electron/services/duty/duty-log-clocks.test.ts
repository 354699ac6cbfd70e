/**
 * The duty log's reporting clocks as an officer answers for them: the duty room's own obligations
 * apart from other units' clocks it only monitors (督促, product owner 2026-11-30 "Whose clock"),
 * outcomes as the statistics define them, and reports made counted under 信息报送.
 */
import { describe, expect, it } from 'vitest';
import { terminationConditions } from '../../../../shared/response/termination';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from './call';

const INCIDENT = {
  ...ENV_INPUT,
  levelOverride: null,
  responseOverride: null,
  discoveredAt: null,
  occurredAt: '2026-11-29T09:30:00+08:00',
  receivedAt: '2026-11-29T09:40:00+08:00',
};

describe('duty log clocks', () => {
  const tempDir = useTempDirs();

  it('counts the room own clocks apart from those it monitors, and lists no clock not yet due', async () => {
    const t = clock('2026-11-29T09:45:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    // 较大 (12 poisoned): the county department's two reports due 10:40, the city's to the province 11:40.
    const inc = await call('incidents:create', INCIDENT);
    const own = inc.clocks.filter((c) => c.owner?.kind === 'room');
    const others = inc.clocks.filter((c) => c.owner?.kind === 'monitored');
    expect(own).toHaveLength(1);
    expect(others).toHaveLength(2);

    // 11:00: the monitored clocks are overdue, the room's own is still running.
    t.set('2026-11-29T11:00:00+08:00');
    let view = await call('duty-log:get', { day: '2026-11-29' });
    let rows = view.log.sections.flatMap((x) => x.rows).filter((r) => r.kind === '时限');
    expect(rows.map((r) => r.text.split('（')[0])).toEqual(['督促生态环境部门', '督促生态环境部门']);
    expect(rows.every((r) => r.text.includes('：已超时未报'))).toBe(true);
    expect(rows.some((r) => r.text.includes(own[0]!.title))).toBe(false);
    expect(rows.some((r) => r.text.includes('截止时仍未完成'))).toBe(false);
    expect(view.log.counts).toMatchObject({
      clocksOnTime: 0,
      clocksLate: 0,
      clocksMissed: 0,
      monitoredOnTime: 0,
      monitoredLate: 0,
      monitoredMissed: 2,
    });
    expect(view.form.notes).toContain(
      '报告时限本值班室：按时0项、迟报0项、漏报0项；督促他方：按时0项、迟报0项、未报2项',
    );

    // 12:10: the room reports to the province late; its own figure is 迟报 1, the others' unchanged.
    t.set('2026-11-29T12:10:00+08:00');
    await call('clocks:complete', {
      incidentId: inc.id,
      clockId: own[0]!.obligationKey ?? own[0]!.clockId,
      completedAt: '2026-11-29T12:00:00+08:00',
      channel: '电话',
      recipientUnit: '省人民政府',
      recipientName: '值班员',
    });
    view = await call('duty-log:get', { day: '2026-11-29' });
    rows = view.log.sections.flatMap((x) => x.rows).filter((r) => r.kind === '时限');
    expect(rows).toHaveLength(3);
    expect(rows[2]!.text).toMatch(/^报告省人民政府：迟报/);
    expect(view.log.counts).toMatchObject({ clocksLate: 1, clocksMissed: 0, monitoredMissed: 2 });
    await s.close();
  });

  it('counts a clock completed in writing as a report made, and a draft or a signature as none', async () => {
    const t = clock('2026-11-29T09:45:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', INCIDENT);
    const province = inc.clocks.find((c) => c.owner?.kind === 'room')!;
    expect(province.channel).toBe('any');
    t.set('2026-11-29T10:30:00+08:00');
    await call('clocks:complete', {
      incidentId: inc.id,
      clockId: province.obligationKey ?? province.clockId,
      completedAt: '2026-11-29T10:20:00+08:00',
      channel: '书面',
      recipientUnit: '省人民政府',
      recipientName: '值班员',
    });
    // An 初报 drafted and signed is listed in 信息报送 but is no report made yet.
    const draft = await call('reports:draft', { incidentId: inc.id, kind: '初报' });
    t.set('2026-11-29T10:40:00+08:00');
    await call('reports:sign', { reportId: draft.id, signedBy: '李堃', signedAt: '2026-11-29T10:35:00+08:00' });
    const { log, form } = await call('duty-log:get', { day: '2026-11-29' });
    const reportRows = log.sections.find((x) => x.key === 'reports')!.rows;
    expect(reportRows.map((r) => r.text)).toEqual([expect.stringContaining('起草'), expect.stringContaining('签发')]);
    expect(log.counts.reports).toBe(1);
    expect(log.counts.calls).toBe(0);
    expect(form.notes).toContain('信息报送1次');
    await s.close();
  });

  it('places a termination condition at the confirmation time the officer entered, as clock completions are', async () => {
    const t = clock('2026-11-29T09:45:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', INCIDENT);
    await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    const [condition] = terminationConditions('environment');
    // Confirmed by the 指挥长 at 14:05, recorded at 16:40.
    t.set('2026-11-29T16:40:00+08:00');
    await call('response:confirm-condition', {
      incidentId: inc.id,
      conditionId: condition!.id,
      by: '指挥长',
      at: '2026-11-29T14:05:00+08:00',
    });
    const { log } = await call('duty-log:get', { day: '2026-11-29' });
    const row = log.sections.flatMap((x) => x.rows).find((r) => r.text.startsWith('确认终止条件'));
    expect(row).toMatchObject({ at: '2026-11-29T06:05:00.000Z', time: '14:05' });
    await s.close();
  });
});
