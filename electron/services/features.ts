/**
 * Each feature's handlers, merged into the one handler map. Add a feature: its channels in
 * shared/ipc/channels/<feature>.ts, its `createXxxHandlers(ctx)` under services/<feature>/, spread
 * here. The app:, alarms: and settings: channels (channels/app.ts) are the composition root's.
 */
import type { AppOutputs } from '../../shared/ipc/channels/app';
import type { Handlers } from '../ipc/dispatch';
import type { FeatureContext } from './feature-context';
import {
  accountServiceOf,
  createAccountHandlers,
  withAuditedExports,
  withAuditedLeaderActs,
} from './accounts/account-handlers';
import { createSeatHandlers, seatServiceOf } from './seats/seat-handlers';
import { createDutyHandlers } from './duty/duty-handlers';
import { createHolidayHandlers } from './holidays/holiday-handlers';
import { createDataHandlers } from './data/data-handlers';
import { createIncidentHandlers } from './incidents/incident-handlers';
import { createIntegrityHandlers } from './integrity/integrity-handlers';
import { createPrintHandlers } from './print/print-handlers';
import { createReportHandlers } from './reports/report-handlers';
import { createResponseHandlers } from './response/response-handlers';
import { createRosterHandlers } from './rosters/roster-handlers';
import { createStartupHandlers } from './startup/startup-handlers';

export function featureHandlers(ctx: FeatureContext): Omit<Handlers, keyof AppOutputs> {
  // Every export from a seat is recorded in the audit, and so is a leader's act that has no record of its own (issue 18).
  const exported = withAuditedExports(ctx, {
    ...createIncidentHandlers(ctx),
    ...createReportHandlers(ctx),
    ...createPrintHandlers(ctx),
    ...createRosterHandlers(ctx),
    ...createDutyHandlers(ctx),
    ...createHolidayHandlers(ctx),
    ...createDataHandlers(ctx),
    ...createResponseHandlers(ctx),
    ...createStartupHandlers(ctx),
    ...createIntegrityHandlers(ctx),
    ...createAccountHandlers(ctx),
  });
  const features = withAuditedLeaderActs(ctx, exported);
  // The seats' gate wraps the accounts' one; the wall board reads the other features' channels.
  return { ...features, ...createSeatHandlers(ctx, seatServiceOf(ctx, accountServiceOf(ctx)), features) };
}
