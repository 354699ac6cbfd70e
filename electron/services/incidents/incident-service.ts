/**
 * Registering incidents, their lifecycle, notes and reporting clocks. Plain Node: no Electron.
 * Every method runs inside the unit of work its caller opened and is handed (`q`): the handlers
 * (incident-handlers.ts) own db.write/db.read, so a response and the status it changes, or a
 * registration and its 接报 entry, commit together or not at all.
 */
import { STATUS_TRANSITIONS } from '../../../shared/domain/incident';
import type { ClockRecord, Incident, Officer } from '../../../shared/domain/incident';
import type { IncidentClock, IncidentDetail, IncidentSummary } from '../../../shared/domain/incident-view';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import { TOTAL_CAP, type IncidentPage, type OpenClock } from '../../../shared/ipc/channels/incidents';
import { DomainError } from '../../../shared/ipc/result';
import { CHANNEL_CODE, deriveIncident } from '../../../shared/incidents/derive';
import type { DeriveContext } from '../../../shared/incidents/derive';
import { channelMeets, DEFAULT_PENDING_LEVEL_MINUTES, levelChangeText } from '../../../shared/incidents/obligations';
import { chineseDateTime, shanghaiDateTime } from '../../../shared/time';
import { factsSchema, factText } from '../../../shared/rules';
import { factsProblem, type IncidentFilter } from '../../../shared/ipc/schemas';
import { planOf } from '../../../shared/plans';
import type { IncidentScope, Queryable } from '../../db/connection';
import * as repo from '../../db/incident-repository';
import * as obligationRepo from '../../db/obligation-repository';
import * as derivedRepo from '../../db/derived-repository';
import type { StoredDerivation } from '../../db/derived-repository';
import { derivationBasis } from './derived';
import { hasRunningResponse } from '../../db/response-repository';
import { officerOf, refuse } from '../officer';
import { currentActor } from '../../db/account-context';
import { STALE_EDIT_MESSAGE } from '../../../shared/ipc/channels/seats';

