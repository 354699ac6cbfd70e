import type { ClockRecord, Incident, IncidentLevel, IncidentResponse, TimelineEntry } from './incident';

/** One criterion of the plan that decided the level, as shown with its citation. */
export interface GradeReason {
  level: IncidentLevel;
  clause: string;
  text: string;
}

/** A reporting window derived from the rules, joined with what the duty room recorded for it. */
export interface IncidentClock {
  key: string;
  incidentId: number;
  clockId: string;
  title: string;
  from: string;
  to: string;
  minutes: number;
  startsAt: string;
  dueAt: string;
  clause: string;
  citation: string;
  channel: 'phone' | 'written' | 'any';
  optional: boolean;
  record: ClockRecord | null;
  /** The obligation behind the clock (issue 12): `${clockId}@${level served}#${period}`. */
  obligationKey?: string;
  /** Level the obligation serves; 未定级 while unknown. */
  levelLabel?: string;
  /** Whose obligation: the duty room's own or another unit's it monitors. */
  owner?: { kind: 'room' | 'monitored'; unit: string };
  /** The window as worded, e.g. 立即（最迟2小时）. */
  window?: string;
  immediate?: boolean;
  /** How it closed: met, 不适用, or 级别调整 (with lateness in ms). */
  closure?: {
    kind: 'met' | 'not_applicable' | 'level_change';
    at: string;
    reason: string | null;
    lateMs: number;
  } | null;
  /** e.g. 发生时间不详，以发现时间计. */
  anchorNote?: string;
  /** 'room': the duty room's own setting, not a plan's clause. */
  source?: 'plan' | 'room';
  /** A phone report reached this written clock; it stays open (42号 4.1.1(1)). */
  phonedAt?: string | null;
}

export interface IncidentGrading {
  /** Level the facts give under the plan; null when they do not decide it. */
  gradedLevel: IncidentLevel | null;
  gradedResponse: IncidentResponse | null;
  level: IncidentLevel | null;
  response: IncidentResponse | null;
  reasons: GradeReason[];
  /** Response conditions that matched (comms grades responses only). */
  responseReasons: { response: IncidentResponse; clause: string; text: string }[];
  /** Rules that apply without deciding a level, e.g. 5.1.1(3) unknown level, 5.1.1(5) report at once. */
  notices: { clause: string; text: string }[];
  planName: string | null;
  planDocument: string | null;
}

export interface IncidentSummary extends Incident {
  grading: IncidentGrading;
  clocks: IncidentClock[];
  lastActivityAt: string;
}

export interface IncidentDetail extends IncidentSummary {
  timeline: TimelineEntry[];
  /** Clock records whose clock the current facts no longer call for: kept, never lost. */
  orphanClockRecords: ClockRecord[];
}
