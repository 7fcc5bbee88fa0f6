/**
 * The security headers. Pages get a Content-Security-Policy with a fresh nonce per request, set by
 * proxy.ts: Next.js reads the nonce from the request's CSP header and puts it on its own scripts,
 * and 'strict-dynamic' lets those load the rest of the app's chunks. Every other response (API,
 * static files) gets the fixed headers of next.config.js, which mirror STATIC_SECURITY_HEADERS and
 * API_CONTENT_SECURITY_POLICY (securityHeaders.test.ts checks that they agree).
 */

/** 16 random bytes, base64: unguessable, and valid in a CSP nonce-source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * The pages' policy. Why each exception:
 * - style-src 'unsafe-inline': React writes style attributes (bar widths, recharts' layout), which
 *   a nonce cannot cover; styles cannot run code.
 * - img-src data: blob:: the chart PNG/SVG download draws the chart from a blob: URL.
 * - worker-src blob:: the upload panel's web worker may be started from a blob: URL by the bundler.
 * - 'unsafe-eval' in development only: React's dev tools rebuild call stacks with eval.
 */
export function pageContentSecurityPolicy(nonce: string, development = false): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** API answers are data, never documents: nothing in them may load or run, nor be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** On every response: no MIME sniffing, no framing (older browsers), no full URLs in Referer to other sites. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
