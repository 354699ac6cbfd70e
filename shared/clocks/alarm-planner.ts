/**
 * Alarm planning: which alarms fire now and when to look again, from absolute deadlines, the
 * persisted list of alarms already fired and the acknowledgements. Pure: the caller supplies now,
 * persists what fires, and plays the effects.
 *
 * Per clock the alarms are, in order of advance:
 *   due_soon        (seq 0) when the clock enters its last dueSoonMinutes;
 *   due             (seq 0) when it reaches dueAt;
 *   overdue_repeat  (seq 1, 2, ...) every repeatMinutes after the previous due/repeat alarm,
 *                   until acknowledged after the deadline.
 * Exactly once: an alarm identity (clockKey, dueAt, kind, seq) fires at most once, and a clock
 * never gets an alarm less advanced than one it already had. After a sleep, a restart or a forward
 * clock jump only the most advanced missing alarm fires (waking 20 minutes after the deadline gives
 * one 'due' alarm, then repeats count from that moment); a backward jump never fires anything again.
 */
import { formatOverdue, formatRemaining, immediateText, instantMs, isOpen, type TrackedClock } from './state';

export type AlarmKind = 'due_soon' | 'due' | 'overdue_repeat';

export const ALARM_KIND_LABELS: Readonly<Record<AlarmKind, string>> = {
  due_soon: '即将到期',
  due: '已到期',
  overdue_repeat: '超时提醒',
};

/** An alarm that fired, as the caller persists it. */
export interface FiredAlarm {
  clockKey: string;
  kind: AlarmKind;
  seq: number;
  /** ISO 8601. */
  firedAt: string;
  /**
   * Deadline the alarm was for (ISO). When a level change moves a deadline, alarms recorded for the
   * old one no longer count, so the new deadline alarms again. Records without it count whatever
   * the deadline is now.
   */
  dueAt?: string;
}

export interface AlarmAck {
  clockKey: string;
  /** ISO 8601. An ack at or after dueAt stops the overdue repeats of that clock. */
  ackedAt: string;
}

export interface AlarmSettings {
  /** Length of the 即将到期 window in minutes (default 10); 0 means no due-soon alarm. */
  dueSoonMinutes: number;
  /** Minutes between reminders while overdue and unacknowledged (default 5); 0 disables them. */
  repeatMinutes: number;
}

export const DEFAULT_ALARM_SETTINGS: Readonly<AlarmSettings> = { dueSoonMinutes: 10, repeatMinutes: 5 };

/** Alarms fired more than this after their scheduled moment are marked as missed (sleep, restart). */
export const MISSED_GRACE_MS = 60_000;

export interface Alarm {
  clockKey: string;
  incidentId: number | string;
  clockId: string;
  kind: AlarmKind;
  seq: number;
  dueAt: string;
  /** The instant it fires (the planner's now), ISO 8601. */
  firedAt: string;
  /** When this alarm was due to fire in epoch ms (for a repeat: previous alarm + repeat interval). */
  scheduledMs: number;
  /** dueAt − now at firing (negative once overdue). */
  remainingMs: number;
  /** Fired well after its moment: the machine slept, the app was closed or the clock jumped. */
  missed: boolean;
  clock: TrackedClock;
}

export interface PlanInput {
  clocks: readonly TrackedClock[];
  nowMs: number;
  fired: readonly FiredAlarm[];
  acks: readonly AlarmAck[];
  settings: AlarmSettings;
}

export interface AlarmPlan {
  toFire: Alarm[];
  /** Next instant at which planning may produce an alarm, assuming toFire is recorded now. */
  nextWakeMs: number | null;
}

const MINUTE = 60_000;

interface History {
  any: boolean;
  due: boolean;
  /** Seq and time of the latest 'due' or 'overdue_repeat' alarm (due counts as seq 0). */
  lastSeq: number;
  lastAtMs: number;
}

/** Checks the settings and returns them in ms; throws naming the field. */
export function settingsMs(settings: AlarmSettings): { dueSoonMs: number; repeatMs: number } {
  const check = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new Error(`${field} 应为非负数（分钟）: ${String(v)}`);
    }
    return v * MINUTE;
  };
  // Typed as unknown so the check stays for a caller that passes nothing.
  const given: unknown = settings;
  if (!given || typeof given !== 'object') throw new Error('settings 缺失');
  return {
    dueSoonMs: check(settings.dueSoonMinutes, 'dueSoonMinutes'),
    repeatMs: check(settings.repeatMinutes, 'repeatMinutes'),
  };
}

/** Identity of an alarm for de-duplication: at most one record per id, ever. */
export function alarmId(a: { clockKey: string; kind: AlarmKind; seq: number; dueAt?: string }): string {
  const due = a.dueAt === undefined ? '' : String(instantMs(a.dueAt, 'dueAt', a.clockKey));
  return `${a.clockKey}|${due}|${a.kind}|${a.seq}`;
}

/** The record to persist for an alarm that fires. */
export function toFiredAlarm(alarm: Alarm): FiredAlarm {
  return { clockKey: alarm.clockKey, kind: alarm.kind, seq: alarm.seq, firedAt: alarm.firedAt, dueAt: alarm.dueAt };
}

