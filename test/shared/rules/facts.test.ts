import { describe, expect, it } from 'vitest';
import { PLAN_IDS } from '../../../shared/plans';
import { FACT_FIELDS, factsSchema, gradeIncident, parseFacts, reportingClocks } from '../../../shared/rules';
import type { FactField, PlanId } from '../../../shared/rules';

const sample = (f: FactField): unknown => {
  switch (f.type) {
    case 'count':
      return 12;
    case 'money':
      return 5_000_000.5;
    case 'boolean':
      return true;
    case 'enum':
      return f.options![0]!.value;
  }
};

describe('FACT_FIELDS: the registration form, built from the same table as the schema', () => {
  it.each(PLAN_IDS)('%s: every field has a Chinese label, a clause and a value the schema accepts', (plan) => {
    const keys = new Set<string>();
    for (const f of FACT_FIELDS[plan]) {
      expect(keys.has(f.key)).toBe(false);
      keys.add(f.key);
      expect(f.label).toMatch(/[\u4e00-\u9fff]/);
      expect(f.clause.length).toBeGreaterThan(0);
      if (f.type === 'enum') {
        expect(f.options!.length).toBeGreaterThan(1);
        for (const o of f.options!) expect(o.label).toMatch(/[\u4e00-\u9fff]/);
      } else expect(f.options).toBeUndefined();
      expect(parseFacts(plan, { [f.key]: sample(f) })).toEqual({ [f.key]: sample(f) });
    }
  });

  it('lists the facts the issue names for each plan', () => {
    const keys = (p: PlanId) => FACT_FIELDS[p].map((f) => f.key);
    expect(keys('environment')).toEqual(
      expect.arrayContaining([
        'deaths',
        'poisonedOrInjured',
        'evacuated',
        'directLossYuan',
        'waterSourceIntakeStopped',
        'crossBoundary',
        'ecologicalFunctionLost',
        'ecologicalFunctionPartlyLost',
        'protectedSpeciesExtinct',
        'protectedPopulationsMassDeath',
        'protectedSpeciesDamaged',
        'countyDisputeGroupImpact',
        'waterProtectionZone',
        'sensitiveArea',
        'heavyMetals',
        'crossProvincePossible',
        'massIncident',
      ]),
    );
    expect(keys('radiation')).toEqual(
      expect.arrayContaining([
        'sourceClass',
        'sourceEvent',
        'leak',
        'contamination',
        'acuteDeaths',
        'severeRadiationSickness',
        'overAnnualDoseLimit',
        'spacecraftOrExternal',
        'associatedMiningDischarge',
        'wellLoggingSourceSealed',
        'peopleExposed',
      ]),
    );
    expect(keys('comms')).toEqual(['countiesAffected', 'beyondCountyCapacity']);
  });

  it('every form field can change a result (no dead inputs)', () => {
    const times = {
      occurredAt: '2021-09-08T09:00:00+08:00',
      receivedAt: '2021-09-08T09:30:00+08:00',
      responseEndedAt: '2021-09-09T09:00:00+08:00',
    };
    const outcome = (plan: PlanId, facts: Record<string, unknown>) =>
      JSON.stringify([gradeIncident({ plan, facts }), reportingClocks({ plan, facts, ...times })]);
    // Contexts in which a fact can matter: a source needs its class and event, contamination a leak.
    const contexts: Record<string, Record<string, unknown>[]> = {
      radiation: [
        {},
        { sourceClass: 3 },
        { sourceEvent: 'lost' },
        { leak: true },
        { contamination: 'local' },
        { sourceClass: 3, sourceEvent: 'lost' },
      ],
      environment: [{}],
      comms: [{}],
    };
    for (const plan of ['environment', 'radiation', 'comms'] as const) {
      for (const f of FACT_FIELDS[plan]) {
        const values = f.type === 'enum' ? f.options!.map((o) => o.value) : [sample(f)];
        const matters = contexts[plan]!.some((ctx) =>
          values.some((v) => outcome(plan, { ...ctx, [f.key]: v }) !== outcome(plan, ctx)),
        );
        expect({ key: f.key, matters }).toEqual({ key: f.key, matters: true });
      }
    }
  });
});

describe('parseFacts / factsSchema', () => {
  it('accepts an empty object, undefined and null as no facts', () => {
    expect(parseFacts('environment', {})).toEqual({});
    expect(parseFacts('environment', undefined)).toEqual({});
    expect(parseFacts('radiation', null)).toEqual({});
  });

  it('accepts the brief’s sourceRecovered and the forest order time, which the form does not show', () => {
    expect(parseFacts('radiation', { sourceRecovered: false })).toEqual({ sourceRecovered: false });
    expect(parseFacts('forest_fire', { orderedAt: '2021-10-01T13:15:00+08:00' })).toEqual({
      orderedAt: '2021-10-01T13:15:00+08:00',
    });
  });

  it('names every bad field in one Chinese message', () => {
    expect(() => parseFacts('environment', { deaths: -1, evacuated: 'many', foo: 1 })).toThrow(
      /死亡人数不能为负数（deaths）；.*疏散、转移人数应为数字（evacuated）；.*没有这些事件要素：foo/,
    );
  });

  it('returns the same zod schema for the same plan and refuses unknown plans', () => {
    expect(factsSchema('comms')).toBe(factsSchema('comms'));
    expect(factsSchema('comms').safeParse({ countiesAffected: 2 }).success).toBe(true);
    expect(factsSchema('comms').safeParse({ countiesAffected: -2 }).success).toBe(false);
    // a deliberately invalid input for the refusal test
    expect(() => factsSchema('fire' as never)).toThrow(/plan（预案）无效/);
  });
});
