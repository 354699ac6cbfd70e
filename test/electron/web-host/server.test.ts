import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost } from '../../../electron/web-host/server';
import type { WebHost } from '../../../electron/web-host/server';
import { useTempDirs } from '../../helpers/temp-dir';
import { makeServices } from '../../helpers/services';

/** Raw HTTP, so tests can send the Host and Origin headers a hostile page would. */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('web host', () => {
  const tempDir = useTempDirs();
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });

  async function boot(): Promise<WebHost> {
    const dir = tempDir();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const services = await makeServices(join(dir, 'data'));
    open.push(services);
    const host = await startWebHost({ handlers: services.handlers, rendererDir });
    open.push(host);
    dirs.set(host, dir);
    return host;
  }
  const dirs = new Map<WebHost, string>();
  const tempDirOf = (host: WebHost): string => dirs.get(host) ?? '';

  it('listens on 127.0.0.1 only and serves the renderer with a strict CSP', async () => {
    const host = await boot();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await raw(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(200);
    // Scripts and styles need the nonce of this load; it changes on every load.
    const nonceOf = (csp: unknown) => /script-src 'nonce-([A-Za-z0-9+/]{22,}={0,2})'/.exec(String(csp))?.[1];
    expect(nonceOf(res.headers['content-security-policy'])).toBeTruthy();
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe');
    const again = await raw(host.port, { path: '/index.html', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(nonceOf(again.headers['content-security-policy'])).not.toBe(nonceOf(res.headers['content-security-policy']));
  });

  it('answers API calls only with the per-run token', async () => {
    const host = await boot();
    const call = (token?: string) =>
      raw(host.port, {
        method: 'POST',
        path: '/api/app:info',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          'Content-Type': 'application/json',
          ...(token ? { 'X-Duty-Token': token } : {}),
        },
        body: '{}',
      });
    expect((await call()).status).toBe(401);
    expect((await call('0'.repeat(48))).status).toBe(401);
    const ok = await call(host.token);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { host: 'web' } });
  });

  it('refuses other host names (DNS rebinding) and foreign origins', async () => {
    const host = await boot();
    const rebinding = await raw(host.port, { path: '/', headers: { Host: `evil.example:${host.port}` } });
    expect(rebinding.status).toBe(421);
    const foreign = await raw(host.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { Host: `127.0.0.1:${host.port}`, Origin: 'http://evil.example', 'X-Duty-Token': host.token },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    const host = await boot();
    const res = await raw(host.port, { path: '/../secret.txt', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.body).not.toContain('secret');
    const encoded = await raw(host.port, { path: '/%2e%2e/secret.txt', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(encoded.body).not.toContain('secret');
  });

  it('lets the browser keep the hashed build files, never the page, the API or other files', async () => {
    const host = await boot();
    const headers = { Host: `127.0.0.1:${host.port}` };
    const rendererDir = join(tempDirOf(host), 'renderer');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'index-AbC123.js'), 'export {};');
    writeFileSync(join(rendererDir, 'other.js'), 'export {};');
    const asset = await raw(host.port, { path: '/assets/index-AbC123.js', headers });
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The page carries a new nonce on every load; API answers and files outside assets/ are never kept.
    expect((await raw(host.port, { path: '/', headers })).headers['cache-control']).toBe('no-store');
    expect((await raw(host.port, { path: '/assets/../index.html', headers })).headers['cache-control']).toBe(
      'no-store',
    );
    expect((await raw(host.port, { path: '/other.js', headers })).headers['cache-control']).toBe('no-store');
    expect((await raw(host.port, { path: '/assets/missing-1.js', headers })).headers['cache-control']).toBe('no-store');
    const api = await raw(host.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { ...headers, 'X-Duty-Token': host.token },
      body: '{}',
    });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('returns a clear error for a body that is not JSON', async () => {
    const host = await boot();
    const res = await raw(host.port, {
      method: 'POST',
      path: '/api/incidents:list',
      headers: { Host: `127.0.0.1:${host.port}`, 'X-Duty-Token': host.token },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    // the host's JSON error body; the test asserts on it
    expect((JSON.parse(res.body) as { error: { message: string } }).error.message).toMatch(/请求无法解析/);
  });
});
