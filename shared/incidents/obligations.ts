/**
 * Reporting obligations over an incident's life. The rules engine says what a level owes; this
 * module says what was owed when, and how each obligation closed, across level changes:
 * 43号 5.1.1(6) "突发环境事件处置过程中事件级别发生变化的，应当按照变化后的级别报告信息",
 * applied to 42号 as well, as the product owner decided on 2026-11-30 (shared/rules/README.md).
 *
 * Pure and deterministic: the same history, reports and marks always give the same obligations,
 * and adding later events never changes what earlier events closed.
 */
import { PLANS, citationOf } from '../plans';
import { ENV_SENSITIVE, addMonthsCst, levelRank, parseInstant, reportingClocks } from '../rules';
import type { Clock, ClockChannel, ClockOwner, DoneChannel, Level, PlanId, ReportKind } from '../rules';
import { shanghaiDateTime } from '../time';

export type ClosureKind = 'met' | 'not_applicable' | 'level_change';

export const CLOSURE_LABELS: Readonly<Record<ClosureKind, string>> = {
  met: '已完成',
  not_applicable: '不适用',
  level_change: '级别调整',
};

/** A report made (报送): to one recipient, by one channel, optionally of a kind (续报、终结报告). */
export interface ReportEvent {
  id?: string | number;
  at: string;
  /** The recipient; when absent, that of the obligation `clockId` names (a key or a clock id). */
  to?: string;
  /** The obligation the officer recorded it against (records kept per clock). */
  clockId?: string;
  channel: DoneChannel;
  kind?: ReportKind;
}

/** One entry of the level history: the level in force changed (graded or overridden). */
export interface LevelChange {
  from: Level | null;
  to: Level | null;
  /** When the new level became known; never before 接报, never in the future. */
  effectiveAt: string;
  by: string;
  reason: string;
  /** The facts from this change on, when they changed too; otherwise the incident's facts. */
  facts?: Record<string, unknown>;
}

/** An officer's 不适用 on one obligation (by key), or on a clock id (records kept before keys existed). */
export interface NotApplicableMark {
  key: string;
  at: string;
  reason: string;
}

export interface Closure {
  kind: ClosureKind;
  /** When it closed: the report's time for met, the change's time for 级别调整. */
  at: string;
  /** The report that met it. */
  report: ReportEvent | null;
  reason: string | null;
  /** How late it closed (0 when on time); for 级别调整, how long it had been overdue. */
  lateMs: number;
}

export type ObligationOrigin = 'registration' | 'change' | 'report' | 'event' | 'setting';

export interface Obligation {
  /** `${clockId}@${level served}#${segment}`: alarms and acknowledgements key on it. */
  key: string;
  clockId: string;
  plan: PlanId;
  /** The level it serves; null while the level is not yet known. */
  level: Level | null;
  levelLabel: string;
  /** Index of the level period it arose in: 0 at registration, i after the i-th change. */
  segment: number;
  title: string;
  from: string;
  to: string;
  owner: ClockOwner;
  minutes: number;
  window: string;
  startsAt: string;
  dueAt: string;
  clause: string;
  citation: string;
  channel: ClockChannel;
  optional: boolean;
  immediate: boolean;
  levelBound: boolean;
  reportKind?: ReportKind;
  anchorNote?: string;
  /** 'room': the duty room's own setting, not a clause of a plan. */
  source: 'plan' | 'room';
  origin: ObligationOrigin;
  closure: Closure | null;
  /** A phone report reached a written obligation: it stays open (42号 4.1.1(1) 随即报送书面信息). */
  phonedAt: string | null;
}

export interface FollowUpSetting {
  /** The leader's 续报 interval in minutes. */
  intervalMinutes: number;
  setAt: string;
  by?: string;
  /** 续报 sent through the report chain (报送): each meets the running cycle like a recorded 续报. */
  sent?: readonly { at: string; channel: DoneChannel }[];
}

