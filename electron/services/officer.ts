/** Who signs a record, and how refusals from pure rules reach the UI: shared by every service. */
import type { Officer } from '../../shared/domain/incident';
import { withLabels } from '../../shared/ipc/labels';
import { DomainError } from '../../shared/ipc/result';
import type { Queryable } from '../db/connection';
import { currentDutySession } from '../db/incident-repository';
import { currentActor } from '../db/account-context';
import { messageOf } from '../../shared/errors';

export const NO_DUTY_MESSAGE = '请先登记当前值班人员（带班领导、值班员），再进行记录。';

/**
 * Who records, inside a write transaction: the seat's logged-in account, else the officers on duty;
 * refuses the write when nobody is registered on duty.
 */
export async function officerOf(q: Queryable): Promise<Officer> {
  const duty = await currentDutySession(q);
  if (!duty) throw new DomainError('forbidden', NO_DUTY_MESSAGE);
  // A call from a seat records the account logged in there (its active user), so the name and the
  // account id stamped beside it (db/account-context.ts) are the same person (issue 18).
  const actor = currentActor();
  if (actor?.officer) return { leader: actor.leader?.name ?? duty.leader, officer: actor.officer.name };
  return duty;
}

/** Turns a plain Error from the pure code (bad input it names) into a refusal the UI shows. */
export function refuse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // The pure code names fields by key; the officer reads their labels.
    throw new DomainError('invalid_input', withLabels(messageOf(err)));
  }
}