export class IncidentService {
  constructor(
    private readonly now: () => Date = () => new Date(),
    /** Duty-room setting: minutes before the 待初步判定 reminder (issue 12 "Unknown level"). */
    private readonly pendingLevelMinutes: () => number = () => DEFAULT_PENDING_LEVEL_MINUTES,
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Validates facts against the plan's schema: the trust boundary for the free-form facts object. */
  private checkFacts(category: string, facts: Record<string, unknown>): Record<string, unknown> {
    // Bounded for every category, also those without a fact schema (fire, other).
    const problem = factsProblem(facts);
    if (problem)
      throw new DomainError('invalid_input', `事件要素有误：事件要素${problem}`, [
        { path: 'facts', message: `事件要素${problem}` },
      ]);
    // Every plan of the gazette has a fact schema; other categories keep their facts as sent.
    const plan = planOf(category);
    if (!plan) return facts;
    const parsed = factsSchema(plan).safeParse(facts);
    // the plan's facts type is an object of optional fields
    if (parsed.success) return parsed.data as Record<string, unknown>;
    // The schema's messages name each fact by its label; the internal keys stay out of the text.
    const messages = parsed.error.issues.map((i) => i.message);
    throw new DomainError(
      'invalid_input',
      `事件要素有误：${messages.join('；')}`,
      parsed.error.issues.map((i) => ({ path: ['facts', ...i.path].join('.'), message: i.message })),
    );
  }

  async getDuty(q: Queryable): Promise<Officer | null> {
    return (await repo.currentDutySession(q)) ?? null;
  }

  async setDuty(q: Queryable, o: Officer): Promise<Officer> {
    await repo.insertDutySession(q, o.leader, o.officer, this.stamp());
    return o;
  }

  async create(q: Queryable, input: ChannelArgs<'incidents:create'>): Promise<IncidentDetail> {
    const facts = this.checkFacts(input.category, input.facts);
    const at = this.stamp();
    const receivedAt = input.receivedAt ?? at;
    if (Date.parse(receivedAt) > Date.parse(at) + 5 * 60_000) {
      throw new DomainError('invalid_input', '接报时间不能晚于当前时间', [
        { path: 'receivedAt', message: '接报时间不能晚于当前时间' },
      ]);
    }
    if (Date.parse(receivedAt) < Date.parse(input.occurredAt)) {
      throw new DomainError('invalid_input', '接报时间不能早于发生时间', [
        { path: 'receivedAt', message: '接报时间不能早于发生时间' },
      ]);
    }
    const fields = {
      category: input.category,
      title: input.title,
      places: input.places,
      occurredAt: input.occurredAt,
      discoveredAt: input.discoveredAt ?? null,
      receivedAt,
      reporterUnit: input.reporterUnit,
      reporterName: input.reporterName,
      reporterPhone: input.reporterPhone,
      receiveChannel: input.receiveChannel,
      narrative: input.narrative,
      facts,
      levelOverride: input.levelOverride,
      responseOverride: input.responseOverride,
      status: '接报' as const,
      drill: input.drill,
      createdAt: at,
      updatedAt: at,
    };
    // Registration, its 接报 entry and its obligations are one unit of work: the caller
    // acknowledges it only once its COMMIT succeeded.
    const inc = await repo.registerIncident(q, fields, officerOf(q), async (registered) => {
      const incident: Incident = { ...fields, ...registered, version: 1 };
      const derived = deriveIncident(incident, [], null);
      // What is owed is stored when it arises (43号 5.1.1(6)): registration's obligations go in with
      // the registration itself, not at the incident's first later write.
      await obligationRepo.storeObligations(q, registered.id, derived.clocks, at);
      return { incident, derived };
    });
    if (!inc.alongside) throw new Error('登记事件未完成');
    const { incident, derived } = inc.alongside;
    // The detail is what the unit wrote: a new incident's timeline is its 接报 entry alone.
    const timeline = [inc.entry];
    return {
      ...incident,
      grading: derived.grading,
      clocks: derived.clocks,
      orphanClockRecords: [],
      timeline,
      lastActivityAt: at,
    };
  }

  /** The incident as the caller's unit of work sees it, its own uncommitted writes included. */
  async get(q: Queryable, id: number): Promise<IncidentDetail> {
    const inc = await repo.findIncident(q, id);
    if (!inc) throw new DomainError('not_found', `事件 ${id} 不存在`);
    const timeline = await repo.listTimeline(q, id);
    const records = (await repo.listClockRecords(q, id)).get(id) ?? [];
    const context = await reportingContext(q, id, responseEndedAt(timeline), this.pendingLevelMinutes());
    const derived = deriveIncident(inc, records, context);
    return {
      ...inc,
      grading: derived.grading,
      clocks: derived.clocks,
      orphanClockRecords: derived.orphanClockRecords,
      timeline,
      lastActivityAt: timeline.at(-1)?.at ?? inc.updatedAt,
    };
  }

  /** Every incident matching the filter, newest first (for the services; the channel pages). */
  async list(q: Queryable, filter: Partial<IncidentFilter> = {}): Promise<IncidentSummary[]> {
    const summaries = await this.summaries(q, { filter });
    return byLevel(summaries, filter.levels);
  }

  /**
   * One page of the filtered incidents, newest first, continuing after `cursor` (the last one's
   * 接报 time and id). Only the page is derived; without a level filter the total is counted in
   * SQL up to TOTAL_CAP. A level is derived, so with one the candidates are derived a chunk at a
   * time until the page is full and the total reaches TOTAL_CAP (or the candidates end).
   */
  async page(q: Queryable, args: ChannelArgs<'incidents:list'>): Promise<IncidentPage> {
    const page = await this.pageOf(q, args);
    if (args.clocks === 'all') return page;
    // The board and the search show what is still owed: a closed clock's record stays on the
    // incident itself (incidents:get), and most of a long-running incident's clocks are closed.
    return { ...page, items: page.items.map((i) => ({ ...i, clocks: i.clocks.filter((c) => !c.record) })) };
  }

  private async pageOf(q: Queryable, args: ChannelArgs<'incidents:list'>): Promise<IncidentPage> {
    const after = (cursor: string | undefined): repo.IncidentSelection['after'] => {
      if (!cursor) return undefined;
      const bar = cursor.lastIndexOf('|');
      return { receivedAt: cursor.slice(0, bar), id: Number(cursor.slice(bar + 1)) };
    };
    const cursorOf = (i: IncidentSummary) => `${i.receivedAt}|${i.id}`;
    if (!args.levels?.length) {
      // One more than the page is read to know whether another page follows.
      const rows = await this.summaries(q, { filter: args, after: after(args.cursor) }, args.limit + 1, true);
      // A first page that is not full holds every match (the board's open incidents): no count needed.
      const n =
        !args.cursor && rows.length <= args.limit
          ? rows.length
          : await repo.countSelected(q, { filter: args }, TOTAL_CAP);
      const items = rows.slice(0, args.limit);
      const last = items.at(-1);
      return {
        items,
        total: Math.min(n, TOTAL_CAP),
        totalCapped: n > TOTAL_CAP,
        nextCursor: rows.length > args.limit && last ? cursorOf(last) : null,
      };
    }
    // With a level filter: the matches before the cursor count towards the total too.
    const items: IncidentSummary[] = [];
    let matched = 0;
    let more = false;
    let passedCursor = !args.cursor;
    let position = after(undefined);
    for (;;) {
      const read = await this.summaries(q, { filter: args, after: position }, 500);
      const wanted = new Set(byLevel(read, args.levels));
      for (const i of read) {
        if (wanted.has(i)) {
          matched++;
          if (passedCursor && items.length < args.limit) items.push(i);
          else if (passedCursor) more = true;
        }
        // The cursor's own incident ended the page before: the page starts after it.
        if (!passedCursor && cursorOf(i) === args.cursor) passedCursor = true;
      }
      const last = read.at(-1);
      if (!last || read.length < 500 || (more && matched > TOTAL_CAP)) break;
      position = after(cursorOf(last));
    }
    const lastItem = items.at(-1);
    return {
      items,
      total: Math.min(matched, TOTAL_CAP),
      totalCapped: matched > TOTAL_CAP,
      nextCursor: more && lastItem ? cursorOf(lastItem) : null,
    };
  }

  /** These incidents (any status), newest first, each derived from its own rows only. */
  summariesOf(q: Queryable, ids: readonly number[]): Promise<IncidentSummary[]> {
    return this.summaries(q, { ids });
  }

  /**
   * The incidents matching `where`, newest first (at most `limit`): each one's stored derivation
   * where it is current (incidents/derived.ts), otherwise derived from its own rows only.
   */
  private async summaries(
    q: Queryable,
    selection: repo.IncidentSelection,
    limit?: number,
    /** A page as shown or the open clocks: stored derivations shared between reads (derived-repository.ts). */
    shared = false,
  ): Promise<IncidentSummary[]> {
    const incidents = await repo.selectIncidents(q, selection, limit);
    // Only the listed incidents' own rows are read (by index), never whole tables.
    const ids = incidents.map((i) => i.id);
    const activity = await repo.lastActivity(q, ids);
    const stored = await derivedRepo.currentDerivations(q, ids, derivationBasis(this.pendingLevelMinutes()), shared);
    const missing = incidents.filter((i) => !stored.has(i.id));
    const live = await this.deriveFromRows(q, missing);
    if (missing.length > 0) this.onStale();
    return incidents.map((inc): IncidentSummary => {
      const d = stored.get(inc.id) ?? live.get(inc.id);
      if (!d) throw new Error(`事件 ${inc.id} 未能派生`);
      return { ...inc, grading: d.grading, clocks: d.clocks, lastActivityAt: activity.get(inc.id) ?? inc.updatedAt };
    });
  }

  /** Called when a read met incidents without a current stored derivation (the refresher stores them). */
  onStale: () => void = () => undefined;

  /** The rules' derivation of these incidents from their own rows (what the store keeps a copy of). */
  async deriveFromRows(q: Queryable, incidents: readonly Incident[]): Promise<Map<number, StoredDerivation>> {
    if (incidents.length === 0) return new Map();
    const ids = incidents.map((i) => i.id);
    const records = await repo.listClockRecords(q, ids);
    const ended = await repo.listResponseEndTimes(q, ids);
    const contexts = await reportingContexts(q, ended, ids, this.pendingLevelMinutes());
    return new Map(
      incidents.map((inc) => {
        const d = deriveIncident(inc, records.get(inc.id) ?? [], contexts(inc.id));
        return [inc.id, { grading: d.grading, clocks: d.clocks }];
      }),
    );
  }

  /** The basis stored derivations are made on now (incidents/derived.ts). */
  derivationBasis(): string {
    return derivationBasis(this.pendingLevelMinutes());
  }

  /** Edits the incident inside the caller's write; false when the patch changes nothing. */
  async update(q: Queryable, args: ChannelArgs<'incidents:update'>): Promise<boolean> {
    const { id, patch } = args;
    const before = await this.get(q, id);
    // Another seat changed it since this edit began (issue 17): refuse rather than overwrite; inside
    // the write transaction, so no change can slip in between this check and the UPDATE.
    if (args.version !== undefined && before.version !== args.version) {
      throw new DomainError('conflict', STALE_EDIT_MESSAGE);
    }
    if (before.status === '已归档') throw new DomainError('conflict', '已归档的事件不能修改');
    // Only what was sent: a field absent from the patch stays exactly as recorded.
    const { reason: _reason, facts: factsPatch, effectiveAt: effectiveSent, ...sent } = patch;
    const merged: Partial<Incident> = Object.fromEntries(
      // The patch arrived over IPC, so a key may be present with an undefined value.
      Object.entries(sent).filter(([, v]: [string, unknown]) => v !== undefined),
    );
    if (factsPatch) {
      // Facts merge key by key; a fact sent as null is one the officer cleared.
      const cleared = new Set(
        Object.entries(factsPatch)
          .filter(([, value]: [string, unknown]) => value === null || value === undefined)
          .map(([key]) => key),
      );
      const facts: Record<string, unknown> = Object.fromEntries(
        Object.entries({ ...before.facts, ...factsPatch }).filter(([key]) => !cleared.has(key)),
      );
      merged.facts = this.checkFacts(before.category, facts);
    }
    const occurredAt = patch.occurredAt ?? before.occurredAt;
    const receivedAt = patch.receivedAt ?? before.receivedAt;
    const discoveredAt = patch.discoveredAt === undefined ? before.discoveredAt : patch.discoveredAt;
    if (
      Date.parse(receivedAt) < Date.parse(occurredAt) ||
      (discoveredAt && Date.parse(discoveredAt) < Date.parse(occurredAt))
    ) {
      throw new DomainError('invalid_input', '时间顺序有误：发现时间、接报时间不能早于发生时间');
    }
    // When the new level or facts became known (43号 5.1.1(6)): the new level's windows count from it.
    const nowMs = this.now().getTime();
    const effectiveMs = effectiveSent === undefined ? nowMs : Date.parse(effectiveSent);
    if (effectiveMs < Date.parse(receivedAt)) {
      throw new DomainError('invalid_input', '生效时间不能早于接报时间', [
        { path: 'effectiveAt', message: '生效时间不能早于接报时间' },
      ]);
    }
    if (effectiveMs > nowMs) {
      throw new DomainError('invalid_input', '生效时间不能晚于当前时间', [
        { path: 'effectiveAt', message: '生效时间不能晚于当前时间' },
      ]);
    }
    const effectiveAt = new Date(effectiveMs).toISOString();
    const changes = describeChanges(before, merged);
    if (changes.length === 0) return false;
    const officer = await officerOf(q);
    const at = this.stamp();
    // What was owed before the change is stored before anything changes it.
    await storeOwed(q, id, at);
    await repo.updateIncident(q, id, { ...merged, updatedAt: at });
    const after = await repo.findIncident(q, id);
    if (!after) throw new DomainError('not_found', `事件 ${id} 不存在`);
    const levelAfter = deriveIncident(after, []).grading.level;
    const levelChanged = before.grading.level !== levelAfter;
    const history = (await obligationRepo.listLevelChanges(q, id)).get(id) ?? [];
    const last = history.at(-1);
    if (levelChanged && last && effectiveMs < Date.parse(last.effectiveAt)) {
      const msg = `生效时间不能早于上一次级别变更的生效时间（${shanghaiDateTime(Date.parse(last.effectiveAt))}）`;
      throw new DomainError('invalid_input', msg, [{ path: 'effectiveAt', message: msg }]);
    }
    const change = {
      from: before.grading.level,
      to: levelAfter,
      effectiveAt,
      by: officer.officer,
      reason: patch.reason ?? '',
    };
    if (levelChanged)
      await obligationRepo.insertLevelChange(q, {
        incidentId: id,
        ...change,
        recordedAt: at,
        officer: officer.officer,
      });
    const derivedAfter = await storeOwed(q, id, at);
    const clockChange = describeClockChange(before.clocks, derivedAfter.clocks);
    await repo.insertTimeline(q, {
      incidentId: id,
      at,
      kind: levelChanged ? 'level' : 'update',
      text: [
        `修改：${changes.join('；')}`,
        levelChanged ? levelChangeText(change) : '',
        clockChange,
        patch.reason ? `原因：${patch.reason}` : '',
      ]
        .filter(Boolean)
        .join('。'),
      data: { patch: merged, ...(levelChanged ? { levelChange: change } : {}) },
      officer: officer.officer,
    });
    return true;
  }

  /**
   * Changes the lifecycle status. While a response under a plan is running, only the response's own
   * end (after every termination condition is confirmed) may set 已终止: `endsResponse` marks that call.
   * Returns the change's time (the end of a response anchors clocks on it).
   */
  async setStatus(
    q: Queryable,
    args: Omit<ChannelArgs<'incidents:set-status'>, 'confirmUnsent'> & { confirmUnsent?: boolean },
    opts: { endsResponse?: boolean } = {},
  ): Promise<string> {
    const inc = await repo.findIncident(q, args.id);
    if (!inc) throw new DomainError('not_found', `事件 ${args.id} 不存在`);
    if (inc.status === args.status) throw new DomainError('conflict', `事件已是「${args.status}」状态`);
    if (!STATUS_TRANSITIONS[inc.status].includes(args.status)) {
      throw new DomainError('conflict', `状态不能从「${inc.status}」改为「${args.status}」`);
    }
    if (args.status === '已终止' && !opts.endsResponse) {
      if (await hasRunningResponse(q, args.id)) {
        throw new DomainError('conflict', '该事件的应急响应尚未终止：请在「应急响应」中逐项确认终止条件后宣布终止。');
      }
    }
    // Closing never hides a running clock silently: unsent reports are named and must be confirmed.
    const unsent = args.status === '已终止' || args.status === '已归档' ? await unsentClocksIn(q, inc) : [];
    if (unsent.length > 0 && !args.confirmUnsent)
      throw new DomainError('conflict', unsentMessage(`改为「${args.status}」`, unsent));
    const officer = await officerOf(q);
    const at = this.stamp();
    await repo.updateIncident(q, args.id, { status: args.status, updatedAt: at });
    await repo.insertTimeline(q, {
      incidentId: args.id,
      at,
      kind: 'status',
      text: `状态 ${inc.status} → ${args.status}${args.note ? `：${args.note}` : ''}${
        unsent.length ? `（经确认，仍有未报送的报告：${unsent.map((c) => c.title).join('、')}）` : ''
      }`,
      data: {
        from: inc.status,
        to: args.status,
        ...(unsent.length ? { unsentConfirmed: unsent.map((c) => c.clockId) } : {}),
      },
      officer: officer.officer,
    });
    // Ending a response can make post-response reports owed (42号 4.1.2, 5.3(2)): stored as they arise.
    await storeOwed(q, args.id, at);
    return at;
  }

  async addNote(q: Queryable, args: ChannelArgs<'incidents:add-note'>): Promise<void> {
    const inc = await repo.findIncident(q, args.id);
    if (!inc) throw new DomainError('not_found', `事件 ${args.id} 不存在`);
    const officer = await officerOf(q);
    const isInstruction = args.kind === '领导批示';
    await repo.insertTimeline(q, {
      incidentId: args.id,
      at: this.stamp(),
      kind: isInstruction ? 'instruction' : 'note',
      text: isInstruction ? `${args.givenBy}批示：${args.text}` : `${args.kind}：${args.text}`,
      data: { noteKind: args.kind, givenBy: args.givenBy || undefined },
      officer: officer.officer,
    });
  }

  async voidEntry(q: Queryable, args: ChannelArgs<'incidents:void-entry'>): Promise<void> {
    const entry = await repo.findTimelineEntry(q, args.entryId);
    if (!entry || entry.incidentId !== args.incidentId) throw new DomainError('not_found', '该记录不存在');
    if (entry.voided) throw new DomainError('conflict', '该记录已作废');
    if (entry.kind === 'created' || entry.kind === 'void') throw new DomainError('conflict', '该类记录不能作废');
    const officer = await officerOf(q);
    const at = this.stamp();
    // Voiding appends this entry and changes nothing in place (issue 18); readers join it.
    await repo.insertTimeline(q, {
      incidentId: args.incidentId,
      at,
      kind: 'void',
      text: `作废记录「${entry.text.slice(0, 40)}」，原因：${args.reason}`,
      data: { entryId: entry.id, reason: args.reason },
      officer: officer.officer,
    });
  }

  /**
   * Per-incident reporting settings (issue 12): the leader's 续报 interval (42号 4.1.2 随时, 40号 4.1
   * 按要求增加报送频次), 发生时间 不详（以发现时间计）, and when handling ended (42号 4.1.2 终结报告).
   */
  async setReporting(q: Queryable, args: ChannelArgs<'incidents:set-reporting'>): Promise<void> {
    const before = await this.get(q, args.id);
    if (before.status === '已归档') throw new DomainError('conflict', '已归档的事件不能修改');
    const nowMs = this.now().getTime();
    if (args.occurredUnknown && !before.discoveredAt) {
      throw new DomainError('invalid_input', '发生时间不详时须先填写发现时间（时限以发现时间计）', [
        { path: 'occurredUnknown', message: '请先填写发现时间' },
      ]);
    }
    if (args.handlingEndedAt) {
      const end = Date.parse(args.handlingEndedAt);
      const problem =
        end < Date.parse(before.receivedAt)
          ? '事故处理完毕时间不能早于接报时间'
          : end > nowMs
            ? '事故处理完毕时间不能晚于当前时间'
            : '';
      if (problem) throw new DomainError('invalid_input', problem, [{ path: 'handlingEndedAt', message: problem }]);
    }
    const officer = await officerOf(q);
    const at = this.stamp();
    await storeOwed(q, args.id, at);
    if (args.followUpMinutes !== undefined) {
      // The running cycle ends with the setting it belonged to; a new interval starts afresh.
      const reason =
        args.followUpMinutes === null ? '带班领导取消续报提醒' : `续报提醒间隔改为${args.followUpMinutes}分钟`;
      for (const c of before.clocks) {
        if (c.clockId !== 'room.follow-up' || c.record || !c.obligationKey) continue;
        await repo.insertClockRecord(q, args.id, {
          clockId: c.obligationKey,
          completedAt: null,
          channel: null,
          recipientUnit: null,
          recipientName: null,
          notApplicableReason: reason,
          officer: officer.officer,
          recordedAt: at,
        });
      }
    }
    const followUp =
      args.followUpMinutes === undefined
        ? undefined
        : args.followUpMinutes === null
          ? null
          : // The leader whose password granted this act (issue 18), else the seat's leader on duty.
            { minutes: args.followUpMinutes, setAt: at, setBy: currentActor()?.grantedBy?.name ?? officer.leader };
    const handlingEndedAt =
      args.handlingEndedAt === undefined
        ? undefined
        : args.handlingEndedAt === null
          ? null
          : new Date(Date.parse(args.handlingEndedAt)).toISOString();
    await obligationRepo.saveReporting(q, args.id, {
      occurredUnknown: args.occurredUnknown,
      followUp,
      handlingEndedAt,
    });
    await storeOwed(q, args.id, at);
    const parts = [
      followUp === undefined
        ? ''
        : followUp
          ? `续报提醒：每${followUp.minutes}分钟（带班领导 ${followUp.setBy} 设定）`
          : '取消续报提醒',
      args.occurredUnknown === undefined
        ? ''
        : args.occurredUnknown
          ? '发生时间记为不详（以发现时间计）'
          : '发生时间按登记时间计',
      handlingEndedAt === undefined
        ? ''
        : handlingEndedAt
          ? `事故处理完毕：${shanghaiDateTime(Date.parse(handlingEndedAt))}（终结报告即时上报）`
          : '撤销事故处理完毕时间',
    ].filter(Boolean);
    await repo.insertTimeline(q, {
      incidentId: args.id,
      at,
      kind: 'update',
      text: `报告要求：${parts.join('；') || '未改动'}`,
      data: {
        reporting: {
          followUpMinutes: args.followUpMinutes,
          occurredUnknown: args.occurredUnknown,
          handlingEndedAt: args.handlingEndedAt,
        },
      },
      officer: officer.officer,
    });
  }

  private async recordClock(
    q: Queryable,
    incidentId: number,
    clockId: string,
    /** How it was reported; null when it is marked not applicable. */
    channel: ClockRecord['channel'],
    make: (officer: string, at: string) => ClockRecord,
    text: (c: IncidentClock) => string,
  ): Promise<void> {
    const detail = await this.get(q, incidentId);
    // By obligation key (the level it serves), or by clock id: the open one first.
    const clock =
      detail.clocks.find((c) => c.obligationKey === clockId) ??
      detail.clocks.find((c) => c.clockId === clockId && !c.record) ??
      detail.clocks.find((c) => c.clockId === clockId);
    if (!clock) throw new DomainError('not_found', `该事件没有时限「${clockId}」`);
    if (clock.record) throw new DomainError('conflict', `时限「${clock.title}」已有记录`);
    // A report that cannot discharge the clock (a call against a written report, 42号 4.1.1(1)) would
    // take its only record and leave the report owed with no way to record it.
    if (channel && !channelMeets(clock.channel, CHANNEL_CODE[channel])) {
      throw new DomainError(
        'invalid_input',
        `时限「${clock.title}」须书面报告（传真、书面或系统报送），电话报告不能完成此项；电话情况请记入事件记录`,
      );
    }
    const officer = await officerOf(q);
    const at = this.stamp();
    await storeOwed(q, incidentId, at);
    const rec = { ...make(officer.officer, at), clockId: clock.obligationKey ?? clockId };
    await repo.insertClockRecord(q, incidentId, rec);
    await repo.insertTimeline(q, {
      incidentId,
      at,
      kind: 'clock',
      text: text(clock),
      data: { ...rec },
      officer: officer.officer,
    });
    await storeOwed(q, incidentId, at);
  }

  completeClock(q: Queryable, args: ChannelArgs<'clocks:complete'>): Promise<void> {
    if (Date.parse(args.completedAt) > this.now().getTime() + 5 * 60_000) {
      return Promise.reject(new DomainError('invalid_input', '报送时间不能晚于当前时间'));
    }
    return this.recordClock(
      q,
      args.incidentId,
      args.clockId,
      args.channel,
      (officer, at) => ({
        clockId: args.clockId,
        completedAt: args.completedAt,
        channel: args.channel,
        recipientUnit: args.recipientUnit,
        recipientName: args.recipientName,
        notApplicableReason: null,
        officer,
        recordedAt: at,
      }),
      (c) => {
        const late = Date.parse(args.completedAt) > Date.parse(c.dueAt);
        return `完成时限「${c.title}」：${args.channel}报送${args.recipientUnit}（${args.recipientName}）${late ? '，已超时（迟报）' : '，按时'}`;
      },
    );
  }

  markNotApplicable(q: Queryable, args: ChannelArgs<'clocks:not-applicable'>): Promise<void> {
    return this.recordClock(
      q,
      args.incidentId,
      args.clockId,
      null,
      (officer, at) => ({
        clockId: args.clockId,
        completedAt: null,
        channel: null,
        recipientUnit: null,
        recipientName: null,
        notApplicableReason: args.reason,
        officer,
        recordedAt: at,
      }),
      (c) => `时限「${c.title}」标记为不适用，原因：${args.reason}`,
    );
  }

  /**
   * Every open clock of every incident that has one, whatever its status, with the incident it
   * belongs to. The alarm engine and the top strip both read this, so no alarm fires for a clock
   * that is shown nowhere, and the board's filter never hides a running clock.
   */
  async openClocks(q: Queryable, ids?: readonly number[]): Promise<OpenClock[]> {
    // Only the incidents that can still owe a report are derived, not the whole history (of
    // `ids` alone when given: the alarms re-read only the incidents that changed).
    const list = await this.summaries(q, ids ? { ids, mayOwe: true } : { mayOwe: true }, undefined, true);
    return list.flatMap((i) =>
      i.clocks
        .filter((c) => !c.record)
        .map((c) => ({
          ...c,
          incidentSerial: i.serial,
          incidentTitle: i.title,
          incidentStatus: i.status,
          drill: i.drill,
        })),
    );
  }

  /**
   * Refuses, naming them, while the incident has reports not yet sent, unless the caller confirmed
   * them explicitly (the response's end asks this before changing anything).
   */
  async assertNoUnsent(q: Queryable, id: number, action: string, confirmUnsent: boolean): Promise<void> {
    if (confirmUnsent) return;
    const inc = await repo.findIncident(q, id);
    if (!inc) throw new DomainError('not_found', `事件 ${id} 不存在`);
    const unsent = await unsentClocksIn(q, inc);
    if (unsent.length > 0) throw new DomainError('conflict', unsentMessage(action, unsent));
  }
}

function byLevel(list: IncidentSummary[], levels: readonly string[] | undefined): IncidentSummary[] {
  if (!levels?.length) return list;
  const wanted = new Set<string>(levels);
  return list.filter((s) => wanted.has(s.grading.level ?? '未定级'));
}

/** The incident's clocks with nothing recorded yet: reports still to be sent. */
async function unsentClocksIn(q: Queryable, inc: Incident): Promise<IncidentClock[]> {
  const timeline = await repo.listTimeline(q, inc.id);
  const records = (await repo.listClockRecords(q, inc.id)).get(inc.id) ?? [];
  return deriveIncident(inc, records, await reportingContext(q, inc.id, responseEndedAt(timeline))).clocks.filter(
    (c) => !c.record,
  );
}

/** The level history, reporting settings and stored obligations the clocks of one incident read. */
async function reportingContext(
  q: Queryable,
  id: number,
  responseEnded: string | null,
  pendingLevelMinutes?: number,
): Promise<DeriveContext> {
  const contexts = await reportingContexts(
    q,
    new Map(responseEnded ? [[id, responseEnded]] : []),
    id,
    pendingLevelMinutes,
  );
  return contexts(id);
}

async function reportingContexts(
  q: Queryable,
  ended: Map<number, string>,
  id?: IncidentScope,
  pendingLevelMinutes?: number,
): Promise<(id: number) => DeriveContext> {
  const history = await obligationRepo.listLevelChanges(q, id);
  const reporting = await obligationRepo.listReporting(q, id);
  const stored = await obligationRepo.listObligations(q, id);
  const tasks = await obligationRepo.listPostResponseDeadlines(q, id);
  return (incidentId) => {
    const r = reporting.get(incidentId);
    return {
      // Omitted where only what is owed matters (stored rows): the shown clocks take the setting.
      ...(pendingLevelMinutes === undefined ? {} : { pendingLevelMinutes }),
      postResponse: tasks.get(incidentId) ?? null,
      responseEndedAt: ended.get(incidentId) ?? null,
      levelHistory: history.get(incidentId) ?? [],
      occurredUnknown: r?.occurredUnknown ?? false,
      followUp: r?.followUp ?? null,
      handlingEndedAt: r?.handlingEndedAt ?? null,
      stored: stored.get(incidentId) ?? [],
    };
  };
}

/**
 * Stores what the incident now owes (inside the caller's write): new obligations as they arise,
 * closures once. A history or edit the obligations engine refuses is refused here, changing nothing.
 */
async function storeOwed(q: Queryable, id: number, at: string): Promise<ReturnType<typeof deriveIncident>> {
  const inc = await repo.findIncident(q, id);
  if (!inc) throw new DomainError('not_found', `事件 ${id} 不存在`);
  const timeline = await repo.listTimeline(q, id);
  const records = (await repo.listClockRecords(q, id)).get(id) ?? [];
  const context = await reportingContext(q, id, responseEndedAt(timeline));
  const derived = refuse(() => deriveIncident(inc, records, context));
  await obligationRepo.storeObligations(q, id, derived.clocks, at);
  return derived;
}

/** Names every unsent report with its deadline, so the officer sees what closing would leave behind. */
function unsentMessage(action: string, unsent: IncidentClock[]): string {
  const names = unsent
    .map((c) => `「${c.title}」（报${c.to}，截止 ${shanghaiDateTime(Date.parse(c.dueAt))}）`)
    .join('、');
  return `该事件还有 ${unsent.length} 项报告未报送：${names}。请先报送或标记不适用；确需${action}，请在确认提示中确认这些未报送的报告。`;
}

/** The time the response was ended (the last change into 已终止), anchor of post-response deadlines. */
function responseEndedAt(
  timeline: { kind: string; at: string; data: Record<string, unknown> | null; voided: unknown }[],
): string | null {
  const ends = timeline.filter((e) => e.kind === 'status' && !e.voided && e.data?.to === '已终止');
  return ends.at(-1)?.at ?? null;
}

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  places: '地点',
  occurredAt: '发生时间',
  discoveredAt: '发现时间',
  receivedAt: '接报时间',
  reporterUnit: '报告单位',
  reporterName: '报告人',
  reporterPhone: '联系电话',
  receiveChannel: '接报方式',
  narrative: '事件情况',
  facts: '事件要素',
  levelOverride: '人工定级',
  responseOverride: '人工响应级别',
  drill: '演练标记',
};

