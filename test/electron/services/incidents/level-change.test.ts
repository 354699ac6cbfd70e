import { describe, expect, it } from 'vitest';
import { statsTables } from '../../../../electron/exports/tables';
import { dispatch } from '../../../../electron/ipc/dispatch';
import type { StatsView } from '../../../../shared/ipc/channels/data';
import { useTempDirs } from '../../../helpers/temp-dir';
import { makeServices } from '../../../helpers/services';

const t = (hhmm: string) => `2026-11-29T${hhmm}:00+08:00`;
const iso = (hhmm: string) => new Date(t(hhmm)).toISOString();

/** An environmental incident received at 09:30 Beijing time (43号 5.1.1). */
const INPUT = {
  category: 'environment' as const,
  title: '桑干河支流油污',
  places: ['山阴县'],
  occurredAt: t('09:00'),
  receivedAt: t('09:30'),
  discoveredAt: null,
  reporterUnit: '山阴县生态环境分局',
  reporterName: '王镕',
  reporterPhone: '0349-1234567',
  receiveChannel: '电话' as const,
  narrative: '河面油污',
  levelOverride: null,
  responseOverride: null,
  drill: false,
};
const COMPLETE = { channel: '书面' as const, recipientUnit: '山阴县人民政府', recipientName: '值班室' };

async function setup(dir: string) {
  let now = new Date(t('09:31'));
  const s = await makeServices(dir, { now: () => now });
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  return { s, at: (hhmm: string) => (now = new Date(t(hhmm))) };
}