function historyOf(fired: readonly FiredAlarm[], clocksByKey: ReadonlyMap<string, number>): Map<string, History> {
  const out = new Map<string, History>();
  for (const f of fired) {
    const due = clocksByKey.get(f.clockKey);
    if (due === undefined) continue;
    if (f.dueAt !== undefined && instantMs(f.dueAt, 'fired.dueAt', f.clockKey) !== due) continue;
    let h = out.get(f.clockKey);
    if (!h) {
      h = { any: false, due: false, lastSeq: -1, lastAtMs: -Infinity };
      out.set(f.clockKey, h);
    }
    h.any = true;
    if (f.kind === 'due_soon') continue;
    const seq = f.kind === 'due' ? 0 : f.seq;
    if (f.kind === 'due') h.due = true;
    if (seq > h.lastSeq) {
      h.lastSeq = seq;
      h.lastAtMs = instantMs(f.firedAt, 'firedAt', f.clockKey);
    }
  }
  return out;
}

/** Latest ack time per clock key. */
export function latestAcks(acks: readonly AlarmAck[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of acks) {
    const t = instantMs(a.ackedAt, 'ackedAt', a.clockKey);
    const prev = out.get(a.clockKey);
    if (prev === undefined || t > prev) out.set(a.clockKey, t);
  }
  return out;
}

/** Plans the alarms due at nowMs. Completed and 不适用 clocks never alarm. */
export function planAlarms(input: PlanInput): AlarmPlan {
  const { clocks, nowMs, fired, acks } = input;
  if (!Number.isFinite(nowMs)) throw new Error(`nowMs 不是有效的时间: ${String(nowMs)}`);
  const { dueSoonMs, repeatMs } = settingsMs(input.settings);
  const firedAt = new Date(nowMs).toISOString();

  const open: TrackedClock[] = [];
  const dueByKey = new Map<string, number>();
  for (const c of clocks) {
    if (!isOpen(c)) continue;
    open.push(c);
    dueByKey.set(c.key, instantMs(c.dueAt, 'dueAt', c.key));
  }
  const history = historyOf(fired, dueByKey);
  const acked = latestAcks(acks);

  const toFire: Alarm[] = [];
  let nextWakeMs: number | null = null;
  const wake = (t: number): void => {
    if (nextWakeMs === null || t < nextWakeMs) nextWakeMs = t;
  };

  for (const clock of open) {
    const due = dueByKey.get(clock.key) as number; // set for every open clock just above
    const h = history.get(clock.key) ?? { any: false, due: false, lastSeq: -1, lastAtMs: -Infinity };
    const ackAt = acked.get(clock.key);
    const ackedAfterDue = ackAt !== undefined && ackAt >= due;
    const soonAt = due - dueSoonMs;
    const fire = (kind: AlarmKind, seq: number, scheduledMs: number): void => {
      toFire.push({
        clockKey: clock.key,
        incidentId: clock.incidentId,
        clockId: clock.clockId,
        kind,
        seq,
        dueAt: clock.dueAt,
        firedAt,
        scheduledMs,
        remainingMs: due - nowMs,
        missed: nowMs - scheduledMs > MISSED_GRACE_MS,
        clock,
      });
      h.any = true;
      if (kind !== 'due_soon') {
        h.due = true;
        h.lastSeq = seq;
        h.lastAtMs = nowMs;
      }
    };

    if (nowMs >= due) {
      if (!h.due) {
        // The deadline passed without its alarm (normal tick, sleep, restart or jump): one 'due'.
        fire('due', 0, due);
      } else if (!ackedAfterDue && repeatMs > 0 && nowMs >= h.lastAtMs + repeatMs) {
        // However many intervals were slept through, one reminder; the next counts from now.
        fire('overdue_repeat', h.lastSeq + 1, h.lastAtMs + repeatMs);
      }
    } else if (nowMs >= soonAt && !h.any && dueSoonMs > 0) {
      fire('due_soon', 0, soonAt);
    }

    // When this clock may need an alarm next.
    if (!h.any && dueSoonMs > 0 && nowMs < soonAt) wake(soonAt);
    else if (!h.due) wake(due);
    else if (!ackedAfterDue && repeatMs > 0) wake(Math.max(due, h.lastAtMs + repeatMs));
  }

  toFire.sort((a, b) => instantMs(a.dueAt) - instantMs(b.dueAt) || (a.clockKey < b.clockKey ? -1 : 1));
  return { toFire, nextWakeMs };
}

/** Notification title and body for an alarm, in the words the duty room uses. */
export function alarmMessage(alarm: Alarm): { title: string; body: string } {
  const c = alarm.clock;
  const route = c.from && c.to ? `${c.from} → ${c.to}` : c.to ? `报送 ${c.to}` : '';
  const left =
    alarm.remainingMs > 0
      ? c.immediate
        ? immediateText(c, alarm.remainingMs)
        : formatRemaining(alarm.remainingMs)
      : formatOverdue(-alarm.remainingMs);
  // The duty room's own rules (待初步判定, 续报 interval) say so; they are not a plan's clause.
  const cite = !c.citation
    ? ''
    : c.citation.startsWith('依据') || c.citation.startsWith('本值班室')
      ? c.citation
      : `依据${c.citation}`;
  const parts = [c.incidentTitle, route, left, cite].filter(Boolean);
  const prefix = alarm.kind === 'overdue_repeat' ? `超时提醒（第${alarm.seq}次）` : ALARM_KIND_LABELS[alarm.kind];
  return {
    title: `【${prefix}】${c.title}${alarm.missed ? '（延迟提醒）' : ''}`,
    body: parts.join(' · '),
  };
}
