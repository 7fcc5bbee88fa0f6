import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ownSurveyCodebook, ownSurveyFiles } from '../lib/ingest/testing/ownSurvey';
import { readWorkbook } from '../lib/tables/testing/readWorkbook';
import { uploadAs } from './helpers/upload';
import { watchPageErrors } from './helpers/pageErrors';
import { storageStatePath } from './support/paths';

/**
 * /tables: banner tables with column letters. The letters on the page are the letters in the
 * downloaded workbook, cell by cell; the page works from the keyboard, in Dutch, on a 390 px phone
 * (the table scrolls in its own box, not the page), for every role and on an upload that matches
 * no template.
 */

/** The page's table as the reader sees it: per question row, each column's letters. */
async function pageLetters(page: Page): Promise<{ label: string; letters: string[] }[]> {
  return page.locator('tr.value-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: (row.querySelector('th')?.textContent ?? '').trim(),
      letters: [...row.querySelectorAll('td[data-testid="cell"]')].map((td) => td.getAttribute('data-letters') ?? ''),
    })),
  );
}

async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test.describe('/tables', () => {
  test.describe.configure({ timeout: 120_000 });

  test('study G: a banner table with letters, the same letters in the downloaded workbook and tab book', async ({ page }) => {
    const errors = await watchPageErrors(page);
    const response = await page.goto('/tables?dataset=study-g&rows=family:dataType&banner=country&banner=gender&banner=gender>age_band');
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('synthetic-notice')).toBeVisible();
    const table = page.getByTestId('banner-table');
    await expect(table.locator('thead')).toContainText('Netherlands (A)');
    await expect(table.locator('thead')).toContainText('Gender × Age');
    const shown = await pageLetters(page);
    expect(shown).toHaveLength(17);
    expect(shown.flatMap((r) => r.letters).join('')).toMatch(/[A-Za-z]/);

    const xlsx = await download(page, 'download-xlsx');
    expect(xlsx.name).toBe('table-study-g-datatype.xlsx');
    const { tables } = await readWorkbook(xlsx.bytes);
    const sheet = tables[0];
    expect(sheet.columns.map((c) => c.letter)).toEqual(['', ...'ABCDEFGHIJKL'.split('')]);
    const fromBook = sheet.rows.filter((r) => !['Base (n)', 'Weighted base', 'Effective base', 'n'].includes(r.label));
    expect(fromBook.map((r) => r.label)).toEqual(shown.map((r) => r.label));
    expect(fromBook.map((r) => r.letters)).toEqual(shown.map((r) => r.letters));

    // The tab book: every family by the same banner, its first table the one on the page.
    const book = await download(page, 'download-book');
    expect(book.name).toBe('tab-book-study-g.xlsx');
    const read = await readWorkbook(book.bytes);
    expect(read.book.worksheets.map((s) => s.name)).toEqual(['Contents', '1 Personal data a brand may act', '2 Automated services in scenari', 'Methods']);
    expect(read.tables[0].rows.filter((r) => r.label !== 'n').slice(3).map((r) => r.letters)).toEqual(shown.map((r) => r.letters));

    const csv = await download(page, 'download-csv');
    expect(csv.bytes.toString('utf8')).toContain('Country: Netherlands (A) %');
    const pptx = await download(page, 'download-pptx');
    expect(pptx.name).toBe('table-study-g-datatype.pptx');
    expect(errors.console).toEqual([]);
    expect(await errors.violations()).toEqual([]);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('the form from the keyboard: the answers of one question with NETs, a nested banner, the URL holding it all', async ({ page }) => {
    await page.goto('/tables?dataset=study-g');
    await page.getByLabel('Rows').focus();
    await page.getByLabel('Rows').selectOption({ label: 'Answers: Address' });
    await page.getByLabel('Country', { exact: true }).first().focus();
    await page.keyboard.press('Space'); // untick Country
    await page.getByLabel('Nest').selectOption({ label: 'Gender' });
    await page.getByLabel('within each group by').selectOption({ label: 'Age' });
    await page.getByRole('button', { name: 'Show the table' }).focus();
    await Promise.all([page.waitForURL(/rows=answers%3Adt_address/), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('banner')).not.toContain('country');
    expect(url.searchParams.get('nestOuter')).toBe('gender');
    const rows = page.locator('tr.value-row th');
    await expect(rows).toHaveText(['OK', 'Depends', 'Not OK']);
    await expect(page.getByTestId('banner-table').locator('thead')).toContainText('Women');
    // Reloading the URL gives the same table.
    const before = await pageLetters(page);
    await page.reload();
    expect(await pageLetters(page)).toEqual(before);
    // The scroll box takes focus, so arrow keys scroll it.
    await page.getByTestId('table-scroll').focus();
    await expect(page.getByTestId('table-scroll')).toBeFocused();
  });

  test('study P in Dutch on a 390 px phone: the table scrolls in its own box, not the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tables?dataset=study-p&lang=nl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tabellen');
    await expect(page.getByTestId('banner-table').locator('thead')).toContainText('Totaal');
    await expect(page.getByTestId('table-context')).toContainText('Meting: 2018');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const box = await page.getByTestId('table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    // On a phone the links sit behind the Menu button: read the link itself, shown or not.
    await expect(page.locator('header.site-header nav a', { hasText: 'Tabellen' })).toHaveAttribute('aria-current', 'page');
  });

  test('suppressed small cells are a dash, on the page and in the workbook', async ({ page }) => {
    await page.goto('/tables?dataset=study-g&rows=family:dataType&banner=country&filter=gender:F&filter=age_band:50%2B&minBase=300&small=suppress');
    const cells = page.locator('td.is-small');
    await expect(cells.first()).toHaveText(/–/);
    const { tables } = await readWorkbook((await download(page, 'download-xlsx')).bytes);
    const dashes = tables[0].rows.flatMap((r) => r.values).filter((v) => v === '–').length;
    expect(dashes).toBe(await cells.count());
  });

  test('the options through the form: filter, weight, minimum base, levels and no correction reach the page, the footnote, the JSON and the workbook', async ({ page, request }) => {
    await page.goto('/tables?dataset=study-g&rows=family:dataType&banner=country&banner=age_band');
    await page.locator('.tables-more summary').click();
    await page.locator('#tbl-filter-gender').selectOption({ label: 'Women' });
    await page.getByLabel('Weight', { exact: true }).selectOption({ label: 'Unweighted' });
    await page.getByLabel('Significance', { exact: true }).selectOption('0.1,0.05');
    await page.getByLabel('Correction', { exact: true }).selectOption({ label: 'none' });
    await page.getByLabel('Minimum base', { exact: true }).selectOption('50');
    await page.getByLabel('Cells under the minimum base', { exact: true }).selectOption({ label: 'grey, no letters' });
    await Promise.all([page.waitForURL(/correction=none/), page.getByRole('button', { name: 'Show the table' }).click()]);
    // The form sends every filter select, the ones left at Everyone empty.
    const url = new URL(page.url());
    expect([url.searchParams.getAll('filter').filter(Boolean), url.searchParams.get('weight'), url.searchParams.get('alpha'), url.searchParams.get('minBase')]).toEqual([['gender:F'], 'unweighted', '0.1,0.05', '50']);
    // The form stays open and shows the choices it made.
    await expect(page.locator('.tables-more')).toHaveAttribute('open', '');
    await expect(page.getByLabel('Weight', { exact: true })).toHaveValue('unweighted');
    const footnote = page.getByTestId('table-footnote');
    for (const line of ['Respondents: Gender: Women.', 'Weight: unweighted.', 'upper case p < 0.05, lower case p < 0.10', 'No correction for multiple comparisons', 'fewer than 50 respondents are greyed'])
      await expect(footnote).toContainText(line);

    // The letters on the page follow from the JSON's pairs: p < 0.10 uncorrected gives a lower-case letter, p < 0.05 an upper-case one.
    const href = (await page.getByTestId('download-xlsx').getAttribute('href'))!;
    const json = await (await request.get(href.replace('format=xlsx', 'format=json'))).json();
    expect([json.weight, json.alpha, json.correction, json.min_base]).toEqual([{ id: 'unweighted', kind: 'unweighted', label: { en: 'Unweighted', nl: 'Ongewogen' }, calibrated: false }, [0.1, 0.05], 'none', 50]);
    const columnOf = (banner: string, code: string) => json.columns.findIndex((c: { key: Record<string, string> }) => c.key[banner] === code);
    const expected = new Map<string, { column: number; letter: string }[]>();
    for (const pair of json.pairs) {
      if (pair.p_adjusted === null) continue;
      expect(pair.p_adjusted).toBe(pair.p);
      if (pair.p >= 0.1) continue;
      const [a, b] = [columnOf(pair.banner, pair.a), columnOf(pair.banner, pair.b)];
      const [winner, loser] = pair.diff > 0 ? [a, b] : [b, a];
      const letter = json.columns[loser].letter;
      const key = `${pair.row}|${winner}`;
      expected.set(key, [...(expected.get(key) ?? []), { column: loser, letter: pair.p < 0.05 ? letter : letter.toLowerCase() }]);
    }
    const shown = await pageLetters(page);
    const rowIds: string[] = json.rows.map((r: { id: string }) => r.id);
    const fromPairs = rowIds.map((row) =>
      json.columns.map((_: unknown, c: number) =>
        (expected.get(`${row}|${c}`) ?? [])
          .sort((x, y) => x.column - y.column)
          .map((m) => m.letter)
          .join(''),
      ),
    );
    expect(shown.map((r) => r.letters)).toEqual(fromPairs);
    expect(fromPairs.flat().join('')).toMatch(/[a-z]/);

    // The workbook: the same letters, and a methods sheet that says what was chosen.
    const { book, tables } = await readWorkbook((await download(page, 'download-xlsx')).bytes);
    expect(tables[0].rows.filter((r) => r.label !== 'n').slice(3).map((r) => r.letters)).toEqual(shown.map((r) => r.letters));
    const methods = book.getWorksheet('Methods')!;
    const how = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(methods.getCell(4 + i, 1).value), String(methods.getCell(4 + i, 2).value)]));
    expect([how.Weight, how.Respondents, how['Confidence levels']]).toEqual(['unweighted', 'Respondents: Gender: Women.', '90% and 95% (p < 0.10 and 0.05)']);
    expect(how.Correction).toMatch(/^No correction/);
    expect(how['Minimum base']).toMatch(/fewer than 50 respondents/);
  });

  test('every role and a visitor may read it', async ({ browser }) => {
    for (const state of [storageStatePath('strategist'), storageStatePath('executive'), { cookies: [], origins: [] }]) {
      const context = await browser.newContext({ storageState: state });
      const page = await context.newPage();
      const response = await page.goto('/tables?dataset=study-p');
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId('banner-table')).toBeVisible();
      await context.close();
    }
  });

  test('an upload that matches no template: labels, never codes, and a workbook with the same letters', async ({ page, request }) => {
    const files = ownSurveyFiles();
    const id = await uploadAs(request, files.a.csv, 'Own survey tables (e2e)', JSON.stringify(ownSurveyCodebook()));
    const errors = await watchPageErrors(page);
    await page.goto(`/tables?dataset=${id}&rows=answers:acceptability_location&banner=country&banner=gender&filter=education:Bachelor%20degree`);
    await expect(page.getByTestId('tables-problem')).toHaveCount(0);
    const table = page.getByTestId('banner-table');
    await expect(table.locator('tr.value-row th')).toHaveText(['Very acceptable', 'Somewhat acceptable', 'Neither acceptable nor unacceptable', 'Somewhat unacceptable', 'Not acceptable at all', 'Top 2 box (Very acceptable + Somewhat acceptable)', 'Bottom 2 box (Somewhat unacceptable + Not acceptable at all)']);
    await expect(page.getByTestId('table-context')).toContainText('Education: Bachelor degree');
    const { tables } = await readWorkbook((await download(page, 'download-xlsx')).bytes);
    expect(tables[0].rows.slice(3).map((r) => r.letters)).toEqual((await pageLetters(page)).map((r) => r.letters));
    await page.goto(`/tables?dataset=${id}&lang=nl`);
    await expect(table).toBeVisible();
    expect(errors.console).toEqual([]);
  });
});
