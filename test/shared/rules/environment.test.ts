import { describe, expect, it } from 'vitest';
import { gradeIncident, reportingClocks } from '../../../shared/rules';
import type { Clock, EnvironmentFacts, Level, ResponseLevel } from '../../../shared/rules';

const grade = (facts: EnvironmentFacts) => gradeIncident({ plan: 'environment', facts });

const OCC = '2021-09-08T09:00:00+08:00';
const REC = '2021-09-08T09:30:00+08:00';
const REC_MS = Date.parse(REC);
const clocks = (
  level: Level | null | undefined,
  facts: EnvironmentFacts = {},
  done?: Record<string, { at: string; channel?: 'phone' | 'fax' | 'written' | 'system' }>,
) => reportingClocks({ plan: 'environment', level, facts, occurredAt: OCC, receivedAt: REC, done });
const byId = (cs: Clock[], id: string) => cs.find((c) => c.id === id);

describe('附件5 grading: every clause, both sides of every boundary', () => {
  const rows: [string, EnvironmentFacts, Level | null, string | null][] = [
    // ① deaths: 3 → 较大, 10 → 重大, 30 → 特别重大 (以上 includes, 以下 excludes)
    ['0 deaths', { deaths: 0 }, null, null],
    ['1 death', { deaths: 1 }, '一般', '附件5 一般①'],
    ['2 deaths', { deaths: 2 }, '一般', '附件5 一般①'],
    ['3 deaths', { deaths: 3 }, '较大', '附件5 较大①'],
    ['9 deaths', { deaths: 9 }, '较大', '附件5 较大①'],
    ['10 deaths', { deaths: 10 }, '重大', '附件5 重大①'],
    ['29 deaths', { deaths: 29 }, '重大', '附件5 重大①'],
    ['30 deaths', { deaths: 30 }, '特别重大', '附件5 特别重大①'],
    ['9 poisoned', { poisonedOrInjured: 9 }, '一般', '附件5 一般①'],
    ['10 poisoned', { poisonedOrInjured: 10 }, '较大', '附件5 较大①'],
    ['49 poisoned', { poisonedOrInjured: 49 }, '较大', '附件5 较大①'],
    ['50 poisoned', { poisonedOrInjured: 50 }, '重大', '附件5 重大①'],
    ['99 poisoned', { poisonedOrInjured: 99 }, '重大', '附件5 重大①'],
    ['100 poisoned', { poisonedOrInjured: 100 }, '特别重大', '附件5 特别重大①'],
    // ② evacuated
    ['4999 evacuated', { evacuated: 4999 }, '一般', '附件5 一般②'],
    ['5000 evacuated', { evacuated: 5000 }, '较大', '附件5 较大②'],
    ['9999 evacuated', { evacuated: 9999 }, '较大', '附件5 较大②'],
    ['10000 evacuated', { evacuated: 10000 }, '重大', '附件5 重大②'],
    ['49999 evacuated', { evacuated: 49999 }, '重大', '附件5 重大②'],
    ['50000 evacuated', { evacuated: 50000 }, '特别重大', '附件5 特别重大②'],
    // ③ direct loss, in yuan
    ['loss 4999999.99', { directLossYuan: 4_999_999.99 }, '一般', '附件5 一般③'],
    ['loss 500万', { directLossYuan: 5_000_000 }, '较大', '附件5 较大③'],
    ['loss 19999999', { directLossYuan: 19_999_999 }, '较大', '附件5 较大③'],
    ['loss 2000万', { directLossYuan: 20_000_000 }, '重大', '附件5 重大③'],
    ['loss 99999999', { directLossYuan: 99_999_999 }, '重大', '附件5 重大③'],
    ['loss 1亿', { directLossYuan: 100_000_000 }, '特别重大', '附件5 特别重大③'],
    ['loss 0', { directLossYuan: 0 }, null, null],
    // ④ ecology
    ['ecological function lost', { ecologicalFunctionLost: true }, '特别重大', '附件5 特别重大④'],
    ['protected species extinct', { protectedSpeciesExtinct: true }, '特别重大', '附件5 特别重大④'],
    ['ecological function partly lost', { ecologicalFunctionPartlyLost: true }, '重大', '附件5 重大④'],
    ['protected populations mass death', { protectedPopulationsMassDeath: true }, '重大', '附件5 重大④'],
    ['protected species damaged', { protectedSpeciesDamaged: true }, '较大', '附件5 较大④'],
    ['ecology false', { ecologicalFunctionLost: false, protectedSpeciesDamaged: false }, null, null],
    // ⑤ drinking-water intake stopped
    ['intake stopped, city', { waterSourceIntakeStopped: 'city' }, '特别重大', '附件5 特别重大⑤'],
    ['intake stopped, county', { waterSourceIntakeStopped: 'county' }, '重大', '附件5 重大⑤'],
    ['intake stopped, township', { waterSourceIntakeStopped: 'township' }, '较大', '附件5 较大⑤'],
    // ⑥ boundaries
    ['cross province', { crossBoundary: 'province' }, '重大', '附件5 重大⑥'],
    ['cross city', { crossBoundary: 'city' }, '较大', '附件5 较大⑥'],
    ['cross county alone', { crossBoundary: 'county' }, null, null],
    ['county dispute', { countyDisputeGroupImpact: true }, '一般', '附件5 一般④'],
    ['some environmental impact', { environmentAffected: true }, '一般', '附件5 一般⑤'],
    ['nothing', {}, null, null],
  ];
  it.each(rows)('%s', (_name, facts, level, clause) => {
    const g = grade(facts);
    expect(g.level).toBe(level);
    if (clause) expect(g.reasons.map((r) => r.clause)).toContain(clause);
    else expect(g.reasons).toEqual([]);
    for (const r of g.reasons) expect(r.text.length).toBeGreaterThan(5);
  });

  it('takes the highest level any clause reaches and lists every matched clause', () => {
    const g = grade({ deaths: 2, evacuated: 12_000, directLossYuan: 6_000_000, heavyMetals: true });
    expect(g.level).toBe('重大');
    expect(g.reasons.map((r) => `${r.level}:${r.clause}`)).toEqual([
      '重大:附件5 重大②',
      '较大:附件5 较大③',
      '一般:附件5 一般①',
    ]);
  });
});

