/** Channels of the 响应措施、终止条件与预警 feature. Add a channel: its schema here and its result type below. */
import { z } from 'zod';
import type { IncidentClock } from '../../domain/incident-view';
import type {
  ActionItem,
  ItemState,
  PostResponseTask,
  ResponseLevel,
  ResponseLevelInfo,
  TaskReminder,
  TerminationCondition,
} from '../../response';
import { CHECKLIST_PLAN_IDS, type ChecklistPlanId } from '../../plans';
import { ALL_RESPONSE_LEVELS } from '../../response';
import type { IssuerCheck, IssuerKind, PlanIssuers, WarningLevel } from '../../warnings';
import { ISSUER_KINDS, WARNING_LEVEL_IDS } from '../../warnings';
import { id, instant, longText, required, requiredLong, text } from '../schemas';

const itemId = required('条目编号', 80);
const responseLevel = z.enum(ALL_RESPONSE_LEVELS, { message: '请选择响应级别' });
const warningLevel = z.enum(WARNING_LEVEL_IDS, { message: '请选择预警级别' });
const plan = z.enum(CHECKLIST_PLAN_IDS, { message: '请选择预案' });
const actor = z.object({
  issuerKind: z.enum(ISSUER_KINDS, { message: '请选择发布主体类别' }),
  issuer: required('发布单位', 80),
});

export const responseChannels = {
  'response:get': z.object({ incidentId: id }),
  'response:start': z.object({
    incidentId: id,
    level: responseLevel,
    decidedBy: required('决定人（如指挥长）', 60),
    note: longText('说明', 500).default(''),
  }),
  'response:change-level': z.object({
    incidentId: id,
    level: responseLevel,
    decidedBy: required('决定人（如指挥长）', 60),
    note: longText('说明', 500).default(''),
  }),
  'response:tick': z.object({
    incidentId: id,
    itemId,
    at: instant.optional(),
    note: longText('备注', 500).default(''),
  }),
  'response:not-applicable': z.object({ incidentId: id, itemId, reason: requiredLong('不适用理由', 300) }),
  'response:confirm-condition': z.object({
    incidentId: id,
    conditionId: itemId,
    at: instant.optional(),
    by: required('确认人', 60),
  }),
  'response:end': z.object({
    incidentId: id,
    decidedBy: required('宣布终止的机构或领导', 60),
    note: longText('说明', 500).default(''),
    confirmUnsent: z.boolean({ message: '「确认未报送的报告」应为是或否' }).default(false),
  }),
  'response:task-deadline': z.object({
    incidentId: id,
    taskId: itemId,
    dueAt: instant,
    givenBy: required('批示领导', 40),
  }),
  'response:task-done': z.object({
    incidentId: id,
    taskId: itemId,
    at: instant.optional(),
    note: longText('备注', 500).default(''),
  }),
  'warnings:list': z.object({ activeOnly: z.boolean().default(false) }).default({ activeOnly: false }),
  'warnings:issue': z.object({
    plan,
    level: warningLevel,
    direction: z.enum(['received', 'issued'], { message: '请选择收到或发布' }),
    issuerKind: actor.shape.issuerKind,
    issuer: actor.shape.issuer,
    area: required('预警区域', 120),
    issuedAt: instant,
    document: text('发布文件', 120).default(''),
    content: longText('预警内容', 2000).default(''),
    incidentIds: z.array(id).max(20).default([]),
  }),
  'warnings:lift': z.object({ id, at: instant, by: actor, document: required('解除文件', 120) }),
  'warnings:change': z.object({ id, at: instant, by: actor, level: warningLevel, document: required('调整文件', 120) }),
  'warnings:link': z.object({ id, incidentId: id, unlink: z.boolean().default(false) }),
  'warnings:tick-action': z.object({ id, itemId, at: instant.optional(), note: longText('备注', 500).default('') }),
  'warnings:issuers': z.object({ plan, level: warningLevel, issuerKind: actor.shape.issuerKind }),
} as const;

