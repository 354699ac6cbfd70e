import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_IDS } from '../../../shared/plans';
import {
  FACT_FIELDS,
  LEVEL_ORDER,
  gradeIncident,
  levelRank,
  reportingClocks,
  responseRank,
} from '../../../shared/rules';
import type { FactField, Level, PlanId } from '../../../shared/rules';
import { messageOf } from '../../../shared/errors';

// Counts around every threshold of 附件3/4/5 plus anything else.
const count = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 9, 10, 29, 30, 49, 50, 99, 100, 4999, 5000, 9999, 10_000, 49_999, 50_000),
  fc.nat(120_000),
);
const money = fc.oneof(
  fc.constantFrom(0, 4_999_999, 5_000_000, 19_999_999, 20_000_000, 99_999_999, 100_000_000),
  fc.double({ min: 0, max: 3e8, noNaN: true }),
);
const delta = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }), fc.nat(60_000));
/** Mostly absent, so that one fact at a time decides the level and a lowering cannot hide. */
const sparse = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const rarely = fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const moneyDelta = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e8, noNaN: true }));

/** An optional enum by harm rank: index 0 is "absent", higher is worse. */
const ranked = (values: readonly unknown[]) => fc.nat(values.length);
const pick = <T>(values: readonly T[], rank: number): T | undefined =>
  rank === 0 ? undefined : values[Math.min(rank, values.length) - 1];
const worse = (rank: number, d: number, max: number) => Math.min(rank + d, max);

const ENV_COUNTS = [
  'deaths',
  'poisonedOrInjured',
  'evacuated',
  'possibleDeaths',
  'possiblePoisonedOrInjured',
  'evacuationNeeded',
] as const;
const ENV_MONEY = ['directLossYuan', 'possibleLossYuan'] as const;
const ENV_BOOLS = [
  'ecologicalFunctionLost',
  'ecologicalFunctionPartlyLost',
  'protectedSpeciesExtinct',
  'protectedPopulationsMassDeath',
  'protectedSpeciesDamaged',
  'countyDisputeGroupImpact',
  'environmentAffected',
  'possibleEcologicalFunctionLost',
  'possibleProtectedSpeciesExtinct',
  'possibleEcologicalFunctionPartlyLost',
  'possibleProtectedPopulationsMassDeath',
  'possibleProtectedSpeciesDamaged',
  'crossCityPossible',
  'possibleCountyDispute',
  'waterProtectionZone',
  'sensitiveArea',
  'heavyMetals',
  'crossProvincePossible',
  'massIncident',
  'largeMassIncident',
  'foreignCause',
  'cityGovDeemsNecessary',
] as const;
const TIERS = ['township', 'county', 'city'] as const;
const BOUNDARIES = ['county', 'city', 'province'] as const;

/** A pair of environment facts where the second is at least as harmful in every respect. */
const envPair = fc
  .record({
    counts: fc.tuple(
      ...ENV_COUNTS.map(() =>
        fc.tuple(
          sparse(count),
          sparse(delta).map((d) => d ?? 0),
        ),
      ),
    ),
    money: fc.tuple(
      ...ENV_MONEY.map(() =>
        fc.tuple(
          sparse(money),
          sparse(moneyDelta).map((d) => d ?? 0),
        ),
      ),
    ),
    bools: fc.tuple(...ENV_BOOLS.map(() => fc.tuple(rarely, rarely))),
    intake: fc.tuple(
      sparse(ranked(TIERS)).map((r) => r ?? 0),
      sparse(fc.nat(3)).map((d) => d ?? 0),
    ),
    zone: fc.tuple(
      sparse(ranked(TIERS)).map((r) => r ?? 0),
      sparse(fc.nat(3)).map((d) => d ?? 0),
    ),
    boundary: fc.tuple(
      sparse(ranked(BOUNDARIES)).map((r) => r ?? 0),
      sparse(fc.nat(3)).map((d) => d ?? 0),
    ),
  })
  .map(({ counts, money: m, bools, intake, zone, boundary }) => {
    const a: Record<string, unknown> = {};
    const b: Record<string, unknown> = {};
    ENV_COUNTS.forEach((k, i) => {
      const [v, d] = counts[i]!;
      if (v !== undefined) a[k] = v;
      if (v !== undefined || d > 0) b[k] = (v ?? 0) + d;
    });
    ENV_MONEY.forEach((k, i) => {
      const [v, d] = m[i]!;
      if (v !== undefined) a[k] = v;
      if (v !== undefined || d > 0) b[k] = (v ?? 0) + d;
    });
    ENV_BOOLS.forEach((k, i) => {
      const [x, y] = bools[i]!;
      if (x) a[k] = true;
      if (x || y) b[k] = true;
    });
    const set = (key: string, values: readonly string[], [r, d]: [number, number]) => {
      const va = pick(values, r);
      const vb = pick(values, worse(r, d, values.length));
      if (va !== undefined) a[key] = va;
      if (vb !== undefined) b[key] = vb;
    };
    set('waterSourceIntakeStopped', TIERS, intake);
    set('waterProtectionZoneTier', TIERS, zone);
    set('crossBoundary', BOUNDARIES, boundary);
    return [a, b] as const;
  });

