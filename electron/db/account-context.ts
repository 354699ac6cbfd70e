/**
 * The accounts a call acts as (issue 18: "every record carries the account, not a typed string").
 * dispatch runs each call from a seat inside `withActor`, with the accounts its session holds (the
 * 值班员 logged in there, the 带班领导 beside them, and the leader whose password granted a
 * leader-only act); the repositories that write a record stamp the account's id beside the name
 * with `accountIdFor`. The ids come from the main process's session, never from a page's payload.
 *
 * Carried by async context, as the seat is (seat-context.ts), so an id reaches a row written deep
 * inside another feature's unit of work. In-process calls (tests, the alarm engine's own timers)
 * act as no account and record null, as rows written before migration 0018 do.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ActingAccount {
  id: number;
  name: string;
}

export interface CallActor {
  /** The seat's active user (its 值班员, or whoever is logged in there). */
  officer: ActingAccount | null;
  /** The 带班领导 logged in at the seat with them. */
  leader: ActingAccount | null;
  /** The leader whose password was given for this one leader-only call. */
  grantedBy: ActingAccount | null;
}

const storage = new AsyncLocalStorage<CallActor>();

const pick = (a: { id: number; name: string } | null | undefined): ActingAccount | null =>
  a ? { id: a.id, name: a.name } : null;

/** The actor of a seat's session (as the gate authorised it). */
export function actorOfSession(
  session: {
    officer?: { id: number; name: string } | null;
    leader?: { id: number; name: string } | null;
    grantedBy?: { id: number; name: string } | null;
  } | null,
): CallActor {
  return { officer: pick(session?.officer), leader: pick(session?.leader), grantedBy: pick(session?.grantedBy) };
}

export function withActor<T>(actor: CallActor, fn: () => T): T {
  return storage.run(actor, fn);
}

export function currentActor(): CallActor | null {
  return storage.getStore() ?? null;
}

/**
 * The leader whose password the gate verified for this one leader-only call (issue 18), or null:
 * an in-process call, or a call that needed no grant. Stamped on the act's own record.
 */
export function grantingLeader(): ActingAccount | null {
  return currentActor()?.grantedBy ?? null;
}

/**
 * The id of the acting account named `name` (the officer, the leader or the granting leader of
 * this call), or null when none of them bears that name: a name that came from elsewhere (an
 * older row, an in-process call) is never given an account it cannot be proved to be.
 */
export function accountIdFor(name: string | null | undefined): number | null {
  const a = currentActor();
  if (!a || !name) return null;
  for (const who of [a.grantedBy, a.officer, a.leader]) if (who && who.name === name) return who.id;
  return null;
}
