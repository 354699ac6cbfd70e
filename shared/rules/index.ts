/**
 * Rules engine: an incident's facts → its level, response level and every reporting clock of the
 * city's plans (朔政办发〔2021〕40、42、43、44号). Pure functions; every result cites its clause.
 */
import { type Anchors, buildClock } from './clock-builder';
import { COMMS_RESPONSE_CRITERIA, commsClockSpecs } from './comms';
import { matchLevels, matchNotices, matchResponses } from './criteria';
import {
  ENV_IMMEDIATE,
  ENV_LEVEL_CRITERIA,
  ENV_RESPONSE_CRITERIA,
  ENV_SENSITIVE,
  environmentClockSpecs,
} from './environment';
import { parseFacts } from './facts';
import { forestFireClockSpecs } from './forest-fire';
import { assertPlan } from '../plans/plans';
import { assertLevel, highestLevel, highestResponse } from './plans';
import { RAD_LEVEL_CRITERIA, RAD_RESPONSE_CRITERIA, radiationClockSpecs } from './radiation';
import { parseInstant } from './time';
import type {
  Clock,
  DoneChannel,
  ClocksInput,
  CommsFacts,
  EnvironmentFacts,
  Facts,
  GradeResult,
  Level,
  Notice,
  PlanId,
  RadiationFacts,
  ResponseLevel,
} from './types';

export type * from './types';
export { LEVEL_ORDER, RESPONSE_ORDER, levelRank, responseRank } from './plans';
export { FACT_FIELDS, FORM_FACT_FIELDS, factText, factsSchema, parseFacts } from './facts';
export type { FactField, FactFieldType, FactOption } from './facts';
export { ENV_LEVEL_CRITERIA, ENV_RESPONSE_CRITERIA, ENV_SENSITIVE, ENV_IMMEDIATE, envProcedure } from './environment';
export { RAD_LEVEL_CRITERIA, RAD_RESPONSE_CRITERIA } from './radiation';
export { COMMS_RESPONSE_CRITERIA } from './comms';
export { parseInstant, addMonthsCst } from './time';
export { ROOM_CITY_GOV, ROOM_HQ_OFFICE, OWNER_KIND_LABELS } from './owners';
export { COUNTY_GOVERNMENTS } from './radiation';
export { OCCURRED_UNKNOWN_NOTE } from './clock-builder';

const DONE_CHANNELS: readonly DoneChannel[] = ['phone', 'fax', 'written', 'system'];

function isDoneChannel(value: unknown): value is DoneChannel {
  return DONE_CHANNELS.some((c) => c === value);
}

