/**
 * Issue 12 duties the service wires: post-response tasks with a leader's deadline are obligations
 * that alarm like any clock, and the 待初步判定 reminder takes the duty room's setting.
 */
import { describe, expect, it } from 'vitest';
import { terminationConditions } from '../../../../shared/response';
import { listObligations } from '../../../../electron/db/obligation-repository';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from '../response/call';

const INCIDENT = { ...ENV_INPUT, occurredAt: '2026-11-29T09:00:00+08:00', receivedAt: '2026-11-29T09:20:00+08:00' };

async function setup(dir: string, opts: { alarms?: boolean } = {}) {
  const t = clock('2026-11-29T10:00:00+08:00');
  const s = await makeServices(dir, { now: t.now, alarms: opts.alarms });
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  return { s, t, call };
}

describe('post-response tasks with a deadline alarm like any clock (issue 12)', () => {
  const tempDir = useTempDirs();

  it('a deadline set by a leader makes the task a clock: on the incident, in clocks:upcoming, overdue in the alarm state, closed once done', async () => {
    const { s, t, call } = await setup(tempDir(), { alarms: true });
    const inc = await call('incidents:create', INCIDENT);
    // Every reporting clock closed first, so only the task can alarm.
    for (const k of inc.clocks)
      await call('clocks:not-applicable', { incidentId: inc.id, clockId: k.clockId, reason: '测试：已另行报送' });
    await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    for (const c of terminationConditions('environment'))
      await call('response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
    t.set('2026-12-01T08:00:00+08:00');
    await call('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true });

    // No deadline yet: no clock (the plans set none, see shared/response/post-response.ts).
    let d = await call('incidents:get', { id: inc.id });
    expect(d.clocks.some((c) => c.clockId.startsWith('task.'))).toBe(false);

    await call('response:task-deadline', {
      incidentId: inc.id,
      taskId: 'env.6.1',
      dueAt: '2026-12-15T18:00:00+08:00',
      givenBy: '王市长',
    });
    d = await call('incidents:get', { id: inc.id });
    const task = d.clocks.find((c) => c.clockId === 'task.env.6.1');
    expect(task).toMatchObject({
      startsAt: '2026-12-01T00:00:00.000Z',
      dueAt: '2026-12-15T10:00:00.000Z',
      from: '市指挥部',
      clause: '6.1',
      record: null,
      closure: null,
      owner: { kind: 'monitored', unit: '市指挥部' },
    });
    expect(task!.citation).toContain('《朔州市突发环境事件应急预案》');
    expect(task!.citation).toContain('王市长');
    expect(task!.title).toBe('善后任务：损害评估');
    const upcoming = await call('clocks:upcoming', {});
    expect(upcoming.filter((o) => o.incidentId === inc.id).map((o) => o.clockId)).toEqual(['task.env.6.1']);

    t.set('2026-12-16T09:00:00+08:00');
    await s.alarms.service.reevaluate('data-changed');
    let state = await call('alarms:state', {});
    expect(state.overdue.map((o) => o.key)).toEqual([task!.key]);

    await call('response:task-done', { incidentId: inc.id, taskId: 'env.6.1', note: '评估报告已公布' });
    d = await call('incidents:get', { id: inc.id });
    const done = d.clocks.find((c) => c.clockId === 'task.env.6.1')!;
    expect(done.closure).toMatchObject({ kind: 'met', at: '2026-12-16T01:00:00.000Z' });
    expect(done.closure!.lateMs).toBe(15 * 60 * 60_000);
    expect(done.record?.completedAt).toBe('2026-12-16T01:00:00.000Z');
    await s.alarms.service.reevaluate('data-changed');
    state = await call('alarms:state', {});
    expect(state.overdue).toEqual([]);
    expect((await call('clocks:upcoming', {})).some((o) => o.incidentId === inc.id)).toBe(false);

    // Stored once it arose, shown once (not again as a stored obligation the rules no longer give).
    await call('incidents:update', { id: inc.id, patch: { narrative: '善后评估已公布' } });
    const stored = (await s.db.read((q) => listObligations(q, inc.id))).get(inc.id) ?? [];
    expect(stored.find((o) => o.clockId === 'task.env.6.1')).toMatchObject({
      key: 'task.env.6.1@善后#0',
      dueAt: '2026-12-15T10:00:00.000Z',
      closure: { kind: 'met' },
    });
    d = await call('incidents:get', { id: inc.id });
    expect(d.clocks.filter((c) => c.clockId === 'task.env.6.1')).toHaveLength(1);
    await s.close();
  });
});

describe('待初步判定 after the duty-room setting (issue 12 "Unknown level")', () => {
  const tempDir = useTempDirs();

  it('defaults to 30 minutes, follows a new setting, and refuses a bad one in Chinese without changing it', async () => {
    const { s, call } = await setup(tempDir());
    // No fact grades a level: the level is not yet known.
    const inc = await call('incidents:create', { ...INCIDENT, facts: {} });
    expect(inc.grading.level).toBeNull();
    const pending = () =>
      call('incidents:get', { id: inc.id }).then((d) => d.clocks.find((c) => c.clockId === 'room.pending-level'));
    let p = await pending();
    expect(p).toMatchObject({ startsAt: '2026-11-29T01:20:00.000Z', dueAt: '2026-11-29T01:50:00.000Z', minutes: 30 });
    expect(p!.citation).toContain('本值班室规定（非预案条款）');
    expect(p!.source).toBe('room');

    await call('settings:set', { pendingLevelMinutes: 45 });
    p = await pending();
    expect(p).toMatchObject({ dueAt: '2026-11-29T02:05:00.000Z', minutes: 45, window: '45分钟内（本值班室规定）' });
    expect((await call('clocks:upcoming', {})).find((o) => o.clockId === 'room.pending-level')?.dueAt).toBe(
      '2026-11-29T02:05:00.000Z',
    );

    for (const bad of [0, 4, 241, 12.5]) {
      await expect(call('settings:set', { pendingLevelMinutes: bad })).rejects.toThrow(/待初步判定提醒时长/);
    }
    expect((await call('settings:get', {})).pendingLevelMinutes).toBe(45);
    expect((await pending())!.minutes).toBe(45);
    await s.close();
  });
});

describe('an incident ended without a level stops asking to be graded', () => {
  const tempDir = useTempDirs();

  it('ending it closes the 待初步判定 reminder as 不适用 at the end: no alarm, not upcoming, stored closed', async () => {
    const { s, t, call } = await setup(tempDir(), { alarms: true });
    const inc = await call('incidents:create', { ...INCIDENT, facts: {} });
    expect(inc.grading.level).toBeNull();
    // Past its 30 minutes: the reminder alarms.
    await s.alarms.service.reevaluate('data-changed');
    const key = inc.clocks.find((c) => c.clockId === 'room.pending-level')!.key;
    expect((await call('alarms:state', {})).overdue.map((o) => o.key)).toContain(key);

    t.set('2026-11-29T10:30:00+08:00');
    await call('incidents:set-status', { id: inc.id, status: '已终止', note: '核实为误报', confirmUnsent: true });
    const d = await call('incidents:get', { id: inc.id });
    expect(d.clocks.find((c) => c.clockId === 'room.pending-level')!.closure).toMatchObject({
      kind: 'not_applicable',
      at: '2026-11-29T02:30:00.000Z',
      reason: '事件已终止，未初步判定级别',
    });
    await s.alarms.service.reevaluate('data-changed');
    expect((await call('alarms:state', {})).overdue.map((o) => o.key)).not.toContain(key);
    expect((await call('clocks:upcoming', {})).some((o) => o.clockId === 'room.pending-level')).toBe(false);
    const stored = (await s.db.read((q) => listObligations(q, inc.id))).get(inc.id) ?? [];
    expect(stored.find((o) => o.clockId === 'room.pending-level')?.closure).toMatchObject({ kind: 'not_applicable' });
    // Nothing else of the incident changed.
    expect(d).toMatchObject({
      title: inc.title,
      narrative: inc.narrative,
      reporterPhone: inc.reporterPhone,
      status: '已终止',
    });
    await s.close();
  });
});

describe('the leader’s 续报 cadence is met by a 续报 sent through the report chain (42号 4.1.2 随时)', () => {
  const tempDir = useTempDirs();

  it('a dispatched 续报 closes the running cycle and starts the next from its 报送时间, without ticking the clock', async () => {
    const { s, t, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    await call('incidents:set-reporting', { id: inc.id, followUpMinutes: 60 });
    const cycles = async () =>
      (await call('incidents:get', { id: inc.id })).clocks
        .filter((c) => c.clockId === 'room.follow-up')
        .map((c) => [c.startsAt, c.dueAt, c.closure?.kind ?? null, c.closure?.lateMs ?? null]);
    expect(await cycles()).toEqual([['2026-11-29T02:00:00.000Z', '2026-11-29T03:00:00.000Z', null, null]]);

    const send = async (kind: '初报' | '续报', at: string) => {
      const r = await call('reports:draft', { incidentId: inc.id, kind });
      await call('reports:sign', { reportId: r.id, signedBy: '李堃', signedAt: at });
      await call('reports:dispatch', {
        reportId: r.id,
        sentAt: at,
        sentTo: '山阴县人民政府',
        channel: '书面',
        confirmedBy: '孙赟',
        clockIds: [],
      });
    };
    // Each report drafted, signed and sent at the same minute (a report is not signed before it is saved).
    t.set('2026-11-29T10:20:00+08:00');
    await send('初报', '2026-11-29T10:20:00+08:00');
    // An 初报 is not a 续报: the cycle runs on.
    expect(await cycles()).toEqual([['2026-11-29T02:00:00.000Z', '2026-11-29T03:00:00.000Z', null, null]]);
    t.set('2026-11-29T11:10:00+08:00');
    await send('续报', '2026-11-29T11:10:00+08:00');
    expect(await cycles()).toEqual([
      ['2026-11-29T02:00:00.000Z', '2026-11-29T03:00:00.000Z', 'met', 10 * 60_000],
      ['2026-11-29T03:10:00.000Z', '2026-11-29T04:10:00.000Z', null, null],
    ]);
    await s.close();
  });
});
