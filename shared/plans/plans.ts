/**
 * The plans the gazette (朔州市人民政府公报 2021年第5期) holds, as it names them: the one plan
 * vocabulary. The rules (grading, clocks) and the response rules (checklists, termination, tasks,
 * warnings) both read their plan ids, names and citations from here.
 */
import type { Level, ResponseLevel } from '../rules/types';
import { isOneOf } from '../one-of';

export const PLAN_IDS = ['comms', 'radiation', 'environment', 'forest_fire'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/**
 * The plans with response rules here: action checklists, termination conditions, post-response
 * tasks and warnings (通信保障 A, 辐射事故 B, 突发环境事件 C). The forest-fire 实施方案 has none.
 */
export const CHECKLIST_PLAN_IDS = ['comms', 'radiation', 'environment'] as const satisfies readonly PlanId[];
export type ChecklistPlanId = (typeof CHECKLIST_PLAN_IDS)[number];

export interface PlanInfo {
  id: PlanId;
  /** The plan's own title, as cited: 依据《name》clause. */
  name: string;
  /** Title of the notice that issued it. */
  notice: string;
  document: string;
  /** Date on the notice, YYYY-MM-DD. */
  issuedOn: string;
  /** Lead agency: where its office sits / who interprets it. */
  leadAgency: string;
  /** Clause of the gazette text naming the lead agency. */
  leadAgencyClause: string;
  /** Levels the plan grades; empty when it grades none. */
  levels: readonly Level[];
  /** Response levels the plan defines, lowest first (comms: 4.2 sets only 二级 and 一级). */
  responseLevels: readonly ResponseLevel[];
}

export const PLANS: Readonly<Record<PlanId, PlanInfo>> = {
  comms: {
    id: 'comms',
    name: '朔州市通信保障应急预案',
    notice: '朔州市人民政府办公室关于印发朔州市通信保障应急预案的通知',
    document: '朔政办发〔2021〕40号',
    issuedOn: '2021-09-02',
    leadAgency: '市工信局',
    leadAgencyClause: '2.2、7.4',
    levels: [],
    responseLevels: ['二级', '一级'],
  },
  radiation: {
    id: 'radiation',
    name: '朔州市辐射事故应急预案',
    notice: '朔州市人民政府办公室关于印发朔州市辐射事故应急预案的通知',
    document: '朔政办发〔2021〕42号',
    issuedOn: '2021-09-08',
    leadAgency: '市生态环境局',
    leadAgencyClause: '2.1、7.2',
    levels: ['特别重大', '重大', '较大', '一般'],
    responseLevels: ['四级', '三级', '二级', '一级'],
  },
  environment: {
    id: 'environment',
    name: '朔州市突发环境事件应急预案',
    notice: '朔州市人民政府办公室关于印发朔州市突发环境事件应急预案的通知',
    document: '朔政办发〔2021〕43号',
    issuedOn: '2021-09-08',
    leadAgency: '市生态环境局',
    leadAgencyClause: '2.1、8.3',
    levels: ['特别重大', '重大', '较大', '一般'],
    responseLevels: ['四级', '三级', '二级', '一级'],
  },
  forest_fire: {
    id: 'forest_fire',
    name: '朔州市全面加强森林草原防火专业队伍建设实施方案',
    notice: '朔州市人民政府办公室关于印发朔州市全面加强森林草原防火专业队伍建设实施方案的通知',
    document: '朔政办发〔2021〕44号',
    issuedOn: '2021-09-23',
    leadAgency: '市森林草原防灭火指挥部',
    leadAgencyClause: '通知主送、四、（三）',
    levels: [],
    responseLevels: [],
  },
};

/** "依据《朔州市突发环境事件应急预案》5.1.1(2)" — the form the UI shows beside every rule. */
export function citationOf(plan: PlanId, clause: string): string {
  return `依据《${PLANS[plan].name}》${clause}`;
}

export const isPlanId = (value: unknown): value is PlanId => isOneOf(PLAN_IDS, value);
export const isChecklistPlanId = (value: unknown): value is ChecklistPlanId => isOneOf(CHECKLIST_PLAN_IDS, value);

/** Refuses a plan id the gazette does not hold (the pure code's callers turn this into a refusal). */
export function assertPlan(plan: unknown, field = 'plan（预案）'): asserts plan is PlanId {
  if (!isPlanId(plan)) throw new Error(`${field}无效：${String(plan)}，应为 ${PLAN_IDS.join('、')} 之一`);
}

/** Refuses a plan without response rules here (only comms, radiation and environment have them). */
export function assertChecklistPlan(plan: unknown, field = 'plan'): asserts plan is ChecklistPlanId {
  if (!isChecklistPlanId(plan)) {
    throw new Error(`${field} 无效：${String(plan)}（应为 comms、radiation 或 environment）`);
  }
}
