/**
 * The report chain: drafts prefilled from the incident, versions, sign-off, dispatch, corrections.
 * Every method runs in the unit of work its caller hands it (`q`; report-handlers.ts owns the
 * transaction), so a check and the write it allows see the same data, and a dispatch, the clocks it
 * completes and its timeline entry commit together or not at all.
 */
import type { ClockRecord } from '../../../shared/domain/incident';
import type { IncidentClock } from '../../../shared/domain/incident-view';
import type { Report } from '../../../shared/domain/report';
import { renderForm } from '../../../shared/forms/render';
import type { FormInput } from '../../../shared/forms/types';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/result';
import { STALE_REPORT_MESSAGE } from '../../../shared/ipc/channels/seats';
import { dutyOf, openDuties } from '../../../shared/reports/duties';
import type { OpenDuty } from '../../../shared/reports/duties';
import { assertReportForm } from '../../../shared/reports/form-schemas';
import { levelChangedMessage, reportedLevel } from '../../../shared/reports/level-check';
import {
  continueReport,
  diffContent,
  draftReport,
  freshReport,
  prefillSource,
  reportBasis,
  seqLabel,
} from '../../../shared/reports/prefill';
import type { PrefillSource, ReportKind } from '../../../shared/reports/prefill';
import * as incidentsRepo from '../../db/incident-repository';
import * as repo from '../../db/report-repository';
import type { Queryable } from '../../db/connection';
import type { FeatureContext } from '../feature-context';
import { officerOf } from '../officer';
import { messageOf } from '../../../shared/errors';
import { chineseDateTime } from '../../../shared/time';

/**
 * A stored version: the whole form plus the incident as it was when its report was drafted (the
 * basis a later 续报 compares the incident against). Versions saved before bases were kept have none.
 */
type StoredContent = FormInput & { basis?: PrefillSource };

function parseVersion(v: repo.VersionRow): { content: FormInput; basis: PrefillSource | null } {
  // versions hold only content this service wrote from this type
  const { basis, ...content } = JSON.parse(v.content) as StoredContent;
  return { content, basis: basis ?? null };
}

const planOf = (f: FormInput): string | undefined => (f.kind === 'info-report' ? f.data.plan : undefined);

/**
 * The start of an instant's minute: times are typed to the minute, so a version saved at 15:15:40
 * may be signed at 15:15.
 */
const minuteOf = (iso: string): number => Math.floor(Date.parse(iso) / 60_000) * 60_000;

/** What a report changes relative to the one before it in the chain, by the newer form's labels. */
function changesBetween(before: FormInput | undefined, after: FormInput | undefined) {
  return before && after ? diffContent(before.data, after.data, after.kind, planOf(after)) : [];
}

function toReports(rows: repo.ReportRow[], versions: repo.VersionRow[], category: string): Report[] {
  const byReport = new Map<number, repo.VersionRow[]>();
  for (const v of versions) byReport.set(v.report_id, [...(byReport.get(v.report_id) ?? []), v]);
  const out: Report[] = [];
  for (const r of rows) {
    const vs = (byReport.get(r.id) ?? []).map((v) => ({
      version: v.version,
      content: parseVersion(v).content,
      savedAt: v.saved_at,
      savedBy: v.saved_by,
    }));
    // A correction's changes are against the version of the report it corrects that was sent; any
    // other report's against the report it builds on (chainBasis: the latest report as corrected).
    const corrected = r.corrects_id === null ? undefined : out.find((x) => x.id === r.corrects_id);
    const previous = corrected
      ? (corrected.versions.find((v) => v.version === corrected.sentVersion) ?? corrected.versions.at(-1))
      : chainBasis(out)?.versions.at(-1);
    out.push({
      id: r.id,
      incidentId: r.incident_id,
      // columns written by this service from these unions (zod-checked at the IPC boundary)
      kind: r.kind as ReportKind,
      seq: r.seq,
      label: seqLabel(r.kind as ReportKind, r.seq), // the same column as kind above
      // columns written by this service from these unions (zod-checked at the IPC boundary)
      formKind: r.form_kind as FormInput['kind'],
      correctsId: r.corrects_id,
      createdAt: r.created_at,
      createdBy: r.created_by,
      status: r.sent_at ? 'sent' : r.signed_at ? 'signed' : 'draft',
      signedBy: r.signed_by,
      signedAt: r.signed_at,
      sentAt: r.sent_at,
      sentTo: r.sent_to,
      sentChannel: r.sent_channel,
      confirmedBy: r.confirmed_by,
      sentVersion: r.sent_version,
      sentOfficer: r.sent_officer,
      // JSON written by this service from a list of clock ids
      satisfiedClocks: r.satisfied_clocks ? (JSON.parse(r.satisfied_clocks) as string[]) : [],
      versions: vs,
      basis: reportBasis(category),
      changesSincePrevious: changesBetween(previous?.content, vs.at(-1)?.content),
    });
  }
  return out;
}

