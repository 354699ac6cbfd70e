/**
 * The response:* and warnings:* channels: thin handlers over ResponseService and WarningService.
 * A response handler owns the unit of work: one db.write per call, in which the service changes the
 * response and, through the IncidentService, the incident's status and level, all or nothing.
 */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { ResponseView } from '../../../shared/ipc/channels/response';
import type { Queryable } from '../../db/connection';
import type { FeatureContext } from '../feature-context';
import { ResponseService } from './response-service';
import { WarningService } from './warning-service';

export function createResponseHandlers(ctx: FeatureContext) {
  const r = new ResponseService(ctx);
  const w = new WarningService(ctx);
  const view = (incidentId: number): Promise<ResponseView> => ctx.db.read((q) => r.get(q, incidentId));
  /** One transaction; the UI hears of it only after its COMMIT. `incident`: the status or level moved too. */
  const write =
    <A extends { incidentId: number }>(fn: (q: Queryable, a: A) => Promise<void>, incident = false) =>
    async (a: A): Promise<ResponseView> => {
      await ctx.db.write((q) => fn(q, a));
      if (incident) ctx.changed('incidents');
      ctx.changed('response');
      return view(a.incidentId);
    };
  return {
    'response:get': (a: ChannelArgs<'response:get'>) => view(a.incidentId),
    'response:start': write<ChannelArgs<'response:start'>>((q, a) => r.start(q, a), true),
    'response:change-level': write<ChannelArgs<'response:change-level'>>((q, a) => r.changeLevel(q, a), true),
    'response:tick': write<ChannelArgs<'response:tick'>>((q, a) => r.tick(q, a)),
    'response:not-applicable': write<ChannelArgs<'response:not-applicable'>>((q, a) => r.notApplicable(q, a)),
    'response:confirm-condition': write<ChannelArgs<'response:confirm-condition'>>((q, a) => r.confirmCondition(q, a)),
    'response:end': write<ChannelArgs<'response:end'>>((q, a) => r.end(q, a), true),
    'response:task-deadline': write<ChannelArgs<'response:task-deadline'>>((q, a) => r.taskDeadline(q, a)),
    'response:task-done': write<ChannelArgs<'response:task-done'>>((q, a) => r.taskDone(q, a)),
    'warnings:list': (a: ChannelArgs<'warnings:list'>) => w.list(a.activeOnly),
    'warnings:issue': (a: ChannelArgs<'warnings:issue'>) => w.issue(a),
    'warnings:lift': (a: ChannelArgs<'warnings:lift'>) => w.lift(a),
    'warnings:change': (a: ChannelArgs<'warnings:change'>) => w.change(a),
    'warnings:link': (a: ChannelArgs<'warnings:link'>) => w.link(a),
    'warnings:tick-action': (a: ChannelArgs<'warnings:tick-action'>) => w.tickAction(a),
    'warnings:issuers': async (a: ChannelArgs<'warnings:issuers'>) => w.issuers(a),
  };
}
