/** The windows, the app:// protocol that serves them, and the security settings every window gets. */
import { BrowserWindow, protocol, session } from 'electron';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { join } from 'node:path';
import { serveApp } from './app-protocol';
import { APP_INDEX_URL, APP_SCHEME, isPermissionAllowed, isTrustedUrl } from './window-policy';

/**
 * Must run before the app is ready. Standard and secure: the page gets a real origin
 * (app://renderer) for 'self' in its CSP, and counts as a secure context like https. Code cache:
 * V8 keeps the compiled scripts between loads, as it does for http(s) pages (off by default for
 * custom schemes), so a window does not compile the console again on every start or reload.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves out/renderer on app://renderer/ (see app-protocol.ts). */
export function serveAppProtocol(outDir: string): void {
  const rendererDir = join(outDir, 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveApp(request, rendererDir));
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  // The console works offline: nothing is fetched from the network, whatever a page asks for.
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
  // The console needs no camera, microphone, geolocation or the like; only our page may ask.
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission) && isTrustedUrl(details.requestingUrl)),
  );
  ses.setPermissionCheckHandler(
    (_wc, permission, requestingOrigin) => isPermissionAllowed(permission) && isTrustedUrl(requestingOrigin),
  );
}

/**
 * Every web contents (windows, print windows, anything else): no new windows, no navigation
 * away from our page, no <webview>. Links are never handed to the system browser.
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one place windows showing our page are created. webPreferences stay a literal here so that
 * reviewers and static checks (electronegativity) read exactly what every window gets.
 */
function openPageWindow(outDir: string, shape: BrowserWindowConstructorOptions, hash?: string): BrowserWindow {
  const win = new BrowserWindow({
    ...shape,
    webPreferences: {
      // Reviewed: the preload exposes one method per contract channel and never ipcRenderer
      // itself (test/electron/main/window-policy.test.ts).
      preload: join(outDir, 'preload', 'index.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click would open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // Alarms must sound in a minimised window.
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  void win.loadURL(hash ? `${APP_INDEX_URL}#${hash}` : APP_INDEX_URL);
  return win;
}

/** A thin always-on-top strip across the top of the screen listing overdue clocks. */
export function createBannerWindow(outDir: string, screenWidth: number): BrowserWindow {
  const width = Math.min(screenWidth, 1200);
  const win = openPageWindow(
    outDir,
    {
      width,
      height: 90,
      x: Math.max(0, Math.floor((screenWidth - width) / 2)),
      y: 0,
      frame: false,
      resizable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      focusable: true,
      show: false,
    },
    'banner',
  );
  win.setAlwaysOnTop(true, 'screen-saver');
  return win;
}

/**
 * The wall display (值班大屏, issue 17): full screen on the room's big screen, the same page and
 * security settings as every window, showing #/wall: read-only, no log-in, no idle lock.
 */
export function createWallWindow(
  outDir: string,
  bounds: { x: number; y: number; width: number; height: number },
): BrowserWindow {
  const win = openPageWindow(
    outDir,
    { ...bounds, fullscreen: true, frame: false, title: '值班大屏', backgroundColor: '#0b0f14', show: false },
    '/wall',
  );
  win.once('ready-to-show', () => win.show());
  return win;
}

export function createMainWindow(outDir: string): BrowserWindow {
  const win = openPageWindow(outDir, { width: 1440, height: 900, title: '朔州应急值班台', show: false });
  win.once('ready-to-show', () => win.show());
  return win;
}
