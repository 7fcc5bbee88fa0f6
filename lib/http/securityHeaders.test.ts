import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, STATIC_SECURITY_HEADERS } from './securityHeaders';

// next.config.js is CommonJS without types; its headers() must carry the same values as this module.
const nextConfig: unknown = createRequire(import.meta.url)('../../next.config.js');

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('security headers', () => {
  it('a nonce is fresh per call and fits a CSP nonce-source', () => {
    const a = newNonce();
    const b = newNonce();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('the page policy allows scripts only by nonce, and nothing from other origins', () => {
    const policy = directives(pageContentSecurityPolicy('abc123'));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(pageContentSecurityPolicy('x')).not.toMatch(/unsafe-eval|\*/);
    expect(directives(pageContentSecurityPolicy('x', true)).get('script-src')).toContain("'unsafe-eval'");
  });

  it('next.config.js sends the same fixed headers on every path, and the API policy on /api', async () => {
    const rules = await (nextConfig as { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> }).headers();
    const every = rules.find((r) => r.source === '/:path*')!;
    expect(Object.fromEntries(every.headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
    const api = rules.find((r) => r.source === '/api/:path*')!;
    expect(api.headers).toEqual([{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }]);
  });
});