describe('incidents:update with effectiveAt (43号 5.1.1(6))', () => {
  const tempDir = useTempDirs();

  it('example (a): upgraded at a back-dated 12:30, the 较大 obligation counts from 12:30; the 11:00 report stays under 一般; stored and on the timeline', async () => {
    const { s, at } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { environmentAffected: true } });
    expect(d.grading.level).toBe('一般');
    at('11:00');
    await s.incidents.completeClock({
      incidentId: d.id,
      clockId: 'env.county-dept-to-gov',
      completedAt: t('11:00'),
      ...COMPLETE,
    });
    at('13:00');
    const after = await s.incidents.update({
      id: d.id,
      patch: { facts: { deaths: 3 }, effectiveAt: t('12:30'), reason: '核实死亡3人' },
    });
    expect(after.grading.level).toBe('较大');
    const gov = after.clocks.filter((c) => c.clockId === 'env.county-dept-to-gov');
    expect(gov.map((c) => [c.levelLabel, c.startsAt, c.dueAt, c.record?.completedAt ?? null])).toEqual([
      ['一般', iso('09:30'), iso('12:30'), t('11:00')],
      ['较大', iso('12:30'), iso('13:30'), null],
    ]);
    // Alarms key on the obligation, level included.
    expect((await s.incidents.openClocks()).map((c) => c.key)).toContain(`${d.id}:env.county-dept-to-gov@较大#1`);
    const entry = after.timeline.find((e) => e.kind === 'level')!;
    expect(entry.text).toContain('事件级别 一般 → 较大（自 2026-11-29 12:30 起，赵珺：核实死亡3人）');
    expect(entry.text).toContain('新增时限');
    const stored = await s.db.read((q) =>
      q.all<{ obligation_key: string; closure_kind: string | null }>(
        'SELECT obligation_key, closure_kind FROM obligations WHERE incident_id = ? ORDER BY obligation_key',
        [d.id],
      ),
    );
    expect(stored).toContainEqual({ obligation_key: 'env.county-dept-to-gov@一般#0', closure_kind: 'met' });
    expect(stored).toContainEqual({ obligation_key: 'env.county-dept-to-gov@较大#1', closure_kind: null });
    const history = await s.db.read((q) =>
      q.all('SELECT from_level, to_level, effective_at, by_whom, reason FROM level_changes'),
    );
    expect(history).toEqual([
      { from_level: '一般', to_level: '较大', effective_at: iso('12:30'), by_whom: '赵珺', reason: '核实死亡3人' },
    ]);
    // Read back after a restart: the same obligations.
    const again = await s.incidents.get(d.id);
    expect(again.clocks.map((c) => c.key)).toEqual(after.clocks.map((c) => c.key));
    await s.close();
  });

  it('example (b): one report at 12:50 completes the overdue 一般 obligation (20 min late) and the new one', async () => {
    const { s, at } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { environmentAffected: true } });
    at('12:40');
    await s.incidents.update({ id: d.id, patch: { facts: { deaths: 3 }, effectiveAt: t('12:30') } });
    at('12:51');
    const done = await s.incidents.completeClock({
      incidentId: d.id,
      clockId: 'env.county-dept-to-gov@较大#1',
      completedAt: t('12:50'),
      ...COMPLETE,
    });
    const gov = done.clocks.filter((c) => c.clockId === 'env.county-dept-to-gov');
    expect(gov.map((c) => [c.levelLabel, c.closure?.kind, c.closure?.lateMs])).toEqual([
      ['一般', 'met', 20 * 60_000],
      ['较大', 'met', 0],
    ]);
    await s.close();
  });

  it('example (c): downgraded at 11:00, 上一级 closes as 级别调整 30 min late; 本级 met by the 10:20 report; 上一级 runs 11:00 → 14:00', async () => {
    const { s, at } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { deaths: 3 } });
    expect(d.grading.level).toBe('较大');
    at('10:21');
    await s.incidents.completeClock({
      incidentId: d.id,
      clockId: 'env.county-dept-to-gov',
      completedAt: t('10:20'),
      ...COMPLETE,
    });
    at('11:00');
    const after = await s.incidents.update({ id: d.id, patch: { facts: { deaths: 1 }, reason: '复核为1人死亡' } });
    const byKey = (k: string) => after.clocks.find((c) => c.obligationKey === k)!;
    expect(byKey('env.dept-to-upper-dept@较大#0').closure).toMatchObject({ kind: 'level_change', lateMs: 30 * 60_000 });
    expect(byKey('env.county-dept-to-gov@一般#1').closure).toMatchObject({ kind: 'met', at: iso('10:20') });
    expect([byKey('env.dept-to-upper-dept@一般#1').startsAt, byKey('env.dept-to-upper-dept@一般#1').dueAt]).toEqual([
      iso('11:00'),
      iso('14:00'),
    ]);
    expect((await s.incidents.openClocks()).map((c) => c.obligationKey)).not.toContain('env.dept-to-upper-dept@较大#0');
    // Statistics: the 级别调整 one counts as 迟报 of a monitored unit, apart from the duty room's own.
    const res = await dispatch(s.handlers, 'data:stats', { includeDrills: false }, () => undefined);
    if (!res.ok) throw new Error(res.error.message);
    // data:stats's declared output is StatsView
    const view = res.value as StatsView;
    const [room, monitored] = view.stats.clockOutcomes.byOwner;
    expect([room!.owner, room!.late]).toEqual(['room', 0]);
    expect([monitored!.owner, monitored!.late]).toEqual(['monitored', 1]);
    const tables = statsTables(view.stats, '2026年11月');
    expect(tables.find((x) => x.title === '报告时限执行情况（本值班室与督促他方）')?.rows.map((r) => r.key)).toEqual([
      room!.key,
      monitored!.key,
    ]);
    await s.close();
  });

  it('refuses an effectiveAt before 接报, in the future, or before the last change, in Chinese, changing nothing', async () => {
    const { s, at } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { environmentAffected: true } });
    at('12:00');
    await expect(
      s.incidents.update({ id: d.id, patch: { facts: { deaths: 3 }, effectiveAt: t('09:29') } }),
    ).rejects.toThrow('生效时间不能早于接报时间');
    await expect(
      s.incidents.update({ id: d.id, patch: { facts: { deaths: 3 }, effectiveAt: t('12:01') } }),
    ).rejects.toThrow('生效时间不能晚于当前时间');
    const unchanged = await s.incidents.get(d.id);
    expect([unchanged.grading.level, unchanged.timeline.length]).toEqual(['一般', 1]);
    // 接报 itself and now itself are accepted.
    await s.incidents.update({ id: d.id, patch: { facts: { deaths: 3 }, effectiveAt: t('11:00') } });
    await expect(
      s.incidents.update({ id: d.id, patch: { facts: { deaths: 10 }, effectiveAt: t('10:59') } }),
    ).rejects.toThrow(/生效时间不能早于上一次级别变更的生效时间（2026-11-29 11:00）/);
    const kept = await s.incidents.get(d.id);
    expect(kept.grading.level).toBe('较大');
    await s.incidents.update({ id: d.id, patch: { facts: { deaths: 10 }, effectiveAt: t('12:00') } });
    expect(
      (await s.db.read((q) => q.all('SELECT to_level FROM level_changes ORDER BY id'))).map((r) => r.to_level),
    ).toEqual(['较大', '重大']);
    await s.close();
  });

  it('through IPC: effectiveAt must be ISO 8601 with an offset', async () => {
    const { s } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { environmentAffected: true } });
    const res = await dispatch(
      s.handlers,
      'incidents:update',
      { id: d.id, patch: { facts: { deaths: 3 }, effectiveAt: '2026-11-29 12:30' } },
      () => undefined,
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/ISO 8601/);
    await s.close();
  });

  it('without effectiveAt the change counts from now; incidents:get keeps clocks[].to, minutes, startsAt, dueAt and record', async () => {
    const { s, at } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { environmentAffected: true } });
    at('11:00');
    await s.incidents.completeClock({
      incidentId: d.id,
      clockId: 'env.county-dept-to-gov',
      completedAt: t('11:00'),
      ...COMPLETE,
    });
    at('12:10');
    await s.incidents.update({ id: d.id, patch: { facts: { deaths: 3 }, reason: '核实死亡3人' } });
    const res = await dispatch(s.handlers, 'incidents:get', { id: d.id }, () => undefined);
    if (!res.ok) throw new Error(res.error.message);
    // dispatch answers Result<unknown>; the channel's declared output has this shape
    const clocks = (res.value as { clocks: Record<string, unknown>[] }).clocks;
    const gov = clocks.filter((c) => c.clockId === 'env.county-dept-to-gov');
    expect(gov.map((c) => [c.to, c.minutes, c.startsAt, c.dueAt, c.record === null ? null : 'record'])).toEqual([
      ['本级人民政府', 180, iso('09:30'), iso('12:30'), 'record'],
      ['本级人民政府', 60, iso('12:10'), iso('13:10'), null],
    ]);
    await s.close();
  });

  it('registration stores its obligations in its own write, before any later change', async () => {
    const { s } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { environmentAffected: true } });
    const stored = await s.db.read((q) =>
      q.all<{ obligation_key: string; level: string; starts_at: string; due_at: string; closure_kind: null }>(
        'SELECT obligation_key, level, starts_at, due_at, closure_kind FROM obligations WHERE incident_id = ? ORDER BY obligation_key',
        [d.id],
      ),
    );
    const owed = d.clocks.filter((c) => c.obligationKey && c.owner && c.window);
    expect(owed.length).toBeGreaterThan(0);
    expect(stored.map((r) => r.obligation_key)).toEqual(owed.map((c) => c.obligationKey).sort());
    expect(stored).toContainEqual({
      obligation_key: 'env.county-dept-to-gov@一般#0',
      level: '一般',
      starts_at: iso('09:30'),
      due_at: iso('12:30'),
      closure_kind: null,
    });
    await s.close();
  });
});

