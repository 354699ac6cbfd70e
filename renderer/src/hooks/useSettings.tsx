import { createContext, useContext } from 'react';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { Settings } from '../../../shared/settings';

export const SettingsContext = createContext<Settings>(DEFAULT_SETTINGS);
export const useSettings = (): Settings => useContext(SettingsContext);
