import type { AppEvent } from '../../shared/ipc/contract';
import type { Database } from '../db/connection';
import type { Printer } from '../print/printer';
import type { SettingsStore } from '../settings/settings-store';
import type { IncidentService } from './incidents/incident-service';
import type { ChainKeeper } from './integrity/chain';

/** What every feature's handlers may use. Features never import Electron. */
export interface FeatureContext {
  db: Database;
  dataDir: string;
  settings: SettingsStore;
  incidents: IncidentService;
  printer: Printer;
  now: () => Date;
  emit: (event: AppEvent, payload: unknown) => void;
  /** The record chain (issue 18): its state, and its head's short code printed on every form. */
  integrity?: ChainKeeper;
  /** Tell the UI (and the alarms) that data changed. */
  changed: (what: string) => void;
}
