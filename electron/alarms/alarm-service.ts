/**
 * The alarm engine of the main process. It owns the alarms so they fire with the window minimised
 * or hidden; renderer timers are throttled in hidden windows, so nothing here depends on them.
 *
 * Platform effects (notification, sound, taskbar flash, always-on-top banner), time, timers and
 * storage are injected: this module imports no electron and runs under plain Node in tests.
 */
import {
  DEFAULT_ALARM_SETTINGS,
  alarmId,
  latestAcks,
  planAlarms,
  settingsMs,
  toFiredAlarm,
  type Alarm,
  type AlarmAck,
  type AlarmSettings,
  type FiredAlarm,
} from '../../shared/clocks/alarm-planner';
import { compareUrgency, dueMs, instantMs, isOpen, type TrackedClock } from '../../shared/clocks/state';
import { adoptLegacyKeys } from '../../shared/clocks/legacy-keys';

import type { AlarmStatus, ReevaluateReason } from '../../shared/domain/alarm-state';

export type { AlarmStatus, ReevaluateReason };

export interface AlarmEffects {
  notify(alarm: Alarm): void | Promise<void>;
  /** Flashes the taskbar / tray icon while on. */
  flash(on: boolean): void;
  /** Shows or updates the always-on-top banner with every overdue open clock, most late first. */
  showBanner(overdueClocks: TrackedClock[]): void;
  hideBanner(): void;
}

export interface AlarmServiceDeps<H = unknown> {
  now(): number;
  setTimer(fn: () => void, ms: number): H;
  clearTimer(handle: H): void;
  loadClocks(): Promise<TrackedClock[]>;
  loadFired(): Promise<FiredAlarm[]>;
  /** Persists fired alarms; awaited BEFORE notifying, so a crash cannot make them fire twice. */
  recordFired(alarms: FiredAlarm[]): Promise<void>;
  /** Persisted acknowledgements; without these, acks live in memory until restart. */
  loadAcks?(): Promise<AlarmAck[]>;
  recordAcks?(acks: AlarmAck[]): Promise<void>;
  effects: AlarmEffects;
  settings(): AlarmSettings;
  onError?(error: unknown, context: string): void;
  /** Called after every evaluation and acknowledgement (e.g. to push 'alarms:state'). */
  onStatus?(status: AlarmStatus): void;
  /** Longest single timer, so a timer lost to sleep or a clock jump is caught (default 60 s). */
  maxTimerMs?: number;
}

/** A timer firing this far from its expected moment means the wall clock jumped (or we slept). */
export const JUMP_TOLERANCE_MS = 2_000;
const DEFAULT_MAX_TIMER_MS = 60_000;

export class AlarmService<H = unknown> {
  private readonly deps: AlarmServiceDeps<H>;
  private readonly maxTimerMs: number;
  private running = false;
  private timer: { handle: H } | null = null;
  private lastNow: number | null = null;
  private chain: Promise<unknown> = Promise.resolve();

  // In-memory copies so the process never double-fires even if storage lags or fails.
  private readonly localFired = new Map<string, FiredAlarm>();
  private readonly localAcks: AlarmAck[] = [];
  private unpersisted: FiredAlarm[] = [];

  private readonly active = new Set<string>();
  private lastFiredAtByKey = new Map<string, number>();
  private overdue: TrackedClock[] = [];
  private bannerKeys = '';
  private soundOn = false;
  private flashing = false;
  private bannerShown = false;
  private nextWakeMs: number | null = null;
  private lastEvaluatedMs: number | null = null;
  private lastReason: ReevaluateReason | null = null;
  private lastJumpMs: number | null = null;

  constructor(deps: AlarmServiceDeps<H>) {
    this.deps = deps;
    this.maxTimerMs = deps.maxTimerMs ?? DEFAULT_MAX_TIMER_MS;
    if (!(this.maxTimerMs > 0)) throw new Error(`maxTimerMs 应为正数: ${String(deps.maxTimerMs)}`);
  }

  /** Starts the engine and evaluates at once (a deadline passed while closed alarms now). */
  async start(): Promise<AlarmStatus> {
    if (this.running) return this.status();
    this.running = true;
    return this.reevaluate('start');
  }

  /** Stops timers and every effect. */
  stop(): void {
    this.running = false;
    this.clearTimer();
    if (this.flashing) this.effect('flash', () => this.deps.effects.flash(false));
    if (this.bannerShown) this.effect('hideBanner', () => this.deps.effects.hideBanner());
    this.soundOn = this.flashing = this.bannerShown = false;
    this.bannerKeys = '';
  }

