import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { watchPageErrors } from './helpers/pageErrors';

/**
 * An SPSS file and an Excel sheet as analysts receive them, uploaded through the page (the files
 * PSPP and exceljs wrote: lib/formats/fixtures/make-fixtures.ts). The worker reads them, the
 * mapping screen opens with the dictionary's labels, the analyst confirms what it asks (and, for
 * the trust rating whose labels are no answer words, which end accepts), the report finds no
 * problem, and the explorer shows the value labels, never the numeric codes.
 */
const fixture = (name: string) => readFileSync(path.join(__dirname, '../lib/formats/fixtures', name));

async function confirmAll(page: Page) {
  for (const testId of ['confirm-scale', 'confirm-bands']) {
    const buttons = page.getByTestId(testId);
    for (let left = await buttons.count(); left > 0; left--) {
      await buttons.first().click();
      await expect(buttons).toHaveCount(left - 1);
    }
  }
}

async function store(page: Page, name: string, summary: string): Promise<string> {
  await page.getByLabel('Dataset name').fill(name);
  await page.getByTestId('apply-mapping').click();
  await expect(page.getByTestId('report-verdict').first()).toHaveText(/No problems found|can be stored/, { timeout: 60_000 });
  await expect(page.getByTestId('report-summary').first()).toContainText(summary);
  await page.getByTestId('store-button').click();
  const stored = page.getByTestId('upload-stored');
  await expect(stored).toContainText('60 respondents', { timeout: 60_000 });
  const href = await stored.getByRole('link', { name: 'Open in the explorer' }).getAttribute('href');
  return /dataset=([0-9a-f-]{36})/.exec(href ?? '')![1];
}

