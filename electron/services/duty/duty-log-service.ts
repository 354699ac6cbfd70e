/**
 * The daily duty log (值班日志): compiled from the records each time it is read, so the facts stay as
 * they were recorded; officers add remarks, which are kept (with earlier wording) beside them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatOfficialDate, formatOfficialDateTime } from '../../../shared/forms/format';
import type { DutyLogDay, DutyLogEntry } from '../../../shared/forms/types';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { DutyLogView, ExportedFile } from '../../../shared/ipc/channels/duty';
import { DomainError } from '../../../shared/ipc/result';
import { dutyDayOf, dutyDayRange, type ShiftConfig } from '../../../shared/schedule/index';
import { addDays, parseDate, shanghaiDate } from '../../../shared/time';
import {
  clockSummary,
  compileDutyLog,
  groupByDutyDay,
  receivedSummary,
  type DutyLog,
} from '../../../shared/stats/duty-log';
import { EXPORT_MIME, dutyLogRangeTables, dutyLogTables, exportTables } from '../../exports/index';
import type { Queryable } from '../../db/connection';
import { acksBetween } from '../../db/alarm-repository';
import * as repo from '../../db/duty-repository';
import { listWarnings } from '../../db/response-repository';
import type { FeatureContext } from '../feature-context';
import { ackIncidentId, dutyEvents, timelineAround } from './duty-events';
import { officerOf, refuse, shiftConfig, writeExport } from './common';

/** Longest range one export compiles (a year and a day). */
export const MAX_EXPORT_DAYS = 366;

const daysBetween = (from: string, to: string): number => {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
};

/** The printable 值班日志 of one compiled day: every row in time order, the day's counts as notes. */
export function dutyLogForm(log: DutyLog, dutyUnit: string): DutyLogDay {
  const entries: DutyLogEntry[] = log.sections
    .flatMap((s) => s.rows)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((r) => ({
      at: r.at,
      category: r.kind,
      content: r.incidentTitle ? `【${r.incidentTitle}】${r.text}` : r.text,
      handling: r.handling,
      handler: r.officer,
    }));
  const c = log.counts;
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];
  return {
    date: log.day,
    dutyUnit,
    leader: uniq(log.duty.map((d) => d.leader)).join('、'),
    officers: uniq(log.duty.map((d) => d.officer)),
    entries,
    notes:
      `值班时段：${formatOfficialDateTime(log.start, '值班开始时间')}至${formatOfficialDateTime(log.end, '值班结束时间')}。${receivedSummary(c)}；` +
      `电话${c.calls}次；信息报送${c.reports}次；领导批示${c.instructions}条；报告时限${clockSummary(c)}。`,
  };
}

/**
 * Every method that reads or writes runs in the transaction it is handed (`q`); the handler opens
 * it, commits, and only then tells the UI. Exports take logs already read: no transaction is held
 * while a file is built or a save dialog is open.
 */
export class DutyLogService {
  constructor(private readonly ctx: FeatureContext) {}

  today(config: ShiftConfig = shiftConfig(this.ctx)): string {
    return dutyDayOf(this.ctx.now().toISOString(), config);
  }

