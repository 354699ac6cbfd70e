import { describe, expect, it } from 'vitest';
import { noticesFor, reportingClocks } from '../../../shared/rules';
import type { Clock, ClocksInput, EnvironmentFacts, Level, RadiationFacts } from '../../../shared/rules';

const OCC = '2021-09-08T08:00:00+08:00';
const DISC = '2021-09-08T09:00:00+08:00';
const REC = '2021-09-08T09:40:00+08:00';
const iso = (s: string) => new Date(s).toISOString();
const ids = (cs: Clock[]) => cs.map((c) => c.id);
const byId = (cs: Clock[], id: string) => cs.find((c) => c.id === id);
const rad = (level: Level | null, facts: RadiationFacts = {}, extra: Partial<ClocksInput<'radiation'>> = {}) =>
  reportingClocks({ plan: 'radiation', level, facts, occurredAt: OCC, discoveredAt: DISC, receivedAt: REC, ...extra });
const env = (level: Level | null, facts: EnvironmentFacts = {}, extra: Partial<ClocksInput<'environment'>> = {}) =>
  reportingClocks({ plan: 'environment', level, facts, occurredAt: OCC, receivedAt: REC, ...extra });

describe('42号 4.1.1(3) 逐级报告: the county government reports to the city within 2 h (重大、特别重大)', () => {
  const rows: [string, Level | null, string[], boolean][] = [
    ['重大 in 应县', '重大', ['应县'], true],
    ['特别重大 in 朔城区', '特别重大', ['朔城区'], true],
    ['较大 in 应县 (below the clause)', '较大', ['应县'], false],
    ['一般 in 应县', '一般', ['应县'], false],
    ['重大 in 朔州经济开发区 (no 县级政府)', '重大', ['朔州经济开发区'], false],
    ['重大, place not recorded', '重大', [], false],
    ['重大 in 开发区 and 怀仁市', '重大', ['朔州经济开发区', '怀仁市'], true],
  ];
  it.each(rows)('%s', (_n, level, places, owed) => {
    const cs = rad(level, {}, { places });
    const c = byId(cs, 'rad.county-gov-to-city');
    expect(c !== undefined).toBe(owed);
    if (c) {
      expect([c.to, c.minutes, c.dueAt, c.clause, c.owner.kind, c.levelBound]).toEqual([
        '市政府',
        120,
        iso('2021-09-08T11:40:00+08:00'),
        '4.1.1(3)',
        'monitored',
        true,
      ]);
      // The chain reads in order: county → city before city → province.
      expect(ids(cs).indexOf('rad.county-gov-to-city')).toBeLessThan(ids(cs).indexOf('rad.gov-to-upper-gov'));
    }
  });

  it('the city’s own report to the province is the duty room’s', () => {
    const c = byId(rad('重大'), 'rad.gov-to-upper-gov')!;
    expect([c.from, c.to, c.owner.kind]).toEqual(['市政府', '省政府', 'room']);
  });
});

describe('42号 4.1.1(1): the unit’s report must be written', () => {
  it('is a written clock owed by the unit, from discovery, whatever the level', () => {
    for (const level of [null, '一般', '特别重大'] as const) {
      const c = byId(rad(level), 'rad.unit-written')!;
      expect([c.channel, c.owner.kind, c.owner.unit, c.startsAt, c.levelBound]).toEqual([
        'written',
        'monitored',
        '事发单位',
        iso(DISC),
        false,
      ]);
    }
  });
});

