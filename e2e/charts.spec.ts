import { expect, type Page, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { drawCharts } from './helpers/charts';

/**
 * Every chart in the pages is a recharts chart: the explorer's views, the summary's cards and the
 * dot plot of /benchmark and /compare. The bars, interval marks (recharts ErrorBar) and significance
 * marks drawn are counted against the data table beside each chart, which is built separately from
 * the same answer; a tooltip is reached with the keyboard alone (recharts' accessibility layer).
 */

async function settled(page: Page) {
  await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false');
  await page.waitForLoadState('networkidle');
}

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Tabs until a chart surface of `scope` has the focus, then opens its tooltip with the arrow keys. */
async function tooltipByKeyboard(page: Page, scope: string) {
  for (let i = 0; i < 120; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(`${s} svg.recharts-surface`) ?? false, scope)) break;
    await page.keyboard.press('Tab');
  }
  expect(await page.evaluate((s) => document.activeElement?.matches(`${s} svg.recharts-surface`) ?? false, scope)).toBe(true);
  await page.keyboard.press('ArrowRight');
  const tooltip = page.locator(`${scope} .chart-tooltip`);
  await expect(tooltip).toBeVisible();
  return tooltip;
}

test.describe('charts are recharts', () => {
  // Each test loads several pages and runs axe: slow on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });
  test('explorer: bars, intervals and marks as in the data table; small cells hatched without an interval', async ({ page }) => {
    // Data types in the Netherlands by age band, minimum base 300: 35-49 (285 respondents) is under it.
    await page.goto('/explore?dataset=study-g&view=datatypes&country=NL&cross=age_band&minBase=300');
    await settled(page);
    await drawCharts(page);
    const chart = page.getByTestId('datatypes-ok-chart');
    await expect(chart.locator('.recharts-wrapper')).toHaveCount(1);
    // The data table's rows are made when it is opened (DataTable).
    await page.locator('#datatypes-ok-table summary').click();
    const table = page.getByTestId('datatypes-ok-table');
    await expect(table.locator('tbody tr').first()).toBeAttached();
    const rows = await table.locator('tbody tr').count();
    const smallRows = await table.locator('tbody tr', { hasText: 'under the minimum base' }).count();
    const markedRows = await table.locator('tbody td.mark-up, tbody td.mark-down').count();
    expect(rows).toBe(51);
    expect(smallRows).toBe(17);
    expect(markedRows).toBeGreaterThan(0);
    await expect(chart.locator('rect.chart-bar')).toHaveCount(rows);
    await expect(chart.locator('rect.chart-bar[data-small]')).toHaveCount(smallRows);
    await expect(chart.locator('rect.chart-bar[data-small]').first()).toHaveAttribute('fill', 'url(#explore-hatch)');
    await expect(chart.locator('.recharts-errorBar')).toHaveCount(rows - smallRows);
    await expect(chart.locator('.sig-mark')).toHaveCount(markedRows);

    const tooltip = await tooltipByKeyboard(page, '[data-testid="datatypes-ok-chart"]');
    await expect(tooltip).toContainText('Base n');
    await expect(tooltip).toContainText('Effective base');
    await expect(tooltip).toContainText('95% interval');
    await axeClean(page);
  });

  test('explorer: every view draws its charts with recharts, in English and Dutch', async ({ page }) => {
    test.setTimeout(180_000);
    for (const [dataset, view] of [
      ['study-g', 'items'],
      ['study-g', 'answers'],
      ['study-g', 'groups'],
      ['study-g', 'datatypes'],
      ['study-g', 'context'],
      ['study-g', 'bond'],
      ['study-g', 'segments'],
      ['study-p', 'tactics'],
    ]) {
      for (const lang of ['en', 'nl']) {
        await page.goto(`/explore?dataset=${dataset}&view=${view}&lang=${lang}`);
        await settled(page);
        await drawCharts(page);
        const charts = page.locator('.explore-results .bar-chart');
        const n = await charts.count();
        expect(n, `${view} ${lang}`).toBeGreaterThan(0);
        for (let i = 0; i < n; i++) {
          const chart = charts.nth(i);
          // recharts draws in the browser (the server sends the sized wrapper): wait for the bars.
          await expect(chart.locator('rect.chart-bar').first(), `${view} chart ${i} bars`).toBeVisible();
          await expect(chart.locator('.recharts-wrapper svg.recharts-surface'), `${view} chart ${i}`).toHaveCount(1);
        }
      }
    }
  });

  test('summary: one recharts chart per headline, a bar and an interval per figure, a tooltip by keyboard', async ({ page }) => {
    await page.goto('/?dataset=study-g');
    await drawCharts(page);
    const cards = page.locator('[data-headline]');
    const n = await cards.count();
    expect(n).toBeGreaterThan(2);
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      await expect(card.locator('.summary-chart .recharts-wrapper')).toHaveCount(1);
      await expect(card.locator('rect.chart-bar').first()).toBeVisible();
      const values = await card.locator('.bar-value').count();
      const small = await card.locator('.bar-value .small-base').count();
      expect(values).toBeGreaterThan(0);
      await expect(card.locator('rect.chart-bar')).toHaveCount(values);
      await expect(card.locator('.recharts-errorBar')).toHaveCount(values - small);
    }
    await page.waitForLoadState('networkidle');
    const tooltip = await tooltipByKeyboard(page, '[data-headline]');
    await expect(tooltip).toContainText('Base n =');
    await expect(tooltip).toContainText('effective base');
    // Each card's legend names the colours it uses, and the whisker when it draws one.
    for (let i = 0; i < n; i++) {
      const legend = cards.nth(i).getByTestId('summary-legend');
      await expect(legend.locator('li').first()).toBeVisible();
      if ((await cards.nth(i).locator('.recharts-errorBar').count()) > 0) await expect(legend).toContainText('95% interval');
    }
    await axeClean(page);
  });

  test('compare: the dot plot draws one row per compared item and the marks the table gives; the trend one chart per item', async ({ page }) => {
    // Study P's countries: the first two compared in the dot plot, all eight in the trend charts.
    await page.goto('/compare?dataset=study-p&by=country');
    await drawCharts(page);
    const plot = page.getByTestId('dot-plot');
    await expect(plot.locator('.recharts-wrapper')).toHaveCount(1);
    const table = page.getByTestId('comparison-table');
    const rows = await table.locator('tbody tr[data-row]').count();
    expect(rows).toBeGreaterThan(3);
    await expect(plot.locator('.bench-row')).toHaveCount(rows);
    await expect(plot.locator('.bench-row circle')).toHaveCount(2 * rows);
    const marked = await table.locator('tbody tr[data-significant="true"]').count();
    await expect(plot.locator('.bench-mark').filter({ hasText: /▲|▼/ })).toHaveCount(marked);
    await page.waitForLoadState('networkidle');
    const tooltip = await tooltipByKeyboard(page, '[data-testid="dot-plot"]');
    await expect(tooltip).toContainText('Difference');
    // Both sides' bases and intervals, as the table gives them.
    await expect(tooltip).toContainText(/respondents \(effective base [\d,.]+\)[\s\S]*respondents \(effective base/);
    await expect(tooltip).toContainText(/\d+\.\d% to \d+\.\d%/);

    const trend = page.getByTestId('trend-chart').locator('figure[data-row]');
    const items = await trend.count();
    expect(items).toBeGreaterThan(3);
    for (let i = 0; i < items; i++) {
      const item = trend.nth(i);
      await expect(item.locator('.recharts-wrapper')).toHaveCount(1);
      await expect(item.locator('.trend-point').first()).toBeVisible();
      const points = await item.locator('.trend-point').count();
      const small = await item.locator('.trend-point.is-small').count();
      // As many points as the table under the charts has figures in this item's row (same order).
      const figures = await page.getByTestId('trend-table').locator('tbody tr').nth(i).locator('td').evaluateAll((tds) => tds.filter((td) => !td.textContent!.startsWith('–')).length);
      expect(points).toBe(figures);
      await expect(item.locator('.recharts-errorBar')).toHaveCount(points - small);
    }
    await axeClean(page);
  });
});