/** One checklist item on an incident: the rule from shared/response joined with what was recorded. */
export interface ResponseItemView extends ActionItem {
  state: ItemState;
  /** Done: when and by whom, with the note; not applicable: the reason. */
  at: string | null;
  by: string | null;
  note: string;
  reason: string;
  addedAt: string;
  addedAtLevel: ResponseLevel;
  officer: string | null;
}

/**
 * `leader` on a response's or warning's record: the name of the account whose password granted
 * that leader-only act (issue 18), null when not known (recorded before it was kept).
 */
export interface ConditionView extends TerminationCondition {
  confirmed: { at: string; by: string; officer: string; recordedAt: string; leader: string | null } | null;
}

export interface LevelChangeView {
  at: string;
  from: ResponseLevel | null;
  to: ResponseLevel;
  decidedBy: string;
  officer: string;
  leader: string | null;
  note: string;
}

export interface PostResponseTaskView extends PostResponseTask {
  reminder: TaskReminder;
  doneAt: string | null;
  doneBy: string | null;
  doneNote: string;
  givenBy: string | null;
}

export interface ResponseView {
  incidentId: number;
  /** null: the incident's category has no response plan here (only comms, radiation, environment). */
  plan: ChecklistPlanId | null;
  planName: string | null;
  availableLevels: ResponseLevel[];
  levelInfo: ResponseLevelInfo[];
  /** The level the incident's facts grade (before any start). */
  gradedResponse: ResponseLevel | null;
  state: 'none' | 'active' | 'ended';
  level: ResponseLevel | null;
  startedAt: string | null;
  startedBy: string | null;
  startedLeader: string | null;
  endedAt: string | null;
  endedBy: string | null;
  endedLeader: string | null;
  levels: LevelChangeView[];
  items: ResponseItemView[];
  conditions: ConditionView[];
  termination: { authority: string; citation: string; missing: string[] };
  tasks: PostResponseTaskView[];
  /** Post-response reporting clocks kept in shared/rules (B 5.1(1), 5.3(2)), read from the incident. */
  clocks: IncidentClock[];
  /** Reference to those clocks even before the response ends. */
  clocksElsewhere: { clause: string; title: string; citation: string }[];
}

export interface WarningActionView extends ActionItem {
  done: { at: string; by: string; note: string } | null;
}

export interface WarningView {
  id: number;
  plan: ChecklistPlanId;
  planName: string;
  level: WarningLevel;
  colourName: string;
  hex: string;
  textHex: string;
  label: string;
  direction: 'received' | 'issued';
  issuerKind: IssuerKind;
  issuer: string;
  area: string;
  issuedAt: string;
  document: string;
  content: string;
  issuerCheck: IssuerCheck;
  createdAt: string;
  officer: string;
  leader: string | null;
  lifted: {
    at: string;
    by: string;
    issuerKind: IssuerKind;
    document: string;
    officer: string;
    leader: string | null;
  } | null;
  changes: {
    at: string;
    from: WarningLevel;
    to: WarningLevel;
    by: string;
    document: string;
    officer: string;
    leader: string | null;
  }[];
  incidents: { id: number; serial: string; title: string }[];
  actionsPreamble: { text: string; citation: string };
  actions: WarningActionView[];
  liftCondition: { text: string; citation: string };
}

export interface IssuerInfo {
  check: IssuerCheck;
  rules: PlanIssuers;
}

export interface ResponseOutputs {
  'response:get': ResponseView;
  'response:start': ResponseView;
  'response:change-level': ResponseView;
  'response:tick': ResponseView;
  'response:not-applicable': ResponseView;
  'response:confirm-condition': ResponseView;
  'response:end': ResponseView;
  'response:task-deadline': ResponseView;
  'response:task-done': ResponseView;
  'warnings:list': WarningView[];
  'warnings:issue': WarningView;
  'warnings:lift': WarningView;
  'warnings:change': WarningView;
  'warnings:link': WarningView;
  'warnings:tick-action': WarningView;
  'warnings:issuers': IssuerInfo;
}
