/**
 * The incident's reporting settings as its timeline records them (incidents:set-reporting writes
 * each change with the fields it set): the leader's 续报 interval (42号 4.1.2 随时; 40号 4.1 按要求
 * 增加报送频次), 发生时间 不详（以发现时间计）, and when handling ended (42号 4.1.2 终结报告).
 */
import type { TimelineEntry } from '../domain/incident';

export interface ReportingView {
  followUpMinutes: number | null;
  occurredUnknown: boolean;
  handlingEndedAt: string | null;
}

/** Folds the recorded settings in order; a field a change left out keeps its earlier value. */
export function reportingOf(timeline: readonly Pick<TimelineEntry, 'kind' | 'data'>[]): ReportingView {
  const out: ReportingView = { followUpMinutes: null, occurredUnknown: false, handlingEndedAt: null };
  for (const e of timeline) {
    if (e.kind !== 'update') continue;
    const r = e.data?.reporting;
    if (!r || typeof r !== 'object') continue;
    // stored JSON, known here only to be an object; each field is checked below
    const { followUpMinutes, occurredUnknown, handlingEndedAt } = r as Record<string, unknown>;
    if (followUpMinutes === null || typeof followUpMinutes === 'number') out.followUpMinutes = followUpMinutes;
    if (typeof occurredUnknown === 'boolean') out.occurredUnknown = occurredUnknown;
    if (handlingEndedAt === null || typeof handlingEndedAt === 'string') out.handlingEndedAt = handlingEndedAt;
  }
  return out;
}
