import { expect, test, type Page } from '@playwright/test';
import en from '../messages/en.json';
import nl from '../messages/nl.json';
import { ownSurveyCodebook, ownSurveyFiles } from '../lib/ingest/testing/ownSurvey';
import { studyGCsv } from './helpers/studyCsv';
import { uploadAs } from './helpers/upload';
import { storageStatePath } from './support/paths';

/**
 * Every page in Dutch shows none of the English texts of the message catalogs (messages/en.json):
 * not in its visible text, not in its browser-tab title. The English texts are the catalogs' own,
 * cut at their {arguments} into the fixed pieces a page would show; a piece that Dutch uses too
 * ("Benchmark", "SPSS .sav") or that is too short to tell ("Type") is left out.
 */
function englishPieces(): string[] {
  const dutch = new Set<string>();
  for (const table of Object.values(nl as Record<string, Record<string, string>>)) for (const text of Object.values(table)) dutch.add(text);
  const dutchText = [...dutch].join('\n');
  const pieces = new Set<string>();
  for (const table of Object.values(en as Record<string, Record<string, string>>))
    for (const text of Object.values(table)) {
      // The fixed text between arguments; a plural's branches hold arguments of their own, so a message with one is cut at every brace.
      for (const piece of text.split(/\{[^{}]*\}|[{}]/)) {
        const trimmed = piece.trim().replace(/^[:;,.()]+\s*|\s*[:;,.()]+$/g, '');
        if (trimmed.length >= 12 && /\s/.test(trimmed) && !dutchText.includes(trimmed)) pieces.add(trimmed);
      }
    }
  return [...pieces];
}

const ENGLISH = englishPieces();

/** The English pieces found on a Dutch page: in its text (what a reader sees) or its tab title. */
async function englishOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  return ENGLISH.filter((piece) => text.includes(piece));
}

async function openInDutch(page: Page, path: string) {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=nl`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.locator('main[lang="nl"]').first()).toBeVisible();
  // Pages that compute in the browser (the explorer) say when they are done.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

test.describe('every page in Dutch', () => {
  test.describe.configure({ timeout: 120_000 });

  test('has the catalogs’ English texts in sight as a check: the same walk in English finds them', async ({ page }) => {
    // The test could not fail if the pieces never matched a page: in English the header's own texts are found.
    await page.goto('/findings');
    const found = await englishOn(page);
    expect(found).toContain(en.app.syntheticNotice.replace(/\.$/, ''));
    expect(found).toContain(en.app.findingsIntro.replace(/\.$/, ''));
  });

  test('the analyst’s pages, with a Dutch tab title each', async ({ page, request }) => {
    const id = await uploadAs(request, ownSurveyFiles().a.csv, 'Eigen enquête (Nederlands e2e)', JSON.stringify(ownSurveyCodebook()));
    const pages: [string, string][] = [
      ['/', nl.titles.summary],
      ['/explore', nl.titles.explore],
      ['/findings', nl.titles.findings],
      ['/planner', nl.titles.planner],
      ['/benchmark', nl.titles.benchmark],
      ['/compare', nl.titles.compare],
      ['/tables', nl.titles.tables],
      ['/datasets', nl.titles.datasets],
      [`/datasets/${id}`, nl.titles.dataset],
      [`/datasets/${id}/weighting`, nl.titles.weighting],
    ];
    const failures: string[] = [];
    for (const [path, title] of pages) {
      await openInDutch(page, path);
      await expect(page, path).toHaveTitle(new RegExp(`^${title}`));
      await expect(page, path).toHaveTitle(new RegExp(nl.app.appName));
      for (const piece of await englishOn(page)) failures.push(`${path}: ${piece}`);
    }
    expect(failures).toEqual([]);
  });

  test('an upload with errors is checked in Dutch: the report and every problem', async ({ page }) => {
    const lines = studyGCsv(20).trimEnd().split('\n');
    // A repeated respondent, a row with a field too many and a weight that is not a number.
    lines.push(lines[1], `${lines[2]},extra`);
    const header = lines[0].split(',');
    const weight = header.indexOf('weight');
    if (weight >= 0) {
      const row = lines[3].split(',');
      row[weight] = 'heavy';
      lines[3] = row.join(',');
    }
    await openInDutch(page, '/datasets');
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'fouten.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    const report = page.getByTestId('upload-report');
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('report-verdict')).toContainText(/\d+ fouten?: herstel/);
    await expect(report).toContainText('komt ook voor in datarij');
    expect(await englishOn(page)).toEqual([]);
  });
});

test.describe('the admin’s pages in Dutch', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('accounts, audit log and one’s own account', async ({ page }) => {
    const failures: string[] = [];
    for (const [path, title] of [
      ['/admin/users', nl.titles.users],
      ['/admin/audit', nl.titles.audit],
      ['/account', nl.titles.account],
      // An error code in the URL: its message is Dutch too.
      ['/account?error=WrongPassword', nl.titles.account],
    ]) {
      await openInDutch(page, path);
      await expect(page, path).toHaveTitle(new RegExp(`^${title}`));
      for (const piece of await englishOn(page)) failures.push(`${path}: ${piece}`);
    }
    expect(failures).toEqual([]);
  });
});

test.describe('signed out, in Dutch', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the sign-in page', async ({ page }) => {
    await openInDutch(page, '/login');
    await expect(page).toHaveTitle(new RegExp(`^${nl.titles.login}`));
    expect(await englishOn(page)).toEqual([]);
    // A refusal carried in the URL, counted in minutes with a plural.
    await openInDutch(page, '/login?error=Throttled');
    await expect(page.locator('.form-error')).toContainText(/Probeer het over \d+ minuten opnieuw/);
    expect(await englishOn(page)).toEqual([]);
  });
});