describe('附件4 response conditions, on what may happen', () => {
  const rows: [string, EnvironmentFacts, ResponseLevel | null, string][] = [
    ['level 特别重大', { deaths: 30 }, '一级', '附件4 一级①'],
    ['level 重大', { deaths: 10 }, '二级', '附件4 二级①'],
    ['level 较大', { deaths: 3 }, '三级', '附件4 三级①'],
    ['level 一般', { deaths: 1 }, '四级', '附件4 四级①'],
    ['may kill 30', { possibleDeaths: 30 }, '一级', '附件4 一级②'],
    ['may kill 29', { possibleDeaths: 29 }, '二级', '附件4 二级②'],
    ['may kill 10', { possibleDeaths: 10 }, '二级', '附件4 二级②'],
    ['may kill 9', { possibleDeaths: 9 }, '三级', '附件4 三级②'],
    ['may kill 3', { possibleDeaths: 3 }, '三级', '附件4 三级②'],
    ['may kill 2', { possibleDeaths: 2 }, '四级', '附件4 四级②'],
    ['may poison 100', { possiblePoisonedOrInjured: 100 }, '一级', '附件4 一级②'],
    ['may poison 99', { possiblePoisonedOrInjured: 99 }, '二级', '附件4 二级②'],
    ['may poison 50', { possiblePoisonedOrInjured: 50 }, '二级', '附件4 二级②'],
    ['may poison 49', { possiblePoisonedOrInjured: 49 }, '三级', '附件4 三级②'],
    ['may poison 10', { possiblePoisonedOrInjured: 10 }, '三级', '附件4 三级②'],
    ['may poison 9', { possiblePoisonedOrInjured: 9 }, '四级', '附件4 四级②'],
    ['evacuate 50000', { evacuationNeeded: 50_000 }, '一级', '附件4 一级③'],
    ['evacuate 49999', { evacuationNeeded: 49_999 }, '二级', '附件4 二级③'],
    ['evacuate 10000', { evacuationNeeded: 10_000 }, '二级', '附件4 二级③'],
    ['evacuate 9999', { evacuationNeeded: 9_999 }, '三级', '附件4 三级③'],
    ['evacuate 5000', { evacuationNeeded: 5_000 }, '三级', '附件4 三级③'],
    ['evacuate 4999', { evacuationNeeded: 4_999 }, '四级', '附件4 四级③'],
    ['may lose 1亿', { possibleLossYuan: 100_000_000 }, '一级', '附件4 一级④'],
    ['may lose 99999999', { possibleLossYuan: 99_999_999 }, '二级', '附件4 二级④'],
    ['may lose 2000万', { possibleLossYuan: 20_000_000 }, '二级', '附件4 二级④'],
    ['may lose 19999999', { possibleLossYuan: 19_999_999 }, '三级', '附件4 三级④'],
    ['may lose 500万', { possibleLossYuan: 5_000_000 }, '三级', '附件4 三级④'],
    ['may lose 4999999', { possibleLossYuan: 4_999_999 }, '四级', '附件4 四级④'],
    ['may lose ecological function', { possibleEcologicalFunctionLost: true }, '一级', '附件4 一级⑤'],
    ['may make species extinct', { possibleProtectedSpeciesExtinct: true }, '一级', '附件4 一级⑤'],
    ['may lose part of it', { possibleEcologicalFunctionPartlyLost: true }, '二级', '附件4 二级⑤'],
    ['may kill populations', { possibleProtectedPopulationsMassDeath: true }, '二级', '附件4 二级⑤'],
    ['may damage species', { possibleProtectedSpeciesDamaged: true }, '三级', '附件4 三级⑤'],
    ['city protection zone', { waterProtectionZoneTier: 'city' }, '一级', '附件4 一级⑥'],
    ['county protection zone', { waterProtectionZoneTier: 'county' }, '二级', '附件4 二级⑥'],
    ['township protection zone', { waterProtectionZoneTier: 'township' }, '三级', '附件4 三级⑥'],
    ['may cross province', { crossProvincePossible: true }, '二级', '附件4 二级⑦'],
    ['may cross city', { crossCityPossible: true }, '三级', '附件4 三级⑦'],
    ['may cause county dispute', { possibleCountyDispute: true }, '四级', '附件4 四级⑤'],
    ['some environmental impact', { environmentAffected: true }, '四级', '附件4 四级⑥'],
  ];
  it.each(rows)('%s', (_n, facts, response, clause) => {
    const g = grade(facts);
    expect(g.response).toBe(response);
    expect(g.responseReasons.map((r) => r.clause)).toContain(clause);
  });

  it('raises the response above the level when worse may follow, never lowers it', () => {
    const g = grade({ deaths: 1, waterProtectionZoneTier: 'county' });
    expect(g.level).toBe('一般');
    expect(g.response).toBe('二级');
    expect(grade({ deaths: 30, possibleDeaths: 1 }).response).toBe('一级');
  });

  it('gives no response when nothing is known', () => {
    expect(grade({}).response).toBeNull();
  });
});