describe('incidents:set-reporting (issue 12)', () => {
  const tempDir = useTempDirs();

  it('the leader’s 续报 interval runs as a clock from when it was set and restarts at each 续报', async () => {
    const { s, at } = await setup(tempDir());
    const d = await s.incidents.create({ ...INPUT, facts: { environmentAffected: true } });
    at('10:00');
    const set = await s.incidents.setReporting({ id: d.id, followUpMinutes: 60 });
    const cycle = set.clocks.find((c) => c.clockId === 'room.follow-up')!;
    expect([cycle.startsAt, cycle.dueAt, cycle.owner?.kind, cycle.source]).toEqual([
      iso('10:00'),
      iso('11:00'),
      'room',
      'room',
    ]);
    expect(set.timeline.at(-1)!.text).toBe('报告要求：续报提醒：每60分钟（带班领导 李堃 设定）');
    // An open clock like any other: clocks:upcoming, which feeds the alarm engine, lists it.
    expect((await s.incidents.openClocks()).map((c) => c.key)).toContain(cycle.key);
    at('10:40');
    const next = await s.incidents.completeClock({
      incidentId: d.id,
      clockId: cycle.obligationKey!,
      completedAt: t('10:40'),
      ...COMPLETE,
    });
    expect(
      next.clocks
        .filter((c) => c.clockId === 'room.follow-up')
        .map((c) => [c.startsAt, c.dueAt, c.closure?.kind ?? null]),
    ).toEqual([
      [iso('10:00'), iso('11:00'), 'met'],
      [iso('10:40'), iso('11:40'), null],
    ]);
    at('11:00');
    const changed = await s.incidents.setReporting({ id: d.id, followUpMinutes: 30 });
    const cycles = changed.clocks
      .filter((c) => c.clockId === 'room.follow-up')
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    expect(cycles.map((c) => [c.startsAt, c.closure?.kind ?? null, c.closure?.reason ?? null])).toEqual([
      [iso('10:00'), 'met', null],
      [iso('10:40'), 'not_applicable', '续报提醒间隔改为30分钟'],
      [iso('11:00'), null, null],
    ]);
    expect(new Set(cycles.map((c) => c.key)).size).toBe(3);
    at('11:05');
    const cleared = await s.incidents.setReporting({ id: d.id, followUpMinutes: null });
    expect(cleared.clocks.filter((c) => c.clockId === 'room.follow-up' && !c.record)).toEqual([]);
    expect(cleared.clocks.filter((c) => c.clockId === 'room.follow-up')).toHaveLength(3);
    await s.close();
  });

  it('发生时间 不详 needs a discovery time; then clocks counting from occurrence count from discovery (40号 4.1)', async () => {
    const { s, at } = await setup(tempDir());
    const comms = { ...INPUT, category: 'comms' as const, facts: { countiesAffected: 2 } };
    const d = await s.incidents.create(comms);
    at('09:40');
    await expect(s.incidents.setReporting({ id: d.id, occurredUnknown: true })).rejects.toThrow(
      '发生时间不详时须先填写发现时间',
    );
    const withDiscovery = await s.incidents.create({ ...comms, discoveredAt: t('09:20') });
    const unknown = await s.incidents.setReporting({ id: withDiscovery.id, occurredUnknown: true });
    const phone = unknown.clocks.find((c) => c.clockId === 'comms.phone')!;
    expect([phone.startsAt, phone.dueAt, phone.anchorNote]).toEqual([
      iso('09:20'),
      iso('10:00'),
      '发生时间不详，以发现时间计',
    ]);
    await s.close();
  });

  it('handling ended: the radiation 终结报告 is owed 即时（最迟2小时）; not after now', async () => {
    const { s, at } = await setup(tempDir());
    const d = await s.incidents.create({
      ...INPUT,
      category: 'radiation',
      facts: { sourceClass: 4, sourceEvent: 'lost' },
    });
    at('15:00');
    await expect(s.incidents.setReporting({ id: d.id, handlingEndedAt: t('15:01') })).rejects.toThrow(
      '事故处理完毕时间不能晚于当前时间',
    );
    const ended = await s.incidents.setReporting({ id: d.id, handlingEndedAt: t('14:00') });
    const fin = ended.clocks.find((c) => c.clockId === 'rad.final-report')!;
    expect([fin.startsAt, fin.dueAt, fin.window, fin.immediate]).toEqual([
      iso('14:00'),
      iso('16:00'),
      '即时（最迟2小时）',
      true,
    ]);
    await s.close();
  });
});
