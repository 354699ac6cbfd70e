/**
 * The response:* and warnings:* channels: thin handlers over ResponseService and WarningService.
 * Each write handler owns the unit of work: one db.write per call, in which the service changes the
 * response (or warning) and, through the IncidentService, the incident's status, level and
 * timeline, all or nothing. The UI hears of the change only after the COMMIT.
 */
import type { ResponseOutputs, ResponseView, WarningView } from '../../../shared/ipc/channels/response';
import type { Queryable } from '../../db/connection';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { ResponseService } from './response-service';
import { WarningService } from './warning-service';

export function createResponseHandlers(ctx: FeatureContext): Pick<Handlers, keyof ResponseOutputs> {
  const r = new ResponseService(ctx);
  const w = new WarningService(ctx);
  const response = (incidentId: number): Promise<ResponseView> => ctx.db.read((q) => r.get(q, incidentId));
  const warning = (id: number): Promise<WarningView> => ctx.db.read((q) => w.get(q, id));
  /** `movesIncident`: the call changes the incident's status or level too. */
  const writeResponse = async (
    incidentId: number,
    work: (q: Queryable) => Promise<void>,
    movesIncident = false,
  ): Promise<ResponseView> => {
    await ctx.db.write(work);
    if (movesIncident) ctx.changed('incidents');
    ctx.changed('response');
    return response(incidentId);
  };
  /** `work` returns the id of the warning it wrote. */
  const writeWarning = async (work: (q: Queryable) => Promise<number>): Promise<WarningView> => {
    const id = await ctx.db.write(work);
    ctx.changed('warnings');
    return warning(id);
  };
  return {
    'response:get': (a) => response(a.incidentId),
    'response:start': (a) => writeResponse(a.incidentId, (q) => r.start(q, a), true),
    'response:change-level': (a) => writeResponse(a.incidentId, (q) => r.changeLevel(q, a), true),
    'response:tick': (a) => writeResponse(a.incidentId, (q) => r.tick(q, a)),
    'response:not-applicable': (a) => writeResponse(a.incidentId, (q) => r.notApplicable(q, a)),
    'response:confirm-condition': (a) => writeResponse(a.incidentId, (q) => r.confirmCondition(q, a)),
    'response:end': (a) => writeResponse(a.incidentId, (q) => r.end(q, a), true),
    'response:task-deadline': (a) => writeResponse(a.incidentId, (q) => r.taskDeadline(q, a)),
    'response:task-done': (a) => writeResponse(a.incidentId, (q) => r.taskDone(q, a)),
    'warnings:list': (a) => ctx.db.read((q) => w.list(q, a.activeOnly)),
    'warnings:issue': (a) => writeWarning((q) => w.issue(q, a)),
    'warnings:lift': (a) => writeWarning((q) => w.lift(q, a)),
    'warnings:change': (a) => writeWarning((q) => w.change(q, a)),
    'warnings:link': (a) => writeWarning((q) => w.link(q, a)),
    'warnings:tick-action': (a) => writeWarning((q) => w.tickAction(q, a)),
    'warnings:issuers': async (a) => w.issuers(a),
  };
}