describe('5.1.1(2) department clocks by level, from receipt', () => {
  it('一般: 3 hours to the county government and the next environment department up (①)', () => {
    const cs = clocks('一般');
    for (const id of ['env.county-dept-to-gov', 'env.dept-to-upper-dept']) {
      const c = byId(cs, id)!;
      expect(c.minutes).toBe(180);
      expect(c.clause).toBe('5.1.1(2)①');
      expect(c.anchor).toBe('received');
      expect(Date.parse(c.startsAt)).toBe(REC_MS);
      expect(Date.parse(c.dueAt)).toBe(REC_MS + 3 * 3_600_000);
    }
    expect(byId(cs, 'env.city-gov-to-province')).toBeUndefined();
  });

  it('较大: 1 hour (②) and the city government 2 hours to the province (5.1.1(4))', () => {
    const cs = clocks('较大');
    expect(byId(cs, 'env.county-dept-to-gov')).toMatchObject({ minutes: 60, clause: '5.1.1(2)②' });
    expect(byId(cs, 'env.dept-to-upper-dept')).toMatchObject({ minutes: 60, clause: '5.1.1(2)②' });
    const gov = byId(cs, 'env.city-gov-to-province')!;
    expect(gov).toMatchObject({
      minutes: 120,
      clause: '5.1.1(4)',
      immediate: false,
      from: '市人民政府',
      to: '省人民政府',
    });
    expect(gov.citation).toBe('依据《朔州市突发环境事件应急预案》5.1.1(4)');
    expect(gov.document).toBe('朔政办发〔2021〕43号');
  });

  it.each(['重大', '特别重大'] as const)(
    '%s: 1 hour to the government, the province department and the ministry (③); immediately to the province (5.1.1(5)①)',
    (level) => {
      const cs = clocks(level);
      expect(cs.map((c) => c.id).sort()).toEqual([
        'env.city-gov-to-province',
        'env.county-dept-to-gov',
        'env.dept-to-ministry',
        'env.dept-to-province-dept',
      ]);
      for (const id of ['env.county-dept-to-gov', 'env.dept-to-province-dept', 'env.dept-to-ministry'])
        expect(byId(cs, id)).toMatchObject({ minutes: 60, clause: '5.1.1(2)③' });
      expect(byId(cs, 'env.city-gov-to-province')).toMatchObject({
        immediate: true,
        clause: '5.1.1(4)、5.1.1(5)①',
        minutes: 120,
      });
    },
  );
});

