/**
 * Start-up for both hosts. `bootServices` never mistakes damage for a fresh install: when the data
 * cannot be opened (see startup-check.ts) it starts in a recovery state in which only the
 * start-up channels answer, says what is wrong, keeps the file, and offers the latest verified
 * backup. Restoring it brings up the full services in place, without a restart of the host.
 */
import { join } from 'node:path';
import type { StartupBackup, StartupRestoreResult, StartupStatus } from '../../../shared/ipc/channels/startup';
import { CHANNELS } from '../../../shared/ipc/contract';
import { DomainError } from '../../../shared/ipc/result';
import { DatabaseOpenError } from '../../db/connection';
import { GATE } from '../../ipc/dispatch';
import type { CallContext, Gate, Handlers } from '../../ipc/dispatch';
import { requirementOf } from '../../../shared/accounts/policy';
import { createAppServices } from '../app-services';
import type { AppServices, AppServicesOptions } from '../app-services';
import { BACKUP_DIR, listBackups, restoreFile, verifyBackup } from '../data/backups';
import { DATABASE_FILE, StartupDamageError } from './startup-check';
import type { StartupProblem } from './startup-check';
import { requestRebase } from '../integrity/chain-anchor';

/**
 * Who may restore at start-up. The console has no accounts yet, so whoever sits at it may. When
 * accounts exist, pass an authorizer to bootServices that checks an administrator's password
 * against the accounts in `backupFile` (the data about to be restored), and carry the password in
 * the input of 'startup:restore-latest'.
 */
export type RestoreAuthorizer = (backupFile: string) => Promise<void>;
const WITHOUT_ACCOUNTS: RestoreAuthorizer = async () => undefined;

/** The newest manual or scheduled backup that opens and passes its checks; older ones are tried in turn. */
export async function latestVerifiedBackup(dataDir: string): Promise<(StartupBackup & { path: string }) | null> {
  const dir = join(dataDir, BACKUP_DIR);
  for (const b of listBackups(dir).filter((x) => x.kind !== 'safety')) {
    try {
      const verified = await verifyBackup(b.path, dir);
      await verified.dispose();
      return { fileName: b.fileName, createdAt: b.createdAt, bytes: b.bytes, path: b.path };
    } catch {
      // A damaged backup is skipped: the next older one may be sound.
    }
  }
  return null;
}

/** Restores the latest verified backup over a database that is not open; the damaged file is kept aside. */
export async function restoreLatestBackup(
  dataDir: string,
  at: Date,
  authorize: RestoreAuthorizer = WITHOUT_ACCOUNTS,
): Promise<StartupRestoreResult> {
  const latest = await latestVerifiedBackup(dataDir);
  if (!latest) throw new DomainError('not_found', '没有可用的备份：数据文件夹中没有通过检查的备份文件。请联系管理员。');
  await authorize(latest.path);
  const { keptAs } = await restoreFile(join(dataDir, DATABASE_FILE), latest.path, join(dataDir, BACKUP_DIR), at);
  // The restored file's chain is shorter than the anchor: the next start re-bases it, in the audit (issue 18).
  requestRebase(dataDir, `启动时从备份 ${latest.fileName} 恢复`);
  return { restoredFrom: latest.fileName, keptAs };
}

export interface Boot {
  /** One handler map for the host's lifetime: in recovery, each entry delegates to the services a restore brings up. */
  handlers: Handlers;
  services(): AppServices | null;
  /** What start-up found wrong with the data (null when the services run on it). */
  problem(): StartupProblem | null;
  close(): Promise<void>;
}

/** A database problem at start-up as the recovery state shows it (DatabaseOpenError from opening, too). */
function problemOf(err: unknown): StartupProblem | null {
  if (err instanceof StartupDamageError) return err.problem;
  if (err instanceof DatabaseOpenError) {
    return { kind: err.kind === 'too_new' ? 'too_new' : 'corrupt', message: err.message };
  }
  return null;
}

/**
 * Starts the services, or the recovery state when the data cannot be opened. Other errors (a
 * data folder that cannot be created, say) still throw: there is nothing to recover from.
 */
export async function bootServices(opts: AppServicesOptions & { authorizeRestore?: RestoreAuthorizer }): Promise<Boot> {
  const now = opts.now ?? (() => new Date());
  let services: AppServices | null = null;
  try {
    services = await createAppServices(opts);
    return {
      handlers: services.handlers,
      services: () => services,
      problem: () => null,
      close: async () => services?.close(),
    };
  } catch (err) {
    const problem = problemOf(err);
    if (!problem) throw err;
    // On PostgreSQL the data is the server's: a SQLite file backup of this folder is no remedy.
    const latest = problem.kind === 'too_new' || opts.databaseUrl ? null : await latestVerifiedBackup(opts.dataDir);
    const status: StartupStatus = {
      state: 'recovery',
      problem: { kind: problem.kind, message: problem.message },
      latestBackup: latest && { fileName: latest.fileName, createdAt: latest.createdAt, bytes: latest.bytes },
      canRestore: latest !== null,
      dataDir: opts.dataDir,
    };
    const refusal = `值班台未能打开数据，现处于恢复状态：${problem.message}`;
    // Hosts may copy the handler map, so every entry delegates to `current`, which a restore replaces.
    const current: Record<string, (args: never, call?: CallContext) => Promise<unknown>> = {};
    const handlers: Record<string, (args: never) => Promise<unknown>> = {};
    for (const channel of CHANNELS) {
      current[channel] = async () => {
        throw new DomainError('conflict', refusal);
      };
      handlers[channel] = (args, call?: CallContext) => {
        const handler = current[channel];
        if (!handler) throw new DomainError('conflict', refusal);
        return handler(args, call);
      };
    }
    // The restored services' gate checks every call once they run; until then only public channels pass.
    const gate: Gate = {
      authorize: async (seat, channel) => {
        const restored = services?.handlers[GATE];
        if (restored) return restored.authorize(seat, channel);
        return requirementOf(channel) === 'public'
          ? { ok: true, session: null }
          : { ok: false, error: { code: 'conflict', message: refusal } };
      },
    };
    Object.assign(handlers, { [GATE]: gate });
    let restoring = false;
    Object.assign(current, {
      'startup:status': async () => status,
      'storage:status': async () => ({ ok: false, cause: null, problem: refusal }),
      'startup:restore-latest': async () => {
        if (problem.kind === 'too_new') {
          throw new DomainError('conflict', '数据库由更新版本的值班台写入：请使用新版本打开，不能用旧备份覆盖。');
        }
        if (restoring || services) throw new DomainError('conflict', '正在恢复或已经恢复，请稍候刷新页面。');
        restoring = true;
        try {
          const result = await restoreLatestBackup(opts.dataDir, now(), opts.authorizeRestore);
          const restored = await createAppServices(opts);
          // The backup's session rows are those of its moment: every seat logs in again, as after
          // a restore from the 数据 page, so none comes back logged in from the backup.
          await restored.accounts.logOutEverySeat().catch(async (err: unknown) => {
            await restored.close();
            throw err;
          });
          services = restored;
          Object.assign(current, services.handlers);
          return result;
        } finally {
          restoring = false;
        }
      },
    } satisfies Pick<Handlers, 'startup:status' | 'storage:status' | 'startup:restore-latest'>);
    return {
      // Every channel is present (filled from CHANNELS above); the record type cannot say so.
      handlers: handlers as unknown as Handlers,
      services: () => services,
      problem: () => (services ? null : problem),
      close: async () => {
        await services?.close();
      },
    };
  }
}