export interface ObligationsInput {
  plan: PlanId;
  /** Level in force at registration (graded or overridden). */
  initialLevel: Level | null;
  facts?: Record<string, unknown>;
  occurredAt: string;
  occurredUnknown?: boolean;
  discoveredAt?: string | null;
  receivedAt: string;
  responseEndedAt?: string | null;
  handlingEndedAt?: string | null;
  orderedAt?: string | null;
  places?: readonly string[];
  changes?: readonly LevelChange[];
  reports?: readonly ReportEvent[];
  notApplicable?: readonly NotApplicableMark[];
  followUp?: FollowUpSetting | null;
  /** Duty-room setting: 待初步判定 reminder after this many minutes (default 30). */
  pendingLevelMinutes?: number;
  /** Changes may not take effect after this instant; omitted when reading back stored history. */
  now?: string;
}

export const DEFAULT_PENDING_LEVEL_MINUTES = 30;
export const PENDING_LEVEL_CLOCK = 'room.pending-level';
export const FOLLOW_UP_CLOCK = 'room.follow-up';
const ROOM_SELF: ClockOwner = { kind: 'room', unit: '本值班室' };
const MINUTE = 60_000;

export const levelLabel = (level: Level | null): string => level ?? '未定级';

const CHANNELS: readonly DoneChannel[] = ['phone', 'fax', 'written', 'system'];

/** A phone call never discharges a written report (42号 4.1.1(1)); any report meets the others. */
export function channelMeets(required: ClockChannel, made: DoneChannel): boolean {
  return required === 'written' ? made !== 'phone' : true;
}

/**
 * Rank of the reporting procedure a level puts the incident under. An unknown environmental level
 * with a 5.1.1(3) fact is reported as 重大 (rank 3); otherwise unknown ranks below 一般.
 */
export function procedureRank(plan: PlanId, level: Level | null, facts: Record<string, unknown>): number {
  if (level !== null) return levelRank(level);
  if (plan === 'environment' && ENV_SENSITIVE.some((r) => r.test(facts, null))) return levelRank('重大');
  return 0;
}

interface Segment {
  level: Level | null;
  facts: Record<string, unknown>;
  startMs: number;
  change: LevelChange | null;
}

type Event =
  | { kind: 'change'; ms: number; order: 0; index: number }
  | { kind: 'report'; ms: number; order: 1; report: ReportEvent }
  | { kind: 'na'; ms: number; order: 2; mark: NotApplicableMark }
  | { kind: 'end'; ms: number; order: 3 };

function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new Error(`${field}应为文字`);
  return value;
}

/**
 * Every obligation the incident has had: registration's, each level change's (new ones start at
 * effectiveAt), phone-first written follow-ups, the 待初步判定 reminder and the 续报 cadence;
 * each with its closure. Decisions (README "Level changes"):
 * - upgrade at T: the new level's reports are new obligations from T; old open ones stay open;
 * - a report to a recipient completes every open obligation to it that had started by then;
 * - downgrade at T: old open ones close as 级别调整 at T (late by as long as they were overdue);
 *   a new-level report already made to that recipient before T meets the new obligation;
 * - never dueAt ≤ startsAt; nothing is dropped.
 */