/**
 * The report a new 续报 or 终报 builds on: the chain's latest report other than a correction, or,
 * where that report was corrected (the correction itself perhaps corrected again), its latest
 * correction. A correction of an earlier report (the 初报 after a 续报) does not replace the 续报's facts.
 */
function chainBasis(chain: readonly Report[]): Report | undefined {
  let basis = chain.filter((r) => r.kind !== '更正' && r.versions.length).at(-1);
  for (;;) {
    const id = basis?.id;
    const correction = chain.filter((r) => r.correctsId === id && r.versions.length).at(-1);
    if (!correction) return basis;
    basis = correction;
  }
}

export class ReportService {
  constructor(private readonly ctx: FeatureContext) {}

  async list(q: Queryable, incidentId: number): Promise<Report[]> {
    const inc = await incidentsRepo.findIncident(q, incidentId);
    if (!inc) throw new DomainError('not_found', `事件 ${incidentId} 不存在`);
    return toReports(await repo.listReportRows(q, incidentId), await repo.listVersionRows(q, incidentId), inc.category);
  }

  /** The basis (incident at draft time) of a report's latest version, or of the given version. */
  private async basisOf(q: Queryable, reportId: number, version?: number): Promise<PrefillSource | null> {
    const row = await repo.findReportRow(q, reportId);
    if (!row) return null;
    const versions = (await repo.listVersionRows(q, row.incident_id)).filter((v) => v.report_id === reportId);
    const v = version === undefined ? versions.at(-1) : versions.find((x) => x.version === version);
    return v ? parseVersion(v).basis : null;
  }

  async one(q: Queryable, reportId: number): Promise<Report> {
    const row = await repo.findReportRow(q, reportId);
    if (!row) throw new DomainError('not_found', `报告 ${reportId} 不存在`);
    const report = (await this.list(q, row.incident_id)).find((r) => r.id === reportId);
    if (!report) throw new DomainError('not_found', `报告 ${reportId} 不存在`);
    return report;
  }