test.describe('SPSS and Excel files through the page', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a labelled .sav needs only confirmations and reaches the explorer with its labels', async ({ page, request }) => {
    const errors = await watchPageErrors(page);
    await page.goto('/datasets');
    await page.getByLabel('CSV file').setInputFiles({ name: 'survey-latin1.sav', mimeType: 'application/octet-stream', buffer: fixture('survey-latin1.sav') });
    await expect(page.getByTestId('mapping-screen')).toBeVisible({ timeout: 60_000 });
    // The dictionary's labels on the screen: the scale from the shared value labels, its accepting end read from them.
    await expect(page.getByLabel('Answer 1 of Zeer acceptabel … Helemaal niet acceptabel counts as accepting')).toBeChecked();
    await expect(page.getByLabel('Answer 2 of Zeer acceptabel … Helemaal niet acceptabel counts as accepting')).toBeChecked();
    await expect(page.getByLabel('Answer 5 of Zeer acceptabel … Helemaal niet acceptabel counts as accepting')).not.toBeChecked();
    await expect(page.getByLabel('Role of column gewicht')).toHaveValue('weight');
    await page.screenshot({ path: 'e2e/screenshots/sav-mapping.png', fullPage: false });
    // The trust rating's ends are labelled, but not with answer words: the analyst says 6 and 7 accept.
    await page.getByLabel('Answer 6 of 1-7 counts as accepting').check();
    await page.getByLabel('Answer 7 of 1-7 counts as accepting').check();
    await confirmAll(page);
    const id = await store(page, 'SPSS survey (e2e)', '60 rows, 14 columns, read from an SPSS file.');

    const codebook = await (await request.get(`/api/datasets/${id}/codebook`)).json();
    expect(codebook.weight).toBe('gewicht');
    const land = codebook.attributes.find((a: { column: string }) => a.column === 'land');
    expect(land.codes.map((c: { code: string; label: { en: string } }) => [c.code, c.label.en])).toEqual([['1', 'Nederland'], ['2', 'België'], ['3', 'Duitsland']]);

    await page.goto(`/explore?dataset=${id}&view=answers`);
    await expect(page.locator('main')).toContainText('Zeer acceptabel');
    // Crossed by the file's country (`by` applies to the groups view): the chart's rows and its table's are the value labels, never the codes.
    await page.goto(`/explore?dataset=${id}&view=groups&by=${land.id}`);
    await expect(page.locator('.explore-results')).toHaveAttribute('data-view', 'groups');
    await expect(page.getByLabel('Rows: respondents by')).toHaveValue(land.id);
    const chart = page.getByTestId('groups').locator('svg').first();
    for (const label of ['Nederland', 'België', 'Duitsland']) await expect(chart).toContainText(label);
    await page.locator('#groups-table summary').click();
    const rowHeads = await page.getByTestId('groups-table').locator('tbody th').allInnerTexts();
    expect(new Set(rowHeads.map((t) => t.trim()))).toEqual(new Set(['Nederland', 'België', 'Duitsland']));
    await page.screenshot({ path: 'e2e/screenshots/sav-explorer.png', fullPage: false });
    const csv = await (await request.get(`/api/datasets/${id}/data`)).text();
    expect(csv.split('\r\n')[0]).toBe('\uFEFFresp_id,land,geslacht,leeftijd,q5_1,q5_2,q5_3,q5_4,q6,q7_1,q7_2,q7_3,opmerking,gewicht');
    expect(errors.console).toEqual([]);
  });

  test('an Excel sheet is read from its first sheet and stored after confirmations', async ({ page }) => {
    const errors = await watchPageErrors(page);
    await page.goto('/datasets');
    await page.getByLabel('CSV file').setInputFiles({ name: 'survey.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixture('survey.xlsx') });
    await expect(page.getByTestId('mapping-screen')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByLabel('Answer Zeer acceptabel of Zeer acceptabel … Helemaal niet acceptabel counts as accepting')).toBeChecked();
    await confirmAll(page);
    const id = await store(page, 'Excel survey (e2e)', '60 rows, 10 columns, read from sheet “Antwoorden” of an Excel workbook.');
    await page.goto(`/explore?dataset=${id}&view=answers`);
    await expect(page.locator('main')).toContainText('Helemaal niet acceptabel');
    expect(errors.console).toEqual([]);
  });

  test('a workbook of several sheets: the sheet is chosen in the panel, by keyboard, and a sheet with merged header rows is named', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    const errors = await watchPageErrors(page);
    await page.goto('/datasets');
    await page.getByLabel('CSV file').setInputFiles({ name: 'survey-sheets.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixture('survey-sheets.xlsx') });
    const sheet = page.getByLabel('Sheet', { exact: true });
    await expect(sheet).toHaveValue('Toelichting', { timeout: 60_000 });
    await expect(sheet.locator('option')).toHaveText(['Toelichting', 'Antwoorden', 'Tabel']);
    await expect(page.getByTestId('sheet-choice')).toContainText('This workbook has 3 sheets.');
    // The third sheet's header spans two merged rows: its message, and the choice stays to pick another.
    await sheet.focus();
    await sheet.selectOption('Tabel');
    await expect(page.getByTestId('upload-report')).toContainText('The header of sheet "Tabel" has merged cells (B1:C1)', { timeout: 60_000 });
    await expect(page.getByTestId('report-summary')).toContainText('read from sheet “Tabel” of an Excel workbook');
    await page.getByTestId('upload-panel').screenshot({ path: 'e2e/screenshots/xlsx-sheet-merged.png' });
    // By keyboard: the select is reached with Tab and changed with the arrow keys.
    await page.getByLabel('Codebook (JSON, optional)').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(sheet).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(sheet).toHaveValue('Antwoorden');
    await expect(page.getByTestId('mapping-screen')).toBeVisible({ timeout: 60_000 });
    // The second sheet's columns on the mapping screen (land proposed as the country).
    await expect(page.getByLabel('Role of column Country')).toBeVisible();
    await expect(page.getByLabel('Role of column Q5 1')).toBeVisible();
    await confirmAll(page);
    await page.getByLabel('Dataset name').fill('Workbook, second sheet (e2e)');
    await page.getByTestId('apply-mapping').click();
    await expect(page.getByTestId('report-summary').first()).toContainText('60 rows, 5 columns, read from sheet “Antwoorden” of an Excel workbook.', { timeout: 60_000 });
    await page.getByTestId('store-button').click();
    await expect(page.getByTestId('upload-stored')).toContainText('60 respondents', { timeout: 60_000 });
    expect(errors.console).toEqual([]);
  });

  test('the sheet choice in Dutch on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/datasets?lang=nl');
    await page.locator('#upload-csv').setInputFiles({ name: 'survey-sheets.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixture('survey-sheets.xlsx') });
    const sheet = page.getByLabel('Werkblad', { exact: true });
    await expect(sheet).toHaveValue('Toelichting', { timeout: 60_000 });
    await expect(page.getByTestId('sheet-choice')).toContainText('Deze werkmap heeft 3 werkbladen.');
    // The first sheet (a cover sheet) read, the choice is open again.
    await expect(page.getByTestId('mapping-screen')).toBeVisible({ timeout: 60_000 });
    await expect(sheet).toBeEnabled();
    const box = await sheet.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.getByTestId('sheet-choice').screenshot({ path: 'e2e/screenshots/xlsx-sheet-choice-nl-390.png' });
  });

  test('a .zsav (ZLIB-compressed SPSS file) reaches the mapping screen with its labels', async ({ page }) => {
    await page.goto('/datasets');
    await page.getByLabel('CSV file').setInputFiles({ name: 'survey-utf8.zsav', mimeType: 'application/octet-stream', buffer: fixture('survey-utf8.zsav') });
    await expect(page.getByTestId('mapping-screen')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByLabel('Answer 1 of Zeer acceptabel … Helemaal niet acceptabel counts as accepting')).toBeChecked();
    await expect(page.getByLabel('Role of column gewicht')).toHaveValue('weight');
  });

  test('a .sav renamed .csv is named as what it is, in the page’s report', async ({ page }) => {
    await page.goto('/datasets');
    await page.getByLabel('CSV file').setInputFiles({ name: 'survey.csv', mimeType: 'text/csv', buffer: fixture('survey-utf8.sav') });
    await expect(page.locator('main')).toContainText('holds an SPSS data file', { timeout: 30_000 });
  });
});
