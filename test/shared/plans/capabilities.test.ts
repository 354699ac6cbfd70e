import { describe, expect, it } from 'vitest';
import { CAPABILITIES, PLAN_IDS, checklistPlanOf, gradingPlanOf, planOf } from '../../../shared/plans';

describe('one plan vocabulary with capabilities', () => {
  it('states what each plan of the gazette does', () => {
    expect(PLAN_IDS).toEqual(['comms', 'radiation', 'environment', 'forest_fire']);
    const flags = Object.fromEntries(
      PLAN_IDS.map((id) => {
        const c = CAPABILITIES[id];
        return [id, [c.gradesLevels, c.gradesResponses, c.hasClocks, c.hasChecklists]];
      }),
    );
    expect(flags).toEqual({
      comms: [false, true, true, true],
      radiation: [true, true, true, true],
      environment: [true, true, true, true],
      forest_fire: [false, false, true, false],
    });
    expect(CAPABILITIES.environment.citation).toBe('依据《朔州市突发环境事件应急预案》5.1.1');
  });

  it('maps categories to plans by capability; categories without a plan map to none', () => {
    expect(planOf('forest_fire')).toBe('forest_fire');
    expect(planOf('fire')).toBeNull();
    expect(gradingPlanOf('comms')).toBe('comms');
    expect(gradingPlanOf('forest_fire')).toBeNull();
    expect(checklistPlanOf('radiation')).toBe('radiation');
    expect(checklistPlanOf('forest_fire')).toBeNull();
    expect(checklistPlanOf('other')).toBeNull();
  });
});