export function computeObligations(input: ObligationsInput): Obligation[] {
  const plan = input.plan;
  if (!(plan in PLANS)) throw new Error(`预案无效：${plan}`);
  const now = input.now === undefined ? Infinity : parseInstant(input.now, '当前时间');
  const received = parseInstant(input.receivedAt, '接报时间');
  const graded = PLANS[plan].levels.length > 0;
  const pendingMinutes = input.pendingLevelMinutes ?? DEFAULT_PENDING_LEVEL_MINUTES;
  if (!(typeof pendingMinutes === 'number' && Number.isFinite(pendingMinutes) && pendingMinutes > 0)) {
    throw new Error(`待初步判定提醒时长应为正数（分钟）：${String(pendingMinutes)}`);
  }
  const facts = input.facts ?? {};

  // Level history → periods of one level each.
  const changes = input.changes ?? [];
  const segments: Segment[] = [{ level: input.initialLevel, facts, startMs: received, change: null }];
  changes.forEach((c, i) => {
    const n = i + 1;
    const at = parseInstant(c.effectiveAt, `第${n}次级别变更的生效时间`);
    if (at < received) throw new Error(`第${n}次级别变更的生效时间不能早于接报时间`);
    if (at > now) throw new Error(`第${n}次级别变更的生效时间不能晚于当前时间`);
    const prev = segmentAt(segments, segments.length - 1);
    if (at < prev.startMs) throw new Error(`第${n}次级别变更的生效时间早于上一次变更，级别变更须按先后顺序记录`);
    if (c.from !== prev.level) {
      throw new Error(`第${n}次级别变更的原级别（${levelLabel(c.from)}）与当时的级别（${levelLabel(prev.level)}）不符`);
    }
    text(c.by, `第${n}次级别变更的操作人`);
    text(c.reason, `第${n}次级别变更的原因`);
    segments.push({ level: c.to, facts: c.facts ?? facts, startMs: at, change: c });
  });

  const baseInput = {
    plan,
    occurredAt: input.occurredAt,
    occurredUnknown: input.occurredUnknown,
    discoveredAt: input.discoveredAt ?? undefined,
    receivedAt: input.receivedAt,
    responseEndedAt: input.responseEndedAt ?? undefined,
    handlingEndedAt: input.handlingEndedAt ?? undefined,
    orderedAt: input.orderedAt ?? undefined,
    places: input.places,
  };
  const rulesOf = (seg: Segment, done?: Record<string, { at: string; channel: DoneChannel }>): Clock[] =>
    reportingClocks({ ...baseInput, level: seg.level, facts: seg.facts, done });

  const all: Obligation[] = [];
  /** The instance in force per clock id (older instances may still be open after an upgrade). */
  const current = new Map<string, Obligation>();

  const make = (c: Clock, segIndex: number, startMs: number, origin: ObligationOrigin): Obligation => {
    const dueMs = c.months !== undefined ? addMonthsCst(startMs, c.months) : startMs + c.minutes * MINUTE;
    const level = segmentAt(segments, segIndex).level;
    const o: Obligation = {
      key: `${c.id}@${levelLabel(level)}#${segIndex}`,
      clockId: c.id,
      plan,
      level,
      levelLabel: levelLabel(level),
      segment: segIndex,
      title: c.title,
      from: c.from,
      to: c.to,
      owner: c.owner,
      minutes: Math.round((dueMs - startMs) / MINUTE),
      window: c.window,
      startsAt: isoOf(startMs),
      dueAt: isoOf(dueMs),
      clause: c.clause,
      citation: c.citation,
      channel: c.channel,
      optional: c.optional,
      immediate: c.immediate,
      levelBound: c.levelBound,
      ...(c.reportKind ? { reportKind: c.reportKind } : {}),
      ...(c.anchorNote ? { anchorNote: c.anchorNote } : {}),
      source: 'plan',
      origin,
      closure: null,
      phonedAt: null,
    };
    if (!(dueMs > startMs)) throw new Error(`时限「${c.title}」的截止时间不晚于起算时间`);
    all.push(o);
    return o;
  };

  const pendingLevel = (segIndex: number, startMs: number, origin: ObligationOrigin): Obligation => {
    const o: Obligation = {
      key: `${PENDING_LEVEL_CLOCK}@未定级#${segIndex}`,
      clockId: PENDING_LEVEL_CLOCK,
      plan,
      level: null,
      levelLabel: levelLabel(null),
      segment: segIndex,
      title: '待初步判定：尽快初步判定事件级别',
      from: '本值班室',
      to: '带班领导',
      owner: ROOM_SELF,
      minutes: pendingMinutes,
      window: `${pendingMinutes}分钟内（本值班室规定）`,
      startsAt: isoOf(startMs),
      dueAt: isoOf(startMs + pendingMinutes * MINUTE),
      clause: '本值班室规定',
      citation: '本值班室规定（非预案条款）：级别未定时提醒尽快初步判定，时长可在设置中调整',
      channel: 'any',
      optional: false,
      immediate: false,
      levelBound: true,
      source: 'room',
      origin,
      closure: null,
      phonedAt: null,
    };
    all.push(o);
    return o;
  };

  const close = (o: Obligation, kind: ClosureKind, atMs: number, reason: string | null, report: ReportEvent | null) => {
    o.closure = { kind, at: isoOf(atMs), report, reason, lateMs: Math.max(0, atMs - Date.parse(o.dueAt)) };
  };

  // Registration: the first level's obligations, from their own anchors.
  const seg0 = segmentAt(segments, 0);
  for (const c of rulesOf(seg0)) current.set(c.id, make(c, 0, Date.parse(c.startsAt), 'registration'));
  if (graded && seg0.level === null) current.set(PENDING_LEVEL_CLOCK, pendingLevel(0, received, 'registration'));

  // Reports and marks, checked once.
  const reports = (input.reports ?? []).map((r, i) => {
    const at = parseInstant(r.at, `第${i + 1}条报送记录的报送时间`);
    if (!CHANNELS.includes(r.channel)) throw new Error(`第${i + 1}条报送记录的报送方式无效：${r.channel}`);
    const named = (v: unknown) => typeof v === 'string' && v.trim() !== '';
    if (!named(r.to) && !named(r.clockId)) throw new Error(`第${i + 1}条报送记录缺少报送对象`);
    return { r, at };
  });
  // The incident's end (its response ended, or handling of the accident completed), whichever came first.
  const ends = [input.responseEndedAt, input.handlingEndedAt].flatMap((x) =>
    x ? [parseInstant(x, '事件终止时间')] : [],
  );
  const endedMs = ends.length ? Math.min(...ends) : undefined;
  const marks = (input.notApplicable ?? []).map((m, i) => {
    const at = parseInstant(m.at, `第${i + 1}条不适用标记的时间`);
    text(m.key, `第${i + 1}条不适用标记的时限`);
    text(m.reason, `第${i + 1}条不适用标记的原因`);
    return { m, at };
  });

  const events: Event[] = [
    ...segments.slice(1).map((s, i): Event => ({ kind: 'change', ms: s.startMs, order: 0, index: i + 1 })),
    ...reports.map(({ r, at }): Event => ({ kind: 'report', ms: at, order: 1, report: r })),
    ...marks.map(({ m, at }): Event => ({ kind: 'na', ms: at, order: 2, mark: m })),
    ...(endedMs === undefined ? [] : [{ kind: 'end', ms: endedMs, order: 3 } as const]),
  ];
  // Stable: events at the same instant keep change → report → mark, then their input order.
  events.sort((a, b) => a.ms - b.ms || a.order - b.order);

  // A report recorded against a clock goes to that clock's recipient (and is of its kind).
  const resolved = new Map<ReportEvent, { to: string | undefined; kind: ReportKind | undefined }>();
  const resolve = (r: ReportEvent, atMs: number) => {
    let hit = resolved.get(r);
    if (!hit) {
      const target =
        r.to || !r.clockId
          ? undefined
          : (all.find((o) => o.key === r.clockId) ??
            all.find((o) => o.clockId === r.clockId && Date.parse(o.startsAt) <= atMs) ??
            all.find((o) => o.clockId === r.clockId));
      hit = { to: r.to || target?.to, kind: r.kind ?? target?.reportKind };
      resolved.set(r, hit);
    }
    return hit;
  };
  const recipientOf = (o: Obligation, r: ReportEvent, atMs: number): boolean => {
    const { to, kind } = resolve(r, atMs);
    return o.reportKind ? kind === o.reportKind : to !== undefined && to === o.to;
  };
  const reportMatches = (o: Obligation, r: ReportEvent, atMs: number): boolean => {
    if (o.clockId === PENDING_LEVEL_CLOCK || o.clockId === FOLLOW_UP_CLOCK) return false;
    return recipientOf(o, r, atMs) && channelMeets(o.channel, r.channel);
  };

  const applyReport = (r: ReportEvent, atMs: number) => {
    // Snapshot: follow-ups created by this report must not be met by the same report.
    for (const o of [...all]) {
      if (o.closure || Date.parse(o.startsAt) > atMs) continue;
      const sameRecipient = recipientOf(o, r, atMs);
      if (!reportMatches(o, r, atMs)) {
        if (sameRecipient && o.channel === 'written' && r.channel === 'phone' && o.phonedAt === null)
          o.phonedAt = isoOf(atMs);
        continue;
      }
      close(o, 'met', atMs, null, r);
      if (r.channel === 'phone') {
        // 43号 5.1.1(4) / 42号 4.1.1(3): phoned first, the written text is owed within 30 minutes of the call.
        const seg = segmentAt(segments, o.segment);
        for (const f of rulesOf(seg, { [o.clockId]: { at: isoOf(atMs), channel: 'phone' } })) {
          if (f.anchor !== `after:${o.clockId}`) continue;
          make(f, o.segment, atMs, 'report');
        }
      }
    }
  };

  const applyMark = (m: NotApplicableMark, atMs: number) => {
    const exact = all.filter((o) => o.key === m.key);
    // A clock id (no '@') marks the open instances of that clock that had started by then.
    const targets = exact.length
      ? exact
      : m.key.includes('@')
        ? []
        : all.filter((o) => o.clockId === m.key && Date.parse(o.startsAt) <= atMs);
    for (const o of targets) if (!o.closure) close(o, 'not_applicable', atMs, m.reason, null);
  };

  /**
   * No change extends a deadline already running to the same recipient (product owner, 2026-11-30):
   * a new-level obligation from T is due no later than an open one, begun before T, from the same
   * sender to the same recipient by the same channel, that had not yet expired at T. One already
   * overdue at T does not hold the new one back (worked example (c): 上一级 overdue at 10:30,
   * downgraded at 11:00, runs 11:00 → 14:00).
   */
  const keepRunningDeadline = (o: Obligation, T: number) => {
    const starts = Date.parse(o.startsAt);
    const running = all
      .filter(
        (p) =>
          !p.closure &&
          Date.parse(p.startsAt) < T &&
          p.from === o.from &&
          p.to === o.to &&
          p.channel === o.channel &&
          Date.parse(p.dueAt) > T,
      )
      .map((p) => Date.parse(p.dueAt));
    const cap = Math.min(...running);
    if (running.length > 0 && cap > starts && cap < Date.parse(o.dueAt)) {
      o.dueAt = isoOf(cap);
      o.anchorNote = '截止时间沿用级别调整前已在计时的时限（调整不延后报告时间）';
    }
  };

  const applyChange = (index: number) => {
    const prev = segmentAt(segments, index - 1);
    const next = segmentAt(segments, index);
    const change = next.change;
    if (!change) throw new Error(`内部错误：第${index}段级别时段缺少级别变更`);
    const T = next.startMs;
    const levelChanged = prev.level !== next.level;
    const down = procedureRank(plan, next.level, next.facts) < procedureRank(plan, prev.level, prev.facts);
    const why = change.reason ? `：${change.reason}` : '';
    const adjusted = levelChanged
      ? `级别由${levelLabel(prev.level)}调整为${levelLabel(next.level)}${why}`
      : `报告程序随事件要素调整${why}`;
    const required = rulesOf(next);
    const before = new Map(current);
    current.clear();

    for (const c of required) {
      const cur = before.get(c.id);
      // Owed whatever the level (or the level did not change) and unchanged: the same obligation runs on.
      if (
        cur &&
        (!levelChanged || !c.levelBound) &&
        cur.minutes === c.minutes &&
        cur.channel === c.channel &&
        cur.to === c.to
      ) {
        current.set(c.id, cur);
        continue;
      }
      // Created by this change: counts from T, or from its own anchor when that is later.
      const anchor = Date.parse(c.startsAt);
      const startMs = c.levelBound || anchor <= T ? T : anchor;
      const o = make(c, index, startMs, startMs === T ? 'change' : 'event');
      if (down) {
        // Downgrade: a report already made to this recipient before T meets the new-level one.
        const earlier = reports.filter(({ r, at }) => at < T && reportMatches(o, r, at)).at(-1);
        if (earlier)
          o.closure = {
            kind: 'met',
            at: isoOf(earlier.at),
            report: earlier.r,
            reason: '调整前已向该对象报告',
            lateMs: 0,
          };
        else keepRunningDeadline(o, T);
      }
      current.set(c.id, o);
    }

    // The 待初步判定 reminder ends when a level is set and starts again if the level is cleared.
    const pending = before.get(PENDING_LEVEL_CLOCK);
    before.delete(PENDING_LEVEL_CLOCK);
    if (graded && next.level === null) {
      // Once the incident has ended ungraded, no new reminder to grade it is raised.
      if (pending || endedMs === undefined || T < endedMs)
        current.set(PENDING_LEVEL_CLOCK, pending ?? pendingLevel(index, T, 'change'));
    } else if (pending && !pending.closure) {
      close(pending, 'met', T, `已初步判定为${levelLabel(next.level)}`, null);
    }

    for (const [id, o] of before) {
      if (current.get(id) === o || o.closure) continue;
      if (down) close(o, 'level_change', T, adjusted, null);
      else if (!levelChanged && !required.some((c) => c.id === id))
        close(o, 'not_applicable', T, `事件要素变更后不再要求${why}`, null);
      // Otherwise (an upgrade, or the same duty owed anew): it stays open and its lateness is real.
    }
  };

  // An incident that ended ungraded (a false report, an event below every level) is not graded any
  // more: the room's reminder closes with the end instead of sounding until the incident is archived.
  const endPendingLevel = (atMs: number) => {
    const pending = current.get(PENDING_LEVEL_CLOCK);
    if (pending && !pending.closure)
      close(
        pending,
        'not_applicable',
        Math.max(atMs, Date.parse(pending.startsAt)),
        '事件已终止，未初步判定级别',
        null,
      );
  };

  for (const e of events) {
    if (e.kind === 'change') applyChange(e.index);
    else if (e.kind === 'report') applyReport(e.report, e.ms);
    else if (e.kind === 'na') applyMark(e.mark, e.ms);
    else endPendingLevel(e.ms);
  }

  all.push(...followUpCadence(input, plan, segments, reports, received));
  for (const o of all) {
    if (!(Date.parse(o.dueAt) > Date.parse(o.startsAt))) throw new Error(`时限「${o.title}」的截止时间不晚于起算时间`);
  }
  return all
    .map((o, i) => ({ o, i }))
    .sort((a, b) => Date.parse(a.o.dueAt) - Date.parse(b.o.dueAt) || a.i - b.i)
    .map(({ o }) => o);
}

