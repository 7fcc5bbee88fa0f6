import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ownSurveyCodebook, ownSurveyFiles, OWN_SURVEY_HEADERS } from '../lib/ingest/testing/ownSurvey';
import { planFor } from '../lib/analysis/planner';
import { formatPercent } from '../lib/i18n/messages';
import { rake } from '../lib/stats/rake';
import { parseCodebook } from '../lib/survey/codebook';
import { loadSurveyFromCsv } from '../lib/survey/dataset';
import { inUse } from '../lib/survey/weights';
import { computeWeighting } from '../lib/weighting/compute';
import { margin } from '../lib/weighting/fixtures/loadFixtures';
import { uploadAs } from './helpers/upload';
import { watchPageErrors } from './helpers/pageErrors';
import { drawCharts } from './helpers/charts';

/**
 * A weighting entered through the page: file A of the own-survey material (Netherlands 1,100,
 * Germany 1,050; four genders) uploaded with its codebook and its own weight column, raked on
 * country (typed in, the total shown live) and gender (pasted as a targets CSV), the report read,
 * the weights saved as the default. The explorer then shows the raked share, equal to the share
 * computed here from the CSV with R's rake() algorithm (lib/stats/rake.ts, tested against R), and
 * every chart's footnote names the weight; the weight that came with the data still gives its own
 * (different) figure when chosen. /tables and /compare with the raked weight name it in their
 * footnotes, and their figures differ from the unweighted ones.
 */
const files = ownSurveyFiles();
const codebook = ownSurveyCodebook();
const NAME = 'Own survey to weight (e2e)';
const WEIGHT_NAME = 'Census 2025 (e2e)';
const COUNTRY_TARGETS = { Netherlands: 30, Germany: 70 };
const GENDER_TARGETS = { Female: 50, Male: 46, 'Non-binary / third gender': 2, 'Prefer not to say': 2 };

const column = (header: string) => OWN_SURVEY_HEADERS.a.indexOf(header);

/** The share of "Very" or "Somewhat acceptable" for the location item (NA missing), with the weights raked here from 1. */
function rakedShare(): { raked: number; column: number } {
  const rows = files.a.rows;
  const n = rows.length;
  const country = column(codebook.attributes.find((a) => a.id === 'country')!.column);
  const gender = column(codebook.attributes.find((a) => a.id === 'gender')!.column);
  const margin = (col: number, targets: Record<string, number>) => {
    const levels = Object.keys(targets);
    return { codes: rows.map((r) => levels.indexOf(r[col])), targets: levels.map((l) => (targets[l] / 100) * n) };
  };
  const { weights, converged } = rake(new Float64Array(n).fill(1), [margin(country, COUNTRY_TARGETS), margin(gender, GENDER_TARGETS)], { maxit: 100, epsilon: 1e-10 });
  expect(converged).toBe(true);
  const item = column(codebook.items.find((it) => it.id === 'acceptability_location')!.column);
  const weightColumn = column('weight');
  const share = (w: (i: number) => number) => {
    let yes = 0;
    let all = 0;
    rows.forEach((r, i) => {
      if (r[item] === 'NA') return;
      all += w(i);
      if (r[item] === 'Very acceptable' || r[item] === 'Somewhat acceptable') yes += w(i);
    });
    return (100 * yes) / all;
  };
  return { raked: share((i) => weights[i]), column: share((i) => Number(rows[i][weightColumn])) };
}

/**
 * The planner's modelled interval (an audience of 9 respondents, under the minimum base) for the
 * trust questions under the weighting the page makes, computed here with the product's engine on
 * the CSV: the calibrated interval (svyglm on R's rake()d design, tested against R in
 * lib/weighting/plannerModel.test.ts) and the fixed-weight one, as the page prints them.
 */
