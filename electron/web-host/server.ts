/**
 * The web host: the same main-process services and the same built renderer, served on 127.0.0.1
 * with a token kept in the data folder (token-file.ts), so an open page survives a restart.
 * Browser tests drive the real UI through it, and `npm start` falls back to it where the Electron
 * binary cannot be had. Every error answer is JSON with a Chinese message.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { EVENTS } from '../../shared/ipc/contract';
import type { AppEvent } from '../../shared/ipc/contract';
import { ASSET_CONTENT_SECURITY_POLICY, contentSecurityPolicy, withCspNonce } from '../../shared/security';
import { dispatch, GATE } from '../ipc/dispatch';
import { requirementOf } from '../../shared/accounts/policy';
import type { Handlers } from '../ipc/dispatch';
import { loadOrCreateToken, newToken, saveToken } from './token-file';

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

/** A client that sends nothing useful is cut off in seconds, not Node's default five minutes. */
export const REQUEST_TIMEOUT_MS = 15_000;
export const HEADERS_TIMEOUT_MS = 10_000;
/** The event stream carries a ping this often, so a page notices a dead connection without a request. */
export const SSE_PING_MS = 15_000;

class TooLarge extends Error {}

/**
 * The seat a request comes from: the page's own random id (one per browser tab, kept in its
 * sessionStorage), so each tab logs in on its own. Without a well-formed one the request is a
 * seat of its own that nobody is logged in at: only calls that need no login succeed.
 */
const SEAT_ID = /^[A-Za-z0-9_-]{22,64}$/;
const seatOf = (req: IncomingMessage): string => {
  const given = req.headers['x-duty-seat'];
  return typeof given === 'string' && SEAT_ID.test(given)
    ? `web:${given}`
    : `anonymous:${randomBytes(16).toString('hex')}`;
};

const errorBody = (code: string, message: string): string => JSON.stringify({ ok: false, error: { code, message } });

export interface WebHost {
  url: string;
  /** The URL to open: carries the current token. */
  readonly appUrl: string;
  port: number;
  readonly token: string;
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
  /** An explicit token (tests). Without it and without tokenFile, a token for this run only. */
  token?: string;
  /** The data folder's token file (mode 0600): kept across restarts, replaced on rotation. */
  tokenFile?: string;
  /** Told the new address after a rotation (the command line prints it for other tabs). */
  onTokenRotated?: (appUrl: string) => void;
  /** Shorter limits for tests; defaults REQUEST_TIMEOUT_MS / HEADERS_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  let token = opts.token ?? (opts.tokenFile ? loadOrCreateToken(opts.tokenFile) : newToken());
  if (opts.token && opts.tokenFile) saveToken(opts.tokenFile, opts.token);
  let tokenBuf = Buffer.from(token);
  const sseClients = new Set<ServerResponse>();
  let origin = '';
  const appUrl = () => `${origin}/?token=${token}`;

  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const buf = Buffer.from(given);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };

  /**
   * The wall display's kiosk page presents a read-only wall key instead of the token (issue 17):
   * checked by the services' gate, as the seat `wall:<key>`; it reaches the wall board only.
   */
  const wallSeat = (key: string): string => `wall:${key}`;
  const wallKeyOk = async (key: string): Promise<boolean> => {
    const gate = handlers[GATE];
    return gate ? (await gate.authorize(wallSeat(key), 'wall:board')).ok : false;
  };

