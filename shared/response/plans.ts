/**
 * Response levels and the small checks the response rules share. The plans (ids, names, response
 * levels, citations) are in shared/plans/.
 */
import { PLANS, type ChecklistPlanId } from '../plans/plans';
import type { ResponseLevel } from '../rules/types';
import { isOneOf } from '../one-of';

export type { ResponseLevel };

export const ALL_RESPONSE_LEVELS: readonly ResponseLevel[] = ['一级', '二级', '三级', '四级'];

/** Prefix of every action item id from the plan: comms.…, rad.…, env.… */
export const ITEM_PREFIX: Readonly<Record<ChecklistPlanId, string>> = {
  comms: 'comms',
  radiation: 'rad',
  environment: 'env',
};

export function assertResponseLevel(
  plan: ChecklistPlanId,
  level: unknown,
  field = 'responseLevel',
): asserts level is ResponseLevel {
  if (!isOneOf(ALL_RESPONSE_LEVELS, level)) {
    throw new Error(`${field} 无效：${String(level)}（应为一级、二级、三级或四级）`);
  }
  const meta = PLANS[plan];
  if (!meta.responseLevels.includes(level)) {
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