  /** 初报 once; 续报 numbered after it; nothing but corrections after the 终报. */
  /** Returns the new report's id. */
  async draft(q: Queryable, args: ChannelArgs<'reports:draft'>): Promise<number> {
    const incident = await this.ctx.incidents.get(q, args.incidentId);
    const existing = await this.list(q, args.incidentId);
    const has = (k: ReportKind) => existing.some((r) => r.kind === k);
    if (args.kind === '初报' && has('初报'))
      throw new DomainError('conflict', '该事件已有初报；如需更改已报送的内容，请发更正或续报');
    if (args.kind !== '初报' && !has('初报')) throw new DomainError('conflict', '请先起草并报送初报');
    if (has('终报')) throw new DomainError('conflict', '该事件已有终报，只能对已报送的报告发更正');
    const seq = args.kind === '续报' ? existing.filter((r) => r.kind === '续报').length + 1 : 1;
    const now = this.ctx.now().toISOString();
    const ctx = {
      incident: prefillSource(incident),
      kind: args.kind,
      seq,
      station: this.ctx.settings.get().stationName,
      now,
    };
    // 42号 4.1.2(2)(3): a 续报 builds on the 初报, a 终结报告 on both — so a later report starts from
    // the chain's latest report as corrected, plus what changed on the incident since.
    const last = chainBasis(existing);
    const previous = last?.versions.at(-1)?.content;
    const content =
      last && previous
        ? continueReport({ ...ctx, previous, previousBasis: await this.basisOf(q, last.id) }).content
        : draftReport(ctx);
    const stored: StoredContent = { ...content, basis: ctx.incident };
    const by = (await officerOf(q)).officer;
    const newId = await repo.insertReport(q, {
      incidentId: incident.id,
      kind: args.kind,
      seq,
      formKind: content.kind,
      correctsId: null,
      at: now,
      by,
    });
    await repo.insertVersion(q, newId, stored, now, by);
    await incidentsRepo.insertTimeline(q, {
      incidentId: incident.id,
      at: now,
      kind: 'report',
      text: `起草${seqLabel(args.kind, seq)}`,
      data: { reportId: newId },
      officer: by,
    });
    return newId;
  }

  async save(q: Queryable, args: ChannelArgs<'reports:save'>): Promise<number> {
    const report = await this.one(q, args.reportId);
    if (report.status !== 'draft')
      throw new DomainError(
        'conflict',
        `${report.label}已${report.status === 'sent' ? '报送' : '签发'}，不能再修改；请发更正或续报`,
      );
    if (args.content.kind !== report.formKind) throw new DomainError('invalid_input', '表单类型与报告不符');
    // Another seat saved a newer draft since this officer opened it (issue 17): refused, nothing written.
    if (args.version !== undefined && args.version !== (report.versions.at(-1)?.version ?? 0))
      throw new DomainError('conflict', STALE_REPORT_MESSAGE);
    const content = args.content;
    try {
      // A version is a whole form: every field with its type, table rows included, nothing unknown.
      assertReportForm(content);
      // The renderer is the strictest reader of a form: what it refuses cannot be printed.
      renderForm(content, { fontBaseUrl: './' });
    } catch (err) {
      throw new DomainError('invalid_input', `报告内容有误：${messageOf(err)}`);
    }
    // Every version of a report keeps the basis its draft started from (see draft()).
    const stored: StoredContent = { ...content, basis: (await this.basisOf(q, report.id)) ?? undefined };
    const by = (await officerOf(q)).officer;
    await repo.insertVersion(q, report.id, stored, this.ctx.now().toISOString(), by);
    return report.id;
  }

  /**
   * Refuses (until confirmed) to sign or send a version whose level is not the incident's level in
   * force (43号 5.1.1(6)). A correction reprints the report it corrects at that report's level: not checked.
   */
  private async checkLevel(q: Queryable, report: Report, act: '签发' | '报送'): Promise<void> {
    const latest = report.versions.at(-1);
    if (!latest || report.kind === '更正') return;
    const incident = await this.ctx.incidents.get(q, report.incidentId);
    const basis = await this.basisOf(q, report.id, latest.version);
    const warning = levelChangedMessage({
      label: report.label,
      version: latest.version,
      reported: reportedLevel(latest.content, basis ? basis.grading.level : undefined),
      current: incident.grading.level,
      act,
    });
    if (warning) throw new DomainError('conflict', warning);
  }

