/**
 * The web host: the same main-process services and the same built renderer, served on 127.0.0.1
 * with a per-run token. Browser tests drive the real UI through it, and `npm start` falls back to
 * it where the Electron binary cannot be had.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { EVENTS } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { dispatch } from '../ipc/dispatch';
import type { Handlers } from '../ipc/dispatch';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 2 * 1024 * 1024;

export interface WebHost {
  url: string;
  /** The URL to open: carries the per-run token. */
  appUrl: string;
  port: number;
  token: string;
  emit(event: AppEvent, payload: unknown): void;
  close(): Promise<void>;
}

export interface WebHostOptions {
  handlers: Handlers;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  /** Extra static folders by URL prefix, e.g. { '/fonts/': dir }. */
  staticDirs?: Record<string, string>;
  port?: number;
  token?: string;
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const tokenBuf = Buffer.from(token);
  const sseClients = new Set<ServerResponse>();
  let origin = '';

  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const buf = Buffer.from(given);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };

  const securityHeaders = (res: ServerResponse) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolveBody, reject) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) {
          reject(new Error('请求过大'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const serveFile = async (res: ServerResponse, root: string, rel: string) => {
    const rootAbs = resolve(root);
    const file = normalize(join(rootAbs, rel));
    if (file !== rootAbs && !file.startsWith(rootAbs + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const st = await stat(file);
      if (!st.isFile()) throw new Error('not a file');
      const data = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(data);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
    }
  };

  const server = createServer((req, res) => {
    void (async () => {
      securityHeaders(res);
      // DNS rebinding: only our own host name is answered.
      if (req.headers.host !== new URL(origin).host) {
        res.writeHead(421).end();
        return;
      }
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        if (req.headers.origin && req.headers.origin !== origin) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: '来源不被允许' } });
        if (url.pathname === '/api/events' && req.method === 'GET') {
          if (!tokenOk(url.searchParams.get('token'))) return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: '令牌无效' } });
          res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          sseClients.add(res);
          req.on('close', () => sseClients.delete(res));
          return;
        }
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: '仅支持 POST' } });
        if (!tokenOk(req.headers['x-duty-token'] as string | undefined)) {
          return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: '令牌无效' } });
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : {};
        } catch (err) {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: `请求无法解析：${(err as Error).message}` } });
        }
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        return sendJson(res, 200, await dispatch(opts.handlers, channel, input));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      for (const [prefix, dir] of Object.entries(opts.staticDirs ?? {})) {
        if (url.pathname.startsWith(prefix)) return serveFile(res, dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      }
      const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      return serveFile(res, opts.rendererDir, path);
    })().catch((err) => {
      console.error('[web-host]', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    appUrl: `${origin}/?token=${token}`,
    port,
    token,
    emit(event, payload) {
      if (!EVENTS.includes(event)) return;
      const line = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const c of sseClients) c.write(line);
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const c of sseClients) c.end();
        sseClients.clear();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