describe('5.1.1(3): level unknown', () => {
  const sensitive: [string, EnvironmentFacts, string][] = [
    ['protection zone', { waterProtectionZone: true }, '5.1.1(3)①'],
    ['protection zone tier', { waterProtectionZoneTier: 'township' }, '5.1.1(3)①'],
    ['sensitive area', { sensitiveArea: true }, '5.1.1(3)②'],
    ['heavy metals', { heavyMetals: true }, '5.1.1(3)③'],
    ['may cross province', { crossProvincePossible: true }, '5.1.1(3)④'],
    ['mass incident', { massIncident: true }, '5.1.1(3)⑤'],
  ];
  it.each(sensitive)('%s → reported as 重大/特别重大', (_n, facts, clause) => {
    expect(grade(facts).level).toBeNull();
    expect(grade(facts).notices.map((n) => n.clause)).toContain(clause);
    const cs = clocks(null, facts);
    const dept = byId(cs, 'env.dept-to-province-dept')!;
    expect(dept.minutes).toBe(60);
    expect(dept.clause).toBe(`5.1.1(2)③、${clause}`);
    expect(byId(cs, 'env.dept-to-ministry')).toBeDefined();
  });

  it('without a sensitive fact: only the city government clock of 5.1.1(4) (暂时无法判明等级)', () => {
    const cs = clocks(null, {});
    expect(cs.map((c) => c.id)).toEqual(['env.city-gov-to-province']);
    expect(cs[0]!.immediate).toBe(false);
  });

  it('does not apply once the level is known', () => {
    const cs = clocks('一般', { heavyMetals: true });
    expect(byId(cs, 'env.county-dept-to-gov')!.minutes).toBe(180);
    expect(byId(cs, 'env.dept-to-province-dept')).toBeUndefined();
    expect(grade({ deaths: 1, heavyMetals: true }).notices.some((n) => n.clause.startsWith('5.1.1(3)'))).toBe(false);
  });

  it('grades the facts when no level is passed', () => {
    expect(
      byId(
        reportingClocks({ plan: 'environment', facts: { deaths: 3 }, occurredAt: OCC, receivedAt: REC }),
        'env.county-dept-to-gov',
      )!.clause,
    ).toBe('5.1.1(2)②');
  });
});

