import type { AlarmNotice } from '../clocks/alarm-notices';

export type ReevaluateReason = 'start' | 'resume' | 'time-change' | 'data-changed' | 'timer' | 'ack';

/** The alarm engine's state after an evaluation or acknowledgement. */
export interface AlarmStatus {
  running: boolean;
  /** Clocks with an alarm not yet acknowledged (the sound plays while this is non-empty). */
  activeKeys: string[];
  /** Open clocks past their deadline (the banner shows while this is non-empty). */
  overdueKeys: string[];
  soundOn: boolean;
  flashing: boolean;
  bannerShown: boolean;
  nextWakeAt: string | null;
  lastEvaluatedAt: string | null;
  lastReason: ReevaluateReason | null;
  /** Size of the last wall-clock jump detected between timers, ms (+ forward, − backward). */
  lastJumpMs: number | null;
  /** Fired alarms not yet persisted because recordFired failed; retried on each evaluation. */
  unpersisted: number;
}

/** What the renderer is told after every alarm evaluation: enough to draw the banner and play the sound. */
export interface AlarmState {
  status: AlarmStatus;
  overdue: { key: string; title: string; incidentTitle: string; dueAt: string; citation: string }[];
  lastAlarm: { title: string; body: string; kind: 'due_soon' | 'due' | 'overdue_repeat'; at: string } | null;
  /** One notice per incident with an open alarmed clock, most urgent first (shared/clocks/alarm-notices). */
  notices: AlarmNotice[];
}
