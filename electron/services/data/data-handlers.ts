/** The data:* channels: thin handlers over DataService. */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../feature-context';
import { DataService, type DataServiceOptions } from './data-service';

const services = new WeakMap<FeatureContext, DataService>();

/** The data service made for this context (for the composition root: stopSchedule on close). */
export function dataServiceOf(ctx: FeatureContext): DataService | undefined {
  return services.get(ctx);
}

export function createDataHandlers(ctx: FeatureContext, opts: DataServiceOptions = {}) {
  const s = new DataService(ctx, opts);
  services.set(ctx, s);
  s.startSchedule();
  return {
    'data:export-incidents': (a: ChannelArgs<'data:export-incidents'>) => s.exportIncidents(a),
    'data:export-incident': (a: ChannelArgs<'data:export-incident'>) => s.exportIncident(a),
    'data:export-progress': async (a: ChannelArgs<'data:export-progress'>) => s.getProgress(a.jobId),
    'data:stats': (a: ChannelArgs<'data:stats'>) => s.stats(a),
    'data:export-stats': (a: ChannelArgs<'data:export-stats'>) => s.exportStats(a),
    'data:backups': async () => s.state(),
    'data:backup-now': () => s.backup('manual'),
    'data:restore': (a: ChannelArgs<'data:restore'>) => s.restore(a.fileName),
    'data:export-all': () => s.exportAll(),
    'data:import-all': (a: ChannelArgs<'data:import-all'>) => s.importAll(a),
  };
}
