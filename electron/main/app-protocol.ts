/**
 * The app:// protocol that serves the built renderer to Electron windows instead of file://, so
 * the page has an origin of its own and every response carries our headers. Plain Node (no
 * Electron import): window.ts registers it, and the policy is tested under Node.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { ASSET_CONTENT_SECURITY_POLICY, contentSecurityPolicy, withCspNonce } from '../../shared/security';
import { APP_HOST, APP_SCHEME } from './window-policy';

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

const refuse = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': ASSET_CONTENT_SECURITY_POLICY },
  });

/** 128 bits of randomness, base64: new for every load of the page. */
export const newCspNonce = (): string => randomBytes(18).toString('base64');

/**
 * Answers one app:// request from the built renderer folder. The page gets a fresh nonce in its
 * CSP header and in its tags; paths that leave the folder are refused.
 */
export async function serveApp(request: Request, rendererDir: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, '请求地址无效');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, '未找到');
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, '仅支持 GET 请求');
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return refuse(400, '请求地址的百分号编码有误');
  }
  if (rel.includes('\0')) return refuse(400, '请求地址无效');
  const root = resolve(rendererDir);
  // Encoded separators (%2f, %5c) survive URL parsing; resolving then comparing catches them.
  const file = resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  if (!file.startsWith(root + sep)) return refuse(403, '不允许访问该路径');
  try {
    if (!(await stat(file)).isFile()) return refuse(404, '未找到');
  } catch {
    return refuse(404, '未找到');
  }
  const common = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  if (file === resolve(root, 'index.html')) {
    const nonce = newCspNonce();
    const html = withCspNonce(await readFile(file, 'utf8'), nonce);
    return new Response(html, {
      status: 200,
      headers: {
        ...common,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': contentSecurityPolicy(nonce),
      },
    });
  }
  return new Response(await readFile(file), {
    status: 200,
    headers: {
      ...common,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': ASSET_CONTENT_SECURITY_POLICY,
    },
  });
}