/** The level in force at an instant: that of the last period begun by then. */
function levelAt(segments: readonly Segment[], ms: number): { level: Level | null; index: number } {
  let index = 0;
  segments.forEach((seg, i) => {
    if (i > 0 && seg.startMs <= ms) index = i;
  });
  return { level: segmentAt(segments, index).level, index };
}

/** Checked lookup: segment indexes come from the segment list itself, so a miss is a bug. */
function segmentAt(segments: readonly Segment[], index: number): Segment {
  const seg = segments[index];
  if (!seg) throw new Error(`内部错误：缺少第${index}段级别时段`);
  return seg;
}

const ENDED_REASON = '事故处理完毕，续报由终结报告接续';

/**
 * What a 续报 reminder rests on for an incident's plan: 42号 4.1.2 (续报随时上报) and 40号 4.1
 * (按要求增加报送频次) say so; the other plans name no cadence, so there it is the room's own rule.
 */
export function followUpCitation(plan: PlanId | null): string {
  if (plan === 'radiation') return `${citationOf(plan, '4.1.2')}；间隔由带班领导设定`;
  if (plan === 'comms') return `${citationOf(plan, '4.1')}；间隔由带班领导设定`;
  return '带班领导设定的续报间隔（本值班室规定）';
}

/**
 * 续报 cadence: the plans say 随时 (42号 4.1.2) or 按要求增加报送频次 (40号 4.1); the leader sets an
 * interval per incident. Each cycle runs from the setting (or the last 续报) for the interval and
 * is met by the next 续报; it stops when handling ends (the 终结报告 takes over).
 */
