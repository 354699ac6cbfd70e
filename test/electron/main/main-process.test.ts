/**
 * Starts the built Electron main process (out/main/index.cjs, as `npm start` runs it) under a
 * recording stand-in for the `electron` module, against a real SQLite data folder. A wiring
 * mistake in the main process (insecure window, unguarded channel, missing CSP, open navigation)
 * fails here instead of reaching the first user.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleForms } from '../../../shared/forms/samples';
import { CHANNELS } from '../../../shared/ipc/contract';
import { CSP_NONCE_PLACEHOLDER } from '../../../shared/security';
import { ElectronStandIn, installStandIn } from './electron-stand-in';
import type { StandInWindow } from './electron-stand-in';

const OUT = resolve('out');
const MAIN_BUNDLE = join(OUT, 'main', 'index.cjs');
const PAGE = 'app://renderer/index.html';

let root = '';
let stand: ElectronStandIn;
let uninstall = () => {};
const savedDataDir = process.env.DUTY_DATA_DIR;

async function until(what: string, done: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`主进程未能${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const mainWindow = (): StandInWindow => stand.record.windows[0]!;
const invoke = (channel: string, senderUrl: string | null, input: unknown = {}) => {
  const handler = stand.record.ipcHandlers.get(channel);
  if (!handler) throw new Error(`channel not registered: ${channel}`);
  // One window (sender 1): its seat is who logs in there (services/accounts).
  return Promise.resolve(
    handler({ senderFrame: senderUrl === null ? null : { url: senderUrl }, sender: { id: 1 } }, input),
  ) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  }>;
};
const serve = (url: string, init?: RequestInit) =>
  Promise.resolve(stand.record.protocolHandlers.get('app')!(new Request(url, init)));

beforeAll(async () => {
  if (!existsSync(MAIN_BUNDLE))
    throw new Error('找不到构建好的主进程（out/main/index.cjs），请先运行 npx electron-vite build');
  root = mkdtempSync(join(tmpdir(), 'duty-main-'));
  process.env.DUTY_DATA_DIR = join(root, 'data');
  stand = new ElectronStandIn(root);
  uninstall = installStandIn(stand, root);
  createRequire(import.meta.url)(MAIN_BUNDLE);
  await until('创建主窗口', () => stand.record.windows.length > 0 || stand.record.exitCodes.length > 0);
});

afterAll(async () => {
  // Closing the last window closes the services (database, timers), as on the desktop.
  stand.app.emit('window-all-closed');
  await new Promise((r) => setTimeout(r, 500));
  uninstall();
  if (savedDataDir === undefined) delete process.env.DUTY_DATA_DIR;
  else process.env.DUTY_DATA_DIR = savedDataDir;
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the Electron main process, started from its built bundle', () => {
  it('starts on a fresh data folder without an error dialog or exit', () => {
    expect(stand.record.errorBoxes).toEqual([]);
    expect(stand.record.messageBoxes).toEqual([]);
    expect(stand.record.exitCodes).toEqual([]);
    expect(stand.record.misuse).toEqual([]);
    expect(existsSync(join(root, 'data'))).toBe(true);
  });

  it('keeps the record chain key beside the data folder, sealed by the keychain (safeStorage), 0600', () => {
    const file = join(root, 'data.keys', 'chain.key');
    const [header, scheme, body] = readFileSync(file, 'utf8').split('\n');
    expect([header, scheme]).toEqual(['shuozhou-duty-console chain key v1', 'safeStorage']);
    expect(Buffer.from(body!, 'base64').toString()).toMatch(/^sealed:/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('creates the main window with the secure webPreferences and the bundled preload', () => {
    expect(stand.record.windows).toHaveLength(1);
    // the options the main process passed to BrowserWindow
    const prefs = mainWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.experimentalFeatures).toBeFalsy();
    expect(prefs.preload).toBe(join(OUT, 'preload', 'index.cjs'));
    // the preload path the main process set
    expect(existsSync(prefs.preload as string)).toBe(true);
  });

  it('loads the page from app://, never from file://', () => {
    expect(mainWindow().loadedUrls).toEqual([PAGE]);
    const scheme = stand.record.privilegedSchemes.find((s) => s.scheme === 'app');
    // codeCache: V8 keeps the compiled console between loads (off by default for custom schemes).
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true, codeCache: true });
    expect(scheme?.privileges?.bypassCSP).toBeFalsy();
    // Privileges must be granted before ready, the handler after.
    const calls = stand.record.calls;
    expect(calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('ready'));
    expect(calls.indexOf('protocol.handle')).toBeGreaterThan(calls.indexOf('ready'));
    expect(calls.indexOf('protocol.handle')).toBeLessThan(calls.indexOf('new BrowserWindow'));
  });

  it('serves the page with a CSP header whose nonce is new on every load and matches the page', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await serve(PAGE);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] ?? '';
      expect(nonce.length).toBeGreaterThanOrEqual(22);
      expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      const html = await res.text();
      expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}"`);
      expect(html).toMatch(new RegExp(`<script type="module"[^>]* nonce="${nonce.replace(/[+/]/g, '\\$&')}"`));
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    const bare = await serve('app://renderer/');
    expect(bare.status).toBe(200);
    expect(bare.headers.get('content-security-policy')).toContain("script-src 'nonce-");
  });

  it('serves assets from out/renderer and refuses every path that leaves it', async () => {
    const html = await (await serve(PAGE)).text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const asset = await serve(`app://renderer/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    for (const url of [
      'app://renderer/..%2f..%2fpackage.json',
      'app://renderer/assets/..%2f..%2f..%2fpackage.json',
      'app://renderer/%2e%2e/%2e%2e/package.json',
      'app://renderer/..%5c..%5cpackage.json',
      'app://renderer/%00index.html',
      'app://renderer/missing.js',
      'app://other/index.html',
      'app://renderer/%E0%A4%A',
    ]) {
      const res = await serve(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text(), url).not.toContain('"name": "shuozhou-duty-console"');
    }
    expect((await serve(PAGE, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('registers every contract channel, each behind the sender check', async () => {
    expect([...stand.record.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const foreign = [
      'https://evil.example/',
      pathToFileURL(join(OUT, 'renderer', 'index.html')).href,
      'app://other/index.html',
      'about:srcdoc',
      '',
      null,
    ];
    for (const channel of CHANNELS) {
      for (const sender of foreign) {
        const r = await invoke(channel, sender);
        expect(r.ok, `${channel} from ${sender}`).toBe(false);
        expect(r.error?.code, `${channel} from ${sender}`).toBe('forbidden');
        expect(r.error?.message).toBe('拒绝来自未知页面的调用');
      }
    }
    // Our own page reaches the real services.
    const info = await invoke('app:info', `${PAGE}#banner`);
    expect(info.ok).toBe(true);
    // Past the sender check, the seat's log-in decides: nobody is logged in yet.
    const list = await invoke('incidents:list', PAGE);
    expect(list.ok).toBe(false);
    expect(list.error?.message).not.toBe('拒绝来自未知页面的调用');
  });

  it('denies new windows and navigation away from the page, and never opens links outside', () => {
    const contents = mainWindow().webContents;
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    for (const url of ['https://example.com/', PAGE, 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler!({ url, disposition: 'new-window' })).toEqual({ action: 'deny' });
    }
    expect(stand.record.openExternal).toEqual([]);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.count(event), event).toBeGreaterThan(0);
      for (const url of [
        'https://example.com/',
        pathToFileURL(join(OUT, 'renderer', 'index.html')).href,
        'app://other/',
        'data:text/html,x',
      ]) {
        let prevented = false;
        contents.emit(event, { preventDefault: () => (prevented = true) }, url);
        expect(prevented, `${event} ${url}`).toBe(true);
      }
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, `${PAGE}#banner`);
      expect(prevented, `${event} to our page`).toBe(false);
    }
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) }, {}, {});
    expect(webviewPrevented).toBe(true);
  });

  it('checks permission requests and permission checks alike: notifications and clipboard writes for our page only', () => {
    const { permissionRequestHandler: request, permissionCheckHandler: check } = stand.record;
    expect(request).toBeTypeOf('function');
    expect(check).toBeTypeOf('function');
    const asked = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      request!(null, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(asked('notifications', PAGE)).toBe(true);
    expect(asked('notifications', 'https://evil.example/')).toBe(false);
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'hid'])
      expect(asked(p, PAGE)).toBe(false);
    expect(check!(null, 'notifications', 'app://renderer', {})).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write', 'app://renderer', {})).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect(check!(null, 'notifications', 'https://evil.example', {})).toBe(false);
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'serial'])
      expect(check!(null, p, 'app://renderer', {})).toBe(false);
  });

  it('lets nothing be fetched from the network', () => {
    const [block] = stand.record.beforeRequest;
    expect(block?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    let answer: unknown;
    block!.listener({ url: 'https://example.com/x.js' }, (a: unknown) => (answer = a));
    expect(answer).toEqual({ cancel: true });
  });

  it('paginates in a scripted sandboxed window, prints the paged HTML without JavaScript, from private temp files gone after printing', async () => {
    const form = sampleForms()[0]!;
    // Every print is recorded under the officer on duty: the window's seat logs in first.
    const password = 'duty-Passw0rd';
    expect((await invoke('auth:setup', PAGE, { name: '系统管理员', phone: '', password })).ok).toBe(true);
    for (const [name, role] of [
      ['李堃', '带班领导'],
      ['赵珺', '值班员'],
    ] as const) {
      // Each new account is confirmed with the administrator's password, as the page's dialog asks.
      const granted = await invoke('auth:verify-leader', PAGE, { password, channel: 'accounts:create' });
      expect(granted.error?.message ?? 'granted').toBe('granted');
      expect((await invoke('accounts:create', PAGE, { name, role, phone: '', password })).ok).toBe(true);
    }
    expect((await invoke('auth:logout', PAGE, { who: 'all' })).ok).toBe(true);
    expect((await invoke('auth:login', PAGE, { name: '赵珺', password, as: 'officer' })).ok).toBe(true);
    expect((await invoke('auth:login', PAGE, { name: '李堃', password, as: 'leader' })).ok).toBe(true);
    expect((await invoke('duty:set', PAGE, { leader: '李堃', officer: '赵珺' })).ok).toBe(true);
    const before = stand.record.windows.length;
    const files = stand.record.loadedFiles.length;
    const r = await invoke('print:print', PAGE, { form: form.input, title: form.description });
    expect(r).toEqual({ ok: true, value: { printed: true } });
    // The form page, then the paginated page it became (the stand-in returns the HTML as loaded).
    const loaded = stand.record.loadedFiles.slice(files);
    expect(loaded).toHaveLength(2);
    for (const file of loaded) {
      expect(file.existed).toBe(true);
      expect(file.mode).toBe(0o600);
      expect(file.dirMode).toBe(0o700);
      expect(file.html).toContain('<!DOCTYPE html>');
      // The pages are gone, with their folder, once printed.
      expect(existsSync(file.path)).toBe(false);
      expect(existsSync(join(file.path, '..'))).toBe(false);
    }
    const [paginating, printing] = stand.record.windows.slice(before);
    // The pagination pass (the one the web host's Chromium printer runs) in a sandbox with no Node.
    expect(paginating!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: true,
    });
    expect(paginating!.options.webPreferences).not.toHaveProperty('preload');
    // PAGED_HTML_SCRIPT as the main bundle compiled it: the pass that writes 续表, then the HTML.
    expect(paginating!.webContents.scripts.some((c) => c.includes('续表') && c.includes('outerHTML'))).toBe(true);
    expect(paginating!.webContents.printed).toHaveLength(0);
    expect(paginating!.destroyed).toBe(true);
    // Printed from the paged HTML in a window without JavaScript.
    expect(printing!.destroyed).toBe(true);
    expect(printing!.webContents.printed).toHaveLength(1);
    expect(printing!.webContents.scripts).toEqual([]);
    expect(printing!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // Both windows are guarded like every other web contents.
    expect(paginating!.webContents.windowOpenHandler).toBeTypeOf('function');
    expect(printing!.webContents.windowOpenHandler).toBeTypeOf('function');
  });
});
