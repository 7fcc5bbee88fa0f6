import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCEPT_LABELS, OWN_SURVEY_HEADERS, ownSurveyCodebook, ownSurveyFiles } from '../lib/ingest/testing/ownSurvey';
import { uploadAs } from './helpers/upload';
import { reachForControls } from './helpers/live';

/**
 * The planner on datasets of every shape: an upload that matches no template (file A of the own
 * survey with the codebook a good mapping gives it), study G and study P. Each test chooses an
 * audience with the keyboard and checks one figure against a count made here from the CSV.
 */

const percent = (text: string) => parseFloat(text.replace(',', '.'));
const csvRows = (file: string) =>
  readFileSync(path.join(__dirname, '..', 'data', file), 'utf8')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => l.split(','));

/** Weighted share of positive answers over every answer in `columns` by the rows `keep` accepts. */
function countShare(header: string[], rows: string[][], keep: (cell: (name: string) => string) => boolean, columns: string[], positive: (value: string) => boolean, blank: (value: string) => boolean) {
  const index = columns.map((c) => header.indexOf(c));
  const weight = header.indexOf('weight');
  let yes = 0;
  let all = 0;
  for (const row of rows) {
    if (!keep((name) => row[header.indexOf(name)])) continue;
    const w = Number(row[weight]);
    for (const i of index) {
      if (blank(row[i])) continue;
      all += w;
      if (positive(row[i])) yes += w;
    }
  }
  return yes / all;
}

/** Focuses a select and steps to an option with the arrow keys (each step answers in the page). */
async function chooseByKeyboard(page: Page, label: string, steps: number) {
  await page.getByLabel(label, { exact: true }).focus();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
}

async function screenshots(page: Page, url: string, name: string) {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ])
    for (const lang of ['en', 'nl']) {
      await page.setViewportSize({ width, height });
      await page.goto(`${url}&lang=${lang}`);
      await expect(page.locator('.planner-answer')).toHaveAttribute('aria-busy', 'false');
      await page.screenshot({ path: `e2e/screenshots/planner-${name}-${lang}-${width}.png`, fullPage: true });
    }
}

