/**
 * Channels of start-up and storage health: whether the console could open its data, restoring
 * the latest verified backup when it could not, and whether the data folder is still usable.
 * They work in every state, including the recovery state where no other channel does.
 */
import { z } from 'zod';

export type StartupProblemKind =
  'missing' | 'orphan_journal' | 'empty' | 'not_database' | 'truncated' | 'corrupt' | 'too_new';

export interface StartupBackup {
  fileName: string;
  createdAt: string;
  bytes: number;
}

export interface StorageStatus {
  ok: boolean;
  /**
   * lost: the data folder is gone or unwritable. write_failed: the last write met a full disk, a
   * read-only file or an I/O error. corrupt: the whole-file check after start found the file damaged.
   */
  cause: 'lost' | 'write_failed' | 'corrupt' | null;
  /** Why writes are refused, in the words the officer reads; null while all is well. */
  problem: string | null;
}

export interface StartupStatus {
  /** ready: the console runs on its data. recovery: the data could not be opened; only these channels work. */
  state: 'ready' | 'recovery';
  problem: { kind: StartupProblemKind; message: string } | null;
  /** The newest backup that opened and passed its checks, offered for restore (recovery only). */
  latestBackup: StartupBackup | null;
  /** Restoring may proceed (false for a database from a newer version, or without a verified backup). */
  canRestore: boolean;
  dataDir: string;
}

export interface StartupRestoreResult {
  restoredFrom: string;
  /** Where the damaged file was moved, unchanged; null when there was no file. */
  keptAs: string | null;
}

export const startupChannels = {
  'startup:status': z.object({}).strict().default({}),
  'startup:restore-latest': z.object({}).strict().default({}),
  'storage:status': z.object({}).strict().default({}),
} as const;

export interface StartupOutputs {
  'startup:status': StartupStatus;
  'startup:restore-latest': StartupRestoreResult;
  'storage:status': StorageStatus;
}
