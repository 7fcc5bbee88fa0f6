import { expect, test, type Page } from '@playwright/test';
import { ownSurveyCodebook, ownSurveyFiles } from '../lib/ingest/testing/ownSurvey';
import { storageStatePath } from './support/paths';
import { uploadAs } from './helpers/upload';
import { studyGCodebook, studyGCsv } from './helpers/studyCsv';

/**
 * Issue 18's layout rules, on every page at a laptop's 1366 px and a phone's 390 px: the page is
 * never wider than the window, and a table is never wider than its box unless that box scrolls
 * (so a column can be clipped nowhere). Data tables folded in <details> are opened first, since
 * opening one widened the phone page to 599 px. Also: the skip link is the first tab stop and
 * lands on the page's main content.
 */

const WIDTHS = [
  { name: 'laptop', width: 1366, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** What the page and every table measure, with the offenders named (a table by its nearest id or class). */
async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    const name = (el: Element) => {
      const named = el.closest('[id], [data-testid]');
      const where = named ? `#${named.id || named.getAttribute('data-testid')}` : '';
      return `${where} ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`.trim();
    };
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    for (const table of document.querySelectorAll('table')) {
      const width = table.getBoundingClientRect().width;
      if (width === 0) continue; // not rendered (a closed fold, print-only)
      // The nearest box that scrolls sideways holds the table; without one, the table's own box must hold it.
      let scroller: Element | null = null;
      for (let el = table.parentElement; el && el !== document.body; el = el.parentElement)
        if (scrolls(el)) {
          scroller = el;
          break;
        }
      const box = scroller ?? table.parentElement!;
      if (!scroller && box.scrollWidth > box.clientWidth) problems.push(`${name(table)}: ${box.scrollWidth} px in a ${box.clientWidth} px box that does not scroll`);
      // The scrolling box itself must fit its own box (else the scrollbar is out of view).
      const outer = (scroller ?? table).parentElement!;
      const outerRight = outer.getBoundingClientRect().left + outer.clientWidth + 1;
      const right = (scroller ?? table).getBoundingClientRect().right;
      if (right > outerRight + 1 && !scrolls(outer)) problems.push(`${name(table)}: its box reaches ${Math.round(right)} px, past its container's ${Math.round(outerRight)} px`);
    }
    return problems;
  });
}

/** Opens every fold (data tables, details) at once and waits until what they hold has drawn. */
async function openEveryFold(page: Page) {
  // Setting `open` fires each fold's toggle event, as a click on its summary would.
  await page.locator('details:not([open])').evaluateAll((folds) => folds.forEach((fold) => ((fold as HTMLDetailsElement).open = true)));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function expectNoOverflow(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const results = page.locator('.explore-results');
  if (await results.count()) await expect(results).toHaveAttribute('aria-busy', 'false');
  // Not polled: a chart's box is its column's width from the server's HTML on (ChartBox, e2e/chart-layout.spec.ts).
  expect(await overflowProblems(page), `${path}, folds closed`).toEqual([]);
  await openEveryFold(page);
  // Polled: what a fold holds may be drawn only once it opens.
  await expect.poll(() => overflowProblems(page), { message: `${path}, every fold open`, timeout: 15_000 }).toEqual([]);
}

let uploadId = '';
/** Every page an analyst has, on the reference studies and on an own upload; `:id` is the upload. */
const ANALYST_PAGES = [
  '/',
  '/explore?dataset=study-p',
  '/explore?dataset=study-g',
  '/explore?dataset=study-g&view=segments&cross=country',
  '/explore?dataset=:id',
  '/findings',
  '/findings?dataset=:id',
  '/planner',
  '/benchmark',
  '/benchmark?dataset=:id',
  '/compare',
  '/tables',
  '/datasets',
  '/datasets/:id',
  '/datasets/:id/weighting',
];
const withUpload = (path: string) => path.replace(':id', uploadId);
const inDutch = (path: string) => `${path}${path.includes('?') ? '&' : '?'}lang=nl`;

test.describe('no page and no table wider than its box', () => {
  test.describe.configure({ timeout: 90_000 });
  test.beforeAll(async ({ request }) => {
    uploadId = await uploadAs(request, ownSurveyFiles().a.csv, 'Own survey (layout e2e)', JSON.stringify(ownSurveyCodebook()));
  });

  for (const size of WIDTHS) {
    test.describe(`at ${size.width} px`, () => {
      test.use({ viewport: { width: size.width, height: size.height } });

      for (const path of ANALYST_PAGES)
        test(`${path}, in English and Dutch`, async ({ page }) => {
          await expectNoOverflow(page, withUpload(path));
          await expectNoOverflow(page, inDutch(withUpload(path)));
        });

      if (size.width >= 1366)
        test('the published findings and the benchmark fit a laptop without scrolling sideways (the result column was cut off)', async ({ page, request }) => {
          // A study-G-shaped upload, so that the benchmark has its eleven-column comparison table.
          const studyG = await uploadAs(request, studyGCsv(600), 'Study G sample (layout e2e)', JSON.stringify(studyGCodebook()));
          for (const path of ['/findings', '/findings?lang=nl', `/findings?dataset=${uploadId}`, `/benchmark?dataset=${studyG}`, `/benchmark?dataset=${studyG}&lang=nl`, `/benchmark?dataset=${uploadId}`]) {
            await page.goto(path);
            const boxes = await page.locator('main .table-scroll').evaluateAll((els) => els.map((el) => ({ scroll: el.scrollWidth, client: el.clientWidth })));
            if (path.startsWith('/findings')) expect(boxes.length, path).toBeGreaterThan(0);
            if (path.includes(studyG)) await expect(page.getByTestId('benchmark-table')).toBeVisible();
            for (const box of boxes) expect(box.scroll, path).toBeLessThanOrEqual(box.client);
          }
        });
    });
  }
});

for (const size of WIDTHS)
  test.describe(`at ${size.width} px, other roles`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test.describe('as the admin', () => {
      test.use({ storageState: storageStatePath('admin') });
      test('the accounts and the audit log, in English and Dutch', async ({ page }) => {
        for (const path of ['/admin/users', '/admin/audit', '/admin/users?lang=nl', '/admin/audit?lang=nl']) await expectNoOverflow(page, path);
      });
    });

    test.describe('signed out', () => {
      test.use({ storageState: { cookies: [], origins: [] } });
      test('the sign-in page, in English and Dutch', async ({ page }) => {
        for (const path of ['/login', '/login?lang=nl']) await expectNoOverflow(page, path);
      });
    });
  });

test.describe('the skip link', () => {
  for (const path of ['/', '/explore?dataset=study-g', '/findings?lang=nl', '/tables', '/datasets'])
    test(`is the first tab stop on ${path} and lands on the main content`, async ({ page }) => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      await expect(skip).toHaveText(path.includes('lang=nl') ? 'Naar inhoud' : 'Skip to content');
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page.locator('main')).toBeFocused();
      // The next tab stop is inside the main content, past the header's links.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    });
});
