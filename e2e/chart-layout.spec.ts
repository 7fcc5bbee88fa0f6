import { expect, test, type Browser, type Response } from '@playwright/test';
import { storageStatePath } from './support/paths';
import { uploadAs } from './helpers/upload';
import { studyGCodebook, studyGCsv } from './helpers/studyCsv';
import { drawCharts } from './helpers/charts';

/**
 * The charts' pages fit a phone from the server's HTML on, and do not move when the charts are drawn
 * (issue 17). recharts 3 draws its SVG only once mounted in the browser, and a chart is drawn only
 * when its box comes near the screen, so the server's HTML holds each chart's box (ChartBox: its
 * column's width, the chart's height at that width) empty; the chart is drawn into that box.
 * Checked with JavaScript off (what the server sent, as it is laid out before any script runs)
 * against the page with every chart drawn.
 */

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 800 };
let benchmark = '';
/** The pages with charts, and how many recharts charts each draws (the planner has none). */
const pages = () => [
  { path: '/', charts: 6 },
  { path: '/explore', charts: 2 },
  { path: '/explore?view=segments', charts: 2 },
  { path: '/compare', charts: 1 },
  { path: benchmark, charts: 1 },
  { path: '/planner', charts: 0 },
];

interface Box {
  width: number;
  height: number;
}

/** The page's width and the area of each chart's box, as the server sent them (JavaScript off). */
async function serverLayout(browser: Browser, path: string, viewport: typeof PHONE) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: false, storageState: storageStatePath('analyst'), baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto(path);
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    boxes: [...document.querySelectorAll('.chart-box > .chart-area')].map((el) => {
      const r = el.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    }),
  }));
  await context.close();
  return layout;
}

test.describe('charts take their final place in the server HTML', () => {
  test.describe.configure({ timeout: 120_000 });
  test.beforeAll(async ({ request }) => {
    // A study-G-shaped upload, so that the benchmark has items in common with study G and draws its dot plot.
    const id = await uploadAs(request, studyGCsv(600), 'Study G sample (chart layout e2e)', JSON.stringify(studyGCodebook()));
    benchmark = `/benchmark?dataset=${id}`;
  });

  test('on a phone, without JavaScript: no page wider than the screen, and each chart box in place', async ({ browser }) => {
    for (const { path, charts } of pages()) {
      const layout = await serverLayout(browser, path, PHONE);
      expect(layout.scrollWidth, path).toBeLessThanOrEqual(PHONE.width);
      expect(layout.boxes.length, path).toBe(charts);
      for (const box of layout.boxes) {
        expect(box.width, path).toBeGreaterThan(0);
        expect(box.width, path).toBeLessThanOrEqual(PHONE.width);
        expect(box.height, path).toBeGreaterThan(0);
      }
    }
  });

  for (const viewport of [PHONE, LAPTOP])
    test(`at ${viewport.width} px, each chart is drawn in the box the server sent, and never widens the page`, async ({ browser, page }) => {
      await page.setViewportSize(viewport);
      for (const { path, charts } of pages()) {
        if (!charts) continue;
        const server = await serverLayout(browser, path, viewport);
        await page.goto(path);
        await drawCharts(page);
        await expect(page.locator('.recharts-wrapper svg.recharts-surface')).toHaveCount(charts);
        const drawn = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          boxes: [...document.querySelectorAll('.recharts-wrapper')].map((el) => {
            const r = el.getBoundingClientRect();
            return { width: Math.round(r.width), height: Math.round(r.height) };
          }),
        }));
        expect(drawn.scrollWidth, path).toBeLessThanOrEqual(viewport.width);
        expect(drawn.boxes.map((b: Box) => `${b.width}x${b.height}`), path).toEqual(server.boxes.map((b: Box) => `${b.width}x${b.height}`));
      }
    });
  test('on a phone, the first screen loads no chart code: it is fetched when a chart comes near, and the chart drawn', async ({ page }) => {
    await page.setViewportSize(PHONE);
    for (const path of ['/', '/explore']) {
      // Every script the page fetches, and whether it is recharts' (its class names are in its code).
      const scripts: Promise<boolean>[] = [];
      const listener = (response: Response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.text().then((code) => code.includes('recharts-wrapper'), () => false));
      };
      page.on('response', listener);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect((await Promise.all(scripts)).some(Boolean), `${path}: recharts fetched with the first screen`).toBe(false);
      await expect(page.locator('.chart-box[data-drawn="yes"]'), path).toHaveCount(0);
      await drawCharts(page);
      expect((await Promise.all(scripts)).some(Boolean), `${path}: recharts fetched once a chart is near`).toBe(true);
      await expect(page.locator('.recharts-wrapper svg.recharts-surface').first(), path).toBeAttached();
      page.off('response', listener);
    }
  });
});
