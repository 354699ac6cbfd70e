import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { actionChecklist, terminationConditions } from '../../../../shared/response';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { dutySeats, fromSeat, SEAT_PASSWORD } from '../../../helpers/seat-calls';
import type { ResponseView } from '../../../../shared/ipc/channels/response';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock, Refused } from './call';

const INCIDENT = { ...ENV_INPUT, occurredAt: '2026-11-29T09:00:00+08:00', receivedAt: '2026-11-29T09:20:00+08:00' };

async function setup(dir: string, start = '2026-11-29T10:00:00+08:00') {
  const t = clock(start);
  const s = await makeServices(dir, { now: t.now });
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  return { s, t, call };
}

describe('response actions on an incident', () => {
  const tempDir = useTempDirs();

  it('starting a level stores its checklist item by item, sets 响应中 and logs who decided', async () => {
    const { s, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    const view = await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    const expected = actionChecklist('environment', '三级').map((i) => i.id);
    expect(view.items.map((i) => i.id)).toEqual(expected);
    const rows = await s.db.read((q) =>
      q.all<{ item_id: string; state: string }>('SELECT item_id, state FROM response_items WHERE incident_id = ?', [
        inc.id,
      ]),
    );
    expect(rows.map((r) => r.item_id).sort()).toEqual([...expected].sort());
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['open']));
    expect(view.items[0]!.unit).toBeTruthy();
    expect(view.items[0]!.clause).toBeTruthy();

    const detail = await call('incidents:get', { id: inc.id });
    expect(detail.status).toBe('响应中');
    expect(detail.grading.response).toBe('三级');
    const entry = detail.timeline.find((e) => e.kind === 'action')!;
    expect(entry.text).toContain('启动三级应急响应（决定：指挥长）');
    expect(entry.officer).toBe('赵珺');

    await expect(call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' })).rejects.toThrow(
      /已启动应急响应/,
    );
    await s.close();
  });

  it.each([
    ['comms', '一级', '市指挥部'],
    ['radiation', '三级', '指挥长'],
  ] as const)(
    "plan %s at %s: the stored checklist is the plan's list for the level",
    async (category, level, decidedBy) => {
      const { s, call } = await setup(tempDir());
      const inc = await call('incidents:create', { ...INCIDENT, category, facts: {} });
      await call('response:start', { incidentId: inc.id, level, decidedBy });
      const rows = await s.db.read((q) =>
        q.all<{ item_id: string; added_level: string }>(
          'SELECT item_id, added_level FROM response_items WHERE incident_id = ? ORDER BY rowid',
          [inc.id],
        ),
      );
      expect(rows.map((r) => r.item_id)).toEqual(actionChecklist(category, level).map((i) => i.id));
      expect(new Set(rows.map((r) => r.added_level))).toEqual(new Set([level]));
      const detail = await call('incidents:get', { id: inc.id });
      expect(detail.grading.response).toBe(level);
      expect(detail.timeline.filter((e) => e.kind === 'status').at(-1)!.text).toContain('响应中');
      await s.close();
    },
  );

  it('refuses a level the plan does not have, a category without a plan, and writes without an officer on duty', async () => {
    const dir = tempDir();
    const { s, call } = await setup(dir);
    const comms = await call('incidents:create', { ...INCIDENT, category: 'comms', facts: {} });
    await expect(
      call('response:start', { incidentId: comms.id, level: '三级', decidedBy: '市指挥部' }),
    ).rejects.toThrow(/只设二级、一级响应/);
    const fire = await call('incidents:create', { ...INCIDENT, category: 'fire', facts: {} });
    await expect(call('response:start', { incidentId: fire.id, level: '三级', decidedBy: '指挥长' })).rejects.toThrow(
      /没有收录响应预案/,
    );
    await s.db.write((q) => q.run('DELETE FROM duty_sessions'));
    const env = await s.incidents.get(comms.id);
    await expect(call('response:start', { incidentId: env.id, level: '二级', decidedBy: '市指挥部' })).rejects.toThrow(
      /请先登记当前值班人员/,
    );
    await s.close();
  });

  it('a level change keeps ticked and not-applicable items, adds what the new level needs and records who decided', async () => {
    const { s, t, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    let v = await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    const only3 = v.items.find((i) => !i.levels.includes('二级'))!;
    const both = v.items.find((i) => i.levels.includes('二级') && i.id !== only3.id)!;
    const untouched = v.items.filter((i) => !i.levels.includes('二级') && i.id !== only3.id);
    t.set('2026-11-29T10:30:00+08:00');
    await call('response:tick', {
      incidentId: inc.id,
      itemId: only3.id,
      at: '2026-11-29T10:20:00+08:00',
      note: '已赶赴现场',
    });
    await call('response:not-applicable', { incidentId: inc.id, itemId: both.id, reason: '无跨界影响' });
    await expect(call('response:tick', { incidentId: inc.id, itemId: only3.id })).rejects.toThrow(/已于/);
    await expect(call('response:not-applicable', { incidentId: inc.id, itemId: only3.id, reason: '' })).rejects.toThrow(
      /请填写不适用理由/,
    );

    t.set('2026-11-29T11:00:00+08:00');
    v = await call('response:change-level', {
      incidentId: inc.id,
      level: '二级',
      decidedBy: '市应急救援总指挥部总指挥',
    });
    // The level the facts grade is still theirs: a start or an adjustment is not a fact-based grading.
    expect(v.gradedResponse).toBe(inc.grading.gradedResponse);
    expect(v.gradedResponse).not.toBe('二级');
    const byId = new Map(v.items.map((i) => [i.id, i]));
    expect(byId.get(only3.id)).toMatchObject({
      state: 'done',
      at: '2026-11-29T02:20:00.000Z',
      by: '赵珺',
      note: '已赶赴现场',
    });
    expect(byId.get(both.id)).toMatchObject({ state: 'notApplicable', reason: '无跨界影响' });
    for (const u of untouched) expect(byId.get(u.id)!.state).toBe('notRequired');
    for (const id of actionChecklist('environment', '二级').map((i) => i.id)) {
      expect(['open', 'done', 'notApplicable']).toContain(byId.get(id)!.state);
    }
    expect(v.level).toBe('二级');
    expect(v.levels.map((l) => [l.from, l.to, l.decidedBy])).toEqual([
      [null, '三级', '指挥长'],
      ['三级', '二级', '市应急救援总指挥部总指挥'],
    ]);
    const detail = await call('incidents:get', { id: inc.id });
    expect(detail.grading.response).toBe('二级');
    expect(
      detail.timeline.some(
        (e) =>
          e.kind === 'action' && e.text.includes('提高应急响应级别：三级 → 二级（决定：市应急救援总指挥部总指挥）'),
      ),
    ).toBe(true);

    // Back down: the items set aside come back, the done one stays done.
    v = await call('response:change-level', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    expect(v.items.find((i) => i.id === untouched[0]!.id)!.state).toBe('open');
    expect(v.items.find((i) => i.id === only3.id)!.state).toBe('done');
    await s.close();
  });

  it('refuses to end the response while a condition is unconfirmed and names it; ends once all are confirmed', async () => {
    const { s, t, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    const [c1, c2, c3] = terminationConditions('environment');
    t.set('2026-11-30T10:00:00+08:00');
    await call('response:confirm-condition', { incidentId: inc.id, conditionId: c1!.id, by: '技术组' });
    const refused = await call('response:end', { incidentId: inc.id, decidedBy: '指挥长' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refused);
    // toBeInstanceOf(Refused) above proves the type
    expect((refused as Refused).code).toBe('conflict');
    expect((refused as Refused).message).toContain(c2!.text);
    expect((refused as Refused).message).toContain(c3!.text);
    expect((refused as Refused).message).not.toContain(c1!.text);
    expect((await call('incidents:get', { id: inc.id })).status).toBe('响应中');
    // Nor can the plain status change end it behind the conditions' back.
    await expect(call('incidents:set-status', { id: inc.id, status: '已终止' })).rejects.toThrow(/应急响应尚未终止/);
    expect((await call('incidents:get', { id: inc.id })).status).toBe('响应中');
    await expect(
      call('response:confirm-condition', { incidentId: inc.id, conditionId: 'env.9.9', by: '技术组' }),
    ).rejects.toThrow(/没有终止条件/);
    await expect(
      call('response:confirm-condition', { incidentId: inc.id, conditionId: c1!.id, by: '技术组' }),
    ).rejects.toThrow(/已确认/);
    await expect(
      call('response:confirm-condition', { incidentId: inc.id, conditionId: c2!.id, by: '' }),
    ).rejects.toThrow(/请填写确认人/);

    await call('response:confirm-condition', {
      incidentId: inc.id,
      conditionId: c2!.id,
      by: '技术组',
      at: '2026-11-30T09:50:00+08:00',
    });
    await call('response:confirm-condition', { incidentId: inc.id, conditionId: c3!.id, by: '指挥长' });
    t.set('2026-11-30T10:30:00+08:00');
    const v = await call('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true });
    expect(v.state).toBe('ended');
    expect(v.endedAt).toBe('2026-11-30T02:30:00.000Z');
    expect(v.conditions.map((c) => c.confirmed?.by)).toEqual(['技术组', '技术组', '指挥长']);
    const detail = await call('incidents:get', { id: inc.id });
    expect(detail.status).toBe('已终止');
    await expect(call('response:end', { incidentId: inc.id, decidedBy: '指挥长' })).rejects.toThrow(/已终止/);
    await s.close();
  });

  it('post-response tasks are anchored at the end time; a leader-set deadline gives reminders', async () => {
    const { s, t, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    await expect(call('response:task-done', { incidentId: inc.id, taskId: 'env.6.3' })).rejects.toThrow(/尚未终止/);
    for (const c of terminationConditions('environment'))
      await call('response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
    t.set('2026-12-01T08:00:00+08:00');
    let v = await call('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true });
    // 较大 (12 poisoned): 6.1 assessment and 6.3 aftermath; 6.2 is for 一般 events.
    expect(v.tasks.map((x) => x.id)).toEqual(['env.6.1', 'env.6.3']);
    for (const task of v.tasks) {
      expect(task.startsAt).toBe('2026-12-01T00:00:00.000Z');
      expect(task.dueAt).toBeNull();
      expect(task.reminder).toBe('noDeadline');
    }
    await expect(
      call('response:task-deadline', {
        incidentId: inc.id,
        taskId: 'env.6.1',
        dueAt: '2026-11-30T08:00:00+08:00',
        givenBy: '王市长',
      }),
    ).rejects.toThrow(/早于响应终止时间/);
    v = await call('response:task-deadline', {
      incidentId: inc.id,
      taskId: 'env.6.1',
      dueAt: '2026-12-15T18:00:00+08:00',
      givenBy: '王市长',
    });
    expect(v.tasks[0]).toMatchObject({
      id: 'env.6.1',
      dueAt: '2026-12-15T10:00:00.000Z',
      reminder: 'open',
      givenBy: '王市长',
    });
    t.set('2026-12-15T09:00:00+08:00');
    expect((await call('response:get', { incidentId: inc.id })).tasks[0]!.reminder).toBe('dueSoon');
    t.set('2026-12-16T09:00:00+08:00');
    expect((await call('response:get', { incidentId: inc.id })).tasks[0]!.reminder).toBe('overdue');
    v = await call('response:task-done', { incidentId: inc.id, taskId: 'env.6.1', note: '评估报告已公布' });
    expect(v.tasks[0]).toMatchObject({ reminder: 'done', doneBy: '赵珺', doneNote: '评估报告已公布' });
    await s.close();
  });

  it('radiation: the one-month summary report (B 5.3(2)) is a clock anchored at the response end, shown with the tasks', async () => {
    const { s, t, call } = await setup(tempDir());
    const inc = await call('incidents:create', { ...INCIDENT, category: 'radiation', title: '放射源丢失', facts: {} });
    let v = await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    expect(v.clocks).toEqual([]);
    expect(v.clocksElsewhere.map((c) => c.clause)).toEqual(['5.1(1)', '5.3(2)']);
    for (const c of terminationConditions('radiation'))
      await call('response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
    t.set('2026-12-02T16:00:00+08:00');
    v = await call('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true });
    const summary = v.clocks.find((c) => c.clause === '5.3(2)');
    expect(summary).toBeDefined();
    expect(summary!.startsAt).toBe(v.endedAt);
    expect(summary!.dueAt.startsWith('2027-01-02')).toBe(true);
    expect(v.tasks.map((x) => x.id)).toEqual(['rad.5.1.2', 'rad.5.2', 'rad.5.3.1', 'rad.5.3.3']);
    await s.close();
  });
});

describe('who did what on a response (issue 18, migration 0020)', () => {
  const tempDir = useTempDirs();

  it("checklist items and post-response tasks carry the account of the seat's officer; a page cannot supply another", async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const { seat, asLeader, raw, other, ids } = await dutySeats(s);
    const inc = await seat('incidents:create', INCIDENT);
    const started = await asLeader('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    const only3 = started.items.find((i) => !i.levels.includes('二级'))!;
    const [first, second] = started.items.filter((i) => i.id !== only3.id);
    // The page names another officer, and her account, in every way it can: they are not taken.
    await raw('response:tick', {
      incidentId: inc.id,
      itemId: only3.id,
      note: '已赶赴现场',
      by: '王芳',
      officer: '王芳',
      officerId: ids.王芳,
    });
    await raw('response:not-applicable', {
      incidentId: inc.id,
      itemId: first!.id,
      reason: '无跨界影响',
      officer: '王芳',
      officerId: ids.王芳,
    });
    // Another seat, another officer logged in: her own account.
    await other('response:tick', { incidentId: inc.id, itemId: second!.id, note: '' });
    // A level change moves items it does not tick: who ticked them stays as it was.
    await asLeader('response:change-level', { incidentId: inc.id, level: '二级', decidedBy: '总指挥' });
    await asLeader('response:change-level', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });

    for (const c of terminationConditions('environment'))
      await asLeader('response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
    t.set('2026-12-01T08:00:00+08:00');
    await asLeader('response:end', { incidentId: inc.id, decidedBy: '指挥长', confirmUnsent: true });
    // 批示领导 is who gave the deadline, as told: even an account's name gets no account from it.
    await raw('response:task-deadline', {
      incidentId: inc.id,
      taskId: 'env.6.1',
      dueAt: '2026-12-15T18:00:00+08:00',
      givenBy: '王芳',
      deadlineOfficer: '王芳',
      deadlineOfficerId: ids.王芳,
    });
    await raw('response:task-done', {
      incidentId: inc.id,
      taskId: 'env.6.1',
      note: '评估报告已公布',
      doneBy: '王芳',
      doneById: ids.王芳,
    });
    await other('response:task-done', { incidentId: inc.id, taskId: 'env.6.3', note: '' });

    const rows = await s.db.read(async (q) => ({
      items: await q.all<{ item_id: string; state: string; by_whom: string; officer: string; officer_id: number }>(
        "SELECT item_id, state, by_whom, officer, officer_id FROM response_items WHERE incident_id = ? AND state IN ('done', 'notApplicable')",
        [inc.id],
      ),
      tasks: await q.all(
        `SELECT task_id, given_by, deadline_officer, deadline_officer_id, done_by, done_by_id FROM response_tasks
         WHERE incident_id = ? ORDER BY task_id`,
        [inc.id],
      ),
      timeline: await q.all<{ officer: string; officer_id: number | null }>(
        "SELECT officer, officer_id FROM timeline_entries WHERE incident_id = ? AND kind = 'action'",
        [inc.id],
      ),
    }));
    const item = (id: string) => rows.items.find((r) => r.item_id === id);
    expect(item(only3.id)).toEqual({
      item_id: only3.id,
      state: 'done',
      by_whom: '赵珺',
      officer: '赵珺',
      officer_id: ids.赵珺,
    });
    expect(item(first!.id)).toEqual({
      item_id: first!.id,
      state: 'notApplicable',
      by_whom: '赵珺',
      officer: '赵珺',
      officer_id: ids.赵珺,
    });
    expect(item(second!.id)).toEqual({
      item_id: second!.id,
      state: 'done',
      by_whom: '王芳',
      officer: '王芳',
      officer_id: ids.王芳,
    });
    expect(rows.tasks).toEqual([
      {
        task_id: 'env.6.1',
        given_by: '王芳',
        deadline_officer: '赵珺',
        deadline_officer_id: ids.赵珺,
        done_by: '赵珺',
        done_by_id: ids.赵珺,
      },
      {
        task_id: 'env.6.3',
        given_by: null,
        deadline_officer: null,
        deadline_officer_id: null,
        done_by: '王芳',
        done_by_id: ids.王芳,
      },
    ]);
    // Each act's timeline entry, which the chain seals, carries the same account; the chain verifies.
    expect(rows.timeline.length).toBeGreaterThanOrEqual(10);
    for (const e of rows.timeline) expect(e.officer_id).toBe(e.officer === '王芳' ? ids.王芳 : ids.赵珺);
    expect((await seat('integrity:verify', {})).state).toBe('ok');
    await s.close();
  });
});

describe('the leader whose password granted a response act, on its own record (issue 18, migration 0022)', () => {
  const tempDir = useTempDirs();

  it('start, level change, conditions and end carry the granting account; no password, no act; a page cannot name the leader', async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const { seat, asLeader, raw, other, ids } = await dutySeats(s);
    const admin = fromSeat(s.handlers, 'seat-admin');
    const inc = await seat('incidents:create', INCIDENT);
    const rows = () =>
      s.db.read(async (q) => ({
        response: await q.get(
          'SELECT level, started_by, officer_id, started_leader_id, ended_by, ended_leader_id FROM responses WHERE incident_id = ?',
          [inc.id],
        ),
        levels: await q.all(
          'SELECT to_level, decided_by, leader_id FROM response_levels WHERE incident_id = ? ORDER BY id',
          [inc.id],
        ),
        conditions: await q.all<{ condition_id: string; leader_id: number | null }>(
          'SELECT condition_id, leader_id FROM response_conditions WHERE incident_id = ? ORDER BY condition_id',
          [inc.id],
        ),
        status: (await q.get<{ status: string }>('SELECT status FROM incidents WHERE id = ?', [inc.id]))?.status,
      }));

    // The officer's own session, without the leader's password: refused, and nothing is written.
    await expect(seat('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' })).rejects.toThrow(
      '需要带班领导权限：请由带班领导输入密码确认本次操作',
    );
    await expect(other('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' })).rejects.toThrow(
      /需要带班领导/,
    );
    expect(await rows()).toEqual({ response: undefined, levels: [], conditions: [], status: '接报' });

    // 李堃's password grants the start; the page names 王芳 as the leader in every way it can.
    await seat('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'response:start' });
    const started = (await raw('response:start', {
      incidentId: inc.id,
      level: '三级',
      decidedBy: '指挥长',
      leader: '王芳',
      leaderId: ids.王芳,
      startedLeader: '王芳',
      startedLeaderId: ids.王芳,
      grantedBy: { id: ids.王芳, name: '王芳' },
    })) as ResponseView;
    expect(started.startedLeader).toBe('李堃');
    expect(started.levels).toMatchObject([{ to: '三级', decidedBy: '指挥长', leader: '李堃' }]);
    expect(await rows()).toMatchObject({
      response: { level: '三级', started_by: '指挥长', officer_id: ids.赵珺, started_leader_id: ids.李堃 },
      levels: [{ to_level: '三级', decided_by: '指挥长', leader_id: ids.李堃 }],
      status: '响应中',
    });

    // A grant is for one act: the level change needs the password again, and is refused without it.
    const before = await rows();
    await expect(
      seat('response:change-level', { incidentId: inc.id, level: '二级', decidedBy: '总指挥' }),
    ).rejects.toThrow(/需要带班领导权限/);
    expect(await rows()).toEqual(before);
    // An administrator alone at a seat gives their own password: the record names them.
    await admin('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'response:change-level' });
    const raised = await admin('response:change-level', { incidentId: inc.id, level: '二级', decidedBy: '总指挥' });
    expect(raised.levels.map((l) => l.leader)).toEqual(['李堃', '系统管理员']);

    const conditions = terminationConditions('environment');
    for (const c of conditions)
      await asLeader('response:confirm-condition', { incidentId: inc.id, conditionId: c.id, by: '指挥长' });
    t.set('2026-12-01T08:00:00+08:00');
    await seat('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'response:end' });
    const ended = (await raw('response:end', {
      incidentId: inc.id,
      decidedBy: '指挥长',
      confirmUnsent: true,
      endedLeaderId: ids.王芳,
      leaderId: ids.王芳,
    })) as ResponseView;
    expect(ended.endedLeader).toBe('李堃');
    expect(ended.conditions.map((c) => c.confirmed?.leader)).toEqual(conditions.map(() => '李堃'));

    const after = await rows();
    expect(after.response).toEqual({
      level: '二级',
      started_by: '指挥长',
      officer_id: ids.赵珺,
      started_leader_id: ids.李堃,
      ended_by: '指挥长',
      ended_leader_id: ids.李堃,
    });
    expect(after.levels).toEqual([
      { to_level: '三级', decided_by: '指挥长', leader_id: ids.李堃 },
      { to_level: '二级', decided_by: '总指挥', leader_id: ids.系统管理员 },
    ]);
    expect(after.conditions.map((c) => c.leader_id)).toEqual(conditions.map(() => ids.李堃));

    // Each act's timeline entry (sealed by the chain) names the granting leader and carries the id.
    const actions = (await seat('incidents:get', { id: inc.id })).timeline.filter((e) => e.kind === 'action');
    const entry = (prefix: string) => actions.find((e) => e.text.startsWith(prefix));
    expect(entry('启动三级应急响应')?.text).toContain('（决定：指挥长）；带班领导 李堃 确认；');
    expect(entry('启动三级应急响应')?.data).toMatchObject({ leaderId: ids.李堃 });
    expect(entry('提高应急响应级别')?.text).toContain('带班领导 系统管理员 确认');
    expect(entry('应急响应终止')?.text).toContain('带班领导 李堃 确认');
    expect(
      actions.filter((e) => e.text.startsWith('确认终止条件') && e.text.endsWith('带班领导 李堃 确认')),
    ).toHaveLength(conditions.length);
    // The incident's export (XLSX; DOCX and PDF are made from the same tables) carries those entries.
    const xlsx = await seat('data:export-incident', { id: inc.id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    // a Node Buffer is what ExcelJS reads; its typings ask for ArrayBuffer
    await wb.xlsx.load(readFileSync(xlsx.path) as unknown as ArrayBuffer);
    const texts = (wb.getWorksheet('处置记录')?.getSheetValues() ?? []).flat().map(String);
    expect(texts.filter((t) => t.includes('带班领导 李堃 确认'))).toHaveLength(conditions.length + 2);
    expect(texts.filter((t) => t.includes('带班领导 系统管理员 确认'))).toHaveLength(1);
    // The audit still has each verification, under the leader's account.
    const audit = await s.db.read((q) =>
      q.all<{ account_id: number; detail: string }>(
        "SELECT account_id, detail FROM auth_events WHERE kind = 'leader_verified' ORDER BY id",
      ),
    );
    expect(audit.filter((a) => a.detail === '启动响应')).toEqual([{ account_id: ids.李堃, detail: '启动响应' }]);
    expect(audit.filter((a) => a.detail === '调整响应级别')).toEqual([
      { account_id: ids.系统管理员, detail: '调整响应级别' },
    ]);
    expect((await seat('integrity:verify', {})).state).toBe('ok');
    await s.close();
  });

  it('an in-process call has no granting leader: the record says not known (null), never a guess', async () => {
    const { s, call } = await setup(tempDir());
    const inc = await call('incidents:create', INCIDENT);
    const view = await call('response:start', { incidentId: inc.id, level: '三级', decidedBy: '指挥长' });
    expect(view.startedLeader).toBeNull();
    expect(view.levels.map((l) => l.leader)).toEqual([null]);
    expect(
      await s.db.read((q) => q.get('SELECT started_leader_id FROM responses WHERE incident_id = ?', [inc.id])),
    ).toEqual({ started_leader_id: null });
    const entry = (await call('incidents:get', { id: inc.id })).timeline.find((e) => e.kind === 'action');
    expect(entry?.text).not.toContain('带班领导');
    await s.close();
  });
});
