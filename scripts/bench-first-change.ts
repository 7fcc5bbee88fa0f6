/**
 * npm run bench:first-change -- --url http://127.0.0.1:3000 [--rounds 5] [--path /explore?view=segments]
 *
 * The explorer's first filter change on a freshly loaded page against its second one (issue 18):
 * each round opens the page in a fresh browser context (empty cache, like a first visit), waits
 * until its requests have settled (network idle), ticks one filter box, then another. For each
 * change it counts the requests that went to the server for the analysis (React Server Component
 * requests to /explore: the `RSC` header or the `_rsc` query parameter, prefetches left out) and times, inside the page, the input
 * event to the first frame showing the results for the new state (not busy). The request counts
 * are the proof that does not depend on how busy the machine is; the times are printed beside them.
 * A benchmark that prints figures, not a test.
 */
import { chromium, type Page } from '@playwright/test';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const ANSWERED = `(() => { const r = document.querySelector('.explore-results'); return !!r && r.getAttribute('aria-busy') === 'false' && r.getAttribute('data-state') !== previous && r.getAttribute('data-state') === location.pathname + location.search; })()`;

async function timedChange(page: Page, box: string): Promise<number> {
  const previous = await page.locator('.explore-results').getAttribute('data-state');
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  await page.evaluate(`(() => {
    window.__inputAt = undefined;
    window.__answeredAt = undefined;
    const previous = ${JSON.stringify(previous)};
    document.addEventListener('click', () => { window.__inputAt ??= performance.now(); }, { capture: true, once: true });
    const watch = () => {
      if (window.__inputAt !== undefined && ${ANSWERED}) window.__answeredAt = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  })()`);
  await page.getByRole('checkbox', { name: box, exact: true }).click();
  await page.waitForFunction('window.__answeredAt !== undefined', undefined, { timeout: 30_000 });
  return page.evaluate<number>('window.__answeredAt - window.__inputAt');
}

async function main() {
  const base = (arg('--url') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const rounds = Number(arg('--rounds') ?? 5);
  const path = arg('--path') ?? '/explore?view=segments';
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const rows: { first: number; second: number; firstServer: number; secondServer: number }[] = [];
  // One load to warm the server's caches; not counted.
  await (await browser.newPage({ bypassCSP: true })).goto(base + path);
  for (let round = 0; round < rounds; round++) {
    // The page's CSP forbids eval, which waitForFunction with a string uses.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    let server = 0;
    page.on('request', (request) => {
      const url = new URL(request.url());
      const headers = request.headers();
      // Prefetches of links (the header's navigation, the view tabs) are not the analysis.
      if (url.pathname.startsWith('/explore') && (headers['rsc'] === '1' || url.searchParams.has('_rsc')) && !headers['next-router-prefetch']) {
        server++;
        if (process.env.DEBUG_REQUESTS) console.log(request.method(), request.url(), JSON.stringify(headers));
      }
    });
    await page.goto(base + path);
    await page.waitForLoadState('networkidle');
    server = 0;
    const first = await timedChange(page, 'Netherlands');
    await page.waitForLoadState('networkidle');
    const firstServer = server;
    server = 0;
    const second = await timedChange(page, 'Women');
    await page.waitForLoadState('networkidle');
    rows.push({ first, second, firstServer, secondServer: server });
    console.log(`round ${round + 1}: first change ${first.toFixed(0).padStart(5)} ms, ${firstServer} server request(s); second ${second.toFixed(0).padStart(5)} ms, ${server} server request(s)`);
    await context.close();
  }
  await browser.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `\n${path}, ${rounds} fresh loads: first change median ${median(rows.map((r) => r.first)).toFixed(0)} ms with ${sum(rows.map((r) => r.firstServer))} server requests in all; second change median ${median(rows.map((r) => r.second)).toFixed(0)} ms with ${sum(rows.map((r) => r.secondServer))}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
