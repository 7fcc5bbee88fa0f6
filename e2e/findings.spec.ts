import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import registry from '../data/findings.json';

test.describe('/findings', () => {
  test('shows every published figure reproduced, with the synthetic-data notice', async ({ page }) => {
    await page.goto('/findings');
    await expect(page.getByRole('heading', { level: 1, name: 'Published findings, reproduced' })).toBeVisible();
    await expect(page.getByTestId('synthetic-notice')).toContainText('synthetic respondents');

    const rows = page.locator('tr[data-claim]');
    await expect(rows).toHaveCount(registry.claims.length);
    await expect(page.getByTestId('summary-count')).toHaveText(`${registry.claims.length} of ${registry.claims.length} claims reproduced`);
    await expect(page.locator('tr[data-claim] .badge-fail')).toHaveCount(0);

    // A published percentage sits beside a computed one that rounds to it.
    const p1 = page.locator('tr[data-claim="P1"]');
    await expect(p1.locator('td').nth(1)).toHaveText('48%');
    const computed = await p1.getByTestId('computed').innerText();
    expect(Math.round(parseFloat(computed))).toBe(48);
    await expect(page.locator('tr[data-claim="G12"]')).toContainText('Reproduced');

    await page.screenshot({ path: 'e2e/screenshots/findings.png', fullPage: true });
  });

  test('reads in Dutch with a decimal comma', async ({ page }) => {
    await page.goto('/findings?lang=nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Gepubliceerde bevindingen, gereproduceerd' })).toBeVisible();
    await expect(page.getByTestId('synthetic-notice')).toContainText('synthetische respondenten');
    await expect(page.locator('tr[data-claim="P1"]').getByTestId('computed')).toHaveText(/^4[78],\d\s?%$/);
    await page.screenshot({ path: 'e2e/screenshots/findings-nl.png', fullPage: true });
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    await page.goto('/findings');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test('home page links to the findings and says the data are synthetic', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('synthetic-notice')).toBeVisible();
  await page.getByRole('link', { name: /See every published figure reproduced/ }).click();
  await expect(page).toHaveURL(/\/findings$/);
});
