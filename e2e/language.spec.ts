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
