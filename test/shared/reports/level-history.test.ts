import { describe, expect, it } from 'vitest';
import { levelHistoryOf } from '../../../shared/incidents/level-history';
import { draftReport, prefillSource, withLevelHistory, type PrefillSource } from '../../../shared/reports/prefill';

const change = (from: string | null, to: string | null, effectiveAt: string, reason = '核实') => ({
  kind: 'level' as const,
  at: effectiveAt,
  data: { levelChange: { from, to, effectiveAt, by: '赵珺', reason } },
});

const source = (category: PrefillSource['category'], history?: string[]): PrefillSource => ({
  title: '测试事件',
  category,
  places: ['朔城区'],
  occurredAt: '2026-11-29T01:00:00.000Z',
  reporterUnit: '朔城区生态环境分局',
  reporterName: '王镕',
  reporterPhone: '0349-2012345',
  receiveChannel: '电话',
  narrative: '经过',
  facts: {},
  grading: { level: '较大', response: null },
  ...(history ? { levelHistory: history } : {}),
});

const ctx = (incident: PrefillSource, kind: '初报' | '续报' | '终报' = '续报') => ({
  incident,
  kind,
  seq: 1,
  station: '朔州市人民政府总值班室',
  now: '2026-11-29T06:00:00.000Z',
});

describe('level history from the timeline (43号 5.1.1(6))', () => {
  it('reads level entries in order of effectiveAt and skips other kinds and malformed data', () => {
    const h = levelHistoryOf([
      change('较大', '重大', '2026-11-29T06:00:00.000Z'),
      { kind: 'note', at: '2026-11-29T05:00:00.000Z', data: { levelChange: { from: '一般' } } },
      change('一般', '较大', '2026-11-29T04:30:00.000Z'),
      { kind: 'level', at: '2026-11-29T05:00:00.000Z', data: { levelChange: { from: '很大', to: '一般' } } },
      change(null, '一般', 'not a time'),
    ]);
    expect(h.map((c) => [c.from, c.to])).toEqual([
      ['一般', '较大'],
      ['较大', '重大'],
    ]);
  });

  it('prefillSource takes the history from the timeline, one line per change', () => {
    const s = prefillSource({
      ...source('environment'),
      timeline: [change('一般', '较大', '2026-11-29T04:30:00.000Z')],
    });
    expect(s.levelHistory).toEqual(['事件级别 一般 → 较大（自 2026-11-29 12:30 起，赵珺：核实）']);
    expect(prefillSource({ ...source('environment'), timeline: [] }).levelHistory).toBeUndefined();
  });
});

describe('the next report carries the level history', () => {
  const line = '事件级别 一般 → 较大（自 2026-11-29 12:30 起，赵珺：核实）';

  it('radiation 后续报告表: under 级别变化 in the narrative; 终结报告: in the summary', () => {
    const follow = draftReport(ctx(source('radiation', [line])));
    expect(follow.kind).toBe('radiation-follow-up');
    if (follow.kind !== 'radiation-follow-up') return;
    expect(follow.data.narrative).toBe(`经过\n级别变化：${line}`);
    const final = draftReport(ctx(source('radiation', [line]), '终报'));
    if (final.kind !== 'radiation-final') throw new Error('终结报告应为独立文书');
    expect(final.data.summary).toBe(`经过\n级别变化：${line}`);
  });

  it('comms: beside 事件级别; nothing added without a history; a line already there is not repeated', () => {
    const comms = draftReport(ctx(source('comms', [line])));
    if (comms.kind !== 'info-report' || comms.data.plan !== 'comms') throw new Error('通信事件应为信息报告');
    expect(comms.data.content.level).toBe(`较大；级别变化：${line}`);
    const plain = draftReport(ctx(source('comms')));
    if (plain.kind !== 'info-report' || plain.data.plan !== 'comms') throw new Error('通信事件应为信息报告');
    expect(plain.data.content.level).toBe('较大');
    expect(withLevelHistory(comms, [line])).toEqual(comms);
  });
});
