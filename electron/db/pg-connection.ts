/**
 * PostgreSQL (15 or newer) behind the same Database interface as the SQLite file, for a duty room
 * with several seats on one server. A pool of connections: a read unit is one REPEATABLE READ, READ
 * ONLY transaction (one snapshot, never half a write); a write unit is one client in BEGIN … COMMIT,
 * acknowledged only after its COMMIT returned. Within one process the write units still queue one
 * behind the other, as on SQLite, so a service sees the same order of its own writes on both
 * engines; between seats the server's row locks order them (the serial counter, version checks).
 *
 * A change committed on one seat reaches the others through LISTEN/NOTIFY: `announce(what)` after
 * the COMMIT, and a dedicated listening connection that calls `onRemoteChange`. SQL arrives in the
 * repositories' dialect and is translated once per statement text (pg-dialect.ts).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { StorageStatus } from '../../shared/ipc/channels/startup';
import { DatabaseOpenError, type Database, type Param, type Queryable } from './connection';
import { pgDump, pgRestore } from './pg-backup';
import { toPostgres } from './pg-dialect';
import { StorageError } from './storage-errors';
import { messageOf } from '../../shared/errors';

/** 64-bit counts and sums come back as numbers, as SQLite gives them (ids and counts stay far below 2^53). */
const TYPES = new pg.TypeOverrides();
TYPES.setTypeParser(20, (v: string) => Number(v)); // int8: COUNT(*), bigint columns
TYPES.setTypeParser(1700, (v: string) => Number(v)); // numeric: SUM()

/** The write lock's key: one per schema, so rooms (and test schemas) on one server do not wait for each other. */
const WRITE_LOCK = "hashtext('shuozhou-duty-console:write:' || current_schema())";

/** Shown when the server cannot be reached or refuses the work; nothing of the unit was committed. */
export const SERVER_LOST_MESSAGE =
  '无法连接数据库服务器：本次操作未保存。请检查网络与数据库服务器后重试，或联系管理员。';

/** Connection-level failures (as opposed to a statement the server refused). */
function isConnectionFailure(err: unknown): boolean {
  // any thrown value: code is read as unknown and checked on the next line
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return /Connection terminated|connect ECONN|timeout/i.test(String(err));
  return (
    /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EPIPE)$/.test(code) ||
    code.startsWith('08') || // connection exception
    code === '57P01' || // admin shutdown
    code === '57P03' // cannot connect now
  );
}

/** Storage-like failures on the server: disk full, read-only standby, server gone. */
function pgStorageError(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  // any thrown value: code is read as unknown and checked on the next line
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '53100')
    return new StorageError('数据库服务器磁盘空间已满：本次操作未保存。请联系管理员。', 'SQLITE_FULL');
  if (code === '25006')
    return new StorageError('数据库服务器为只读（备用服务器）：本次操作未保存。请联系管理员。', 'SQLITE_READONLY');
  if (isConnectionFailure(err)) return new StorageError(SERVER_LOST_MESSAGE, 'server');
  return err;
}

