import { describe, expect, it } from 'vitest';
import { gradeIncident, reportingClocks } from '../../../shared/rules';
import type { Clock, Level, RadiationFacts, ResponseLevel } from '../../../shared/rules';

const grade = (facts: RadiationFacts) => gradeIncident({ plan: 'radiation', facts });
const OCC = '2021-09-08T08:00:00+08:00';
const DISC = '2021-09-08T09:00:00+08:00';
const REC = '2021-09-08T09:40:00+08:00';
const END = '2021-09-20T18:00:00+08:00';
const byId = (cs: Clock[], id: string) => cs.find((c) => c.id === id);
const clocks = (
  level: Level | null | undefined,
  facts: RadiationFacts = {},
  extra: Partial<Parameters<typeof reportingClocks>[0]> = {},
) =>
  reportingClocks({ plan: 'radiation', level, facts, occurredAt: OCC, discoveredAt: DISC, receivedAt: REC, ...extra });

describe('附件3 grading: every clause, both sides of every boundary', () => {
  const rows: [string, RadiationFacts, Level | null, string | null][] = [
    [
      'class I lost, large contamination',
      { sourceClass: 1, sourceEvent: 'lost', contamination: 'large' },
      '特别重大',
      '附件3 特别重大(1)',
    ],
    [
      'class II stolen, large contamination',
      { sourceClass: 2, sourceEvent: 'stolen', contamination: 'large' },
      '特别重大',
      '附件3 特别重大(1)',
    ],
    [
      'class II out of control, wide contamination',
      { sourceClass: 2, sourceEvent: 'out_of_control', contamination: 'wide' },
      '重大',
      '附件3 重大(1)',
    ],
    ['class I lost', { sourceClass: 1, sourceEvent: 'lost' }, '重大', '附件3 重大(1)'],
    ['class III stolen', { sourceClass: 3, sourceEvent: 'stolen' }, '较大', '附件3 较大(1)'],
    [
      'class III lost, large contamination (no leak)',
      { sourceClass: 3, sourceEvent: 'lost', contamination: 'large' },
      '较大',
      '附件3 较大(1)',
    ],
    ['class IV lost', { sourceClass: 4, sourceEvent: 'lost' }, '一般', '附件3 一般(1)'],
    ['class V out of control', { sourceClass: 5, sourceEvent: 'out_of_control' }, '一般', '附件3 一般(1)'],
    ['class I, nothing happened to it', { sourceClass: 1 }, null, null],
    ['lost, class unknown', { sourceEvent: 'lost' }, null, null],
    ['3 acute deaths', { acuteDeaths: 3 }, '特别重大', '附件3 特别重大(2)'],
    ['2 acute deaths', { acuteDeaths: 2 }, '重大', '附件3 重大(2)'],
    ['1 acute death', { acuteDeaths: 1 }, '重大', '附件3 重大(2)'],
    ['0 acute deaths', { acuteDeaths: 0 }, null, null],
    ['10 severely sick', { severeRadiationSickness: 10 }, '重大', '附件3 重大(2)'],
    ['9 severely sick', { severeRadiationSickness: 9 }, '较大', '附件3 较大(2)'],
    ['1 severely sick', { severeRadiationSickness: 1 }, '较大', '附件3 较大(2)'],
    ['0 severely sick', { severeRadiationSickness: 0 }, null, null],
    ['leak, large', { leak: true, contamination: 'large' }, '特别重大', '附件3 特别重大(3)'],
    ['leak, wide', { leak: true, contamination: 'wide' }, '重大', '附件3 重大(3)'],
    ['leak, small', { leak: true, contamination: 'small' }, '较大', '附件3 较大(3)'],
    ['leak, local', { leak: true, contamination: 'local' }, '一般', '附件3 一般(3)'],
    ['contamination without leak or source', { contamination: 'large' }, null, null],
    ['spacecraft or external event', { spacecraftOrExternal: true }, '特别重大', '附件3 特别重大(4)'],
    ['over the annual dose limit', { overAnnualDoseLimit: true }, '一般', '附件3 一般(2)'],
    ['associated mining discharge', { associatedMiningDischarge: true }, '一般', '附件3 一般(4)'],
    ['well-logging source sealed', { wellLoggingSourceSealed: true }, '一般', '附件3 一般(5)'],
    ['nothing', {}, null, null],
  ];
  it.each(rows)('%s', (_n, facts, level, clause) => {
    const g = grade(facts);
    expect(g.level).toBe(level);
    if (clause) expect(g.reasons.map((r) => r.clause)).toContain(clause);
    else expect(g.reasons).toEqual([]);
  });

  it('lists every matched clause, highest first by table order', () => {
    const g = grade({ sourceClass: 1, sourceEvent: 'lost', contamination: 'large', overAnnualDoseLimit: true });
    expect(g.reasons.map((r) => r.clause)).toEqual(['附件3 特别重大(1)', '附件3 重大(1)', '附件3 一般(2)']);
  });
});

