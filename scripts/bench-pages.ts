/**
 * npm run bench:pages  (after npm run build)
 *
 * Measures how fast a filter change redraws, in Chromium against the production server on a free
 * loopback port: for each step, the time from choosing an option to the page showing the answer
 * for the new state (the element carrying data-state equal to the new query). Yardstick in the
 * same run: a full page load of the same URL. Target: a filter change redraws in under 100 ms.
 * A benchmark that prints figures, not a test.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';

interface Step {
  label: string;
  select: string;
  value: string;
}

const PAGES: { path: string; stateSelector: string; steps: Step[] }[] = [
  {
    path: '/planner',
    stateSelector: '.planner-answer',
    steps: [
      { label: 'gender = M', select: '#planner-gender', value: 'M' },
      { label: 'age 50+', select: '#planner-age_band', value: '50+' },
      { label: 'place private', select: '#planner-place', value: 'private' },
      { label: 'situation relaxed', select: '#planner-situation', value: 'relaxed' },
      { label: 'country NL', select: '#planner-country', value: 'NL' },
      { label: 'bond strong', select: '#planner-bond', value: 'strong' },
      { label: 'industry banking', select: '#planner-industry', value: 'banking' },
      { label: 'country any', select: '#planner-country', value: '' },
      { label: 'gender F', select: '#planner-gender', value: 'F' },
      { label: 'age 18-34', select: '#planner-age_band', value: '18-34' },
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

async function stateOf(page: Page, selector: string) {
  return page.locator(selector).getAttribute('data-state');
}

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, detached: true });
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(base).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    for (const target of PAGES) {
      await page.goto(base + target.path);
      // Warm up the server's caches and the client bundle once.
      await page.goto(base + target.path);
      const changes: number[] = [];
      const loads: number[] = [];
      for (const step of target.steps) {
        const before = await stateOf(page, target.stateSelector);
        const start = performance.now();
        await page.selectOption(step.select, step.value);
        await page.waitForFunction(
          ([selector, previous]) => document.querySelector(selector!)?.getAttribute('data-state') !== previous,
          [target.stateSelector, before] as const,
          { polling: 'raf' },
        );
        changes.push(performance.now() - start);
        const url = page.url();
        const loadStart = performance.now();
        await page.goto(url, { waitUntil: 'load' });
        loads.push(performance.now() - loadStart);
        console.log(`${target.path} ${step.label.padEnd(20)} redraw ${(changes.at(-1)!).toFixed(0).padStart(4)} ms   full load ${(loads.at(-1)!).toFixed(0).padStart(4)} ms`);
      }
      console.log(`\n${target.path}: filter change -> redraw: ${stats(changes)}  (target < 100 ms)`);
      console.log(`${target.path}: yardstick, full page load of the same URL: ${stats(loads)}\n`);
    }
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
