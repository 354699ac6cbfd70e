/**
 * The warning board (预警): warnings received or issued, checked against who may issue each level
 * (B 3.1.2), changed or lifted only by their issuer (A 3.4, B 3.3, C 4.2.4), with the actions the
 * plan prescribes (A 3.3, B 3.2, C 4.2.3) ticked, and linked to the incidents they concern.
 */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { IssuerInfo, WarningView } from '../../../shared/ipc/channels/response';
import { DomainError } from '../../../shared/ipc/result';
import { PLANS, citationOf } from '../../../shared/plans';
import {
  WARNING_ACTIONS_PREAMBLE,
  WARNING_ISSUERS,
  checkChange,
  checkIssuer,
  checkLift,
  liftCondition,
  liftWarning,
  validateWarning,
  warningActions,
  warningLabel,
  warningLevelInfo,
  type WarningRecord,
} from '../../../shared/warnings';
import type { Queryable } from '../../db/connection';
import { findIncident, insertTimeline } from '../../db/incident-repository';
import * as repo from '../../db/response-repository';
import type { FeatureContext } from '../feature-context';
import { grantedData, grantedText, iso, notInFuture, officerOf, refuse } from './common';

const toRecord = (w: repo.WarningRow): WarningRecord => ({
  plan: w.plan,
  level: w.level,
  issuerKind: w.issuerKind,
  issuer: w.issuer,
  area: w.area,
  issuedAt: w.issuedAt,
  direction: w.direction,
  ...(w.document ? { document: w.document } : {}),
  lifted: w.lifted
    ? { at: w.lifted.at, by: { issuerKind: w.lifted.issuerKind, issuer: w.lifted.by }, document: w.lifted.document }
    : null,
});

/** Every method runs inside the caller's unit of work (the handler owns db.write); a write returns the warning's id. */
export class WarningService {
  constructor(private readonly ctx: FeatureContext) {}

  private stamp(): string {
    return this.ctx.now().toISOString();
  }

  async list(q: Queryable, activeOnly = false): Promise<WarningView[]> {
    const rows = await repo.listWarnings(q, activeOnly);
    const changes = await repo.listWarningChanges(q);
    const actions = await repo.listWarningActions(q);
    const incidents = await repo.listWarningIncidents(q);
    return rows.map((w) =>
      this.view(
        w,
        changes.get(w.id) ?? [],
        actions.get(w.id) ?? new Map<string, { at: string; by: string; note: string }>(),
        incidents.get(w.id) ?? [],
      ),
    );
  }

  async get(q: Queryable, id: number): Promise<WarningView> {
    const all = await this.list(q, false);
    const w = all.find((x) => x.id === id);
    if (!w) throw new DomainError('not_found', `预警 ${id} 不存在`);
    return w;
  }

  private view(
    w: repo.WarningRow,
    changes: WarningView['changes'],
    done: Map<string, { at: string; by: string; note: string }>,
    incidents: WarningView['incidents'],
  ): WarningView {
    const info = warningLevelInfo(w.level);
    const pre = WARNING_ACTIONS_PREAMBLE[w.plan];
    const lift = liftCondition(w.plan);
    return {
      ...w,
      planName: PLANS[w.plan].name,
      colourName: info.colourName,
      hex: info.hex,
      textHex: info.textHex,
      label: warningLabel(w.level),
      issuerCheck: checkIssuer(w.plan, w.level, w.issuerKind),
      changes,
      incidents,
      actionsPreamble: { text: pre.text, citation: citationOf(w.plan, pre.clause) },
      actions: warningActions(w.plan, w.level).map((a) => ({ ...a, done: done.get(a.id) ?? null })),
      liftCondition: { text: lift.text, citation: lift.citation },
    };
  }

  /** Timeline entry on every incident the warning concerns. */
  private async noteIncidents(
    q: Queryable,
    warningId: number,
    text: string,
    officer: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const linked = (await repo.listWarningIncidents(q)).get(warningId) ?? [];
    for (const i of linked)
      await insertTimeline(q, {
        incidentId: i.id,
        at: this.stamp(),
        kind: 'warning',
        text,
        data: { warningId, ...data },
        officer,
      });
  }

  /** Records a warning received or issued; refuses an issuer the plan does not allow for the level (B 3.1.2). */
  async issue(q: Queryable, a: ChannelArgs<'warnings:issue'>): Promise<number> {
    notInFuture(a.issuedAt, this.ctx.now(), '发布时间');
    const { warning, issuer } = refuse(() =>
      validateWarning({
        plan: a.plan,
        level: a.level,
        issuerKind: a.issuerKind,
        issuer: a.issuer,
        area: a.area,
        issuedAt: iso(a.issuedAt),
        direction: a.direction,
        ...(a.document ? { document: a.document } : {}),
      }),
    );
    if (!issuer.ok) throw new DomainError('forbidden', issuer.error);
    const officer = await officerOf(q);
    for (const incidentId of a.incidentIds) {
      if (!(await findIncident(q, incidentId))) throw new DomainError('not_found', `事件 ${incidentId} 不存在`);
    }
    const at = this.stamp();
    const newId = await repo.insertWarning(q, {
      plan: warning.plan,
      level: warning.level,
      direction: warning.direction,
      issuerKind: warning.issuerKind,
      issuer: warning.issuer,
      area: warning.area,
      issuedAt: warning.issuedAt,
      document: warning.document ?? '',
      content: a.content,
      createdAt: at,
      officer: officer.officer,
    });
    for (const incidentId of a.incidentIds) await repo.linkWarning(q, newId, incidentId, at, officer.officer);
    await this.noteIncidents(
      q,
      newId,
      `${a.direction === 'received' ? '收到' : '发布'}${warningLabel(warning.level)}：${warning.issuer}，${warning.area}${warning.document ? `（${warning.document}）` : ''}${grantedText()}`,
      officer.officer,
      { level: warning.level, ...grantedData() },
    );
    return newId;
  }