  const securityHeaders = (res: ServerResponse) => {
    res.setHeader('Content-Security-Policy', ASSET_CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const sendError = (res: ServerResponse, status: number, code: string, message: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(errorBody(code, message));
  };

  /** Rejects with TooLarge past MAX_BODY; the rest of the body is discarded, not buffered. */
  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolveBody, reject) => {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        req.resume();
        reject(new TooLarge());
        return;
      }
      let size = 0;
      let over = false;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        if (over) return;
        size += c.length;
        if (size > MAX_BODY) {
          over = true;
          chunks.length = 0;
          reject(new TooLarge());
        } else chunks.push(c);
      });
      req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  /** A path segment as text, or null for malformed percent-encoding (answered 400, not 500). */
  const decodePath = (p: string): string | null => {
    try {
      return decodeURIComponent(p);
    } catch {
      return null;
    }
  };
  const badEncoding = (res: ServerResponse) => sendError(res, 400, 'invalid_input', '请求地址的百分号编码有误');

  /** A new token: saved first, then every open event stream (opened with the old one) is closed. */
  const rotateToken = async () => {
    const next = newToken();
    if (opts.tokenFile) saveToken(opts.tokenFile, next);
    token = next;
    tokenBuf = Buffer.from(next);
    for (const c of sseClients) {
      c.write('event: app:token-rotated\ndata: {}\n\n');
      c.end();
    }
    sseClients.clear();
    opts.onTokenRotated?.(appUrl());
    return { token: next, appUrl: appUrl() };
  };
  const handlers: Handlers = { ...opts.handlers, 'app:rotate-token': rotateToken };

  /**
   * The build names every file under assets/ by a hash of its content, so a name never changes
   * content: the browser keeps them (and V8 its compiled code) instead of fetching and compiling
   * about 2 MB of script again on every load. The page itself, the API and other files stay no-store.
   */
  const IMMUTABLE = 'public, max-age=31536000, immutable';
  const serveFile = async (res: ServerResponse, root: string, rel: string, hashedDir?: string) => {
    const rootAbs = resolve(root);
    const file = normalize(join(rootAbs, rel));
    if (file !== rootAbs && !file.startsWith(rootAbs + sep)) {
      sendError(res, 403, 'forbidden', '不允许访问该路径');
      return;
    }
    try {
      const st = await stat(file);
      if (!st.isFile()) throw new Error('not a file');
      const data = await readFile(file);
      if (hashedDir && file.startsWith(join(rootAbs, hashedDir) + sep)) res.setHeader('Cache-Control', IMMUTABLE);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(data);
    } catch {
      sendError(res, 404, 'not_found', '未找到该文件');
    }
  };

  // The page gets a nonce of its own on every load, in its CSP header and in its script/style tags.
  const servePage = async (res: ServerResponse) => {
    const nonce = randomBytes(18).toString('base64');
    const html = withCspNonce(await readFile(join(opts.rendererDir, 'index.html'), 'utf8'), nonce);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.writeHead(200, { 'Content-Type': MIME['.html'] });
    res.end(html);
  };

  const requestTimeout = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout);
  const server = createServer(
    { requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(1000, headersTimeout) },
    (req, res) => {
      void (async () => {
        securityHeaders(res);
        // DNS rebinding: only our own host name is answered.
        if (req.headers.host !== new URL(origin).host) {
          sendError(res, 421, 'forbidden', '主机名不被允许');
          return;
        }
        // Relative to our origin whatever the request line says ("//host/…" must not change the host).
        const url = new URL(`${origin}/${(req.url ?? '/').replace(/^\/+/, '')}`);
        if (url.pathname.startsWith('/api/')) {
          if (req.headers.origin && req.headers.origin !== origin) {
            sendError(res, 403, 'forbidden', '来源不被允许');
            return;
          }
          if (url.pathname === '/api/events' && req.method === 'GET') {
            const wall = url.searchParams.get('wall');
            if (!(wall ? await wallKeyOk(wall) : tokenOk(url.searchParams.get('token')))) {
              sendError(res, 401, 'forbidden', '令牌无效');
              return;
            }
            res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
            res.write(': connected\n\n');
            sseClients.add(res);
            req.on('close', () => sseClients.delete(res));
            return;
          }
          if (req.method !== 'POST') {
            sendError(res, 405, 'invalid_input', '仅支持 POST 请求');
            return;
          }
          const wall = req.headers['x-duty-wall'];
          const viaWall = typeof wall === 'string' && req.headers['x-duty-token'] === undefined;
          // a repeated header (string[]) is not a string and fails tokenOk like a wrong one
          if (viaWall ? !(await wallKeyOk(wall)) : !tokenOk(req.headers['x-duty-token'] as string | undefined)) {
            sendError(res, 401, 'forbidden', viaWall ? '值班大屏密钥无效或已更换' : '令牌无效');
            return;
          }
          const channel = decodePath(url.pathname.slice('/api/'.length));
          if (channel === null) {
            badEncoding(res);
            return;
          }
          // The wall key opens the wall board (and the liveness probe), never a public channel such as logging in.
          if (viaWall && channel !== 'app:info' && requirementOf(channel) !== 'wall') {
            sendError(res, 403, 'forbidden', '值班大屏只能查看大屏内容');
            return;
          }
          let input: unknown;
          try {
            const body = await readBody(req);
            input = body ? JSON.parse(body) : {};
          } catch (err) {
            if (err instanceof TooLarge) {
              res.setHeader('Connection', 'close');
              sendError(res, 413, 'invalid_input', `请求内容过大（上限 ${MAX_BODY / 1024 / 1024} MB）`);
              return;
            }
            sendError(res, 400, 'invalid_input', '请求无法解析：请求内容不是有效的 JSON');
            return;
          }
          sendJson(
            res,
            200,
            await dispatch(handlers, channel, input, undefined, viaWall ? wallSeat(wall) : seatOf(req)),
          );
          return;
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          sendError(res, 405, 'invalid_input', '仅支持 GET 请求');
          return;
        }
        const pathname = decodePath(url.pathname);
        if (pathname === null) {
          badEncoding(res);
          return;
        }
        for (const [prefix, dir] of Object.entries(opts.staticDirs ?? {})) {
          if (pathname.startsWith(prefix)) return serveFile(res, dir, pathname.slice(prefix.length));
        }
        if (pathname === '/' || pathname === '/index.html') return servePage(res);
        return serveFile(res, opts.rendererDir, pathname, 'assets');
      })().catch((err: unknown) => {
        console.error('[web-host]', err);
        if (!res.headersSent) sendError(res, 500, 'internal', '值班台服务内部错误');
        else res.end();
      });
    },
  );

  // Timeouts and unparsable requests: Node would answer with an empty body; ours is JSON.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = timeout
      ? '408 Request Timeout'
      : tooLarge
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
    const body = timeout
      ? errorBody('invalid_input', '请求超时：请求未在规定时间内发送完毕')
      : tooLarge
        ? errorBody('invalid_input', '请求头过大')
        : errorBody('invalid_input', '请求格式有误');
    // Node's undocumented link from a socket to its response; absent, headersSent reads undefined
    if (socket.writable && !(socket as Socket & { _httpMessage?: ServerResponse })._httpMessage?.headersSent) {
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    } else socket.destroy();
  });

  // A named event, not a comment: the page sees it and knows the stream is alive.
  const ping = setInterval(() => {
    for (const c of sseClients) c.write('event: ping\ndata: {}\n\n');
  }, SSE_PING_MS);
  ping.unref();

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  // a server listening on TCP reports an AddressInfo, not a pipe name
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    get appUrl() {
      return appUrl();
    },
    port,
    get token() {
      return token;
    },
    emit(event, payload) {
      if (!EVENTS.includes(event)) return;
      const line = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const c of sseClients) c.write(line);
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        clearInterval(ping);
        for (const c of sseClients) c.end();
        sseClients.clear();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
