import { expect, test, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drawCharts } from './helpers/charts';

/**
 * Every analysis on an uploaded dataset: the explorer, the planner, the published findings and the
 * benchmark against the reference study. The upload is study G's shape: 1,500 respondents of the
 * reference data with a changed distribution (more data types rated OK, fewer scenarios welcomed),
 * posted to the API like an analyst would (the server's DATA_DIR is a throwaway folder).
 */

const lines = readFileSync(path.join(__dirname, '..', 'data', 'study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
const header = lines[0].split(',');

/** 1,500 rows of study G: "depends" becomes "OK" on every second row's data types; "agree" (4) becomes "disagree" (2) on every third row's scenarios. */
function changedG(): string {
  const rows = lines.slice(1, 1501).map((l) => l.split(','));
  rows.forEach((row, r) =>
    header.forEach((name, c) => {
      if (name.startsWith('dt_') && r % 2 === 0 && row[c] === '2') row[c] = '1';
      if (name.startsWith('sc_') && r % 3 === 0 && row[c] === '4') row[c] = '2';
    }),
  );
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

const NAME = 'NL panel 2026 (e2e)';
let uploadId = '';

async function uploadOnce(request: APIRequestContext): Promise<string> {
  if (uploadId) return uploadId;
  const response = await request.post('/api/datasets', { multipart: { file: { name: 'panel.csv', mimeType: 'text/csv', buffer: Buffer.from(changedG()) }, name: NAME } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { dataset: { id: string; respondents: number; synthetic: boolean } };
  expect(body.dataset.respondents).toBe(1500);
  expect(body.dataset.synthetic).toBe(false);
  uploadId = body.dataset.id;
  return uploadId;
}

test.describe('uploaded datasets everywhere', () => {
  // Several page loads per test, on a 2-core machine shared with builds.
  test.describe.configure({ timeout: 60_000 });

  test('the explorer opens an upload: chart, dataset select, no synthetic notice', async ({ page, request }) => {
    const id = await uploadOnce(request);
    await page.goto(`/explore?dataset=${id}`);
    await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
    await expect(page.getByTestId('upload-note')).toContainText(NAME);
    const select = page.locator('select#dataset');
    await expect(select).toHaveValue(id);
    await expect(select.locator('option:checked')).toHaveText(`${NAME} (uploaded)`);
    await expect(page.getByTestId('audience-line')).toContainText('of 1,500 respondents');
    await expect(page.locator('.explore-results .recharts-wrapper svg.recharts-surface').first()).toBeVisible();
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/explore-upload.png', fullPage: true });

    // Switching to study G in the select brings the synthetic notice back; and back to the upload.
    await select.selectOption('study-g');
    await expect(page).toHaveURL(/dataset=study-g/);
    await expect(page.getByTestId('synthetic-notice')).toBeVisible();
    await page.locator('select#dataset').selectOption(id);
    await expect(page).toHaveURL(new RegExp(`dataset=${id}`));
    await expect(page.getByTestId('audience-line')).toContainText('of 1,500 respondents');
    await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);

    // The segments view of the upload, with a filter, works like on the reference data.
    await page.goto(`/explore?dataset=${id}&view=segments&country=NL`);
    await expect(page.getByTestId('segments-ranking')).toContainText('Most welcoming');
  });

  test('an unknown or deleted dataset id gets a message with a way back, not a crash', async ({ page }) => {
    for (const url of ['/explore?dataset=00000000-0000-4000-8000-000000000000', '/explore?dataset=nonsense']) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId('unknown-dataset')).toContainText('does not exist');
      await page.getByRole('link', { name: 'Explore the reference data of study G' }).click();
      await expect(page.getByTestId('synthetic-notice')).toBeVisible();
    }
    await page.goto('/findings?dataset=00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('unknown-dataset')).toBeVisible();
    await page.goto('/benchmark?dataset=00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('unknown-dataset')).toBeVisible();
  });

  test('the planner answers from the upload, and from study P', async ({ page, request }) => {
    const id = await uploadOnce(request);
    await page.goto('/planner');
    const g = parseFloat(await page.getByTestId('expected-share').first().innerText());
    await page.getByLabel('Dataset').selectOption(id);
    await expect(page).toHaveURL(new RegExp(`dataset=${id}`));
    await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
    const upload = parseFloat(await page.getByTestId('expected-share').first().innerText());
    // Every third row's scenario "4" became "2": the upload welcomes automated services less.
    expect(upload).toBeLessThan(g);
    await expect(page.getByTestId('estimate').first()).toContainText('1,500 respondents');
    await page.getByLabel('Gender').selectOption('F');
    await expect(page).toHaveURL(/gender=F/);
    await expect(page).toHaveURL(new RegExp(`dataset=${id}`));
    await expect(page.locator('[data-family="dataType"]').getByTestId('advice-use').locator('li')).not.toHaveCount(0);
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/planner-upload.png', fullPage: true });

    // Study P: its own families and creepy tactics, no moment, no guidelines (said in words).
    await page.goto('/planner?dataset=study-p');
    await expect(page.locator('[data-family="pulse"]')).toBeVisible();
    await expect(page.getByTestId('creepy-tactics').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('not-shown')).toContainText('five guidelines');
  });

  test('the published findings on the upload: answerable claims computed, P claims skipped with reasons', async ({ page, request }) => {
    const id = await uploadOnce(request);
    await page.goto(`/findings?dataset=${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(NAME);
    await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
    await expect(page.locator('tr[data-claim="G1"]')).toBeVisible();
    await expect(page.locator('tr[data-claim="P1"]')).toHaveCount(0);
    await expect(page.locator('[data-skipped="P1"]')).toContainText('no question matching study P’s “Left a website and bought elsewhere because the experience was poorly curated”');
    // G1 computed on the upload: fewer scenarios welcomed than the published 46%.
    const g1 = parseFloat(await page.locator('tr[data-claim="G1"]').getByTestId('computed').innerText());
    expect(g1).toBeLessThan(45.5);
    await expect(page.locator('tr[data-claim="G1"]')).toContainText('Differs');
    await expect(page.getByTestId('summary-count')).toContainText('skipped');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/findings-upload.png', fullPage: true });
    // The default page is unchanged: every claim on the reference data.
    await page.goto('/findings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Published findings, reproduced');
    await expect(page.locator('tr[data-claim] .badge-fail')).toHaveCount(0);
  });

  test('the benchmark: the upload beside study G, differences with their marks, accessible', async ({ page, request }) => {
    const id = await uploadOnce(request);
    await page.goto('/datasets');
    const row = page.locator(`tr[data-dataset="${id}"]`);
    await expect(row.getByRole('link', { name: `Explore ${NAME}` })).toHaveAttribute('href', `/explore?dataset=${id}`);
    await row.getByRole('link', { name: `Compare ${NAME} with study G` }).click();
    await expect(page).toHaveURL(new RegExp(`/benchmark\\?dataset=${id}&against=study-g`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`“${NAME}” against`);
    await expect(page.getByTestId('synthetic-notice')).toBeVisible();

    // Data types (the first shared family): every second row's "depends" became "OK", so all 17 rise, significantly.
    const table = page.getByTestId('benchmark-table');
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(17);
    const gender = table.locator('tr[data-row="item:dt_gender"]');
    await expect(gender.getByTestId('difference')).toHaveText(/^\+\d+\.\d pp$/);
    await expect(gender.getByTestId('sig-mark')).toHaveText('▲ higher');
    await expect(page.getByTestId('benchmark-summary')).toContainText('17 rows compared');
    await expect(page.getByTestId('left-out')).toContainText('Every item of both datasets is compared.');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/benchmark.png', fullPage: true });

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  });

  test('the benchmark by country on the scenarios, against study P, and in Dutch', async ({ page, request }) => {
    const id = await uploadOnce(request);
    await page.goto(`/benchmark?dataset=${id}`);
    const table = page.getByTestId('benchmark-table');
    const rows = table.locator('tbody tr');
    // Scenarios by country: 12 items and the pooled row, for the two countries the upload has
    // (its 1,500 rows are Dutch and Swedish); fewer welcomed in the upload.
    await page.getByLabel('Items').selectOption('scenario');
    await expect(page).toHaveURL(/family=scenario/);
    await page.getByLabel('Split by').selectOption('country');
    await expect(page).toHaveURL(/by=country/);
    await expect(rows).toHaveCount(13 * 2);
    await expect(page.getByTestId('left-out')).toContainText('Germany: no respondents in the uploaded dataset');
    const pooledNl = table.locator('tr[data-row="family:scenario|country:NL"]');
    await expect(pooledNl.getByTestId('difference')).toHaveText(/^−\d+\.\d pp$/);
    await expect(pooledNl.getByTestId('sig-mark')).toHaveText('▼ lower');
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/benchmark-scenarios-by-country.png', fullPage: true });

    // Against study P nothing is shared: a clear message, not an empty table.
    await page.goto(`/benchmark?dataset=${id}&against=study-p`);
    await expect(page.getByTestId('benchmark-problem')).toContainText('no item in common');

    // Dutch.
    await page.goto(`/benchmark?dataset=${id}&against=study-g&lang=nl`);
    await expect(page.getByTestId('benchmark-summary')).toContainText('rijen vergeleken');
  });
});