describe('4.3 response: one response level per level', () => {
  const rows: [RadiationFacts, ResponseLevel | null, string | null][] = [
    [{ acuteDeaths: 3 }, '一级', '4.3.4、附件3'],
    [{ acuteDeaths: 1 }, '二级', '4.3.3、附件3'],
    [{ severeRadiationSickness: 1 }, '三级', '4.3.2、附件3'],
    [{ overAnnualDoseLimit: true }, '四级', '4.3.1、附件3'],
    [{}, null, null],
  ];
  it.each(rows)('%j → %s', (facts, response, clause) => {
    const g = grade(facts);
    expect(g.response).toBe(response);
    expect(g.responseReasons.map((r) => r.clause)).toEqual(clause ? [clause] : []);
  });
});

describe('4.1.1 reporting clocks and their anchors', () => {
  it('the unit: written report within 1 hour of discovery (4.1.1(1)), at any level', () => {
    for (const level of [null, '一般', '特别重大'] as const) {
      const c = byId(clocks(level), 'rad.unit-written')!;
      expect(c).toMatchObject({
        minutes: 60,
        anchor: 'discovered',
        channel: 'written',
        clause: '4.1.1(1)',
        from: '事发单位',
      });
      expect(Date.parse(c.startsAt)).toBe(Date.parse(DISC));
      expect(Date.parse(c.dueAt)).toBe(Date.parse(DISC) + 3_600_000);
    }
  });

  it('discovery falls back to the occurrence time', () => {
    const c = byId(
      reportingClocks({ plan: 'radiation', level: '一般', occurredAt: OCC, receivedAt: REC }),
      'rad.unit-written',
    )!;
    expect(Date.parse(c.startsAt)).toBe(Date.parse(OCC));
  });

  it('also to the county health department when people were or may have been exposed', () => {
    expect(byId(clocks('一般'), 'rad.unit-to-health')).toBeUndefined();
    expect(byId(clocks(undefined, { exposedCount: 0, contaminatedCount: 0 }), 'rad.unit-to-health')).toBeUndefined();
    for (const f of [
      { peopleExposed: true },
      { acuteDeaths: 1 },
      { severeRadiationSickness: 2 },
      { overAnnualDoseLimit: true },
      // The counts the 初始报告表 ticks as 人员受照 / 人员污染 say people were exposed too.
      { exposedCount: 2 },
      { contaminatedCount: 1 },
      { peopleContaminated: true },
    ]) {
      expect(byId(clocks(undefined, f), 'rad.unit-to-health')).toMatchObject({
        minutes: 60,
        anchor: 'discovered',
        to: '事发地县级卫生健康部门',
      });
    }
  });

  it.each(['一般', '较大'] as const)(
    '%s: the departments report within 2 hours of receipt to their government and the next level up',
    (level) => {
      const cs = clocks(level);
      for (const id of ['rad.dept-to-gov', 'rad.dept-to-upper-dept']) {
        const c = byId(cs, id)!;
        expect(c).toMatchObject({ minutes: 120, anchor: 'received', clause: '4.1.1(2)' });
        expect(Date.parse(c.startsAt)).toBe(Date.parse(REC));
      }
      expect(byId(cs, 'rad.gov-to-upper-gov')).toBeUndefined();
      expect(byId(cs, 'rad.dept-to-province-dept')).toBeUndefined();
    },
  );

  it.each(['重大', '特别重大'] as const)(
    '%s: the departments within 1 hour to their government and the province; the governments within 2 hours (4.1.1(3))',
    (level) => {
      const cs = clocks(level);
      expect(byId(cs, 'rad.dept-to-gov')).toMatchObject({ minutes: 60, anchor: 'received' });
      expect(byId(cs, 'rad.dept-to-province-dept')).toMatchObject({ minutes: 60, to: '省级相关部门' });
      expect(byId(cs, 'rad.dept-to-upper-dept')).toBeUndefined();
      expect(byId(cs, 'rad.gov-to-upper-gov')).toMatchObject({ minutes: 120, anchor: 'received', clause: '4.1.1(3)' });
    },
  );

  it('level unknown: only the unit clock', () => {
    expect(clocks(null).map((c) => c.id)).toEqual(['rad.unit-written']);
  });

  it('the optional written report 30 minutes after the city phoned the province', () => {
    const at = '2021-09-08T10:30:00+08:00';
    const w = byId(
      clocks('重大', {}, { done: { 'rad.gov-to-upper-gov': { at, channel: 'phone' } } }),
      'rad.city-gov-written',
    )!;
    expect(w).toMatchObject({ minutes: 30, anchor: 'after:rad.gov-to-upper-gov', optional: true, channel: 'written' });
    expect(Date.parse(w.startsAt)).toBe(Date.parse(at));
    expect(
      byId(clocks('重大', {}, { done: { 'rad.gov-to-upper-gov': { at, channel: 'fax' } } }), 'rad.city-gov-written'),
    ).toBeUndefined();
  });
});

