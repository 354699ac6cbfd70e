/**
 * The basis of stored derivations names the rules' code as written: the same rules loaded as
 * CommonJS (imports rewritten as `(0,import_x.name)`) or as ES modules give the same basis, so a
 * history derived by one is not derived all over again by the other.
 */
import { describe, expect, it } from 'vitest';
import { sourceAsWritten } from '../../../../electron/services/incidents/derived';

describe('the basis of stored derivations', () => {
  it('reads a function the same whichever module format loaded it', () => {
    const esm =
      'function gradingOf(inc){const planId=planOf(inc.category);const plan=planId?PLANS[planId]:void 0;return gradeIncident({plan})}';
    const cjs =
      'function gradingOf(inc){const planId=(0,import_plans.planOf)(inc.category);const plan=planId?import_plans.PLANS[planId]:void 0;return (0, import_rules.gradeIncident)({plan})}';
    expect(sourceAsWritten(cjs)).toBe(sourceAsWritten(esm));
    // Another rule is still another source.
    expect(sourceAsWritten(cjs.replace('planOf', 'gradingPlanOf'))).not.toBe(sourceAsWritten(esm));
  });
});
