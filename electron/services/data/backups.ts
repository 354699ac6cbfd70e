/**
 * Backups of the one database through SQLite's online backup API (never a file copy of the live
 * WAL database), pruning to settings backupKeep, and restore after checking the backup.
 *
 * Restore while the console runs keeps the one open connection: the verified backup is written
 * into the live file through the backup API from a second connection while the live connection's
 * queue is held, so nothing else touches the database meanwhile. SQLite bumps the schema cookie of
 * the destination, so the live connection re-reads schema and pages on its next statement.
 *
 * On PostgreSQL (issue 17) a backup is a pg_dump of the console's schema, `duty-<stamp>-<kind>.dump`
 * in the same folder with the same keep-N policy, and a restore replaces the schema in one
 * transaction after a safety dump (electron/db/pg-backup.ts). Each engine lists only its own files.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BACKUP_KIND_LABELS, type BackupInfo, type BackupKind } from '../../../shared/ipc/channels/data';
import { DomainError } from '../../../shared/ipc/result';
import { Database, StorageError, storageError } from '../../db/connection';
import { LATEST_VERSION, checkIntegrity, migrate, openDatabase } from '../../db/migrate';
import { hasTable, integrityProblems, userVersion } from '../../db/data-repository';
import { readDump } from '../../db/pg-backup';
import { PgDatabase } from '../../db/pg-connection';
import { migratePostgres } from '../../db/pg-migrate';
import { messageOf } from '../../../shared/errors';

export const BACKUP_DIR = 'backups';
const BACKUP_RE = /^duty-(\d{8}T\d{6}\d{3}Z)-(manual|scheduled|safety)(?:-(\d+))?\.(sqlite3|dump)$/;
type Engine = Database['engine'];
/** A SQLite backup is a database file; a PostgreSQL one a pg_dump archive. */
const EXTENSION: Record<Engine, string> = { sqlite: 'sqlite3', postgres: 'dump' };

const stamp = (d: Date): string => d.toISOString().replace(/[-:.]/g, '');
const stampToIso = (s: string): string =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

/** A name read from the backups folder names one of our kinds (a file name is not trusted). */
const isBackupKind = (s: string | undefined): s is BackupKind =>
  s !== undefined && Object.hasOwn(BACKUP_KIND_LABELS, s);

