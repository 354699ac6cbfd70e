/**
 * Response on an incident: start at a level, change it, tick or set aside checklist items, confirm
 * the termination conditions, end it, then follow the post-response tasks.
 *
 * State lives in our own tables (responses, response_items …); the incident itself is moved through
 * the IncidentService so its timeline and clocks stay right: starting sets 响应中 and, when the
 * level differs from the graded one, responseOverride; ending sets 已终止, whose time anchors the
 * post-response clocks in shared/rules (B 5.3(2)) and the tasks here.
 *
 * Every method runs inside the unit of work its caller opened (the handler owns db.write), so the
 * response and the incident's status change commit together or not at all.
 */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { ConditionView, ResponseItemView, ResponseView } from '../../../shared/ipc/channels/response';
import type { IncidentDetail } from '../../../shared/domain/incident-view';
import { DomainError } from '../../../shared/ipc/result';
import { PLANS, type ChecklistPlanId } from '../../../shared/plans';
import {
  POST_RESPONSE_CLOCKS_ELSEWHERE,
  actionChecklist,
  allActionItems,
  assertResponseLevel,
  checkTermination,
  mergeChecklist,
  postResponseTasks,
  responseLevelInfo,
  taskReminder,
  terminationAuthority,
  terminationConditions,
  validateNotApplicable,
  validateTick,
  type PostResponseFacts,
  type ResponseLevel,
} from '../../../shared/response';
import type { Queryable } from '../../db/connection';
import { findIncident, insertTimeline } from '../../db/incident-repository';
import * as repo from '../../db/response-repository';
import type { FeatureContext } from '../feature-context';
import { beijing, grantedData, grantedText, iso, notInFuture, officerOf, planOfCategory, refuse } from './common';

export class ResponseService {
  constructor(private readonly ctx: FeatureContext) {}

  private stamp(): string {
    return this.ctx.now().toISOString();
  }

  private planOf(inc: IncidentDetail): ChecklistPlanId {
    const plan = planOfCategory(inc.category);
    if (!plan) {
      throw new DomainError(
        'invalid_input',
        '该类事件没有收录响应预案的行动措施（只收录通信保障、辐射事故、突发环境事件三个预案）',
      );
    }
    return plan;
  }

  /** The incident's response with the rules joined in. */
  async get(q: Queryable, incidentId: number): Promise<ResponseView> {
    const inc = await this.ctx.incidents.get(q, incidentId);
    const plan = planOfCategory(inc.category);
    const resp = await repo.findResponse(q, incidentId);
    const levels = await repo.listLevels(q, incidentId);
    const items = await repo.listItems(q, incidentId);
    const conds = await repo.listConditions(q, incidentId);
    const tasks = await repo.listTasks(q, incidentId);
    const base: ResponseView = {
      incidentId,
      plan,
      planName: plan ? PLANS[plan].name : null,
      availableLevels: plan ? [...PLANS[plan].responseLevels] : [],
      levelInfo: plan ? PLANS[plan].responseLevels.map((l) => responseLevelInfo(plan, l)) : [],
      // What the facts grade, not the level a start or an adjustment set (that is the response itself).
      gradedResponse: inc.grading.gradedResponse,
      state: 'none',
      level: null,
      startedAt: null,
      startedBy: null,
      startedLeader: null,
      endedAt: null,
      endedBy: null,
      endedLeader: null,
      levels: [],
      items: [],
      conditions: plan ? terminationConditions(plan).map((c) => ({ ...c, confirmed: null })) : [],
      termination: plan
        ? { authority: terminationAuthority(plan).text, citation: terminationAuthority(plan).citation, missing: [] }
        : { authority: '', citation: '', missing: [] },
      tasks: [],
      clocks: [],
      clocksElsewhere: plan
        ? POST_RESPONSE_CLOCKS_ELSEWHERE.filter((c) => c.plan === plan).map(({ clause, title, citation }) => ({
            clause,
            title,
            citation,
          }))
        : [],
    };
    if (!plan || !resp) return base;

    const catalogue = new Map(allActionItems(plan).map((i) => [i.id, i]));
    const itemViews: ResponseItemView[] = items.flatMap((r) => {
      const rule = catalogue.get(r.itemId);
      if (!rule) return [];
      return [
        {
          ...rule,
          state: r.state,
          at: r.at,
          by: r.by,
          note: r.note,
          reason: r.reason,
          addedAt: r.addedAt,
          addedAtLevel: r.addedLevel,
          officer: r.officer,
        },
      ];
    });
    const confirmed = new Map(conds.map((c) => [c.conditionId, c]));
    const conditions: ConditionView[] = terminationConditions(plan).map((c) => {
      const r = confirmed.get(c.id);
      return {
        ...c,
        confirmed: r ? { at: r.at, by: r.by, officer: r.officer, recordedAt: r.recordedAt, leader: r.leader } : null,
      };
    });
    const now = this.stamp();
    const view: ResponseView = {
      ...base,
      state: resp.endedAt ? 'ended' : 'active',
      level: resp.level,
      startedAt: resp.startedAt,
      startedBy: resp.startedBy,
      startedLeader: resp.startedLeader,
      endedAt: resp.endedAt,
      endedBy: resp.endedBy,
      endedLeader: resp.endedLeader,
      levels: levels.map((l) => ({
        at: l.at,
        from: l.from,
        to: l.to,
        decidedBy: l.decidedBy,
        officer: l.officer,
        leader: l.leader,
        note: l.note,
      })),
      items: itemViews,
      conditions,
      termination: { ...base.termination, missing: conditions.filter((c) => !c.confirmed).map((c) => c.id) },
    };
    if (resp.endedAt) {
      const byTask = new Map(tasks.map((t) => [t.taskId, t]));
      const list = postResponseTasks(plan, resp.endedAt, this.taskFacts(inc, tasks));
      view.tasks = list.map((t) => {
        const r = byTask.get(t.id);
        return {
          ...t,
          reminder: taskReminder(t, now, r?.doneAt ?? null),
          doneAt: r?.doneAt ?? null,
          doneBy: r?.doneBy ?? null,
          doneNote: r?.doneNote ?? '',
          givenBy: r?.dueAt ? (r.givenBy ?? null) : null,
        };
      });
      const clauses = new Set(base.clocksElsewhere.map((c) => c.clause));
      view.clocks = inc.clocks.filter((c) => clauses.has(c.clause));
    }
    return view;
  }