/** A field's value as the timeline shows it: times in Beijing time, places as a list, never JSON. */
function shownValue(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (key.endsWith('At') && typeof v === 'string') return chineseDateTime(Date.parse(v));
  if (Array.isArray(v)) return v.length ? v.join('、') : '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** Each changed fact by its label (中毒或重伤人数 12 → 60), not the facts object as a whole. */
function describeFactChanges(
  category: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const plan = planOf(category);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => {
      const from = factText(plan, k, before[k]);
      return `${from.label} ${from.value} → ${factText(plan, k, after[k]).value}`;
    });
}

function describeChanges(before: Incident, patch: Partial<Incident>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries<unknown>(patch)) {
    if (value === undefined || !(key in FIELD_LABELS)) continue;
    // key is one of FIELD_LABELS, all fields of Incident, read generically to compare
    const old = (before as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    if (key === 'facts') {
      // facts is Incident['facts'] on both sides: an object of the plan's facts
      out.push(...describeFactChanges(before.category, before.facts, value as Record<string, unknown>));
      continue;
    }
    out.push(
      key === 'narrative'
        ? `${FIELD_LABELS[key]}已更新`
        : `${FIELD_LABELS[key]} ${shownValue(key, old)} → ${shownValue(key, value)}`,
    );
  }
  return out;
}

