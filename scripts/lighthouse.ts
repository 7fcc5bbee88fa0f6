/**
 * npm run lighthouse [-- --url http://127.0.0.1:3000] [--desktop] [--without-scripts] [--no-paint-holding] [--runs N]   (after npm run build)
 *
 * Runs Lighthouse (the `lighthouse` package's CLI, which starts Debian's Chromium through
 * chrome-launcher, headless, no sandbox) on the home, explore, planner, findings and setup pages of
 * the production build and on a bare yardstick page (/yardstick, see YARDSTICK), in alternating
 * rounds (default 3), and prints per page the performance score and total blocking time beside the
 * yardstick's and the difference, the simulated largest contentful paint, the first contentful paint
 * as it happened in the run's browser, the JavaScript transferred, accessibility and best practices
 * (medians over the rounds), and Lighthouse's benchmark index of the machine. Without --url it
 * starts `next start` on a free loopback port with a throwaway DATA_DIR, and stops it at the end.
 * Lighthouse's default is its mobile profile (simulated slow 4G, 4x CPU slowdown); --desktop uses
 * its desktop profile. --without-scripts blocks every page's script chunks (SCRIPT_CHUNKS), so the
 * figures are those of the pages' HTML and styles alone: what the content costs, apart from what its
 * scripts cost. --no-paint-holding starts Lighthouse's Chromium with paint holding off (yardstick
 * and pages alike): Lighthouse's screen emulation gives the page a new surface while a busy renderer
 * still draws to the old one, and with paint holding those frames go undrawn until Viz throttles the
 * renderer's BeginFrames to about one a second (README, Performance), which pushes the first paint
 * to about 1.25 s or 2.3 s. A script that prints figures, not a test. Target: every page within 5
 * points of the yardstick in the same run (95 or more on a quiet machine), accessibility 95 or more.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const PAGES = ['/', '/explore', '/planner', '/findings', '/setup'];
/**
 * Yardstick, audited in the same run: a bare Next.js page (one heading, its own root layout, no
 * styles and no app shell: app/(yardstick)), so each page's score can be read against what Next.js
 * and React cost by themselves on this machine at this moment. The machine's load moves every
 * score; the difference to the yardstick in the same round is the figure that counts.
 */
const YARDSTICK = '/yardstick';
/** Each page's target: at most this many points below the yardstick (issue 17). */
const YARDSTICK_MARGIN = 5;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** The build's script chunks (Next.js and React, the app's client code), blocked with --without-scripts; inline scripts still run. */
const SCRIPT_CHUNKS = '*/_next/static/chunks/*.js';

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

interface Audit {
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Total blocking time, ms (Lighthouse's simulated figure for the profile). */
  tbt: number;
  /** JavaScript transferred, bytes (compressed, as the browser received it). */
  scriptBytes: number;
  /** Largest contentful paint, ms (simulated for the profile). */
  lcp: number;
  /**
   * First contentful paint as it happened in this run's Chromium, ms (unthrottled, not simulated).
   * When it comes late, the simulation counts every script and download that started before it; on
   * this machine Lighthouse's Chromium often shows the app pages' first frame only after a stall of
   * about a second (README, Performance), the observed paints bunching at about 1.25 s and 2.3 s.
   */
  seenFcp: number;
  /**
   * Lighthouse's benchmark index of the machine running the audit (a fixed piece of JavaScript run
   * before it; higher is faster). It tells runs on different machines apart: the same build scored
   * 5-12 points below the yardstick on one machine and 0-4 points below on a faster one (README).
   */
  benchmarkIndex: number;
}

/** How every audit of a run is made (the command line's switches). */
interface Options {
  desktop: boolean;
  withoutScripts: boolean;
  noPaintHolding: boolean;
}

async function audit(url: string, { desktop, withoutScripts, noPaintHolding }: Options): Promise<Audit> {
  const chromeFlags = `--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage${noPaintHolding ? ' --disable-features=PaintHolding' : ''}`;
  const args = [LIGHTHOUSE_CLI, url, '--output=json', '--output-path=stdout', '--quiet', `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${chromeFlags}`];
  if (desktop) args.push('--preset=desktop');
  if (withoutScripts) args.push(`--blocked-url-patterns=${SCRIPT_CHUNKS}`);
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 256 * 1024 * 1024 });
  const lhr = JSON.parse(stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number; observedFirstContentfulPaint?: number }[] } }>;
    runtimeError?: { message: string };
    environment?: { benchmarkIndex?: number };
  };
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const scripts = lhr.audits['resource-summary']?.details?.items?.find((item) => item.resourceType === 'script');
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(100 * (lhr.categories[c]?.score ?? 0))])) as Audit['scores'],
    tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
    scriptBytes: scripts?.transferSize ?? 0,
    lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    seenFcp: Math.round(lhr.audits.metrics?.details?.items?.[0]?.observedFirstContentfulPaint ?? 0),
    benchmarkIndex: Math.round(lhr.environment?.benchmarkIndex ?? 0),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

