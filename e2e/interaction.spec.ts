import { expect as baseExpect, type Page, type Request, type Route, test } from '@playwright/test';
import { reachForControls } from './helpers/live';

// Server renders and hydration are slow on the shared 2-core machine; the assertions are about what
// happens, not how fast (the request counts are the speed proof).
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 90_000 });

/**
 * Issue 18's interaction: the explorer's first change is computed in the browser like the later
 * ones (no request to the server for the analysis), nothing on screen contradicts itself while a
 * change is on its way (the old chart is marked stale, the audience line stays with it), no input
 * made before the page hydrated is lost, and the summary applies a dataset choice at once.
 */

/** A request for a page's server-rendered content (a navigation in the app router), prefetches left out. */
const isServerRender = (request: Request, path: string) => {
  const url = new URL(request.url());
  const headers = request.headers();
  return url.pathname === path && (headers['rsc'] === '1' || url.searchParams.has('_rsc')) && !headers['next-router-prefetch'];
};

/** Counts the server renders of `path` the page asks for. */
function countServerRenders(page: Page, path: string): { count: () => number } {
  let count = 0;
  page.on('request', (request) => {
    if (isServerRender(request, path)) count++;
  });
  return { count: () => count };
}

/** Holds every request matching `pattern` until `release()` is called. */
async function hold(page: Page, pattern: string | RegExp | ((url: URL) => boolean)) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (route: Route) => {
    await released;
    await route.continue().catch(() => {});
  };
  await page.route(pattern, handler);
  return {
    release: async () => {
      release();
      await page.unroute(pattern, handler);
    },
  };
}

const results = (page: Page) => page.locator('.explore-results');
const here = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

test.describe('the explorer', () => {
  test('computes the first change on a fresh load in the browser, as fast as the second: no server request', async ({ page }) => {
    const renders = countServerRenders(page, '/explore');
    await page.goto('/explore?view=segments');
    await expect(page.locator('form.explore-controls')).toHaveAttribute('data-ready', 'true');
    // At once after hydration, whether or not the columns are in yet.
    await page.getByRole('checkbox', { name: 'Netherlands', exact: true }).click();
    await expect(page).toHaveURL(/country=NL/);
    await expect(results(page)).toHaveAttribute('data-state', here(page));
    await expect(results(page)).toHaveAttribute('aria-busy', 'false');
    await expect(results(page)).toHaveAttribute('data-computed', 'browser');
    await expect(page.getByTestId('audience-line')).toContainText('Country: Netherlands');
    expect(renders.count(), 'server renders for the first change').toBe(0);

    await page.getByRole('checkbox', { name: 'Women', exact: true }).click();
    await expect(page).toHaveURL(/gender=F/);
    await expect(results(page)).toHaveAttribute('data-state', here(page));
    await expect(page.getByTestId('audience-line')).toContainText('Women');
    expect(renders.count(), 'server renders for the second change').toBe(0);
  });

  for (const lang of ['en', 'nl'] as const) {
    test(`while the columns are on their way the old chart is marked stale and keeps its own audience line (${lang})`, async ({ page }) => {
      const renders = countServerRenders(page, '/explore');
      const columns = await hold(page, '**/api/datasets/*/columns**');
      await page.goto(`/explore?view=segments${lang === 'nl' ? '&lang=nl' : ''}`);
      await expect(page.locator('form.explore-controls')).toHaveAttribute('data-ready', 'true');
      const before = await page.getByTestId('audience-line').innerText();
      const beforeState = await results(page).getAttribute('data-state');
      await page.getByRole('checkbox', { name: lang === 'nl' ? 'Nederland' : 'Netherlands', exact: true }).click();
      await expect(page).toHaveURL(/country=NL/);
      // Pending: busy, dimmed, said in words; the chart and its audience line are still the old state's.
      await expect(results(page)).toHaveAttribute('aria-busy', 'true');
      await expect(results(page)).toHaveClass(/is-pending/);
      await expect(page.locator('.explore-controls [role=status]')).toHaveText(lang === 'nl' ? 'Bijwerken…' : 'Updating…');
      await expect(results(page)).toHaveAttribute('data-state', beforeState!);
      await expect(page.getByTestId('audience-line')).toHaveText(before);
      await page.screenshot({ path: `e2e/screenshots/explore-pending-${lang}.png` });
      await columns.release();
      await expect(results(page)).toHaveAttribute('aria-busy', 'false');
      await expect(results(page)).toHaveAttribute('data-state', here(page));
      await expect(page.getByTestId('audience-line')).toContainText(lang === 'nl' ? 'Nederland' : 'Netherlands');
      await expect(page.locator('.explore-controls [role=status]')).toHaveText('');
      expect(renders.count()).toBe(0);
    });
  }

  test('a server render on its way (another dataset) keeps the old results with their own audience line, marked stale', async ({ page }) => {
    await page.goto('/explore?view=segments&country=NL');
    await expect(page.locator('form.explore-controls')).toHaveAttribute('data-ready', 'true');
    const before = await page.getByTestId('audience-line').innerText();
    const server = await hold(page, (url) => url.pathname === '/explore' && url.searchParams.has('_rsc') && url.searchParams.get('dataset') === 'study-p');
    await page.getByLabel('Dataset', { exact: true }).selectOption('study-p');
    await expect(results(page)).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('.explore-controls [role=status]')).toHaveText('Updating…');
    await expect(page.getByTestId('audience-line')).toHaveText(before);
    await server.release();
    await expect(results(page)).toHaveAttribute('aria-busy', 'false');
    await expect(page).toHaveURL(/dataset=study-p/);
    await expect(page.getByTestId('audience-line')).not.toHaveText(before);
  });

  test('a box ticked and an option chosen before the page hydrated are applied, and the next click adds to them', async ({ page }) => {
    const scripts = await hold(page, /\/_next\/static\/.*\.js(\?|$)/);
    await page.goto('/explore?view=segments', { waitUntil: 'commit' });
    const netherlands = page.getByRole('checkbox', { name: 'Netherlands', exact: true });
    await netherlands.click();
    await page.getByLabel('Minimum base').selectOption('50');
    await expect(netherlands).toBeChecked();
    // Still not hydrated: the click reached no handler.
    await expect(page.locator('form.explore-controls')).not.toHaveAttribute('data-ready', 'true');
    expect(page.url()).not.toContain('country=NL');
    await scripts.release();
    await expect(page.locator('form.explore-controls')).toHaveAttribute('data-ready', 'true');
    await expect(page).toHaveURL(/country=NL/);
    await expect(page).toHaveURL(/minBase=50/);
    await expect(results(page)).toHaveAttribute('data-state', here(page));
    await expect(page.getByTestId('audience-line')).toContainText('Country: Netherlands');
    await expect(netherlands).toBeChecked();
    await page.getByRole('checkbox', { name: 'Women', exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('country') === 'NL' && url.searchParams.get('gender') === 'F');
    await expect(page.getByTestId('audience-line')).toContainText('Country: Netherlands');
    await expect(page.getByTestId('audience-line')).toContainText('Women');
    await expect(netherlands).toBeChecked();
  });
});

