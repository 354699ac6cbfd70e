/**
 * Channels of the composition root: what the console is and runs on, the alarm engine's state and
 * the settings. Their handlers live in electron/services/app-services.ts, because they use the host
 * and the alarm engine that the features are given, not a service of their own.
 */
import type { AlarmState } from '../../domain/alarm-state';
import { settingsPatchSchema } from '../../settings';
import type { Settings } from '../../settings';
import * as s from '../schemas';

export const appChannels = {
  'app:info': s.emptySchema,
  'app:rotate-token': s.emptySchema,
  'alarms:state': s.emptySchema,
  'alarms:ack': s.alarmAckSchema,
  'settings:get': s.emptySchema,
  'settings:set': settingsPatchSchema,
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

export interface AppOutputs {
  'app:info': AppInfo;
  'app:rotate-token': RotatedToken;
  'alarms:state': AlarmState;
  'alarms:ack': AlarmState;
  'settings:get': Settings;
  'settings:set': Settings;
}
