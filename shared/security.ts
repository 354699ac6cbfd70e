/**
 * The Content Security Policy of the console page, in Electron (served from app://) and in the web
 * host. Scripts and antd's run-time CSS-in-JS styles carry a nonce that is new for every load of
 * the page; nothing inline runs or applies without it.
 */

/**
 * Written by the build wherever the nonce goes (the page's CSP meta, and the csp-nonce meta and
 * script/link tags vite emits through `html.cspNonce`). Each host replaces it on every load.
 */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** 128 bits or more in the base64 charset, as CSP nonces must be. */
const NONCE_PATTERN = /^[A-Za-z0-9+/]{22,}={0,2}$/;

export const isValidCspNonce = (nonce: string): boolean => NONCE_PATTERN.test(nonce);

const pageDirectives = (nonce: string): string[] => [
  "default-src 'self'",
  `script-src 'nonce-${nonce}'`,
  `style-src 'self' 'nonce-${nonce}'`,
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The header policy of the page for one load. */
export const contentSecurityPolicy = (nonce: string): string =>
  [...pageDirectives(nonce), "frame-ancestors 'self'"].join('; ');

/** The same policy as the page's <meta> declares it (a meta policy cannot carry frame-ancestors). */
export const metaContentSecurityPolicy = (nonce: string): string => pageDirectives(nonce).join('; ');

/** For every response that is not the page itself (assets, API answers): nothing may run from it. */
export const ASSET_CONTENT_SECURITY_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The built index.html for one load: every placeholder becomes this load's nonce. */
export function withCspNonce(html: string, nonce: string): string {
  if (!isValidCspNonce(nonce)) throw new Error('CSP nonce must be base64 of at least 128 bits');
  return html.split(CSP_NONCE_PLACEHOLDER).join(nonce);
}

/** What the page needs of its document to find the nonce (kept structural: shared has no DOM). */
export interface NonceSource {
  querySelector(selector: string): { nonce?: string; getAttribute(name: string): string | null } | null;
}

/**
 * The nonce of this load, from the csp-nonce meta vite writes. Undefined when the host did not
 * replace the placeholder: styles are then refused by the policy instead of running under a
 * nonce everyone knows.
 */
export function readCspNonce(doc: NonceSource): string | undefined {
  const meta = doc.querySelector('meta[property=csp-nonce]');
  // Browsers hide the nonce attribute once parsed; the property keeps it.
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  return isValidCspNonce(nonce) ? nonce : undefined;
}
