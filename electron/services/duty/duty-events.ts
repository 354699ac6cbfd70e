/**
 * The duty log's events, read from the records: incidents received (接报), timeline entries (status,
 * notes, 续报信息, leaders' instructions, calls, reports, actions, warnings), reporting clocks met,
 * late or missed, handovers and officers' remarks. Each event keeps the time it happened, so an
 * incident spanning midnight or the shift change lands in the duty day of each event.
 */
import { categoryLabel } from '../../../shared/domain/incident';
import type { IncidentClock, IncidentSummary } from '../../../shared/domain/incident-view';
import type { DutyRemark } from '../../../shared/ipc/channels/duty';
import { addDays, shanghaiDate, shanghaiDateTime } from '../../../shared/time';
import type { DutyEvent, DutyEventKind } from '../../../shared/stats/duty-log';
import type { Queryable } from '../../db/connection';
import { timelineBetween, type StoredHandover } from '../../db/duty-repository';
import type { AckRecord } from '../../db/alarm-repository';
import type { WarningRow } from '../../db/response-repository';

interface TimelineJoinRow {
  id: number;
  incident_id: number;
  at: string;
  kind: string;
  text: string;
  data: string | null;
  officer: string;
}

/** Timeline kinds the log shows; 'created' is the 接报 event, clocks come from their records. */
function logKind(kind: string, data: Record<string, unknown> | null): DutyEventKind | null {
  switch (kind) {
    case 'status':
    case 'level':
    case 'action':
    case 'warning':
      return '状态';
    case 'instruction':
      return '批示';
    case 'call':
      return data?.direction === 'in' ? '来电' : '去电';
    case 'report':
      return '报告';
    case 'note':
      return data?.noteKind === '续报信息' ? '续报' : '备注';
    default:
      // created, update, clock, print, void: shown elsewhere or not duty-log facts.
      return null;
  }
}

const title = (i: Pick<IncidentSummary, 'title' | 'serial' | 'drill'>): string =>
  `${i.title}（${i.serial}）${i.drill ? '【演练】' : ''}`;

/**
 * Timeline entries that may fall in [start, end). `at` is stored with whatever offset it was written
 * with, so the SQL window is widened by a day on each side and the caller filters exactly.
 */
export async function timelineAround(q: Queryable, start: string, end: string): Promise<TimelineJoinRow[]> {
  const from = addDays(shanghaiDate(Date.parse(start)), -1);
  const to = addDays(shanghaiDate(Date.parse(end)), 2);
  return timelineBetween(q, from, to);
}

export interface EventSources {
  incidents: readonly IncidentSummary[];
  timeline: readonly TimelineJoinRow[];
  remarks: readonly DutyRemark[];
  handovers: readonly StoredHandover[];
  /** Warnings received or issued; their issue and their lifting are each an event. */
  warnings?: readonly WarningRow[];
  /** Alarm acknowledgements (确认告警) given around the range; each press is an event. */
  acks?: readonly AckRecord[];
  /** Clocks still open at this instant and past due count as missed (漏报). */
  now: Date;
}

const within = (iso: string, startMs: number, endMs: number): boolean => {
  const t = Date.parse(iso);
  return t >= startMs && t < endMs;
};

