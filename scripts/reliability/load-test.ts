/**
 * npm run load:test (after npm run build) [-- --seconds 30]
 *
 * autocannon against a production server on 127.0.0.1 (the embedded store in a fresh DATA_DIR):
 * 50 connections for 30 seconds (LOAD_SECONDS or --seconds to change) on the summary page `/` and
 * on the acceptance API. Prints requests per second, latency p50 / p99, errors, timeouts and
 * non-2xx answers; exits 1 if there was any error, timeout or non-2xx answer.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { Report, startServer, stopOnExit, type Server } from './harness';

const arg = process.argv.indexOf('--seconds');
const SECONDS = Number(arg > 0 ? process.argv[arg + 1] : (process.env.LOAD_SECONDS ?? 30));
const CONNECTIONS = 50;
const TARGETS = [
  { label: 'summary page /', path: '/' },
  { label: 'acceptance API', path: '/api/datasets/study-g/acceptance?by=country' },
];

async function main() {
  const report = new Report();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'load-test-'));
  let server: Server | null = null;
  stopOnExit(
    () => (server ? [server] : []),
    async () => rmSync(dataDir, { recursive: true, force: true }),
  );
  const rows: string[] = [];
  try {
    server = await startServer({ name: 'SQLite', env: { DATA_DIR: dataDir } });
    console.log(`load test: ${CONNECTIONS} connections x ${SECONDS} s per target against ${server.url} (next start, ${cpus().length} CPU cores, Node ${process.version})`);
    for (const target of TARGETS) {
      // Warm-up: the first request compiles nothing in production, but fills the server's caches.
      for (let i = 0; i < 3; i++) await fetch(server.url + target.path).then((r) => r.arrayBuffer());
      const r = await autocannon({ url: server.url + target.path, connections: CONNECTIONS, duration: SECONDS, timeout: 30 });
      const line = `| ${target.label} (\`${target.path}\`) | ${r.requests.average.toFixed(0)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.requests.total ?? r['2xx']} | ${r.errors} | ${r.timeouts} | ${r.non2xx} |`;
      rows.push(line);
      report.check(
        r.errors === 0 && r.timeouts === 0 && r.non2xx === 0 && r['2xx'] > 0,
        `${target.label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r['2xx']} answers 2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx`,
      );
    }
    console.log('\n| target | req/s (mean) | latency p50 | latency p99 | requests | errors | timeouts | non-2xx |\n|---|---|---|---|---|---|---|---|');
    for (const line of rows) console.log(line);
  } catch (e) {
    report.fail(`the run stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(report.failures.length ? `\nFAILED: ${report.failures.length} problem(s)` : '\nNo errors, timeouts or non-2xx answers.');
  process.exit(report.failures.length ? 1 : 0);
}

void main();