  /**
   * Re-reads clocks and alarms and fires what is due. Call on resume from sleep, on a wall-clock
   * change and whenever clock data changes. Calls are serialised; before start() it does nothing.
   */
  reevaluate(reason: ReevaluateReason): Promise<AlarmStatus> {
    const run = this.chain.then(() => this.evaluate(reason));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Acknowledges the alarm of one clock, or of every alarming and overdue clock when omitted.
   * Stops the sound once nothing is left unacknowledged; the clocks keep running and the banner
   * stays while anything is overdue. An ack after the deadline stops that clock's repeats.
   */
  acknowledge(clockKey?: string): Promise<AlarmStatus> {
    const run = this.chain.then(async () => {
      const now = this.deps.now();
      const keys =
        clockKey !== undefined ? [clockKey] : [...new Set([...this.active, ...this.overdue.map((c) => c.key)])];
      // An ack is logically after the alarm it answers, even if the wall clock went back since.
      const acks = keys.map((key) => ({
        clockKey: key,
        ackedAt: new Date(Math.max(now, this.lastFiredAtByKey.get(key) ?? -Infinity)).toISOString(),
      }));
      this.localAcks.push(...acks);
      for (const k of keys) this.active.delete(k);
      if (acks.length > 0 && this.deps.recordAcks) {
        try {
          await this.deps.recordAcks(acks);
        } catch (e) {
          this.report(e, 'recordAcks');
        }
      }
      this.syncSound();
      if (!this.running) return this.status();
      return this.evaluate('ack');
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  status(): AlarmStatus {
    return {
      running: this.running,
      activeKeys: [...this.active],
      overdueKeys: this.overdue.map((c) => c.key),
      soundOn: this.soundOn,
      flashing: this.flashing,
      bannerShown: this.bannerShown,
      nextWakeAt: this.nextWakeMs === null ? null : new Date(this.nextWakeMs).toISOString(),
      lastEvaluatedAt: this.lastEvaluatedMs === null ? null : new Date(this.lastEvaluatedMs).toISOString(),
      lastReason: this.lastReason,
      lastJumpMs: this.lastJumpMs,
      unpersisted: this.unpersisted.length,
    };
  }

  private async evaluate(reason: ReevaluateReason): Promise<AlarmStatus> {
    if (!this.running) return this.status();
    this.clearTimer();
    let now = this.deps.now();
    try {
      if (reason !== 'time-change') this.detectBackwardJump(now);
      const settings = this.currentSettings();
      const [rawClocks, storedFired, storedAcks] = await Promise.all([
        this.deps.loadClocks(),
        this.deps.loadFired(),
        this.deps.loadAcks ? this.deps.loadAcks() : Promise.resolve<AlarmAck[]>([]),
      ]);
      if (!this.isRunning()) return this.status();
      now = this.deps.now();
      const clocks = this.validClocks(rawClocks);
      // Records made under the keys before obligations named their level count for those obligations.
      const stored = adoptLegacyKeys(clocks, storedFired, storedAcks);
      const fired = this.mergeFired(stored.fired);
      const acks = stored.acks.length > 0 ? [...stored.acks, ...this.localAcks] : this.localAcks;
      await this.retryPersist();

      const plan = planAlarms({ clocks, nowMs: now, fired, acks, settings });
      if (plan.toFire.length > 0) {
        const records = plan.toFire.map(toFiredAlarm);
        for (const r of records) this.localFired.set(alarmId(r), r);
        try {
          await this.deps.recordFired(records);
        } catch (e) {
          // Better a possible repeat after a crash than a missed alarm: notify anyway, retry later.
          this.unpersisted.push(...records);
          this.report(e, 'recordFired');
        }
        for (const alarm of plan.toFire) {
          this.active.add(alarm.clockKey);
          this.lastFiredAtByKey.set(alarm.clockKey, now);
          try {
            await this.deps.effects.notify(alarm);
          } catch (e) {
            this.report(e, 'notify');
          }
        }
      }

      this.refreshActive(clocks, [...fired, ...plan.toFire.map(toFiredAlarm)], acks);
      this.syncSound();
      this.syncBanner(clocks, now);
      this.nextWakeMs = plan.nextWakeMs;
    } catch (e) {
      this.report(e, `reevaluate(${reason})`);
    } finally {
      this.lastEvaluatedMs = now;
      this.lastReason = reason;
      this.lastNow = now;
      if (this.isRunning()) this.schedule(now);
    }
    const status = this.status();
    if (this.deps.onStatus) {
      try {
        this.deps.onStatus(status);
      } catch (e) {
        this.report(e, 'onStatus');
      }
    }
    return status;
  }

  /** Bad settings must not silence the alarms: report them and use the defaults. */
  private currentSettings(): AlarmSettings {
    try {
      const s = this.deps.settings();
      settingsMs(s);
      return s;
    } catch (e) {
      this.report(e, 'settings');
      return DEFAULT_ALARM_SETTINGS;
    }
  }

  /** A backward step of the wall clock between evaluations (forward steps look like elapsed time). */
  private detectBackwardJump(now: number): void {
    if (this.lastNow !== null && now < this.lastNow - JUMP_TOLERANCE_MS) this.lastJumpMs = now - this.lastNow;
  }

  /**
   * Read through a call: stop() may run while an evaluation awaits the database, and TypeScript
   * would otherwise keep the narrowing from before the await.
   */
  private isRunning(): boolean {
    return this.running;
  }

  /** Drops clocks whose times do not parse (reported), so one bad row cannot silence the rest. */
  private validClocks(clocks: readonly TrackedClock[]): TrackedClock[] {
    const out: TrackedClock[] = [];
    for (const c of clocks) {
      try {
        dueMs(c);
        if (c.completedAt) instantMs(c.completedAt, 'completedAt', c.key);
        out.push(c);
      } catch (e) {
        this.report(e, `clock ${c.key}`);
      }
    }
    return out;
  }

  private mergeFired(stored: readonly FiredAlarm[]): FiredAlarm[] {
    if (this.localFired.size === 0) return [...stored];
    const seen = new Set<string>();
    const out: FiredAlarm[] = [];
    for (const f of [...stored, ...this.localFired.values()]) {
      let id: string;
      try {
        id = alarmId(f);
      } catch {
        continue;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(f);
    }
    return out;
  }

  private async retryPersist(): Promise<void> {
    if (this.unpersisted.length === 0) return;
    const batch = this.unpersisted;
    this.unpersisted = [];
    try {
      await this.deps.recordFired(batch);
    } catch (e) {
      this.unpersisted = batch.concat(this.unpersisted);
      this.report(e, 'recordFired (retry)');
    }
  }

  /**
   * Keeps only open clocks in the alarming set, rebuilt from storage at every evaluation: an open
   * clock whose latest alarm is newer than its latest ack is alarming. So after a restart, and also
   * when another seat of the same room fired the alarm first (this seat then finds it already
   * fired and does not fire it again), this seat sounds too.
   */
  private refreshActive(
    clocks: readonly TrackedClock[],
    fired: readonly FiredAlarm[],
    acks: readonly AlarmAck[],
  ): void {
    const open = new Set<string>();
    for (const c of clocks) if (isOpen(c)) open.add(c.key);
    for (const k of [...this.active]) if (!open.has(k)) this.active.delete(k);
    const acked = latestAcks(acks);
    // An acknowledgement made at another seat of the same room, after this seat's latest alarm for
    // that clock, quiets this seat too (issue 17: one acknowledgement stops the sound on all seats).
    for (const k of [...this.active]) {
      const ack = acked.get(k);
      const firedAt = this.lastFiredAtByKey.get(k);
      if (ack !== undefined && firedAt !== undefined && ack >= firedAt) this.active.delete(k);
    }
    for (const f of fired) {
      if (!open.has(f.clockKey)) continue;
      const at = instantMs(f.firedAt, 'firedAt', f.clockKey);
      const prev = this.lastFiredAtByKey.get(f.clockKey);
      if (prev === undefined || at > prev) this.lastFiredAtByKey.set(f.clockKey, at);
    }
    for (const [key, at] of this.lastFiredAtByKey) {
      const ack = acked.get(key);
      if (open.has(key) && (ack === undefined || at > ack)) this.active.add(key);
    }
  }

  private syncSound(): void {
    const want = this.active.size > 0;
    // The page plays the sound while status().soundOn holds: no platform effect to call.
    this.soundOn = want;
    if (want !== this.flashing) {
      this.flashing = want;
      this.effect('flash', () => this.deps.effects.flash(want));
    }
  }

  private syncBanner(clocks: readonly TrackedClock[], now: number): void {
    const overdue = clocks.filter((c) => isOpen(c) && dueMs(c) <= now).sort(compareUrgency);
    this.overdue = overdue;
    const keys = overdue.map((c) => `${c.key}@${c.dueAt}`).join('\n');
    if (keys === this.bannerKeys) return;
    this.bannerKeys = keys;
    if (overdue.length > 0) {
      this.bannerShown = true;
      this.effect('showBanner', () => this.deps.effects.showBanner(overdue));
    } else if (this.bannerShown) {
      this.bannerShown = false;
      this.effect('hideBanner', () => this.deps.effects.hideBanner());
    }
  }

  private schedule(now: number): void {
    this.clearTimer();
    const target = this.nextWakeMs;
    const delay = Math.min(Math.max(target === null ? this.maxTimerMs : target - now, 0), this.maxTimerMs);
    const expected = now + delay;
    const handle = this.deps.setTimer(() => {
      this.timer = null;
      // Timers run on a monotonic clock: a wall clock far from the expected moment jumped.
      const drift = this.deps.now() - expected;
      const jumped = Math.abs(drift) > JUMP_TOLERANCE_MS;
      if (jumped) this.lastJumpMs = drift;
      void this.reevaluate(jumped ? 'time-change' : 'timer');
    }, delay);
    this.timer = { handle };
  }

  private clearTimer(): void {
    if (this.timer) this.deps.clearTimer(this.timer.handle);
    this.timer = null;
  }

  private effect(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.report(e, name);
    }
  }

  private report(error: unknown, context: string): void {
    if (this.deps.onError) {
      try {
        this.deps.onError(error, context);
      } catch {
        // An error reporter that throws must not stop the alarms.
      }
    }
  }
}
