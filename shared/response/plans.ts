/** The three plans whose response rules live here, with the names used in citations. */

export type PlanId = 'comms' | 'radiation' | 'environment';
export type ResponseLevel = '一级' | '二级' | '三级' | '四级';

export const PLAN_IDS: readonly PlanId[] = ['comms', 'radiation', 'environment'];
export const ALL_RESPONSE_LEVELS: readonly ResponseLevel[] = ['一级', '二级', '三级', '四级'];

export interface PlanMeta {
  id: PlanId;
  name: string;
  document: string;
  /** Prefix of every item id from this plan. */
  prefix: string;
  /** Response levels the plan defines (comms: 4.2 sets only 二级 and 一级). */
  responseLevels: readonly ResponseLevel[];
}

export const PLANS: Record<PlanId, PlanMeta> = {
  comms: {
    id: 'comms',
    name: '朔州市通信保障应急预案',
    document: '朔政办发〔2021〕40号',
    prefix: 'comms',
    responseLevels: ['二级', '一级'],
  },
  radiation: {
    id: 'radiation',
    name: '朔州市辐射事故应急预案',
    document: '朔政办发〔2021〕42号',
    prefix: 'rad',
    responseLevels: ['四级', '三级', '二级', '一级'],
  },
  environment: {
    id: 'environment',
    name: '朔州市突发环境事件应急预案',
    document: '朔政办发〔2021〕43号',
    prefix: 'env',
    responseLevels: ['四级', '三级', '二级', '一级'],
  },
};

/** "依据《朔州市突发环境事件应急预案》5.3.2(3)" — the form the UI shows beside every rule. */
export function citationOf(plan: PlanId, clause: string): string {
  return `依据《${PLANS[plan].name}》${clause}`;
}

export function assertPlan(plan: unknown, field = 'plan'): asserts plan is PlanId {
  if (typeof plan !== 'string' || !(PLAN_IDS as readonly string[]).includes(plan)) {
    throw new Error(`${field} 无效：${String(plan)}（应为 comms、radiation 或 environment）`);
  }
}

export function assertResponseLevel(
  plan: PlanId,
  level: unknown,
  field = 'responseLevel',
): asserts level is ResponseLevel {
  if (typeof level !== 'string' || !(ALL_RESPONSE_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`${field} 无效：${String(level)}（应为一级、二级、三级或四级）`);
  }
  const meta = PLANS[plan];
  if (!meta.responseLevels.includes(level as ResponseLevel)) {
    throw new Error(
      `${field} 无效：《${meta.name}》只设${meta.responseLevels.join('、')}响应，没有${level}响应` +
        (plan === 'comms' ? '（4.2）' : ''),
    );
  }
}

/** Parses an ISO timestamp; throws naming the field when it is not one. */
export function parseTime(value: unknown, field: string): number {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${field} 不能为空（应为 ISO 时间）`);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new Error(`${field} 不是有效时间：${value}`);
  return t;
}

export function assertText(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${field} 不能为空`);
}
