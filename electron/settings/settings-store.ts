/**
 * Settings live behind this interface so services never import electron-store (ESM-only and
 * Electron-bound). Electron uses electron-store; the web host and tests use a JSON file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, parseSettings } from '../../shared/settings';
import type { Settings } from '../../shared/settings';

export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
}

/** A JSON file written atomically (write to a temp file, then rename). */
export class JsonFileSettingsStore implements SettingsStore {
  private value: Settings;
  constructor(private readonly file: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      raw = {};
    }
    this.value = parseSettings(raw);
  }
  get(): Settings {
    return this.value;
  }
  set(patch: Partial<Settings>): Settings {
    const next = parseSettings({ ...this.value, ...patch });
    writeFileSync(`${this.file}.tmp`, JSON.stringify(next, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
    this.value = next;
    return next;
  }
}

export { DEFAULT_SETTINGS };