/** Maps the records to DutyEvents in [start, end). */
export function dutyEvents(src: EventSources, start: string, end: string): DutyEvent[] {
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  const nowMs = src.now.getTime();
  const byId = new Map(src.incidents.map((i) => [i.id, i]));
  const directCompletions = completedDirectly(src.timeline);
  const out: DutyEvent[] = [];

  for (const inc of src.incidents) {
    if (within(inc.receivedAt, startMs, endMs)) {
      const who = [inc.reporterUnit, inc.reporterName].filter(Boolean).join(' ');
      out.push({
        at: inc.receivedAt,
        kind: '接报',
        incidentId: inc.id,
        incidentTitle: title(inc),
        text: `${categoryLabel(inc.category)}：${inc.title}（${inc.places.join('、')}）${who ? `；报告：${who}` : ''}；${inc.receiveChannel}接报`,
        handling: receivedHandling(inc, src.timeline),
        officer: inc.createdBy,
        drill: inc.drill,
      });
    }
    for (const c of inc.clocks) {
      const e = clockEvent(inc, c, { startMs, endMs, nowMs }, directCompletions);
      if (e) out.push(e);
    }
  }

  for (const e of src.timeline) {
    // The data column holds only objects written with JSON.stringify.
    const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null;
    const kind = logKind(e.kind, data);
    const inc = byId.get(e.incident_id);
    if (!kind || !inc) continue;
    // Placed when it happened, as the officer entered it, like a clock's completion.
    const at = enteredAt(e.kind, data) ?? e.at;
    if (!within(at, startMs, endMs)) continue;
    out.push({
      at,
      kind,
      incidentId: inc.id,
      incidentTitle: title(inc),
      text: e.text,
      handling: entryHandling(data),
      officer: e.officer,
      drill: inc.drill,
      // Of the report chain's entries only a dispatch (it names the version sent) is a report made.
      ...(kind === '报告' ? { countsAsReport: data?.version !== undefined } : {}),
    });
  }

  for (const w of src.warnings ?? []) {
    const what = `${w.area}${w.level}预警（${w.direction === 'issued' ? '发布' : '接收'}，${w.issuer}${w.document ? `，${w.document}` : ''}）`;
    if (within(w.issuedAt, startMs, endMs)) {
      out.push({
        at: w.issuedAt,
        kind: '预警',
        text: `${w.direction === 'issued' ? '发布' : '收到'}${what}${w.content ? `：${w.content}` : ''}`,
        handling: w.lifted ? `已于${shanghaiDateTime(Date.parse(w.lifted.at))}解除` : '生效中',
        officer: w.officer,
      });
    }
    if (w.lifted && within(w.lifted.at, startMs, endMs)) {
      out.push({
        at: w.lifted.at,
        kind: '预警',
        text: `解除${what}`,
        handling: `${w.lifted.by}解除${w.lifted.document ? `（${w.lifted.document}）` : ''}`,
        officer: w.lifted.officer,
      });
    }
  }

  out.push(...ackEvents(src.acks ?? [], byId, startMs, endMs));

  for (const r of src.remarks) {
    if (!within(r.at, startMs, endMs)) continue;
    out.push({ at: r.at, kind: '备注', text: r.text, officer: r.officer });
  }

  for (const h of src.handovers) {
    if (within(h.createdAt, startMs, endMs)) {
      out.push({
        at: h.createdAt,
        kind: '交接班',
        text: `${h.from.officer}（带班领导${h.from.leader}）提交交接班记录，交${h.to.officer}（带班领导${h.to.leader}）：未办结事件${h.sheet.openIncidents.length}起，计时中的报告时限${h.sheet.clocks.length}项${h.status === 'cancelled' ? `（已撤回：${h.cancelReason ?? ''}）` : ''}`,
        officer: h.from.officer,
      });
    }
    if (h.acknowledgedAt && h.acknowledgedBy && within(h.acknowledgedAt, startMs, endMs)) {
      out.push({
        at: h.acknowledgedAt,
        kind: '交接班',
        text: `${h.acknowledgedBy.officer}（带班领导${h.acknowledgedBy.leader}）确认接班${h.ackNote ? `：${h.ackNote}` : ''}`,
        officer: h.acknowledgedBy.officer,
      });
    }
  }
  return out;
}

/**
 * The time the officer entered for a response step (a termination condition confirmed, a measure
 * done, a task done, the response ended), when the entry holds one; the entry's own time is when it
 * was recorded.
 */
function enteredAt(kind: string, data: Record<string, unknown> | null): string | null {
  if (kind !== 'action' || !data) return null;
  const at = data.response === 'end' ? data.endedAt : data.at;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : null;
}

