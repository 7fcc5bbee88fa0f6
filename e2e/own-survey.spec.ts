import { expect, test, type Page } from '@playwright/test';
import { ACCEPT_LABELS, ownSurveyFiles, OWN_SURVEY_HEADERS } from '../lib/ingest/testing/ownSurvey';
import { shorten } from '../lib/mapping/headers';
import { watchPageErrors } from './helpers/pageErrors';

/**
 * An analyst's own survey, end to end, through the page: a survey that matches no template (long
 * bracketed headers, text answer labels, NA as missing, a 1 = best scale, TRUE/FALSE columns,
 * numeric age), split over two files whose headers differ only in style. The proposed mapping is
 * accepted with confirmations only (scale directions and groups), the files become one dataset,
 * and every page opens on it. One figure is checked against a count made here from the files.
 */

const files = ownSurveyFiles();
const rows = [...files.a.rows, ...files.b.rows];
const LOCATION = OWN_SURVEY_HEADERS.a.indexOf(OWN_SURVEY_HEADERS.a.find((h) => h.includes('[acceptability.location]'))!);
const WEIGHT = OWN_SURVEY_HEADERS.a.indexOf('weight');

/** The weighted share of "Very" or "Somewhat acceptable" for the current location, NA left out: the figure the pages must show. */
function locationShare(): { share: number; n: number } {
  let positive = 0;
  let answered = 0;
  let n = 0;
  for (const row of rows) {
    const answer = row[LOCATION];
    if (answer === 'NA') continue;
    const w = Number(row[WEIGHT]);
    answered += w;
    n++;
    if (answer === ACCEPT_LABELS[0] || answer === ACCEPT_LABELS[1]) positive += w;
  }
  return { share: positive / answered, n };
}

/** Uploads the two files through /datasets, confirming what the mapping screen asks, and returns the stored dataset's id. */
async function uploadThroughThePage(page: Page): Promise<string> {
  await page.goto('/datasets');
  await page.getByLabel('CSV file').setInputFiles([
    { name: files.a.name, mimeType: 'text/csv', buffer: Buffer.from(files.a.csv) },
    { name: files.b.name, mimeType: 'text/csv', buffer: Buffer.from(files.b.csv) },
  ]);
  // Two files: each gets its value in the source column, and file B's dotted names are matched to file A's long headers.
  const step = page.getByTestId('files-step');
  await expect(step).toBeVisible();
  await expect(page.getByLabel(`Value of file ${files.a.name} in the source column`)).toHaveValue('NL_DE');
  await expect(page.getByLabel(`Value of file ${files.b.name} in the source column`)).toHaveValue('UK');
  const total = OWN_SURVEY_HEADERS.b.length;
  await expect(step.getByTestId('match-details')).toContainText(`${total} of ${total} matched`);
  await step.getByTestId('match-details').locator('summary').click();
  await expect(page.getByLabel(`Dataset column for acceptability.location of ${files.b.name}`)).toHaveValue(OWN_SURVEY_HEADERS.a[LOCATION]);
  await page.getByRole('button', { name: 'Continue' }).click();

  const screen = page.getByTestId('mapping-screen');
  await expect(screen).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mapping-overview')).toHaveText('38 columns: 29 questions in 4 families, 6 segments, 1 set aside.');
  // Only confirmations: three scales (read from the labels, the question's anchors, TRUE/FALSE) and two sets of groups.
  const pending = page.getByTestId('pending-list');
  await expect(pending.locator('li')).toHaveCount(5);
  await expect(page.getByLabel('Answer Very acceptable of Very acceptable … Not acceptable at all counts as accepting')).toBeChecked();
  await expect(page.getByLabel('Answer Neither acceptable nor unacceptable of Very acceptable … Not acceptable at all counts as accepting')).not.toBeChecked();
  await expect(page.getByLabel('Answer 1 of 1 = very likely … 5 = very unlikely counts as accepting')).toBeChecked();
  await expect(page.getByLabel('Answer 5 of 1 = very likely … 5 = very unlikely counts as accepting')).not.toBeChecked();
  const comments = OWN_SURVEY_HEADERS.a.find((h) => h.includes('[comments]'))!;
  await expect(page.getByLabel(`Role of column ${shorten(comments, 60)}`)).toHaveValue('ignore');
  await expect(page.getByLabel('Role of column Age')).toHaveValue('attribute');
  await expect(page.getByLabel('Groups of Age')).toHaveValue('18-29, 30-44, 45-59, 60+');
  await page.screenshot({ path: 'e2e/screenshots/own-survey-mapping.png', fullPage: false });
  // Each confirmed scale or group set trades its button for a "Confirmed" mark.
  for (const testId of ['confirm-scale', 'confirm-bands']) {
    const buttons = page.getByTestId(testId);
    for (let left = await buttons.count(); left > 0; left--) {
      await buttons.first().click();
      await expect(buttons).toHaveCount(left - 1);
    }
  }
  await expect(pending).toContainText('Everything is confirmed.');
  await page.getByLabel('Dataset name').fill('Own survey (e2e)');
  await page.getByTestId('apply-mapping').click();

  // Each file is checked against the codebook as its own header names it.
  await expect(page.getByTestId('file-report')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('report-verdict').first()).toHaveText('No problems found: the file can be stored.');
  await expect(page.getByTestId('report-verdict').last()).toHaveText('No problems found: the file can be stored.');
  await page.getByTestId('store-button').click();
  const stored = page.getByTestId('upload-stored');
  await expect(stored).toContainText(`Stored “Own survey (e2e)”: ${rows.length.toLocaleString('en')} respondents.`, { timeout: 60_000 });
  const href = await stored.getByRole('link', { name: 'Open in the explorer' }).getAttribute('href');
  const id = /dataset=([0-9a-f-]{36})/.exec(href ?? '')?.[1];
  expect(id).toBeTruthy();
  return id!;
}

