/**
 * Channels of the incident feature: registration, the incident's lifecycle, notes, its reporting
 * clocks, and who is on duty (every incident write names the officer). Add a channel: its schema
 * here and its result type in IncidentOutputs.
 */
import type { Officer, IncidentStatus } from '../../domain/incident';
import type { IncidentClock, IncidentDetail, IncidentSummary } from '../../domain/incident-view';
import { z } from 'zod';
import * as s from '../schemas';

/** Largest page `incidents:list` returns, and the page when none is asked for. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;
/** Above this many matches the total is not counted further: shown as 1000+. */
export const TOTAL_CAP = 1000;

/**
 * One page of incidents: the filter, how many (`limit`, 1–500, default 100) and where to go on
 * (`cursor`, the `nextCursor` of the page before). Pages run newest first.
 */
export const incidentPageSchema = s.incidentFilterSchema
  .extend({
    limit: z
      .number({ message: '每页条数应为数字' })
      .int('每页条数应为整数')
      .min(1, `每页条数应在 1 至 ${MAX_PAGE} 之间`)
      .max(MAX_PAGE, `每页条数应在 1 至 ${MAX_PAGE} 之间`)
      .default(DEFAULT_PAGE),
    /** 'open': each incident's clocks still owed only (no record), as the board and the search show them. */
    clocks: z.enum(['all', 'open'], { message: '时限范围应为 all 或 open' }).default('all'),
    cursor: z
      .string({ message: '翻页位置无效' })
      .regex(/^\d{4}-\d{2}-\d{2}T[0-9:.+\-Z]{1,30}\|\d{1,12}$/, '翻页位置无效，请从第一页重新查询')
      .optional(),
  })
  .default({ drills: 'include', limit: DEFAULT_PAGE, clocks: 'all' });

export interface IncidentPage {
  items: IncidentSummary[];
  /** Incidents matching the filter; when totalCapped, at least this many (shown as 1000+). */
  total: number;
  totalCapped: boolean;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const incidentChannels = {
  'duty:get': s.emptySchema,
  'duty:set': s.officerSchema,
  'incidents:create': s.incidentCreateSchema,
  'incidents:list': incidentPageSchema,
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
  'incidents:list': IncidentPage;
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