test.describe('/planner on any dataset', () => {
  test.describe.configure({ timeout: 90_000 });

  test('an upload that matches no template: its attributes and families, an audience by keyboard, a figure as counted from the file', async ({ page, request }) => {
    const files = ownSurveyFiles();
    const id = await uploadAs(request, files.a.csv, 'Own survey NL DE (planner e2e)', JSON.stringify(ownSurveyCodebook()));
    await page.goto(`/planner?dataset=${id}`);
    await expect(page.locator('[data-family]')).toHaveCount(4);
    await expect(page.locator('[data-family]').locator('h2')).toHaveText(['Acceptability', 'Scenario', 'Trust', 'Channels']);
    // No moment: the items have no item dimensions. No study-specific parts: said in words.
    await expect(page.getByRole('group', { name: 'Moment' })).toHaveCount(0);
    await expect(page.getByTestId('not-shown')).toContainText('five guidelines');
    await expect(page.getByTestId('not-shown')).toContainText('shares no audience attribute with study P');
    await expect(page.getByTestId('creepy-tactics')).toHaveCount(0);
    // Labels, not the export's headers or codes.
    await expect(page.locator('main')).not.toContainText('[Q5]');
    await expect(page.locator('main')).not.toContainText('acceptability_');

    await page.getByLabel('Gender').focus();
    await reachForControls(page, '.planner-answer', (p) => p.keyboard.press('Shift'));
    await chooseByKeyboard(page, 'Gender', 1); // Female
    await chooseByKeyboard(page, 'Age', 4); // 60+
    await expect(page).toHaveURL(/[?&]gender=Female&age=60%2B(&|$)/);
    await expect(page.locator('.planner-answer')).toHaveAttribute('data-state', `dataset=${id}&gender=Female&age=60%2B`);

    const header = OWN_SURVEY_HEADERS.a;
    const questions = header.filter((h) => h.includes('[acceptability.'));
    const expected = countShare(
      header,
      files.a.rows,
      (cell) => cell(header[2]) === 'Female' && cell(header[3]) !== 'NA' && Number(cell(header[3])) >= 60,
      questions,
      (v) => v === ACCEPT_LABELS[0] || v === ACCEPT_LABELS[1],
      (v) => v === 'NA',
    );
    const acceptability = page.locator('[data-family="acceptability"]');
    expect(percent(await acceptability.getByTestId('expected-share').innerText())).toBe(Math.round(1000 * expected) / 10);
    await expect(acceptability.getByTestId('advice-use')).toContainText('Your gender');
    await expect(acceptability.getByTestId('advice-avoid')).toContainText('Your medical history');
    await expect(acceptability).toContainText('Share answering “Very acceptable” or “Somewhat acceptable”');

    // An audience under the minimum base: modelled, named in words, the raw cell greyed without an interval.
    await page.goto(`/planner?dataset=${id}&gender=Prefer+not+to+say&age=60%2B&country=Germany`);
    const modelled = page.locator('[data-family="acceptability"]');
    await expect(modelled.getByTestId('estimate')).toContainText('Modelled');
    await expect(modelled.getByTestId('estimate')).toContainText('weighted logistic regression of a positive answer on Country, Gender and Age as main effects');
    await expect(modelled.getByTestId('raw-cell')).toHaveText(/^This audience’s own answers: [\d.]+%, n = \d+ \(below the minimum base of 30: no interval or test\)$/);

    await screenshots(page, `/planner?dataset=${id}&gender=Female&age=60%2B`, 'upload');
    await screenshots(page, `/planner?dataset=${id}&gender=Prefer+not+to+say&age=60%2B&country=Germany`, 'upload-modelled');
  });

  test('study G: an audience by keyboard, a figure as counted from the CSV, the guidelines quoting this audience beside the whole study', async ({ page }) => {
    await page.goto('/planner');
    await page.getByLabel('Gender').focus();
    await reachForControls(page, '.planner-answer', (p) => p.keyboard.press('Shift'));
    await chooseByKeyboard(page, 'Gender', 1); // Women
    await chooseByKeyboard(page, 'Emotional bond with the brand', 3); // Strong (4-5)
    await expect(page.locator('.planner-answer')).toHaveAttribute('data-state', 'gender=F&bond=strong');
    await expect(page).toHaveURL(/[?&]gender=F&bond=strong(&|$)/);

    const [header, ...rows] = csvRows('study-g.csv');
    const expected = countShare(
      header,
      rows,
      (cell) => cell('gender') === 'F' && Number(cell('bond')) >= 4,
      header.filter((h) => h.startsWith('sc_')),
      (v) => v === '4' || v === '5',
      (v) => v === '',
    );
    const scenarios = page.locator('[data-family="scenario"]');
    expect(percent(await scenarios.getByTestId('expected-share').innerText())).toBe(Math.round(1000 * expected) / 10);
    const relationship = page.locator('[data-guideline="relationship"]');
    await expect(relationship.locator('thead')).toContainText('This audience');
    await expect(relationship.locator('thead')).toContainText('Whole study');
    await expect(relationship).toContainText('65.0%');

    // Issue 13's 7-respondent audience: modelled 80.4% (78.2-82.4), the raw 71.4% without interval.
    const issue = '/planner?country=NL&gender=F&age_band=18-34&young_children=yes&bond=strong&trust=high&situation=relaxed&place=private&industry=banking';
    await page.goto(issue);
    await expect(scenarios.getByTestId('expected-share')).toHaveText('80.4%');
    await expect(scenarios.getByTestId('estimate')).toContainText('95% interval if the model holds: 78.2% – 82.4%');
    await expect(scenarios.getByTestId('raw-cell')).toHaveText('This audience’s own answers: 71.4%, n = 7 (below the minimum base of 30: no interval or test)');
    await expect(scenarios.getByTestId('model-misfit')).toHaveCount(0);
    // An audience the model does not fit gets the warning.
    await page.goto('/planner?country=SE&age_band=50%2B&young_children=yes&place=public&industry=banking');
    await expect(scenarios.getByTestId('model-misfit')).toContainText('The model may not fit this audience: its own answers (78.0%, n = 22) lie further from the model’s 56.4%');

    await screenshots(page, '/planner?gender=F&bond=strong', 'g');
    await screenshots(page, `${issue}`, 'g-modelled');
  });

  test('study P: its own creepy tactics for an audience chosen by keyboard, as counted from the CSV', async ({ page }) => {
    await page.goto('/planner?dataset=study-p');
    await page.getByLabel('Gender').focus();
    await reachForControls(page, '.planner-answer', (p) => p.keyboard.press('Shift'));
    await chooseByKeyboard(page, 'Gender', 2); // Men
    await expect(page.locator('.planner-answer')).toHaveAttribute('data-state', 'dataset=study-p&gender=M');

    const [header, ...rows] = csvRows('study-p.csv');
    const expected = countShare(header, rows, (cell) => cell('gender') === 'M', ['p7_creepy_text_passing_store'], (v) => v === 'yes', (v) => v === '');
    const tactic = page.getByTestId('creepy-tactics').locator('li', { hasText: 'text message from a brand when walking past its store' });
    expect(percent(await tactic.locator('.num').innerText())).toBe(Math.round(1000 * expected) / 10);
    await expect(page.getByTestId('creepy-tactics')).not.toContainText('study P cannot');
    await expect(page.getByTestId('not-shown')).toContainText('five guidelines');
    await screenshots(page, '/planner?dataset=study-p&gender=M', 'p');
  });
});
