import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { useTempDirs } from '../../../helpers/temp-dir';
import { ENV_INPUT, makeServices } from '../../../helpers/services';

const NOW = new Date('2026-11-29T02:00:00.000Z');

async function setup(dir: string) {
  const s = await makeServices(dir, { now: () => NOW });
  await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
  const inc = await s.incidents.create({ ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null });
  const run = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(s.handlers, channel, input, () => undefined);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  return { s, inc, run };
}

type R = { id: number; label: string; status: string; versions: { version: number; content: { kind: string; data: Record<string, unknown> } }[]; changesSincePrevious: { path: string }[]; sentVersion: number | null };

describe('report chain', () => {
  const tempDir = useTempDirs();

  it('drafts an 初报 prefilled from the incident with the plan C 5.1.1 content list', async () => {
    const { s, inc, run } = await setup(tempDir());
    const r = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    expect(r.label).toBe('初报');
    expect(r.status).toBe('draft');
    const content = r.versions[0]!.content;
    expect(content.kind).toBe('info-report');
    expect(content.data).toMatchObject({ plan: 'environment', kind: '初报', eventTitle: ENV_INPUT.title });
    expect((content.data.content as Record<string, string>).casualtiesAndLoss).toContain('12人');
    await s.close();
  });

  it('numbers follow-ups, refuses a second 初报 and anything after the 终报', async () => {
    const { s, inc, run } = await setup(tempDir());
    await expect(run('reports:draft', { incidentId: inc.id, kind: '续报' })).rejects.toThrow(/先起草并报送初报/);
    await run('reports:draft', { incidentId: inc.id, kind: '初报' });
    await expect(run('reports:draft', { incidentId: inc.id, kind: '初报' })).rejects.toThrow(/已有初报/);
    expect((await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' })).label).toBe('续报一');
    expect((await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' })).label).toBe('续报二');
    await run('reports:draft', { incidentId: inc.id, kind: '终报' });
    await expect(run('reports:draft', { incidentId: inc.id, kind: '续报' })).rejects.toThrow(/已有终报/);
    await s.close();
  });

  it('keeps every version, signs, dispatches and completes the clocks it satisfies; a sent report is never edited', async () => {
    const { s, inc, run } = await setup(tempDir());
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    const edited = structuredClone(draft.versions[0]!.content);
    (edited.data.content as Record<string, string>).pollutants = '氨氮约2吨';
    const v2 = await run<R>('reports:save', { reportId: draft.id, content: edited });
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2]);
    await expect(run('reports:dispatch', { reportId: draft.id, sentAt: NOW.toISOString(), sentTo: '市政府', channel: '书面', confirmedBy: '张', clockIds: [] })).rejects.toThrow(/尚未签发/);
    await run('reports:sign', { reportId: draft.id, signedBy: '王副主任', signedAt: NOW.toISOString() });
    await expect(run('reports:save', { reportId: draft.id, content: edited })).rejects.toThrow(/不能再修改/);
    const clock = inc.clocks[0]!;
    const sent = await run<R>('reports:dispatch', {
      reportId: draft.id,
      sentAt: '2026-11-29T01:55:00.000Z',
      sentTo: clock.to,
      channel: '书面',
      confirmedBy: '刘喆',
      clockIds: [clock.clockId],
    });
    expect(sent.status).toBe('sent');
    expect(sent.sentVersion).toBe(2);
    const after = await s.incidents.get(inc.id);
    expect(after.clocks.find((c) => c.clockId === clock.clockId)!.record).toMatchObject({
      completedAt: '2026-11-29T01:55:00.000Z',
      recipientName: '刘喆',
      channel: '书面',
    });
    expect(after.timeline.at(-1)!.text).toMatch(/初报（第2稿）以书面报送/);
    await expect(run('reports:dispatch', { reportId: draft.id, sentAt: NOW.toISOString(), sentTo: 'x', channel: '书面', confirmedBy: 'y', clockIds: [] })).rejects.toThrow(/已报送/);
    const correction = await run<R>('reports:correct', { reportId: draft.id });
    expect(correction.label).toBe('更正报告（第一次）');
    expect(correction.versions[0]!.content).toEqual(edited);
    await s.close();
  });

  it('shows what a follow-up changes since the previous report', async () => {
    const { s, inc, run } = await setup(tempDir());
    await run('reports:draft', { incidentId: inc.id, kind: '初报' });
    await s.incidents.update({ id: inc.id, patch: { narrative: '死鱼范围扩大至下游3公里', reason: '' } });
    const next = await run<R>('reports:draft', { incidentId: inc.id, kind: '续报' });
    expect(next.changesSincePrevious.map((c) => c.path)).toContain('content.trendAndHandling');
    await s.close();
  });

  it('rejects content the form cannot print, and an unknown clock, changing nothing', async () => {
    const { s, inc, run } = await setup(tempDir());
    const draft = await run<R>('reports:draft', { incidentId: inc.id, kind: '初报' });
    await expect(run('reports:save', { reportId: draft.id, content: { kind: 'info-report', data: { plan: 'martian' } } })).rejects.toThrow(/报告内容有误/);
    await run('reports:sign', { reportId: draft.id, signedBy: '王', signedAt: NOW.toISOString() });
    await expect(run('reports:dispatch', { reportId: draft.id, sentAt: NOW.toISOString(), sentTo: '市政府', channel: '书面', confirmedBy: '张', clockIds: ['no.such.clock'] })).rejects.toThrow(/没有时限/);
    const list = await run<R[]>('reports:list', { incidentId: inc.id });
    expect(list[0]!.versions).toHaveLength(1);
    expect(list[0]!.status).toBe('signed');
    await s.close();
  });
});
