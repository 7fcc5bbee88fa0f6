import { expect, type Page, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { reachForControls } from './helpers/live';
import { drawCharts } from './helpers/charts';

/** Waits until the results show the view for the current URL (no navigation in flight). */
async function settled(page: Page) {
  await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false');
}

/** "57.8%" or "57,8 %" -> 0.578 */
function share(text: string): number {
  const match = text.replace(/\s/g, '').match(/(\d+(?:[.,]\d+)?)%/);
  if (!match) throw new Error(`no percentage in "${text}"`);
  return parseFloat(match[1].replace(',', '.')) / 100;
}

async function tick(page: Page, group: string, level: string) {
  await page.getByRole('group', { name: group }).getByRole('checkbox', { name: level, exact: true }).check();
}

/** Presses Tab until the element matching `selector` has focus (keyboard only). */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test.describe('/explore', () => {
  test('Dutch women 18-34 with young children welcome automated personalization more than the overall 46%', async ({ page }) => {
    await page.goto('/explore?dataset=study-g&view=segments');
    await expect(page.getByTestId('synthetic-notice')).toBeVisible();
    await expect(page.getByTestId('segments-ranking')).toContainText('Most welcoming: women · 18-34 · with young children');
    await expect(page.getByTestId('segments-ranking')).toContainText('Least welcoming: men · 50 and over · without young children');

    await tick(page, 'Country', 'Netherlands');
    await expect(page).toHaveURL(/country=NL/);
    await tick(page, 'Gender', 'Women');
    await expect(page).toHaveURL(/gender=F/);
    await tick(page, 'Age', '18-34');
    await expect(page).toHaveURL(/age_band=18-34/);
    await tick(page, 'Young children', 'With young children');
    await expect(page).toHaveURL(/young_children=yes/);
    await settled(page);

    await expect(page.getByTestId('audience-line')).toContainText('Audience: 85 of 4,000 respondents');
    const audience = share(await page.getByTestId('headline-audience').locator('.stat-value').innerText());
    const everyone = share(await page.getByTestId('headline-everyone').locator('.stat-value').innerText());
    expect(Math.round(everyone * 100)).toBe(46);
    expect(audience).toBeGreaterThan(everyone + 0.05);
    await expect(page.getByTestId('headline-diff')).toContainText(/^\+\d+\.\d pp against everyone$/);
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/explore-segments-filtered.png', fullPage: true });

    // The context view keeps the audience and shows the same headline.
    await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Context' }).click();
    await expect(page).toHaveURL(/view=context.*country=NL/);
    await settled(page);
    expect(share(await page.getByTestId('headline-audience').locator('.stat-value').innerText())).toBeCloseTo(audience, 6);
  });

  test('the bond view shows the strong-bond uplift (G5, G6) and the data types it unlocks (G7)', async ({ page }) => {
    await page.goto('/explore');
    await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Bond strength' }).click();
    await expect(page).toHaveURL(/view=bond/);
    await settled(page);
    const bond = page.getByTestId('bond-bond-uplift');
    await expect(bond).toContainText('strong (4-5): 65.0%, +19.0 pp against the overall 46.0%');
    await expect(page.getByTestId('bond-trust-uplift')).toContainText('high (4-5): 63.0%, +17.0 pp');
    await expect(page.getByTestId('unlock-bond-summary')).toContainText(/date of birth/);
    await expect(page.getByTestId('unlock-trust-summary')).toContainText('websites visited');
    // The same numbers in the data table, with the uplift and the significance mark.
    const table = page.getByTestId('bond-bond-table');
    await page.locator('#bond-bond-table summary').click();
    const strongRow = table.locator('tbody tr').filter({ hasText: 'Strong (4-5)' });
    await expect(strongRow).toContainText('65.0%');
    await expect(strongRow).toContainText('+19.0 pp');
    await expect(strongRow.locator('td.mark-up')).toContainText('▲');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/explore-bond.png', fullPage: true });
  });

  test('a copied URL reopens the same view: controls and numbers', async ({ page, browser }) => {
    await page.goto('/explore?view=context');
    await page.getByLabel('Context dimension').selectOption('situation');
    await expect(page).toHaveURL(/dim=situation/);
    await page.getByLabel('Cross by').selectOption('place');
    await expect(page).toHaveURL(/cross=place/);
    await tick(page, 'Country', 'Germany');
    await expect(page).toHaveURL(/country=DE/);
    await page.getByLabel('Minimum base').selectOption('50');
    await expect(page).toHaveURL(/minBase=50/);
    await settled(page);
    const url = page.url();
    // The data table's rows are made when it is opened (DataTable).
    await page.locator('#context-situation-table summary').click();
    const tableText = await page.getByTestId('context-situation-table').textContent();
    const headline = await page.getByTestId('headline-audience').innerText();

    const other = await browser.newPage();
    await other.goto(url);
    await expect(other.getByLabel('Context dimension')).toHaveValue('situation');
    await expect(other.getByLabel('Cross by')).toHaveValue('place');
    await expect(other.getByLabel('Minimum base')).toHaveValue('50');
    await expect(other.getByRole('checkbox', { name: 'Germany' })).toBeChecked();
    await expect(other.getByRole('checkbox', { name: 'Netherlands' })).not.toBeChecked();
    await expect(other.getByRole('link', { name: 'Context', exact: true })).toHaveAttribute('aria-current', 'page');
    await other.locator('#context-situation-table summary').click();
    expect(await other.getByTestId('context-situation-table').textContent()).toBe(tableText);
    expect(await other.getByTestId('headline-audience').innerText()).toBe(headline);
    await other.close();
  });

  test('back and forward restore the state', async ({ page }) => {
    await page.goto('/explore');
    await page.getByRole('link', { name: 'Segments' }).click();
    await expect(page).toHaveURL(/view=segments/);
    await tick(page, 'Country', 'Sweden');
    await expect(page).toHaveURL(/country=SE/);
    await settled(page);
    await expect(page.getByTestId('audience-line')).toContainText('Country: Sweden');

    await page.goBack();
    await expect(page).not.toHaveURL(/country=SE/);
    await expect(page.getByRole('checkbox', { name: 'Sweden' })).not.toBeChecked();
    await expect(page.getByTestId('audience-line')).toContainText('4,000 of 4,000');
    await page.goBack();
    await expect(page).not.toHaveURL(/view=segments/);
    await expect(page.getByRole('link', { name: 'Data types' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('datatypes-ok')).toBeVisible();

    await page.goForward();
    await expect(page.getByRole('link', { name: 'Segments' })).toHaveAttribute('aria-current', 'page');
    await page.goForward();
    await expect(page).toHaveURL(/country=SE/);
    await expect(page.getByRole('checkbox', { name: 'Sweden' })).toBeChecked();
    await expect(page.getByTestId('audience-line')).toContainText('Country: Sweden');
  });

  test('three changes in one go end on the last one, in the address bar and on the chart', async ({ page }) => {
    await page.goto('/explore?view=segments');
    await reachForControls(page, '.explore-results');
    // Three ticks within one task, quicker than any user: each pushes its own history entry, and
    // Next.js's router takes the pushes in later; none of them may put an older address back.
    await page.evaluate(() => {
      for (const box of ['country=NL', 'gender=F', 'age_band=18-34']) {
        const [name, value] = box.split('=');
        document.querySelector<HTMLInputElement>(`.filter-group input[name="${name}"][value="${value}"]`)!.click();
      }
    });
    const has = (url: URL, pairs: string[]) => pairs.every((p) => url.searchParams.getAll(p.split('=')[0]).includes(p.split('=')[1]));
    const last = (url: URL) => has(url, ['country=NL', 'gender=F', 'age_band=18-34']);
    await expect(page).toHaveURL(last);
    await settled(page);
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(last);
    await expect(page.locator('.explore-results')).toHaveAttribute('data-state', new URL(page.url()).pathname + new URL(page.url()).search);
    await expect(page.getByTestId('audience-line')).toContainText('Netherlands');
    await expect(page.getByTestId('audience-line')).toContainText('18-34');
    await page.goBack();
    await expect(page).toHaveURL((url) => has(url, ['country=NL', 'gender=F']) && !url.searchParams.has('age_band'));
    await expect(page.getByRole('checkbox', { name: '18-34' })).not.toBeChecked();
  });

  test('keyboard alone operates every control', async ({ page }) => {
    await page.goto('/explore?view=segments');
    await page.locator('body').click({ position: { x: 1, y: 1 } });

    // Every filter checkbox: Tab to it, Space ticks it (URL and chart follow), Space unticks it.
    const boxes = await page.locator('.filter-group input[type=checkbox]').evaluateAll((els) => els.map((e) => `#${e.id}`));
    expect(boxes.length).toBe(17);
    for (const box of boxes) {
      await tabTo(page, box);
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      const name = await page.locator(box).getAttribute('name');
      const value = await page.locator(box).getAttribute('value');
      await page.keyboard.press('Space');
      await expect(page).toHaveURL(new RegExp(`[?&]${name}=${encodeURIComponent(value!).replace('+', '\\+')}(&|$)`));
      await settled(page);
      await expect(page.locator(box)).toBeFocused();
      await expect(page.getByTestId('audience-line')).not.toContainText('of 4,000 respondents · everyone');
      await page.keyboard.press('Space');
      await expect(page).not.toHaveURL(new RegExp(`[?&]${name}=`));
      await settled(page);
    }

    // The selects: Tab to them, arrow keys change them.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '#cross');
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/cross=/);
    await settled(page);
    await expect(page.getByTestId('segments-grid').locator('.chart-legend')).toContainText(/\w/);
    await tabTo(page, '#minBase');
    await page.keyboard.press('ArrowDown');
    await expect(page).toHaveURL(/minBase=50/);

    // The view links: Enter follows them.
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 80; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-view') === 'bond')) break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/view=bond/);
    await settled(page);
    await expect(page.getByTestId('bond-bond')).toBeVisible();

    // The data table opens with the keyboard, and the CSV button is reachable.
    await tabTo(page, '#bond-bond-table summary');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('bond-bond-table')).toBeVisible();
    await tabTo(page, '[data-testid=bond-bond] .csv-button');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Share (%)');
    // The cross-by chosen above came along to the bond view: bond band x situation, the strong band marked ▲.
    expect(csv).toMatch(/\r\nStrong \(4-5\),"Time-pressed, attention-demanding",\d+(\.\d+)?,[^\r\n]*,▲,/);
  });

  test('a chart downloads as SVG and PNG with the methods footnote drawn in', async ({ page }) => {
    await page.goto('/explore?dataset=study-g&view=datatypes&country=NL');
    await settled(page);
    // The buttons work once the page is hydrated (its scripts are in and run).
    await page.waitForLoadState('networkidle');
    const card = page.getByTestId('datatypes-ok');
    // The chart is drawn at the width it measures; wait until that width holds still (the page may
    // still be settling: late content, a scrollbar appearing), or the two images would differ in size.
    const chartWidthSteady = () =>
      page.waitForFunction(
        // A function, not a string: the page's Content-Security-Policy forbids evaluating strings.
        () => {
          const svg = document.querySelector('[data-testid="datatypes-ok"] svg');
          if (!svg) return false;
          const seen = window as unknown as { chartWidth?: number };
          const width = svg.getBoundingClientRect().width;
          const steady = seen.chartWidth === width;
          seen.chartWidth = width;
          return steady;
        },
        undefined,
        { polling: 400 },
      );
    await chartWidthSteady();
    const svgDownload = page.waitForEvent('download');
    await card.getByRole('button', { name: /as SVG$/ }).click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const text of ['Dataset: ', 'Synthetic data', 'Weighted: Supplied weight', 'Audience: 1,000 of 4,000 respondents', 'Country: Netherlands', 'Benjamini-Hochberg', '95% Wilson'])
      expect(svg).toContain(text);
    // The bars themselves are in the image: one rect per data type at least.
    expect((svg.match(/class="chart-bar"/g) ?? []).length).toBeGreaterThanOrEqual(17);
    // With an interval on every bar (recharts ErrorBar), and the colour key drawn under the title.
    expect((svg.match(/class="[^"]*\brecharts-errorBar\b[^"]*"/g) ?? []).length).toBe((svg.match(/class="chart-bar"/g) ?? []).length);
    expect(svg).toContain('class="chart-legend"');
    for (const tier of ['OK', 'Grey zone', 'No-go']) expect(svg).toMatch(new RegExp(`<text [^>]*>${tier}[^<]*</text>`));

    await chartWidthSteady();
    const pngDownload = page.waitForEvent('download');
    await card.getByRole('button', { name: /as PNG$/ }).click();
    const png = readFileSync(await (await pngDownload).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the SVG's size: width is bytes 16-19 of the IHDR chunk.
    expect(png.readUInt32BE(16)).toBe(2 * Number(svg.match(/width="(\d+)"/)![1]));
  });

  test('the tactics view on study P ranks the creepy text message first (P7-P11)', async ({ page }) => {
    await page.goto('/explore');
    await page.getByLabel('Dataset').selectOption('study-p');
    await expect(page).toHaveURL(/dataset=study-p&view=tactics/);
    await settled(page);
    await expect(page.getByTestId('audience-line')).toContainText('Wave: 2018');
    await expect(page.getByRole('checkbox', { name: '2018' })).toBeChecked();
    await expect(page.getByTestId('tactics-creepy-summary')).toContainText('Ranked first: A text message from a brand when walking past its store (41.0%)');
    await page.locator('#tactics-creepy-table summary').click();
    const rows = page.getByTestId('tactics-creepy-table').locator('tbody th');
    await expect(rows.first()).toHaveText('A text message from a brand when walking past its store');
    await expect(page.getByTestId('tactics-valued-summary')).toContainText('apology e-mail');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/explore-tactics.png', fullPage: true });

    // Unticking the default wave is kept in the URL.
    await page.getByRole('checkbox', { name: '2018' }).uncheck();
    await expect(page).toHaveURL(/wave=(&|$)/);
    await settled(page);
    await expect(page.getByTestId('audience-line')).toContainText('16,000 of 16,000');
  });

  test('a filter that leaves nobody says so and offers to clear the filters', async ({ page }) => {
    await page.goto('/explore?view=segments&country=SE&gender=M&age_band=50%2B&young_children=yes&bond=weak&trust=low');
    await expect(page.getByTestId('empty-state')).toContainText('Nobody in the data matches these filters');
    await page.getByTestId('empty-state').getByRole('link', { name: 'Clear all filters' }).click();
    await expect(page).toHaveURL(/\/explore\?dataset=study-g&view=segments$/);
    await expect(page.getByTestId('segments-grid')).toBeVisible();
  });

  test('reads in Dutch with a decimal comma, labels from the codebook', async ({ page }) => {
    await page.goto('/explore?view=bond&lang=nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Acceptatie verkennen' })).toBeVisible();
    await expect(page.getByTestId('synthetic-notice')).toContainText('synthetische respondenten');
    await expect(page.getByTestId('bond-bond-uplift')).toContainText('sterk (4-5): 65,0%, +19,0 %-punt');
    await expect(page.getByRole('group', { name: 'Land' }).getByRole('checkbox', { name: 'Nederland' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/explore?view=bond&lang=en');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/explore-bond-nl.png', fullPage: true });
  });

  const views = [
    ['datatypes', '/explore?view=datatypes'],
    ['datatypes-crossed', '/explore?view=datatypes&cross=country'],
    ['context', '/explore?view=context'],
    ['context-crossed', '/explore?view=context&dim=industry&cross=age_band&country=NL'],
    ['bond', '/explore?view=bond'],
    ['segments', '/explore?view=segments&minBase=50'],
    ['segments-crossed', '/explore?view=segments&cross=place&lang=nl'],
    ['tactics', '/explore?dataset=study-p&view=tactics'],
    ['empty', '/explore?view=segments&country=SE&gender=M&age_band=50%2B&young_children=yes&bond=weak&trust=low'],
  ] as const;
  for (const [name, url] of views) {
    test(`no serious or critical accessibility violation: ${name}`, async ({ page }) => {
      await page.goto(url);
      await settled(page);
      await page.locator('details.data-table').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      // Each table is made when its fold opens (DataTable): scanned once all are there.
      await expect(page.locator('details.data-table:not(:has(table))')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`)).toEqual([]);
      await page.locator('details.data-table').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = false)));
      await drawCharts(page);
      await page.screenshot({ path: `e2e/screenshots/explore-${name}.png`, fullPage: true });
    });
  }

  test('looks finished on a phone', async ({ browser }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto('/explore?view=segments&country=NL');
    await settled(page);
    // The settings fold behind one bar on a phone (ControlsFold.tsx), the filters inside them behind their own.
    const settings = page.getByRole('button', { name: /Settings and filters/ });
    await expect(settings).toHaveAttribute('aria-expanded', 'false');
    await expect(settings).toContainText('1 filtered');
    await expect(page.getByRole('button', { name: /Audience filters/ })).toBeHidden();
    // Polled: the charts are drawn at a laptop's width on the server and measure their column once hydrated.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/explore-phone-segments.png', fullPage: true });
    await settings.click();
    await expect(page.getByRole('button', { name: /Audience filters/ })).toHaveAttribute('aria-expanded', 'false');
    await page.getByRole('button', { name: /Audience filters/ }).click();
    await expect(page.getByRole('checkbox', { name: 'Netherlands' })).toBeChecked();
    await page.close();
  });
});
