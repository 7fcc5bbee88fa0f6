import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ownSurveyCodebook, ownSurveyFiles, OWN_SURVEY_HEADERS } from '../lib/ingest/testing/ownSurvey';
import { uploadAs } from './helpers/upload';
import { watchPageErrors } from './helpers/pageErrors';
import { reachForControls } from './helpers/live';
import { drawCharts } from './helpers/charts';

/**
 * Every page on an upload that matches no template: file A of the own-survey material (long
 * bracketed headers, text answers, NA, numeric age in bands, a 1 = best scale, TRUE/FALSE columns)
 * with the codebook a good mapping gives it, posted through the API. The explorer's generic views
 * (each with a crossing and a filter), the summary with its exports and every "See the chart" link,
 * and the findings page: no page error, labels instead of codes, and one figure checked against a
 * count made here from the CSV.
 */
const files = ownSurveyFiles();
const codebook = ownSurveyCodebook();
const NAME = 'Own survey NL DE (e2e)';
let uploadId = '';

async function uploadOnce(request: APIRequestContext): Promise<string> {
  if (!uploadId) uploadId = await uploadAs(request, files.a.csv, NAME, JSON.stringify(codebook));
  return uploadId;
}

const column = (header: string) => OWN_SURVEY_HEADERS.a.indexOf(header);

/** Weighted share of the positive answers over the weighted answered (NA is missing), from file A's rows. */
function countedShare(itemId: string, positive: string[], where: (row: string[]) => boolean = () => true): number {
  const item = column(codebook.items.find((it) => it.id === itemId)!.column);
  const weight = column('weight');
  let yes = 0;
  let answered = 0;
  for (const row of files.a.rows) {
    if (!where(row) || row[item] === 'NA') continue;
    answered += Number(row[weight]);
    if (positive.includes(row[item])) yes += Number(row[weight]);
  }
  return yes / answered;
}

async function settled(page: Page) {
  await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false');
}

/** "53.1%" / "53,1 %" -> 53.1 */
const percent = (text: string) => parseFloat(text.replace(/\s/g, '').replace(',', '.'));

