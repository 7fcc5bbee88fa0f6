// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The reference CSVs are read from disk at request time by server code.
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
  serverExternalPackages: ['better-sqlite3'],
};

module.exports = nextConfig;