  async sign(q: Queryable, args: ChannelArgs<'reports:sign'>): Promise<number> {
    const report = await this.one(q, args.reportId);
    if (report.status !== 'draft') throw new DomainError('conflict', `${report.label}已签发`);
    const latest = report.versions.at(-1);
    // What is signed is the latest version: it cannot have been signed before it was written.
    if (latest && Date.parse(args.signedAt) < minuteOf(latest.savedAt))
      throw new DomainError(
        'invalid_input',
        `签发时间不能早于该稿保存时间（第${latest.version}稿，${chineseDateTime(Date.parse(latest.savedAt))}）`,
      );
    if (!args.confirmLevel) await this.checkLevel(q, report, '签发');
    const by = (await officerOf(q)).officer;
    await repo.signReport(q, report.id, args.signedBy, args.signedAt);
    await incidentsRepo.insertTimeline(q, {
      incidentId: report.incidentId,
      at: this.ctx.now().toISOString(),
      kind: 'report',
      text: `${report.label}由${args.signedBy}签发`,
      data: { reportId: report.id },
      officer: by,
    });
    return report.id;
  }

  /** Records the dispatch and completes the clocks the report satisfies, in one transaction. */
  async dispatch(q: Queryable, args: ChannelArgs<'reports:dispatch'>): Promise<number> {
    const report = await this.one(q, args.reportId);
    if (report.status === 'sent') throw new DomainError('conflict', `${report.label}已报送`);
    if (report.status !== 'signed') throw new DomainError('conflict', `${report.label}尚未签发，不能报送`);
    if (Date.parse(args.sentAt) > this.ctx.now().getTime() + 5 * 60_000)
      throw new DomainError('invalid_input', '报送时间不能晚于当前时间');
    // A report goes out after it was signed (and so after the signed version was saved).
    if (report.signedAt && Date.parse(args.sentAt) < minuteOf(report.signedAt))
      throw new DomainError(
        'invalid_input',
        `报送时间不能早于签发时间（${chineseDateTime(Date.parse(report.signedAt))}）`,
      );
    if (!args.confirmLevel) await this.checkLevel(q, report, '报送');
    const incident = await this.ctx.incidents.get(q, report.incidentId);
    const recipients = [...new Set(typeof args.sentTo === 'string' ? [args.sentTo] : args.sentTo)];
    const sentTo = recipients.join('、');
    const matches = (c: { to: string }) => recipients.includes(c.to);
    // One duty per clock and recipient: after an upgrade the old level's obligation and the new one's
    // share a clock id, and one report to that recipient completes both (43号 5.1.1(6)).
    const duties = openDuties(incident.clocks);
    const chosen = new Set<OpenDuty>();
    if (args.clockIds === undefined) {
      // Without a choice, the dispatch completes exactly the open duties owed to where it went.
      for (const d of duties) if (matches(d)) chosen.add(d);
    }
    for (const cid of args.clockIds ?? []) {
      const d = dutyOf(duties, cid);
      if (d) {
        chosen.add(d);
        continue;
      }
      const c = incident.clocks.find((x) => x.obligationKey === cid || x.clockId === cid);
      if (!c) throw new DomainError('invalid_input', `该事件没有时限「${cid}」`);
      throw new DomainError('conflict', `时限「${c.title}」已有记录`);
    }
    const sentMs = Date.parse(args.sentAt);
    // The obligations each duty's report completes: those already running when it was sent.
    const completes = (d: OpenDuty) => {
      const running = d.clocks.filter((c) => Date.parse(c.startsAt) <= sentMs);
      return running.length ? running : d.clocks;
    };
    // The record names the newest obligation it completes (the level in force when sent).
    const recordKey = (d: OpenDuty) => {
      const newest = completes(d).reduce((a, b) => (Date.parse(b.startsAt) >= Date.parse(a.startsAt) ? b : a));
      return newest.obligationKey ?? newest.clockId;
    };
    const named = (d: OpenDuty, cs: readonly IncidentClock[]) =>
      d.levels.length ? `${d.title}（${cs.map((c) => c.levelLabel).join('、')}）` : d.title;
    const mismatched = [...chosen].filter((d) => !matches(d));
    // A clock owed to someone else is completed only after the officer confirmed it (asked first).
    if (mismatched.length && !args.confirmMismatch) {
      throw new DomainError(
        'conflict',
        `以下时限的报送对象不在本次报送单位（${sentTo}）之中：${mismatched.map((c) => `「${c.title}」应报${c.to}`).join('；')}。请核对；确认仍要完成时请再次确认`,
      );
    }
    const clockIds = [...chosen].flatMap((d) => completes(d).map((c) => c.obligationKey ?? c.clockId));
    const by = (await officerOf(q)).officer;
    const at = this.ctx.now().toISOString();
    const latest = report.versions.at(-1);
    if (!latest) throw new DomainError('conflict', '报告没有可报送的版本');
    const version = latest.version;
    await repo.markSent(q, report.id, {
      sentAt: args.sentAt,
      sentTo,
      channel: args.channel,
      confirmedBy: args.confirmedBy,
      version,
      officer: by,
      clocks: clockIds,
    });
    // One record per duty, against the obligation it names: the rules complete every open
    // obligation to that recipient from it, old level and new alike.
    for (const d of chosen) {
      const rec: ClockRecord = {
        clockId: recordKey(d),
        completedAt: args.sentAt,
        channel: args.channel,
        recipientUnit: matches(d) ? d.to : sentTo,
        recipientName: args.confirmedBy,
        notApplicableReason: null,
        officer: by,
        recordedAt: at,
      };
      await incidentsRepo.insertClockRecord(q, report.incidentId, rec);
    }
    const done = [...chosen].map((d) => named(d, completes(d)));
    const late = [...chosen]
      .map((d) => [d, completes(d).filter((c) => sentMs > Date.parse(c.dueAt))] as const)
      .filter(([, cs]) => cs.length)
      .map(([d, cs]) => named(d, cs));
    await incidentsRepo.insertTimeline(q, {
      incidentId: report.incidentId,
      at,
      kind: 'report',
      text: `${report.label}（第${version}稿）以${args.channel}报送${sentTo}，${args.confirmedBy}电话确认收到${
        done.length ? `；完成时限：${done.join('、')}` : ''
      }${late.length ? `（其中超时：${late.join('、')}）` : ''}${mismatched.length ? `（经确认，其中报送对象不符：${mismatched.map((d) => d.title).join('、')}）` : ''}`,
      data: { reportId: report.id, version, clockIds, recipients },
      officer: by,
    });
    return report.id;
  }

