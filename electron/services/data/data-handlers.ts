/** The data:* channels: thin handlers over DataService. */
import type { Handlers } from '../../ipc/dispatch';
import type { DataOutputs } from '../../../shared/ipc/channels/data';
import type { FeatureContext } from '../feature-context';
import { DataService, type DataServiceOptions } from './data-service';

const services = new WeakMap<FeatureContext, DataService>();

/** The data service made for this context (for the composition root: stopSchedule on close). */
export function dataServiceOf(ctx: FeatureContext): DataService | undefined {
  return services.get(ctx);
}

export function createDataHandlers(
  ctx: FeatureContext,
  opts: DataServiceOptions = {},
): Pick<Handlers, keyof DataOutputs> {
  const s = new DataService(ctx, opts);
  services.set(ctx, s);
  s.startSchedule();
  return {
    'data:export-incidents': (a) => s.exportIncidents(a),
    'data:export-incident': (a) => s.exportIncident(a),
    'data:export-progress': async (a) => s.getProgress(a.jobId),
    'data:stats': (a) => s.stats(a),
    'data:export-stats': (a) => s.exportStats(a),
    'data:backups': async () => s.state(),
    'data:backup-now': () => s.backup('manual'),
    'data:restore': (a) => s.restore(a.fileName),
    'data:export-all': () => s.exportAll(),
    'data:import-all': (a) => s.importAll(a),
  };
}
