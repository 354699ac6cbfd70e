/** The main window and the security settings every window gets. */
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { isPermissionAllowed, isTrustedUrl, securePreferences } from './window-policy';

export { isTrustedUrl };

export const rendererIndex = (outDir: string) => join(outDir, 'renderer', 'index.html');


export function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // The console needs no camera, microphone, geolocation or the like.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(isPermissionAllowed(permission)));
}



function denyNavigation(win: BrowserWindow, outDir: string): void {
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world open in the system browser; the console never opens new windows.
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, outDir)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, outDir)) event.preventDefault();
  });
}

/** A thin always-on-top strip across the top of the screen listing overdue clocks. */
export function createBannerWindow(outDir: string, screenWidth: number): BrowserWindow {
  const win = new BrowserWindow({
    width: Math.min(screenWidth, 1200),
    height: 90,
    x: Math.max(0, Math.floor((screenWidth - Math.min(screenWidth, 1200)) / 2)),
    y: 0,
    frame: false,
    resizable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    focusable: true,
    show: false,
    webPreferences: securePreferences(outDir),
  });
  win.setAlwaysOnTop(true, 'screen-saver');
  denyNavigation(win, outDir);
  void win.loadFile(rendererIndex(outDir), { hash: 'banner' });
  return win;
}

export function createMainWindow(outDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '朔州应急值班台',
    show: false,
    webPreferences: securePreferences(outDir),
  });
  denyNavigation(win, outDir);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex(outDir));
  return win;
}