  /** A sent report is never edited: a correction starts from its sent content. */
  /** Returns the correction's id. */
  async correct(q: Queryable, args: ChannelArgs<'reports:correct'>): Promise<number> {
    const report = await this.one(q, args.reportId);
    if (report.status !== 'sent') throw new DomainError('conflict', '只能对已报送的报告发更正；草稿可直接修改');
    const all = await this.list(q, report.incidentId);
    const seq = all.filter((r) => r.kind === '更正').length + 1;
    const sent = report.versions.find((v) => v.version === report.sentVersion) ?? report.versions.at(-1);
    if (!sent) throw new DomainError('conflict', '报告没有已报送的版本');
    const at = this.ctx.now().toISOString();
    // A correction is a report of its own: the sent content, whose own 报送时间 its 报送 records (42号 4.1.2).
    const stored: StoredContent = {
      ...freshReport(sent.content),
      basis: (await this.basisOf(q, report.id, sent.version)) ?? undefined,
    };
    const by = (await officerOf(q)).officer;
    const newId = await repo.insertReport(q, {
      incidentId: report.incidentId,
      kind: '更正',
      seq,
      formKind: report.formKind,
      correctsId: report.id,
      at,
      by,
    });
    await repo.insertVersion(q, newId, stored, at, by);
    await incidentsRepo.insertTimeline(q, {
      incidentId: report.incidentId,
      at,
      kind: 'report',
      text: `起草对${report.label}的更正`,
      data: { reportId: newId, corrects: report.id },
      officer: by,
    });
    return newId;
  }
}
