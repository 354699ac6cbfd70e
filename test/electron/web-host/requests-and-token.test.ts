import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../electron/services/app-services';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, startWebHost } from '../../../electron/web-host/server';
import type { WebHost, WebHostOptions } from '../../../electron/web-host/server';
import { TOKEN_FILE } from '../../../electron/web-host/token-file';
import { makeServices } from '../../helpers/services';
import { useTempDirs } from '../../helpers/temp-dir';

interface Raw {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** Sends raw bytes and collects whatever comes back until the server closes the socket. */
function rawSocket(port: number, send: string): Promise<{ text: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(send));
    let text = '';
    s.setEncoding('utf8');
    s.on('data', (c: string) => (text += c));
    s.on('close', () => resolve({ text, ms: Date.now() - started }));
    s.on('error', reject);
  });
}

/** The JSON error body of an answer: every error the host gives is JSON with a Chinese message. */
function chineseError(body: string): string {
  // the host's JSON error body; the test asserts on it
  const parsed = JSON.parse(body) as { ok: boolean; error: { message: string } };
  expect(parsed.ok).toBe(false);
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fff]/);
  return parsed.error.message;
}

describe('web host: bad requests and the token kept per data folder', () => {
  const tempDir = useTempDirs();
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });

  async function boot(
    dataDir: string,
    extra: Partial<WebHostOptions> = {},
  ): Promise<{ host: WebHost; services: AppServices }> {
    const rendererDir = join(dataDir, '..', 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const services = await makeServices(dataDir);
    open.push(services);
    const host = await startWebHost({ handlers: services.handlers, rendererDir, ...extra });
    open.push(host);
    return { host, services };
  }
  const api = (host: WebHost, channel: string, token = host.token, body = '{}', seat?: string) =>
    raw(host.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: {
        Host: `127.0.0.1:${host.port}`,
        'Content-Type': 'application/json',
        'X-Duty-Token': token,
        ...(seat ? { 'X-Duty-Seat': seat } : {}),
      },
      body,
    });
  /** Rotating the token is an administrator's act: the first run's administrator logs in at this seat. */
  const ADMIN_SEAT = 'A'.repeat(32);
  async function administratorAt(host: WebHost): Promise<void> {
    const body = JSON.stringify({ name: '系统管理员', phone: '', password: 'duty-Passw0rd' });
    expect((await api(host, 'auth:setup', host.token, body, ADMIN_SEAT)).status).toBe(200);
  }

  it('answers malformed percent-encoding with 400 and a JSON body, in the API and for files', async () => {
    const { host } = await boot(join(tempDir(), 'data'));
    const apiRes = await api(host, 'incidents%E0%A4%A');
    expect(apiRes.status).toBe(400);
    expect(String(apiRes.headers['content-type'])).toContain('application/json');
    expect(chineseError(apiRes.body)).toContain('百分号编码');
    const fileRes = await raw(host.port, { path: '/assets/%E0%A4%A.js', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(fileRes.status).toBe(400);
    expect(chineseError(fileRes.body)).toContain('百分号编码');
    // The host keeps answering afterwards.
    expect((await api(host, 'app:info')).status).toBe(200);
  });

  it('answers an oversize body with 413 and a JSON body, declared or streamed, and writes nothing', async () => {
    const { host, services } = await boot(join(tempDir(), 'data'));
    const big = JSON.stringify({ leader: 'x'.repeat(3 * 1024 * 1024), officer: '赵珺' });
    const declared = await api(host, 'duty:set', host.token, big);
    expect(declared.status).toBe(413);
    expect(chineseError(declared.body)).toContain('请求内容过大');
    // Chunked, without a Content-Length: counted as it arrives.
    const streamed = await new Promise<Raw>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/duty:set',
          headers: { Host: `127.0.0.1:${host.port}`, 'X-Duty-Token': host.token, 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 3; i++) req.write(Buffer.alloc(1024 * 1024, 0x20));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(chineseError(streamed.body)).toContain('请求内容过大');
    expect(await services.incidents.getDuty()).toBeNull();
  });

  it('gives every other refusal a JSON body with a Chinese message', async () => {
    const { host } = await boot(join(tempDir(), 'data'));
    const h = { Host: `127.0.0.1:${host.port}` };
    const cases: [Promise<Raw>, number][] = [
      [raw(host.port, { path: '/', headers: { Host: `evil.example:${host.port}` } }), 421],
      [raw(host.port, { path: '/nothing-here.js', headers: h }), 404],
      [raw(host.port, { method: 'DELETE', path: '/', headers: h }), 405],
      [raw(host.port, { path: '/api/app:info', headers: h }), 405],
      [api(host, 'app:info', 'wrong'), 401],
      [raw(host.port, { path: '/api/events?token=wrong', headers: h }), 401],
      [api(host, 'app:info', host.token, '{not json'), 400],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      chineseError(res.body);
    }
  });

  it('cuts off a request that never finishes in seconds, with a JSON 408', async () => {
    // The defaults are seconds, not Node's minutes.
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    expect(HEADERS_TIMEOUT_MS).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS);
    const { host } = await boot(join(tempDir(), 'data'), { requestTimeoutMs: 1500, headersTimeoutMs: 1000 });
    // Headers never completed (slowloris).
    const slowHeaders = await rawSocket(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    expect(slowHeaders.text).toMatch(/^HTTP\/1\.1 408/);
    expect(chineseError(slowHeaders.text.slice(slowHeaders.text.indexOf('\r\n\r\n') + 4))).toContain('请求超时');
    expect(slowHeaders.ms).toBeLessThan(5000);
    // Headers complete, body promised but never sent.
    const slowBody = await rawSocket(
      host.port,
      `POST /api/app:info HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Duty-Token: ${host.token}\r\nContent-Length: 100\r\n\r\n{`,
    );
    expect(slowBody.text).toMatch(/^HTTP\/1\.1 408/);
    expect(slowBody.ms).toBeLessThan(5000);
    // An event stream is a long response, not a long request: it is not cut off.
    const events = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/events?token=${host.token}`,
          headers: { Host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          let got = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (got += c));
          setTimeout(() => {
            req.destroy();
            resolve(`${res.statusCode} ${got}`);
          }, 2500);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(events).toMatch(/^200 : connected/);
  });

  it('keeps the token in the data folder (0600), so a page survives a restart; rotation replaces it', async () => {
    const dataDir = join(tempDir(), 'data');
    const tokenFile = join(dataDir, TOKEN_FILE);
    const first = await boot(dataDir, { tokenFile });
    const token = first.host.token;
    await administratorAt(first.host);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(token);
    if (process.platform !== 'win32') expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const port = first.host.port;
    for (const o of open.splice(0).reverse()) await o.close();

    // Restart on the same folder and port: the page's token still works.
    const second = await boot(dataDir, { tokenFile, port });
    expect(second.host.token).toBe(token);
    expect((await api(second.host, 'app:info', token)).status).toBe(200);

    // Rotation on request: the old token stops working at once, the new one is on disk.
    const rotated = await api(second.host, 'app:rotate-token', token, '{}', ADMIN_SEAT);
    expect(rotated.status).toBe(200);
    // the host's JSON answer to app:rotate-token
    const value = (JSON.parse(rotated.body) as { value: { token: string; appUrl: string } }).value;
    expect(value.token).toMatch(/^[0-9a-f]{48}$/);
    expect(value.token).not.toBe(token);
    expect(value.appUrl).toBe(`${second.host.url}/?token=${value.token}`);
    expect(second.host.token).toBe(value.token);
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(value.token);
    if (process.platform !== 'win32') expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const old = await api(second.host, 'app:info', token);
    expect(old.status).toBe(401);
    expect(chineseError(old.body)).toBe('令牌无效');
    expect((await api(second.host, 'app:info', value.token)).status).toBe(200);
    for (const o of open.splice(0).reverse()) await o.close();

    // And the rotated token is the one the next start uses.
    const third = await boot(dataDir, { tokenFile });
    expect(third.host.token).toBe(value.token);
  });

  it('rotation closes every event stream opened with the old token, telling it why', async () => {
    const dataDir = join(tempDir(), 'data');
    const { host } = await boot(dataDir, { tokenFile: join(dataDir, TOKEN_FILE) });
    const old = host.token;
    await administratorAt(host);
    const stream = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/events?token=${old}`,
          headers: { Host: `127.0.0.1:${host.port}` },
        },
        (res) => {
          let got = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (got += c));
          res.on('end', () => resolve(got));
          res.once('data', () => void api(host, 'app:rotate-token', old, '{}', ADMIN_SEAT));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(await stream).toContain('event: app:token-rotated');
    expect(
      (await raw(host.port, { path: `/api/events?token=${old}`, headers: { Host: `127.0.0.1:${host.port}` } })).status,
    ).toBe(401);
  });

  it('a damaged or loosely permitted token file is repaired, not trusted', async () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir, { recursive: true });
    const tokenFile = join(dataDir, TOKEN_FILE);
    writeFileSync(tokenFile, 'short', { mode: 0o644 });
    const { host } = await boot(dataDir, { tokenFile });
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(host.token);
    if (process.platform !== 'win32') expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
  });
});
