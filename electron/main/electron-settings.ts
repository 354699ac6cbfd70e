/** Settings through electron-store (Electron only); services see only the SettingsStore interface. */
import Store from 'electron-store';
import { DEFAULT_SETTINGS, parseSettings } from '../../shared/settings';
import type { Settings } from '../../shared/settings';
import type { SettingsStore } from '../settings/settings-store';

export class ElectronSettingsStore implements SettingsStore {
  private readonly store = new Store<{ settings: Settings }>({
    name: 'settings',
    defaults: { settings: DEFAULT_SETTINGS },
  });
  get(): Settings {
    return parseSettings(this.store.get('settings'));
  }
  set(patch: Partial<Settings>): Settings {
    const next = parseSettings({ ...this.get(), ...patch });
    this.store.set('settings', next);
    return next;
  }
}
