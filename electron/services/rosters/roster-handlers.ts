/** The rosters:* channels: thin handlers over RosterService and RosterFiles. */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../feature-context';
import { RosterFiles } from './roster-files';
import { RosterService } from './roster-service';

export function createRosterHandlers(ctx: FeatureContext) {
  const s = new RosterService(ctx);
  const files = new RosterFiles(ctx, s);
  return {
    'rosters:list': () => s.list(),
    'rosters:get': (a: ChannelArgs<'rosters:get'>) => s.get(a.rosterId, a.includeEnded),
    'rosters:search': (a: ChannelArgs<'rosters:search'>) => s.search(a.query, a.rosterId),
    'rosters:save-contact': (a: ChannelArgs<'rosters:save-contact'>) => s.saveContact(a),
    'rosters:end-contact': (a: ChannelArgs<'rosters:end-contact'>) => s.endContact(a),
    'rosters:history': (a: ChannelArgs<'rosters:history'>) => s.history(a),
    'rosters:call-list': (a: ChannelArgs<'rosters:call-list'>) => s.callList(a),
    'rosters:record-call': (a: ChannelArgs<'rosters:record-call'>) => s.recordCall(a),
    'rosters:import-preview': (a: ChannelArgs<'rosters:import-preview'>) => files.preview(a),
    'rosters:import-apply': (a: ChannelArgs<'rosters:import-apply'>) => files.apply(a),
    'rosters:export': (a: ChannelArgs<'rosters:export'>) => files.export(a),
    'rosters:print-data': (a: ChannelArgs<'rosters:print-data'>) => s.printData(a.rosterId),
    'rosters:seed': () => s.seed(),
  };
}
