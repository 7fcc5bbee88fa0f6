/**
 * npm run bench:redraw-cpu -- --url http://127.0.0.1:3000 [--url http://127.0.0.1:3001]  (servers running)
 *
 * The main thread's CPU time (thread time from a Chromium trace, not wall-clock time) from a filter
 * change's input event to the paint of its answer, on /explore?view=segments and /planner; with two
 * --url, the two servers alternate step by step (say, the build before and after a change). On a
 * shared, busy machine wall-clock times swing with the load; thread time much less, so this compares
 * builds fairly where bench:pages cannot. Beside it, the CPU of every main-thread task in the second
 * after the input ("settled"): work a chart defers past the painted frame (recharts lays out in
 * effects after its first commit) would escape the first figure, not this one. A benchmark that
 * prints figures, not a test.
 */
import { chromium, type Page } from '@playwright/test';
import { reachUntilLive } from './benchLive';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur: number;
  tdur?: number;
}

const PAGES = [
  {
    path: '/explore?view=segments',
    answer: '.explore-results',
    steps: ['Netherlands', 'Women', '18-34', 'Netherlands', 'Women', '18-34'].map((name) => (page: Page) => page.getByRole('checkbox', { name, exact: true }).click()),
  },
  {
    path: '/planner',
    answer: '.planner-answer',
    steps: (
      [
        ['#planner-gender', 'M'],
        ['#planner-age_band', '50+'],
        ['#planner-place', 'private'],
        ['#planner-country', 'NL'],
        ['#planner-gender', 'F'],
        ['#planner-age_band', '18-34'],
      ] as const
    ).map(([select, value]) => (page: Page) => page.selectOption(select, value)),
  },
];

const urls = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--url' ? [a.replace(/\/$/, '')] : []));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!urls.length) throw new Error('give one or two --url of running servers (npm start)');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const target of PAGES) {
    const cpu = new Map<string, number[]>(urls.map((u) => [u, []]));
    const settled = new Map<string, number[]>(urls.map((u) => [u, []]));
    for (const act of target.steps)
      for (const base of urls) {
        const page = await browser.newPage();
        await page.goto(base + target.path);
        await page.waitForLoadState('networkidle');
        // The columns are downloaded after hydration, and decoded with the engine at the visitor's first move (afterInteractive).
        // A step on a page that never went live would time the server's answer instead: left out.
        if (!(await reachUntilLive(page, target.answer))) {
          console.log(`${base}${target.path}: never answered in the browser (data-live); step left out`);
          await page.close();
          continue;
        }
        await page.waitForTimeout(1000);
        // Marks in the trace: the input, and the task after the frame that shows the new answer.
        await page.evaluate(`(() => {
          const el = document.querySelector('${target.answer}');
          const before = el.getAttribute('data-state');
          new MutationObserver(() => {
            if (el.getAttribute('data-state') === before || window.__answered) return;
            window.__answered = true;
            requestAnimationFrame(() => setTimeout(() => performance.mark('painted'), 0));
          }).observe(el, { attributes: true });
          const input = () => { if (!window.__input) { window.__input = true; performance.mark('input'); } };
          document.addEventListener('change', input, { capture: true });
          document.addEventListener('click', input, { capture: true });
        })()`);
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
        await act(page);
        await page.waitForTimeout(1000);
        const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
        const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'));
        const input = mark('input');
        const painted = mark('painted');
        await page.close();
        if (!input || !painted) {
          console.log(`${base}${target.path}: no answer seen for a step`);
          continue;
        }
        const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === input.pid && e.tid === input.tid);
        // From the start of the task that dispatched the input, to the mark after the paint.
        const start = tasks.find((t) => t.ts <= input.ts && t.ts + t.dur >= input.ts)?.ts ?? input.ts;
        const ms = tasks.reduce((sum, t) => {
          const lo = Math.max(start, t.ts);
          const hi = Math.min(painted.ts, t.ts + t.dur);
          return hi > lo ? sum + ((t.tdur ?? t.dur) * (hi - lo)) / t.dur : sum;
        }, 0);
        cpu.get(base)!.push(ms / 1000);
        // Everything the main thread did in the second after the input (the page is otherwise idle).
        const end = start + 1_000_000;
        const all = tasks.reduce((sum, t) => {
          const lo = Math.max(start, t.ts);
          const hi = Math.min(end, t.ts + t.dur);
          return hi > lo ? sum + ((t.tdur ?? t.dur) * (hi - lo)) / t.dur : sum;
        }, 0);
        settled.get(base)!.push(all / 1000);
      }
    for (const [base, xs] of cpu)
      if (xs.length) {
        const ys = settled.get(base)!;
        console.log(`${target.path.padEnd(24)} ${base}  main-thread CPU, input -> painted answer: median ${median(xs).toFixed(1)} ms  [${xs.map((x) => x.toFixed(0)).join(' ')}]`);
        console.log(`${''.padEnd(24)} ${base}  main-thread CPU, the second after the input: median ${median(ys).toFixed(1)} ms  [${ys.map((x) => x.toFixed(0)).join(' ')}]`);
      }
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
