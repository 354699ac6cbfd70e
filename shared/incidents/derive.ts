/**
 * Joins an incident's stored facts and clock records with the rules engine: its level, response and
 * every reporting window, recomputed from absolute times so the renderer and the alarms agree.
 */
import type { ClockChannel, ClockRecord, Incident } from '../domain/incident';
import type { IncidentClock, IncidentGrading } from '../domain/incident-view';
import { PLANS, gradeIncident, reportingClocks } from '../rules';
import type { PlanId } from '../rules';

const GRADED_PLANS = new Set<string>(['comms', 'radiation', 'environment']);
const CLOCKED_PLANS = new Set<string>(['comms', 'radiation', 'environment', 'forest_fire']);

const CHANNEL_CODE: Record<ClockChannel, 'phone' | 'fax' | 'written' | 'system'> = {
  电话: 'phone',
  传真: 'fax',
  书面: 'written',
  系统: 'system',
};

export interface Derived {
  grading: IncidentGrading;
  clocks: IncidentClock[];
  orphanClockRecords: ClockRecord[];
}

export function gradingOf(inc: Incident): IncidentGrading {
  const plan = PLANS[inc.category as PlanId] as { name: string; document: string } | undefined;
  const graded = GRADED_PLANS.has(inc.category)
    ? gradeIncident({ plan: inc.category as PlanId, facts: inc.facts as never })
    : { level: null, response: null, reasons: [], responseReasons: [], notices: [] };
  return {
    gradedLevel: graded.level,
    gradedResponse: graded.response,
    level: inc.levelOverride ?? graded.level,
    response: inc.responseOverride ?? graded.response,
    reasons: graded.reasons.map((r) => ({ level: r.level, clause: r.clause, text: r.text })),
    responseReasons: graded.responseReasons.map((r) => ({ response: r.response, clause: r.clause, text: r.text })),
    notices: graded.notices.map((n) => ({ clause: n.clause, text: n.text })),
    planName: plan?.name ?? null,
    planDocument: plan?.document ?? null,
  };
}

export function deriveIncident(inc: Incident, records: ClockRecord[], responseEndedAt?: string | null): Derived {
  const grading = gradingOf(inc);
  if (!CLOCKED_PLANS.has(inc.category)) return { grading, clocks: [], orphanClockRecords: records };
  const done: Record<string, { at: string; channel?: 'phone' | 'fax' | 'written' | 'system' }> = {};
  for (const r of records) {
    if (r.completedAt) done[r.clockId] = { at: r.completedAt, channel: r.channel ? CHANNEL_CODE[r.channel] : undefined };
  }
  const rules = reportingClocks({
    plan: inc.category as PlanId,
    level: grading.level,
    facts: inc.facts as never,
    occurredAt: inc.occurredAt,
    discoveredAt: inc.discoveredAt ?? undefined,
    receivedAt: inc.receivedAt,
    done,
    responseEndedAt: responseEndedAt ?? undefined,
  } as Parameters<typeof reportingClocks>[0]);
  const byId = new Map(records.map((r) => [r.clockId, r]));
  const clocks: IncidentClock[] = rules.map((c) => ({
    key: `${inc.id}:${c.id}`,
    incidentId: inc.id,
    clockId: c.id,
    title: c.title,
    from: c.from,
    to: c.to,
    minutes: c.minutes,
    startsAt: c.startsAt,
    dueAt: c.dueAt,
    clause: c.clause,
    citation: c.citation,
    channel: c.channel,
    optional: c.optional,
    record: byId.get(c.id) ?? null,
  }));
  const live = new Set(rules.map((c) => c.id));
  return { grading, clocks, orphanClockRecords: records.filter((r) => !live.has(r.clockId)) };
}