const CLASSES_BY_HARM = [5, 4, 3, 2, 1] as const;
const CONTAMINATION_BY_HARM = ['local', 'small', 'wide', 'large'] as const;
const EVENTS = ['lost', 'stolen', 'out_of_control'] as const;
const RAD_BOOLS = [
  'leak',
  'overAnnualDoseLimit',
  'spacecraftOrExternal',
  'associatedMiningDischarge',
  'wellLoggingSourceSealed',
  'peopleExposed',
] as const;

const radPair = fc
  .record({
    cls: fc.tuple(ranked(CLASSES_BY_HARM), fc.nat(5)),
    contamination: fc.tuple(ranked(CONTAMINATION_BY_HARM), fc.nat(4)),
    event: fc.tuple(fc.option(fc.constantFrom(...EVENTS), { nil: undefined }), fc.constantFrom(...EVENTS)),
    deaths: fc.tuple(sparse(fc.nat(6)), fc.nat(4)),
    sick: fc.tuple(sparse(count), delta),
    bools: fc.tuple(...RAD_BOOLS.map(() => fc.tuple(rarely, rarely))),
  })
  .map(({ cls, contamination, event, deaths, sick, bools }) => {
    const a: Record<string, unknown> = {};
    const b: Record<string, unknown> = {};
    const ca = pick(CLASSES_BY_HARM, cls[0]);
    const cb = pick(CLASSES_BY_HARM, worse(cls[0], cls[1], 5));
    if (ca !== undefined) a.sourceClass = ca;
    if (cb !== undefined) b.sourceClass = cb;
    const ta = pick(CONTAMINATION_BY_HARM, contamination[0]);
    const tb = pick(CONTAMINATION_BY_HARM, worse(contamination[0], contamination[1], 4));
    if (ta !== undefined) a.contamination = ta;
    if (tb !== undefined) b.contamination = tb;
    if (event[0] !== undefined) a.sourceEvent = event[0];
    b.sourceEvent = event[0] ?? event[1];
    if (deaths[0] !== undefined) a.acuteDeaths = deaths[0];
    b.acuteDeaths = (deaths[0] ?? 0) + deaths[1];
    if (sick[0] !== undefined) a.severeRadiationSickness = sick[0];
    b.severeRadiationSickness = (sick[0] ?? 0) + sick[1];
    RAD_BOOLS.forEach((k, i) => {
      const [x, y] = bools[i]!;
      if (x) a[k] = true;
      if (x || y) b[k] = true;
    });
    return [a, b] as const;
  });

const commsPair = fc.tuple(fc.option(fc.nat(8), { nil: undefined }), fc.nat(3), fc.boolean(), fc.boolean()).map(
  ([n, d, x, y]) =>
    [
      { countiesAffected: n, beyondCountyCapacity: x },
      { countiesAffected: (n ?? 0) + d, beyondCountyCapacity: x || y },
    ] as const,
);

// One fact at a time: two values on either side of every threshold, the second at least as harmful,
// over a sparse background of other facts (so that a lowering at any single boundary shows).
const COUNT_POINTS = [
  0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 28, 29, 30, 31, 48, 49, 50, 51, 98, 99, 100, 101, 4999, 5000, 5001, 9999, 10_000,
  10_001, 49_999, 50_000, 50_001,
];
const MONEY_POINTS = [
  0, 1, 4_999_999.99, 5_000_000, 5_000_001, 19_999_999, 20_000_000, 20_000_001, 99_999_999, 100_000_000, 100_000_001,
];
const HARM_ORDER: Record<string, readonly unknown[]> = {
  waterSourceIntakeStopped: [undefined, 'township', 'county', 'city'],
  waterProtectionZoneTier: [undefined, 'township', 'county', 'city'],
  crossBoundary: [undefined, 'county', 'city', 'province'],
  sourceClass: [undefined, 5, 4, 3, 2, 1],
  contamination: [undefined, 'local', 'small', 'wide', 'large'],
};

