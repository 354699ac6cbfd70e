/**
 * Channels of the incident feature: registration, the incident's lifecycle, notes, its reporting
 * clocks, and who is on duty (every incident write names the officer). Add a channel: its schema
 * here and its result type in IncidentOutputs.
 */
import type { Officer, IncidentStatus } from '../../domain/incident';
import type { IncidentClock, IncidentDetail, IncidentSummary } from '../../domain/incident-view';
import * as s from '../schemas';

export const incidentChannels = {
  'duty:get': s.emptySchema,
  'duty:set': s.officerSchema,
  'incidents:create': s.incidentCreateSchema,
  'incidents:list': s.incidentListSchema,
  'incidents:get': s.byIdSchema,
  'incidents:update': s.incidentUpdateSchema,
  'incidents:set-status': s.statusChangeSchema,
  'incidents:add-note': s.noteSchema,
  'incidents:void-entry': s.voidEntrySchema,
  'incidents:set-reporting': s.reportingSettingsSchema,
  'clocks:complete': s.clockCompleteSchema,
  'clocks:not-applicable': s.clockNotApplicableSchema,
  'clocks:upcoming': s.emptySchema,
} as const;

/** One open reporting clock with the incident it belongs to, whatever that incident's status. */
export interface OpenClock extends IncidentClock {
  incidentSerial: string;
  incidentTitle: string;
  incidentStatus: IncidentStatus;
  drill: boolean;
}

export interface IncidentOutputs {
  'duty:get': Officer | null;
  'duty:set': Officer;
  'incidents:create': IncidentDetail;
  'incidents:list': IncidentSummary[];
  'incidents:get': IncidentDetail;
  'incidents:update': IncidentDetail;
  'incidents:set-status': IncidentDetail;
  'incidents:add-note': IncidentDetail;
  'incidents:void-entry': IncidentDetail;
  'incidents:set-reporting': IncidentDetail;
  'clocks:complete': IncidentDetail;
  'clocks:not-applicable': IncidentDetail;
  'clocks:upcoming': OpenClock[];
}