async function main() {
  const given = argument('--url');
  const options: Options = {
    desktop: process.argv.includes('--desktop'),
    withoutScripts: process.argv.includes('--without-scripts'),
    noPaintHolding: process.argv.includes('--no-paint-holding'),
  };
  const { desktop, withoutScripts, noPaintHolding } = options;
  const runs = Math.max(1, Number(argument('--runs') ?? 3));
  const started = given ? null : await startServer();
  const base = (given ?? started!.base).replace(/\/$/, '');
  const all = [YARDSTICK, ...PAGES];
  const audits = new Map<string, Audit[]>(all.map((page) => [page, []]));
  try {
    // Warm the server's caches (the first request of a page computes its tables) so the audit sees steady state.
    for (const page of all) await fetch(base + page).catch(() => undefined);
    // Alternating rounds (the yardstick, then every page, then again): a burst of load on the
    // shared machine lands on the yardstick and the pages alike instead of on one page's runs.
    for (let round = 1; round <= runs; round++) {
      for (const page of all) {
        const result = await audit(base + page, options);
        audits.get(page)!.push(result);
        console.log(`round ${round}  ${page.padEnd(11)} performance ${String(result.scores.performance).padStart(3)}  TBT ${String(result.tbt).padStart(5)} ms  LCP ${String(result.lcp).padStart(5)} ms  seen FCP ${String(result.seenFcp).padStart(5)} ms  JS ${(result.scriptBytes / 1024).toFixed(0)} KB  benchmark index ${result.benchmarkIndex}  accessibility ${result.scores.accessibility}  best-practices ${result.scores['best-practices']}`);
      }
    }
  } finally {
    if (started) {
      if (started.server.pid) process.kill(-started.server.pid, 'SIGTERM');
      rmSync(started.dataDir, { recursive: true, force: true });
    }
  }
  const of = (page: string, pick: (a: Audit) => number) => audits.get(page)!.map(pick);
  const yardstickScore = median(of(YARDSTICK, (a) => a.scores.performance));
  const yardstickTbt = median(of(YARDSTICK, (a) => a.tbt));
  const rows = all.map((page) => {
    const performance = median(of(page, (a) => a.scores.performance));
    const tbt = median(of(page, (a) => a.tbt));
    return {
      page,
      performance,
      rounds: of(page, (a) => a.scores.performance).join(' '),
      'vs yardstick': page === YARDSTICK ? '' : signed(performance - yardstickScore),
      'TBT ms': tbt,
      'TBT vs yardstick': page === YARDSTICK ? '' : signed(tbt - yardstickTbt),
      'LCP ms': median(of(page, (a) => a.lcp)),
      'seen FCP ms': median(of(page, (a) => a.seenFcp)),
      'JS KB': Math.round(median(of(page, (a) => a.scriptBytes)) / 1024),
      accessibility: median(of(page, (a) => a.scores.accessibility)),
      'best-practices': median(of(page, (a) => a.scores['best-practices'])),
    };
  });
  console.log(`\nLighthouse ${desktop ? 'desktop' : 'mobile (default)'} profile${withoutScripts ? ', script chunks blocked (--without-scripts)' : ''}${noPaintHolding ? ', paint holding off (--no-paint-holding)' : ''}, medians of ${runs} alternating round(s), ${base}, Lighthouse's benchmark index of this machine ${median([...audits.values()].flat().map((a) => a.benchmarkIndex))}; yardstick ${YARDSTICK}: performance ${yardstickScore}, total blocking time ${yardstickTbt} ms`);
  console.table(rows);
  const behind = rows.filter((r) => r.page !== YARDSTICK && r.performance < yardstickScore - YARDSTICK_MARGIN);
  if (behind.length) console.log(`More than ${YARDSTICK_MARGIN} points below the yardstick: ${behind.map((r) => r.page).join(', ')}`);
  const inaccessible = rows.filter((r) => r.page !== YARDSTICK && r.accessibility < 95);
  if (inaccessible.length) console.log(`Accessibility below 95: ${inaccessible.map((r) => r.page).join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
