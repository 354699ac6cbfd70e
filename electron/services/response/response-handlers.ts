/** The response:* and warnings:* channels: thin handlers over ResponseService and WarningService. */
import type { ChannelArgs } from '../../../shared/ipc/contract';
import type { FeatureContext } from '../feature-context';
import { ResponseService } from './response-service';
import { WarningService } from './warning-service';

export function createResponseHandlers(ctx: FeatureContext) {
  const r = new ResponseService(ctx);
  const w = new WarningService(ctx);
  return {
    'response:get': (a: ChannelArgs<'response:get'>) => r.get(a.incidentId),
    'response:start': (a: ChannelArgs<'response:start'>) => r.start(a),
    'response:change-level': (a: ChannelArgs<'response:change-level'>) => r.changeLevel(a),
    'response:tick': (a: ChannelArgs<'response:tick'>) => r.tick(a),
    'response:not-applicable': (a: ChannelArgs<'response:not-applicable'>) => r.notApplicable(a),
    'response:confirm-condition': (a: ChannelArgs<'response:confirm-condition'>) => r.confirmCondition(a),
    'response:end': (a: ChannelArgs<'response:end'>) => r.end(a),
    'response:task-deadline': (a: ChannelArgs<'response:task-deadline'>) => r.taskDeadline(a),
    'response:task-done': (a: ChannelArgs<'response:task-done'>) => r.taskDone(a),
    'warnings:list': (a: ChannelArgs<'warnings:list'>) => w.list(a.activeOnly),
    'warnings:issue': (a: ChannelArgs<'warnings:issue'>) => w.issue(a),
    'warnings:lift': (a: ChannelArgs<'warnings:lift'>) => w.lift(a),
    'warnings:change': (a: ChannelArgs<'warnings:change'>) => w.change(a),
    'warnings:link': (a: ChannelArgs<'warnings:link'>) => w.link(a),
    'warnings:tick-action': (a: ChannelArgs<'warnings:tick-action'>) => w.tickAction(a),
    'warnings:issuers': async (a: ChannelArgs<'warnings:issuers'>) => w.issuers(a),
  };
}
