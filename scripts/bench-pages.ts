/**
 * npm run bench:pages [-- --url http://127.0.0.1:3000]  (after npm run build)
 *
 * Measures how fast a filter change redraws, in Chromium against the production server on a free
 * loopback port: for each step, the time in the page from the user's input event to the page
 * showing the answer for the new state (planner: the answer's data-state is the new query;
 * explorer: the results on screen belong to the new URL and are no longer busy). Yardstick in the same run: a
 * full page load of the same URL. Target: a filter change redraws in under 100 ms. Every change
 * starts from the same place: a freshly loaded page whose requests have settled and that can answer
 * in the browser (data-live: the dataset's columns and the engine, loaded after the page, are in). Without --url it starts `next start` on a free loopback port and stops it after.
 * A benchmark that prints figures, not a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';

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
  redrawn: (page: Page, before: { url: string; state: string | null }) => Promise<unknown>;
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
    redrawn: (page, before) =>
      page.waitForFunction((previous) => document.querySelector('.planner-answer')?.getAttribute('data-state') !== previous, before.state, { polling: 'raf' }),
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
    state: async (page) => page.url(),
    // The URL changes at once; the results say which URL they belong to (data-state), and are busy
    // while a server render is on its way (before the dataset's columns are in the browser).
    redrawn: async (page, before) => {
      await page.waitForURL((url) => url.toString() !== before.url, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => {
          const results = document.querySelector('.explore-results');
          return results?.getAttribute('aria-busy') === 'false' && results.getAttribute('data-state') === location.pathname + location.search;
        },
        undefined,
        { polling: 'raf' },
      );
    },
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
        // The dataset's columns and the engine load after the page; until they are in, a change
        // goes to the server (a page load, measured by the yardstick). Under load, "network idle"
        // can come before they have arrived, so wait for the page to say it is ready.
        await page.locator(`${target.live}[data-live="true"]`).waitFor({ timeout: 30_000 });
        const before = { url: page.url(), state: await target.state(page) };
        // Timed inside the page, from the user's input event, so the driver's own overhead
        // (actionability checks, round trips) is not counted.
        // A string, not a function: tsx would wrap a function with helpers the page does not have.
        await page.evaluate(`(() => {
          window.__inputAt = undefined;
          const mark = () => { window.__inputAt ??= performance.now(); };
          document.addEventListener('click', mark, { capture: true, once: true });
          document.addEventListener('change', mark, { capture: true, once: true });
        })()`);
        await step.act(page);
        await target.redrawn(page, before);
        changes.push(await page.evaluate<number>('performance.now() - window.__inputAt'));
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
