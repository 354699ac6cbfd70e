/** The incidents:*, clocks:* and duty:get/set channels: thin handlers over IncidentService. */
import type { IncidentOutputs } from '../../../shared/ipc/channels/incidents';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';
import { officersOfSeat } from '../accounts/account-handlers';

export function createIncidentHandlers(ctx: FeatureContext): Pick<Handlers, keyof IncidentOutputs> {
  // One service per data folder: the composition root made it, because the alarm engine reads it too.
  const s = ctx.incidents;
  return {
    'duty:get': () => s.getDuty(),
    'duty:set': (a, call) => s.setDuty(officersOfSeat(a, call)),
    'incidents:create': (a) => s.create(a),
    'incidents:list': (a) => s.page(a),
    'incidents:get': (a) => s.get(a.id),
    'incidents:update': (a) => s.update(a),
    'incidents:set-status': (a) => s.setStatus(a),
    'incidents:add-note': (a) => s.addNote(a),
    'incidents:void-entry': (a) => s.voidEntry(a),
    'incidents:set-reporting': (a) => s.setReporting(a),
    'clocks:complete': (a) => s.completeClock(a),
    'clocks:not-applicable': (a) => s.markNotApplicable(a),
    'clocks:upcoming': () => s.openClocks(),
  };
}
