/**
 * Start-up's first question: is the data folder a fresh install, a healthy database, or damage?
 * Answered before the database is opened for writing, so a damaged file is never "repaired" into
 * an empty one and is kept exactly as found.
 *
 * Fresh install: no database file, no -wal/-shm, no backups (a zero-byte file with none of those is
 * what a first start that crashed leaves, and holds nothing). Everything else that is not a
 * healthy database of this or an older version is damage.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupProblemKind } from '../../../shared/ipc/channels/startup';
import { Database, DatabaseOpenError } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrate';
import { integrityProblems, userVersion } from '../../db/data-repository';
import { BACKUP_DIR, listBackups } from '../data/backups';

export const DATABASE_FILE = 'duty.sqlite3';

export interface StartupProblem {
  kind: StartupProblemKind;
  /** What is wrong, in plain Chinese, for the officer and the administrator. */
  message: string;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const KEPT = '值班台没有改动这个文件。';

const sizeOf = (file: string): number | null => {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
};

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The database problem in `dataDir`, or null for a healthy database or a fresh install. */
export async function inspectDataFolder(dataDir: string): Promise<StartupProblem | null> {
  const file = join(dataDir, DATABASE_FILE);
  const size = sizeOf(file);
  const wal = sizeOf(`${file}-wal`);
  const shm = sizeOf(`${file}-shm`);
  const hasBackups = listBackups(join(dataDir, BACKUP_DIR)).length > 0;

  if (size === null) {
    if (wal !== null || shm !== null) {
      return {
        kind: 'orphan_journal',
        message: `数据库文件 ${DATABASE_FILE} 不见了，但它的日志文件（-wal/-shm）还在：数据库被删除或移走，不是新安装。${KEPT}`,
      };
    }
    if (hasBackups) {
      return {
        kind: 'missing',
        message: `数据库文件 ${DATABASE_FILE} 不见了，但数据文件夹中有备份：数据库被删除或移走，不是新安装。`,
      };
    }
    return null;
  }
  if (size === 0) {
    if (!hasBackups && !wal) return null;
    return { kind: 'empty', message: `数据库文件 ${DATABASE_FILE} 是空的（0 字节），之前记录的数据不在其中。${KEPT}` };
  }
  const header = readHeader(file);
  if (header.length < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
    return {
      kind: 'not_database',
      message: `数据库文件 ${DATABASE_FILE} 已损坏：文件头不是 SQLite 数据库（${size} 字节）。${KEPT}`,
    };
  }
  // The page count in the header is valid when the change counter matches "version-valid-for";
  // a main file shorter than that lost its tail. With a WAL present, pages may live in the WAL.
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  if (!wal && header.readUInt32BE(24) === header.readUInt32BE(92) && pages * pageSize > size) {
    return {
      kind: 'truncated',
      message: `数据库文件 ${DATABASE_FILE} 不完整：应有 ${pages * pageSize} 字节，实际只有 ${size} 字节（文件被截断）。${KEPT}`,
    };
  }

  let db: Database | null = null;
  try {
    // Read-only: nothing is written, and closing it does not checkpoint a WAL into the file.
    db = await Database.open(file, { readOnly: true });
    const version = await db.read(userVersion);
    if (version > LATEST_VERSION) {
      return {
        kind: 'too_new',
        message: `数据库由更新版本的值班台写入（数据库版本 ${version}，本程序支持到 ${LATEST_VERSION}）。请使用新版本值班台打开。${KEPT}`,
      };
    }
    const problems = await db.read((q) => integrityProblems(q, 'quick_check'));
    if (problems.length > 0) {
      // SQLite's own findings go to the log, not to the officer.
      console.error(`[startup] quick_check: ${problems.slice(0, 5).join('; ')}`);
      return { kind: 'corrupt', message: `数据库文件 ${DATABASE_FILE} 已损坏，完整性检查未通过。${KEPT}` };
    }
    return null;
  } catch {
    return { kind: 'corrupt', message: `数据库文件 ${DATABASE_FILE} 已损坏，无法作为数据库读取。${KEPT}` };
  } finally {
    await db?.close().catch(() => undefined);
  }
}

/** Thrown by createAppServices for a data folder that holds damage, not a fresh install. */
export class StartupDamageError extends DatabaseOpenError {
  constructor(readonly problem: StartupProblem) {
    super(problem.message, problem.kind === 'too_new' ? 'too_new' : 'corrupt');
  }
}

/** Throws StartupDamageError when the data folder holds damage (called by createAppServices). */
export async function assertOpenable(dataDir: string): Promise<void> {
  const problem = await inspectDataFolder(dataDir);
  if (problem) throw new StartupDamageError(problem);
}
