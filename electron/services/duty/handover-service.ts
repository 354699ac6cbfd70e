/**
 * Shift handover (交接班): the outgoing officers' sheet lists every open incident, every running or
 * overdue reporting clock, every report not yet sent (续报 among them) and every leaders'
 * instruction on an open incident; it is stored as handed over. The incoming officers acknowledge
 * it, which also registers them as on duty, in the same transaction.
 */
import type { HandoverIncident, HandoverRecord } from '../../../shared/forms/types';
import { formatOfficialDateTime } from '../../../shared/forms/format';
import { HANDOVER_STATUSES } from '../../../shared/domain/incident';
import type { IncidentClock, IncidentSummary } from '../../../shared/domain/incident-view';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { Handover, HandoverDraft, HandoverSheet } from '../../../shared/ipc/channels/duty';
import { DomainError } from '../../../shared/ipc/result';
import { seqLabel, type ReportKind } from '../../../shared/reports/prefill';
import { dutyDayOf } from '../../../shared/schedule/index';
import { shanghaiDateTime } from '../../../shared/time';
import * as repo from '../../db/duty-repository';
import type { StoredHandover } from '../../db/duty-repository';
import { insertDutySession } from '../../db/incident-repository';
import type { Queryable } from '../../db/connection';
import type { FeatureContext } from '../feature-context';
import { NO_DUTY_MESSAGE, officerOf, shiftConfig } from './common';
import type { ScheduleService } from './schedule-service';

const incidentName = (i: Pick<IncidentSummary, 'title' | 'serial' | 'drill'>): string =>
  `${i.title}（${i.serial}）${i.drill ? '【演练】' : ''}`;

/**
 * What a clock asks to be done, as the handover words it: the duty room's own clock as its title
 * (a room rule's title after its label: 待初步判定：尽快初步判定事件级别 → 尽快初步判定事件级别), another
 * unit's clock as 督促 that unit (the room only monitors it: product owner 2026-11-30, "Whose clock").
 */
export function clockAction(c: Pick<IncidentClock, 'title' | 'owner' | 'source'>): string {
  if (c.owner?.kind === 'monitored') return `督促${c.owner.unit}${c.title}`;
  return c.source === 'room' && c.title.includes('：') ? c.title.slice(c.title.indexOf('：') + 1) : c.title;
}

/**
 * 下一步工作 of an open incident from its state: the most pressing open clock (overdue said so first),
 * else a report drafted or signed but not sent, else what its level and status still ask for.
 */
export function nextStep(
  i: Pick<IncidentSummary, 'status' | 'grading'>,
  owed: {
    clock?: { title: string; dueAt: string; overdue: boolean } | undefined;
    unsent: readonly { kind: string; seq: number; signed_at: string | null }[];
    finalSent: boolean;
  },
): string {
  const c = owed.clock;
  const due = (iso: string) => shanghaiDateTime(Date.parse(iso));
  if (c) {
    if (!c.overdue) return `${c.title}（${due(c.dueAt)}前）`;
    // 立即报告省人民政府, 尽快初步判定事件级别: already urgent as worded.
    return `已超时（截止 ${due(c.dueAt)}），${/^(立即|尽快)/.test(c.title) ? '' : '尽快'}${c.title}`;
  }
  const unsent = owed.unsent[0];
  if (unsent) {
    const label = seqLabel(unsent.kind as ReportKind, unsent.seq); // reports.kind's CHECK is REPORT_KINDS
    return unsent.signed_at ? `报送已签发的${label}` : `完成${label}并签发报送`;
  }
  if (i.status === '已终止') return owed.finalSent ? '终报已报送，整理材料归档' : '报送终报，整理归档';
  if (i.status === '响应中') return '跟踪处置进展，及时续报';
  if (!i.grading.level) return '核实事件情况，确定级别';
  return '报告时限均已完成：跟踪事件进展，有新情况及时续报';
}

