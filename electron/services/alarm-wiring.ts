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
import type { Database, Queryable } from '../db/connection';
import * as derivedRepo from '../db/derived-repository';
import type { OpenClock } from '../../shared/ipc/channels/incidents';
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
  /**
   * Re-read only what changed (SQLite: this process is the only writer and its refresher reports
   * what it stores). Off for a database shared by several seats, where another seat's refresher can
   * clear a stale mark before this seat's alarms have read it.
   */
  incremental?: boolean;
}): {
  service: AlarmService<ReturnType<typeof setTimeout>>;
  state: () => AlarmState;
  /** Incidents whose stored derivation was just stored again (their clocks are re-read at the next evaluation). */
  incidentsChanged: (ids: readonly number[]) => void;
  /** The next evaluation reads every open clock again. */
  reloadAll: () => void;
} {
  let overdue: AlarmState['overdue'] = [];
  let lastAlarm: AlarmState['lastAlarm'] = null;
  let status: AlarmStatus | null = null;
  let notices: AlarmNotice[] = [];
  // The clocks of the last evaluation: a notice lasts while its clock is open.
  let openClocks: TrackedClock[] | null = null;
  const state = (): AlarmState => ({ status: status ?? service.status(), overdue, lastAlarm, notices });
  const clocks = new OpenClockCache(deps.incidents, deps.incremental !== false);

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
      const open = await deps.db.read((q) => clocks.load(q));
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
  return {
    service,
    state,
    incidentsChanged: (ids) => clocks.changed(ids),
    reloadAll: () => clocks.reloadAll(),
  };
}

/** More incidents marked stale than this (an import, an upgrade) and the cache is read again whole. */
const INCREMENTAL_LIMIT = 1000;

/**
 * The open clocks per incident, kept between evaluations (issue 14 "Alarm re-evaluation"): after
 * a change only the incidents that changed are read again, found by their stale marks (migration
 * 0016's triggers, in the change's own transaction) and by the refresher's report of those it has
 * stored since. Read whole at start, after a changed basis (rules or settings), when told to
 * (another seat's change, a restore or an import), or when too many incidents changed at once.
 */
export class OpenClockCache {
  private readonly byIncident = new Map<number, OpenClock[]>();
  private whole = true;
  private basis: string | null = null;
  private readonly pending = new Set<number>();

  constructor(
    private readonly incidents: Pick<IncidentService, 'openClocks' | 'derivationBasis'>,
    private readonly incremental = true,
  ) {}

  changed(ids: readonly number[]): void {
    for (const id of ids) this.pending.add(id);
  }

  reloadAll(): void {
    this.whole = true;
  }

  async load(q: Queryable): Promise<OpenClock[]> {
    const basis = this.incidents.derivationBasis();
    const ids = new Set(this.pending);
    this.pending.clear();
    if (!this.incremental) this.whole = true;
    try {
      const stale =
        this.whole || basis !== this.basis ? [] : await derivedRepo.staleIncidents(q, 0, INCREMENTAL_LIMIT + 1);
      if (this.whole || basis !== this.basis || stale.length > INCREMENTAL_LIMIT) {
        const all = await this.incidents.openClocks(q);
        this.byIncident.clear();
        this.put(all);
        this.whole = false;
        this.basis = basis;
      } else {
        for (const id of stale) ids.add(id);
        if (ids.size > 0) {
          const list = await this.incidents.openClocks(q, [...ids]);
          for (const id of ids) this.byIncident.delete(id);
          this.put(list);
        }
      }
    } catch (err) {
      // Nothing is half-known: the next evaluation reads everything again.
      this.whole = true;
      throw err;
    }
    // Newest incident first, as the whole read gives them.
    return [...this.byIncident.entries()].sort((a, b) => b[0] - a[0]).flatMap(([, list]) => list);
  }

  private put(list: readonly OpenClock[]): void {
    for (const c of list) {
      const mine = this.byIncident.get(c.incidentId);
      if (mine) mine.push(c);
      else this.byIncident.set(c.incidentId, [c]);
    }
  }
}