function assertObject(value: unknown, field: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${field} 应为对象`);
}

/** Response level from a known level and facts (附件4 for environment; 4.3 for radiation; 4.3.1/4.4.1 for comms). */
function respond(plan: PlanId, level: Level | null, facts: Facts): Pick<GradeResult, 'response' | 'responseReasons'> {
  const responseReasons =
    plan === 'environment'
      ? matchResponses(ENV_RESPONSE_CRITERIA, facts as EnvironmentFacts, level) // callers pass this plan's facts; comparing plan does not narrow them
      : plan === 'radiation'
        ? matchResponses(RAD_RESPONSE_CRITERIA, facts as RadiationFacts, level) // callers pass this plan's facts; comparing plan does not narrow them
        : plan === 'comms'
          ? matchResponses(COMMS_RESPONSE_CRITERIA, facts as CommsFacts, level) // callers pass this plan's facts; comparing plan does not narrow them
          : [];
  return { response: highestResponse(responseReasons), responseReasons };
}

/**
 * Grades an incident (附件5 and 附件4 of 〔2021〕43号; 附件3 and 4.3 of 〔2021〕42号; 4.3.1/4.4.1 of
 * 〔2021〕40号): the highest level any clause reaches, the response level, and every matched clause.
 */
export function gradeIncident<P extends PlanId>(input: {
  plan: P;
  facts?: Facts<P> | Record<string, unknown>;
}): GradeResult {
  assertObject(input, 'gradeIncident 的参数');
  assertPlan(input.plan);
  const plan = input.plan;
  const facts = parseFacts(plan, input.facts);
  const reasons =
    plan === 'environment'
      ? matchLevels(ENV_LEVEL_CRITERIA, facts as EnvironmentFacts) // facts is Facts<P> of this plan; comparing plan does not narrow P
      : plan === 'radiation'
        ? matchLevels(RAD_LEVEL_CRITERIA, facts as RadiationFacts) // facts is Facts<P> of this plan; comparing plan does not narrow P
        : [];
  const level = highestLevel(reasons);
  return { level, reasons, ...respond(plan, level, facts), notices: noticesOf(plan, level, facts) };
}

function noticesOf(plan: PlanId, level: Level | null, facts: Facts): Notice[] {
  const notices: Notice[] = [];
  if (plan === 'environment') {
    // callers pass this plan's facts; comparing plan does not narrow them
    const f = facts as EnvironmentFacts;
    if (level === null) {
      for (const n of matchNotices(ENV_SENSITIVE, f, null)) {
        notices.push({ clause: n.clause, text: `无法判明等级，按重大或特别重大突发环境事件的报告程序上报：${n.text}` });
      }
    }
    for (const n of matchNotices(ENV_IMMEDIATE, f, level)) {
      notices.push({
        clause: n.clause,
        text: `市人民政府及有关部门应当立即向省人民政府及省人民政府有关部门报告：${n.text}`,
      });
    }
    if (f.crossProvincePossible || f.crossBoundary === 'province') {
      notices.push({
        clause: '5.1.3',
        text: '已经或者可能发生跨省级行政区域突发环境事件的，市生态环境局应立即向市人民政府和省生态环境厅报告',
      });
    }
  }
  return notices;
}

/**
 * Notices for the level in force, which may be the officer's override (issue decision "Overridden
 * level": notices follow the same level as the clocks; 43号 5.1.1(3) applies only while the level
 * is unknown, 5.1.1(5)① only at 重大/特别重大).
 */
export function noticesFor<P extends PlanId>(
  plan: P,
  level: Level | null,
  facts?: Facts<P> | Record<string, unknown>,
): Notice[] {
  assertPlan(plan);
  assertLevel(level);
  return noticesOf(plan, level ?? null, parseFacts(plan, facts));
}

/** Response level for a given (possibly overridden) level: 附件4 (43号), 4.3 (42号), 4.3.1/4.4.1 (40号). */
export function responseFor<P extends PlanId>(plan: P, level: Level | null, facts?: Facts<P>): ResponseLevel | null {
  assertPlan(plan);
  assertLevel(level);
  return respond(plan, level ?? null, parseFacts(plan, facts)).response;
}

function optionalInstant(value: unknown, field: string): number | undefined {
  return value === undefined || value === null ? undefined : parseInstant(value, field);
}

/**
 * Every reporting clock the plan sets running (43号 5.1.1(2)–(6); 42号 4.1.1, 5.1(1), 5.3(2);
 * 40号 4.1; 44号 三、（一）1), each anchored where the plan says and cited to its clause.
 */
export function reportingClocks<P extends PlanId>(input: ClocksInput<P>): Clock[] {
  assertObject(input, 'reportingClocks 的参数');
  assertPlan(input.plan);
  const plan = input.plan;
  const facts = parseFacts(plan, input.facts);
  assertLevel(input.level);
  const level: Level | null = input.level === undefined ? gradeIncident({ plan, facts }).level : input.level;

  const received = parseInstant(input.receivedAt, 'receivedAt（接报时间）');
  // 发生时间 不详（以发现时间计）: the clocks that count from occurrence count from discovery.
  const occurredUnknown = input.occurredUnknown === true;
  let occurred: number;
  let discovered: number;
  if (occurredUnknown) {
    const discoveredRaw: unknown = input.discoveredAt; // null arrives from stored records
    if (discoveredRaw === undefined || discoveredRaw === null)
      throw new Error('发生时间不详时须填写 discoveredAt（发现时间），时限以发现时间计');
    discovered = parseInstant(input.discoveredAt, 'discoveredAt（发现时间）');
    occurred = discovered;
    if (received < discovered)
      throw new Error('receivedAt（接报时间）不能早于 discoveredAt（发现时间）（发生时间不详，以发现时间计）');
  } else {
    occurred = parseInstant(input.occurredAt, 'occurredAt（发生时间）');
    discovered = optionalInstant(input.discoveredAt, 'discoveredAt（发现时间）') ?? occurred;
    if (received < occurred) throw new Error('receivedAt（接报时间）不能早于 occurredAt（发生时间）');
    if (discovered < occurred) throw new Error('discoveredAt（发现时间）不能早于 occurredAt（发生时间）');
  }
  const handlingEnded = optionalInstant(input.handlingEndedAt, 'handlingEndedAt（事故处理完毕时间）');
  if (handlingEnded !== undefined && handlingEnded < occurred)
    throw new Error('handlingEndedAt（事故处理完毕时间）不能早于 occurredAt（发生时间）');
  const places = input.places ?? [];
  if (!Array.isArray(places) || places.some((p) => typeof p !== 'string'))
    throw new Error('places（地点）应为字符串数组');
  const responseEnded = optionalInstant(input.responseEndedAt, 'responseEndedAt（响应终止时间）');
  if (responseEnded !== undefined && responseEnded < occurred)
    throw new Error('responseEndedAt（响应终止时间）不能早于 occurredAt（发生时间）');
  const orderedRaw =
    // facts is Facts<P> of this plan; comparing plan does not narrow P
    input.orderedAt ?? (plan === 'forest_fire' ? (facts as Facts<'forest_fire'>).orderedAt : undefined);
  const ordered = optionalInstant(orderedRaw, 'orderedAt（扑火指令下达时间）');

  const done: Anchors['done'] = {};
  const doneRaw: unknown = input.done; // may arrive unvalidated over IPC
  if (doneRaw !== undefined && doneRaw !== null) {
    assertObject(doneRaw, 'done（已完成的时限）');
    for (const [id, rec] of Object.entries(doneRaw)) {
      assertObject(rec, `done.${id}`);
      const ms = parseInstant(rec.at, `done.${id}.at（完成时间）`);
      const channel: unknown = rec.channel;
      if (channel !== undefined && channel !== null && !isDoneChannel(channel)) {
        throw new Error(
          `done.${id}.channel（报送方式）无效：${typeof channel === 'string' ? channel : JSON.stringify(channel)}，应为 phone、fax、written 或 system`,
        );
      }
      done[id] = { ms, channel: channel ?? undefined };
    }
  }
  const anchors: Anchors = {
    occurred,
    discovered,
    received,
    responseEnded,
    handlingEnded,
    ordered,
    done,
    occurredUnknown,
  };

  const specs =
    plan === 'environment'
      ? environmentClockSpecs(level, facts as EnvironmentFacts, anchors) // facts is Facts<P> of this plan; comparing plan does not narrow P
      : plan === 'radiation'
        ? radiationClockSpecs(level, facts as RadiationFacts, anchors, places) // facts is Facts<P> of this plan; comparing plan does not narrow P
        : plan === 'comms'
          ? commsClockSpecs(level)
          : forestFireClockSpecs();

  const clocks: Clock[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.id)) throw new Error(`时限编号重复：${spec.id}`);
    seen.add(spec.id);
    const c = buildClock(plan, spec, anchors);
    if (c) clocks.push(c);
  }
  return clocks.sort((x, y) => Date.parse(x.dueAt) - Date.parse(y.dueAt));
}
