/**
 * npm run bench:chart-layout -- --url http://127.0.0.1:3000 [--url http://127.0.0.1:3001]  (servers running)
 *
 * Whether the charts' pages move while they load, at a phone's 390 px and a laptop's 1366 px, on the
 * summary, the explorer, the comparison, the benchmark and the planner (signed out: the reference
 * studies). Per page and width:
 * - the server's HTML alone (JavaScript off): how wide the page is, and the box of each recharts chart;
 * - the page loaded with JavaScript until its charts are drawn: the cumulative layout shift (CLS, from
 *   a PerformanceObserver, shifts after an input left out as the browser does), the widest the page
 *   was at any frame from DOMContentLoaded on, and how far each chart's box moved or changed size
 *   between the server's HTML and the drawn chart. CLS counts only shifts in view, so it is measured
 *   in a 3,000 px tall window as well.
 * With two --url (say, the build before and after a change) both are measured in the same run.
 * With --seeded (the servers' DATA_DIR holds the e2e accounts: `DATA_DIR=... npx tsx e2e/support/seed.ts`)
 * it signs in as the e2e analyst and uploads 600 of study G's respondents as the analyst's own, so the
 * benchmark has a dataset to compare with study G and draws its dot plot; signed out it has none.
 * A script that prints figures, not a test; `e2e/chart-layout.spec.ts` holds the rules as tests.
 */
import { chromium, type Browser } from '@playwright/test';
import { studyGCodebook, studyGCsv } from '../e2e/helpers/studyCsv';
import { sessionCookie } from '../e2e/support/users';

const PAGES = ['/', '/explore', '/explore?view=segments', '/compare', '/benchmark', '/planner'];
const TALL = 3000;
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1366, height: 800 },
];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const urls = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--url' ? [a.replace(/\/$/, '')] : []));

/** Each recharts chart's box (its wrapper), in page coordinates. As a string: tsx would wrap a function with helpers the page lacks. */
const WRAPPER_BOXES = `[...document.querySelectorAll('.recharts-wrapper')].map((el) => {
  const r = el.getBoundingClientRect();
  return { x: Math.round(r.x), y: Math.round(r.y + scrollY), width: Math.round(r.width), height: Math.round(r.height) };
})`;

type Session = { name: string; value: string; url: string }[];

/** Signed in as the e2e analyst with a study-G-shaped file uploaded: the session cookie and the upload's id. */
async function signInAndUpload(base: string): Promise<{ cookies: Session; dataset: string }> {
  const cookie = await sessionCookie(base, 'analyst');
  const form = new FormData();
  form.set('file', new Blob([studyGCsv(600)], { type: 'text/csv' }), 'upload.csv');
  form.set('name', 'Study G sample (bench:chart-layout)');
  form.set('codebook', new Blob([JSON.stringify(studyGCodebook())], { type: 'application/json' }), 'codebook.json');
  const response = await fetch(`${base}/api/datasets`, { method: 'POST', headers: { cookie, origin: base }, body: form });
  if (response.status !== 201) throw new Error(`upload to ${base} failed: ${response.status} ${await response.text()}`);
  const { dataset } = (await response.json()) as { dataset: { id: string } };
  const [name, value] = cookie.split('=');
  return { cookies: [{ name, value, url: base }], dataset: dataset.id };
}

async function serverHtml(browser: Browser, url: string, viewport: { width: number; height: number }, cookies: Session) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const result = await page.evaluate<{ scrollWidth: number; boxes: Box[]; svgs: number }>(
    `({ scrollWidth: document.documentElement.scrollWidth, boxes: ${WRAPPER_BOXES}, svgs: document.querySelectorAll('svg.recharts-surface').length })`,
  );
  await context.close();
  return result;
}

async function hydrated(browser: Browser, url: string, viewport: { width: number; height: number }, cookies: Session) {
  const context = await browser.newContext({ viewport });
  await context.addCookies(cookies);
  const page = await context.newPage();
  // Before any of the page's own scripts: sum the layout shifts, and sample the page's width every frame.
  await page.addInitScript(`(() => {
    window.__cls = 0;
    window.__shifts = 0;
    window.__widest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) { window.__cls += entry.value; window.__shifts += 1; }
    }).observe({ type: 'layout-shift', buffered: true });
    const sample = () => {
      if (document.documentElement) window.__widest = Math.max(window.__widest, document.documentElement.scrollWidth);
      requestAnimationFrame(sample);
    };
    document.addEventListener('DOMContentLoaded', () => {
      window.__atContentLoaded = document.documentElement.scrollWidth;
      sample();
    });
  })()`);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  // Drawn: every recharts wrapper holds its SVG. Polled from here: the pages' CSP forbids the string
  // evaluation waitForFunction does in the page.
  for (let i = 0; i < 300; i++) {
    const drawn = await page.evaluate<boolean>(`document.querySelectorAll('.recharts-wrapper').length === document.querySelectorAll('.recharts-wrapper svg.recharts-surface').length`);
    if (drawn) break;
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1500);
  const result = await page.evaluate<{ cls: number; shifts: number; widest: number; atContentLoaded: number; final: number; boxes: Box[] }>(
    `({ cls: window.__cls, shifts: window.__shifts, widest: window.__widest, atContentLoaded: window.__atContentLoaded, final: document.documentElement.scrollWidth, boxes: ${WRAPPER_BOXES} })`,
  );
  await context.close();
  return result;
}

async function main() {
  if (!urls.length) throw new Error('give one or two --url of running servers (npm start)');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  console.log('page | width | build | server HTML: page width, charts (svg) | loaded: CLS (at the height of the window, and in a tall window), page width at DOMContentLoaded / widest / at the end | chart boxes server -> drawn: largest change in width, height, top');
  const sessions = new Map<string, { cookies: Session; dataset: string | null }>();
  for (const base of urls) sessions.set(base, process.argv.includes('--seeded') ? await signInAndUpload(base) : { cookies: [], dataset: null });
  for (const page of PAGES)
    for (const viewport of WIDTHS)
      for (const base of urls) {
        const { cookies, dataset } = sessions.get(base)!;
        const path = page === '/benchmark' && dataset ? `${page}?dataset=${dataset}` : page;
        const server = await serverHtml(browser, base + path, viewport, cookies);
        const loaded = await hydrated(browser, base + path, viewport, cookies);
        // The same in a window tall enough to hold the charts: CLS counts only what moves in view, and on
        // a phone the explorer's charts start below the first screen.
        const tall = await hydrated(browser, base + path, { width: viewport.width, height: TALL }, cookies);
        const moved = { width: 0, height: 0, y: 0 };
        loaded.boxes.forEach((after, i) => {
          const before = server.boxes[i];
          if (!before) return;
          moved.width = Math.max(moved.width, Math.abs(after.width - before.width));
          moved.height = Math.max(moved.height, Math.abs(after.height - before.height));
          moved.y = Math.max(moved.y, Math.abs(after.y - before.y));
        });
        const charts = `${server.boxes.length} (${server.svgs} svg)${loaded.boxes.length !== server.boxes.length ? `, ${loaded.boxes.length} once loaded` : ''}`;
        console.log(
          [page, viewport.width, base, `${server.scrollWidth} px, ${charts}`, `CLS ${loaded.cls.toFixed(4)} (${loaded.shifts} shifts), in a ${TALL} px window ${tall.cls.toFixed(4)} (${tall.shifts}), ${loaded.atContentLoaded} / ${loaded.widest} / ${loaded.final} px`, `${moved.width} / ${moved.height} / ${moved.y} px`].join(' | '),
        );
      }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
