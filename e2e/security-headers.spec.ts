import { expect, test, type Page } from '@playwright/test';
import { watchPageErrors } from './helpers/pageErrors';
import { studyGCsv } from './helpers/studyCsv';

/**
 * The security headers, and the app's own pages passing their Content-Security-Policy: every page
 * in English and Dutch, and the paths that do more than render (chart PNG/SVG downloads, the PDF
 * link, the upload panel's web worker), with no violation and no console error.
 */
const PAGES = [
  '/',
  '/explore?view=datatypes',
  '/explore?view=context',
  '/explore?view=bond',
  '/explore?view=segments',
  '/explore?dataset=study-p&view=tactics',
  '/planner',
  '/findings',
  '/datasets',
  '/benchmark',
  '/compare',
  '/compare?by=country',
  '/tables',
  '/tables?dataset=study-p&rows=answers:p6_info_not_shared&banner=country&banner=gender>age_band',
];
const withLang = (url: string, lang: string) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

async function expectClean(page: Page, errors: Awaited<ReturnType<typeof watchPageErrors>>) {
  expect(await errors.violations(), `CSP violations on ${page.url()}`).toEqual([]);
  expect(errors.console, 'console errors').toEqual([]);
}

test.describe('Content-Security-Policy', () => {
  for (const lang of ['en', 'nl'])
    test(`every page passes it (${lang})`, async ({ page }) => {
      test.setTimeout(300_000);
      const errors = await watchPageErrors(page);
      for (const url of PAGES) {
        const response = await page.goto(withLang(url, lang));
        expect(response?.status(), url).toBe(200);
        // Lazy chunks and the columns fetch run under the policy too. Best effort: link prefetches
        // (answered by the language redirect) can keep the network busy on a slow machine.
        await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
        await expect(page.locator(`main[lang=${lang}]`)).toBeVisible();
        await expectClean(page, errors);
      }
    });

  test('the chart PNG and SVG downloads pass it', async ({ page }) => {
    const errors = await watchPageErrors(page);
    await page.goto('/explore?dataset=study-g&view=datatypes&lang=en');
    await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false');
    await page.waitForLoadState('networkidle');
    const card = page.getByTestId('datatypes-ok');
    for (const format of ['SVG', 'PNG']) {
      const download = page.waitForEvent('download');
      await card.getByRole('button', { name: new RegExp(`as ${format}$`) }).click();
      expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
    }
    await expect(card.getByRole('alert')).toHaveCount(0);
    await expectClean(page, errors);
  });

  test('the PDF link on the summary passes it', async ({ page }) => {
    const errors = await watchPageErrors(page);
    await page.goto('/?lang=en');
    await page.waitForLoadState('networkidle');
    const download = page.waitForEvent('download');
    await page.getByTestId('download-pdf').click();
    expect((await download).suggestedFilename()).toBe('executive-summary-study-g-en.pdf');
    await expectClean(page, errors);
  });

  test('the upload panel’s worker runs under it', async ({ page }) => {
    const errors = await watchPageErrors(page);
    await page.goto('/datasets?lang=en');
    await page.waitForLoadState('networkidle');
    await page.getByLabel('CSV file').setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(studyGCsv(50)) });
    await expect(page.getByTestId('report-verdict')).toHaveText('No problems found: the file can be stored.', { timeout: 30_000 });
    await expectClean(page, errors);
  });
});

test.describe('security headers', () => {
  test('a page: a nonce policy that its own scripts carry, and the fixed headers', async ({ request }) => {
    const first = await request.get('/explore?lang=en');
    const headers = first.headers();
    const policy = headers['content-security-policy'];
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    for (const directive of ["default-src 'self'", "'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "worker-src 'self' blob:"]) expect(policy).toContain(directive);
    expect(policy).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    // Every script of the page carries this response's nonce; the next response has another.
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = (await request.get('/explore?lang=en')).headers()['content-security-policy'];
    expect(second).not.toContain(nonce!);
  });

  test('an API response: a policy that allows nothing, and the fixed headers', async ({ request }) => {
    for (const url of ['/api/datasets', '/api/datasets/nope/acceptance', '/api/templates/study-g.template.csv']) {
      const headers = (await request.get(url)).headers();
      expect(headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['referrer-policy'], url).toBe('same-origin');
    }
  });

  test('a static file carries the fixed headers', async ({ request }) => {
    const html = await (await request.get('/findings?lang=en')).text();
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    const headers = (await request.get(chunk!)).headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
  });
});