describe('5.1.1(5): immediately to the province', () => {
  const cases: [string, EnvironmentFacts, string][] = [
    ['large mass incident', { largeMassIncident: true }, '5.1.1(5)②'],
    ['may cross province', { crossProvincePossible: true }, '5.1.1(5)③'],
    ['foreign cause', { foreignCause: true }, '5.1.1(5)④'],
    ['city government deems it necessary', { cityGovDeemsNecessary: true }, '5.1.1(5)⑤'],
  ];
  it.each(cases)('%s, even at 一般', (_n, facts, clause) => {
    const gov = byId(clocks('一般', facts), 'env.city-gov-to-province')!;
    expect(gov.immediate).toBe(true);
    expect(gov.clause).toContain(clause);
    expect(gov.title).toBe('立即报告省人民政府');
    expect(grade({ deaths: 1, ...facts }).notices.map((n) => n.clause)).toContain(clause);
  });
});

describe('phone first, then written within 30 minutes (5.1.1(4))', () => {
  it('adds the written follow-up anchored at the phone call', () => {
    const at = '2021-09-08T10:05:00+08:00';
    const cs = clocks('较大', {}, { 'env.city-gov-to-province': { at, channel: 'phone' } });
    const w = byId(cs, 'env.city-gov-written')!;
    expect(w.anchor).toBe('after:env.city-gov-to-province');
    expect(w.channel).toBe('written');
    expect(w.optional).toBe(true);
    expect(Date.parse(w.startsAt)).toBe(Date.parse(at));
    expect(Date.parse(w.dueAt)).toBe(Date.parse(at) + 30 * 60_000);
    expect(byId(cs, 'env.city-gov-to-province')).toBeDefined();
  });

  it('adds nothing when the report went in writing', () => {
    expect(
      byId(clocks('较大', {}, { 'env.city-gov-to-province': { at: REC, channel: 'written' } }), 'env.city-gov-written'),
    ).toBeUndefined();
    expect(
      byId(clocks('较大', {}, { 'env.city-gov-to-province': { at: REC } }), 'env.city-gov-written'),
    ).toBeUndefined();
  });
});

describe('5.1.1(6): a changed level reports under the new level', () => {
  it('keeps ids of obligations that persist, adds the new ones, keeps the phone follow-up', () => {
    const done = {
      'env.county-dept-to-gov': { at: '2021-09-08T10:00:00+08:00' },
      'env.city-gov-to-province': { at: '2021-09-08T10:10:00+08:00', channel: 'phone' as const },
    };
    const before = clocks('较大', {}, done);
    const after = clocks('重大', {}, done);
    expect(byId(after, 'env.county-dept-to-gov')!.clause).toBe('5.1.1(2)③');
    expect(byId(after, 'env.dept-to-province-dept')).toBeDefined();
    expect(byId(after, 'env.city-gov-written')).toBeDefined();
    // Every completed id of the old level that the new level still owes is still there.
    for (const id of Object.keys(done)) expect(byId(after, id)).toBeDefined();
    expect(new Set(after.map((c) => c.id)).size).toBe(after.length);
    expect(before.map((c) => c.id)).toContain('env.dept-to-upper-dept');
  });

  it('keeps the written follow-up owed after a downgrade', () => {
    const done = { 'env.city-gov-to-province': { at: '2021-09-08T10:10:00+08:00', channel: 'phone' as const } };
    expect(byId(clocks('一般', {}, done), 'env.city-gov-written')).toBeDefined();
  });
});
