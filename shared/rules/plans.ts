/** The plans this engine encodes, as the gazette (朔州市人民政府公报 2021年第5期) names them. */
import type { Level, PlanId, ResponseLevel } from './types';

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
  /** Response levels the plan defines, lowest first. */
  responseLevels: readonly ResponseLevel[];
}

export const PLAN_IDS: readonly PlanId[] = ['comms', 'radiation', 'environment', 'forest_fire'];

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

export function assertPlan(plan: unknown): asserts plan is PlanId {
  if (typeof plan !== 'string' || !(PLAN_IDS as readonly string[]).includes(plan)) {
    throw new Error(`plan（预案）无效：${String(plan)}，应为 ${PLAN_IDS.join('、')} 之一`);
  }
}

export const LEVEL_ORDER: readonly Level[] = ['一般', '较大', '重大', '特别重大'];
export const RESPONSE_ORDER: readonly ResponseLevel[] = ['四级', '三级', '二级', '一级'];

/** 0 for no level, 1 for 一般 … 4 for 特别重大. */
export const levelRank = (l: Level | null | undefined): number => (l ? LEVEL_ORDER.indexOf(l) + 1 : 0);
export const responseRank = (r: ResponseLevel | null | undefined): number => (r ? RESPONSE_ORDER.indexOf(r) + 1 : 0);

export function assertLevel(level: unknown, field = 'level'): asserts level is Level | null | undefined {
  if (level === null || level === undefined) return;
  if (typeof level !== 'string' || !(LEVEL_ORDER as readonly string[]).includes(level)) {
    throw new Error(
      `${field}（事件级别）无效：${typeof level === 'string' ? level : JSON.stringify(level)}，应为 特别重大、重大、较大、一般 或 null`,
    );
  }
}

/** The highest level among the reasons, or null. */
export function highestLevel(reasons: readonly { level: Level }[]): Level | null {
  let best: Level | null = null;
  for (const r of reasons) if (levelRank(r.level) > levelRank(best)) best = r.level;
  return best;
}

export function highestResponse(reasons: readonly { response: ResponseLevel }[]): ResponseLevel | null {
  let best: ResponseLevel | null = null;
  for (const r of reasons) if (responseRank(r.response) > responseRank(best)) best = r.response;
  return best;
}