/** Clock records completed with 完成 (a 'clock' entry), not by a dispatch of the report chain. */
function completedDirectly(timeline: readonly TimelineJoinRow[]): Set<string> {
  const out = new Set<string>();
  for (const e of timeline) {
    if (e.kind !== 'clock' || !e.data) continue;
    // The data column holds only objects written with JSON.stringify.
    const data = JSON.parse(e.data) as Record<string, unknown>;
    if (typeof data.clockId === 'string' && data.completedAt) out.add(`${e.incident_id}|${data.clockId}`);
  }
  return out;
}

/**
 * A reporting clock's event in [start, end), outcomes as the statistics count them (shared/stats
 * clockOutcome): completed → 按时 or 迟报 when completed; closed as 级别调整 after its deadline → 迟报
 * then; open and past due → 漏报 at the deadline, worded 已超时未报 as it can still be reported
 * (then it is 迟报). An optional clock (如适用) nobody recorded was never owed; nor was one not yet due.
 * Another unit's clock the room only monitors says so (督促) and is counted apart.
 */
function clockEvent(
  inc: IncidentSummary,
  c: IncidentClock,
  w: { startMs: number; endMs: number; nowMs: number },
  direct: ReadonlySet<string>,
): DutyEvent | null {
  // Citations may already read 依据《…》: the log prints the word once.
  const basis = (c.citation || c.clause || '').replace(/^\s*依据\s*/, '');
  const cited = basis ? `；依据${basis}` : '';
  const monitored = c.owner?.kind === 'monitored';
  const name = monitored ? `督促${c.owner?.unit ?? '他方'}${c.title}` : c.title;
  const due = `截止 ${shanghaiDateTime(Date.parse(c.dueAt))}`;
  const base = {
    kind: '时限' as const,
    incidentId: inc.id,
    incidentTitle: title(inc),
    drill: inc.drill,
    clockOwner: monitored ? ('monitored' as const) : ('room' as const),
  };
  const inWindow = (iso: string) => {
    const t = Date.parse(iso);
    return t >= w.startMs && t < w.endMs;
  };
  if (c.record?.completedAt) {
    if (!inWindow(c.record.completedAt)) return null;
    const late = Date.parse(c.record.completedAt) > Date.parse(c.dueAt);
    const how = `${c.record.channel ?? ''}报${c.record.recipientUnit ?? ''}`;
    return {
      ...base,
      at: c.record.completedAt,
      text: `${name}：${late ? '迟报' : '按时完成'}（${due}，${how}）${cited}`,
      handling: `${late ? '迟报' : '按时完成'}：${how}`,
      officer: c.record.officer,
      clockOutcome: late ? 'late' : 'onTime',
      countsAsReport: direct.has(`${inc.id}|${c.record.clockId}`),
    };
  }
  if (c.record) return null; // 不适用
  if (c.closure?.kind === 'level_change') {
    // Closed by a change of level (43号 5.1.1(6)): 迟报 if it was already overdue then, else not owed.
    if (Date.parse(c.closure.at) <= Date.parse(c.dueAt) || !inWindow(c.closure.at)) return null;
    return {
      ...base,
      at: c.closure.at,
      text: `${name}：级别调整时已超时未报（${due}），计迟报${cited}`,
      handling: '迟报：级别调整时已超时',
      officer: '',
      clockOutcome: 'late',
    };
  }
  if (c.closure?.kind === 'met') {
    // Met without a record of its own (a 续报 sent through the report chain meets the cadence).
    if (!inWindow(c.closure.at)) return null;
    const late = Date.parse(c.closure.at) > Date.parse(c.dueAt);
    return {
      ...base,
      at: c.closure.at,
      text: `${name}：${late ? '迟报' : '按时完成'}（${due}）${cited}`,
      handling: late ? '迟报' : '按时完成',
      officer: '',
      clockOutcome: late ? 'late' : 'onTime',
    };
  }
  if (c.closure || c.optional || !inWindow(c.dueAt) || Date.parse(c.dueAt) > w.nowMs) return null;
  const counted = monitored ? '未报' : '漏报';
  return {
    ...base,
    at: c.dueAt,
    text: `${name}：已超时未报（${due}，至今未报告，计${counted}；补报后改计迟报）${cited}`,
    handling: `已超时未报（计${counted}）`,
    officer: '',
    clockOutcome: 'missed',
  };
}

