/** Orders and checks of levels and response levels. The plans themselves are in shared/plans/. */
import type { Level, ResponseLevel } from './types';
import { isOneOf } from '../one-of';

export const LEVEL_ORDER: readonly Level[] = ['一般', '较大', '重大', '特别重大'];
export const RESPONSE_ORDER: readonly ResponseLevel[] = ['四级', '三级', '二级', '一级'];

/** 0 for no level, 1 for 一般 … 4 for 特别重大. */
export const levelRank = (l: Level | null | undefined): number => (l ? LEVEL_ORDER.indexOf(l) + 1 : 0);
export const responseRank = (r: ResponseLevel | null | undefined): number => (r ? RESPONSE_ORDER.indexOf(r) + 1 : 0);

export function assertLevel(level: unknown, field = 'level'): asserts level is Level | null | undefined {
  if (level === null || level === undefined) return;
  if (!isOneOf(LEVEL_ORDER, level)) {
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