test.describe('the summary', () => {
  test('applies a dataset choice at once, without a Show button', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Show' })).toHaveCount(0);
    await page.getByLabel('Dataset').selectOption('study-p');
    await expect(page).toHaveURL(/dataset=study-p/);
    await expect(page.locator('[data-headline="p-left"]').getByTestId('headline-figure')).toHaveText('48%');
    await expect(page.getByLabel('Dataset')).toHaveValue('study-p');
  });

  test('shows the old summary as stale while the new one is on its way (Dutch)', async ({ page }) => {
    await page.goto('/?lang=nl');
    await expect(page.getByTestId('summary-body')).toHaveAttribute('aria-busy', 'false');
    const server = await hold(page, (url) => url.pathname === '/' && url.searchParams.has('_rsc') && url.searchParams.get('dataset') === 'study-p');
    await page.getByLabel('Dataset').selectOption('study-p');
    await expect(page.getByTestId('summary-body')).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('.summary-page [role=status]')).toHaveText('Bijwerken…');
    await page.screenshot({ path: 'e2e/screenshots/summary-pending-nl.png' });
    await server.release();
    await expect(page).toHaveURL(/dataset=study-p/);
    await expect(page).toHaveURL(/lang=nl/);
    await expect(page.getByTestId('summary-body')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('[data-headline="p-left"]').getByTestId('headline-figure')).toHaveText('48%');
  });

  test('a dataset chosen before the page hydrated is applied', async ({ page }) => {
    const scripts = await hold(page, /\/_next\/static\/.*\.js(\?|$)/);
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByLabel('Dataset').selectOption('study-p');
    await scripts.release();
    await expect(page).toHaveURL(/dataset=study-p/);
    await expect(page.locator('[data-headline="p-left"]').getByTestId('headline-figure')).toHaveText('48%');
  });
});