  private async find(q: Queryable, id: number): Promise<repo.WarningRow> {
    const w = await repo.findWarning(q, id);
    if (!w) throw new DomainError('not_found', `预警 ${id} 不存在`);
    return w;
  }

  /** 谁发布、谁解除 (A 3.4, B 3.3, C 4.2.4): only the issuer lifts, with time and the lifting document. */
  async lift(q: Queryable, a: ChannelArgs<'warnings:lift'>): Promise<number> {
    notInFuture(a.at, this.ctx.now(), '解除时间');
    const w = await this.find(q, a.id);
    const record = toRecord(w);
    const check = refuse(() => checkLift(record, a.by));
    if (!check.ok) throw new DomainError(w.lifted ? 'conflict' : 'forbidden', check.error);
    const lifted = refuse(() => liftWarning(record, { at: iso(a.at), by: a.by, document: a.document })).lifted;
    if (!lifted) throw new Error('解除记录缺失');
    const officer = await officerOf(q);
    await repo.liftWarningRow(q, a.id, {
      at: iso(a.at),
      by: lifted.by.issuer,
      issuerKind: a.by.issuerKind,
      document: lifted.document,
      officer: officer.officer,
    });
    await this.noteIncidents(
      q,
      a.id,
      `${warningLabel(w.level)}解除：${lifted.by.issuer}（${lifted.document}）${grantedText()}`,
      officer.officer,
      { lifted: iso(a.at), ...grantedData() },
    );
    return a.id;
  }

  /** A level change, only by the issuer and only to a level it may issue (B 3.1.2, B 3.3, C 4.2.4, A 3.3(2)). */
  async change(q: Queryable, a: ChannelArgs<'warnings:change'>): Promise<number> {
    notInFuture(a.at, this.ctx.now(), '调整时间');
    const w = await this.find(q, a.id);
    const check = refuse(() => checkChange(toRecord(w), a.by, a.level));
    if (!check.ok) throw new DomainError(w.lifted || w.level === a.level ? 'conflict' : 'forbidden', check.error);
    if (Date.parse(a.at) < Date.parse(w.issuedAt))
      throw new DomainError('invalid_input', '调整时间不能早于预警发布时间');
    const officer = await officerOf(q);
    await repo.changeWarningLevel(q, a.id, {
      at: iso(a.at),
      from: w.level,
      to: a.level,
      by: a.by.issuer.trim(),
      document: a.document,
      officer: officer.officer,
    });
    await this.noteIncidents(
      q,
      a.id,
      `预警调整：${warningLabel(w.level)} → ${warningLabel(a.level)}（${a.by.issuer}，${a.document}）${grantedText()}`,
      officer.officer,
      { from: w.level, to: a.level, ...grantedData() },
    );
    return a.id;
  }

  /** Links (or unlinks) a warning and an incident it concerns, noted in the incident's timeline. */
  async link(q: Queryable, a: ChannelArgs<'warnings:link'>): Promise<number> {
    const w = await this.find(q, a.id);
    if (!(await findIncident(q, a.incidentId))) throw new DomainError('not_found', `事件 ${a.incidentId} 不存在`);
    const officer = await officerOf(q);
    const at = this.stamp();
    const changed = a.unlink
      ? await repo.unlinkWarning(q, a.id, a.incidentId)
      : await repo.linkWarning(q, a.id, a.incidentId, at, officer.officer);
    if (!changed) throw new DomainError('conflict', a.unlink ? '该预警与该事件没有关联' : '该预警已关联该事件');
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at,
      kind: 'warning',
      text: `${a.unlink ? '取消关联' : '关联'}预警：${warningLabel(w.level)}（${w.issuer}，${w.area}）`,
      data: { warningId: a.id, unlink: a.unlink },
      officer: officer.officer,
    });
    return a.id;
  }

  /** Ticks one of the plan's warning actions (A 3.3, B 3.2, C 4.2.3). */
  async tickAction(q: Queryable, a: ChannelArgs<'warnings:tick-action'>): Promise<number> {
    const at = a.at ? iso(a.at) : this.stamp();
    notInFuture(at, this.ctx.now(), '完成时间');
    const w = await this.find(q, a.id);
    if (w.lifted) throw new DomainError('conflict', '预警已解除，不能再勾选预警措施');
    const item = warningActions(w.plan, w.level).find((i) => i.id === a.itemId);
    if (!item) throw new DomainError('not_found', `《${PLANS[w.plan].name}》的预警措施中没有条目「${a.itemId}」`);
    if ((await repo.listWarningActions(q)).get(a.id)?.has(a.itemId))
      throw new DomainError('conflict', '该预警措施已勾选');
    const officer = await officerOf(q);
    await repo.insertWarningAction(q, a.id, a.itemId, at, officer.officer, a.note);
    await this.noteIncidents(
      q,
      a.id,
      `预警措施完成「${item.text}」（${item.clause}）${a.note ? `：${a.note}` : ''}`,
      officer.officer,
      { itemId: a.itemId },
    );
    return a.id;
  }

  /** Who may issue this level under the plan (B 3.1.2; A and C name no issuer per level). */
  issuers(a: ChannelArgs<'warnings:issuers'>): IssuerInfo {
    return { check: refuse(() => checkIssuer(a.plan, a.level, a.issuerKind)), rules: WARNING_ISSUERS[a.plan] };
  }
}