/** [less harmful, at least as harmful] values of one field. */
function harmPair(f: FactField): fc.Arbitrary<readonly [unknown, unknown]> {
  const sortedPair = <T>(points: readonly T[]) =>
    fc
      .tuple(fc.nat(points.length - 1), fc.nat(points.length - 1))
      .map(([i, j]) => [points[Math.min(i, j)], points[Math.max(i, j)]] as const);
  if (f.type === 'count') return sortedPair(COUNT_POINTS);
  if (f.type === 'money') return sortedPair(MONEY_POINTS);
  if (f.type === 'boolean') return sortedPair([undefined, true]);
  if (f.key === 'sourceEvent') return fc.tuple(fc.constantFrom(undefined, ...EVENTS), fc.constantFrom(...EVENTS));
  return sortedPair(HARM_ORDER[f.key]!);
}

function anyValue(f: FactField): fc.Arbitrary<unknown> {
  if (f.type === 'count') return fc.constantFrom(...COUNT_POINTS);
  if (f.type === 'money') return fc.constantFrom(...MONEY_POINTS);
  if (f.type === 'boolean') return fc.constant(true);
  return fc.constantFrom(...f.options!.map((o) => o.value));
}

const background = (plan: PlanId, except: string) =>
  fc
    .tuple(
      ...FACT_FIELDS[plan]
        .filter((f) => f.key !== except)
        .map((f) =>
          fc.oneof(
            { weight: 10, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: anyValue(f).map((v) => [f.key, v] as const) },
          ),
        ),
    )
    .map((entries) => Object.fromEntries(entries.filter((e) => e !== undefined)));

describe('raising any one fact never lowers the level or the response', () => {
  const cases = (['environment', 'radiation', 'comms'] as const).flatMap((plan) =>
    FACT_FIELDS[plan].map((f) => [plan, f.key, f] as const),
  );
  it.each(cases)('%s.%s', (plan, key, f) => {
    fc.assert(
      fc.property(background(plan, key), harmPair(f), (bg, [lo, hi]) => {
        const a = { ...bg, ...(lo === undefined ? {} : { [key]: lo }) };
        const b = { ...bg, ...(hi === undefined ? {} : { [key]: hi }) };
        const ga = gradeIncident({ plan, facts: a });
        const gb = gradeIncident({ plan, facts: b });
        expect(levelRank(gb.level)).toBeGreaterThanOrEqual(levelRank(ga.level));
        expect(responseRank(gb.response)).toBeGreaterThanOrEqual(responseRank(ga.response));
      }),
      { numRuns: 400 },
    );
  });
});

describe('more harm never lowers the level or the response', () => {
  it('environment (附件5, 附件4)', () => {
    fc.assert(
      fc.property(envPair, ([a, b]) => {
        const ga = gradeIncident({ plan: 'environment', facts: a });
        const gb = gradeIncident({ plan: 'environment', facts: b });
        expect(levelRank(gb.level)).toBeGreaterThanOrEqual(levelRank(ga.level));
        expect(responseRank(gb.response)).toBeGreaterThanOrEqual(responseRank(ga.response));
      }),
      { numRuns: 3000 },
    );
  });

  it('radiation (附件3, 4.3)', () => {
    fc.assert(
      fc.property(radPair, ([a, b]) => {
        const ga = gradeIncident({ plan: 'radiation', facts: a });
        const gb = gradeIncident({ plan: 'radiation', facts: b });
        expect(levelRank(gb.level)).toBeGreaterThanOrEqual(levelRank(ga.level));
        expect(responseRank(gb.response)).toBeGreaterThanOrEqual(responseRank(ga.response));
      }),
      { numRuns: 3000 },
    );
  });

  it('comms (4.3.1, 4.4.1)', () => {
    fc.assert(
      fc.property(commsPair, ([a, b]) => {
        expect(responseRank(gradeIncident({ plan: 'comms', facts: b }).response)).toBeGreaterThanOrEqual(
          responseRank(gradeIncident({ plan: 'comms', facts: a }).response),
        );
      }),
    );
  });

  it('the level is always the highest level among the reasons', () => {
    fc.assert(
      fc.property(envPair, ([, b]) => {
        const g = gradeIncident({ plan: 'environment', facts: b });
        const max = Math.max(0, ...g.reasons.map((r) => levelRank(r.level)));
        expect(levelRank(g.level)).toBe(max);
      }),
    );
  });
});

