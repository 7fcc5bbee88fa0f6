import { expect, test, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ownSurveyCodebook, ownSurveyFiles, OWN_SURVEY_HEADERS } from '../lib/ingest/testing/ownSurvey';
import { uploadAs } from './helpers/upload';
import { watchPageErrors } from './helpers/pageErrors';
import { studyGCsv } from './helpers/studyCsv';
import { storageStatePath } from './support/paths';
import { drawCharts } from './helpers/charts';

/**
 * Compare: study P's two waves on /compare (the first example), an upload that matches no
 * template benchmarked against study G through a correspondence (mapped on /benchmark and saved with
 * PUT /api/datasets/<id>/codebook) and compared with a second upload, and small bases shown greyed
 * with the reason and without interval, p-value or mark. One figure of each is counted here, from
 * the CSV itself.
 */

const percent = (share: number, locale = 'en-GB') => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);

/** Weighted share of `positive` answers in a column, over the rows whose answer is not blank or NA (and that pass `keep`). */
function countedShare(rows: string[][], header: string[], column: string, positive: string[], weight: string, keep: (row: string[]) => boolean = () => true) {
  const c = header.indexOf(column);
  const w = header.indexOf(weight);
  expect(c, column).toBeGreaterThanOrEqual(0);
  let yes = 0;
  let all = 0;
  let n = 0;
  for (const row of rows) {
    if (!keep(row) || row[c] === '' || row[c] === 'NA') continue;
    const weightOf = Number(row[w]);
    all += weightOf;
    n++;
    if (positive.includes(row[c])) yes += weightOf;
  }
  return { share: yes / all, n };
}

const parse = (csv: string) => {
  const { data } = Papa.parse<string[]>(csv, { skipEmptyLines: true });
  return { header: data[0], rows: data.slice(1) };
};

