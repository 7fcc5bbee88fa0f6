// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The reference CSVs are read from disk at request time by server code.
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
  // pdfkit reads its font metrics from its own folder at run time; pptxgenjs is Node-ready as published.
  serverExternalPackages: ['better-sqlite3', 'pdfkit', 'pptxgenjs'],
};

module.exports = nextConfig;