test.describe('an analyst’s own survey, end to end', () => {
  test.describe.configure({ timeout: 180_000 });

  test('two files of an unknown export become one dataset with confirmations only, and every page works on it', async ({ page, request }) => {
    const errors = await watchPageErrors(page);
    const id = await uploadThroughThePage(page);

    // The stored codebook: four families, the source column with one code per file, NA as missing.
    const codebook = await (await request.get(`/api/datasets/${id}/codebook`)).json();
    expect(codebook.families.map((f: { label: { en: string } }) => f.label.en)).toEqual(['Acceptability', 'Scenario', 'Trust', 'Channels']);
    expect(codebook.sourceColumn).toBe('source');
    const source = codebook.attributes.find((a: { column: string }) => a.column === 'source');
    expect(source.codes.map((c: { code: string }) => c.code)).toEqual(['NL_DE', 'UK']);

    // The figure, from the API and counted here from the two files.
    const expected = locationShare();
    const item = codebook.items.find((it: { column: string }) => it.column === OWN_SURVEY_HEADERS.a[LOCATION]).id;
    const table = await (await request.get(`/api/datasets/${id}/acceptance?item=${item}`)).json();
    expect(table.overall.n).toBe(expected.n);
    expect(table.overall.share).toBeCloseTo(expected.share, 12);

    for (const url of [`/explore?dataset=${id}`, `/?dataset=${id}`, `/findings?dataset=${id}`, `/planner?dataset=${id}`, `/benchmark?dataset=${id}`, `/datasets/${id}`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect(page.getByText('This page couldn’t load')).toHaveCount(0);
    }
    expect(errors.console).toEqual([]);
  });

  test('a stored codebook is edited without uploading again, and a later file is appended', async ({ page, request }) => {
    const errors = await watchPageErrors(page);
    const id = await uploadThroughThePage(page);
    await page.goto(`/datasets/${id}`);
    const editor = page.getByTestId('codebook-editor');
    await expect(editor).toBeVisible();
    await expect(page.getByTestId('pending-list')).toContainText('Everything is confirmed.');
    // The Dutch name of a family, and age in three groups instead of four.
    await page.getByLabel('Dutch label of Acceptability').fill('Aanvaardbaarheid');
    const age = page.getByLabel('Groups of Age');
    await age.fill('18-34, 35-54, 55+');
    await page.getByTestId('confirm-bands').click();
    await page.getByTestId('save-codebook').click();
    await expect(page.getByTestId('codebook-saved')).toBeVisible({ timeout: 60_000 });
    const codebook = await (await request.get(`/api/datasets/${id}/codebook`)).json();
    expect(codebook.families.find((f: { id: string }) => f.id === 'acceptability').label.nl).toBe('Aanvaardbaarheid');
    expect(codebook.attributes.find((a: { label: { en: string } }) => a.label.en === 'Age').bands.map((b: { min: number; max: number }) => [b.min, b.max])).toEqual([[18, 34], [35, 54], [55, 120]]);

    // A later wave in the short-header style, appended with its own value in the source column.
    const later = ownSurveyFiles({ seed: 7, counts: { NL: 0, DE: 0, UK: 120 } }).b;
    const csv = later.csv.replace(/^ResponseId/, 'ResponseId').replace(/\r\nR_/g, '\r\nW2_');
    await page.getByLabel('CSV file to add').setInputFiles({ name: 'personalisation_survey_UK_wave2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const append = page.getByTestId('append-file');
    await append.getByLabel('Value of file personalisation_survey_UK_wave2.csv in the source column').fill('UK wave 2');
    await append.getByRole('button', { name: 'Check and add the file' }).click();
    await expect(append.getByTestId('report-verdict')).toHaveText('No problems found: the file can be stored.', { timeout: 60_000 });
    await append.getByTestId('append-store').click();
    await expect(page.getByTestId('append-added')).toHaveText(`Added: the dataset now has ${(rows.length + 120).toLocaleString('en')} respondents.`, { timeout: 60_000 });
    const after = await (await request.get(`/api/datasets/${id}/codebook`)).json();
    expect(after.attributes.find((a: { column: string }) => a.column === 'source').codes.map((c: { code: string }) => c.code)).toEqual(['NL_DE', 'UK', 'UK wave 2']);
    expect(errors.console).toEqual([]);
  });
});
