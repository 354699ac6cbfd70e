/**
 * Desktop notifications, one per incident: a newer alarm of the same incident replaces the shown
 * notification instead of stacking another, and at most once a minute (a replacement due sooner
 * waits, then shows the words of that later moment). Plain Node: the platform's show and close,
 * the time and the timers are injected, so the rule is tested without Electron.
 */

export const REPLACE_INTERVAL_MS = 60_000;

export interface ThrottledNotice {
  key: string;
  message(nowMs: number): { title: string; body: string };
}

export interface NoticeThrottleDeps<H, T> {
  now(): number;
  show(title: string, body: string): H;
  close(handle: H): void;
  setTimer(fn: () => void, ms: number): T;
  clearTimer(timer: T): void;
}

interface Slot<H, T> {
  handle: H;
  shownAt: number;
  pending: ThrottledNotice | null;
  timer: T | null;
}

export class NoticeThrottle<H, T> {
  private readonly slots = new Map<string, Slot<H, T>>();

  constructor(private readonly deps: NoticeThrottleDeps<H, T>) {}

  notify(notice: ThrottledNotice): void {
    const slot = this.slots.get(notice.key);
    const now = this.deps.now();
    if (!slot) {
      this.slots.set(notice.key, { handle: this.showNow(notice, now), shownAt: now, pending: null, timer: null });
      return;
    }
    const wait = slot.shownAt + REPLACE_INTERVAL_MS - now;
    if (wait <= 0) {
      this.replace(slot, notice, now);
      return;
    }
    slot.pending = notice;
    slot.timer ??= this.deps.setTimer(() => {
      slot.timer = null;
      const next = slot.pending;
      slot.pending = null;
      if (next && this.slots.get(notice.key) === slot) this.replace(slot, next, this.deps.now());
    }, wait);
  }

  /** Closes every notification and cancels the waiting replacements. */
  clear(): void {
    for (const slot of this.slots.values()) {
      if (slot.timer !== null) this.deps.clearTimer(slot.timer);
      this.deps.close(slot.handle);
    }
    this.slots.clear();
  }

  /** Keys with a notification shown (for tests and diagnostics). */
  keys(): string[] {
    return [...this.slots.keys()];
  }

  private replace(slot: Slot<H, T>, notice: ThrottledNotice, now: number): void {
    this.deps.close(slot.handle);
    slot.handle = this.showNow(notice, now);
    slot.shownAt = now;
  }

  private showNow(notice: ThrottledNotice, now: number): H {
    const { title, body } = notice.message(now);
    return this.deps.show(title, body);
  }
}