describe('after the response (5.1, 5.3)', () => {
  it('no post-response clock while the response runs', () => {
    expect(
      byId(clocks('较大', { sourceClass: 3, sourceEvent: 'lost', sourceRecovered: false }), 'rad.summary-report'),
    ).toBeUndefined();
    expect(
      byId(clocks('较大', { sourceClass: 3, sourceEvent: 'lost', sourceRecovered: false }), 'rad.police-stage-report'),
    ).toBeUndefined();
  });

  it('summary report within one calendar month of the end of the response (5.3(2))', () => {
    const c = byId(clocks('较大', {}, { responseEndedAt: END }), 'rad.summary-report')!;
    expect(c.anchor).toBe('responseEnded');
    expect(c.startsAt).toBe('2021-09-20T10:00:00.000Z');
    expect(c.dueAt).toBe('2021-10-20T10:00:00.000Z');
    expect(c.minutes).toBe(30 * 24 * 60);
    expect(Date.parse(c.dueAt) - Date.parse(c.startsAt)).toBe(c.minutes * 60_000);
  });

  it('one month from 1月31日 ends on the last day of February', () => {
    const c = byId(
      reportingClocks({
        plan: 'radiation',
        level: '一般',
        occurredAt: '2022-01-30T08:00:00+08:00',
        receivedAt: '2022-01-30T09:00:00+08:00',
        responseEndedAt: '2022-01-31T20:00:00+08:00',
      }),
      'rad.summary-report',
    )!;
    expect(c.dueAt).toBe('2022-02-28T12:00:00.000Z');
  });

  it.each(['lost', 'stolen'] as const)(
    'a %s source not recovered: police stage report half a year from discovery (5.1(1))',
    (sourceEvent) => {
      for (const missing of [{ sourceRecovered: false }, { sourceUnrecovered: true }]) {
        const c = byId(
          clocks('较大', { sourceClass: 3, sourceEvent, ...missing }, { responseEndedAt: END }),
          'rad.police-stage-report',
        )!;
        expect(c.anchor).toBe('discovered');
        expect(c.startsAt).toBe('2021-09-08T01:00:00.000Z');
        expect(c.dueAt).toBe('2022-03-08T01:00:00.000Z');
        expect(c.clause).toBe('5.1(1)');
      }
    },
  );

  it('no stage report for a recovered source, an unknown recovery or a source out of control', () => {
    const base = { sourceClass: 3 as const };
    expect(
      byId(
        clocks('较大', { ...base, sourceEvent: 'lost', sourceRecovered: true }, { responseEndedAt: END }),
        'rad.police-stage-report',
      ),
    ).toBeUndefined();
    expect(
      byId(clocks('较大', { ...base, sourceEvent: 'lost' }, { responseEndedAt: END }), 'rad.police-stage-report'),
    ).toBeUndefined();
    expect(
      byId(
        clocks('较大', { ...base, sourceEvent: 'out_of_control', sourceRecovered: false }, { responseEndedAt: END }),
        'rad.police-stage-report',
      ),
    ).toBeUndefined();
  });
});