function plannerIntervals(audience: Record<string, string>): { calibrated: string; fixed: string } {
  const parsed = parseCodebook(codebook);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const data = loadSurveyFromCsv(parsed.codebook, files.a.csv);
  const share = (targets: Record<string, number>) => Object.fromEntries(Object.entries(targets).map(([level, percent]) => [level, percent / 100]));
  const outcome = computeWeighting(data, { base: 'unweighted', margins: [margin('country', share(COUNTRY_TARGETS)), margin('gender', share(GENDER_TARGETS))] });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  const definition = { id: 'census', label: { en: WEIGHT_NAME, nl: WEIGHT_NAME }, column: 'raked', kind: 'raked' as const, spec: { ...outcome.spec, createdAt: '2026-01-01T00:00:00.000Z' } };
  const weighted = { ...data, weights: outcome.weights, weighted: true, weight: inUse(data, definition, outcome.weights, true) };
  const modelled = planFor(weighted, null, { audience, moment: {} }).families.find((f) => f.family === 'trust')!.atMoment!.modelled!;
  expect(modelled.calibrated).toBe(true);
  const text = (ci: { lower: number; upper: number }) => `${formatPercent(ci.lower, 'en')} – ${formatPercent(ci.upper, 'en')}`;
  return { calibrated: text(modelled.ci), fixed: text(modelled.ciFixed) };
}

/** "53.1%" / "53,1 %" -> 53.1 */
const percent = (text: string) => parseFloat(text.replace(/\s/g, '').replace(',', '.'));

async function locationShare(page: Page): Promise<number> {
  await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  // The data table is a <details>: open it unless it still is (a change computed in the browser keeps it open).
  if ((await page.locator('#items-table').getAttribute('open')) === null) await page.locator('#items-table summary').click();
  const row = page.getByTestId('items-table').locator('tbody tr').filter({ has: page.locator('th', { hasText: /^Your current location$/ }) });
  return percent(await row.locator('td').first().innerText());
}

