import { describe, expect, it } from 'vitest';
import { warningActions } from '../../../../shared/warnings';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { dutySeats, fromSeat, SEAT_PASSWORD } from '../../../helpers/seat-calls';
import type { WarningView } from '../../../../shared/ipc/channels/response';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock, Refused } from './call';

const CITY = { issuerKind: 'city' as const, issuer: '朔州市人民政府' };
const YELLOW = {
  plan: 'radiation' as const,
  level: '三级' as const,
  direction: 'issued' as const,
  ...CITY,
  area: '朔城区',
  issuedAt: '2026-11-29T09:00:00+08:00',
  document: '朔政发〔2026〕12号',
};

/** C 4.2.2: the city (市指挥部 or a department it authorises) issues environmental warnings at any level. */
const ENV_YELLOW = { ...YELLOW, plan: 'environment' as const };

async function setup(dir: string) {
  const t = clock('2026-11-29T10:00:00+08:00');
  const s = await makeServices(dir, { now: t.now });
  const call = caller(s.handlers);
  await call('duty:set', { leader: '李堃', officer: '赵珺' });
  return { s, t, call };
}

describe('warning board', () => {
  const tempDir = useTempDirs();

  it('B 3.1.2: refuses a warning from an issuer not entitled to its level, accepts the right one', async () => {
    const { s, call } = await setup(tempDir());
    const wrong = await call('warnings:issue', { ...YELLOW, level: '二级' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(Refused);
    // toBeInstanceOf(Refused) above proves the type
    expect((wrong as Refused).code).toBe('forbidden');
    expect((wrong as Refused).message).toContain('省指挥部');
    expect((wrong as Refused).message).toContain('3.1.2');
    await expect(call('warnings:issue', { ...YELLOW, issuerKind: 'county', issuer: '朔城区人民政府' })).rejects.toThrow(
      /朔州市政府/,
    );
    expect(await call('warnings:list', {})).toEqual([]);

    const w = await call('warnings:issue', YELLOW);
    expect(w).toMatchObject({
      level: '三级',
      colourName: '黄色',
      label: '三级（黄色）预警',
      issuer: '朔州市人民政府',
      area: '朔城区',
      lifted: null,
    });
    expect(w.issuerCheck).toMatchObject({ ok: true, verified: true });
    expect(w.actions.map((a) => a.id)).toEqual(warningActions('radiation').map((a) => a.id));
    // Plan C names no issuer per level: accepted but flagged for checking against the document.
    const env = await call('warnings:issue', { ...YELLOW, plan: 'environment', level: '一级' });
    expect(env.issuerCheck).toMatchObject({ ok: true, verified: false });
    const info = await call('warnings:issuers', { plan: 'radiation', level: '一级', issuerKind: 'city' });
    expect(info.check.ok).toBe(false);
    await s.close();
  });

  it('谁发布、谁解除: a lift or change by someone else is refused; the issuer lifts once with time and document', async () => {
    const { s, t, call } = await setup(tempDir());
    const w = await call('warnings:issue', YELLOW);
    t.set('2026-11-30T10:00:00+08:00');
    const lift = { id: w.id, at: '2026-11-30T09:30:00+08:00', document: '朔政发〔2026〕13号' };
    const other = await call('warnings:lift', {
      ...lift,
      by: { issuerKind: 'county', issuer: '朔城区人民政府' },
    }).catch((e: unknown) => e);
    // the call rejects with Refused; anything else fails this assertion
    expect((other as Refused).code).toBe('forbidden');
    // toBeInstanceOf(Refused) above proves the type
    expect((other as Refused).message).toContain('朔城区人民政府不能解除此预警');
    await expect(
      call('warnings:lift', { ...lift, by: { issuerKind: 'city', issuer: '朔州市应急管理局' } }),
    ).rejects.toThrow(/不能解除/);
    await expect(
      call('warnings:change', {
        id: w.id,
        at: lift.at,
        by: { issuerKind: 'county', issuer: '朔城区人民政府' },
        level: '四级',
        document: 'x',
      }),
    ).rejects.toThrow(/不能调整/);
    // The issuer may not raise its own yellow warning to orange (B 3.1.2: orange is the province's).
    await expect(
      call('warnings:change', { id: w.id, at: lift.at, by: CITY, level: '二级', document: 'x' }),
    ).rejects.toThrow(/不能调整为二级/);
    await expect(call('warnings:lift', { ...lift, document: '', by: CITY })).rejects.toThrow(/请填写解除文件/);

    const changed = await call('warnings:change', {
      id: w.id,
      at: '2026-11-30T08:00:00+08:00',
      by: CITY,
      level: '三级',
      document: 'x',
    }).catch((e: unknown) => e);
    // the call rejects with Refused; anything else fails this assertion
    expect((changed as Refused).message).toContain('已是三级');

    const lifted = await call('warnings:lift', { ...lift, by: { issuerKind: 'city', issuer: '朔州市 人民政府' } });
    expect(lifted.lifted).toMatchObject({
      at: '2026-11-30T01:30:00.000Z',
      by: '朔州市 人民政府',
      document: '朔政发〔2026〕13号',
      officer: '赵珺',
    });
    await expect(call('warnings:lift', { ...lift, by: CITY })).rejects.toThrow(/已于/);
    expect(await call('warnings:list', { activeOnly: true })).toEqual([]);
    await s.close();
  });

  it('links a warning to an incident (noted in its timeline) and ticks the plan’s warning actions', async () => {
    const { s, call } = await setup(tempDir());
    const inc = await call('incidents:create', {
      ...ENV_INPUT,
      occurredAt: '2026-11-29T08:00:00+08:00',
      receivedAt: '2026-11-29T08:30:00+08:00',
    });
    const w = await call('warnings:issue', { ...YELLOW, plan: 'environment', incidentIds: [inc.id] });
    expect(w.incidents.map((i) => i.id)).toEqual([inc.id]);
    let detail = await call('incidents:get', { id: inc.id });
    expect(detail.timeline.some((e) => e.kind === 'warning' && e.text.includes('发布三级（黄色）预警'))).toBe(true);
    await expect(call('warnings:link', { id: w.id, incidentId: inc.id })).rejects.toThrow(/已关联/);

    const first = w.actions[0]!;
    const ticked = await call('warnings:tick-action', { id: w.id, itemId: first.id, note: '已通知山阴县' });
    expect(ticked.actions[0]!.done).toMatchObject({ by: '赵珺', note: '已通知山阴县' });
    await expect(call('warnings:tick-action', { id: w.id, itemId: first.id })).rejects.toThrow(/已勾选/);
    await expect(call('warnings:tick-action', { id: w.id, itemId: 'rad.w.3.2.1' })).rejects.toThrow(/没有条目/);
    detail = await call('incidents:get', { id: inc.id });
    expect(detail.timeline.some((e) => e.kind === 'warning' && e.text.includes('预警措施完成'))).toBe(true);

    const unlinked = await call('warnings:link', { id: w.id, incidentId: inc.id, unlink: true });
    expect(unlinked.incidents).toEqual([]);
    await s.close();
  });
});

describe('who did what on a warning (issue 18, migration 0020)', () => {
  const tempDir = useTempDirs();

  it("a ticked warning action carries the account of the seat's officer; a page cannot supply another", async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const { seat, asLeader, raw, other, ids } = await dutySeats(s);
    const inc = await seat('incidents:create', { ...ENV_INPUT, category: 'radiation', facts: {} });
    const w = await asLeader('warnings:issue', { ...YELLOW, incidentIds: [inc.id] });
    const [first, second] = w.actions;
    await raw('warnings:tick-action', {
      id: w.id,
      itemId: first!.id,
      note: '已通知山阴县',
      by: '王芳',
      doneBy: '王芳',
      doneById: ids.王芳,
    });
    await other('warnings:tick-action', { id: w.id, itemId: second!.id, note: '' });
    const rows = await s.db.read(async (q) => ({
      actions: await q.all<{ item_id: string; done_by: string; done_by_id: number }>(
        'SELECT item_id, done_by, done_by_id FROM warning_actions WHERE warning_id = ? ORDER BY at, item_id',
        [w.id],
      ),
      notes: await q.all<{ officer: string; officer_id: number }>(
        "SELECT officer, officer_id FROM timeline_entries WHERE incident_id = ? AND kind = 'warning' AND text LIKE '%预警措施完成%' ORDER BY id",
        [inc.id],
      ),
    }));
    expect(rows.actions).toHaveLength(2);
    expect(rows.actions.find((a) => a.item_id === first!.id)).toEqual({
      item_id: first!.id,
      done_by: '赵珺',
      done_by_id: ids.赵珺,
    });
    expect(rows.actions.find((a) => a.item_id === second!.id)).toEqual({
      item_id: second!.id,
      done_by: '王芳',
      done_by_id: ids.王芳,
    });
    // The linked incident's timeline (chained) says the same.
    expect(rows.notes).toEqual([
      { officer: '赵珺', officer_id: ids.赵珺 },
      { officer: '王芳', officer_id: ids.王芳 },
    ]);
    expect((await seat('integrity:verify', {})).state).toBe('ok');
    await s.close();
  });
});

describe('the leader whose password granted a warning act, on its own record (issue 18, migration 0022)', () => {
  const tempDir = useTempDirs();

  it('issuing, changing and lifting a city warning carry the granting account; no password, no act; a page cannot name the leader', async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const { seat, raw, ids } = await dutySeats(s);
    const admin = fromSeat(s.handlers, 'seat-admin');
    const inc = await seat('incidents:create', ENV_INPUT);
    const rows = () =>
      s.db.read(async (q) => ({
        warnings: await q.all('SELECT level, issuer, officer_id, leader_id, lifted_by, lift_leader_id FROM warnings'),
        changes: await q.all('SELECT to_level, changed_by, leader_id FROM warning_changes ORDER BY id'),
      }));

    // The officer's own session without the leader's password: refused, nothing written.
    await expect(seat('warnings:issue', { ...ENV_YELLOW, incidentIds: [inc.id] })).rejects.toThrow(
      '需要带班领导权限：请由带班领导输入密码确认本次操作',
    );
    expect(await rows()).toEqual({ warnings: [], changes: [] });

    await seat('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'warnings:issue' });
    const issued = (await raw('warnings:issue', {
      ...ENV_YELLOW,
      incidentIds: [inc.id],
      leader: '王芳',
      leaderId: ids.王芳,
      grantedBy: { id: ids.王芳, name: '王芳' },
    })) as WarningView;
    expect(issued.leader).toBe('李堃');

    // Lowered to 四级 by the issuer (C 4.2.2: the city issues at any level), granted by an administrator's own password.
    t.set('2026-11-29T12:00:00+08:00');
    await admin('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'warnings:change' });
    const changed = await admin('warnings:change', {
      id: issued.id,
      at: '2026-11-29T11:00:00+08:00',
      by: CITY,
      level: '四级',
      document: '朔政发〔2026〕14号',
    });
    expect(changed.changes.map((c) => c.leader)).toEqual(['系统管理员']);

    const before = await rows();
    const lift = { id: issued.id, at: '2026-11-29T11:30:00+08:00', by: CITY, document: '朔政发〔2026〕15号' };
    await expect(seat('warnings:lift', lift)).rejects.toThrow(/需要带班领导权限/);
    expect(await rows()).toEqual(before);
    await seat('auth:verify-leader', { password: SEAT_PASSWORD, channel: 'warnings:lift' });
    const lifted = (await raw('warnings:lift', { ...lift, liftLeaderId: ids.王芳, leaderId: ids.王芳 })) as WarningView;
    expect(lifted.lifted?.leader).toBe('李堃');

    expect(await rows()).toEqual({
      warnings: [
        {
          level: '四级',
          issuer: '朔州市人民政府',
          officer_id: ids.赵珺,
          leader_id: ids.李堃,
          lifted_by: '朔州市人民政府',
          lift_leader_id: ids.李堃,
        },
      ],
      changes: [{ to_level: '四级', changed_by: '朔州市人民政府', leader_id: ids.系统管理员 }],
    });
    // The linked incident's timeline (chained) names each granting leader.
    const notes = (await seat('incidents:get', { id: inc.id })).timeline.filter((e) => e.kind === 'warning');
    expect(notes.map((e) => e.text.match(/带班领导 (\S+) 确认$/)?.[1])).toEqual(['李堃', '系统管理员', '李堃']);
    expect(notes.map((e) => e.data?.leaderId)).toEqual([ids.李堃, ids.系统管理员, ids.李堃]);
    expect((await seat('integrity:verify', {})).state).toBe('ok');
    await s.close();
  });

  it('a warning recorded by an in-process call has no granting leader (null)', async () => {
    const { s, call } = await setup(tempDir());
    const w = await call('warnings:issue', YELLOW);
    expect(w.leader).toBeNull();
    expect(await s.db.read((q) => q.get('SELECT leader_id FROM warnings WHERE id = ?', [w.id]))).toEqual({
      leader_id: null,
    });
    await s.close();
  });
});
