/**
 * Joins an incident's stored facts, level history and clock records with the rules engine: its
 * level, response and every reporting obligation (shared/incidents/obligations.ts), recomputed
 * from absolute times so the renderer and the alarms agree.
 */
import type { ClockChannel, ClockRecord, Incident } from '../domain/incident';
import type { IncidentClock, IncidentGrading } from '../domain/incident-view';
import { gradeIncident, noticesFor } from '../rules';
import type { Level, PlanId } from '../rules';
import { CAPABILITIES, PLANS, gradingPlanOf, isChecklistPlanId, planOf } from '../plans';
import { postResponseTasks } from '../response/post-response';
import { computeObligations, levelLabel } from './obligations';
import type { FollowUpSetting, LevelChange, NotApplicableMark, Obligation, ReportEvent } from './obligations';

/** The incident's plan when that plan sets reporting clocks (shared/plans' capabilities). */
function clockedPlanOf(category: string): PlanId | null {
  const plan = planOf(category);
  return plan && CAPABILITIES[plan].hasClocks ? plan : null;
}

/** How a report was made, in the rules' terms. */
export const CHANNEL_CODE: Record<ClockChannel, 'phone' | 'fax' | 'written' | 'system'> = {
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

/** What the store keeps beside the incident and its clock records (all optional). */
export interface DeriveContext {
  responseEndedAt?: string | null;
  /** The history of the level in force, oldest first. */
  levelHistory?: readonly LevelChange[];
  handlingEndedAt?: string | null;
  occurredUnknown?: boolean;
  followUp?: FollowUpSetting | null;
  pendingLevelMinutes?: number;
  /** Obligations stored when they arose; one the rules no longer give is still shown. */
  stored?: readonly StoredObligationLike[];
  /** Post-response tasks a leader gave a deadline: obligations that alarm like any clock. */
  postResponse?: PostResponseDeadlines | null;
}

/** The ended response's plan and end, and the post-response tasks given a deadline. */
export interface PostResponseDeadlines {
  plan: string;
  endedAt: string;
  tasks: {
    taskId: string;
    dueAt: string;
    givenBy: string | null;
    doneAt: string | null;
    doneBy: string | null;
  }[];
}

/** Prefix of the clock id of a post-response task: `task.${taskId}`. */
export const TASK_CLOCK_PREFIX = 'task.';

/**
 * Post-response tasks with a deadline as clocks (issue 12 "Post-response tasks"): the plans give
 * these duties no deadline (A 5, B 5, C 6, see shared/response/post-response.ts), so each runs from
 * the end of the response to the deadline a leader set, and closes when the task is done (or when
 * the officer records it against the clock). The key does not name a level: the task is owed
 * whatever the level, and a new deadline for the same task replaces the old one.
 */
function taskClocks(
  inc: Incident,
  grading: IncidentGrading,
  pr: PostResponseDeadlines,
  records: readonly ClockRecord[],
): { clocks: IncidentClock[]; used: ClockRecord[] } {
  const plan = pr.plan;
  if (!isChecklistPlanId(plan)) return { clocks: [], used: [] };
  const defs = postResponseTasks(plan, pr.endedAt, {
    ...(grading.level ? { level: grading.level } : {}),
    // B 5.1(2): the facts say whether the accident contaminated the environment (as the response panel reads them).
    ...(plan === 'radiation' && inc.facts.contamination ? { contamination: true } : {}),
  });
  const clocks: IncidentClock[] = [];
  const used: ClockRecord[] = [];
  for (const t of pr.tasks) {
    const def = defs.find((d) => d.id === t.taskId);
    const startMs = Date.parse(pr.endedAt);
    const dueMs = Date.parse(t.dueAt);
    // Never dueAt ≤ startsAt: the service refuses such a deadline, so only old data can lack one.
    if (!def || !(dueMs > startMs)) continue;
    const clockId = `${TASK_CLOCK_PREFIX}${t.taskId}`;
    const key = `${clockId}@善后#0`;
    const own = records.find((r) => r.clockId === key || r.clockId === clockId);
    if (own) used.push(own);
    const doneAt = t.doneAt ?? own?.completedAt ?? null;
    const naAt = !doneAt && own?.notApplicableReason ? own.recordedAt : null;
    const closedAt = doneAt ?? naAt;
    const room = /指挥部办公室/.test(def.unit) && !/县级/.test(def.unit);
    clocks.push({
      key: `${inc.id}:${key}`,
      incidentId: inc.id,
      clockId,
      title: `善后任务：${def.title}`,
      from: def.unit,
      to: '带班领导（督办）',
      minutes: Math.round((dueMs - startMs) / 60_000),
      startsAt: new Date(startMs).toISOString(),
      dueAt: new Date(dueMs).toISOString(),
      clause: def.clause,
      citation: `${def.citation}；时限由${t.givenBy ?? '带班领导'}批示确定`,
      channel: 'any',
      optional: false,
      record: t.doneAt
        ? {
            clockId: key,
            completedAt: t.doneAt,
            channel: null,
            recipientUnit: null,
            recipientName: null,
            notApplicableReason: null,
            officer: t.doneBy ?? '',
            recordedAt: t.doneAt,
          }
        : (own ?? null),
      obligationKey: key,
      levelLabel: levelLabel(grading.level),
      owner: { kind: room ? 'room' : 'monitored', unit: def.unit },
      window: `领导批示时限（${def.deadlineNote}）`,
      immediate: false,
      closure: closedAt
        ? {
            kind: doneAt ? 'met' : 'not_applicable',
            at: closedAt,
            reason: doneAt ? (t.doneAt ? '善后任务已办结' : null) : (own?.notApplicableReason ?? null),
            lateMs: Math.max(0, Date.parse(closedAt) - dueMs),
          }
        : null,
      source: 'plan',
      phonedAt: null,
    });
  }
  return { clocks, used };
}

/** What the store keeps of an obligation (migration 0009). */
export interface StoredObligationLike {
  key: string;
  clockId: string;
  level: Level | null;
  title: string;
  to: string;
  ownerKind: 'room' | 'monitored';
  ownerUnit: string;
  window: string;
  minutes: number;
  startsAt: string;
  dueAt: string;
  clause: string;
  closure: {
    kind: 'met' | 'not_applicable' | 'level_change';
    at: string;
    reason: string | null;
    lateMs: number;
  } | null;
}

export function gradingOf(inc: Incident): IncidentGrading {
  const planId = planOf(inc.category);
  const plan = planId ? PLANS[planId] : undefined;
  const gradingPlan = gradingPlanOf(inc.category);
  const graded = gradingPlan
    ? gradeIncident({ plan: gradingPlan, facts: inc.facts })
    : { level: null, response: null, reasons: [], responseReasons: [], notices: [] };
  const level = inc.levelOverride ?? graded.level;
  // Notices follow the level in force, as the clocks do (issue 12 "Overridden level").
  const notices = gradingPlan && level !== graded.level ? noticesFor(gradingPlan, level, inc.facts) : graded.notices;
  return {
    gradedLevel: graded.level,
    gradedResponse: graded.response,
    level,
    response: inc.responseOverride ?? graded.response,
    reasons: graded.reasons.map((r) => ({ level: r.level, clause: r.clause, text: r.text })),
    responseReasons: graded.responseReasons.map((r) => ({ response: r.response, clause: r.clause, text: r.text })),
    notices: notices.map((n) => ({ clause: n.clause, text: n.text })),
    planName: plan?.name ?? null,
    planDocument: plan?.document ?? null,
  };
}

/** Reports and 不适用 marks as the obligations engine reads them, from the stored clock records. */
function eventsOf(records: readonly ClockRecord[]): { reports: ReportEvent[]; marks: NotApplicableMark[] } {
  const reports: ReportEvent[] = [];
  const marks: NotApplicableMark[] = [];
  records.forEach((r, i) => {
    if (r.completedAt)
      reports.push({
        id: i,
        at: r.completedAt,
        clockId: r.clockId,
        channel: r.channel ? CHANNEL_CODE[r.channel] : 'system',
      });
    else if (r.notApplicableReason) marks.push({ key: r.clockId, at: r.recordedAt, reason: r.notApplicableReason });
  });
  return { reports, marks };
}

/** The record a closed obligation shows: the officer's own record, or one made for the closure. */
function recordOf(o: Obligation, records: readonly ClockRecord[], history: readonly LevelChange[]): ClockRecord | null {
  const c = o.closure;
  if (!c) return null;
  if (c.kind === 'met' && c.report && typeof c.report.id === 'number') return records[c.report.id] ?? null;
  if (c.kind === 'not_applicable') {
    const own = records.find(
      (r) => !r.completedAt && r.notApplicableReason && (r.clockId === o.key || r.clockId === o.clockId),
    );
    if (own) return own;
  }
  const change = history.find((h) => Date.parse(h.effectiveAt) === Date.parse(c.at));
  return {
    clockId: o.key,
    completedAt: c.kind === 'met' ? c.at : null,
    channel: null,
    recipientUnit: null,
    recipientName: null,
    notApplicableReason:
      c.kind === 'met' ? null : `${c.kind === 'level_change' ? '级别调整' : '不适用'}：${c.reason ?? ''}`,
    officer: change?.by ?? '',
    recordedAt: c.at,
  };
}

export function deriveIncident(
  inc: Incident,
  records: ClockRecord[],
  context?: string | null | DeriveContext,
): Derived {
  const ctx: DeriveContext =
    typeof context === 'object' && context !== null ? context : { responseEndedAt: context ?? null };
  const grading = gradingOf(inc);
  const plan = clockedPlanOf(inc.category);
  if (!plan) return { grading, clocks: [], orphanClockRecords: records };
  const history = [...(ctx.levelHistory ?? [])];
  const inForce = grading.level;
  const lastChange = history.at(-1);
  const last = lastChange ? lastChange.to : inForce;
  if (last !== inForce) {
    // The level moved without a recorded change (older data): it counts from the last edit.
    const at = Math.max(
      Date.parse(inc.updatedAt),
      Date.parse(inc.receivedAt),
      lastChange ? Date.parse(lastChange.effectiveAt) : -Infinity,
    );
    history.push({
      from: last,
      to: inForce,
      effectiveAt: new Date(at).toISOString(),
      by: '',
      reason: '（生效时间未记录，以最后修改时间计）',
    });
  }
  const { reports, marks } = eventsOf(records);
  const firstChange = history[0];
  const obligations = computeObligations({
    plan,
    initialLevel: firstChange ? firstChange.from : inForce,
    facts: inc.facts,
    occurredAt: inc.occurredAt,
    occurredUnknown: ctx.occurredUnknown,
    discoveredAt: inc.discoveredAt,
    receivedAt: inc.receivedAt,
    responseEndedAt: ctx.responseEndedAt ?? null,
    handlingEndedAt: ctx.handlingEndedAt ?? null,
    places: inc.places,
    changes: history,
    reports,
    notApplicable: marks,
    followUp: ctx.followUp ?? null,
    pendingLevelMinutes: ctx.pendingLevelMinutes,
  });
  const used = new Set<ClockRecord>();
  const clocks: IncidentClock[] = obligations.map((o) => {
    const record = recordOf(o, records, history);
    if (record && records.includes(record)) used.add(record);
    return {
      key: `${inc.id}:${o.key}`,
      incidentId: inc.id,
      clockId: o.clockId,
      title: o.title,
      from: o.from,
      to: o.to,
      minutes: o.minutes,
      startsAt: o.startsAt,
      dueAt: o.dueAt,
      clause: o.clause,
      citation: o.citation,
      channel: o.channel,
      optional: o.optional,
      record,
      obligationKey: o.key,
      levelLabel: o.levelLabel,
      owner: o.owner,
      window: o.window,
      immediate: o.immediate,
      closure: o.closure
        ? { kind: o.closure.kind, at: o.closure.at, reason: o.closure.reason, lateMs: o.closure.lateMs }
        : null,
      ...(o.anchorNote ? { anchorNote: o.anchorNote } : {}),
      source: o.source,
      phonedAt: o.phonedAt,
    };
  });
  // Stored obligations the rules no longer give (a fact corrected, a rule changed): still owed
  // until closed, closed by a record made against their key.
  const tasks = ctx.postResponse ? taskClocks(inc, grading, ctx.postResponse, records) : { clocks: [], used: [] };
  for (const r of tasks.used) used.add(r);
  clocks.push(...tasks.clocks);
  const computed = new Set([...obligations.map((o) => o.key), ...tasks.clocks.map((c) => c.obligationKey)]);
  const citation = (clause: string) => `依据《${PLANS[plan].name}》${clause}`;
  for (const st of ctx.stored ?? []) {
    if (computed.has(st.key)) continue;
    const own = records.find((r) => r.clockId === st.key);
    if (own) used.add(own);
    const closure =
      st.closure ??
      (own
        ? own.completedAt
          ? {
              kind: 'met' as const,
              at: own.completedAt,
              reason: null,
              lateMs: Math.max(0, Date.parse(own.completedAt) - Date.parse(st.dueAt)),
            }
          : {
              kind: 'not_applicable' as const,
              at: own.recordedAt,
              reason: own.notApplicableReason,
              lateMs: Math.max(0, Date.parse(own.recordedAt) - Date.parse(st.dueAt)),
            }
        : null);
    clocks.push({
      key: `${inc.id}:${st.key}`,
      incidentId: inc.id,
      clockId: st.clockId,
      title: st.title,
      from: st.ownerUnit,
      to: st.to,
      minutes: st.minutes,
      startsAt: st.startsAt,
      dueAt: st.dueAt,
      clause: st.clause,
      citation: citation(st.clause),
      channel: 'any',
      optional: false,
      record:
        own ??
        (closure
          ? {
              clockId: st.key,
              completedAt: closure.kind === 'met' ? closure.at : null,
              channel: null,
              recipientUnit: null,
              recipientName: null,
              notApplicableReason: closure.kind === 'met' ? null : (closure.reason ?? '不适用'),
              officer: '',
              recordedAt: closure.at,
            }
          : null),
      obligationKey: st.key,
      levelLabel: st.level ?? '未定级',
      owner: { kind: st.ownerKind, unit: st.ownerUnit },
      window: st.window,
      immediate: false,
      closure,
      source: 'plan',
      phonedAt: null,
    });
  }
  if (ctx.stored?.length || tasks.clocks.length) clocks.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const known = new Set([
    ...obligations.flatMap((o) => [o.key, o.clockId]),
    ...(ctx.stored ?? []).map((st) => st.key),
    ...tasks.clocks.map((c) => c.obligationKey),
  ]);
  return { grading, clocks, orphanClockRecords: records.filter((r) => !used.has(r) && !known.has(r.clockId)) };
}