test.describe('an upload that matches no template, on every page', () => {
  test.describe.configure({ timeout: 180_000 }); // axe and several page loads per test, on a shared 2-core machine

  test('the explorer: every view, crossed and filtered, with labels and no page error; a share as counted from the CSV', async ({ page, request }) => {
    const id = await uploadOnce(request);
    const errors = await watchPageErrors(page);

    // Opens on the items view of the first question group.
    const response = await page.goto(`/explore?dataset=${id}`);
    expect(response?.status()).toBe(200);
    await settled(page);
    await expect(page.locator('.explore-results')).toHaveAttribute('data-view', 'items');
    await expect(page.getByTestId('items')).toContainText('Acceptability: positive share per item');
    // The study views it cannot show are named, with what they need, in words.
    const unavailable = page.getByTestId('views-unavailable');
    await expect(unavailable).toContainText('Data types (needs a question group of data types on one answer scale)');
    await expect(unavailable).toContainText('Bond strength (needs scenarios and an emotional-bond or trust attribute)');
    await expect(page.getByRole('navigation', { name: 'View' }).getByRole('link')).toHaveText(['Items', 'All answers', 'By group', 'Segments']);

    // One figure against a count from the CSV: "Your current location", everyone.
    await page.locator('#items-table summary').click();
    const row = page.getByTestId('items-table').locator('tbody tr').filter({ has: page.locator('th', { hasText: /^Your current location$/ }) });
    const shown = percent(await row.locator('td').first().innerText());
    const counted = 100 * countedShare('acceptability_location', ['Very acceptable', 'Somewhat acceptable']);
    expect(shown).toBe(Math.round(counted * 10) / 10);
    // The full question is in the table, the short label on the chart.
    await expect(row).toContainText('How acceptable or unacceptable is it for companies to use the following information');

    const views = [
      ['items', `/explore?dataset=${id}&view=items&family=trust&cross=country&gender=Female`, 'items'],
      ['answers', `/explore?dataset=${id}&view=answers&family=acceptability&country=Germany`, 'answers'],
      ['groups', `/explore?dataset=${id}&view=groups&family=scenario&by=brand_bond&cross=age&education=Secondary`, 'groups'],
      ['segments', `/explore?dataset=${id}&view=segments&cross=age&country=Netherlands`, 'segments-country'],
    ] as const;
    for (const [view, url, testId] of views) {
      await page.goto(url);
      await settled(page);
      await expect(page.locator('.explore-results')).toHaveAttribute('data-view', view);
      await expect(page.getByTestId(testId)).toBeVisible();
      await expect(page.getByTestId('error-page')).toHaveCount(0);
      await expect(page.getByTestId('audience-line')).not.toContainText('everyone');
    }
    // Its scenario group is named by its own label, not as study G's automated services.
    await expect(page.getByTestId('segments-country')).toContainText('Scenario: positive by country');
    await expect(page.locator('.explore-results')).not.toContainText('automated');
    // A crossed chart names its levels by their labels: age bands, not ages.
    await expect(page.getByTestId('segments-country').locator('.chart-legend')).toContainText('18-29');

    // The trust items crossed by country for women: banks in the Netherlands, as counted.
    await page.goto(`/explore?dataset=${id}&view=items&family=trust&cross=country&gender=Female`);
    await settled(page);
    await page.locator('#items-table summary').click();
    const banksNl = page.getByTestId('items-table').locator('tbody tr').filter({ hasText: 'Banks' }).filter({ hasText: 'Netherlands' });
    const countryCol = column(codebook.attributes[0].column);
    const genderCol = column(codebook.attributes[1].column);
    const bankShare = 100 * countedShare('trust_banks', ['1', '2'], (r) => r[countryCol] === 'Netherlands' && r[genderCol] === 'Female');
    expect(percent(await banksNl.locator('td').first().innerText())).toBe(Math.round(bankShare * 10) / 10);

    // Computed in the browser after a change: switch the question group and the crossing with the controls.
    await reachForControls(page, '.explore-results');
    await page.getByLabel('Question group').selectOption('channels');
    await expect(page).toHaveURL(/family=channels/);
    await settled(page);
    await expect(page.getByTestId('items')).toContainText('Channels: positive share per item');
    await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'By group' }).click();
    await expect(page).toHaveURL(/view=groups/);
    await page.getByLabel('Rows: respondents by').selectOption('brand_bond');
    await expect(page).toHaveURL(/by=brand_bond/);
    await settled(page);
    await expect(page.getByTestId('groups').locator('svg')).toContainText('Strong (4-5)');
    await expect(page.locator('.explore-results')).toHaveAttribute('data-computed', 'browser');

    expect(errors.console).toEqual([]);
  });

  test('the explorer in Dutch and on a phone, accessible', async ({ page, request }) => {
    const id = await uploadOnce(request);
    await page.setViewportSize({ width: 390, height: 844 });
    const errors = await watchPageErrors(page);
    for (const view of ['items', 'answers', 'groups']) {
      await page.goto(`/explore?dataset=${id}&view=${view}&family=acceptability&lang=nl`);
      await settled(page);
      await expect(page.getByRole('navigation', { name: 'Weergave' })).toBeVisible();
      await expect(page.getByTestId('views-unavailable')).toContainText('Niet beschikbaar voor deze dataset');
      // The charts are drawn at a laptop's width on the server and measure their column once hydrated.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: view }).toBeLessThanOrEqual(0);
      const axe = await new AxeBuilder({ page }).analyze();
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${view} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
      await drawCharts(page);
      await page.screenshot({ path: `e2e/screenshots/own-survey-${view}-nl-phone.png`, fullPage: true });
    }
    await expect(page.getByTestId('groups')).toContainText('Acceptability: positief naar country');
    expect(errors.console).toEqual([]);
  });

  test('the summary: a headline per question group in words, its exports, and every "See the chart" link to a view that exists', async ({ page, request }) => {
    const id = await uploadOnce(request);
    const errors = await watchPageErrors(page);
    await page.goto(`/?dataset=${id}`);
    const cards = page.locator('[data-headline]');
    // A card per question group, and the brand bond's card.
    await expect(cards).toHaveCount(5);
    await expect(cards.last()).toHaveAttribute('data-headline', 'bond');
    await expect(cards.first()).toContainText('of the answers to the 14 questions on “Acceptability” are positive');
    await expect(cards.first().locator('.card-foot')).toContainText(/Base: 2,1\d\d respondents .* 95% interval .* Largest difference, Brand bond: Strong \(4-5\)/);
    // No raw codes or column names anywhere in the summary.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/Q7_BrandBond|\[Q\d\]|acceptability_|unknown item family/);
    await expect(page.locator('.takeaway-list > li').first()).toContainText('Brand bond: Strong (4-5)');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/own-survey-summary.png', fullPage: true });

    for (const kind of ['pdf', 'pptx']) {
      const file = await page.request.get(`/api/summary/${kind}?dataset=${id}&lang=nl`);
      expect(file.status(), kind).toBe(200);
      expect((await file.body()).length).toBeGreaterThan(1000);
    }

    const hrefs = await page.getByRole('link', { name: /See the chart/ }).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs).toHaveLength(5);
    for (const [i, href] of hrefs.entries()) {
      await page.goto(href);
      await settled(page);
      await expect(page.getByTestId('error-page')).toHaveCount(0);
      await expect(page.locator('.explore-results .recharts-wrapper svg.recharts-surface').first()).toBeVisible();
      // The question groups' cards link to their items; the bond card to its groups by brand bond.
      expect(new URL(page.url()).searchParams.get('view')).toBe(i < 4 ? 'items' : 'groups');
    }

    await page.goto(`/?dataset=${id}&lang=nl`);
    await expect(page.locator('[data-headline]').first()).toContainText('van de antwoorden op de 14 vragen over “Acceptability” is positief');
    expect(errors.console).toEqual([]);
  });

  test('the findings: the claims it cannot answer, with reasons in plain words in both languages', async ({ page, request }) => {
    const id = await uploadOnce(request);
    const errors = await watchPageErrors(page);
    await page.goto(`/findings?dataset=${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(NAME);
    const skipped = page.getByTestId('skipped-claims');
    await expect(skipped.locator('[data-skipped="P1"]')).toContainText('no question matching study P’s “Left a website and bought elsewhere');
    await expect(skipped.locator('[data-skipped="G9"]')).toContainText('no questions described by their situation');
    expect(await skipped.innerText()).not.toMatch(/“[a-z0-9]+_[a-z0-9_]+”/);
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/own-survey-findings.png', fullPage: true });
    await page.goto(`/findings?dataset=${id}&lang=nl`);
    await expect(page.getByTestId('skipped-claims').locator('[data-skipped="G5"]')).toContainText('geen kenmerk van respondenten zoals “emotionele band met het merk” van onderzoek G');
    expect(errors.console).toEqual([]);
  });
});
