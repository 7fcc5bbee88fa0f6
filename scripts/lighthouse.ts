/**
 * npm run lighthouse [-- --url http://127.0.0.1:3000] [--desktop] [--runs N]   (after npm run build)
 *
 * Runs Lighthouse (the `lighthouse` package's CLI, which starts Debian's Chromium through
 * chrome-launcher, headless, no sandbox) on the home, explore, planner and findings pages of the production build and prints
 * the performance, accessibility and best-practices scores (0-100; the median of --runs, default 1).
 * Without --url it starts `next start` on a free loopback port with a throwaway DATA_DIR, and stops
 * it at the end. Lighthouse's default is its mobile profile (simulated slow 4G, 4x CPU slowdown);
 * --desktop uses its desktop profile. A yardstick page (/setup, see YARDSTICK) is audited in the
 * same run. A script that prints figures, not a test. Target: 95 or more for performance and
 * accessibility on every page.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const PAGES = ['/', '/explore', '/planner', '/findings'];
/**
 * Yardstick, audited in the same run: the app's lightest page (a short form under the same header,
 * on the same framework), so the four pages' scores can be read against what Next.js and React
 * cost by themselves on this machine. The throwaway data folder has no account, so it is /setup.
 */
const YARDSTICK = '/setup';
const label = (page: string) => (page === YARDSTICK ? `${page} (yardstick)` : page);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function startServer(): Promise<{ base: string; server: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pad-lighthouse-'));
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: dataDir }, detached: true });
  for (let i = 0; i < 150; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) return { base, server, dataDir };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the production server did not answer on ${base}: run npm run build first`);
}

// Lighthouse runs as its own Node process: under tsx its page functions would carry esbuild's
// __name helper into the browser, where it does not exist.
const LIGHTHOUSE_CLI = path.join(process.cwd(), 'node_modules', 'lighthouse', 'cli', 'index.js');

async function audit(url: string, desktop: boolean): Promise<Record<string, number>> {
  const args = [LIGHTHOUSE_CLI, url, '--output=json', '--output-path=stdout', '--quiet', `--only-categories=${CATEGORIES.join(',')}`, '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'];
  if (desktop) args.push('--preset=desktop');
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 256 * 1024 * 1024 });
  const lhr = JSON.parse(stdout) as { categories: Record<string, { score: number | null }>; runtimeError?: { message: string } };
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  return Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(100 * (lhr.categories[c]?.score ?? 0))]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const given = argument('--url');
  const desktop = process.argv.includes('--desktop');
  const runs = Math.max(1, Number(argument('--runs') ?? 1));
  const started = given ? null : await startServer();
  const base = (given ?? started!.base).replace(/\/$/, '');
  const rows: Record<string, string | number>[] = [];
  try {
    // Warm the server's caches (the first request of a page computes its tables) so the audit sees steady state.
    for (const page of [...PAGES, YARDSTICK]) await fetch(base + page).catch(() => undefined);
    for (const page of [...PAGES, YARDSTICK]) {
      const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
      for (let run = 0; run < runs; run++) {
        const result = await audit(base + page, desktop);
        for (const c of CATEGORIES) scores[c].push(result[c]);
      }
      const row: Record<string, string | number> = { page: label(page), ...Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])) };
      rows.push(row);
      console.log(`${String(row.page).padEnd(10)} performance ${row.performance}  accessibility ${row.accessibility}  best-practices ${row['best-practices']}`);
    }
  } finally {
    if (started) {
      if (started.server.pid) process.kill(-started.server.pid, 'SIGTERM');
      rmSync(started.dataDir, { recursive: true, force: true });
    }
  }
  console.log(`\nLighthouse ${desktop ? 'desktop' : 'mobile (default)'} profile, median of ${runs} run(s), ${base}`);
  console.table(rows);
  const below = rows.filter((r) => r.page !== label(YARDSTICK) && (Number(r.performance) < 95 || Number(r.accessibility) < 95));
  if (below.length) console.log(`Below the target of 95: ${below.map((r) => r.page).join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
