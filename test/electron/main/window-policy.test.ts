import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPermissionAllowed, isTrustedUrl, securePreferences } from '../../../electron/main/window-policy';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security';

const OUT = '/opt/duty/out';
const page = pathToFileURL(join(OUT, 'renderer', 'index.html')).href;

describe('window policy', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    const p = securePreferences(OUT);
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(p.preload.endsWith('index.cjs')).toBe(true);
  });

  it('trusts only the built renderer page as an IPC sender or navigation target', () => {
    expect(isTrustedUrl(page, OUT)).toBe(true);
    expect(isTrustedUrl(`${page}#banner`, OUT)).toBe(true);
    expect(isTrustedUrl('https://example.com/', OUT)).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd', OUT)).toBe(false);
    expect(isTrustedUrl(pathToFileURL(join(OUT, 'renderer-evil', 'index.html')).href, OUT)).toBe(false);
    expect(isTrustedUrl(`${pathToFileURL(join(OUT, 'renderer')).href}/%2e%2e/secret.html`, OUT)).toBe(false);
    expect(isTrustedUrl('', OUT)).toBe(false);
  });

  it('grants notifications only', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read']) expect(isPermissionAllowed(p)).toBe(false);
  });

  it('has a CSP without inline or evaluated scripts, and the page declares the same policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "default-src 'self'"]) expect(meta).toContain(directive);
  });

  it('exposes no raw ipcRenderer from the preload', () => {
    const preload = readFileSync('electron/preload/index.ts', 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('duty', api\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/api\.\w+\s*=\s*ipcRenderer\b/);
  });
});
