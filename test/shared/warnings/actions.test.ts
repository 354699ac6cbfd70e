import { describe, expect, it } from 'vitest';
import { WARNING_ACTIONS_PREAMBLE, warningActions } from '../../../shared/warnings';
import type { ChecklistPlanId } from '../../../shared/plans';
import { quotedIn } from '../response/gazette-text';

const PLANS: [ChecklistPlanId, string, number][] = [
  ['comms', '3.3', 3],
  ['radiation', '3.2', 5],
  ['environment', '4.2.3', 4],
];

describe('warning actions', () => {
  it.each(PLANS)('%s %s: every item quotes its clause', (plan, clause, numbered) => {
    const items = warningActions(plan);
    for (const i of items) {
      expect(quotedIn(plan, i.clause, i.text), i.id).toBe(true);
      if (i.when) expect(quotedIn(plan, i.clause, i.when), `${i.id} when`).toBe(true);
      expect(i.citation).toContain(i.clause);
    }
    // Every numbered item of the clause is covered.
    for (let n = 1; n <= numbered; n++)
      expect(
        items.map((i) => i.clause),
        `(${n})`,
      ).toContain(`${clause}(${n})`);
    expect(quotedIn(plan, WARNING_ACTIONS_PREAMBLE[plan].clause, WARNING_ACTIONS_PREAMBLE[plan].text)).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('the same items apply at every level; bad levels are refused', () => {
    expect(warningActions('radiation', '一级')).toEqual(warningActions('radiation', '四级'));
    expect(warningActions('environment', '三级')[0]!.levels).toEqual(['一级', '二级', '三级', '四级']);
    // a deliberately invalid input for the refusal test
    expect(() => warningActions('radiation', '红色' as never)).toThrow(/level/);
    expect(() => warningActions('nuclear' as ChecklistPlanId)).toThrow(/plan/);
  });
});