describe('42号 4.1.2 终结报告: 即时 when handling ends', () => {
  it('is absent while handling goes on', () => expect(byId(rad('一般'), 'rad.final-report')).toBeUndefined());
  it('counts from the end of handling, or the end of the response when that is all there is', () => {
    expect(byId(rad('一般', {}, { responseEndedAt: '2021-09-20T18:00:00+08:00' }), 'rad.final-report')!.startsAt).toBe(
      iso('2021-09-20T18:00:00+08:00'),
    );
    const c = byId(
      rad('一般', {}, { responseEndedAt: '2021-09-20T18:00:00+08:00', handlingEndedAt: '2021-09-19T10:00:00+08:00' }),
      'rad.final-report',
    )!;
    expect([c.startsAt, c.window, c.immediate, c.channel, c.reportKind, c.owner.kind]).toEqual([
      iso('2021-09-19T10:00:00+08:00'),
      '即时（最迟2小时）',
      true,
      'written',
      '终结报告',
      'room',
    ]);
  });
});

describe('42号 4.1.3 cross-boundary notices (radiation facts added for it)', () => {
  const rows: [string, RadiationFacts, string[]][] = [
    ['no boundary', {}, []],
    ['adjacent area false', { adjacentAreaInvolved: false }, []],
    ['adjacent area', { adjacentAreaInvolved: true }, ['rad.notify-adjacent']],
    ['cross city', { crossCityPossible: true }, ['rad.notify-city-dept', 'rad.suggest-city-gov']],
  ];
  it.each(rows)('%s', (_n, facts, expected) => {
    const got = ids(rad('一般', facts)).filter((id) => /notify|suggest/.test(id));
    expect(got.sort()).toEqual([...expected].sort());
    for (const id of expected) expect(byId(rad('一般', facts), id)!.window).toBe('及时（最迟2小时）');
  });
});

describe('43号 5.1.3 cross-boundary notices', () => {
  const rows: [string, EnvironmentFacts, string[]][] = [
    ['none', {}, []],
    ['相邻县 (fact)', { adjacentCountyInvolved: true }, ['env.notify-adjacent-county']],
    ['跨县 impact', { crossBoundary: 'county' }, ['env.notify-adjacent-county']],
    ['跨市 possible', { crossCityPossible: true }, ['env.notify-city-dept', 'env.suggest-city-gov']],
    ['跨市 impact', { crossBoundary: 'city' }, ['env.notify-city-dept', 'env.suggest-city-gov']],
    [
      '跨省 possible',
      { crossProvincePossible: true },
      ['env.cross-province-to-city-gov', 'env.cross-province-to-province-dept'],
    ],
    [
      '跨省 impact',
      { crossBoundary: 'province' },
      ['env.cross-province-to-city-gov', 'env.cross-province-to-province-dept'],
    ],
  ];
  it.each(rows)('%s', (_n, facts, expected) => {
    const got = ids(env('一般', facts)).filter((id) => /notify|suggest|cross-province/.test(id));
    expect(got.sort()).toEqual([...expected].sort());
  });

  it('跨省: 市生态环境局 reports 立即 to 市人民政府 and 省生态环境厅, latest 1 h, a duty it owes (monitored)', () => {
    const cs = env('重大', { crossProvincePossible: true });
    expect([
      byId(cs, 'env.cross-province-to-city-gov')!.to,
      byId(cs, 'env.cross-province-to-province-dept')!.to,
    ]).toEqual(['市人民政府', '省生态环境厅']);
    for (const id of ['env.cross-province-to-city-gov', 'env.cross-province-to-province-dept']) {
      const c = byId(cs, id)!;
      expect([c.from, c.window, c.minutes, c.immediate, c.clause, c.owner.kind]).toEqual([
        '市生态环境局',
        '立即（最迟1小时）',
        60,
        true,
        '5.1.3',
        'monitored',
      ]);
    }
  });
});

describe('立即 duties are labelled 立即 with the latest limit, never a bare countdown', () => {
  it('5.1.1(5): the city clock reads 立即（最迟2小时）; without a (5) case it reads 2小时内', () => {
    expect(byId(env('重大'), 'env.city-gov-to-province')!.window).toBe('立即（最迟2小时）');
    expect(byId(env('较大'), 'env.city-gov-to-province')!.window).toBe('2小时内');
    expect(byId(env('较大'), 'env.city-gov-to-province')!.immediate).toBe(false);
  });
});

