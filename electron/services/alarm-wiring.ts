/**
 * Connects the alarm engine to the database and to the host's effects. The engine lives in the
 * main process, so alarms fire with the window minimised or hidden and renderer timers do not matter.
 */
import { mergeNotices, noticeMessage, noticeOf } from '../../shared/clocks/alarm-notices';
import type { AlarmNotice } from '../../shared/clocks/alarm-notices';
import { alarmMessage } from '../../shared/clocks/alarm-planner';
import type { TrackedClock } from '../../shared/clocks/state';
import { toTracked } from '../../shared/incidents/tracked';
import type { AlarmState } from '../../shared/domain/alarm-state';
import type { Settings } from '../../shared/settings';
import { AlarmService } from '../alarms/alarm-service';
import type { AlarmEffects, AlarmStatus } from '../alarms/alarm-service';
import * as alarmsRepo from '../db/alarm-repository';
import { currentSeat } from '../db/seat-context';
import type { Database } from '../db/connection';
import type { IncidentService } from './incidents/incident-service';

export type { AlarmState };

/** A desktop notification: one per key (the incident); message() gives its words at the moment it is shown. */
export interface HostNotice {
  key: string;
  message(nowMs: number): { title: string; body: string };
}

export interface AlarmHostEffects {
  notify?(notice: HostNotice): void;
  flash?(on: boolean): void;
  banner?(overdue: AlarmState['overdue']): void;
  /** Pushes the state to every window (sound and banner are drawn by the renderer). */
  push(state: AlarmState): void;
}

const overdueView = (clocks: TrackedClock[]): AlarmState['overdue'] =>
  clocks.map((c) => ({
    key: c.key,
    title: c.title,
    incidentTitle: c.incidentTitle ?? '',
    dueAt: c.dueAt,
    citation: c.citation ?? '',
  }));

export function createAlarms(deps: {
  db: Database;
  incidents: IncidentService;
  settings: () => Settings;
  now: () => Date;
  host: AlarmHostEffects;
}): { service: AlarmService<ReturnType<typeof setTimeout>>; state: () => AlarmState } {
  let overdue: AlarmState['overdue'] = [];
  let lastAlarm: AlarmState['lastAlarm'] = null;
  let status: AlarmStatus | null = null;
  let notices: AlarmNotice[] = [];
  // The clocks of the last evaluation: a notice lasts while its clock is open.
  let openClocks: TrackedClock[] | null = null;
  const state = (): AlarmState => ({ status: status ?? service.status(), overdue, lastAlarm, notices });

  const effects: AlarmEffects = {
    notify(alarm) {
      const msg = alarmMessage(alarm);
      lastAlarm = { ...msg, kind: alarm.kind, at: deps.now().toISOString() };
      notices = mergeNotices(notices, [alarm], openClocks);
      const notice = noticeOf(alarm);
      deps.host.notify?.({ key: notice.incidentId, message: (nowMs) => noticeMessage(notice, nowMs) });
    },
    flash(on) {
      deps.host.flash?.(on);
    },
    showBanner(clocks) {
      overdue = overdueView(clocks);
      deps.host.banner?.(overdue);
    },
    hideBanner() {
      overdue = [];
      deps.host.banner?.(overdue);
    },
  };

  const service = new AlarmService<ReturnType<typeof setTimeout>>({
    now: () => deps.now().getTime(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h),
    loadClocks: async () => {
      // The same open clocks the top strip shows (clocks:upcoming), whatever the incident's status.
      const open = await deps.db.read((q) => deps.incidents.openClocks(q));
      openClocks = open.map((c) => toTracked(c, `${c.drill ? '【演练】' : ''}${c.incidentTitle}`));
      notices = mergeNotices(notices, [], openClocks);
      return openClocks;
    },
    loadFired: () => deps.db.read((q) => alarmsRepo.listFired(q)),
    recordFired: (alarms) => deps.db.write((q) => alarmsRepo.insertFired(q, alarms)),
    loadAcks: () => deps.db.read((q) => alarmsRepo.listAcks(q)),
    recordAcks: async (acks) => {
      const duty = await deps.db.read((q) => deps.incidents.getDuty(q));
      // Recorded with the seat and the officer logged in there (issue 17); in process, the officer on duty.
      const seat = currentSeat();
      await deps.db.write((q) =>
        alarmsRepo.insertAcks(q, acks, seat?.officer ?? duty?.officer ?? '未登记', seat?.seatName ?? null),
      );
    },
    effects,
    settings: () => ({ dueSoonMinutes: deps.settings().dueSoonMinutes, repeatMinutes: deps.settings().repeatMinutes }),
    onStatus: (s) => {
      status = s;
      deps.host.push(state());
    },
    onError: (err, context) => console.error(`[alarms] ${context}`, err),
  });
  return { service, state };
}
