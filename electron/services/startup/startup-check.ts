/**
 * Start-up's first question: is the data folder a fresh install, a healthy database, or damage?
 * Answered before the database is opened for writing, so a damaged file is never "repaired" into
 * an empty one and is kept exactly as found.
 *
 * Fresh install: no database file, no -wal/-shm, no backups (a zero-byte file with none of those is
 * what a first start that crashed leaves, and holds nothing). Everything else that is not a
 * healthy database of this or an older version is damage.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupProblemKind } from '../../../shared/ipc/channels/startup';
import { Database, DatabaseOpenError, type SqliteDatabase } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrate';
import { firstRowProblems, integrityProblems, userVersion } from '../../db/data-repository';
import { BACKUP_DIR, listBackups } from '../data/backups';

export const DATABASE_FILE = 'duty.sqlite3';

/**
 * Left beside the database when the whole-file check after start found damage: the next start
 * then runs that check before opening, so the damage is named there and a backup offered.
 */
export const DAMAGE_MARK = `${DATABASE_FILE}.check-failed`;

/** What the officer reads when the check after start found the file damaged (writes are refused from then on). */
export const DAMAGED_MESSAGE = `数据库文件 ${DATABASE_FILE} 已损坏（启动后的完整性检查未通过）：新的记录不会被保存。请重启值班台，按提示从最近的备份恢复。`;

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

/**
 * The database problem in `dataDir`, or null for a healthy database or a fresh install.
 *
 * Before the services open the file: everything but SQLite's quick_check, which reads every page
 * (a ten-year history is a gigabyte), so the board never waits for it. The header, the size the
 * header gives, the schema, the version and the first row of every table are checked here; the
 * whole file is checked right after start (`WholeFileCheck`), and here only when `wholeFile` is
 * asked, when migrations are about to write into the file, or when that check failed last time.
 */
export async function inspectDataFolder(
  dataDir: string,
  opts: { wholeFile?: boolean } = {},
): Promise<StartupProblem | null> {
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
    const mark = join(dataDir, DAMAGE_MARK);
    const wholeFile = opts.wholeFile === true || version < LATEST_VERSION || existsSync(mark);
    const problems = await db.read((q) => (wholeFile ? integrityProblems(q, 'quick_check') : firstRowProblems(q)));
    if (problems.length > 0) {
      // SQLite's own findings go to the log, not to the officer.
      console.error(`[startup] ${wholeFile ? 'quick_check' : 'first rows'}: ${problems.slice(0, 5).join('; ')}`);
      return { kind: 'corrupt', message: `数据库文件 ${DATABASE_FILE} 已损坏，完整性检查未通过。${KEPT}` };
    }
    // The file now passes the whole check (a backup restored over it, say): the mark has served.
    if (wholeFile) rmSync(mark, { force: true });
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

/**
 * SQLite's quick_check of the whole file, after start: on its own read-only connection, so the
 * board's reads and the officer's writes never queue behind it. Damage found marks the database
 * (every write refused, the alarm-level banner) and leaves DAMAGE_MARK for the next start.
 */
export class WholeFileCheck {
  private running: Promise<StartupProblem | null> | null = null;
  private conn: SqliteDatabase | null = null;
  private stopped = false;

  constructor(
    private readonly dataDir: string,
    private readonly onDamage: (problem: StartupProblem) => void,
  ) {}

  /** Runs the check once (later calls share its outcome): the problem found, or null. */
  run(): Promise<StartupProblem | null> {
    this.running ??= this.check();
    return this.running;
  }

  /** Interrupts a check in progress (the services are closing); it then finds nothing. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.conn?.interrupt();
    await this.running?.catch(() => undefined);
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  private async check(): Promise<StartupProblem | null> {
    let problems: string[];
    try {
      this.conn = await Database.open(join(this.dataDir, DATABASE_FILE), { readOnly: true });
      if (this.isStopped()) return null;
      problems = await this.conn.read((q) => integrityProblems(q, 'quick_check'));
    } catch (err) {
      if (this.isStopped()) return null;
      // A file SQLite cannot even read through (SQLITE_CORRUPT, SQLITE_NOTADB) is damage too.
      problems = [err instanceof Error ? err.message : String(err)];
    } finally {
      // Forgotten before closing: stop() must not interrupt a connection that is closing (SQLite refuses).
      const conn = this.conn;
      this.conn = null;
      await conn?.close().catch(() => undefined);
    }
    // Read again after each await: stop() may have been called meanwhile.
    if (this.isStopped() || problems.length === 0) return null;
    console.error(`[startup] quick_check after start: ${problems.slice(0, 5).join('; ')}`);
    const problem: StartupProblem = { kind: 'corrupt', message: DAMAGED_MESSAGE };
    try {
      writeFileSync(
        join(this.dataDir, DAMAGE_MARK),
        `${new Date().toISOString()} quick_check:\n${problems.slice(0, 20).join('\n')}\n`,
      );
    } catch (err) {
      // The writes are refused either way; the next start then finds the damage by its own checks only.
      console.error('[startup] the damage mark could not be written', err);
    }
    this.onDamage(problem);
    return problem;
  }
}
