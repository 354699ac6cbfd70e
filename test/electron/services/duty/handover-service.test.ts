import { describe, expect, it } from 'vitest';
import { renderForm } from '../../../../shared/forms/render';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { dutySeats } from '../../../helpers/seat-calls';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from './call';

const INCIDENT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };

describe('shift handover', () => {
  const tempDir = useTempDirs();

  it('lists what is open, is acknowledged by the incoming officers, who then are on duty', async () => {
    const t = clock('2026-11-30T06:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await expect(call('handover:draft', {})).rejects.toThrow(/值班人员/);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', {
      ...INCIDENT,
      occurredAt: '2026-11-30T05:00:00+08:00',
      receivedAt: '2026-11-30T05:20:00+08:00',
    });
    const closed = await call('incidents:create', {
      ...INCIDENT,
      title: '已处置完毕的事件',
      occurredAt: '2026-11-30T05:00:00+08:00',
      receivedAt: '2026-11-30T05:10:00+08:00',
    });
    await call('incidents:set-status', { id: closed.id, status: '核实中', note: '' });
    await call('incidents:add-note', { id: inc.id, kind: '领导批示', text: '加密监测频次', givenBy: '王市长' });
    await call('reports:draft', { incidentId: inc.id, kind: '初报' });
    t.set('2026-11-30T08:20:00+08:00');

    const draft = await call('handover:draft', {});
    expect(draft.from).toEqual({ leader: '李堃', officer: '赵珺' });
    expect(draft.sheet.openIncidents.map((i) => i.title)).toEqual(['已处置完毕的事件', ENV_INPUT.title]);
    const open = inc.clocks.filter((c) => !c.record);
    expect(draft.sheet.clocks.filter((c) => c.incidentId === inc.id)).toHaveLength(open.length);
    expect(
      draft.sheet.clocks.every((c) => c.overdue === Date.parse(c.dueAt) <= Date.parse('2026-11-30T08:20:00+08:00')),
    ).toBe(true);
    expect(draft.sheet.instructions).toEqual([
      expect.objectContaining({ incidentId: inc.id, text: '王市长批示：加密监测频次' }),
    ]);
    expect(draft.sheet.pendingReports).toEqual([
      expect.objectContaining({ incidentId: inc.id, label: '初报', status: 'draft' }),
    ]);
    expect(draft.pendingText).toContain('王市长批示：加密监测频次');
    expect(draft.pendingText).toContain('待报送');

    const h = await call('handover:create', { toLeader: '王镕', toOfficer: '钱赟', notes: '夜间无异常' });
    expect(h.status).toBe('pending');
    expect(h.record.notes).toContain('接班确认：待接班人员确认');
    await expect(call('handover:create', { toLeader: '王镕', toOfficer: '钱赟' })).rejects.toThrow(/等待接班确认/);
    await expect(call('handover:acknowledge', { id: h.id, leader: '王镕', officer: '孙敏' })).rejects.toThrow(
      /接班人员与交接班记录不符/,
    );
    // Nothing changed hands on a refused acknowledgement.
    expect(await call('duty:get', {})).toEqual({ leader: '李堃', officer: '赵珺' });

    t.set('2026-11-30T08:35:00+08:00');
    const ack = await call('handover:acknowledge', { id: h.id, leader: '王镕', officer: '钱赟', note: '已清楚' });
    expect(ack).toMatchObject({
      status: 'acknowledged',
      from: { leader: '李堃', officer: '赵珺' },
      acknowledgedBy: { leader: '王镕', officer: '钱赟' },
      acknowledgedAt: '2026-11-30T00:35:00.000Z',
      createdAt: '2026-11-30T00:20:00.000Z',
    });
    expect(await call('duty:get', {})).toEqual({ leader: '王镕', officer: '钱赟' });
    await expect(call('handover:acknowledge', { id: h.id, leader: '王镕', officer: '钱赟' })).rejects.toThrow(
      /已确认接班/,
    );

    // Both names and both times are in the printed record.
    expect(ack.record.fromOfficers).toEqual(['赵珺']);
    expect(ack.record.toOfficers).toEqual(['钱赟']);
    expect(ack.record.notes).toContain('交班：赵珺（值班员）、李堃（带班领导）于2026年11月30日 8时20分提交');
    expect(ack.record.notes).toContain(
      '接班确认：钱赟（值班员）、王镕（带班领导）于2026年11月30日 8时35分确认接班，意见：已清楚',
    );
    expect(ack.record.openIncidents).toHaveLength(2);
    const html = renderForm({ kind: 'handover', data: ack.record }, { fontBaseUrl: './' });
    for (const text of ['交接班记录', '赵珺', '钱赟', '8时35分', ENV_INPUT.title, '加密监测频次'])
      expect(html).toContain(text);

    // The duty log of each side's day carries the handover.
    const outgoing = (await call('duty-log:get', { day: '2026-11-29' })).log;
    const incoming = (await call('duty-log:get', { day: '2026-11-30' })).log;
    expect(
      outgoing.sections
        .flatMap((x) => x.rows)
        .filter((r) => r.kind === '交接班')
        .map((r) => r.officer),
    ).toEqual(['赵珺']);
    expect(
      incoming.sections
        .flatMap((x) => x.rows)
        .filter((r) => r.kind === '交接班')
        .map((r) => r.text),
    ).toEqual(['钱赟（带班领导王镕）确认接班：已清楚']);
    expect(outgoing.duty).toEqual([{ leader: '李堃', officer: '赵珺' }]);
    expect(incoming.duty).toEqual([
      { leader: '李堃', officer: '赵珺' },
      { leader: '王镕', officer: '钱赟' },
    ]);

    expect((await call('handover:list', {})).map((x) => x.id)).toEqual([h.id]);
    await s.close();
  });

  it('suggests the scheduled incoming pair, and a pending handover can be withdrawn with a reason', async () => {
    const t = clock('2025-10-01T08:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const oct = await call('schedule:generate', { month: '2025-10', leaders: ['甲', '乙'], officers: ['丙', '丁'] });
    const draft = await call('handover:draft', {});
    expect(draft.sheet).toEqual({ openIncidents: [], clocks: [], pendingReports: [], instructions: [] });
    expect(draft.suggestedTo).toEqual({ leader: oct.shifts[0]!.leader, officer: oct.shifts[0]!.officer });
    // Inside a shift the scheduled pair of that shift is offered, unless they are the ones handing over.
    t.set('2025-10-01T10:00:00+08:00');
    expect((await call('handover:draft', {})).suggestedTo).toEqual({
      leader: oct.shifts[0]!.leader,
      officer: oct.shifts[0]!.officer,
    });
    await call('duty:set', { leader: oct.shifts[0]!.leader, officer: oct.shifts[0]!.officer });
    expect((await call('handover:draft', {})).suggestedTo).toEqual({
      leader: oct.shifts[1]!.leader,
      officer: oct.shifts[1]!.officer,
    });
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    // No handover to oneself, whoever leads the next shift, and however the name is spaced.
    for (const toLeader of ['李堃', '甲']) {
      await expect(call('handover:create', { toLeader, toOfficer: '赵 珺' })).rejects.toThrow(
        '接班值班员不能是交班值班员本人（赵珺）',
      );
    }
    expect(await call('handover:list', {})).toEqual([]);
    // The scheduled officer holding the next shift too is skipped for one who differs.
    await call('duty:set', { leader: '李堃', officer: oct.shifts[1]!.officer });
    expect((await call('handover:draft', {})).suggestedTo?.officer).not.toBe(oct.shifts[1]!.officer);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const h = await call('handover:create', { toLeader: '甲', toOfficer: '丙' });
    await expect(call('handover:cancel', { id: h.id, reason: '' })).rejects.toThrow(/撤回原因/);
    const c = await call('handover:cancel', { id: h.id, reason: '接班人员临时变更' });
    expect(c.status).toBe('cancelled');
    expect(c.record.notes).toContain('撤回，原因：接班人员临时变更');
    await expect(call('handover:acknowledge', { id: h.id, leader: '甲', officer: '丙' })).rejects.toThrow(/已撤回/);
    expect(await call('duty:get', {})).toEqual({ leader: '李堃', officer: '赵珺' });
    // A new handover can follow the withdrawn one.
    expect((await call('handover:create', { toLeader: '乙', toOfficer: '丁' })).status).toBe('pending');
    await s.close();
  });
});

describe('who handed over and who withdrew the sheet (issue 18, migration 0020)', () => {
  const tempDir = useTempDirs();

  it("the outgoing officers and whoever withdraws it carry their accounts from the seat's session; a page cannot supply others", async () => {
    const s = await makeServices(tempDir(), { now: clock('2026-11-30T06:00:00+08:00').now });
    const { raw, other, ids } = await dutySeats(s);
    // the channel's declared output has an id; raw only lets the payload carry fields the channel does not take
    const h = (await raw('handover:create', {
      toLeader: '王镕',
      toOfficer: '钱赟',
      fromLeader: '王芳',
      fromOfficer: '王芳',
      fromOfficerId: ids.王芳,
    })) as { id: number };
    await other('handover:cancel', { id: h.id, reason: '接班人员有变' });
    expect(
      await s.db.read((q) =>
        q.get(
          'SELECT from_leader, from_leader_id, from_officer, from_officer_id, cancelled_by, cancelled_by_id FROM handovers WHERE id = ?',
          [h.id],
        ),
      ),
    ).toEqual({
      from_leader: '李堃',
      from_leader_id: ids.李堃,
      from_officer: '赵珺',
      from_officer_id: ids.赵珺,
      cancelled_by: '王芳',
      cancelled_by_id: ids.王芳,
    });
    await s.close();
  });
});

describe('handover next steps', () => {
  const tempDir = useTempDirs();

  it('words next steps from each incident state: 督促 for another unit clock, the level check once, none for work done', async () => {
    const t = clock('2026-11-29T09:45:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const at = { occurredAt: '2026-11-29T09:30:00+08:00', receivedAt: '2026-11-29T09:40:00+08:00' };
    // 较大: the county department's clocks (due 10:40) are another unit's, the room only monitors them.
    const monitored = await call('incidents:create', { ...INCIDENT, ...at });
    // Level unknown: the room's own 待初步判定 reminder (due 10:10).
    const unknown = await call('incidents:create', { ...INCIDENT, ...at, title: '平鲁区河道异味', facts: {} });
    // 较大, every report made: nothing is owed, though its status is still 接报.
    const done = await call('incidents:create', { ...INCIDENT, ...at, title: '应县厂区废水外溢' });
    t.set('2026-11-29T10:30:00+08:00');
    for (const c of done.clocks)
      await call('clocks:complete', {
        incidentId: done.id,
        clockId: c.obligationKey ?? c.clockId,
        completedAt: '2026-11-29T10:20:00+08:00',
        channel: '书面',
        recipientUnit: c.to,
        recipientName: '值班员',
      });
    t.set('2026-11-29T11:00:00+08:00');

    const { sheet } = await call('handover:draft', {});
    const step = (id: number) => sheet.openIncidents.find((i) => i.id === id)?.nextStep;
    expect(step(monitored.id)).toBe(
      '已超时（截止 2026-11-29 10:40），尽快督促生态环境部门（市局或县分局）向本级人民政府报告',
    );
    expect(step(unknown.id)).toBe('已超时（截止 2026-11-29 10:10），尽快初步判定事件级别');
    expect(step(done.id)).toBe('报告时限均已完成：跟踪事件进展，有新情况及时续报');
    expect(sheet.openIncidents.find((i) => i.id === done.id)?.status).toBe('接报');
    // The running clocks say whose they are: another unit's is to be urged, never reported by the room.
    const titles = sheet.clocks.filter((c) => c.incidentId === monitored.id).map((c) => c.title);
    expect(titles).toEqual([
      '督促生态环境部门（市局或县分局）向本级人民政府报告',
      '督促生态环境部门（市局或县分局）向上一级生态环境部门报告',
      '报告省人民政府',
    ]);
    expect(sheet.clocks.some((c) => c.incidentId === done.id)).toBe(false);
    await s.close();
  });
});
