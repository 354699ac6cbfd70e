import { Database, DatabaseOpenError } from './connection';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { migratePostgres, pgSchemaVersion } from './pg-migrate';
import { messageOf } from '../../shared/errors';

export async function schemaVersion(db: Database): Promise<number> {
  if (db.engine === 'postgres') return db.read(pgSchemaVersion);
  const row = await db.read((q) => q.get<{ user_version: number }>('PRAGMA user_version'));
  return row?.user_version ?? 0;
}

/**
 * Brings the schema up to date. All pending steps run in one transaction, so a failure leaves the
 * database as it was. A database written by a newer version of the console is refused untouched.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  // PostgreSQL: the same history from its baseline, under an advisory lock (pg-migrate.ts).
  if (db.engine === 'postgres') return migratePostgres(db, migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = await schemaVersion(db);
  if (current > latest) {
    throw new DatabaseOpenError(
      `数据库版本（${current}）高于本程序支持的版本（${latest}），它由更新版本的值班台写入。请使用新版本打开，数据未做任何改动。`,
      'too_new',
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  await db.write(async (q) => {
    for (const m of pending) {
      await q.exec(m.sql);
      await q.exec(`PRAGMA user_version = ${m.version}`);
    }
  });
  return latest;
}

/** SQLite's quick_check; the console shows a clear screen instead of running on a damaged file. */
export async function checkIntegrity(db: Database): Promise<void> {
  const rows = await db.read((q) => q.all<{ quick_check: string }>('PRAGMA quick_check'));
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new DatabaseOpenError(`数据库完整性检查未通过：${problems.slice(0, 5).join('；')}`, 'corrupt');
  }
}

/**
 * Opens, checks and migrates the database at `file`. `integrityChecked`: the caller has just run
 * the same quick_check on the file (the start-up inspection), which reads every page of it, so it
 * is not run twice on a long history.
 */
export async function openDatabase(file: string, opts: { integrityChecked?: boolean } = {}): Promise<Database> {
  let db: Database;
  try {
    db = await Database.open(file);
    if (!opts.integrityChecked) await checkIntegrity(db);
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    // A file that is not a database at all fails already at the first PRAGMA.
    throw new DatabaseOpenError(`数据库文件无法读取（${messageOf(err)}）：${file}`, 'corrupt');
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}

export { LATEST_VERSION };
