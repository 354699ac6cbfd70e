/** What the response and warning services share: the officer on duty, refusals from pure rules, times. */
import { DomainError } from '../../../shared/ipc/result';
import { checklistPlanOf, type ChecklistPlanId } from '../../../shared/plans';
import { chineseDateTime } from '../../../shared/time';
import { grantingLeader } from '../../db/account-context';

export { NO_DUTY_MESSAGE, officerOf, refuse } from '../officer';

/** The response plan of an incident category; only plans A, B, C have response rules here. */
export function planOfCategory(category: string): ChecklistPlanId | null {
  return checklistPlanOf(category);
}

/** A recorded time may be back-dated, but not later than now (five minutes' grace for clock drift). */
export function notInFuture(at: string, now: Date, label: string): void {
  if (Date.parse(at) > now.getTime() + 5 * 60_000) throw new DomainError('invalid_input', `${label}不能晚于当前时间`);
}

/** Stores every instant in one form (UTC ISO) so times sort and compare as text. */
export const iso = (at: string): string => new Date(at).toISOString();

/** 2026年12月15日 18:00 in Beijing time, for timeline texts (the duty log prints them as they are). */
export const beijing = (at: string): string => chineseDateTime(Date.parse(at));

/**
 * The leader whose password granted this act, for its timeline text (issue 18; the record chain
 * seals that entry): "；带班领导 李堃 确认", or nothing for an in-process call. The name is the
 * verified account's, from the seat's grant, never from the page.
 */
export function grantedText(): string {
  const g = grantingLeader();
  return g ? `；带班领导 ${g.name} 确认` : '';
}

/** The granting leader's account id for an entry's data, when there is one. */
export function grantedData(): { leaderId: number } | Record<string, never> {
  const g = grantingLeader();
  return g ? { leaderId: g.id } : {};
}
