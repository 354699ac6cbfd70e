/** Termination conditions of a response (A 4.8, B 4.5, C 5.5): each confirmed before the end. */
import { PLANS, assertChecklistPlan, citationOf, type ChecklistPlanId } from '../plans/plans';
import { assertText, parseTime } from './plans';

export interface TerminationCondition {
  id: string;
  text: string;
  clause: string;
  citation: string;
}

export interface Confirmation {
  at: string;
  by: string;
}

export type TerminationCheck = { ok: true } | { ok: false; missing: TerminationCondition[]; message: string };

interface TerminationRule {
  clause: string;
  /** Who declares the end, as the clause says. */
  authority: string;
  conditions: { id: string; text: string; clause: string }[];
}

// Every plan lists its conditions jointly ("同时满足" in A; a list of conditions in B; one sentence
// joining three in C), so all are required.
const RULES: Record<ChecklistPlanId, TerminationRule> = {
  comms: {
    clause: '4.8',
    authority: '市指挥部宣布应急响应结束，相关单位终止应急响应',
    conditions: [
      { id: 'comms.4.8.1', text: '应急突发事件处置已基本完成', clause: '4.8(1)' },
      { id: 'comms.4.8.2', text: '市内通信网络运行基本恢复正常，核心业务节点等运行稳定', clause: '4.8(2)' },
      { id: 'comms.4.8.3', text: '市委、市政府下达的应急通信保障任务基本完成', clause: '4.8(3)' },
    ],
  },
  radiation: {
    clause: '4.5',
    authority: '由启动响应的应急指挥机构终止应急响应',
    conditions: [
      { id: 'rad.4.5.1', text: '环境放射性水平已降至国家规定的限值以内', clause: '4.5(1)' },
      { id: 'rad.4.5.2', text: '辐射事故所造成的危害已消除或可控', clause: '4.5(2)' },
      { id: 'rad.4.5.3', text: '事故现场的各种专业应急处置行动已无继续必要', clause: '4.5(3)' },
    ],
  },
  environment: {
    clause: '5.5',
    authority: '由启动响应的应急指挥机构终止应急响应',
    conditions: [
      { id: 'env.5.5.1', text: '事件条件已经排除', clause: '5.5' },
      { id: 'env.5.5.2', text: '特征污染物质已降至事件前环境本底水平', clause: '5.5' },
      { id: 'env.5.5.3', text: '所造成的危害基本消除', clause: '5.5' },
    ],
  },
};

/** The plan's termination conditions: A 4.8(1)–(3), B 4.5(1)–(3), C 5.5. */
export function terminationConditions(plan: ChecklistPlanId): TerminationCondition[] {
  assertChecklistPlan(plan);
  return RULES[plan].conditions.map((c) => ({ ...c, citation: citationOf(plan, c.clause) }));
}

/** Who may declare the response ended: A 4.8 市指挥部; B 4.5 / C 5.5 the body that started it. */
export function terminationAuthority(plan: ChecklistPlanId): { text: string; clause: string; citation: string } {
  assertChecklistPlan(plan);
  const r = RULES[plan];
  return { text: r.authority, clause: r.clause, citation: citationOf(plan, r.clause) };
}

/**
 * Refuses to end a response while any condition of A 4.8 / B 4.5 / C 5.5 is unconfirmed and names
 * the missing ones. A confirmation needs a valid time and who confirmed it.
 */
export function checkTermination(
  plan: ChecklistPlanId,
  confirmed: Readonly<Record<string, Confirmation>>,
): TerminationCheck {
  assertChecklistPlan(plan);
  const raw: unknown = confirmed; // may arrive unvalidated over IPC
  if (!raw || typeof raw !== 'object') throw new Error('confirmed 必须是按条件编号记录的确认');
  const conditions = terminationConditions(plan);
  const ids = new Set(conditions.map((c) => c.id));
  for (const [id, c] of Object.entries(confirmed)) {
    if (!ids.has(id)) throw new Error(`confirmed 中的条件编号无效：${id}`);
    const entry: unknown = c;
    if (!entry || typeof entry !== 'object') throw new Error(`confirmed[${id}] 不能为空`);
    parseTime(c.at, `confirmed[${id}].at`);
    assertText(c.by, `confirmed[${id}].by（确认人）`);
  }
  const missing = conditions.filter((c) => !Object.hasOwn(confirmed, c.id));
  if (missing.length === 0) return { ok: true };
  return { ok: false, missing, message: terminationRefusal(plan, missing) };
}

/** The refusal naming the conditions still unconfirmed (the page says it before asking for a password). */
export function terminationRefusal(
  plan: ChecklistPlanId,
  missing: readonly Pick<TerminationCondition, 'text' | 'clause'>[],
): string {
  const list = missing.map((c) => `“${c.text}”（${c.clause}）`).join('；');
  return `不能终止应急响应：依据《${PLANS[plan].name}》${RULES[plan].clause}，以下条件尚未确认：${list}`;
}