function followUpCadence(
  input: ObligationsInput,
  plan: PlanId,
  segments: readonly Segment[],
  reports: readonly { r: ReportEvent; at: number }[],
  received: number,
): Obligation[] {
  const f = input.followUp;
  if (!f) return [];
  const interval = f.intervalMinutes;
  if (!(Number.isInteger(interval) && interval >= 1 && interval <= 10_080))
    throw new Error('续报提醒间隔应为 1 至 10080 之间的整数（分钟）');
  const setAt = parseInstant(f.setAt, '续报提醒的设定时间');
  const endRaw = input.handlingEndedAt ?? input.responseEndedAt;
  const end = endRaw ? parseInstant(endRaw, '事故处理完毕时间') : undefined;
  // 42号 4.1.2(2) 续报采用书面报告.
  const channel: ClockChannel = plan === 'radiation' ? 'written' : 'any';
  const clause = plan === 'radiation' ? '4.1.2' : plan === 'comms' ? '4.1' : '带班领导要求';
  const citation = followUpCitation(plan);
  const isFollowUp = (r: ReportEvent) => r.kind === '续报' || (r.clockId ?? '').startsWith(FOLLOW_UP_CLOCK);
  const sent = (f.sent ?? []).map((x, n) => ({
    r: { id: `sent-${n}`, at: x.at, channel: x.channel, kind: '续报' as const, clockId: FOLLOW_UP_CLOCK },
    at: parseInstant(x.at, `第${n + 1}份已报送续报的报送时间`),
  }));
  // One 续报 recorded twice (报送 and a tick on the clock) at the same instant meets one cycle.
  const made = [...reports.filter(({ r }) => isFollowUp(r)), ...sent]
    .filter(({ r }) => channelMeets(channel, r.channel))
    .sort((a, b) => a.at - b.at)
    .filter((x, n, all) => n === 0 || all[n - 1]?.at !== x.at);
  const out: Obligation[] = [];
  let s = Math.max(setAt, received);
  let i = 0;
  for (let k = 0; k <= made.length; k++) {
    // Handling had ended before this cycle began: no further 续报 is owed. The first cycle of a
    // setting is still listed, closed (it may have been stored before the end was recorded).
    const afterEnd = end !== undefined && s >= end;
    if (afterEnd && k > 0) break;
    while ((made[i]?.at ?? Infinity) < s) i++;
    const due = s + interval * MINUTE;
    const { level, index } = levelAt(segments, s);
    const o: Obligation = {
      // A new setting starts new cycles: its time is part of the key, so no key is ever reused.
      key: `${FOLLOW_UP_CLOCK}@${levelLabel(level)}#${Math.floor(setAt / MINUTE).toString(36)}.${k}`,
      clockId: FOLLOW_UP_CLOCK,
      plan,
      level,
      levelLabel: levelLabel(level),
      segment: index,
      title: `续报（每${interval}分钟，带班领导设定）`,
      from: '本值班室',
      to: '续报的报送对象',
      owner: ROOM_SELF,
      minutes: interval,
      window: `${interval}分钟内`,
      startsAt: isoOf(s),
      dueAt: isoOf(due),
      clause,
      citation,
      channel,
      optional: false,
      immediate: false,
      levelBound: false,
      reportKind: '续报',
      source: 'room',
      origin: 'setting',
      closure: null,
      phonedAt: null,
    };
    out.push(o);
    if (afterEnd) {
      o.closure = { kind: 'not_applicable', at: isoOf(s), report: null, reason: ENDED_REASON, lateMs: 0 };
      break;
    }
    const next = made[i];
    if (next && (end === undefined || next.at <= end)) {
      o.closure = { kind: 'met', at: isoOf(next.at), report: next.r, reason: null, lateMs: Math.max(0, next.at - due) };
      s = next.at;
      i++;
      continue;
    }
    if (end !== undefined)
      o.closure = {
        kind: 'not_applicable',
        at: isoOf(end),
        report: null,
        reason: ENDED_REASON,
        lateMs: Math.max(0, end - due),
      };
    break;
  }
  return out;
}

/** One line for the timeline and the next 续报: 事件级别 一般 → 较大（自 2021-09-08 12:30 起，张三：原因）. */
export function levelChangeText(c: LevelChange): string {
  const when = shanghaiDateTime(parseInstant(c.effectiveAt, '级别变更的生效时间'));
  return `事件级别 ${levelLabel(c.from)} → ${levelLabel(c.to)}（自 ${when} 起${c.by ? `，${c.by}` : ''}${c.reason ? `：${c.reason}` : ''}）`;
}
