/**
 * One plan vocabulary: the plans the gazette (朔州市人民政府公报 2021年第5期) holds, with what each
 * one does. Callers ask a capability instead of keeping their own list of plan ids.
 *
 * The plans themselves (ids, names, documents, levels) are in ./plans.ts; this file derives what
 * each one does.
 */
import { PLAN_IDS, PLANS, citationOf, isChecklistPlanId, isPlanId } from './plans';
import type { ChecklistPlanId, PlanId } from './plans';

export * from './plans';

export interface PlanCapabilities {
  /** The plan grades an incident's level (一般 … 特别重大) from its facts. */
  gradesLevels: boolean;
  /** The plan sets a response level (四级 … 一级) from the facts or the level. */
  gradesResponses: boolean;
  /** The plan sets reporting deadlines (clocks) once an incident is received. */
  hasClocks: boolean;
  /** The plan lists response actions, termination conditions and post-response tasks. */
  hasChecklists: boolean;
  /** Where the capabilities are read from in the plan's text. */
  citation: string;
}

/** Reporting clocks: 40号 4.1 (comms), 42号 4.1.1 (radiation), 43号 5.1.1 (environment), 44号 三、（一）1 (forest fire). */
const CLOCK_CLAUSE: Record<PlanId, string> = {
  comms: '4.1',
  radiation: '4.1.1',
  environment: '5.1.1',
  forest_fire: '三、（一）1',
};

export const CAPABILITIES: Readonly<Record<PlanId, PlanCapabilities>> = Object.fromEntries(
  PLAN_IDS.map((id) => [
    id,
    {
      gradesLevels: PLANS[id].levels.length > 0,
      gradesResponses: PLANS[id].responseLevels.length > 0,
      hasClocks: true,
      hasChecklists: isChecklistPlanId(id),
      citation: citationOf(id, CLOCK_CLAUSE[id]),
    },
  ]),
) as Record<PlanId, PlanCapabilities>; // fromEntries loses the key type; every PlanId is mapped above

/** The plan an incident category falls under, or null (fire, other: no plan in the gazette). */
export function planOf(category: string): PlanId | null {
  return isPlanId(category) ? category : null;
}

/** The plan when the category's plan grades (levels or responses): gradeIncident applies to it. */
export function gradingPlanOf(category: string): PlanId | null {
  const plan = planOf(category);
  return plan && (CAPABILITIES[plan].gradesLevels || CAPABILITIES[plan].gradesResponses) ? plan : null;
}

/** The plan when it has action checklists (the response panel), narrowed to those plans. */
export function checklistPlanOf(category: string): ChecklistPlanId | null {
  return isChecklistPlanId(category) ? category : null;
}
