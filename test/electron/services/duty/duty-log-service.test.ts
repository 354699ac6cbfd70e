import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { ENV_INPUT, makeServices } from '../../../helpers/services';
import { dutySeats } from '../../../helpers/seat-calls';
import { useTempDirs } from '../../../helpers/temp-dir';
import { caller, clock } from './call';

const INCIDENT = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };

describe('duty log compiled from the records', () => {
  const tempDir = useTempDirs();

  it('places each event of an incident spanning midnight in the duty day it happened in', async () => {
    const t = clock('2026-11-29T22:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const inc = await call('incidents:create', {
      ...INCIDENT,
      occurredAt: '2026-11-29T21:30:00+08:00',
      receivedAt: '2026-11-29T21:50:00+08:00',
    });
    t.set('2026-11-30T01:30:00+08:00'); // after midnight, before the 08:30 shift change: same duty day
    await call('incidents:add-note', { id: inc.id, kind: '领导批示', text: '立即核实，做好监测', givenBy: '王市长' });
    await call('incidents:set-status', { id: inc.id, status: '核实中', note: '' });
    const first = inc.clocks[0]!;
    t.set('2026-11-30T09:10:00+08:00'); // the next duty day
    await call('incidents:add-note', { id: inc.id, kind: '续报信息', text: '死鱼河段约2公里' });

    const day1 = (await call('duty-log:get', { day: '2026-11-29' })).log;
    const rows1 = day1.sections.flatMap((x) => x.rows);
    expect(day1.start).toBe('2026-11-29T08:30:00+08:00');
    expect(rows1.find((r) => r.kind === '接报')).toMatchObject({ time: '21:50', officer: '赵珺' });
    expect(rows1.find((r) => r.kind === '接报')!.incidentTitle).toContain(ENV_INPUT.title);
    expect(rows1.find((r) => r.kind === '批示')).toMatchObject({
      time: '次日 01:30',
      text: '王市长批示：立即核实，做好监测',
    });
    expect(rows1.find((r) => r.kind === '状态')!.text).toBe('状态 接报 → 核实中');
    expect(rows1.some((r) => r.kind === '续报')).toBe(false);
    expect(day1.counts.incidentsReceived).toBe(1);
    expect(day1.duty).toEqual([{ leader: '李堃', officer: '赵珺' }]);

    const day2 = (await call('duty-log:get', { day: '2026-11-30' })).log;
    const rows2 = day2.sections.flatMap((x) => x.rows);
    expect(rows2.filter((r) => r.kind !== '时限').map((r) => [r.kind, r.time])).toEqual([['续报', '09:10']]);
    expect(day2.counts.incidentsReceived).toBe(0);

    // The first clock was due within the night and not met: 漏报 on the day it fell due.
    const dueDay = (
      await call('duty-log:get', {
        day: Date.parse(first.dueAt) < Date.parse('2026-11-30T08:30:00+08:00') ? '2026-11-29' : '2026-11-30',
      })
    ).log;
    const missed = dueDay.sections
      .flatMap((x) => x.rows)
      .filter((r) => r.kind === '时限' && r.text.includes(`${first.title}：`));
    expect(missed).toHaveLength(1);
    expect(missed[0]!.at).toBe(first.dueAt);
    expect(missed[0]!.text).toContain(`${first.title}：已超时未报`);
    expect(dueDay.counts.clocksMissed + dueDay.counts.monitoredMissed).toBeGreaterThanOrEqual(1);
    await s.close();
  });

  it('an optional clock nobody recorded is not 漏报, and a drill is listed but left out of the figures, as in the statistics', async () => {
    const t = clock('2026-11-29T09:30:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '李堃', officer: '赵珺' });
    const at = { occurredAt: '2026-11-29T09:00:00+08:00', receivedAt: '2026-11-29T09:20:00+08:00' };
    // 较大 under the communications plan: its two clocks apply 紧急情况 only (4.1, 如适用).
    const comms = await call('incidents:create', {
      ...INCIDENT,
      ...at,
      category: 'comms',
      title: '朔城区通信光缆中断',
      facts: { countiesAffected: 2 },
    });
    expect(comms.clocks.length).toBeGreaterThan(0);
    expect(comms.clocks.every((c) => c.optional)).toBe(true);
    const real = await call('incidents:create', { ...INCIDENT, ...at });
    const drill = await call('incidents:create', { ...INCIDENT, ...at, title: '桑干河水污染应急演练', drill: true });
    // Late in the evening, every clock of the three has passed its deadline unrecorded.
    t.set('2026-11-29T23:00:00+08:00');
    const log = (await call('duty-log:get', { day: '2026-11-29' })).log;
    const clockRows = log.sections.flatMap((x) => x.rows).filter((r) => r.kind === '时限');
    const rowsOf = (id: number) => clockRows.filter((r) => r.incidentId === String(id));
    expect(rowsOf(comms.id)).toEqual([]);
    const realDue = real.clocks.filter((c) => !c.optional && Date.parse(c.dueAt) <= t.now().getTime());
    expect(realDue.length).toBeGreaterThan(0);
    expect(rowsOf(real.id)).toHaveLength(realDue.length);
    // The drill's clocks are listed, marked 【演练】 …
    expect(rowsOf(drill.id)).toHaveLength(realDue.length);
    expect(rowsOf(drill.id).every((r) => r.incidentTitle?.endsWith('【演练】'))).toBe(true);
    // … but the figures count the real incidents only.
    expect(log.counts).toMatchObject({
      incidentsReceived: 2,
      drillsReceived: 1,
      clocksMissed: realDue.filter((c) => c.owner?.kind === 'room').length,
      monitoredMissed: realDue.filter((c) => c.owner?.kind === 'monitored').length,
      drillClocks: realDue.length,
    });
    await s.close();
  });

  it('counts a clock completed on time or late at the moment it was completed', async () => {
    const t = clock('2026-11-29T10:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await call('duty:set', { leader: '甲', officer: '乙' });
    const inc = await call('incidents:create', {
      ...INCIDENT,
      occurredAt: '2026-11-29T09:30:00+08:00',
      receivedAt: '2026-11-29T09:40:00+08:00',
    });
    const [a, b] = [...inc.clocks].sort((x, y) => Date.parse(x.dueAt) - Date.parse(y.dueAt));
    expect(a && b).toBeTruthy();
    await call('clocks:complete', {
      incidentId: inc.id,
      clockId: a!.clockId,
      completedAt: '2026-11-29T09:55:00+08:00',
      channel: '电话',
      recipientUnit: '市应急局',
      recipientName: '张三',
    });
    const lateAt = new Date(Date.parse(b!.dueAt) + 10 * 60_000).toISOString();
    t.set(new Date(Date.parse(lateAt) + 60_000).toISOString());
    await call('clocks:complete', {
      incidentId: inc.id,
      clockId: b!.clockId,
      completedAt: lateAt,
      channel: '书面',
      recipientUnit: '省应急厅',
      recipientName: '李四',
    });
    const from = '2026-11-29';
    const to = (await call('duty-log:get', {})).today;
    const logs = await Promise.all([...new Set([from, to])].map((d) => call('duty-log:get', { day: d })));
    const clocks = logs.flatMap((v) => v.log.sections.flatMap((x) => x.rows)).filter((r) => r.kind === '时限');
    const onTime = clocks.filter((r) => r.text.includes(`${a!.title}：按时完成`));
    const late = clocks.filter((r) => r.text.includes(`${b!.title}：迟报`));
    expect(onTime).toHaveLength(1);
    expect(late).toHaveLength(1);
    expect(late[0]!.at).toBe(lateAt);
    expect(logs.reduce((n, v) => n + v.log.counts.clocksLate + v.log.counts.monitoredLate, 0)).toBe(1);
    await s.close();
  });

  it('keeps officers’ remarks beside the compiled facts, with earlier wording kept on edit', async () => {
    const t = clock('2026-11-29T15:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const call = caller(s.handlers);
    await expect(call('duty-log:add-remark', { day: '2026-11-29', text: '设备巡检正常' })).rejects.toThrow(/值班人员/);
    await call('duty:set', { leader: '甲', officer: '乙' });
    await expect(call('duty-log:add-remark', { day: '2026-11-29', text: '  ' })).rejects.toThrow(/请填写备注内容/);
    await expect(call('duty-log:add-remark', { day: '2026-11-30', text: '明天的事' })).rejects.toThrow(/尚未开始/);
    const v = await call('duty-log:add-remark', { day: '2026-11-29', text: '设备巡检正常' });
    expect(v.remarks).toHaveLength(1);
    expect(v.remarks[0]).toMatchObject({
      text: '设备巡检正常',
      officer: '乙',
      leader: '甲',
      at: '2026-11-29T07:00:00.000Z',
    });
    const other = v.log.sections.find((x) => x.key === 'other')!;
    expect(other.rows.map((r) => [r.kind, r.time, r.text])).toEqual([['备注', '15:00', '设备巡检正常']]);
    expect(v.form.entries.map((e) => e.content)).toContain('设备巡检正常');
    t.set('2026-11-29T16:00:00+08:00');
    const edited = await call('duty-log:edit-remark', { id: v.remarks[0]!.id, text: '设备巡检正常，备用电源已测试' });
    expect(edited.remarks[0]).toMatchObject({ text: '设备巡检正常，备用电源已测试', editedBy: '乙' });
    expect(edited.remarks[0]!.previous).toEqual([
      { text: '设备巡检正常', at: '2026-11-29T07:00:00.000Z', officer: '乙' },
    ]);
    // A remark on a past day sits at the end of that day unless a time is given.
    t.set('2026-12-01T10:00:00+08:00');
    const past = await call('duty-log:add-remark', { day: '2026-11-29', text: '补记：夜间停电10分钟' });
    expect(past.remarks.map((r) => r.at)).toContain('2026-11-30T00:29:00.000Z');
    await expect(
      call('duty-log:add-remark', { day: '2026-11-29', text: 'x', at: '2026-11-30T09:00:00+08:00' }),
    ).rejects.toThrow(/不在2026-11-29值班日内/);
    await s.close();
  });
});

describe('who edited a remark (issue 18, migration 0020)', () => {
  const tempDir = useTempDirs();

  it("each edit carries the account of the seat's officer, earlier writers' accounts stay with their wording; a page cannot supply another", async () => {
    const t = clock('2026-11-29T15:00:00+08:00');
    const s = await makeServices(tempDir(), { now: t.now });
    const { seat, raw, other, ids } = await dutySeats(s);
    const added = await seat('duty-log:add-remark', { day: '2026-11-29', text: '设备巡检正常' });
    const id = added.remarks[0]!.id;
    t.set('2026-11-29T16:00:00+08:00');
    await other('duty-log:edit-remark', { id, text: '设备巡检正常，备用电源已测试' });
    t.set('2026-11-29T17:00:00+08:00');
    // the channel's declared output; raw only lets the payload carry fields the channel does not take
    const v = (await raw('duty-log:edit-remark', {
      id,
      text: '设备巡检正常，备用电源已测试，UPS 正常',
      editedBy: '王芳',
      editedById: ids.王芳,
      officer: '王芳',
    })) as ChannelOutput<'duty-log:edit-remark'>;
    expect(v.remarks[0]).toMatchObject({ editedBy: '赵珺', officer: '赵珺' });
    expect(v.remarks[0]!.previous).toEqual([
      { text: '设备巡检正常', at: '2026-11-29T07:00:00.000Z', officer: '赵珺', officerId: ids.赵珺 },
      { text: '设备巡检正常，备用电源已测试', at: '2026-11-29T08:00:00.000Z', officer: '王芳', officerId: ids.王芳 },
    ]);
    const row = await s.db.read((q) =>
      q.get<{ officer_id: number; edited_by: string; edited_by_id: number }>(
        'SELECT officer_id, edited_by, edited_by_id FROM duty_log_remarks WHERE id = ?',
        [id],
      ),
    );
    expect(row).toEqual({ officer_id: ids.赵珺, edited_by: '赵珺', edited_by_id: ids.赵珺 });
    await s.close();
  });
});
