/** The start-up and storage channels while the console runs on its data (recovery: startup-service.ts). */
import type { StartupOutputs } from '../../../shared/ipc/channels/startup';
import { DomainError } from '../../../shared/ipc/result';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';

/** The start-up channels while the console runs normally. */
export function createStartupHandlers(ctx: FeatureContext): Pick<Handlers, keyof StartupOutputs> {
  return {
    'startup:status': async () => ({
      state: 'ready',
      problem: null,
      latestBackup: null,
      canRestore: false,
      dataDir: ctx.dataDir,
    }),
    'startup:restore-latest': async () => {
      throw new DomainError('conflict', '数据库正常，无需恢复。要恢复某个备份，请在「数据」页面中选择。');
    },
    'storage:status': async () => ctx.db.storageStatus(),
  };
}