/** The incident an alarm's clock key names (`<incident id>:<obligation key>`), or null. */
export function ackIncidentId(clockKey: string): number | null {
  const id = Number(clockKey.slice(0, clockKey.indexOf(':')));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * One event per press of 确认告警（停止响铃）: the acknowledgements given at one instant by one officer
 * at one seat, each naming its incident, clock and deadline, and whether it was already overdue:
 * what an officer accountable for a missed alarm needs to show.
 */
function ackEvents(
  acks: readonly AckRecord[],
  byId: ReadonlyMap<number, IncidentSummary>,
  startMs: number,
  endMs: number,
): DutyEvent[] {
  const presses = new Map<string, AckRecord[]>();
  for (const a of acks) {
    if (!within(a.ackedAt, startMs, endMs)) continue;
    const key = JSON.stringify([Date.parse(a.ackedAt), a.officer, a.seatName]);
    presses.set(key, [...(presses.get(key) ?? []), a]);
  }
  return [...presses.values()].map((group) => {
    const first = group[0] as AckRecord; // every group holds the acknowledgement that made it
    const incidents = new Set(group.map((a) => ackIncidentId(a.clockKey)).filter((id) => id !== null && byId.has(id)));
    // One incident: its name is in the event's own column; several: each item names its own.
    const named = (inc: IncidentSummary) => (incidents.size > 1 ? `【${title(inc)}】` : '');
    const items = group.map((a) => {
      const id = ackIncidentId(a.clockKey);
      const inc = id === null ? undefined : byId.get(id);
      if (!inc) return `时限 ${a.clockKey}`;
      const c = inc.clocks.find((x) => x.key === a.clockKey);
      if (!c) return `${named(inc)}时限（现已不在报告要求之中）`;
      const overdue = Date.parse(a.ackedAt) > Date.parse(c.dueAt) ? '，确认时已超时' : '';
      const name = c.owner?.kind === 'monitored' ? `督促${c.owner.unit}${c.title}` : c.title;
      return `${named(inc)}${name}（截止 ${shanghaiDateTime(Date.parse(c.dueAt))}${overdue}）`;
    });
    const only = incidents.size === 1 ? byId.get([...incidents][0] as number) : undefined;
    const seat = first.seatName ? `（${first.seatName}）` : '';
    return {
      at: first.ackedAt,
      kind: '告警确认' as const,
      ...(only ? { incidentId: only.id, incidentTitle: title(only), drill: only.drill } : {}),
      text: `${first.officer}${seat}确认告警（停止响铃），共${group.length}项：${items.join('；')}`,
      handling: '已确认，停止响铃；时限继续计时',
      officer: first.officer,
    };
  });
}

/** 处理情况 of a 接报: the level it was graded at and what was done about the incident since. */
function receivedHandling(inc: IncidentSummary, timeline: readonly TimelineJoinRow[]): string {
  const level = inc.grading.level ? `定为${inc.grading.level}` : '';
  const steps = timeline.filter(
    (e) => e.incident_id === inc.id && ['report', 'instruction', 'action', 'call'].includes(e.kind),
  );
  const counts = (['report', 'call', 'instruction', 'action'] as const)
    .map((k) => [k, steps.filter((e) => e.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${{ report: '报告', call: '电话', instruction: '批示', action: '处置' }[k]}${n}次`);
  return [level, counts.length ? `此后${counts.join('、')}` : '', `状态：${inc.status}`].filter(Boolean).join('；');
}

/** 处理情况 recorded with a timeline entry (a call's result, an action's outcome), when there is one. */
function entryHandling(data: Record<string, unknown> | null): string {
  for (const key of ['handling', 'result', 'outcome', 'reply']) {
    const v = data?.[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return '';
}
