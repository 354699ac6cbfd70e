/** What the response and warning services share: the officer on duty, refusals from pure rules, times. */
import type { Officer } from '../../../shared/domain/incident';
import { DomainError } from '../../../shared/ipc/result';
import { PLAN_IDS, type PlanId } from '../../../shared/response';
import type { Queryable } from '../../db/connection';
import { currentDutySession } from '../../db/incident-repository';

export const NO_DUTY_MESSAGE = '请先登记当前值班人员（带班领导、值班员），再进行记录。';

/** The officers on duty inside a write transaction; refuses the write when nobody is registered. */
export async function officerOf(q: Queryable): Promise<Officer> {
  const duty = await currentDutySession(q);
  if (!duty) throw new DomainError('forbidden', NO_DUTY_MESSAGE);
  return duty;
}

/** Turns a plain Error from the pure rules (bad input they name) into a refusal the UI shows. */
export function refuse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_input', (err as Error).message);
  }
}

/** The response plan of an incident category; only plans A, B, C have response rules here. */
export function planOfCategory(category: string): PlanId | null {
  return (PLAN_IDS as readonly string[]).includes(category) ? (category as PlanId) : null;
}

/** A recorded time may be back-dated, but not later than now (five minutes' grace for clock drift). */
export function notInFuture(at: string, now: Date, label: string): void {
  if (Date.parse(at) > now.getTime() + 5 * 60_000) throw new DomainError('invalid_input', `${label}不能晚于当前时间`);
}

/** Stores every instant in one form (UTC ISO) so times sort and compare as text. */
export const iso = (at: string): string => new Date(at).toISOString();

/** 2026年12月15日 18:00 in Beijing time, for timeline texts (the duty log prints them as they are). */
export function beijing(at: string): string {
  const d = new Date(Date.parse(at) + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
