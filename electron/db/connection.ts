/**
 * One SQLite connection for the whole process. node-sqlite3 lets statements from different async
 * callers interleave, so every unit of work (read or write) runs through one queue, and writes run
 * inside BEGIN IMMEDIATE … COMMIT.
 */
import sqlite3 from 'sqlite3';

export type Param = string | number | null | bigint | Buffer;

/** What a unit of work may do; only handed out by Database.read/write. */
export interface Queryable {
  run(sql: string, params?: Param[]): Promise<{ lastID: number; changes: number }>;
  get<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
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

export class Database {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  private readonly q: Queryable;

  private constructor(
    private readonly handle: sqlite3.Database,
    readonly file: string,
  ) {
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
        const [oldest, old] = this.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
        this.statements.delete(oldest);
        void old.then((st) => st.finalize(), () => undefined);
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
        return new Promise<T | undefined>((resolve, reject) => {
          st.get(params, (err: Error | null, row: T) => {
            // Resolve only after the reset: an autocommit INSERT … RETURNING commits when its
            // statement is reset, not when the first row comes back.
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

  /** Opens the file with the durability settings the duty room needs (WAL, synchronous=FULL). */
  static async open(file: string): Promise<Database> {
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(file, (err) =>
        err ? reject(new DatabaseOpenError(`无法打开数据库文件 ${file}：${err.message}`, 'io')) : resolve(db),
      );
    });
    const db = new Database(raw, file);
    await db.q.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
    );
    return db;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** A read-only unit of work, serialised with writes so it never sees half a transaction. */
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(() => fn(this.q));
  }

  /** A write transaction: all of fn commits, or none of it does. */
  write<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.q.exec('BEGIN IMMEDIATE');
      try {
        const value = await fn(this.q);
        await this.q.exec('COMMIT');
        return value;
      } catch (err) {
        await this.q.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /** A single statement in autocommit: atomic by itself, one round trip, no BEGIN/COMMIT of our own. */
  writeOne<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(() => fn(this.q));
  }

  /** Runs outside any transaction (PRAGMAs that refuse to run inside one, such as VACUUM). */
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
            backup(file: string, cb: (err: Error | null) => void): {
              step(n: number, cb: (err: Error | null) => void): void;
              finish(cb: (err: Error | null) => void): void;
              completed: boolean;
              failed: boolean;
            };
          };
          const backup = rawDb.backup(dest, (err) => {
            if (err) return reject(err);
            const stepAll = (): void =>
              backup.step(-1, (stepErr) => {
                if (stepErr) return backup.finish(() => reject(stepErr));
                if (!backup.completed && !backup.failed) return stepAll();
                backup.finish((finErr) => (finErr || backup.failed ? reject(finErr ?? new Error('备份失败')) : resolve()));
              });
            stepAll();
          });
        }),
    );
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      const open = [...this.statements.values()];
      this.statements.clear();
      for (const p of open) {
        const st = await p.catch(() => null);
        if (st) await new Promise<void>((r) => st.finalize(() => r()));
      }
      await new Promise<void>((resolve, reject) => this.handle.close((err) => (err ? reject(err) : resolve())));
    });
  }
}
