/**
 * The schema on PostgreSQL: the same numbered history as SQLite. A database starts from the
 * baseline (the schema of migrations 0001–0011 in one step) and then runs each later migration's
 * `postgres` body. All pending steps run in one transaction under a transaction-scoped advisory
 * lock, so two seats starting at once migrate once: the second waits, then finds nothing to do.
 * The version lives in `duty_schema` (PostgreSQL has no user_version); a database written by a
 * newer console is refused untouched, as on SQLite.
 */
import { DatabaseOpenError, type Database, type Queryable } from './connection';
import { MIGRATIONS } from './migrations';
import { POSTGRES_BASELINE, POSTGRES_BASELINE_VERSION } from './migrations/postgres-baseline';
import { POSTGRES_BODIES } from './migrations/postgres-bodies';
import type { Migration } from './migrations/types';
import { PgDatabase } from './pg-connection';

/** The version row; `PRAGMA user_version` reads it on PostgreSQL (pg-dialect.ts). */
const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS duty_schema (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
)`;

export async function pgSchemaVersion(q: Queryable): Promise<number> {
  const exists = await q.get<{ t: string | null }>("SELECT to_regclass('duty_schema')::text AS t");
  if (!exists?.t) return 0;
  return (await q.get<{ version: number }>('SELECT version FROM duty_schema WHERE id = 1'))?.version ?? 0;
}

export function tooNew(current: number, latest: number): DatabaseOpenError {
  return new DatabaseOpenError(
    `数据库版本（${current}）高于本程序支持的版本（${latest}），它由更新版本的值班台写入。请使用新版本打开，数据未做任何改动。`,
    'too_new',
  );
}

export async function migratePostgres(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  if (latest < POSTGRES_BASELINE_VERSION) {
    throw new Error(`PostgreSQL starts at schema ${POSTGRES_BASELINE_VERSION}; the migrations end at ${latest}`);
  }
  const body = (m: Migration): string | undefined => m.postgres ?? POSTGRES_BODIES[m.version];
  const missing = migrations.filter((m) => m.version > POSTGRES_BASELINE_VERSION && !body(m));
  if (missing.length > 0) {
    throw new Error(`Migrations without a PostgreSQL body: ${missing.map((m) => m.version).join(', ')}`);
  }
  return db.write(async (q) => {
    // One migrator per schema at a time; released with the transaction.
    await q.exec("SELECT pg_advisory_xact_lock(hashtext('shuozhou-duty-console:migrate:' || current_schema()))");
    const current = await pgSchemaVersion(q);
    if (current > latest) throw tooNew(current, latest);
    if (current === latest) return current;
    await q.exec(VERSION_TABLE);
    if (current < POSTGRES_BASELINE_VERSION) await q.exec(POSTGRES_BASELINE);
    for (const m of migrations) {
      if (m.version > Math.max(current, POSTGRES_BASELINE_VERSION)) await q.exec(body(m) ?? '');
    }
    await q.exec(
      `INSERT INTO duty_schema (id, version) VALUES (1, ${latest}) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version`,
    );
    return latest;
  });
}

/**
 * Connects to the server at `url`, brings the schema up to date and starts listening for the other
 * seats. A server that cannot be reached, is older than 15 or holds a newer schema throws a
 * DatabaseOpenError.
 */
export async function openPostgres(url: string, opts: { listen?: boolean } = {}): Promise<PgDatabase> {
  const db = await PgDatabase.connect(url);
  try {
    await migratePostgres(db);
    await db.loadIdTables();
    if (opts.listen !== false) await db.listen();
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}