/** What is open now: built from the incident service (derived clocks) and the report chain. */
async function buildSheet(q: Queryable, ctx: FeatureContext): Promise<HandoverSheet> {
  const nowMs = ctx.now().getTime();
  const open = await ctx.incidents.list(q, { statuses: [...HANDOVER_STATUSES], drills: 'include' });
  open.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  const ids = open.map((i) => i.id);
  const byId = new Map(open.map((i) => [i.id, i]));
  const clocks = open
    .flatMap((i) =>
      i.clocks
        // Still owed: neither recorded nor closed otherwise (met by a sent 续报, 级别调整).
        .filter((c) => !c.record && !c.closure)
        .map((c) => ({
          incidentId: i.id,
          incident: incidentName(i),
          title: `${clockAction(c)}${c.optional ? '（如适用）' : ''}`,
          dueAt: c.dueAt,
          basis: c.citation || c.clause,
          overdue: Date.parse(c.dueAt) <= nowMs,
          optional: c.optional,
        })),
    )
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const reports = await repo.unsentReportsOf(q, ids);
  const instructions = await repo.instructionsOf(q, ids);
  const finalSent = new Set(await repo.finalReportSentOf(q, ids));
  return {
    openIncidents: open.map((i) => ({
      id: i.id,
      serial: i.serial,
      title: i.title,
      level: i.grading.level,
      status: i.status,
      nextStep: nextStep(i, {
        clock: clocks.find((c) => c.incidentId === i.id && !c.optional) ?? clocks.find((c) => c.incidentId === i.id),
        unsent: reports.filter((r) => r.incident_id === i.id),
        finalSent: finalSent.has(i.id),
      }),
      drill: i.drill,
    })),
    clocks: clocks.map(({ optional: _, ...c }) => c),
    // Both lists were read for the open incidents' ids, so every row has its incident.
    pendingReports: reports.flatMap((r) => {
      const inc = byId.get(r.incident_id);
      if (!inc) return [];
      return [
        {
          incidentId: r.incident_id,
          incident: incidentName(inc),
          label: seqLabel(r.kind as ReportKind, r.seq), // reports.kind's CHECK is REPORT_KINDS (migration 0003)
          status: r.signed_at ? ('signed' as const) : ('draft' as const),
        },
      ];
    }),
    instructions: instructions.flatMap((r) => {
      const inc = byId.get(r.incident_id);
      if (!inc) return [];
      return [{ incidentId: r.incident_id, incident: incidentName(inc), at: r.at, text: r.text }];
    }),
  };
}

/** The sheet's instructions and unsent reports as the printed 待传达落实的领导批示 section words them. */
export function pendingText(sheet: HandoverSheet): string {
  const lines = [
    ...sheet.instructions.map((i) => `${i.incident}：${i.text}（${shanghaiDateTime(Date.parse(i.at))}）`),
    ...sheet.pendingReports.map(
      (r) => `待报送：${r.incident} ${r.label}（${r.status === 'signed' ? '已签发未报送' : '草稿'}）`,
    ),
  ];
  return lines.join('\n');
}

/** The printable 交接班记录 of a stored handover; both sides' names and times are in it. */
export function handoverRecord(h: StoredHandover, dutyUnit: string): HandoverRecord {
  const when = (iso: string) => formatOfficialDateTime(iso);
  const ack =
    h.status === 'acknowledged' && h.acknowledgedBy && h.acknowledgedAt
      ? `接班确认：${h.acknowledgedBy.officer}（值班员）、${h.acknowledgedBy.leader}（带班领导）于${when(h.acknowledgedAt)}确认接班${h.ackNote ? `，意见：${h.ackNote}` : ''}。`
      : h.status === 'cancelled' && h.cancelledAt
        ? `本交接班记录已于${when(h.cancelledAt)}由${h.cancelledBy ?? ''}撤回，原因：${h.cancelReason ?? ''}。`
        : '接班确认：待接班人员确认。';
  const submitted = `交班：${h.from.officer}（值班员）、${h.from.leader}（带班领导）于${when(h.createdAt)}提交。`;
  return {
    handoverAt: h.acknowledgedAt ?? h.createdAt,
    dutyUnit,
    fromOfficers: [h.from.officer],
    toOfficers: [h.to.officer],
    leader: h.from.leader === h.to.leader ? h.from.leader : `交班 ${h.from.leader}；接班 ${h.to.leader}`,
    openIncidents: h.sheet.openIncidents.map((i): HandoverIncident => ({
      title: `${i.title}（${i.serial}）${i.drill ? '【演练】' : ''}`,
      level: i.level ?? '未定级',
      status: i.status,
      nextStep: i.nextStep,
    })),
    runningClocks: h.sheet.clocks.map((c) => ({
      incident: c.incident,
      label: c.overdue ? `${c.title}（已超时）` : c.title,
      dueAt: c.dueAt,
      basis: c.basis,
    })),
    pendingInstructions: h.pendingInstructions,
    equipment: h.equipment,
    notes: [submitted, ack, h.notes].filter(Boolean).join('\n'),
  };
}

