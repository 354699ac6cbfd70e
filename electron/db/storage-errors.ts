/**
 * Storage failures as the officer reads them. SQLite's result codes and Node's file-system codes
 * for the same conditions (disk full, read-only, I/O error) become one clear refusal that says the
 * action was not saved; the raw text never reaches the screen. No sqlite3 import: the IPC
 * dispatcher maps errors from every path through this module.
 */
import { DomainError } from '../../shared/ipc/result';

/** Shown when the database file is no longer the one that was opened, or its folder is unwritable. */
export const STORAGE_LOST_MESSAGE =
  '数据文件夹已不可用（已被删除或不可写）：本次操作未保存。请联系管理员恢复数据文件夹后重启值班台。';

/** SQLite failures that mean the storage failed, not the statement, as the message an officer reads. */
const STORAGE_FAILURES: Record<string, string> = {
  SQLITE_FULL: '磁盘空间已满：本次操作未保存。请联系管理员清理磁盘空间后重试。',
  SQLITE_READONLY: '数据文件只读，无法写入：本次操作未保存。请联系管理员检查数据文件夹的权限。',
  SQLITE_IOERR: '读写数据文件时发生磁盘错误：本次操作未保存。请联系管理员检查磁盘后重试。',
  SQLITE_CANTOPEN: '无法打开数据文件：本次操作未保存。请联系管理员检查数据文件夹。',
  SQLITE_CORRUPT: '数据文件已损坏：本次操作未保存。请重启值班台，按提示从备份恢复。',
  SQLITE_NOTADB: '数据文件已损坏：本次操作未保存。请重启值班台，按提示从备份恢复。',
};

/** The same failures as Node reports them for plain files (exports, settings, backups). */
const FILE_FAILURES: Record<string, string> = {
  ENOSPC: 'SQLITE_FULL',
  EDQUOT: 'SQLITE_FULL',
  EFBIG: 'SQLITE_FULL',
  EROFS: 'SQLITE_READONLY',
  EIO: 'SQLITE_IOERR',
};

/** A storage failure (from SQLite or the file system) as a clear refusal; any other error unchanged. */
export function storageError(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  // any thrown value: code is read as unknown and checked on the next line
  const raw = (err as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? (FILE_FAILURES[raw] ?? raw) : undefined;
  const message = code ? STORAGE_FAILURES[code] : undefined;
  return message && code ? new StorageError(message, code) : err;
}

/** A write refused because the disk or the data folder failed; nothing of it was committed. */
export class StorageError extends DomainError {
  constructor(
    message: string,
    /** The SQLite code, or 'lost' for a data folder that is gone or unwritable. */
    readonly reason: string,
  ) {
    super('internal', message);
    this.name = 'StorageError';
  }
}
