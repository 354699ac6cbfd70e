/** The rosters:* channels: thin handlers over RosterService and RosterFiles. */
import type { Handlers } from '../../ipc/dispatch';
import type { RosterOutputs } from '../../../shared/ipc/channels/rosters';
import type { FeatureContext } from '../feature-context';
import { RosterFiles } from './roster-files';
import { RosterService } from './roster-service';

export function createRosterHandlers(ctx: FeatureContext): Pick<Handlers, keyof RosterOutputs> {
  const s = new RosterService(ctx);
  const files = new RosterFiles(ctx, s);
  return {
    'rosters:list': () => s.list(),
    'rosters:get': (a) => s.get(a.rosterId, a.includeEnded),
    'rosters:search': (a) => s.search(a.query, a.rosterId),
    'rosters:save-contact': (a) => s.saveContact(a),
    'rosters:end-contact': (a) => s.endContact(a),
    'rosters:history': (a) => s.history(a),
    'rosters:call-list': (a) => s.callList(a),
    'rosters:record-call': (a) => s.recordCall(a),
    'rosters:import-preview': (a) => files.preview(a),
    'rosters:import-apply': (a) => files.apply(a),
    'rosters:export': (a) => files.export(a),
    'rosters:print-data': (a) => s.printData(a.rosterId),
    'rosters:seed': () => s.seed(),
  };
}
