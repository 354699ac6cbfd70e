/**
 * What every window is allowed: kept free of Electron imports so the policy itself is tested
 * under plain Node.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** True only for our own renderer page (file:// under the built renderer folder). */
export function isTrustedUrl(url: string, outDir: string): boolean {
  let parsed: URL;
  try {
    // Parsing resolves dot segments (also percent-encoded ones) before the comparison.
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const base = pathToFileURL(join(outDir, 'renderer')).pathname + '/';
  return parsed.pathname.startsWith(base);
}

/** The webPreferences of every window. */
export const securePreferences = (outDir: string) => ({
  preload: join(outDir, 'preload', 'index.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // Alarms must sound in a minimised window.
  backgroundThrottling: false,
  autoplayPolicy: 'no-user-gesture-required' as const,
});

/** Only the desktop notification permission is granted; camera, microphone, location etc. are refused. */
export const isPermissionAllowed = (permission: string): boolean => permission === 'notifications';