test.describe('study P: the 2018 wave against 2017', () => {
  test('the default comparison, one figure counted from data/study-p.csv, in English and Dutch', async ({ page }) => {
    const { header, rows } = parse(readFileSync(path.join(__dirname, '..', 'data', 'study-p.csv'), 'utf8'));
    const wave = header.indexOf('wave');
    const in2018 = countedShare(rows, header, 'p1_left_poorly_curated', ['yes'], 'weight', (row) => row[wave] === '2018');
    const in2017 = countedShare(rows, header, 'p1_left_poorly_curated', ['yes'], 'weight', (row) => row[wave] === '2017');

    const errors = await watchPageErrors(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/\/compare$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Study P · Accenture 2018 · Wave: 2018 against 2017');
    await expect(page.getByTestId('synthetic-notice')).toBeVisible();
    await expect(page.getByLabel('Groups of')).toHaveValue('wave');

    const p1 = page.getByTestId('comparison-table').locator('tr[data-row="item:p1_left_poorly_curated"]');
    const cells = p1.locator('td');
    await expect(cells.nth(0)).toContainText(percent(in2018.share));
    await expect(cells.nth(1)).toContainText(percent(in2017.share));
    // The bases: respondents with an answer in each wave.
    await expect(cells.nth(7)).toContainText(`${in2018.n.toLocaleString('en-GB')} (`);
    await expect(cells.nth(8)).toContainText(`${in2017.n.toLocaleString('en-GB')} (`);
    await expect(p1.getByTestId('difference')).toHaveText(/^\+\d+\.\d pp$/);
    await expect(p1.getByTestId('sig-mark')).toHaveText('▲ higher');
    // The synthetic 2017 wave asked P1 only: the others are left out with why, not shown as empty rows.
    await expect(page.getByTestId('comparison-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('left-out')).toContainText('no answers in 2017');
    await expect(page.locator('footer.footnote')).toContainText('Benjamini-Hochberg over the items');

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.goto('/compare?lang=nl');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2018 tegenover 2017');
    await expect(page.getByTestId('comparison-table').locator('tr[data-row="item:p1_left_poorly_curated"] td').first()).toContainText(percent(in2018.share, 'nl-NL'));
    await expect(page.locator('footer.footnote')).toContainText('Benjamini-Hochberg over de items');
    expect(errors.console).toEqual([]);
  });

  test('another attribute with more than two levels gets the trend chart; the groups are chosen in the form', async ({ page }) => {
    await page.goto('/compare?dataset=study-p');
    // The select submits the form when it changes: wait until the page's scripts are in and run.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Groups of').selectOption('country');
    await expect(page).toHaveURL(/by=country/);
    await expect(page.getByTestId('trend-chart')).toBeVisible();
    // The small multiples are drawn when near the screen (ChartBox), as a reader scrolls to them.
    await drawCharts(page);
    // Eight countries, one point each, per item.
    await expect(page.getByTestId('trend-chart').locator('figure[data-row="item:p1_left_poorly_curated"] .trend-point')).toHaveCount(8);
    await page.getByLabel('First group', { exact: true }).selectOption('UK');
    await expect(page).toHaveURL(/a=UK/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('United Kingdom against');
  });
});

test.describe('an upload that matches no template', () => {
  test.describe.configure({ timeout: 120_000 });
  const files = ownSurveyFiles();
  let uploaded: { a: string; b: string } | null = null;

  /** File A with its codebook; file B (short dotted headers) with the same codebook, its columns renamed. */
  async function uploads(request: APIRequestContext) {
    if (uploaded) return uploaded;
    const codebook = ownSurveyCodebook();
    const a = await uploadAs(request, files.a.csv, 'Own survey NL DE (e2e)', JSON.stringify(codebook));
    const rename = new Map(OWN_SURVEY_HEADERS.a.map((h, i) => [h, OWN_SURVEY_HEADERS.b[i]]));
    const renamed = JSON.parse(JSON.stringify(codebook), (key, value) => (key === 'column' && typeof value === 'string' ? (rename.get(value) ?? value) : value));
    const b = await uploadAs(request, files.b.csv, 'Own survey UK (e2e)', JSON.stringify({ ...renamed, respondentId: rename.get(codebook.respondentId), weight: rename.get(codebook.weight!) }));
    uploaded = { a, b };
    return uploaded;
  }

  const locationA = () => {
    const { header, rows } = parse(files.a.csv);
    return countedShare(rows, header, OWN_SURVEY_HEADERS.a.find((h) => h.includes('[acceptability.location]'))!, ['Very acceptable', 'Somewhat acceptable'], 'weight');
  };

  test('benchmarked against study G: nothing in common at first, the items mapped (proposed from the labels) and saved', async ({ page, request }) => {
    const { a } = await uploads(request);
    await page.goto(`/benchmark?dataset=${a}&against=study-g`);
    await expect(page.getByTestId('benchmark-problem')).toContainText('have no item in common yet');
    const editor = page.getByTestId('correspondence-editor');
    const location = editor.getByLabel('Item of Study G · Google/Ipsos for “Your current location”');
    await expect(location).toHaveValue('dt_current_location');
    await expect(editor.locator('tr[data-item="acceptability_location"]')).toContainText('Very acceptable, Somewhat acceptable');
    await expect(editor.locator('tr[data-item="acceptability_location"]').getByTestId('reference-positive')).toHaveText('OK');
    await expect(editor.getByLabel('Item of Study G · Google/Ipsos for “Your income”')).toHaveValue('');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/benchmark-mapping.png', fullPage: true });

    // The codebook endpoint is the storage helper's (GET/PUT /api/datasets/<id>/codebook); on a
    // build without it, the correspondence is uploaded inside the codebook instead.
    let id = a;
    const endpoint = await request.get(`/api/datasets/${a}/codebook`);
    if (endpoint.status() === 200) {
      await editor.getByRole('button', { name: 'Save the pairing' }).click();
      await expect(page.getByTestId('correspondence-status')).toHaveText('Saved. The comparison above now uses it.');
      await expect(page.getByTestId('benchmark-table')).toBeVisible();
    } else {
      test.info().annotations.push({ type: 'note', description: `GET /api/datasets/<id>/codebook answered ${endpoint.status()}: no PUT on this build, so the correspondence was uploaded in the codebook` });
      const pairs = { acceptability_location: 'dt_current_location', acceptability_gender: 'dt_gender', acceptability_photos: 'dt_photos' };
      id = await uploadAs(request, files.a.csv, 'Own survey NL DE, mapped (e2e)', JSON.stringify({ ...ownSurveyCodebook(), benchmark: { 'study-g': pairs } }));
      await page.goto(`/benchmark?dataset=${id}&against=study-g`);
    }

    const row = page.getByTestId('benchmark-table').locator('tr[data-row="item:acceptability_location"]');
    await expect(row.locator('th')).toContainText('Your current location');
    await expect(row.locator('th')).toContainText('against “Current location”');
    await expect(row.locator('th')).toContainText('Counted as positive: Very acceptable, Somewhat acceptable');
    await expect(row.locator('td').first()).toContainText(percent(locationA().share));
    await expect(row.locator('td').nth(7)).toContainText(`${locationA().n.toLocaleString('en-GB')} (`);
    await expect(row.getByTestId('difference')).toHaveText(/^[+−]\d+\.\d pp$/);
    await expect(page.getByTestId('pairing-note')).toContainText('Items are paired as mapped for Study G');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/benchmark-mapped.png', fullPage: true });

    // A reader sees the saved pairing, and no editor.
    const reader = await page.context().browser()!.newContext({ storageState: storageStatePath('strategist') });
    const readerPage = await reader.newPage();
    await readerPage.goto(`/benchmark?dataset=${id}&against=study-g&lang=nl`);
    await expect(readerPage.getByTestId('saved-correspondence')).toContainText('Huidige locatie');
    await expect(readerPage.getByTestId('correspondence-editor')).toHaveCount(0);
    await expect(readerPage.getByTestId('benchmark-table').locator('tr[data-row="item:acceptability_location"] td').first()).toContainText(percent(locationA().share, 'nl-NL'));
    await reader.close();

    // Against study P nothing is shared and nothing is proposed: the way to map is offered, not a dead end.
    await page.goto(`/benchmark?dataset=${id}&against=study-p`);
    await expect(page.getByTestId('benchmark-problem')).toContainText('no item in common');
    await expect(page.getByTestId('benchmark-problem').getByRole('link', { name: 'Map the items' })).toHaveAttribute('href', '#correspondence');
    await expect(page.getByTestId('correspondence-editor')).toBeVisible();
  });

  test('compared with a second upload (file B, its columns renamed): the same items, side by side', async ({ page, request }) => {
    const { a, b } = await uploads(request);
    const { header, rows } = parse(files.b.csv);
    const locationB = countedShare(rows, header, 'acceptability.location', ['Very acceptable', 'Somewhat acceptable'], 'weight');

    await page.goto(`/explore?dataset=${a}`);
    await page.getByTestId('upload-note').getByRole('link', { name: /compare it with another dataset/ }).click();
    await expect(page).toHaveURL(new RegExp(`/compare\\?dataset=${a}`));
    await page.getByLabel('Compare', { exact: true }).selectOption('datasets');
    await expect(page).toHaveURL(/mode=datasets/);
    await page.getByLabel('Against', { exact: true }).selectOption(b);
    await expect(page).toHaveURL(new RegExp(`with=${b}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Own survey NL DE (e2e) against Own survey UK (e2e)');
    await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
    await expect(page.getByTestId('comparison-note')).toContainText('paired by their names');
    const row = page.getByTestId('comparison-table').locator('tr[data-row="item:acceptability_location"]');
    await expect(row.locator('td').nth(0)).toContainText(percent(locationA().share));
    await expect(row.locator('td').nth(1)).toContainText(percent(locationB.share));
    await expect(row.locator('td').nth(8)).toContainText(`${locationB.n.toLocaleString('en-GB')} (`);
    // 29 items and the six scenarios pooled.
    await expect(page.getByTestId('comparison-table').locator('tbody tr')).toHaveCount(30);
    await expect(page.getByTestId('left-out')).toContainText('Every item is compared.');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/compare-uploads.png', fullPage: true });
  });
});

test.describe('small bases', () => {
  test('a 3-respondent upload beside study G: values greyed with the reason, no interval, p-value or mark', async ({ page, request }) => {
    const id = await uploadAs(request, studyGCsv(3), 'Three respondents (e2e)');
    await page.goto(`/benchmark?dataset=${id}&against=study-g`);
    const table = page.getByTestId('benchmark-table');
    await expect(table.locator('tbody tr')).toHaveCount(17);
    await expect(table.locator('tbody tr[data-small="true"]')).toHaveCount(17);
    await expect(table.getByTestId('sig-mark')).toHaveCount(0);
    const row = table.locator('tr[data-row="item:dt_age_group"]');
    await expect(row.getByTestId('difference')).toHaveClass(/is-small/);
    await expect(row.getByTestId('difference')).toHaveText(/^[+−]?\d+\.\d pp$/);
    const cells = row.locator('td');
    // The interval of the difference, p and p (BH): none.
    for (const i of [3, 4, 5]) await expect(cells.nth(i)).toHaveText('–');
    await expect(cells.nth(0)).toContainText('base too small: no interval');
    await expect(cells.nth(0)).not.toContainText('95% interval');
    await expect(row.getByTestId('small-base')).toContainText('3 respondents in Three respondents (e2e), under the minimum base of 30');
    await expect(page.locator('.bench-row.is-small')).toHaveCount(17);
    await expect(page.locator('.bench-mark').filter({ hasText: /▲|▼/ })).toHaveCount(0);
    await page.goto(`/benchmark?dataset=${id}&against=study-g&lang=nl`);
    await expect(page.getByTestId('benchmark-table').locator('tr[data-row="item:dt_age_group"]').getByTestId('small-base')).toContainText('3 respondenten in Three respondents (e2e), onder de minimale basis van 30');
    // With the minimum lowered to 0 the same rows are tested: the rule follows the chosen minimum.
    await page.goto(`/benchmark?dataset=${id}&against=study-g&minBase=0`);
    await expect(page.getByTestId('benchmark-table').locator('tbody tr[data-small="true"]')).toHaveCount(0);
  });
});