test.describe('weighting a dataset through its page', () => {
  test.describe.configure({ timeout: 300_000 });

  test('targets typed and pasted, the report read, saved as the default: the explorer shows the raked figures and names the weight', async ({ page, request }) => {
    const id = await uploadAs(request, files.a.csv, NAME, JSON.stringify(codebook));
    const errors = await watchPageErrors(page);
    const expected = rakedShare();
    // The raking moves this figure by more than the rounding: the test can tell the weights apart.
    expect(Math.abs(expected.raked - expected.column)).toBeGreaterThan(0.2);

    // Before: the weight that came with the data.
    await page.goto(`/explore?dataset=${id}&view=items&family=acceptability`);
    expect(await locationShare(page)).toBe(Math.round(expected.column * 10) / 10);
    await expect(page.getByTestId('weight-note').first()).toHaveText('Weighted: Supplied weight');

    // The dataset page leads to the weighting page.
    await page.goto(`/datasets/${id}`);
    await page.getByTestId('weighting-link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Weighting: ${NAME}`);
    // The weight that came with the data has a name in words; the analyst's page says its column.
    await expect(page.getByTestId('weight-list')).toContainText('Supplied weight');
    await expect(page.getByTestId('weight-list')).toContainText('Came with the data, column “weight”');

    // Country typed in; the total follows the typing.
    await page.getByTestId('weight-on-country').check();
    await page.getByLabel('Target for Netherlands, percent').fill('30');
    await expect(page.getByTestId('total-country')).toHaveText('Total: 30.0%, must be 100%');
    await page.getByLabel('Target for Germany, percent').fill('70');
    await expect(page.getByTestId('total-country')).toHaveText('Total: 100.0% ✓');

    // Targets that do not total 100 are a message, not a result.
    await page.getByTestId('weighting-compute').click();
    await expect(page.getByTestId('weighting-report')).toBeVisible();
    await page.getByLabel('Target for Netherlands, percent').fill('20');
    await page.getByTestId('weighting-compute').click();
    await expect(page.getByTestId('weighting-problems')).toContainText('The targets for Country add up to 90%, not 100%.');
    await page.getByLabel('Target for Netherlands, percent').fill('30');

    // Gender pasted as a targets CSV, by label.
    await page.getByText('Paste or upload targets').click();
    await page.getByLabel('Targets as CSV').fill(['variable,level,percent', ...Object.entries(GENDER_TARGETS).map(([level, pct]) => `Gender,${level},${pct}`)].join('\n'));
    await page.getByRole('button', { name: 'Use these targets' }).click();
    await expect(page.getByText('Targets filled in for 1 variable.')).toBeVisible();
    await expect(page.getByTestId('total-gender')).toHaveText('Total: 100.0% ✓');
    await expect(page.getByLabel('Target for Female, percent')).toHaveValue('50');

    await page.getByTestId('weighting-compute').click();
    const report = page.getByTestId('weighting-report');
    await expect(report).toBeVisible();
    await expect(page.getByTestId('weighting-convergence')).toContainText('Converged in');
    await expect(page.getByTestId('weighting-efficiency')).toContainText('%');
    await expect(page.getByTestId('weighting-neff')).toContainText('of 2,150 respondents');
    // Achieved against target, per level.
    await expect(report.locator('.achieved-table').first().locator('tbody tr').filter({ hasText: 'Netherlands' })).toContainText('30.00%');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/weighting-report.png', fullPage: true });

    await page.locator('#weighting-name').fill(WEIGHT_NAME);
    await page.getByTestId('weighting-store').click();
    await expect(page.getByTestId('weighting-saved')).toContainText(`Saved as “${WEIGHT_NAME}”.`);
    await expect(page.getByTestId('weight-list').locator('tbody tr').first()).toContainText(`${WEIGHT_NAME} Default`);

    // The explorer now uses the raked weights by default, and says so under every chart.
    await page.getByTestId('weighting-saved').getByRole('link').click();
    expect(await locationShare(page)).toBe(Math.round(expected.raked * 10) / 10);
    await expect(page.getByTestId('weight-note').first()).toHaveText(`Weighted: ${WEIGHT_NAME} (standard errors of the raked design)`);
    await page.goto(`/explore?dataset=${id}&view=items&family=acceptability`);
    expect(await locationShare(page)).toBe(Math.round(expected.raked * 10) / 10);
    await page.setViewportSize({ width: 1366, height: 900 });
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/weighting-explorer.png', fullPage: true });
    // The weight that came with the data can still be chosen, and gives its own figure.
    await page.getByLabel('Weight', { exact: true }).selectOption('weight');
    await expect(page).toHaveURL(/weight=weight/, { timeout: 30_000 });
    expect(await locationShare(page)).toBe(Math.round(expected.column * 10) / 10);
    await expect(page.getByTestId('weight-note').first()).toHaveText('Weighted: Supplied weight');

    // The summary uses it too, and offers the others.
    await page.goto(`/?dataset=${id}`);
    await expect(page.locator('.summary-methods')).toContainText(`Weighted: ${WEIGHT_NAME} (standard errors of the raked design).`);
    await expect(page.locator('#summary-weight')).toHaveValue(/^census-2025-e2e$/);

    // The acceptance API names it too, in JSON and CSV.
    const json = (await (await request.get(`/api/datasets/${id}/acceptance?item=acceptability_location`)).json()) as { weight: { id: string; label: { en: string } } };
    expect(json.weight.label.en).toBe(WEIGHT_NAME);
    const csv = await (await request.get(`/api/datasets/${id}/acceptance?item=acceptability_location&format=csv&weight=unweighted`)).text();
    expect(csv).toContain('Unweighted');

    // /tables with the raked weight: the footnote names it, and the figures are not the unweighted ones.
    const tableText = async (weight: string) => {
      await page.goto(`/tables?dataset=${id}&rows=family:acceptability&banner=country&weight=${weight}`);
      return page.getByTestId('table-scroll').innerText();
    };
    const unweightedTable = await tableText('unweighted');
    await expect(page.getByTestId('table-footnote')).toContainText('Weight: unweighted.');
    const rakedTable = await tableText('census-2025-e2e');
    await expect(page.getByTestId('table-footnote')).toContainText(`Weight: weighted by “${WEIGHT_NAME}” (standard errors and letters of the raked design).`);
    await expect(page.getByTestId('table-context')).toContainText(WEIGHT_NAME);
    expect(rakedTable).not.toBe(unweightedTable);
    // The weight field offers the dataset's weights by their labels; choosing one applies it.
    await page.locator('.tables-more summary').click();
    await expect(page.locator('#tbl-weight option')).toHaveText([`${WEIGHT_NAME} (default)`, 'Supplied weight', 'Unweighted']);
    await page.locator('#tbl-weight').selectOption({ label: 'Supplied weight' });
    await page.getByRole('button', { name: 'Show the table' }).click();
    await expect(page).toHaveURL(/weight=weight(&|$)/);
    await expect(page.getByTestId('table-footnote')).toContainText('Weight: weighted by “Supplied weight”.');
    const tablesDownload = await request.get(`/api/datasets/${id}/tables?rows=family:acceptability&banner=country&weight=census-2025-e2e&format=csv`);
    expect(await tablesDownload.text()).toContain(`weighted by “${WEIGHT_NAME}”`);
    await page.goto(`/tables?dataset=${id}&rows=family:acceptability&banner=country`);
    await page.setViewportSize({ width: 1366, height: 900 });
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/weighting-tables.png', fullPage: true });

    // /compare, Netherlands against Germany: the same.
    const compareText = async (weight: string) => {
      await page.goto(`/compare?dataset=${id}&mode=levels&by=country&a=Netherlands&b=Germany&weight=${weight}`);
      return page.getByTestId('comparison-table').innerText();
    };
    const unweightedCompare = await compareText('unweighted');
    await expect(page.getByTestId('weight-note')).toHaveText('Unweighted.');
    const rakedCompare = await compareText('census-2025-e2e');
    await expect(page.getByTestId('weight-note')).toHaveText(`Weighted: ${WEIGHT_NAME} (standard errors of the raked design).`);
    expect(rakedCompare).not.toBe(unweightedCompare);
    await page.getByLabel('Weight', { exact: true }).selectOption({ label: 'Unweighted' });
    await expect(page).toHaveURL(/weight=unweighted/, { timeout: 30_000 });
    await expect(page.getByTestId('weight-note')).toHaveText('Unweighted.');

    // /planner and /benchmark: the same field, and the footnote names the weight chosen.
    // An audience of 9 respondents: the figure is modelled, its interval that of the raked design.
    const audience = { country: 'Germany', gender: 'Prefer not to say' };
    const intervals = plannerIntervals(audience);
    // The calibrated interval rounds differently from the fixed-weight one: the page shows which it used.
    expect(intervals.calibrated).not.toBe(intervals.fixed);
    await page.goto(`/planner?dataset=${id}&weight=census-2025-e2e&${new URLSearchParams(audience)}`);
    await expect(page.getByTestId('weight-note')).toHaveText(`Weighted: ${WEIGHT_NAME} (standard errors of the raked design).`);
    await expect(page.locator('[data-family="trust"]').getByTestId('modelled-interval')).toHaveText(`95% interval if the model holds: ${intervals.calibrated}`);
    await expect(page.getByLabel('Weight', { exact: true })).toHaveValue('census-2025-e2e');
    await page.getByLabel('Weight', { exact: true }).selectOption({ label: 'Unweighted' });
    await expect(page).toHaveURL(/weight=unweighted/, { timeout: 30_000 });
    await expect(page.getByTestId('weight-note')).toHaveText('Unweighted.');
    await page.goto(`/benchmark?dataset=${id}&weight=census-2025-e2e`);
    await expect(page.getByTestId('weight-note')).toContainText(`Weighted: ${WEIGHT_NAME} (standard errors of the raked design)`);
    await expect(page.getByLabel('Weight', { exact: true })).toHaveValue('census-2025-e2e');

    // In Dutch, on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/datasets/${id}/weighting?lang=nl`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Weging: ${NAME}`);
    await expect(page.getByTestId('weight-list')).toContainText('Standaard');
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/weighting-nl-phone.png', fullPage: true });
    await page.goto(`/compare?dataset=${id}&mode=levels&by=country&a=Netherlands&b=Germany&lang=nl`);
    await expect(page.getByTestId('weight-note')).toHaveText(`Gewogen: ${WEIGHT_NAME} (standaardfouten van het geraakte ontwerp).`);
    await expect(page.getByLabel('Weging', { exact: true })).toBeVisible();
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/weighting-compare-nl-phone.png', fullPage: true });
    await page.goto(`/explore?dataset=${id}&view=items&family=acceptability&lang=nl`);
    await expect(page.getByTestId('weight-note').first()).toHaveText(`Gewogen: ${WEIGHT_NAME} (standaardfouten van het geraakte ontwerp)`);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/weighting-explorer-nl-phone.png', fullPage: true });
    // The one refused request is the targets that did not total 100 (the browser logs a 422).
    expect(errors.console.filter((e) => !/status of 422 .*\/weights\)$/.test(e))).toEqual([]);
  });
});
