import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * A cell under the minimum base shows no interval, p-value or significance mark in any export:
 * the explorer's CSV and its chart image are checked here as downloaded (the summary's PDF and
 * slides, the acceptance API's CSV and the planner have unit tests on the files they produce).
 */

// Data types in the Netherlands by age band with a minimum base of 300: 35-49 has 285 respondents.
const URL = '/explore?dataset=study-g&view=datatypes&country=NL&cross=age_band&minBase=300';

async function settled(page: Page) {
  await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false');
  await page.waitForLoadState('networkidle');
}

test.describe('small bases in the explorer exports', () => {
  test('the CSV leaves interval, difference, p-value, mark and tier empty for a small cell, and says why', async ({ page }) => {
    await page.goto(URL);
    await settled(page);
    const card = page.getByTestId('datatypes-ok');
    const download = page.waitForEvent('download');
    await card.locator('.csv-button').click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const small = rows.filter((r) => r.Age === '35-49');
    const large = rows.filter((r) => r.Age === '18-34' || r.Age === '50 and over');
    expect(small).toHaveLength(17);
    expect(large).toHaveLength(34);
    for (const row of small) {
      for (const column of ['95% lower (%)', '95% upper (%)', 'Difference vs rest (pp)', 'Adjusted p (BH)', 'Significance', 'Tier (computed)']) expect(row[column], column).toBe('');
      expect(row['Share (%)']).not.toBe('');
      expect(row.Note).toMatch(/^n = \d+, under the minimum base of 300: no interval or test$/);
    }
    for (const row of large) {
      expect(row['95% lower (%)']).not.toBe('');
      expect(row['Adjusted p (BH)']).not.toBe('');
    }
  });

  test('the SVG image draws no whisker on a hatched bar', async ({ page }) => {
    await page.goto(URL);
    await settled(page);
    const card = page.getByTestId('datatypes-ok');
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: /as SVG$/ }).click();
    const svg = readFileSync(await (await download).path(), 'utf8');
    const bars = [...svg.matchAll(/<rect [^>]*class="chart-bar"[^>]*>/g)].map((m) => m[0]);
    const hatched = bars.filter((b) => b.includes('url(#explore-hatch)'));
    expect(bars).toHaveLength(51);
    expect(hatched).toHaveLength(17);
    // One interval (recharts ErrorBar) per bar that is not hatched.
    expect((svg.match(/class="[^"]*\brecharts-errorBar\b[^"]*"/g) ?? []).length).toBe(bars.length - hatched.length);
    // The image's footnote says what the hatching means.
    expect(svg).toContain('Hatched grey bars: fewer than 300 respondents; not tested');
  });
});