describe('whose clock: the duty room’s own or one it monitors', () => {
  it('room clocks are exactly those 市政府 / 市指挥部 owe', () => {
    const all = [
      ...env(
        null,
        { heavyMetals: true, crossProvincePossible: true, adjacentCountyInvolved: true },
        { done: { 'env.city-gov-to-province': { at: REC, channel: 'phone' } } },
      ),
      ...rad(
        '重大',
        {
          peopleExposed: true,
          adjacentAreaInvolved: true,
          crossCityPossible: true,
          sourceEvent: 'lost',
          sourceUnrecovered: true,
        },
        {
          places: ['应县'],
          responseEndedAt: '2021-09-20T18:00:00+08:00',
          done: { 'rad.gov-to-upper-gov': { at: REC, channel: 'phone' } },
        },
      ),
      ...reportingClocks({ plan: 'comms', occurredAt: OCC, receivedAt: REC }),
      ...reportingClocks({ plan: 'forest_fire', occurredAt: OCC, receivedAt: REC, orderedAt: REC }),
    ];
    const room = all
      .filter((c) => c.owner.kind === 'room')
      .map((c) => c.id)
      .sort();
    expect(room).toEqual(
      [
        'env.city-gov-to-province',
        'env.city-gov-written',
        'rad.city-gov-written',
        'rad.final-report',
        'rad.gov-to-upper-gov',
        'rad.summary-report',
      ].sort(),
    );
    for (const c of all) expect(c.owner.unit.length).toBeGreaterThan(1);
  });
});

describe('发生时间 不详（以发现时间计）', () => {
  it('clocks counting from occurrence count from discovery and say so (40号 4.1)', () => {
    const cs = reportingClocks({
      plan: 'comms',
      occurredAt: OCC,
      occurredUnknown: true,
      discoveredAt: DISC,
      receivedAt: REC,
    });
    for (const c of cs) expect([c.startsAt, c.anchorNote]).toEqual([iso(DISC), '发生时间不详，以发现时间计']);
    const known = reportingClocks({ plan: 'comms', occurredAt: OCC, discoveredAt: DISC, receivedAt: REC });
    for (const c of known) expect([c.startsAt, c.anchorNote]).toEqual([iso(OCC), undefined]);
  });
  it('clocks from discovery or receipt carry no note', () => {
    const cs = rad('一般', {}, { occurredUnknown: true });
    expect(byId(cs, 'rad.unit-written')!.anchorNote).toBeUndefined();
  });
  it('needs a discovery time, not later than 接报', () => {
    expect(() => reportingClocks({ plan: 'comms', occurredAt: OCC, occurredUnknown: true, receivedAt: REC })).toThrow(
      '发生时间不详时须填写',
    );
    expect(() =>
      reportingClocks({
        plan: 'comms',
        occurredAt: OCC,
        occurredUnknown: true,
        discoveredAt: '2021-09-08T09:41:00+08:00',
        receivedAt: REC,
      }),
    ).toThrow('不能早于 discoveredAt');
    expect(() =>
      reportingClocks({ plan: 'comms', occurredAt: OCC, occurredUnknown: true, discoveredAt: REC, receivedAt: REC }),
    ).not.toThrow();
  });
});

describe('overridden level: notices follow the level in force', () => {
  it('5.1.1(5)① at an overridden 重大, none at 较大; 5.1.1(3) only while the level is unknown', () => {
    expect(noticesFor('environment', '重大', {}).map((n) => n.clause)).toEqual(['5.1.1(5)①']);
    expect(noticesFor('environment', '较大', {})).toEqual([]);
    expect(noticesFor('environment', null, { heavyMetals: true }).map((n) => n.clause)).toEqual(['5.1.1(3)③']);
    expect(noticesFor('environment', '一般', { heavyMetals: true })).toEqual([]);
  });
});
