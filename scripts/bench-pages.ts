/**
 * npm run bench:pages [-- --url http://127.0.0.1:3000]  (after npm run build)
 *
 * Measures how fast a filter change redraws, in Chromium against the production server on a free
 * loopback port: for each step, the time in the page from the user's input event to the page
 * showing the answer for the new state, timed in the page at the first animation frame (the one
 * about to be painted) in which it is on screen (planner: the answer's data-state is the new query;
 * explorer: the results on screen belong to a new state and are no longer busy; the address bar
 * is checked afterwards, untimed). Yardstick in the same run: a full page load of the same URL. Target: a filter change redraws in under 100 ms. Every change
 * starts from the same place: a freshly loaded page whose requests have settled and that can answer
 * in the browser (data-live: the dataset's columns and the engine, fetched at the first pointer move, are in). Without --url it starts `next start` on a free loopback port and stops it after.
 * A benchmark that prints figures, not a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { reachUntilLive } from './benchLive';

interface Step {
  label: string;
  act: (page: Page) => Promise<unknown>;
}

interface Target {
  path: string;
  steps: Step[];
  /** The element that says (data-live) whether the page answers a change in the browser yet. */
  live: string;
  /** Resolves when the page shows the answer for the state the last action asked for. */
  /**
   * A JavaScript expression, true in the page once the answer for the new state is on screen;
   * `previous` is the state before the change (the value of `state`).
   */
  answered: string;
  /** Checked after the timing (not timed): the page ended where it should, e.g. the URL followed. */
  settled?: (page: Page) => Promise<unknown>;
  state: (page: Page) => Promise<string | null>;
}

const select = (selector: string, value: string) => (page: Page) => page.selectOption(selector, value);
const tick = (name: string) => (page: Page) => page.getByRole('checkbox', { name, exact: true }).click();

