import { expect, test } from '@playwright/test';
import { watchPageErrors } from './helpers/pageErrors';

/**
 * The bare yardstick page (app/(yardstick)) that `npm run lighthouse` scores beside the product's
 * pages (issue 17 part 5): one heading under its own root layout, none of the product's shell, no
 * sign-in, marked noindex, linked from nowhere in the product, and its scripts run under the same
 * nonce CSP as every page (proxy.ts).
 */
test.describe('the yardstick', () => {
  test('is one heading with no app shell, needs no sign-in, is noindex, and its scripts run under the CSP', async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const errors = await watchPageErrors(page);
    const response = await page.goto('/yardstick');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yardstick');
    await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', /noindex/);
    // None of the product's shell: no header, no product stylesheet, no sign-in form.
    await expect(page.locator('.site-header, form, nav')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('link[rel=stylesheet], link[rel=preload][as=style]').count()).toBe(0);
    // The page's scripts ran (they carry the request's nonce): Next.js's runtime is there.
    expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next)).toBe('object');
    expect(await errors.violations()).toEqual([]);
    expect(errors.console).toEqual([]);
    await context.close();
  });

  test('no page of the product links to it', async ({ page }) => {
    for (const path of ['/', '/explore', '/planner', '/findings', '/help', '/datasets']) {
      await page.goto(path);
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      expect(hrefs.length, path).toBeGreaterThan(5);
      expect(hrefs.filter((href) => href.startsWith('/yardstick')), path).toEqual([]);
    }
  });
});
