/**
 * The duty log's events, read from the records: incidents received (接报), timeline entries (status,
 * notes, 续报信息, leaders' instructions, calls, reports, actions, warnings), reporting clocks met,
 * late or missed, handovers and officers' remarks. Each event keeps the time it happened, so an
 * incident spanning midnight or the shift change lands in the duty day of each event.
 */
import { categoryLabel } from '../../../shared/domain/incident';
import type { IncidentSummary } from '../../../shared/domain/incident-view';
import type { DutyRemark } from '../../../shared/ipc/channels/duty';
import { addDays, shanghaiDate, shanghaiDateTime } from '../../../shared/time';
import type { DutyEvent, DutyEventKind } from '../../../shared/stats/duty-log';
import type { Queryable } from '../../db/connection';
import { timelineBetween, type StoredHandover } from '../../db/duty-repository';
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
      // Citations may already read 依据《…》: the log prints the word once.
      const basis = (c.citation || c.clause || '').replace(/^\s*依据\s*/, '');
      if (c.record?.completedAt) {
        if (!within(c.record.completedAt, startMs, endMs)) continue;
        const late = Date.parse(c.record.completedAt) > Date.parse(c.dueAt);
        out.push({
          at: c.record.completedAt,
          kind: '时限',
          incidentId: inc.id,
          incidentTitle: title(inc),
          text: `${c.title}：${late ? '迟报' : '按时完成'}（截止 ${shanghaiDateTime(Date.parse(c.dueAt))}，${c.record.channel ?? ''}报${c.record.recipientUnit ?? ''}）${basis ? `；依据${basis}` : ''}`,
          handling: `${late ? '迟报' : '按时完成'}：${c.record.channel ?? ''}报${c.record.recipientUnit ?? ''}`,
          officer: c.record.officer,
          clockOutcome: late ? 'late' : 'onTime',
          drill: inc.drill,
        });
      } else if (!c.record && !c.optional && within(c.dueAt, startMs, endMs) && Date.parse(c.dueAt) <= nowMs) {
        // An optional clock (如适用) nobody recorded was never owed: not 漏报, as in the statistics.
        out.push({
          at: c.dueAt,
          kind: '时限',
          incidentId: inc.id,
          incidentTitle: title(inc),
          text: `${c.title}：截止时仍未完成（漏报）${basis ? `；依据${basis}` : ''}`,
          handling: '漏报：截止时仍未完成',
          officer: '',
          clockOutcome: 'missed',
          drill: inc.drill,
        });
      }
    }
  }

  for (const e of src.timeline) {
    if (!within(e.at, startMs, endMs)) continue;
    // The data column holds only objects written with JSON.stringify.
    const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null;
    const kind = logKind(e.kind, data);
    const inc = byId.get(e.incident_id);
    if (!kind || !inc) continue;
    out.push({
      at: e.at,
      kind,
      incidentId: inc.id,
      incidentTitle: title(inc),
      text: e.text,
      handling: entryHandling(data),
      officer: e.officer,
      drill: inc.drill,
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
