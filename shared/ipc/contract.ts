/**
 * The IPC contract: every channel the renderer may call, its input schema and its result type.
 * The main process validates input against these schemas before any handler runs.
 */
import type { z } from 'zod';
import type { Result } from './result';
import { accountChannels } from './channels/accounts';
import type { AccountOutputs } from './channels/accounts';
import { appChannels } from './channels/app';
import type { AppOutputs } from './channels/app';
import { dataChannels } from './channels/data';
import type { DataOutputs } from './channels/data';
import { dutyChannels } from './channels/duty';
import type { DutyOutputs } from './channels/duty';
import { holidayChannels } from './channels/holidays';
import type { HolidayOutputs } from './channels/holidays';
import { incidentChannels } from './channels/incidents';
import type { IncidentOutputs } from './channels/incidents';
import { printChannels } from './channels/print';
import type { PrintOutputs } from './channels/print';
import { reportChannels } from './channels/reports';
import type { ReportOutputs } from './channels/reports';
import { responseChannels } from './channels/response';
import type { ResponseOutputs } from './channels/response';
import { rosterChannels } from './channels/rosters';
import { seatChannels } from './channels/seats';
import type { SeatOutputs } from './channels/seats';
import type { RosterOutputs } from './channels/rosters';
import { startupChannels } from './channels/startup';
import type { StartupOutputs } from './channels/startup';
import { integrityChannels } from './channels/integrity';
import type { IntegrityOutputs } from './channels/integrity';

/** Every channel: each feature's own file under channels/. */
export const channels = {
  ...appChannels,
  ...incidentChannels,
  ...reportChannels,
  ...printChannels,
  ...rosterChannels,
  ...dutyChannels,
  ...holidayChannels,
  ...responseChannels,
  ...dataChannels,
  ...startupChannels,
  ...integrityChannels,
  ...accountChannels,
  ...seatChannels,
} as const;

export interface ChannelOutputs
  extends
    AppOutputs,
    IncidentOutputs,
    ReportOutputs,
    PrintOutputs,
    RosterOutputs,
    DutyOutputs,
    HolidayOutputs,
    ResponseOutputs,
    DataOutputs,
    StartupOutputs,
    IntegrityOutputs,
    AccountOutputs,
    SeatOutputs {}

export type Channel = keyof typeof channels & keyof ChannelOutputs;
/** Compile-time check: every channel has a result type and every result type a channel. */
type MissingResult = Exclude<keyof typeof channels, keyof ChannelOutputs>;
type MissingChannel = Exclude<keyof ChannelOutputs, keyof typeof channels>;
export const CONTRACT_IS_COMPLETE: [MissingResult, MissingChannel] extends [never, never]
  ? true
  : [MissingResult, MissingChannel] = true;
// Object.keys is typed string[]; channels' own keys are exactly the channel names
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
