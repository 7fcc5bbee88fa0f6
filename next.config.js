// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this config is CommonJS
const createNextIntlPlugin = require('next-intl/plugin');

// next-intl reads its request configuration (the page's language and messages) from i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/**
 * Security headers on every response, static files and API routes included. Pages get their
 * Content-Security-Policy with a per-request nonce from proxy.ts; API routes get a policy that
 * allows nothing. The values are those of lib/http/securityHeaders.ts (its test compares them).
 */
const STATIC_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
];
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The reference CSVs are read from disk at request time by server code.
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
  // pdfkit reads its font metrics from its own folder at run time; pptxgenjs and exceljs are Node-ready as published.
  serverExternalPackages: ['better-sqlite3', 'pdfkit', 'pptxgenjs', 'exceljs'],
  turbopack: {
    // stdlib detects generator support with eval(), which the pages' CSP blocks (see the file).
    resolveAlias: { '@stdlib/assert-has-generator-support': './lib/vendor/hasGeneratorSupport.js' },
  },
  async headers() {
    return [
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
