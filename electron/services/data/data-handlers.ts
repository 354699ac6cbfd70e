/**
 * The data:* channels over DataService. A read runs in a transaction opened here, and an export
 * writes its file after that read; backups, a restore and the full export or import are
 * whole-database operations, each its own unit of work (backups.ts, full-export.ts).
 */
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
    'data:export-incidents': async (a) => s.exportIncidents(a, await ctx.db.read((q) => s.incidentsIn(q, a))),
    'data:export-incident': async (a) => s.exportIncident(a, await ctx.db.read((q) => ctx.incidents.get(q, a.id))),
    'data:export-progress': async (a) => s.getProgress(a.jobId),
    'data:stats': (a) => ctx.db.read((q) => s.stats(q, a)),
    'data:export-stats': async (a) => s.exportStats(a, await ctx.db.read((q) => s.stats(q, a))),
    'data:backups': async () => s.state(),
    'data:backup-now': () => s.backup('manual'),
    'data:restore': async (a) => {
      await ctx.db.read((q) => s.mayRestore(q));
      const restored = await s.restore(a.fileName);
      const incidents = await ctx.db.read((q) => s.incidentCount(q));
      ctx.changed('restore');
      return { ...restored, incidents };
    },
    'data:export-all': () => s.exportAll(),
    'data:import-all': (a) => s.importAll(a),
  };
}
