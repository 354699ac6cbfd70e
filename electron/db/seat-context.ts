/**
 * The seat a call comes from, for the rows that record it (issue 17: the seat is on every timeline
 * entry, print record and alarm acknowledgement). dispatch runs each call from a seat inside
 * `withSeat`; the repositories that write those rows read `currentSeat()`. Carried by async
 * context rather than by every service signature, so a seat reaches a timeline entry written deep
 * inside another feature's unit of work. In-process calls (tests, the alarm engine's own timers)
 * have no seat and record null.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallSeat {
  /** The seat's name as set there (带班席); null while it has none. */
  seatName: string | null;
  /** The account logged in at the seat (its active user), if any. */
  officer: string | null;
}

const storage = new AsyncLocalStorage<CallSeat>();

export function withSeat<T>(seat: CallSeat, fn: () => T): T {
  return storage.run(seat, fn);
}

export function currentSeat(): CallSeat | null {
  return storage.getStore() ?? null;
}

export const currentSeatName = (): string | null => currentSeat()?.seatName ?? null;
