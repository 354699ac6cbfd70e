/** State of checklist items once created on an incident, and how a level change merges into it. */
import { actionChecklist, allActionItems, type ActionItem } from './actions';
import { assertChecklistPlan, type ChecklistPlanId } from '../plans/plans';
import { assertResponseLevel, assertText, parseTime, type ResponseLevel } from './plans';

/**
 * open: still to do; done: ticked with time, officer and note; notApplicable: an officer judged it
 * does not apply, with a reason; notRequired: the level changed and the item is no longer called for.
 */
export type ItemState = 'open' | 'done' | 'notApplicable' | 'notRequired';
export const ITEM_STATES: readonly ItemState[] = ['open', 'done', 'notApplicable', 'notRequired'];

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  open: '待办',
  done: '已完成',
  notApplicable: '不适用',
  notRequired: '现级别不要求',
};

export interface ChecklistEntry {
  id: string;
  state: ItemState;
}

export interface ChecklistMerge {
  /** Items the new level requires that the incident does not have yet. */
  add: ActionItem[];
  /** Untouched (open) items the new level no longer requires. */
  markNotRequired: string[];
  /** Items set aside by an earlier level change that the new level requires again. */
  reopen: string[];
}

/**
 * Level change (B 4.3 / C 5.3 "可视…发展趋势调整响应级别"): keeps everything done or judged not
 * applicable, adds what the new level requires, and sets aside only untouched items.
 */
function isItemState(value: unknown): value is ItemState {
  return ITEM_STATES.some((s) => s === value);
}

export function mergeChecklist(
  existing: readonly ChecklistEntry[],
  plan: ChecklistPlanId,
  newLevel: ResponseLevel,
): ChecklistMerge {
  assertChecklistPlan(plan);
  assertResponseLevel(plan, newLevel, 'newLevel');
  // The list arrives over IPC, so its shape is checked rather than trusted.
  const rawList: unknown = existing;
  if (!Array.isArray(rawList)) throw new Error('existing 必须是清单条目数组');
  const byId = new Map<string, ItemState>();
  existing.forEach((e, i) => {
    const entry: unknown = e;
    if (
      typeof entry !== 'object' ||
      entry === null ||
      !('id' in entry) ||
      typeof entry.id !== 'string' ||
      entry.id === ''
    )
      throw new Error(`existing[${i}].id 不能为空`);
    const state = 'state' in entry ? entry.state : undefined;
    if (!isItemState(state)) throw new Error(`existing[${i}].state 无效：${String(state)}`);
    byId.set(entry.id, state);
  });
  const wanted = new Set(actionChecklist(plan, newLevel).map((i) => i.id));
  const known = new Set(allActionItems(plan).map((i) => i.id));
  const add = actionChecklist(plan, newLevel).filter((i) => !byId.has(i.id));
  const markNotRequired: string[] = [];
  const reopen: string[] = [];
  for (const [id, state] of byId) {
    // Ids from another catalogue version are left alone: history is never rewritten here.
    if (!known.has(id)) continue;
    if (!wanted.has(id) && state === 'open') markNotRequired.push(id);
    if (wanted.has(id) && state === 'notRequired') reopen.push(id);
  }
  return { add, markNotRequired, reopen };
}

export interface TickInput {
  at: string;
  by: string;
  note?: string;
}

export interface NotApplicableInput {
  at: string;
  by: string;
  reason: string;
}

/** Validates a tick: time and officer are required, the note is optional. */
export function validateTick(input: TickInput): TickInput {
  const raw: unknown = input; // may arrive unvalidated over IPC
  if (!raw || typeof raw !== 'object') throw new Error('勾选记录不能为空');
  parseTime(input.at, 'at');
  assertText(input.by, 'by（经办人）');
  if (input.note !== undefined && typeof input.note !== 'string') throw new Error('note 必须是文字');
  return { at: input.at, by: input.by.trim(), ...(input.note?.trim() ? { note: input.note.trim() } : {}) };
}

/** Validates "not applicable": the reason is required so the record explains itself. */
export function validateNotApplicable(input: NotApplicableInput): NotApplicableInput {
  const raw: unknown = input; // may arrive unvalidated over IPC
  if (!raw || typeof raw !== 'object') throw new Error('不适用记录不能为空');
  parseTime(input.at, 'at');
  assertText(input.by, 'by（经办人）');
  assertText(input.reason, 'reason（不适用理由）');
  return { at: input.at, by: input.by.trim(), reason: input.reason.trim() };
}
