import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { reachForControls } from './helpers/live';

const percent = (text: string) => parseFloat(text.replace(',', '.'));

test.describe('/planner', () => {
  test('men 50+ at home in a relaxed moment: lower acceptance, red data types', async ({ page }) => {
    await page.goto('/planner');
    const scenarios = page.locator('[data-family="scenario"]');
    const dataTypes = page.locator('[data-family="dataType"]');
    const everyone = percent(await scenarios.getByTestId('expected-share').innerText());
    expect(Math.round(everyone)).toBe(46);

    await page.getByLabel('Gender').selectOption('M');
    await expect(page).toHaveURL(/gender=M/);
    await page.getByLabel('Age', { exact: true }).selectOption('50+');
    await expect(page).toHaveURL(/age_band=50%2B/);
    await page.getByLabel('Place').selectOption('private');
    await expect(page).toHaveURL(/place=private/);
    await page.getByLabel('Situation').selectOption('relaxed');
    await expect(page).toHaveURL(/situation=relaxed/);

    const share = percent(await scenarios.getByTestId('expected-share').innerText());
    expect(share).toBeLessThan(everyone);
    await expect(scenarios.getByTestId('delta')).toContainText('below');
    await expect(dataTypes.getByTestId('advice-avoid').locator('li')).not.toHaveCount(0);
    await expect(dataTypes.getByTestId('advice-avoid')).toContainText('Medical history');
    await expect(page.locator('[data-guideline="timePressed"]')).toContainText('Caution');
    await page.screenshot({ path: 'e2e/screenshots/planner-men-50.png', fullPage: true });
  });

  test('a tiny audience is modelled, with the raw cell beside it', async ({ page }) => {
    await page.goto('/planner?country=NL&gender=M&age_band=50%2B&young_children=yes&bond=strong&industry=banking&situation=pressed&place=public');
    const scenarios = page.locator('[data-family="scenario"]');
    await expect(scenarios.getByTestId('estimate')).toContainText('Modelled');
    await expect(scenarios.getByTestId('raw-cell')).toContainText('below the minimum base of 30');
    await page.screenshot({ path: 'e2e/screenshots/planner-modelled.png', fullPage: true });
  });

  test('keyboard alone operates the form, and the URL reopens the same answer', async ({ page }) => {
    await page.goto('/planner');
    // Once the engine is in, every change is answered in the page; before, a change is a form
    // submission, and three quick ones would race each other to the server.
    await page.getByLabel('Emotional bond with the brand').focus();
    // A key (Shift, which changes nothing) is the visitor's first move: it fetches the columns and the engine.
    await reachForControls(page, '.planner-answer', (p) => p.keyboard.press('Shift'));
    // Three changes as quick as the keyboard allows: the address bar and the answer must end on
    // the last one (a history push deferred past the paint once left them a step behind).
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/[?&]bond=strong(&|$)/);
    await expect(page.locator('.planner-answer')).toHaveAttribute('data-state', 'bond=strong');
    // Nothing puts an older address back afterwards.
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(/[?&]bond=strong(&|$)/);
    const share = await page.getByTestId('expected-share').first().innerText();
    await page.goto(page.url());
    await expect(page.getByTestId('expected-share').first()).toHaveText(share);
    await expect(page.getByLabel('Emotional bond with the brand')).toHaveValue('strong');
  });

  test('the columns download in the background once the page has hydrated and painted, and the first move makes the page live', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/datasets\/[^/]+\/columns/.test(request.url())) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto('/planner');
    // No pointer move, key or focus: idle time after hydration and the first paint starts the download (afterInteractive)...
    await expect.poll(() => [...fetched].sort(), { timeout: 20_000 }).toEqual(['/api/datasets/study-g/columns', '/api/datasets/study-p/columns']);
    // ...but not the main-thread work (the engine's code, decoding): that waits for the first move (onFirstIntent).
    await expect(page.locator('.planner-answer')).not.toHaveAttribute('data-live', 'true');
    await reachForControls(page, '.planner-answer');
    expect(fetched).toHaveLength(2);
  });

  test('an unknown level in the URL gets a clear message', async ({ page }) => {
    await page.goto('/planner?country=FR');
    await expect(page.locator('p[role=alert]')).toContainText('Country has no value "FR".');
  });

  test('reads in Dutch', async ({ page }) => {
    await page.goto('/planner?lang=nl&gender=F');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welke personalisatie is welkom bij mijn doelgroep?');
    await expect(page.getByTestId('expected-share').first()).toHaveText(/^\d+,\d\s?%$/);
    await page.screenshot({ path: 'e2e/screenshots/planner-nl.png', fullPage: true });
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    // Two question families, the tactics and five guideline tables: axe takes a while on a busy machine.
    test.setTimeout(90_000);
    await page.goto('/planner?gender=M&age_band=50%2B&place=private&situation=relaxed');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
  });
});
