/**
 * What every window is allowed: kept free of Electron imports so the policy itself is tested
 * under plain Node.
 */

export const APP_SCHEME = 'app';
/** Standard schemes need a host; the page's origin is app://renderer. */
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for our own page (app://renderer/…): the one trusted IPC sender and navigation target. */
export function isTrustedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  );
}

/**
 * Desktop notifications, and writing text to the clipboard (copying a phone number or the data
 * folder); camera, microphone, location, reading the clipboard etc. are refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);
export const isPermissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.has(permission);