// Times from 2000 to 2040 with any whole-minute offset, as different clients send them.
const T0 = Date.UTC(2000, 0, 1);
const T1 = Date.UTC(2040, 0, 1);
const isoWithOffset = (ms: number, offsetMin: number): string => {
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};
const offset = fc.integer({ min: -12 * 60, max: 14 * 60 });
const CLOCK_IDS = [
  'env.county-dept-to-gov',
  'env.dept-to-upper-dept',
  'env.dept-to-province-dept',
  'env.dept-to-ministry',
  'env.city-gov-to-province',
  'env.city-gov-written',
  'rad.unit-written',
  'rad.unit-to-health',
  'rad.dept-to-gov',
  'rad.dept-to-upper-dept',
  'rad.dept-to-province-dept',
  'rad.gov-to-upper-gov',
  'rad.city-gov-written',
  'rad.summary-report',
  'rad.police-stage-report',
  'comms.phone',
  'comms.written',
  'forest.brigade-assembly',
  'env.notify-adjacent-county',
  'env.notify-city-dept',
  'env.suggest-city-gov',
  'env.cross-province-to-city-gov',
  'env.cross-province-to-province-dept',
  'rad.county-gov-to-city',
  'rad.final-report',
  'rad.notify-adjacent',
  'rad.notify-city-dept',
  'rad.suggest-city-gov',
];

describe('every clock', () => {
  it('is due after it starts, dueAt = startsAt + minutes, ids unique, anchors resolved', () => {
    fc.assert(
      fc.property(
        fc.record({
          plan: fc.constantFrom<PlanId>(...PLAN_IDS),
          level: fc.constantFrom<Level | null | undefined>(...LEVEL_ORDER, null, undefined),
          occurred: fc.integer({ min: T0, max: T1 }),
          gaps: fc.tuple(fc.nat(10 * 86_400_000), fc.nat(10 * 86_400_000), fc.nat(400 * 86_400_000), fc.nat(3_600_000)),
          offsets: fc.tuple(offset, offset, offset, offset, offset),
          done: fc.dictionary(
            fc.constantFrom(...CLOCK_IDS),
            fc.record({
              after: fc.nat(86_400_000),
              channel: fc.constantFrom('phone', 'fax', 'written', 'system', undefined),
            }),
          ),
          env: envPair,
          rad: radPair,
          comms: commsPair,
          missing: fc.boolean(),
          places: fc.constantFrom<string[]>([], ['应县'], ['朔州经济开发区', '怀仁市'], ['朔州经济开发区']),
        }),
        ({ plan, level, occurred, gaps, offsets, done, env, rad, comms, missing, places }) => {
          const [dGap, rGap, eGap, oGap] = gaps;
          const facts =
            plan === 'environment'
              ? env[1]
              : plan === 'radiation'
                ? { ...rad[1], ...(missing ? { sourceRecovered: false } : {}) }
                : plan === 'comms'
                  ? comms[1]
                  : {};
          const received = occurred + rGap;
          const cs = reportingClocks({
            plan,
            level,
            facts,
            occurredAt: isoWithOffset(occurred, offsets[0]),
            discoveredAt: isoWithOffset(occurred + dGap, offsets[1]),
            receivedAt: isoWithOffset(received, offsets[2]),
            responseEndedAt: isoWithOffset(received + eGap, offsets[3]),
            orderedAt: isoWithOffset(received + oGap, offsets[4]),
            places,
            done: Object.fromEntries(
              Object.entries(done).map(([id, d]) => [
                id,
                { at: new Date(received + d.after).toISOString(), channel: d.channel },
              ]),
            ),
          });
          expect(new Set(cs.map((c) => c.id)).size).toBe(cs.length);
          for (const c of cs) {
            const s = Date.parse(c.startsAt);
            const d = Date.parse(c.dueAt);
            expect(d).toBeGreaterThan(s);
            expect(d - s).toBe(c.minutes * 60_000);
            expect(c.startsAt.endsWith('Z')).toBe(true);
            expect(c.citation.startsWith('依据《')).toBe(true);
            expect(c.citation.endsWith(c.clause)).toBe(true);
            expect(CLOCK_IDS).toContain(c.id);
            // 立即/即时/及时 duties carry the engine's latest limit in their label, never a bare window.
            if (c.immediate) expect(c.window).toMatch(/^(立即|即时|及时)（最迟\d+小时）$/);
            if (c.months === undefined) expect(c.minutes).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('any input: a result or a clear Error, never anything else', () => {
  it('gradeIncident and reportingClocks with arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<unknown>(...PLAN_IDS, 'x', 1, null),
        fc.anything(),
        fc.anything(),
        (plan, facts, when) => {
          for (const run of [
            // a deliberately invalid input for the refusal test
            () => gradeIncident({ plan, facts } as never),
            () => reportingClocks({ plan, facts, occurredAt: when, receivedAt: '2021-09-08T09:00:00Z' } as never),
          ]) {
            try {
              run();
            } catch (err) {
              expect(err).toBeInstanceOf(Error);
              expect(messageOf(err).length).toBeGreaterThan(3);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
