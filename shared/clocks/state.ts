/**
 * Clock state: what a reporting clock shows at a given instant (countdown text, 未到期 / 即将到期 /
 * 已超时 / 已完成 / 不适用) and how clocks are ranked by urgency. Pure and time-injected: the
 * renderer's countdown and the main process's alarms call the same functions with their own now.
 *
 * The deadlines themselves come from the rules engine, which cites the plan clause of each clock
 * (e.g. 朔政办发〔2021〕43号 5.1.1(2)); nothing here decides a deadline.
 */

/** The structural shape this module needs from a clock; the rules engine's clocks satisfy it. */
export interface TrackedClock {
  /** Unique across all incidents, e.g. `${incidentId}:${clockId}`. */
  key: string;
  incidentId: number | string;
  clockId: string;
  /** What is due, e.g. 电话报告市政府. */
  title: string;
  /** Absolute deadline, ISO 8601. */
  dueAt: string;
  /** When the window started (discovery, verification, ...), ISO 8601. */
  startsAt: string;
  /** Set once the report was made; a completed clock never alarms. */
  completedAt?: string | null;
  /** Marked 不适用 (with a reason kept elsewhere); never alarms. */
  notApplicable?: boolean;
  /** Optional context for notifications and banners. */
  incidentTitle?: string;
  from?: string;
  to?: string;
  citation?: string;
  /**
   * A 立即/即时/及时 duty (43号 5.1.1(5), 5.1.3; 42号 4.1.2): shown as its label, e.g.
   * 立即（最迟2小时）, with the time left to the engine's latest limit — never as a plain countdown.
   */
  immediate?: boolean;
  /** The window as the rules word it; the label of an immediate duty. */
  window?: string;
}

export type ClockStateKind = 'pending' | 'due_soon' | 'overdue' | 'done' | 'not_applicable';

export const CLOCK_STATE_LABELS: Readonly<Record<ClockStateKind, string>> = {
  pending: '未到期',
  due_soon: '即将到期',
  overdue: '已超时',
  done: '已完成',
  not_applicable: '不适用',
};

export interface ClockState {
  state: ClockStateKind;
  label: string;
  /**
   * dueAt − now for open clocks (negative once overdue); dueAt − completedAt for done clocks
   * (negative when completed late); 0 for clocks marked 不适用.
   */
  remainingMs: number;
  /** '剩39分59秒', '剩1小时05分', '超时12分', '超时2小时03分'; for closed clocks a short summary. */
  text: string;
}

export interface ClockStateOptions {
  /** Length of the 即将到期 window in minutes (default 10). */
  dueSoonMinutes?: number;
}

export const DEFAULT_DUE_SOON_MINUTES = 10;

/** Urgency key of closed clocks: after every real deadline (max Date is 8.64e15 ms). */
export const CLOSED_URGENCY = Number.MAX_SAFE_INTEGER;

const MINUTE = 60_000;

// '00'..'99' once, so formatting a tick does not build padding strings.
const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));
const pad2 = (n: number): string => PAD2[n] ?? String(n);

// ISO strings are parsed once: a tick over 3,000 clocks must not re-parse 3,000 dates.
const parseCache = new Map<string, number>();
const PARSE_CACHE_LIMIT = 50_000;

/** Parses an ISO instant (cached); throws an Error naming the field when it is not a time. */
export function instantMs(iso: string, field = 'dueAt', owner = ''): number {
  const hit = parseCache.get(iso);
  if (hit !== undefined) return hit;
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(`${field} 不是有效的时间${owner ? `（${owner}）` : ''}: ${iso}`);
  }
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
  parseCache.set(iso, ms);
  return ms;
}

/** Deadline of a clock in epoch ms; throws naming the clock when dueAt is not a time. */
export function dueMs(clock: TrackedClock): number {
  return instantMs(clock.dueAt, 'dueAt', clock.key);
}

/** True while the clock still runs (neither completed nor marked 不适用). */
export function isOpen(clock: TrackedClock): boolean {
  return !clock.completedAt && !clock.notApplicable;
}

/**
 * A span in words, so a countdown never reads like a time of day ('19:55' looks like five to
 * eight): under an hour '19分55秒' (or '45秒'), from an hour on '1小时05分'. Whole seconds;
 * negative input is treated as zero.
 */