const PAGES: Target[] = [
  {
    path: '/planner',
    live: '.planner-answer',
    state: (page) => page.locator('.planner-answer').getAttribute('data-state'),
    // The answer carries the query it was computed for.
    answered: `document.querySelector('.planner-answer')?.getAttribute('data-state') !== previous`,
    steps: [
      { label: 'gender = M', act: select('#planner-gender', 'M') },
      { label: 'age 50+', act: select('#planner-age_band', '50+') },
      { label: 'place private', act: select('#planner-place', 'private') },
      { label: 'situation relaxed', act: select('#planner-situation', 'relaxed') },
      { label: 'country NL', act: select('#planner-country', 'NL') },
      { label: 'bond strong', act: select('#planner-bond', 'strong') },
      { label: 'industry banking', act: select('#planner-industry', 'banking') },
      { label: 'country any', act: select('#planner-country', '') },
      { label: 'gender F', act: select('#planner-gender', 'F') },
      { label: 'age 18-34', act: select('#planner-age_band', '18-34') },
    ],
  },
  {
    path: '/explore?view=segments',
    live: '.explore-results',
    state: (page) => page.locator('.explore-results').getAttribute('data-state'),
    // The results say which state (URL) they were computed for (data-state), and are busy while a
    // server render is on its way.
    answered: `(() => { const r = document.querySelector('.explore-results'); return !!r && r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') !== previous; })()`,
    settled: (page) =>
      page.waitForFunction(() => document.querySelector('.explore-results')?.getAttribute('data-state') === location.pathname + location.search, undefined, { timeout: 10_000 }),
    steps: [
      { label: 'country NL', act: tick('Netherlands') },
      { label: 'gender women', act: tick('Women') },
      { label: 'age 18-34', act: tick('18-34') },
      { label: 'young children', act: tick('With young children') },
      { label: 'country NL off', act: tick('Netherlands') },
      { label: 'gender men too', act: tick('Men') },
      { label: 'bond strong', act: tick('Strong (4-5)') },
      { label: 'bond strong off', act: tick('Strong (4-5)') },
      { label: 'age 18-34 off', act: tick('18-34') },
      { label: 'children off', act: tick('With young children') },
    ],
  },
  // The generic views (any codebook), on study G: a family's items crossed, and every answer.
  ...['/explore?view=items&family=dataType&cross=country', '/explore?view=answers&family=dataType'].map(
    (path): Target => ({
      path,
      live: '.explore-results',
      state: (page) => page.locator('.explore-results').getAttribute('data-state'),
      answered: `(() => { const r = document.querySelector('.explore-results'); return !!r && r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') !== previous; })()`,
      settled: (page) =>
        page.waitForFunction(() => document.querySelector('.explore-results')?.getAttribute('data-state') === location.pathname + location.search, undefined, { timeout: 10_000 }),
      steps: [
        { label: 'gender women', act: tick('Women') },
        { label: 'age 18-34', act: tick('18-34') },
        { label: 'bond strong', act: tick('Strong (4-5)') },
        { label: 'age 18-34 off', act: tick('18-34') },
        { label: 'bond strong off', act: tick('Strong (4-5)') },
        { label: 'gender women off', act: tick('Women') },
      ],
    }),
  ),
];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(0)} ms, p90 ${q(0.9).toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms (n = ${s.length})`;
};

async function startServer(): Promise<{ base: string; server: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, detached: true });
  return { base, server };
}

async function main() {
  const i = process.argv.indexOf('--url');
  const given = i >= 0 ? process.argv[i + 1]?.replace(/\/$/, '') : undefined;
  const { base, server } = given ? { base: given, server: null } : await startServer();
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(base).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    for (const target of PAGES) {
      await page.goto(base + target.path);
      // Warm up the server's caches and the client bundle once; then start like every later step
      // (a fresh load whose requests have settled).
      await page.goto(base + target.path);
      await page.waitForLoadState('networkidle');
      const changes: number[] = [];
      const loads: number[] = [];
      for (const step of target.steps) {
        // The dataset's columns are downloaded after hydration and decoded, with the engine, at the
        // visitor's first move (afterInteractive); until then a change waits for them or goes to the server.
        // So move the pointer, then wait for the page to say it is ready.
        if (!(await reachUntilLive(page, target.live))) throw new Error(`${target.path}: the page never answered in the browser (data-live)`);
        // The pages warm the engine in idle time once the columns are in (a few runs, well under a
        // second); a visitor's first change comes later than that after the first move.
        await page.waitForTimeout(750);
        const before = { url: page.url(), state: await target.state(page) };
        // Timed inside the page at both ends, so the driver's own overhead (actionability checks,
        // round trips) is not counted: from the user's input event to the first animation frame
        // (the frame about to be painted) in which the answer for the new state is on screen.
        // A string, not a function: tsx would wrap a function with helpers the page does not have.
        await page.evaluate(`(() => {
          window.__inputAt = undefined;
          window.__answeredAt = undefined;
          const previous = ${JSON.stringify(before.state)};
          const mark = () => { window.__inputAt ??= performance.now(); };
          document.addEventListener('click', mark, { capture: true, once: true });
          document.addEventListener('change', mark, { capture: true, once: true });
          const watch = () => {
            if (window.__inputAt !== undefined && (${target.answered})) window.__answeredAt = performance.now();
            else requestAnimationFrame(watch);
          };
          requestAnimationFrame(watch);
        })()`);
        await step.act(page);
        await page.waitForFunction('window.__answeredAt !== undefined', undefined, { timeout: 30_000 });
        changes.push(await page.evaluate<number>('window.__answeredAt - window.__inputAt'));
        await target.settled?.(page);
        const url = page.url();
        const loadStart = performance.now();
        await page.goto(url, { waitUntil: 'load' });
        loads.push(performance.now() - loadStart);
        // Let the fresh page finish hydrating and prefetching before the next change.
        await page.waitForLoadState('networkidle');
        console.log(`${target.path.padEnd(22)} ${step.label.padEnd(18)} redraw ${(changes.at(-1)!).toFixed(0).padStart(4)} ms   full load ${(loads.at(-1)!).toFixed(0).padStart(4)} ms`);
      }
      console.log(`\n${target.path}: filter change -> redraw: ${stats(changes)}  (target < 100 ms)`);
      console.log(`${target.path}: yardstick, full page load of the same URL: ${stats(loads)}\n`);
    }
    await browser.close();
  } finally {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