/** Backups in a folder, newest first; files that are not ours are ignored. */
export function listBackups(dir: string, engine: Engine = 'sqlite'): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = BACKUP_RE.exec(name);
    const stampText = m?.[1];
    const kind = m?.[2];
    if (!m || stampText === undefined || !isBackupKind(kind) || m[4] !== EXTENSION[engine]) continue;
    const path = join(dir, name);
    out.push({
      fileName: name,
      path,
      kind,
      createdAt: stampToIso(stampText),
      bytes: statSync(path).size,
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** A fresh file name in `dir` for a backup taken at `at`. */
export function backupPath(dir: string, kind: BackupKind, at: Date, engine: Engine = 'sqlite'): string {
  const base = `duty-${stamp(at)}-${kind}`;
  const ext = EXTENSION[engine];
  let path = join(dir, `${base}.${ext}`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${base}-${n}.${ext}`);
  return path;
}

/** Writes a backup of `db` (the online backup API, or pg_dump on PostgreSQL); the path. */
export async function backupDatabase(db: Database, dir: string, kind: BackupKind, at: Date): Promise<string> {
  // A lost data folder is reported, never recreated by the mkdir below with a backup of an unlinked file.
  db.assertStorage();
  mkdirSync(dir, { recursive: true });
  const dest = backupPath(dir, kind, at, db.engine);
  try {
    await db.backupTo(dest);
  } catch (err) {
    rmSync(dest, { force: true });
    if (err instanceof DomainError) throw err;
    const storage = storageError(err);
    throw storage instanceof StorageError ? storage : new Error(`备份失败：${messageOf(err)}`);
  }
  return dest;
}

/** Removes manual and scheduled backups beyond the newest `keep`; safety copies stay. The removed names. */
export function pruneBackups(dir: string, keep: number, engine: Engine = 'sqlite'): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep 应为正整数：${String(keep)}`);
  const removed: string[] = [];
  for (const b of listBackups(dir, engine)
    .filter((x) => x.kind !== 'safety')
    .slice(keep)) {
    rmSync(b.path, { force: true });
    removed.push(b.fileName);
  }
  return removed;
}

export interface VerifiedBackup {
  /** Open on a private copy of the backup, so what was checked is exactly what is restored. */
  db: Database;
  schemaVersion: number;
  dispose(): Promise<void>;
}

/**
 * Checks a backup before it may replace anything: it opens as SQLite, passes quick_check and
 * integrity_check, holds the console's tables, and was not written by a newer version.
 */
export async function verifyBackup(file: string, scratchDir: string): Promise<VerifiedBackup> {
  if (!existsSync(file)) throw new DomainError('not_found', `备份文件不存在：${basename(file)}`);
  mkdirSync(scratchDir, { recursive: true });
  // The backup itself is closed and not live, so copying it is safe; checks run on the copy.
  const copy = join(
    scratchDir,
    `.verify-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.sqlite3`,
  );
  copyFileSync(file, copy);
  const cleanup = () => {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  };
  let db: Database | null = null;
  try {
    db = await Database.open(copy);
    for (const pragma of ['quick_check', 'integrity_check'] as const) {
      const problems = await db.read((q) => integrityProblems(q, pragma));
      if (problems.length > 0)
        throw new DomainError('conflict', `备份文件检查未通过（${pragma}）：${problems.slice(0, 3).join('；')}`);
    }
    const version = await db.read(userVersion);
    if (version > LATEST_VERSION) {
      throw new DomainError(
        'conflict',
        `备份的数据库版本（${version}）高于本程序支持的版本（${LATEST_VERSION}），请使用新版本值班台恢复。`,
      );
    }
    const hasIncidents = await db.read((q) => hasTable(q, 'incidents'));
    if (version < 1 || !hasIncidents)
      throw new DomainError('conflict', `该文件不是值班台的数据备份：${basename(file)}`);
    const opened = db;
    return {
      db: opened,
      schemaVersion: version,
      dispose: async () => {
        await opened.close().catch(() => undefined);
        cleanup();
      },
    };
  } catch (err) {
    await db?.close().catch(() => undefined);
    cleanup();
    if (err instanceof DomainError) throw err;
    throw new DomainError('conflict', `备份文件无法作为数据库打开（${messageOf(err)}）：${basename(file)}`);
  }
}

/**
 * Restores `backupFile` into the open live database `db`: verify, safety copy of the current data
 * (online API), write the backup over the live file from a second connection while the live queue
 * is held, then migrate and check. The safety copy's path and the restored schema version.
 */
export async function restoreInto(
  db: Database,
  backupFile: string,
  dir: string,
  at: Date,
): Promise<{ safetyCopy: string; schemaVersion: number }> {
  if (db instanceof PgDatabase) return restorePostgres(db, backupFile, dir, at);
  const verified = await verifyBackup(backupFile, dir);
  try {
    const safetyCopy = await backupDatabase(db, dir, 'safety', at);
    await db.raw(() => verified.db.backupTo(db.file));
    await migrate(db);
    await checkIntegrity(db);
    return { safetyCopy, schemaVersion: verified.schemaVersion };
  } finally {
    await verified.dispose();
  }
}

/**
 * PostgreSQL: the dump is checked first (a pg_dump archive of this schema, holding the console's
 * tables, not written by a newer version), then a safety dump of the current data is taken, then
 * the schema is replaced in one transaction and brought up to this version's migrations.
 */
async function restorePostgres(
  db: PgDatabase,
  backupFile: string,
  dir: string,
  at: Date,
): Promise<{ safetyCopy: string; schemaVersion: number }> {
  if (!existsSync(backupFile)) throw new DomainError('not_found', `备份文件不存在：${basename(backupFile)}`);
  const facts = await readDump(backupFile, db.serverMajor);
  if (facts.version < 1 || !facts.hasIncidents)
    throw new DomainError('conflict', `该文件不是值班台的数据备份：${basename(backupFile)}`);
  if (facts.version > LATEST_VERSION) {
    throw new DomainError(
      'conflict',
      `备份的数据库版本（${facts.version}）高于本程序支持的版本（${LATEST_VERSION}），请使用新版本值班台恢复。`,
    );
  }
  if (facts.schema !== db.schemaName) {
    throw new DomainError(
      'conflict',
      `该备份来自数据库模式 ${facts.schema}，与当前使用的模式 ${db.schemaName} 不同，不能恢复。`,
    );
  }
  const safetyCopy = await backupDatabase(db, dir, 'safety', at);
  await db.restoreDump(backupFile);
  await migratePostgres(db);
  await db.loadIdTables();
  return { safetyCopy, schemaVersion: facts.version };
}

/**
 * Restores a backup into a database file that is not open — the path for a live file that does
 * not open, or is damaged or missing (start-up). Whatever is there is kept exactly as found: the
 * file and its -wal and -shm are moved aside unchanged (a stale -wal must never meet the restored
 * file). keptAs: where the old file went, or null when there was none.
 */
export async function restoreFile(
  liveFile: string,
  backupFile: string,
  dir: string,
  at: Date,
): Promise<{ keptAs: string | null; schemaVersion: number }> {
  const verified = await verifyBackup(backupFile, dir);
  try {
    const aside = backupPath(dir, 'safety', at).replace(/-safety(-\d+)?\.sqlite3$/, '-damaged$1.sqlite3');
    const moved: string[] = [];
    for (const ext of ['', '-wal', '-shm']) {
      if (!existsSync(liveFile + ext)) continue;
      renameSync(liveFile + ext, aside + ext);
      moved.push(aside + ext);
    }
    await verified.db.backupTo(liveFile);
    const check = await openDatabase(liveFile);
    await check.close();
    return { keptAs: moved[0] ?? null, schemaVersion: verified.schemaVersion };
  } finally {
    await verified.dispose();
  }
}