/** Names typed with or without spaces (赵 珺 / 赵珺) are the same person. */
const samePerson = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Every method runs in the transaction it is handed (`q`): the sheet a handover stores is read in
 * the same transaction that stores it. The handler opens it, commits, then tells the UI.
 */
export class HandoverService {
  constructor(
    private readonly ctx: FeatureContext,
    private readonly schedule: ScheduleService,
  ) {}

  private full(h: StoredHandover): Handover {
    return { ...h, record: handoverRecord(h, this.ctx.settings.get().stationName) };
  }

  async draft(q: Queryable): Promise<HandoverDraft> {
    const from = await this.ctx.incidents.getDuty(q);
    if (!from) throw new DomainError('forbidden', NO_DUTY_MESSAGE);
    const sheet = await buildSheet(q, this.ctx);
    const planned = await this.schedule.now(q);
    // The scheduled pair of the shift in progress, unless they are the ones handing over (then the
    // next shift's pair): a handover a little before or after the shift change gets the right one.
    const candidates = [planned.now, planned.next].filter((s) => s !== null);
    // The officer handing over never takes over from themself: a shift they hold again is skipped.
    const suggested = candidates.find((s) => !samePerson(s.officer, from.officer)) ?? null;
    return {
      at: this.ctx.now().toISOString(),
      from,
      suggestedTo: suggested ? { leader: suggested.leader, officer: suggested.officer } : null,
      sheet,
      pendingText: pendingText(sheet),
    };
  }

  /** Returns the new handover's id. */
  async create(q: Queryable, args: ChannelArgs<'handover:create'>): Promise<number> {
    const config = shiftConfig(this.ctx);
    const from = await officerOf(q);
    if (await repo.pendingHandover(q))
      throw new DomainError('conflict', '已有一份交接班记录等待接班确认，请先确认或撤回');
    if (samePerson(from.officer, args.toOfficer)) {
      throw new DomainError('invalid_input', `接班值班员不能是交班值班员本人（${from.officer}）：请填写下一班的值班员`);
    }
    const sheet = await buildSheet(q, this.ctx);
    const at = this.ctx.now().toISOString();
    return repo.insertHandover(q, {
      createdAt: at,
      dutyDay: dutyDayOf(at, config),
      from,
      to: { leader: args.toLeader, officer: args.toOfficer },
      sheet,
      pendingInstructions: args.pendingInstructions || pendingText(sheet),
      equipment: args.equipment,
      notes: args.notes,
    });
  }

  /** The incoming officers confirm; from this moment they are the officers on duty. */
  async acknowledge(q: Queryable, args: ChannelArgs<'handover:acknowledge'>): Promise<number> {
    const h = await repo.findHandover(q, args.id);
    if (!h) throw new DomainError('not_found', `交接班记录 ${args.id} 不存在`);
    if (h.status !== 'pending')
      throw new DomainError('conflict', h.status === 'acknowledged' ? '该交接班记录已确认接班' : '该交接班记录已撤回');
    if (h.to.officer !== args.officer || h.to.leader !== args.leader) {
      throw new DomainError(
        'invalid_input',
        `接班人员与交接班记录不符（记录为：值班员${h.to.officer}、带班领导${h.to.leader}）`,
      );
    }
    const at = this.ctx.now().toISOString();
    await repo.acknowledgeHandover(q, h.id, { at, leader: args.leader, officer: args.officer, note: args.note });
    // The same row IncidentService.setDuty writes, inside this transaction: no acknowledged
    // handover without the incoming officers on duty, and no half-done takeover.
    await insertDutySession(q, args.leader, args.officer, at);
    return h.id;
  }

  async cancel(q: Queryable, args: ChannelArgs<'handover:cancel'>): Promise<number> {
    const duty = await officerOf(q);
    const h = await repo.findHandover(q, args.id);
    if (!h) throw new DomainError('not_found', `交接班记录 ${args.id} 不存在`);
    if (h.status !== 'pending') throw new DomainError('conflict', '只能撤回等待接班确认的记录');
    await repo.cancelHandover(q, h.id, this.ctx.now().toISOString(), duty.officer, args.reason);
    return h.id;
  }

  async get(q: Queryable, id: number): Promise<Handover> {
    const h = await repo.findHandover(q, id);
    if (!h) throw new DomainError('not_found', `交接班记录 ${id} 不存在`);
    return this.full(h);
  }

  async list(q: Queryable, args: ChannelArgs<'handover:list'>): Promise<Handover[]> {
    const rows = await repo.listHandovers(q, { ...(args.day ? { day: args.day } : {}), limit: args.limit });
    return rows.map((h) => this.full(h));
  }
}