export function formatSpan(totalSeconds: number): string {
  const s = totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${pad2(s % 60)}秒`;
  const h = Math.floor(s / 3600);
  return `${h}小时${pad2(Math.floor((s % 3600) / 60))}分`;
}

/** Lateness in whole minutes ('19分', '2小时03分'); under a minute '不足1分'. */
export function formatLateSpan(totalSeconds: number): string {
  const s = totalSeconds > 0 ? Math.floor(totalSeconds) : 0;
  if (s < 60) return '不足1分';
  if (s < 3600) return `${Math.floor(s / 60)}分`;
  return formatSpan(s);
}

/** Countdown text '剩19分55秒' / '剩1小时05分': seconds round up, so the last second before the deadline still reads 剩1秒. */
export function formatRemaining(remainingMs: number): string {
  return '剩' + formatSpan(Math.ceil(remainingMs / 1000));
}

/** Lateness text '超时19分' / '超时2小时03分': seconds round down, so 超时不足1分 in the first minute. */
export function formatOverdue(lateMs: number): string {
  return '超时' + formatLateSpan(Math.floor(lateMs / 1000));
}

function dueSoonMsOf(options?: ClockStateOptions): number {
  const m = options?.dueSoonMinutes ?? DEFAULT_DUE_SOON_MINUTES;
  if (!(typeof m === 'number' && Number.isFinite(m) && m >= 0)) {
    throw new Error(`dueSoonMinutes 应为非负数: ${String(m)}`);
  }
  return m * MINUTE;
}

/**
 * State of one clock at nowMs. Due at dueAt inclusive (at dueAt it is 已超时, 超时不足1分); 即将到期 covers
 * the last dueSoonMinutes inclusive of the boundary. A completed clock wins over 不适用.
 */
export function clockState(clock: TrackedClock, nowMs: number, options?: ClockStateOptions): ClockState {
  return clockStateInto({ state: 'pending', label: '', remainingMs: 0, text: '' }, clock, nowMs, options);
}

/** As clockState, writing into `out` so a per-tick loop can reuse one object per clock. */
export function clockStateInto(
  out: ClockState,
  clock: TrackedClock,
  nowMs: number,
  options?: ClockStateOptions,
): ClockState {
  const due = dueMs(clock);
  if (clock.completedAt) {
    const remaining = due - instantMs(clock.completedAt, 'completedAt', clock.key);
    out.state = 'done';
    out.label = CLOCK_STATE_LABELS.done;
    out.remainingMs = remaining;
    out.text = remaining >= 0 ? '按时完成' : formatOverdue(-remaining) + '完成';
    return out;
  }
  if (clock.notApplicable) {
    out.state = 'not_applicable';
    out.label = CLOCK_STATE_LABELS.not_applicable;
    out.remainingMs = 0;
    out.text = CLOCK_STATE_LABELS.not_applicable;
    return out;
  }
  const remaining = due - nowMs;
  out.remainingMs = remaining;
  if (remaining <= 0) {
    out.state = 'overdue';
    out.label = CLOCK_STATE_LABELS.overdue;
    out.text = formatOverdue(-remaining);
  } else {
    const soon = remaining <= dueSoonMsOf(options);
    out.state = soon ? 'due_soon' : 'pending';
    out.label = soon ? CLOCK_STATE_LABELS.due_soon : CLOCK_STATE_LABELS.pending;
    out.text = clock.immediate ? immediateText(clock, remaining) : formatRemaining(remaining);
  }
  return out;
}

/** '立即（最迟2小时） · 最迟时限剩1小时05分': what is owed first, then the latest limit's countdown. */
export function immediateText(clock: TrackedClock, remainingMs: number): string {
  return (
    (clock.window && /^(立即|即时|及时)/.test(clock.window) ? clock.window : '立即') +
    ' · 最迟时限' +
    formatRemaining(remainingMs)
  );
}

/**
 * Sort key, smaller is more urgent: an open clock's deadline (overdue clocks come first, the most
 * late first, then the soonest due), closed clocks last. It does not depend on now, so an order
 * computed once stays right until the data changes.
 */
export function urgencyKey(clock: TrackedClock): number {
  return isOpen(clock) ? dueMs(clock) : CLOSED_URGENCY;
}

/**
 * Most urgent clock of a list (first one on ties), or null for an empty list. `_nowMs` is accepted
 * for call-site symmetry with clockState; the ranking does not depend on it (see urgencyKey).
 */
export function mostUrgent<T extends TrackedClock>(clocks: readonly T[], _nowMs?: number): T | null {
  let best: T | null = null;
  let bestKey = Infinity;
  for (const c of clocks) {
    const k = urgencyKey(c);
    if (k < bestKey) {
      best = c;
      bestKey = k;
    }
  }
  return best;
}

/** Urgency of an incident: that of its most urgent clock; CLOSED_URGENCY without open clocks. */
export function incidentUrgencyKey(clocks: readonly TrackedClock[]): number {
  const best = mostUrgent(clocks);
  return best ? urgencyKey(best) : CLOSED_URGENCY;
}

/** Comparator for clocks by urgency (use with Array.prototype.sort, which is stable). */
export function compareUrgency(a: TrackedClock, b: TrackedClock): number {
  return urgencyKey(a) - urgencyKey(b);
}

export interface DueWithinOptions {
  /** Keep clocks already overdue at the head of the strip (default true). */
  includeOverdue?: boolean;
}

/**
 * Open clocks due within the next `minutes` (inclusive), most urgent first: the strip at the top of
 * the board. Overdue clocks are kept by default so a clock does not vanish from the strip the
 * moment it falls due.
 */
export function dueWithin<T extends TrackedClock>(
  clocks: readonly T[],
  nowMs: number,
  minutes: number,
  options?: DueWithinOptions,
): T[] {
  if (!(Number.isFinite(minutes) && minutes >= 0)) throw new Error(`minutes 应为非负数: ${String(minutes)}`);
  const includeOverdue = options?.includeOverdue ?? true;
  const until = nowMs + minutes * MINUTE;
  // Keys are read once per clock, not once per comparison: this runs on every tick.
  const picked: { c: T; due: number }[] = [];
  for (const c of clocks) {
    if (!isOpen(c)) continue;
    const due = dueMs(c);
    if (due > until) continue;
    if (!includeOverdue && due <= nowMs) continue;
    picked.push({ c, due });
  }
  picked.sort((a, b) => a.due - b.due);
  return picked.map((p) => p.c);
}
