/** Turns a plan's clock specification into a dated clock, resolving its anchor from the inputs. */
import { PLANS, citationOf } from '../plans/plans';
import type { Clock, ClockAnchor, ClockChannel, ClockDone, ClockOwner, PlanId, ReportKind } from './types';
import { addMonthsCst, toIso } from './time';

export interface ClockSpec {
  id: string;
  title: string;
  from: string;
  to: string;
  /** Fixed window; or `months` for calendar windows (1个月、半年). */
  minutes?: number;
  months?: number;
  window: string;
  clause: string;
  anchor: ClockAnchor;
  channel: ClockChannel;
  optional?: boolean;
  immediate?: boolean;
  owner: ClockOwner;
  /** Owed again under a new level (43号 5.1.1(6)); default false. */
  levelBound?: boolean;
  reportKind?: ReportKind;
}

/** Anchor instants already parsed and checked (epoch ms). */
export interface Anchors {
  occurred: number;
  discovered: number;
  received: number;
  responseEnded?: number;
  handlingEnded?: number;
  ordered?: number;
  /** 发生时间 不详: `occurred` holds the discovery time. */
  occurredUnknown?: boolean;
  done: Record<string, { ms: number; channel?: ClockDone['channel'] }>;
}

/** The anchor instant of a spec, or undefined when the anchor has not happened yet. */
export function anchorMs(anchor: ClockAnchor, a: Anchors): number | undefined {
  switch (anchor) {
    case 'occurred':
      return a.occurred;
    case 'discovered':
      return a.discovered;
    case 'received':
      return a.received;
    case 'responseEnded':
      return a.responseEnded;
    case 'handlingEnded':
      return a.handlingEnded ?? a.responseEnded;
    case 'ordered':
      return a.ordered;
    default:
      return a.done[anchor.slice('after:'.length)]?.ms;
  }
}

/** 发生时间 不详: the clocks that count from occurrence say where they count from instead. */
export const OCCURRED_UNKNOWN_NOTE = '发生时间不详，以发现时间计';

export function buildClock(plan: PlanId, spec: ClockSpec, a: Anchors): Clock | null {
  const start = anchorMs(spec.anchor, a);
  if (start === undefined) return null;
  const due = spec.months !== undefined ? addMonthsCst(start, spec.months) : start + (spec.minutes ?? 0) * 60_000;
  const minutes = Math.round((due - start) / 60_000);
  if (!(minutes > 0)) throw new Error(`时限 ${spec.id} 的时长无效`);
  return {
    id: spec.id,
    title: spec.title,
    from: spec.from,
    to: spec.to,
    minutes,
    window: spec.window,
    startsAt: toIso(start),
    dueAt: toIso(due),
    clause: spec.clause,
    document: PLANS[plan].document,
    citation: citationOf(plan, spec.clause),
    anchor: spec.anchor,
    channel: spec.channel,
    optional: spec.optional ?? false,
    immediate: spec.immediate ?? false,
    plan,
    owner: spec.owner,
    levelBound: spec.levelBound ?? false,
    ...(spec.months !== undefined ? { months: spec.months } : {}),
    ...(spec.reportKind ? { reportKind: spec.reportKind } : {}),
    ...(spec.anchor === 'occurred' && a.occurredUnknown ? { anchorNote: OCCURRED_UNKNOWN_NOTE } : {}),
  };
}
