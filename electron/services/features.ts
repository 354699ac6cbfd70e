/**
 * Each feature's handlers, merged into the one handler map. Add a feature: create its
 * `createXxxHandlers(ctx)` under services/<feature>/ and spread it here.
 */
import type { Handlers } from '../ipc/dispatch';
import type { FeatureContext } from './feature-context';
import { createDutyHandlers } from './duty/duty-handlers';
import { createDataHandlers } from './data/data-handlers';
import { createPrintHandlers } from './print/print-handlers';
import { createReportHandlers } from './reports/report-service';
import { createResponseHandlers } from './response/response-handlers';
import { createRosterHandlers } from './rosters/roster-handlers';
import { createStartupHandlers } from './startup/startup-handlers';

type CoreChannel =
  | 'app:info'
  | 'app:rotate-token'
  | 'duty:get'
  | 'duty:set'
  | 'incidents:create'
  | 'incidents:list'
  | 'incidents:get'
  | 'incidents:update'
  | 'incidents:set-status'
  | 'incidents:add-note'
  | 'incidents:void-entry'
  | 'incidents:set-reporting'
  | 'clocks:complete'
  | 'clocks:not-applicable'
  | 'clocks:upcoming'
  | 'alarms:state'
  | 'alarms:ack'
  | 'settings:get'
  | 'settings:set';

export function featureHandlers(ctx: FeatureContext): Omit<Handlers, CoreChannel> {
  return {
    ...createReportHandlers(ctx),
    ...createPrintHandlers(ctx),
    ...createRosterHandlers(ctx),
    ...createDutyHandlers(ctx),
    ...createDataHandlers(ctx),
    ...createResponseHandlers(ctx),
    ...createStartupHandlers(ctx),
  };
}
