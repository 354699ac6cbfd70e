import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../../../electron/main/app-protocol';
import { APP_INDEX_URL, isPermissionAllowed, isTrustedUrl } from '../../../electron/main/window-policy';
import {
  ASSET_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  CSP_NONCE_PLACEHOLDER,
  metaContentSecurityPolicy,
  readCspNonce,
  withCspNonce,
} from '../../../shared/security';

const NONCE = 'q83vEjRWeJq83vEjRWeJq83v';

describe('window policy', () => {
  it('trusts only our page on app://renderer as an IPC sender or navigation target', () => {
    expect(APP_INDEX_URL).toBe('app://renderer/index.html');
    expect(isTrustedUrl(APP_INDEX_URL)).toBe(true);
    expect(isTrustedUrl(`${APP_INDEX_URL}#banner`)).toBe(true);
    expect(isTrustedUrl('app://renderer')).toBe(true);
    expect(isTrustedUrl('https://example.com/')).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedUrl(pathToFileURL('/opt/duty/out/renderer/index.html').href)).toBe(false);
    expect(isTrustedUrl('app://renderer.evil/index.html')).toBe(false);
    expect(isTrustedUrl('app://evil@renderer/index.html')).toBe(false);
    expect(isTrustedUrl('apps://renderer/index.html')).toBe(false);
    expect(isTrustedUrl('about:srcdoc')).toBe(false);
    expect(isTrustedUrl('')).toBe(false);
  });

  it('grants notifications and clipboard writes only', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read'])
      expect(isPermissionAllowed(p)).toBe(false);
  });

  it('has a CSP without inline or evaluated scripts or styles: scripts and styles need the nonce of the load', () => {
    const csp = contentSecurityPolicy(NONCE);
    expect(csp).toContain(`script-src 'nonce-${NONCE}'`);
    expect(csp).toContain(`style-src 'self' 'nonce-${NONCE}'`);
    expect(csp).not.toContain('unsafe');
    expect(csp).not.toMatch(/script-src[^;]*'self'/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'"])
      expect(csp).toContain(d);
    expect(ASSET_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'/);
  });

  it('the page declares the same policy as the hosts send, with the placeholder they replace', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toBe(metaContentSecurityPolicy(CSP_NONCE_PLACEHOLDER));
    expect(readFileSync('electron.vite.config.ts', 'utf8')).toMatch(/cspNonce: CSP_NONCE_PLACEHOLDER/);
  });

  it('puts one valid nonce into every placeholder, and the page reads it back', () => {
    const page = withCspNonce(
      `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><script nonce="${CSP_NONCE_PLACEHOLDER}"></script>`,
      NONCE,
    );
    expect(page).toBe(`<meta property="csp-nonce" nonce="${NONCE}"><script nonce="${NONCE}"></script>`);
    expect(() => withCspNonce(page, 'short')).toThrow();
    expect(() => withCspNonce(page, `${NONCE}"><script>`)).toThrow();
    const doc = (nonce: string | null) => ({
      querySelector: (s: string) =>
        s === 'meta[property=csp-nonce]' && nonce !== null ? { nonce: '', getAttribute: () => nonce } : null,
    });
    expect(readCspNonce(doc(NONCE))).toBe(NONCE);
    // An unreplaced placeholder is no nonce: styles are then refused rather than run under a public value.
    expect(readCspNonce(doc(CSP_NONCE_PLACEHOLDER))).toBeUndefined();
    expect(readCspNonce(doc(null))).toBeUndefined();
    expect(readCspNonce({ querySelector: () => ({ nonce: NONCE, getAttribute: () => '' }) })).toBe(NONCE);
  });

  it('exposes no raw ipcRenderer from the preload', () => {
    const preload = readFileSync('electron/preload/index.ts', 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('duty', api\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/api\.\w+\s*=\s*ipcRenderer\b/);
  });
});

describe('app:// protocol', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duty-app-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">`);
    writeFileSync(join(dir, 'renderer', 'assets', 'a.css'), 'body{}');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const get = (url: string) => serveApp(new Request(url), join(dir, 'renderer'));

  it('serves the page with its nonce and the assets with a deny-all policy', async () => {
    const page = await get('app://renderer/index.html');
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(await page.text()).toBe(`<meta property="csp-nonce" nonce="${nonce}">`);
    const css = await get('app://renderer/assets/a.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-security-policy')).toBe(ASSET_CONTENT_SECURITY_POLICY);
    expect(await css.text()).toBe('body{}');
  });

  it('refuses paths outside the renderer folder, other hosts and malformed addresses', async () => {
    for (const url of [
      'app://renderer/..%2fsecret.txt',
      'app://renderer/assets/..%2f..%2fsecret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://x/index.html',
      'app://renderer/%ZZ',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text(), url).not.toBe('secret');
    }
    expect((await get('app://renderer/..%2fsecret.txt')).status).toBe(403);
  });
});
