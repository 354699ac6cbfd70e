import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';

const NOW = new Date('2026-11-29T02:00:00.000Z');

describe('IncidentService', () => {
  const tempDir = useTempDirs();

  it('refuses to record anything before the officers on duty are registered', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await expect(
      s.incidents.create({ ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null }),
    ).rejects.toThrow(/值班人员/);
    expect(await s.incidents.list({ drills: 'include' })).toEqual([]);
    await s.close();
  });

  it('registers an incident with its grading, clocks and a timeline entry carrying the officer', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const d = await s.incidents.create({
      ...ENV_INPUT,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    expect(d.serial).toBe('2026-0001');
    expect(d.status).toBe('接报');
    expect(d.grading.level).toBe('较大'); // 10–49 poisoned or injured: 附件5 较大
    expect(d.clocks.length).toBeGreaterThan(0);
    for (const c of d.clocks) {
      expect(Date.parse(c.dueAt)).toBe(Date.parse(c.startsAt) + c.minutes * 60_000);
      expect(c.citation).toMatch(/依据/);
    }
    expect(d.timeline).toHaveLength(1);
    expect(d.timeline[0]!.officer).toBe('赵珺');
    expect(d.createdBy).toBe('赵珺');
    await s.close();
  });

  it('keeps drills apart: marked, separately numbered and filterable', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    await s.incidents.create({ ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null });
    const drill = await s.incidents.create({
      ...ENV_INPUT,
      title: '应急演练',
      drill: true,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    expect(drill.drill).toBe(true);
    expect(drill.serial).toBe('YL2026-0001');
    expect((await s.incidents.list({ drills: 'exclude' })).map((i) => i.title)).toEqual([ENV_INPUT.title]);
    expect((await s.incidents.list({ drills: 'only' })).map((i) => i.title)).toEqual(['应急演练']);
    await s.close();
  });

  it('moves through the status lifecycle, recording each change, and refuses illegal steps', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    const d = await s.incidents.create({
      ...ENV_INPUT,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    await s.incidents.setStatus({ id: d.id, status: '核实中', note: '' });
    await s.incidents.setStatus({ id: d.id, status: '响应中', note: '启动三级响应' });
    await expect(s.incidents.setStatus({ id: d.id, status: '已归档', note: '' })).rejects.toThrow(
      /不能从「响应中」改为「已归档」/,
    );
    const after = await s.incidents.get(d.id);
    expect(after.status).toBe('响应中');
    expect(after.timeline.filter((e) => e.kind === 'status').map((e) => e.text)).toEqual([
      '状态 接报 → 核实中',
      '状态 核实中 → 响应中：启动三级响应',
    ]);
    await s.close();
  });

  it('voids an entry with a reason; the entry stays, marked, and cannot be voided twice', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    const d = await s.incidents.create({
      ...ENV_INPUT,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    const withNote = await s.incidents.addNote({ id: d.id, kind: '领导批示', text: '立即核实', givenBy: '王副市长' });
    const note = withNote.timeline.find((e) => e.kind === 'instruction')!;
    expect(note.text).toBe('王副市长批示：立即核实');
    const voided = await s.incidents.voidEntry({ incidentId: d.id, entryId: note.id, reason: '记错事件' });
    const kept = voided.timeline.find((e) => e.id === note.id)!;
    expect(kept.voided).toMatchObject({ by: '乙', reason: '记错事件' });
    expect(voided.timeline.some((e) => e.kind === 'void')).toBe(true);
    await expect(s.incidents.voidEntry({ incidentId: d.id, entryId: note.id, reason: '再次' })).rejects.toThrow(
      /已作废/,
    );
    await s.close();
  });

  it('re-derives clocks when the level changes, keeping completed ones and logging the change', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    const d = await s.incidents.create({
      ...ENV_INPUT,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    const first = d.clocks[0]!;
    await s.incidents.completeClock({
      incidentId: d.id,
      clockId: first.clockId,
      completedAt: '2026-11-29T01:50:00.000Z',
      channel: '电话',
      recipientUnit: first.to,
      recipientName: '值班员张',
    });
    const upgraded = await s.incidents.update({
      id: d.id,
      patch: { facts: { deaths: 12 }, reason: '死亡人数核实为12人' },
    });
    expect(upgraded.grading.level).toBe('重大');
    const ids = new Set(upgraded.clocks.map((c) => c.clockId));
    expect(upgraded.clocks.length).toBeGreaterThanOrEqual(d.clocks.length);
    // What was completed stays completed (on a kept clock, or kept as a record).
    const kept =
      upgraded.clocks.find((c) => c.clockId === first.clockId)?.record ??
      upgraded.orphanClockRecords.find((r) => r.clockId === first.clockId);
    expect(kept?.completedAt).toBe('2026-11-29T01:50:00.000Z');
    // The same report owed under the new level is a new obligation (43号 5.1.1(6)): keys stay unique.
    expect(ids.has(first.clockId)).toBe(true);
    expect(new Set(upgraded.clocks.map((c) => c.key)).size).toBe(upgraded.clocks.length);
    const logged = upgraded.timeline.at(-1)!;
    expect(logged.kind).toBe('level');
    expect(logged.text).toMatch(/较大 → 重大/);
    // Each changed fact by its label, as the officer entered it: never the facts object, never a key.
    expect(logged.text).toMatch(/^修改：死亡人数 0 → 12。/);
    expect(logged.text).not.toMatch(/[{}]|deaths|poisoned/);
    await s.close();
  });

  it('writes a changed time into the timeline in Beijing time, and an enum fact by its option', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    const d = await s.incidents.create({
      ...ENV_INPUT,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    const edited = await s.incidents.update({
      id: d.id,
      patch: {
        occurredAt: '2026-11-29T00:55:00.000Z',
        facts: { ...ENV_INPUT.facts, waterSourceIntakeStopped: 'township' },
        reason: '核实发生时间',
      },
    });
    const text = edited.timeline.at(-1)!.text;
    expect(text).toContain('发生时间 2026年11月29日 09:00 → 2026年11月29日 08:55');
    expect(text).toContain('乡镇');
    expect(text).not.toMatch(/T\d{2}:|Z\b|township/);
    await s.close();
  });

  it('shows a back-dated receive time as a clock already late', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    const d = await s.incidents.create({
      ...ENV_INPUT,
      occurredAt: '2026-11-28T20:00:00.000Z',
      receivedAt: '2026-11-28T20:05:00.000Z',
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    expect(d.clocks.some((c) => Date.parse(c.dueAt) < NOW.getTime())).toBe(true);
    await s.close();
  });

  it('rejects facts the plan cannot accept and changes nothing', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    await expect(
      s.incidents.create({
        ...ENV_INPUT,
        facts: { deaths: -3 },
        levelOverride: null,
        responseOverride: null,
        discoveredAt: null,
      }),
    ).rejects.toThrow(/事件要素有误/);
    expect(await s.incidents.list({ drills: 'include' })).toEqual([]);
    await s.close();
  });

  it('marks a clock not applicable only with a reason, recorded in the timeline', async () => {
    const s = await makeServices(tempDir(), { now: () => NOW });
    await s.incidents.setDuty({ leader: '甲', officer: '乙' });
    const d = await s.incidents.create({
      ...ENV_INPUT,
      levelOverride: null,
      responseOverride: null,
      discoveredAt: null,
    });
    const c = d.clocks[0]!;
    const after = await s.incidents.markNotApplicable({
      incidentId: d.id,
      clockId: c.clockId,
      reason: '已由县政府直报',
    });
    expect(after.clocks.find((x) => x.clockId === c.clockId)!.record!.notApplicableReason).toBe('已由县政府直报');
    expect(after.timeline.at(-1)!.text).toMatch(/不适用/);
    await expect(s.incidents.markNotApplicable({ incidentId: d.id, clockId: c.clockId, reason: 'x' })).rejects.toThrow(
      /已有记录/,
    );
    await s.close();
  });
});
