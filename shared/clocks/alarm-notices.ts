/**
 * Alarm notices: what stays on screen after an alarm fired. One notice per incident (its latest
 * alarm), so three clocks of one incident never stack three pop-ups; the text is recomputed from the
 * clock at every look, so it never freezes at the moment of firing ("超时 05:00"). Pure.
 */
import { alarmMessage, type Alarm, type AlarmKind } from './alarm-planner';
import { instantMs, isOpen, type TrackedClock } from './state';

/** How many notices show one by one; the rest fold into one 另有N项. */
export const NOTICES_SHOWN = 3;

/** The latest alarm of one incident. */
export interface AlarmNotice {
  /** String(incidentId): one notice per incident. */
  incidentId: string;
  kind: AlarmKind;
  seq: number;
  missed: boolean;
  /** When the alarm fired (ISO); a new alarm of the incident gives a new firedAt. */
  firedAt: string;
  clock: TrackedClock;
}

/** The notice an alarm leaves behind. */
export function noticeOf(alarm: Alarm): AlarmNotice {
  return {
    incidentId: String(alarm.incidentId),
    kind: alarm.kind,
    seq: alarm.seq,
    missed: alarm.missed,
    firedAt: alarm.firedAt,
    clock: alarm.clock,
  };
}

/**
 * The notices after some alarms fired, against the clocks still open: an incident's newer alarm
 * replaces its older notice; a notice whose clock closed (reported, 不适用, incident gone) is dropped;
 * a clock whose deadline moved (level change) is read afresh. Most urgent first.
 */
export function mergeNotices(
  previous: readonly AlarmNotice[],
  fired: readonly Alarm[],
  openClocks: readonly TrackedClock[] | null,
): AlarmNotice[] {
  const byIncident = new Map<string, AlarmNotice>();
  for (const n of previous) byIncident.set(n.incidentId, n);
  for (const a of fired) byIncident.set(String(a.incidentId), noticeOf(a));
  const open = openClocks ? new Map(openClocks.filter(isOpen).map((c) => [c.key, c])) : null;
  const out: AlarmNotice[] = [];
  for (const n of byIncident.values()) {
    if (!open) {
      out.push(n);
      continue;
    }
    const clock = open.get(n.clock.key);
    if (clock) out.push(clock === n.clock ? n : { ...n, clock });
  }
  out.sort((a, b) => instantMs(a.clock.dueAt) - instantMs(b.clock.dueAt));
  return out;
}

/**
 * Title and body of a notice at nowMs, in the words of alarmMessage: the countdown is the clock's
 * own at that instant, and a 即将到期 notice whose deadline has passed reads 已到期.
 */
export function noticeMessage(n: AlarmNotice, nowMs: number): { title: string; body: string } {
  const remainingMs = instantMs(n.clock.dueAt) - nowMs;
  const kind: AlarmKind = n.kind === 'due_soon' && remainingMs <= 0 ? 'due' : n.kind;
  return alarmMessage({
    clockKey: n.clock.key,
    incidentId: n.incidentId,
    clockId: n.clock.clockId,
    kind,
    seq: n.seq,
    dueAt: n.clock.dueAt,
    firedAt: n.firedAt,
    scheduledMs: instantMs(n.firedAt),
    remainingMs,
    missed: n.missed,
    clock: n.clock,
  });
}