  /** Compiles every duty day from `fromDay` to `toDay` (inclusive) from one read of the records. */
  async compile(q: Queryable, fromDay: string, toDay: string = fromDay): Promise<DutyLog[]> {
    const config = shiftConfig(this.ctx);
    const first = refuse(() => dutyDayRange(fromDay, config));
    const last = refuse(() => dutyDayRange(toDay, config));
    const span = daysBetween(fromDay, toDay);
    if (span < 0) throw new DomainError('invalid_input', '结束日期不能早于开始日期');
    if (span >= MAX_EXPORT_DAYS) throw new DomainError('invalid_input', `一次最多汇总${MAX_EXPORT_DAYS}天的值班日志`);
    // Incidents (with their derived clocks) come through the incident service: one source of truth.
    // Only those the days can mention are derived, not the whole history.
    const from = addDays(shanghaiDate(Date.parse(first.start)), -1);
    const to = addDays(shanghaiDate(Date.parse(last.end)), 2);
    const ids = await repo.dutyLogIncidentIds(q, from, to);
    // Alarm acknowledgements of the days (widened as the timeline is; dutyEvents places them exactly),
    // with the incidents they name, closed or archived since as they may be.
    const acks = await acksBetween(q, from, to);
    const ackIds = acks.map((a) => ackIncidentId(a.clockKey)).filter((id): id is number => id !== null);
    const incidents = await this.ctx.incidents.summariesOf(q, [...new Set([...ids, ...ackIds])]);
    const src = {
      timeline: await timelineAround(q, first.start, last.end),
      remarks: await repo.listRemarks(q, fromDay, toDay),
      handovers: await repo.handoversAround(q, addDays(fromDay, -1), addDays(toDay, 1)),
      // Warnings are few; each one's issue and lifting are placed in their duty days by dutyEvents.
      warnings: await listWarnings(q, false),
      sessions: await repo.listDutySessions(q),
      shifts: await repo.shiftsBetween(q, first.start, last.end),
    };
    const events = dutyEvents({ ...src, incidents, acks, now: this.ctx.now() }, first.start, last.end);
    const byDay = groupByDutyDay(events, config);
    const logs: DutyLog[] = [];
    for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
      const range = dutyDayRange(day, config);
      logs.push(
        compileDutyLog({ day, config, events: byDay.get(day) ?? [], duty: dutyOf(src.sessions, src.shifts, range) }),
      );
    }
    return logs;
  }

  async view(q: Queryable, day?: string): Promise<DutyLogView> {
    const config = shiftConfig(this.ctx);
    const today = this.today(config);
    const d = day ?? today;
    const [log] = await this.compile(q, d);
    if (!log) throw new Error(`duty log of ${d} compiled to nothing`);
    const remarks = await repo.listRemarks(q, d);
    return { log, remarks, form: dutyLogForm(log, this.ctx.settings.get().stationName), today };
  }

  /** Returns the day remarked on, for the handler to read back. */
  async addRemark(q: Queryable, args: ChannelArgs<'duty-log:add-remark'>): Promise<string> {
    const config = shiftConfig(this.ctx);
    const nowMs = this.ctx.now().getTime();
    const range = refuse(() => dutyDayRange(args.day, config));
    if (Date.parse(range.start) > nowMs) throw new DomainError('invalid_input', '不能为尚未开始的值班日添加备注');
    // Without a time the remark sits at now, or at the end of a past day (a late remark on that day).
    const at = args.at ?? new Date(Math.min(nowMs, Date.parse(range.end) - 60_000)).toISOString();
    if (Date.parse(at) > nowMs + 5 * 60_000) throw new DomainError('invalid_input', '备注时间不能晚于当前时间');
    if (Date.parse(at) < Date.parse(range.start) || Date.parse(at) >= Date.parse(range.end)) {
      throw new DomainError('invalid_input', `备注时间不在${args.day}值班日内（${range.start} 至 ${range.end}）`);
    }
    const duty = await officerOf(q);
    await repo.insertRemark(q, {
      day: args.day,
      at,
      text: args.text,
      officer: duty.officer,
      leader: duty.leader,
      createdAt: new Date(nowMs).toISOString(),
    });
    return args.day;
  }

  /** Returns the day of the remark, for the handler to read back. */
  async editRemark(q: Queryable, args: ChannelArgs<'duty-log:edit-remark'>): Promise<string> {
    const duty = await officerOf(q);
    const old = await repo.findRemark(q, args.id);
    if (!old) throw new DomainError('not_found', `备注 ${args.id} 不存在`);
    if (old.text === args.text) return old.day;
    await repo.editRemark(q, args.id, args.text, this.ctx.now().toISOString(), duty.officer);
    return old.day;
  }

  /**
   * The file written from the logs the handler compiled (`compile` over args.day…args.toDay), or
   * null when the officer cancelled the PDF's save dialog (Electron).
   */
  async export(logs: readonly DutyLog[], args: ChannelArgs<'duty-log:export'>): Promise<ExportedFile | null> {
    const toDay = args.toDay ?? args.day;
    const single = logs.length === 1 ? (logs[0] ?? null) : null;
    const rows = logs.reduce((n, l) => n + l.counts.total, 0);
    const day = (d: string) => formatOfficialDate(d, '日期');
    const name = single ? `值班日志-${day(args.day)}` : `值班日志-${day(args.day)}至${day(toDay)}`;
    if (args.format === 'pdf') {
      if (!single) throw new DomainError('invalid_input', 'PDF 只能导出单日值班日志');
      const form = dutyLogForm(single, this.ctx.settings.get().stationName);
      const path = await this.ctx.printer.savePdf({ form: { kind: 'duty-log', data: form }, drill: false, name });
      if (!path) return null;
      const bytes = readFileSync(path);
      return {
        path,
        fileName: basename(path),
        mime: 'application/pdf',
        bytes: bytes.length,
        count: rows,
        contentBase64: bytes.toString('base64'),
      };
    }
    const tables = single ? dutyLogTables(single) : dutyLogRangeTables(logs);
    const title = single ? '值班日志' : '值班日志汇总';
    const subtitle = tables[0]?.subtitle;
    const bytes = await exportTables(args.format, tables, {
      title,
      ...(subtitle ? { subtitle } : {}),
      asOf: this.ctx.now(),
    });
    return writeExport(this.ctx, name, args.format, bytes, EXPORT_MIME[args.format], rows);
  }
}

/**
 * Who was on duty in a duty day: the registered duty sessions overlapping it (each lasts until the
 * next registration); the schedule when nobody registered.
 */
function dutyOf(
  sessions: readonly { leader: string; officer: string; startedAt: string }[],
  shifts: readonly { start: string; end: string; leader: string; officer: string }[],
  range: { start: string; end: string },
): { leader: string; officer: string }[] {
  const s = Date.parse(range.start);
  const e = Date.parse(range.end);
  const out: { leader: string; officer: string }[] = [];
  const add = (p: { leader: string; officer: string }) => {
    if (!out.some((o) => o.leader === p.leader && o.officer === p.officer))
      out.push({ leader: p.leader, officer: p.officer });
  };
  sessions.forEach((session, i) => {
    const from = Date.parse(session.startedAt);
    const next = sessions[i + 1];
    const to = next ? Date.parse(next.startedAt) : Number.POSITIVE_INFINITY;
    if (from < e && to > s) add(session);
  });
  if (out.length === 0) for (const sh of shifts) if (Date.parse(sh.start) < e && Date.parse(sh.end) > s) add(sh);
  return out;
}