/** The server's address for messages and logs, without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** A client as a Queryable: translated, cached statement text; lastID from `RETURNING id`. */
function queryable(client: pg.PoolClient, idTables: ReadonlySet<string>, texts: Map<string, string>): Queryable {
  const text = (sql: string): string => {
    let t = texts.get(sql);
    if (t === undefined) {
      t = toPostgres(sql);
      if (texts.size > 1000) texts.clear();
      texts.set(sql, t);
    }
    return t;
  };
  const values = (params: Param[]): unknown[] => params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
  const query = async (t: string, params: Param[]): Promise<pg.QueryResult> => {
    try {
      return await client.query({ text: t, values: values(params) });
    } catch (err) {
      if (process.env.DUTY_PG_DEBUG) console.error('[pg]', messageOf(err), '\n', t);
      throw err;
    }
  };
  return {
    run: async (sql, params = []) => {
      let t = text(sql);
      // SQLite reports the new row's id of any INSERT; PostgreSQL only when asked.
      const into = /^\s*INSERT\s+INTO\s+("?)(\w+)\1/i.exec(t);
      const wantsId = into !== null && idTables.has((into[2] ?? '').toLowerCase()) && !/\bRETURNING\b/i.test(t);
      if (wantsId) t = `${t.replace(/;?\s*$/, '')} RETURNING id`;
      const r = await query(t, params);
      // the row of RETURNING id; its id is converted by Number
      const id = wantsId ? Number((r.rows[0] as { id?: unknown } | undefined)?.id ?? 0) : 0;
      return { lastID: id, changes: r.rowCount ?? 0 };
    },
    get: async <T>(sql: string, params: Param[] = []) => {
      const r = await query(text(sql), params);
      // rows typed by the SELECT, as with the SQLite connection: the caller names the columns
      return r.rows[0] as T | undefined;
    },
    all: async <T>(sql: string, params: Param[] = []) => {
      const r = await query(text(sql), params);
      // rows typed by the SELECT, as with the SQLite connection: the caller names the columns
      return r.rows as T[];
    },
    // Whole scripts (migrations) are PostgreSQL already: no translation, no parameters. A lone
    // PRAGMA (data-repository.ts's defer_foreign_keys) goes through the dialect seam.
    exec: async (sql) => {
      await client.query(/^\s*PRAGMA\b/i.test(sql) ? text(sql) : sql);
    },
  };
}

/** As in connection.ts: a read unit cannot write. */
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

export class PgDatabase implements Database {
  readonly engine = 'postgres' as const;
  readonly file: string;
  onStorageChange: (status: StorageStatus) => void = () => undefined;
  onRemoteChange: (what: string) => void = () => undefined;
  /** This process's name in NOTIFY payloads, so it does not hear its own announcements. */
  readonly origin = randomUUID();
  private readonly texts = new Map<string, string>();
  private idTables: ReadonlySet<string> = new Set();
  private tail: Promise<unknown> = Promise.resolve();
  private writeFailure: string | null = null;
  private storageProblem: string | null = null;
  private listener: pg.Client | null = null;
  private closed = false;
  private schema = 'public';
  /** The server's major version (15, 16 …): the backup tools must be at least this. */
  serverMajor = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {
    this.file = redactUrl(url);
  }

  /** The channel is per schema: several rooms (or test schemas) may share one database. */
  get channel(): string {
    return `duty_changed:${this.schema}`;
  }

  /**
   * Connects and checks the server (PostgreSQL 15 or newer). The schema is not touched here:
   * migrate.ts brings it up to date under an advisory lock.
   */
  static async connect(url: string, opts: { poolSize?: number } = {}): Promise<PgDatabase> {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 4,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      types: TYPES,
      application_name: 'shuozhou-duty-console',
    });
    // An idle client that loses its server is dropped by the pool; it must not crash the process.
    pool.on('error', () => undefined);
    const db = new PgDatabase(pool, url);
    try {
      const row = await pool.query<{ v: string; s: string }>(
        "SELECT current_setting('server_version_num') AS v, current_schema() AS s",
      );
      const version = Number(row.rows[0]?.v ?? 0);
      if (version < 150000) {
        throw new DatabaseOpenError(
          `数据库服务器版本过低（${Math.floor(version / 10000)}），值班台需要 PostgreSQL 15 或更新版本。`,
          'io',
        );
      }
      db.schema = row.rows[0]?.s ?? 'public';
      db.serverMajor = Math.floor(version / 10000);
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (err instanceof DatabaseOpenError) throw err;
      throw new DatabaseOpenError(`无法连接数据库服务器 ${db.file}：${messageOf(err)}`, 'io');
    }
    return db;
  }

  /** Tables whose rows have an integer id the database assigns (for `lastID`); read after migrating. */
  async loadIdTables(): Promise<void> {
    const r = await this.pool.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`,
    );
    this.idTables = new Set(r.rows.map((x) => x.t));
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private noteWrite(failure: string | null): void {
    this.writeFailure = failure;
    this.storageStatus();
  }

  storageStatus(): StorageStatus {
    const status: StorageStatus = this.writeFailure
      ? { ok: false, cause: 'write_failed', problem: this.writeFailure }
      : { ok: true, cause: null, problem: null };
    if (status.problem !== this.storageProblem) {
      this.storageProblem = status.problem;
      this.onStorageChange(status);
    }
    return status;
  }

  /** There is no data folder to lose: a server that is gone is found by the write itself. */
  assertStorage(): void {}

  private async client(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (err) {
      const mapped = pgStorageError(err);
      if (mapped instanceof StorageError) this.noteWrite(mapped.message);
      throw mapped;
    }
  }

  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return (async () => {
      const client = await this.client();
      let broken = false;
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        return await fn(readOnly(queryable(client, this.idTables, this.texts)));
      } catch (err) {
        broken = isConnectionFailure(err);
        throw pgStorageError(err);
      } finally {
        await client.query('COMMIT').catch(() => {
          broken = true;
        });
        client.release(broken);
      }
    })();
  }

  write<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      const client = await this.client();
      let broken = false;
      try {
        // One writer at a time per schema, across every seat, as SQLite's BEGIN IMMEDIATE gives one
        // file: a service's read-then-write (the next handover, a record's version, the chain's
        // head) stays correct with several seats. The duty room writes a few times a minute.
        await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
        const value = await fn(queryable(client, this.idTables, this.texts));
        await client.query('COMMIT');
        if (this.storageProblem !== null) this.noteWrite(null);
        return value;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        broken ||= isConnectionFailure(err);
        const mapped = pgStorageError(err);
        if (mapped instanceof StorageError) this.noteWrite(mapped.message);
        throw mapped;
      } finally {
        client.release(broken);
      }
    });
  }

  /** Outside any transaction, on one client (maintenance; never data writes). */
  raw<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      const client = await this.client();
      try {
        return await fn(queryable(client, this.idTables, this.texts));
      } finally {
        client.release();
      }
    });
  }

  /** The schema the console's tables are in (search_path's first). */
  get schemaName(): string {
    return this.schema;
  }

  /** A pg_dump of the console's schema (pg-backup.ts); the seats keep working meanwhile. */
  backupTo(dest: string): Promise<void> {
    return pgDump(this.url, this.schema, this.serverMajor, dest);
  }

  /**
   * Replaces the schema with a dump's content in one transaction (pg-backup.ts), queued behind this
   * seat's own writes; the other seats' writes wait on the write lock the restore holds.
   */
  restoreDump(file: string): Promise<void> {
    return this.enqueue(async () => {
      await pgRestore(this.url, this.schema, this.serverMajor, file);
      await this.loadIdTables();
    });
  }

  /** Tells the other seats after the COMMIT; a lost notice is made good by their reconnect reload. */
  announce(what: string): void {
    if (this.closed) return;
    const payload = JSON.stringify({ origin: this.origin, what });
    this.pool.query('SELECT pg_notify($1, $2)', [this.channel, payload]).catch(() => undefined);
  }

  /**
   * Listens for the other seats' changes on one dedicated connection. When that connection drops,
   * it reconnects every second; after a reconnect every listener reloads ('reconnected'), since
   * notices sent meanwhile are lost.
   */
  async listen(): Promise<void> {
    const start = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: this.url, types: TYPES });
      client.on('error', () => undefined);
      client.on('notification', (n) => {
        if (n.channel !== this.channel || !n.payload) return;
        try {
          // every seat's announce() writes this shape; a malformed payload falls to the catch below
          const { origin, what } = JSON.parse(n.payload) as { origin: string; what: string };
          if (origin !== this.origin) this.onRemoteChange(what);
        } catch {
          // Not one of ours.
        }
      });
      client.on('end', () => {
        if (this.listener === client) this.listener = null;
        if (this.closed) return;
        const retry = (): void => {
          if (this.closed) return;
          start().then(
            () => this.onRemoteChange('reconnected'),
            () => setTimeout(retry, 1000).unref(),
          );
        };
        setTimeout(retry, 1000).unref();
      });
      await client.connect();
      await client.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.listener = client;
    };
    await start();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.enqueue(async () => {
      const listener = this.listener;
      this.listener = null;
      await listener?.end().catch(() => undefined);
      await this.pool.end();
    });
  }
}
