import type { AppEvent } from '../../shared/ipc/contract';
import type { Database } from '../db/connection';
import type { Printer } from '../print/printer';
import type { SettingsStore } from '../settings/settings-store';
import type { IncidentService } from './incidents/incident-service';

/** What every feature's handlers may use. Features never import Electron. */
export interface FeatureContext {
  db: Database;
  dataDir: string;
  settings: SettingsStore;
  incidents: IncidentService;
  printer: Printer;
  now: () => Date;
  emit: (event: AppEvent, payload: unknown) => void;
  /** Tell the UI (and the alarms) that data changed. */
  changed: (what: string) => void;
}
