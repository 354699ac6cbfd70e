/**
 * Two SQLite connections for the whole process: one writes, one reads. node-sqlite3 lets statements
 * from different async callers interleave, so every write (and raw work) runs through one queue on
 * the writing connection inside BEGIN IMMEDIATE … COMMIT, and every read through the read
 * connection's own queue inside one read transaction. In WAL mode a read sees the last commit and
 * never waits for a write in progress, so a list call never queues behind a registration.
 *
 * A write is acknowledged only after its own COMMIT returned without error. There is deliberately
 * no autocommit path: node-sqlite3 discards the result of sqlite3_reset, so an autocommit
 * statement that fails at commit (disk full, I/O error) would resolve as if it had succeeded.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { StorageStatus } from '../../shared/ipc/channels/startup';
import { STORAGE_LOST_MESSAGE, StorageError, storageError } from './storage-errors';

export type Param = string | number | null | bigint | Buffer;

/** What a unit of work may do; only handed out by Database.read/write. */
export interface Queryable {
  run(sql: string, params?: Param[]): Promise<{ lastID: number; changes: number }>;
  get<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

/**
 * Independent statements of one unit of work, sent together: SQLite runs them one at a time on its
 * connection in whichever order they reach it (PostgreSQL in the order sent), so only statements
 * that do not depend on each other's effects belong here. The caller waits for one round trip
 * instead of one each. Every one settles before this does, so a failure never leaves a statement
 * running when the unit rolls back.
 */
export async function together<T extends readonly unknown[]>(...work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  // every one fulfilled, in the order given
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** One incident, several, or all (undefined): the rows a query reads are those of its incidents only. */
export type IncidentScope = number | readonly number[] | undefined;

/**
 * The condition for a scope on `column`, after `joiner`: several ids travel as one JSON array, so
 * one prepared statement serves any number of them, and the column's index is used for each.
 */
export function scopeSql(
  column: string,
  scope: IncidentScope,
  joiner: 'WHERE' | 'AND',
): { sql: string; params: Param[] } {
  if (scope === undefined) return { sql: '', params: [] };
  if (typeof scope === 'number') return { sql: `${joiner} ${column} = ?`, params: [scope] };
  return { sql: `${joiner} ${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(scope)] };
}

export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly kind: 'too_new' | 'corrupt' | 'io',
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export { STORAGE_LOST_MESSAGE, StorageError, storageError };
export type { StorageStatus };

/**
 * A statement `get` may run to its end instead of stepping once and resetting (two thread-pool
 * hops): a data change (its RETURNING rows are made in full at the first step anyway) or a query
 * that ends in LIMIT 1. Either yields at most what `get` returns, for the same work.
 */
const singleRow = (sql: string): boolean =>
  /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql) || /\bLIMIT\s+1\s*$/i.test(sql);

/** A connection with its kept prepared statements, as a Queryable. */
class Connection {
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  readonly q: Queryable;

  constructor(readonly handle: sqlite3.Database) {
    // Prepared statements are kept and reused: node-sqlite3 otherwise prepares and finalises each
    // statement in separate thread-pool hops, which costs more than the statement itself.
    const prepared = (sql: string): Promise<sqlite3.Statement> => {
      const hit = this.statements.get(sql);
      if (hit) return hit;
      const made = new Promise<sqlite3.Statement>((resolve, reject) => {
        const st: sqlite3.Statement = handle.prepare(sql, (err: Error | null) => (err ? reject(err) : resolve(st)));
      });
      made.catch(() => this.statements.delete(sql));
      if (this.statements.size >= 256) {
        // the map holds 256 entries here, so the first entry exists
        const [oldest, old] = this.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
        this.statements.delete(oldest);
        void old.then(
          (st) => st.finalize(),
          () => undefined,
        );
      }
      this.statements.set(sql, made);
      return made;
    };
    this.q = {
      run: async (sql, params = []) => {
        const st = await prepared(sql);
        return new Promise((resolve, reject) => {
          st.run(params, function (this: sqlite3.RunResult, err: Error | null) {
            if (err) reject(err);
            else resolve({ lastID: this.lastID, changes: this.changes });
          });
        });
      },
      get: async <T>(sql: string, params: Param[] = []) => {
        const st = await prepared(sql);
        if (singleRow(sql)) {
          // Stepped to its end in one hop: nothing is left open, so no separate reset is needed.
          return new Promise<T | undefined>((resolve, reject) => {
            st.all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows[0])));
          });
        }
        return new Promise<T | undefined>((resolve, reject) => {
          st.get(params, (err: Error | null, row: T) => {
            // Reset before resolving so the kept statement holds no read snapshot between units.
            st.reset(() => (err ? reject(err) : resolve(row)));
          });
        });
      },
      all: async <T>(sql: string, params: Param[] = []) => {
        const st = await prepared(sql);
        return new Promise<T[]>((resolve, reject) => {
          st.all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
        });
      },
      exec: (sql) =>
        new Promise((resolve, reject) => {
          handle.exec(sql, (err: Error | null) => (err ? reject(err) : resolve()));
        }),
    };
  }

  async close(): Promise<void> {
    const open = [...this.statements.values()];
    this.statements.clear();
    for (const p of open) {
      const st = await p.catch(() => null);
      if (st) await new Promise<void>((r) => st.finalize(() => r()));
    }
    await new Promise<void>((resolve, reject) => this.handle.close((err) => (err ? reject(err) : resolve())));
  }
}

const openHandle = (file: string, mode: number): Promise<sqlite3.Database> =>
  new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, mode, (err) =>
      err ? reject(new DatabaseOpenError(`无法打开数据库文件 ${file}：${err.message}`, 'io')) : resolve(db),
    );
  });

/** A Queryable that refuses writes: a read unit has no COMMIT whose error could be checked. */
function readOnly(q: Queryable): Queryable {
  const refuse = (): Promise<never> => Promise.reject(new Error('写入只能在 Database.write 中进行'));
  const writes = /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i;
  return {
    run: refuse,
    exec: refuse,
    get: (sql, params) => (writes.test(sql) ? refuse() : q.get(sql, params)),
    all: (sql, params) => (writes.test(sql) ? refuse() : q.all(sql, params)),
  };
}

/**
 * One database as the services use it, whichever engine holds it: units of work (read, write, raw),
 * the storage state for the UI, and the change announcements between seats. SQLite (a file in the
 * data folder) is the embedded default; PostgreSQL (pg-connection.ts) serves a room of several seats.
 */
export interface Database {
  readonly engine: 'sqlite' | 'postgres';
  /** The SQLite file; for PostgreSQL the server address without its password. */
  readonly file: string;
  onStorageChange: (status: StorageStatus) => void;
  /** Another seat committed a change (PostgreSQL only; never called on SQLite). */
  onRemoteChange: (what: string) => void;
  storageStatus(): StorageStatus;
  assertStorage(): void;
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  write<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  raw<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  backupTo(dest: string): Promise<void>;
  /** Tells the other seats on the same database that `what` changed (after the COMMIT). */
  announce(what: string): void;
  close(): Promise<void>;
}

export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  /** One workstation, one process: there is no other seat to hear from. */
  onRemoteChange: (what: string) => void = () => undefined;
  private tail: Promise<unknown> = Promise.resolve();
  /** The reads' own queue on the read connection: reads wait for reads only, never for a write. */
  private readTail: Promise<unknown> = Promise.resolve();
  /** dev+ino of the file when opened: SQLite keeps writing into an unlinked file without complaint. */
  private identity: { dev: number; ino: number } | null = null;
  private storageProblem: string | null = null;
  /** The message of the last write that failed on storage, until one succeeds. */
  private writeFailure: string | null = null;
  /** Set when the whole-file check after start found the file damaged: every write is refused. */
  private damage: string | null = null;
  /** Called whenever the storage state changes (lost, or back). */
  onStorageChange: (status: StorageStatus) => void = () => undefined;
  private readonly q: Queryable;
  /** Reads on the writing connection (a read-only open has no second one). */
  private readonly readOnlyQ: Queryable;
  /** The second connection, for reads only (WAL lets it read the last commit while a write runs). */
  private reader: Promise<{ conn: Connection; q: Queryable }> | null = null;
  /** Set by close(): a read asked for after it is refused (it would open the file, and its -wal, again). */
  private closed = false;
  private readonly writer: Connection;

  private constructor(
    private readonly handle: sqlite3.Database,
    readonly file: string,
    private readonly separateReads: boolean,
  ) {
    this.writer = new Connection(handle);
    this.q = this.writer.q;
    this.readOnlyQ = readOnly(this.q);
  }

  /**
   * Opens the file with the durability settings the duty room needs (WAL, synchronous=FULL).
   * `readOnly` opens an existing file for inspection only: nothing is set, written or checkpointed.
   */
  static async open(file: string, opts: { readOnly?: boolean } = {}): Promise<SqliteDatabase> {
    const mode = opts.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const db = new SqliteDatabase(await openHandle(file, mode), file, !opts.readOnly);
    if (opts.readOnly) {
      await db.q.exec('PRAGMA query_only = ON;');
      return db;
    }
    await db.q.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
    );
    const st = statSync(file);
    db.identity = { dev: st.dev, ino: st.ino };
    // Opened now, on the same file the writer holds (a folder deleted later leaves both on it).
    await db.readConnection().catch(async (err: unknown) => {
      await db.writer.close().catch(() => undefined);
      throw err;
    });
    return db;
  }

  /** The read connection, opened once the writer has set WAL (a read never changes the file). */
  private readConnection(): Promise<{ conn: Connection; q: Queryable }> {
    this.reader ??= (async () => {
      const conn = new Connection(await openHandle(this.file, sqlite3.OPEN_READWRITE));
      // One read now maps the -wal/-shm the writer uses, so a data folder deleted later leaves
      // this connection reading what it held, as the writer does (the loss is reported at writes).
      await conn.q.exec(
        'PRAGMA query_only = ON; PRAGMA busy_timeout = 5000; BEGIN; SELECT COUNT(*) FROM sqlite_master; COMMIT;',
      );
      return { conn, q: readOnly(conn.q) };
    })();
    // A failed open is tried again at the next read.
    this.reader.catch(() => {
      this.reader = null;
    });
    return this.reader;
  }

  /** The lost-folder message when the file is no longer the one opened, or its folder is unwritable. */
  private lostProblem(): string | null {
    if (!this.identity) return null;
    try {
      const st = statSync(this.file);
      if (st.dev !== this.identity.dev || st.ino !== this.identity.ino) return STORAGE_LOST_MESSAGE;
      accessSync(dirname(this.file), constants.W_OK);
      return null;
    } catch {
      return STORAGE_LOST_MESSAGE;
    }
  }

  /**
   * Can records be saved? Lost: the file is no longer the one that was opened (two stat-like calls,
   * cheap enough for every commit). Write failed: the last write met a full disk, a read-only file
   * or an I/O error, until a write succeeds again. Reports a change through onStorageChange.
   */
  storageStatus(): StorageStatus {
    const lost = this.lostProblem();
    const status: StorageStatus = lost
      ? { ok: false, cause: 'lost', problem: lost }
      : this.damage
        ? { ok: false, cause: 'corrupt', problem: this.damage }
        : this.writeFailure
          ? { ok: false, cause: 'write_failed', problem: this.writeFailure }
          : { ok: true, cause: null, problem: null };
    if (status.problem !== this.storageProblem) {
      this.storageProblem = status.problem;
      this.onStorageChange(status);
    }
    return status;
  }

  /** Throws the refusal when the data folder is gone or unwritable, or the file damaged (see storageStatus). */
  assertStorage(): void {
    const lost = this.lostProblem();
    if (!lost && !this.damage) return;
    this.storageStatus();
    if (lost) throw new StorageError(lost, 'lost');
    throw new StorageError(this.damage ?? '', 'corrupt');
  }

  /**
   * The file failed its whole-file check (run after start, services/startup): from now on every
   * write is refused with `message`, and the storage state says so (the alarm-level banner).
   */
  markDamaged(message: string): void {
    this.damage = message;
    this.storageStatus();
  }

  /** Stops the statement running on this connection (a long check when the services close). */
  interrupt(): void {
    this.handle.interrupt();
  }

  /** Records the outcome of a write for storageStatus (null: it succeeded). */
  private noteWrite(failure: string | null): void {
    this.writeFailure = failure;
    this.storageStatus();
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /**
   * A read-only unit of work. It runs on the read connection inside one read transaction, so it
   * sees the last committed state as one snapshot and never half a write; it waits only for other
   * reads, never behind the write queue (WAL). A read-only open reads on its single connection.
   */
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('数据库已关闭'));
    if (!this.separateReads) return this.enqueue(() => fn(this.readOnlyQ));
    const work = async (): Promise<T> => {
      const { conn, q } = await this.readConnection();
      await conn.q.exec('BEGIN');
      try {
        return await fn(q);
      } finally {
        await conn.q.exec('COMMIT').catch(() => conn.q.exec('ROLLBACK').catch(() => undefined));
      }
    };
    const next = this.readTail.then(work, work);
    this.readTail = next.catch(() => undefined);
    return next;
  }

  /**
   * A write transaction: all of fn commits, or none of it does. It resolves only once the COMMIT
   * itself succeeded, into the file that was opened; a storage failure becomes a StorageError.
   */
  write<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      try {
        await this.q.exec('BEGIN IMMEDIATE');
      } catch (err) {
        const mapped = storageError(err);
        if (mapped instanceof StorageError) this.noteWrite(mapped.message);
        throw mapped;
      }
      try {
        const value = await fn(this.q);
        // Before acknowledging: a deleted data folder still accepts writes into the unlinked file.
        this.assertStorage();
        await this.q.exec('COMMIT');
        if (this.storageProblem !== null) this.noteWrite(null);
        return value;
      } catch (err) {
        await this.q.exec('ROLLBACK').catch(() => undefined);
        const mapped = storageError(err);
        // Refused before COMMIT (folder lost, file damaged): a standing state, not a failed write.
        if (mapped instanceof StorageError && mapped.reason !== 'lost' && mapped.reason !== 'corrupt')
          this.noteWrite(mapped.message);
        throw mapped;
      }
    });
  }

  /** Writes queued from now on wait until `until` settles (the whole-file check after start). */
  holdWritesUntil(until: Promise<void>): void {
    void this.enqueue(() => until);
  }

  /**
   * Runs outside any transaction (PRAGMAs that refuse to run inside one, such as VACUUM, and the
   * backup API). Never for data writes: an autocommit statement's commit error can be lost.
   */
  raw<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(() => fn(this.q));
  }

  /** SQLite's online backup API into `dest` (never a file copy of a live WAL database). */
  backupTo(dest: string): Promise<void> {
    return this.enqueue(
      () =>
        new Promise<void>((resolve, reject) => {
          // Database#backup exists at runtime but is missing from the type definitions.
          const rawDb = this.handle as unknown as {
            backup(
              file: string,
              cb: (err: Error | null) => void,
            ): {
              step(n: number, cb: (err: Error | null) => void): void;
              finish(cb: (err: Error | null) => void): void;
              completed: boolean;
              failed: boolean;
            };
          };
          const backup = rawDb.backup(dest, (err) => {
            if (err) {
              reject(err);
              return;
            }
            const stepAll = (): void => {
              backup.step(-1, (stepErr) => {
                if (stepErr) {
                  backup.finish(() => reject(stepErr));
                  return;
                }
                if (!backup.completed && !backup.failed) {
                  stepAll();
                  return;
                }
                backup.finish((finErr) => {
                  if (finErr || backup.failed) reject(finErr ?? new Error('备份失败'));
                  else resolve();
                });
              });
            };
            stepAll();
          });
        }),
    );
  }

  /** Nothing to tell: a SQLite file has one process writing it. */
  announce(): void {}

  close(): Promise<void> {
    this.closed = true;
    const reads = this.readTail.then(async () => {
      const reader = await this.reader?.catch(() => null);
      this.reader = null;
      await reader?.conn.close();
    });
    return this.enqueue(async () => {
      await reads;
      await this.writer.close();
    });
  }
}

/** `Database.open(file)` opens the embedded SQLite engine; `openPostgres` (pg-connection.ts) the server. */
export const Database = SqliteDatabase;
