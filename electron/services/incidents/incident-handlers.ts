/**
 * The incidents:*, clocks:* and duty:get/set channels over IncidentService. Each call is one unit of
 * work that this layer owns: one db.write (or db.read) in which the service runs; the UI and the
 * alarms hear of a change only after its COMMIT, and the incident is then read back as committed.
 */
import type { Officer } from '../../../shared/domain/incident';
import type { IncidentDetail } from '../../../shared/domain/incident-view';
import type { IncidentOutputs } from '../../../shared/ipc/channels/incidents';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { IncidentFilter } from '../../../shared/ipc/schemas';
import type { Queryable } from '../../db/connection';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { officersOfSeat } from '../accounts/account-handlers';
import { SharedReads } from '../../db/shared-reads';

/**
 * The incident feature, one call one unit of work: what the handlers answer, and what the
 * composition root hands to tests, the bench and the scripts as `services.incidents`.
 */
export function incidentCalls(ctx: FeatureContext) {
  // One service per data folder: the composition root made it, because the alarm engine reads it too.
  const s = ctx.incidents;
  const read = <T>(work: (q: Queryable) => Promise<T>): Promise<T> => ctx.db.read(work);
  // A page depends on its arguments and the database only (no clock, no caller): the board's
  // re-reads by every seat after a change share one unit while it waits to begin (db/shared-reads.ts).
  const shared = new SharedReads(read);
  /** Writes, then (only once committed, and only when it changed something) tells the UI, then reads back. */
  const write = async (id: number, work: (q: Queryable) => Promise<unknown>): Promise<IncidentDetail> => {
    if ((await ctx.db.write(work)) !== false) ctx.changed('incidents');
    return read((q) => s.get(q, id));
  };
  return {
    getDuty: () => read((q) => s.getDuty(q)),
    setDuty: async (o: Officer): Promise<Officer> => {
      await ctx.db.write((q) => s.setDuty(q, o));
      ctx.changed('duty');
      return o;
    },
    create: async (a: ChannelArgs<'incidents:create'>): Promise<IncidentDetail> => {
      // The detail is the one the unit wrote, its timeline read inside the same transaction.
      const detail = await ctx.db.write((q) => s.create(q, a));
      ctx.changed('incidents');
      return detail;
    },
    get: (id: number) => read((q) => s.get(q, id)),
    list: (filter: Partial<IncidentFilter> = {}) => read((q) => s.list(q, filter)),
    page: (a: ChannelArgs<'incidents:list'>) => shared.run(JSON.stringify(a), (q) => s.page(q, a)),
    summariesOf: (ids: readonly number[]) => read((q) => s.summariesOf(q, ids)),
    openClocks: () => read((q) => s.openClocks(q)),
    update: (a: ChannelArgs<'incidents:update'>) => write(a.id, (q) => s.update(q, a)),
    setStatus: (a: Parameters<typeof s.setStatus>[1]) => write(a.id, (q) => s.setStatus(q, a)),
    addNote: (a: ChannelArgs<'incidents:add-note'>) => write(a.id, (q) => s.addNote(q, a)),
    voidEntry: (a: ChannelArgs<'incidents:void-entry'>) => write(a.incidentId, (q) => s.voidEntry(q, a)),
    setReporting: (a: ChannelArgs<'incidents:set-reporting'>) => write(a.id, (q) => s.setReporting(q, a)),
    completeClock: (a: ChannelArgs<'clocks:complete'>) => write(a.incidentId, (q) => s.completeClock(q, a)),
    markNotApplicable: (a: ChannelArgs<'clocks:not-applicable'>) =>
      write(a.incidentId, (q) => s.markNotApplicable(q, a)),
  };
}

export type IncidentCalls = ReturnType<typeof incidentCalls>;

export function createIncidentHandlers(ctx: FeatureContext): Pick<Handlers, keyof IncidentOutputs> {
  const c = incidentCalls(ctx);
  return {
    'duty:get': () => c.getDuty(),
    'duty:set': (a, call) => c.setDuty(officersOfSeat(a, call)),
    'incidents:create': (a) => c.create(a),
    'incidents:list': (a) => c.page(a),
    'incidents:get': (a) => c.get(a.id),
    'incidents:update': (a) => c.update(a),
    'incidents:set-status': (a) => c.setStatus(a),
    'incidents:add-note': (a) => c.addNote(a),
    'incidents:void-entry': (a) => c.voidEntry(a),
    'incidents:set-reporting': (a) => c.setReporting(a),
    'clocks:complete': (a) => c.completeClock(a),
    'clocks:not-applicable': (a) => c.markNotApplicable(a),
    'clocks:upcoming': () => c.openClocks(),
  };
}