function describeClockChange(before: IncidentClock[], after: IncidentClock[]): string {
  // By obligation: the same report owed under a new level is a new obligation.
  const keyOf = (c: IncidentClock) => c.obligationKey ?? c.clockId;
  const b = new Map(before.map((c) => [keyOf(c), c]));
  const a = new Map(after.map((c) => [keyOf(c), c]));
  const added = after.filter((c) => !b.has(keyOf(c))).map((c) => `${c.title}（${c.levelLabel ?? '未定级'}）`);
  const removed = before.filter((c) => !a.has(keyOf(c)) && !c.record).map((c) => c.title);
  const moved = after
    .filter((c) => {
      const prev = b.get(keyOf(c));
      return prev !== undefined && prev.dueAt !== c.dueAt;
    })
    .map((c) => c.title);
  const adjusted = after
    .filter((c) => {
      const prev = b.get(keyOf(c));
      return c.closure?.kind === 'level_change' && prev !== undefined && !prev.closure;
    })
    .map((c) => c.title);
  const parts = [
    added.length ? `新增时限：${added.join('、')}` : '',
    removed.length ? `不再适用的时限：${removed.join('、')}` : '',
    moved.length ? `时限重新计算：${moved.join('、')}` : '',
    adjusted.length ? `因级别调整关闭的时限：${adjusted.join('、')}` : '',
  ].filter(Boolean);
  return parts.join('；');
}
