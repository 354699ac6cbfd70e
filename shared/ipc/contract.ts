/**
 * The IPC contract: every channel the renderer may call, its input schema and its result type.
 * The main process validates input against these schemas before any handler runs.
 */
import type { z } from 'zod';
import type { IncidentClock, IncidentDetail, IncidentSummary } from '../domain/incident-view';
import type { IncidentStatus, Officer } from '../domain/incident';
import type { Result } from './result';
import type { AlarmState } from '../domain/alarm-state';
import * as s from './schemas';
import { dataChannels } from './channels/data';
import type { DataOutputs } from './channels/data';
import { dutyChannels } from './channels/duty';
import type { DutyOutputs } from './channels/duty';
import { printChannels } from './channels/print';
import type { PrintOutputs } from './channels/print';
import { reportChannels } from './channels/reports';
import type { ReportOutputs } from './channels/reports';
import { responseChannels } from './channels/response';
import type { ResponseOutputs } from './channels/response';
import { rosterChannels } from './channels/rosters';
import type { RosterOutputs } from './channels/rosters';
import { startupChannels } from './channels/startup';
import type { StartupOutputs } from './channels/startup';
import { settingsPatchSchema } from '../settings';
import type { Settings } from '../settings';

const coreChannels = {
  'app:info': s.emptySchema,
  'app:rotate-token': s.emptySchema,
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
  'alarms:state': s.emptySchema,
  'alarms:ack': s.alarmAckSchema,
  'settings:get': s.emptySchema,
  'settings:set': settingsPatchSchema,
} as const;

/** Every channel: the core ones above and each feature's own file under channels/. */
export const channels = {
  ...coreChannels,
  ...reportChannels,
  ...printChannels,
  ...rosterChannels,
  ...dutyChannels,
  ...responseChannels,
  ...dataChannels,
  ...startupChannels,
} as const;

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  dataDir: string;
  schemaVersion: number;
  now: string;
}

/** A new web-host token: the address that opens the console with it (other tabs must reopen). */
export interface RotatedToken {
  token: string;
  appUrl: string;
}

/** One open reporting clock with the incident it belongs to, whatever that incident's status. */
export interface OpenClock extends IncidentClock {
  incidentSerial: string;
  incidentTitle: string;
  incidentStatus: IncidentStatus;
  drill: boolean;
}

interface CoreOutputs {
  'app:info': AppInfo;
  'app:rotate-token': RotatedToken;
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
  'alarms:state': AlarmState;
  'alarms:ack': AlarmState;
  'settings:get': Settings;
  'settings:set': Settings;
}

export interface ChannelOutputs
  extends
    CoreOutputs,
    ReportOutputs,
    PrintOutputs,
    RosterOutputs,
    DutyOutputs,
    ResponseOutputs,
    DataOutputs,
    StartupOutputs {}

export type Channel = keyof typeof channels & keyof ChannelOutputs;
/** Compile-time check: every channel has a result type and every result type a channel. */
type MissingResult = Exclude<keyof typeof channels, keyof ChannelOutputs>;
type MissingChannel = Exclude<keyof ChannelOutputs, keyof typeof channels>;
export const CONTRACT_IS_COMPLETE: [MissingResult, MissingChannel] extends [never, never]
  ? true
  : [MissingResult, MissingChannel] = true;
export const CHANNELS = Object.keys(channels) as Channel[];
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]>;
export type ChannelArgs<C extends Channel> = z.output<(typeof channels)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

/** Events the main process pushes to the renderer (an allowlist; nothing else is forwarded). */
export const EVENTS = ['data:changed', 'alarms:state'] as const;
export type AppEvent = (typeof EVENTS)[number];

/** The one object the preload (or the web adapter) exposes to the UI: one method per channel. */
export type DutyApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  readonly on: (event: AppEvent, listener: (payload: unknown) => void) => () => void;
};
