/**
 * Identical reads that wait at the same time share one unit of work. After every change each seat
 * and the wall display read the board again at once, and the same 300 summaries were read,
 * decoded and held once per caller.
 *
 * A caller joins only a unit that has not begun: its read transaction starts, and takes its snapshot
 * (SQLite in WAL and PostgreSQL's REPEATABLE READ both take it at the unit's first statement), after
 * every joiner arrived, so each joiner gets exactly what a read of its own started then would return:
 * every write acknowledged before it asked is in it. Once the unit begins, a caller with the same key
 * starts a unit of its own. This is only for reads whose result depends on nothing but the arguments
 * (the key) and the database: no clock, no caller (seat or account). The shared result is frozen, so
 * no caller can change what another one holds.
 */
import type { Queryable } from './connection';

/** Freezes a value and everything in it (plain objects and arrays; an already frozen part is left as it is). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

interface Waiting {
  result: Promise<unknown>;
}

export class SharedReads {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly read: <T>(work: (q: Queryable) => Promise<T>) => Promise<T>) {}

  /** Reads waiting to begin, by key (for tests). */
  get waitingCount(): number {
    return this.waiting.size;
  }

  /** `work`'s result in a read unit, shared with the callers of the same key until that unit begins. */
  run<T>(key: string, work: (q: Queryable) => Promise<T>): Promise<T> {
    const joined = this.waiting.get(key);
    // the entry under this key was made by a call of the same key, so of the same result type
    if (joined) return joined.result as Promise<T>;
    const entry: Waiting = { result: Promise.resolve() };
    const leave = (): void => {
      if (this.waiting.get(key) === entry) this.waiting.delete(key);
    };
    this.waiting.set(key, entry);
    const result = this.read(async (q) => {
      // Begun: the snapshot is taken from here on, so nobody may join any more.
      leave();
      return deepFreeze(await work(q));
    });
    // A unit that failed before it began (no connection) takes its waiting callers with it.
    result.then(leave, leave);
    entry.result = result;
    return result;
  }
}