  private taskFacts(
    inc: IncidentDetail,
    tasks: repo.TaskRow[],
    extra?: { taskId: string; dueAt: string },
  ): PostResponseFacts {
    const assigned: NonNullable<PostResponseFacts['assigned']> = {};
    for (const t of tasks) if (t.dueAt) assigned[t.taskId] = { at: t.dueAt };
    if (extra) assigned[extra.taskId] = { at: extra.dueAt };
    return {
      ...(inc.grading.level ? { level: inc.grading.level } : {}),
      // B 5.1(2): the incident's facts say whether the accident contaminated the environment.
      ...(inc.category === 'radiation' && inc.facts.contamination ? { contamination: true } : {}),
      assigned,
    };
  }

  private async activeResponse(q: Queryable, incidentId: number): Promise<repo.ResponseRow> {
    const resp = await repo.findResponse(q, incidentId);
    if (!resp) throw await notStarted(q, incidentId);
    if (resp.endedAt) throw new DomainError('conflict', '该事件的应急响应已终止');
    return resp;
  }

  /** Starts a response: B 4.3 / C 5.3 (the 指挥长 starts 三级), A 4.3–4.4; creates the level's checklist. */
  async start(q: Queryable, a: ChannelArgs<'response:start'>): Promise<void> {
    const inc = await this.ctx.incidents.get(q, a.incidentId);
    const plan = this.planOf(inc);
    refuse(() => assertResponseLevel(plan, a.level, 'level（响应级别）'));
    if (inc.status === '已归档') throw new DomainError('conflict', '已归档的事件不能启动应急响应');
    if (inc.status === '已终止') throw new DomainError('conflict', '事件已终止，不能再次启动应急响应');
    if (await repo.findResponse(q, a.incidentId)) {
      throw new DomainError('conflict', '该事件已启动应急响应；如需提高或降低级别，请调整响应级别');
    }
    const officer = await officerOf(q);
    const at = this.stamp();
    const items = actionChecklist(plan, a.level);
    await repo.insertResponse(q, {
      incidentId: a.incidentId,
      plan,
      level: a.level,
      startedAt: at,
      startedBy: a.decidedBy,
      officer: officer.officer,
    });
    await repo.insertLevel(q, a.incidentId, {
      at,
      from: null,
      to: a.level,
      decidedBy: a.decidedBy,
      note: a.note,
      officer: officer.officer,
    });
    for (const i of items) await repo.insertItem(q, a.incidentId, i.id, at, a.level);
    const info = responseLevelInfo(plan, a.level);
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at,
      kind: 'action',
      text: `启动${a.level}应急响应（决定：${a.decidedBy}）${grantedText()}；生成行动措施清单${items.length}项；${info.lead}（${info.citation}）${a.note ? `；${a.note}` : ''}`,
      data: { response: 'start', level: a.level, decidedBy: a.decidedBy, items: items.length, ...grantedData() },
      officer: officer.officer,
    });
    await this.syncIncident(q, inc, a.level, a.decidedBy, true);
  }

  /** Moves the incident to 响应中 and records the level actually started when it differs from the graded one. */
  private async syncIncident(
    q: Queryable,
    inc: IncidentDetail,
    level: ResponseLevel,
    decidedBy: string,
    starting: boolean,
  ): Promise<void> {
    if (starting && inc.status !== '响应中') {
      await this.ctx.incidents.setStatus(q, {
        id: inc.id,
        status: '响应中',
        note: `启动${level}应急响应（${decidedBy}决定）`,
      });
    }
    if (inc.grading.response !== level) {
      await this.ctx.incidents.update(q, {
        id: inc.id,
        patch: {
          responseOverride: level,
          reason: `${starting ? '启动' : '调整为'}${level}应急响应（${decidedBy}决定）`,
        },
      });
    }
  }

  /** Raises or lowers the level (B 4.3 / C 5.3 "调整响应级别"): keeps what was done, adds what the new level requires. */
  async changeLevel(q: Queryable, a: ChannelArgs<'response:change-level'>): Promise<void> {
    const inc = await this.ctx.incidents.get(q, a.incidentId);
    const plan = this.planOf(inc);
    refuse(() => assertResponseLevel(plan, a.level, 'level（响应级别）'));
    const resp = await this.activeResponse(q, a.incidentId);
    if (resp.level === a.level) throw new DomainError('conflict', `应急响应已是${a.level}`);
    const officer = await officerOf(q);
    const at = this.stamp();
    const existing = await repo.listItems(q, a.incidentId);
    const merge = refuse(() =>
      mergeChecklist(
        existing.map((e) => ({ id: e.itemId, state: e.state })),
        plan,
        a.level,
      ),
    );
    for (const i of merge.add) await repo.insertItem(q, a.incidentId, i.id, at, a.level);
    for (const id of merge.markNotRequired) await repo.updateItem(q, a.incidentId, id, { state: 'notRequired' });
    for (const id of merge.reopen) await repo.updateItem(q, a.incidentId, id, { state: 'open' });
    await repo.setResponseLevel(q, a.incidentId, a.level);
    await repo.insertLevel(q, a.incidentId, {
      at,
      from: resp.level,
      to: a.level,
      decidedBy: a.decidedBy,
      note: a.note,
      officer: officer.officer,
    });
    const raised =
      ['四级', '三级', '二级', '一级'].indexOf(a.level) > ['四级', '三级', '二级', '一级'].indexOf(resp.level);
    const parts = [
      `${raised ? '提高' : '降低'}应急响应级别：${resp.level} → ${a.level}（决定：${a.decidedBy}）${grantedText()}`,
      merge.add.length ? `新增措施${merge.add.length}项` : '',
      merge.markNotRequired.length ? `${merge.markNotRequired.length}项未办措施现级别不要求` : '',
      merge.reopen.length ? `${merge.reopen.length}项措施恢复待办` : '',
      a.note,
    ].filter(Boolean);
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at,
      kind: 'action',
      text: parts.join('；'),
      data: {
        response: 'level',
        from: resp.level,
        to: a.level,
        decidedBy: a.decidedBy,
        added: merge.add.map((i) => i.id),
        notRequired: merge.markNotRequired,
        reopened: merge.reopen,
        ...grantedData(),
      },
      officer: officer.officer,
    });
    await this.syncIncident(q, inc, a.level, a.decidedBy, false);
  }

  private async openItem(q: Queryable, incidentId: number, itemId: string) {
    const resp = await repo.findResponse(q, incidentId);
    if (!resp) throw await notStarted(q, incidentId);
    const row = (await repo.listItems(q, incidentId)).find((i) => i.itemId === itemId);
    const rule = allActionItems(resp.plan).find((i) => i.id === itemId);
    if (!row || !rule) throw new DomainError('not_found', `该事件的行动措施清单中没有条目「${itemId}」`);
    if (row.state === 'done') throw new DomainError('conflict', `措施「${rule.text.slice(0, 30)}」已于${row.at}完成`);
    if (row.state === 'notApplicable')
      throw new DomainError('conflict', `措施「${rule.text.slice(0, 30)}」已标记为不适用`);
    if (row.state === 'notRequired')
      throw new DomainError('conflict', `措施「${rule.text.slice(0, 30)}」现响应级别不要求`);
    return rule;
  }

  /** Ticks an item with time, officer and note. */
  async tick(q: Queryable, a: ChannelArgs<'response:tick'>): Promise<void> {
    const at = a.at ? iso(a.at) : this.stamp();
    notInFuture(at, this.ctx.now(), '完成时间');
    const rule = await this.openItem(q, a.incidentId, a.itemId);
    const officer = await officerOf(q);
    const t = refuse(() => validateTick({ at, by: officer.officer, note: a.note }));
    await repo.updateItem(q, a.incidentId, a.itemId, {
      state: 'done',
      at: t.at,
      by: t.by,
      note: t.note ?? '',
      officer: officer.officer,
    });
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at: this.stamp(),
      kind: 'action',
      text: `完成措施「${rule.text}」（${rule.clause}${rule.unit ? `，${rule.unit}` : ''}）${t.note ? `：${t.note}` : ''}`,
      data: { response: 'tick', itemId: a.itemId, at: t.at },
      officer: officer.officer,
    });
  }

  /** Marks an item not applicable; the reason is required. */
  async notApplicable(q: Queryable, a: ChannelArgs<'response:not-applicable'>): Promise<void> {
    const rule = await this.openItem(q, a.incidentId, a.itemId);
    const officer = await officerOf(q);
    const v = refuse(() => validateNotApplicable({ at: this.stamp(), by: officer.officer, reason: a.reason }));
    await repo.updateItem(q, a.incidentId, a.itemId, {
      state: 'notApplicable',
      at: v.at,
      by: v.by,
      reason: v.reason,
      officer: officer.officer,
    });
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at: v.at,
      kind: 'action',
      text: `措施「${rule.text}」（${rule.clause}）不适用：${v.reason}`,
      data: { response: 'notApplicable', itemId: a.itemId },
      officer: officer.officer,
    });
  }

  /** Confirms one termination condition (A 4.8, B 4.5, C 5.5) with time and by whom. */
  async confirmCondition(q: Queryable, a: ChannelArgs<'response:confirm-condition'>): Promise<void> {
    const at = a.at ? iso(a.at) : this.stamp();
    notInFuture(at, this.ctx.now(), '确认时间');
    const resp = await this.activeResponse(q, a.incidentId);
    const cond = terminationConditions(resp.plan).find((c) => c.id === a.conditionId);
    if (!cond) throw new DomainError('not_found', `《${PLANS[resp.plan].name}》没有终止条件「${a.conditionId}」`);
    if ((await repo.listConditions(q, a.incidentId)).some((c) => c.conditionId === a.conditionId)) {
      throw new DomainError('conflict', `终止条件「${cond.text}」已确认`);
    }
    const officer = await officerOf(q);
    await repo.insertCondition(q, a.incidentId, {
      conditionId: cond.id,
      at,
      by: a.by,
      officer: officer.officer,
      recordedAt: this.stamp(),
    });
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at: this.stamp(),
      kind: 'action',
      text: `确认终止条件「${cond.text}」（${cond.clause}）：确认人 ${a.by}${grantedText()}`,
      data: { response: 'condition', conditionId: cond.id, at, by: a.by, ...grantedData() },
      officer: officer.officer,
    });
  }

  /** Ends the response; refused, naming the missing conditions, until every condition is confirmed. */
  async end(q: Queryable, a: ChannelArgs<'response:end'>): Promise<void> {
    const inc = await this.ctx.incidents.get(q, a.incidentId);
    if (inc.status === '已归档') throw new DomainError('conflict', '已归档的事件不能修改');
    const resp = await this.activeResponse(q, a.incidentId);
    const conds = await repo.listConditions(q, a.incidentId);
    const check = refuse(() =>
      checkTermination(resp.plan, Object.fromEntries(conds.map((c) => [c.conditionId, { at: c.at, by: c.by }]))),
    );
    if (!check.ok) throw new DomainError('conflict', check.message);
    const officer = await officerOf(q);
    // Reports still unsent are named and must be confirmed: ending never hides a running clock.
    await this.ctx.incidents.assertNoUnsent(q, a.incidentId, '终止应急响应', a.confirmUnsent);
    // The status change's time is the end time: shared/rules anchors the post-response clocks on it.
    const endedAt =
      inc.status !== '已终止'
        ? await this.ctx.incidents.setStatus(
            q,
            {
              id: a.incidentId,
              status: '已终止',
              note: `应急响应终止（${a.decidedBy}宣布）`,
              confirmUnsent: a.confirmUnsent,
            },
            { endsResponse: true },
          )
        : (inc.timeline.filter((e) => e.kind === 'status' && !e.voided && e.data?.to === '已终止').at(-1)?.at ??
          this.stamp());
    await repo.endResponse(q, a.incidentId, endedAt, a.decidedBy, officer.officer);
    const tasks = postResponseTasks(resp.plan, endedAt, this.taskFacts(inc, []));
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at: this.stamp(),
      kind: 'action',
      text: `应急响应终止（宣布：${a.decidedBy}，${terminationAuthority(resp.plan).citation}）${grantedText()}；善后任务${tasks.length}项${a.note ? `；${a.note}` : ''}`,
      data: { response: 'end', endedAt, decidedBy: a.decidedBy, ...grantedData() },
      officer: officer.officer,
    });
  }

  private async endedResponse(q: Queryable, incidentId: number): Promise<repo.ResponseRow & { endedAt: string }> {
    const resp = await repo.findResponse(q, incidentId);
    if (!resp?.endedAt) throw new DomainError('conflict', '应急响应尚未终止，善后任务在终止后生成');
    return { ...resp, endedAt: resp.endedAt };
  }

  /** A deadline a leader sets for a post-response task (the plans set none; see shared/response/post-response.ts). */
  async taskDeadline(q: Queryable, a: ChannelArgs<'response:task-deadline'>): Promise<void> {
    const inc = await this.ctx.incidents.get(q, a.incidentId);
    const resp = await this.endedResponse(q, a.incidentId);
    const tasks = await repo.listTasks(q, a.incidentId);
    const list = refuse(() =>
      postResponseTasks(resp.plan, resp.endedAt, this.taskFacts(inc, tasks, { taskId: a.taskId, dueAt: iso(a.dueAt) })),
    );
    const task = list.find((t) => t.id === a.taskId);
    if (!task) throw new DomainError('not_found', `该事件没有善后任务「${a.taskId}」`);
    const officer = await officerOf(q);
    await repo.setTaskDeadline(q, a.incidentId, a.taskId, iso(a.dueAt), a.givenBy, officer.officer);
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at: this.stamp(),
      kind: 'action',
      text: `善后任务「${task.title}」时限定为${beijing(a.dueAt)}（${a.givenBy}批示）`,
      data: { response: 'taskDeadline', taskId: a.taskId, dueAt: iso(a.dueAt), givenBy: a.givenBy },
      officer: officer.officer,
    });
  }

  async taskDone(q: Queryable, a: ChannelArgs<'response:task-done'>): Promise<void> {
    const inc = await this.ctx.incidents.get(q, a.incidentId);
    const at = a.at ? iso(a.at) : this.stamp();
    notInFuture(at, this.ctx.now(), '完成时间');
    const resp = await this.endedResponse(q, a.incidentId);
    const tasks = await repo.listTasks(q, a.incidentId);
    const task = postResponseTasks(resp.plan, resp.endedAt, this.taskFacts(inc, tasks)).find((t) => t.id === a.taskId);
    if (!task) throw new DomainError('not_found', `该事件没有善后任务「${a.taskId}」`);
    if (tasks.find((t) => t.taskId === a.taskId)?.doneAt)
      throw new DomainError('conflict', `善后任务「${task.title}」已完成`);
    const officer = await officerOf(q);
    await repo.setTaskDone(q, a.incidentId, a.taskId, at, officer.officer, a.note);
    await insertTimeline(q, {
      incidentId: a.incidentId,
      at: this.stamp(),
      kind: 'action',
      text: `善后任务「${task.title}」（${task.clause}）完成${a.note ? `：${a.note}` : ''}`,
      data: { response: 'taskDone', taskId: a.taskId, at },
      officer: officer.officer,
    });
  }
}

/** No response row: a stale id from an old page is a missing incident, not a response never started. */
async function notStarted(q: Queryable, incidentId: number): Promise<DomainError> {
  if (!(await findIncident(q, incidentId))) return new DomainError('not_found', `事件 ${incidentId} 不存在`);
  return new DomainError('conflict', '该事件尚未启动应急响应');
}