test.describe('the planner', () => {
  test('a change on its way to the server leaves the old answer marked stale, with a status', async ({ page }) => {
    // Columns held back: the change goes to the server, held too.
    const columns = await hold(page, '**/api/datasets/*/columns**');
    await page.goto('/planner');
    const answer = page.locator('.planner-answer');
    const before = await answer.getAttribute('data-state');
    const server = await hold(page, (url) => url.pathname === '/planner' && url.searchParams.has('_rsc') && url.searchParams.get('gender') === 'M');
    await expect(async () => {
      // The select submits its form once the page has hydrated.
      await page.locator('#planner-gender').selectOption('M');
      await expect(answer).toHaveAttribute('aria-busy', 'true', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(answer).toHaveClass(/is-pending/);
    await expect(answer).toHaveAttribute('data-state', before ?? '');
    await expect(page.locator('.planner-form [role=status]')).toHaveText('Updating…');
    await server.release();
    await columns.release();
    await expect(answer).toHaveAttribute('aria-busy', 'false');
    await expect(page).toHaveURL(/gender=M/);
    await expect(page.locator('.planner-form [role=status]')).toHaveText('');
  });

  test('a choice made before the page hydrated is applied', async ({ page }) => {
    const scripts = await hold(page, /\/_next\/static\/.*\.js(\?|$)/);
    await page.goto('/planner', { waitUntil: 'commit' });
    await page.locator('#planner-gender').selectOption('M');
    await scripts.release();
    await expect(page).toHaveURL(/gender=M/);
    await expect(page.locator('.planner-answer')).toHaveAttribute('data-state', /gender=M/);
  });
});

test.describe('the planner’s dataset', () => {
  for (const lang of ['en', 'nl'] as const) {
    test(`a dataset change on its way keeps the old answer, marked stale, as a filter change does (${lang})`, async ({ page }) => {
      await page.goto(`/planner${lang === 'nl' ? '?lang=nl' : ''}`);
      const answer = page.locator('.planner-answer');
      const status = page.locator('.planner-layout .pending-status');
      // The planner goes live at the visitor's first move (onFirstIntent).
      await reachForControls(page, '.planner-answer');
      await expect(answer).toHaveAttribute('aria-busy', 'false');
      const before = await answer.getAttribute('data-state');
      const server = await hold(page, (url) => url.pathname === '/planner' && url.searchParams.has('_rsc') && url.searchParams.get('dataset') === 'study-p');
      await page.locator('#planner-dataset').selectOption('study-p');
      // Pending: busy, dimmed, said in words; the answer is still the old dataset's.
      await expect(answer).toHaveAttribute('aria-busy', 'true');
      await expect(answer).toHaveClass(/is-pending/);
      await expect(status).toHaveText(lang === 'nl' ? 'Bijwerken…' : 'Updating…');
      await expect(answer).toHaveAttribute('data-state', before!);
      await page.screenshot({ path: `e2e/screenshots/planner-dataset-pending-${lang}.png` });
      await server.release();
      await expect(page).toHaveURL(/dataset=study-p/);
      await expect(answer).toHaveAttribute('aria-busy', 'false');
      await expect(answer).not.toHaveClass(/is-pending/);
      await expect(answer).toHaveAttribute('data-state', /dataset=study-p/);
      await expect(status).toHaveText('');
      if (lang === 'nl') await expect(page).toHaveURL(/lang=nl/);
    });
  }
});

/**
 * Resolves once the page has had no request in flight for `quietMs`: a client-side navigation
 * settles without a load event, so Playwright's networkidle does not see it.
 */
async function networkQuiet(page: Page, quietMs = 750) {
  let inFlight = 0;
  let last = Date.now();
  const start = () => {
    inFlight++;
    last = Date.now();
  };
  const end = () => {
    inFlight--;
    last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return async () => {
    await expect.poll(() => inFlight <= 0 && Date.now() - last >= quietMs, { intervals: [100] }).toBe(true);
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  };
}

test.describe('arriving from the menu', () => {
  // Each page's form submits a choice made before hydration once hydrated (changedBeforeHydration).
  // Mounted after a client-side navigation, a select holds no default option, and every choice but
  // the first read as the visitor's: arriving at /compare submitted its form again (three more server
  // renders, a second history entry that Back went to, and for a moment no <title>).
  for (const [link, path] of [
    ['Summary', '/'],
    ['Explore', '/explore'],
    ['Audience planner', '/planner'],
    ['Published findings', '/findings'],
    ['Benchmark', '/benchmark'],
    ['Compare', '/compare'],
  ] as const) {
    test(`${link}: one server render, one history entry, and Back returns to the page before`, async ({ page }) => {
      await page.goto('/help');
      await page.waitForLoadState('networkidle');
      const renders = countServerRenders(page, path);
      const quiet = await networkQuiet(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
      await expect(page).toHaveURL((url) => url.pathname === path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await quiet();
      expect(renders.count()).toBe(1);
      expect(new URL(page.url()).search).toBe('');
      await page.goBack();
      await expect(page).toHaveURL((url) => url.pathname === '/help');
    });
  }
});
