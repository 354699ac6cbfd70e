/**
 * electron-builder cannot package on CI machines (it downloads Electron), so its configuration is
 * checked here against the installed electron-builder's own schema, and the fuses the packaged
 * binary gets are pinned.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface BuildConfig {
  electronFuses: Record<string, boolean>;
  asar?: boolean | { disableIntegrity?: boolean };
}
// the build section of our own package.json
const build = () => (JSON.parse(readFileSync('package.json', 'utf8')) as { build: BuildConfig }).build;

describe('packaging (electron-builder "build" in package.json)', () => {
  it('flips the fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; encrypted cookies; the app only from a verified asar', () => {
    expect(build().electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    // Integrity validation needs the hash electron-builder embeds unless told not to.
    expect(build().asar).not.toBe(false);
    const asar = build().asar;
    expect(typeof asar === 'object' && asar.disableIntegrity).toBeFalsy();
  });

  it(
    'is a configuration the installed electron-builder accepts, and a misspelt fuse is refused',
    { timeout: 120_000 },
    async () => {
      // Loaded here: electron-builder takes seconds to load on a busy machine.
      const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
        validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
      };
      // an internal electron-builder module without typings
      const { DebugLogger } = require('builder-util/out/DebugLogger') as {
        DebugLogger: new (enabled: boolean) => unknown;
      };
      await expect(validateConfiguration(build(), new DebugLogger(false))).resolves.toBeUndefined();
      const misspelt = build();
      misspelt.electronFuses.runAsnode = false;
      await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
    },
  );
});
