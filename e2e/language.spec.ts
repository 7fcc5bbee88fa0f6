import { expect, test } from '@playwright/test';

// main[lang]: while a page streams in, the loading skeleton's <main> can still be in the document.
test('the chosen language is remembered across pages, and a view URL works in both languages', async ({ page }) => {
  await page.goto('/explore?view=bond');
  await expect(page.locator('main[lang]')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Nederlands' }).click();
  await expect(page).toHaveURL(/view=bond.*lang=nl/);
  await expect(page.locator('main[lang]')).toHaveAttribute('lang', 'nl');

  // A bare link now opens in Dutch, with the language in its URL.
  await page.goto('/planner?gender=F');
  await expect(page).toHaveURL(/\/planner\?gender=F&lang=nl$/);
  await expect(page.locator('main[lang]')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/Which personalization/);

  // Switching back to English sticks too.
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/lang=en/);
  await page.goto('/findings');
  await expect(page).toHaveURL(/\/findings$/);
  await expect(page.locator('main[lang]')).toHaveAttribute('lang', 'en');

  // An explicit language in a shared URL wins over the remembered one.
  await page.goto('/explore?view=bond&lang=nl');
  await expect(page.locator('main[lang]')).toHaveAttribute('lang', 'nl');
});

test('a language chosen in another tab holds for the next page in this one, shell and all', async ({ page, context }) => {
  await page.goto('/datasets');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Another tab of the same browser chooses Dutch (remembered in a cookie).
  const other = await context.newPage();
  await other.goto('/help?lang=nl');
  await expect(other.locator('main[lang]')).toHaveAttribute('lang', 'nl');
  await other.close();
  // An in-app link in the first tab: the server sends the Dutch page, and the parts drawn in the
  // browser (the header's menu, the layout's language) follow it rather than staying English.
  await page.locator('.site-header nav').getByRole('link', { name: 'Findings', exact: false }).first().click();
  await expect(page).toHaveURL(/\/findings\?lang=nl/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('main[lang]')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('.site-header nav:not(.lang-switch)')).toContainText('Gepubliceerde bevindingen');
  await expect(page.locator('.site-header nav:not(.lang-switch)')).not.toContainText('Published findings');
});
