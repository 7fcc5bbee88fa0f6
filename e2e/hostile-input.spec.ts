import { expect, test, type Page } from '@playwright/test';
import { watchPageErrors } from './helpers/pageErrors';
import { studyGCodebook, studyGCsv } from './helpers/studyCsv';
import { uploadAs } from './helpers/upload';

/**
 * Hostile input, from the outside: a dataset whose column name, codebook labels and name are
 * markup shows that markup as text on every page (no element made of it, no dialog), and hostile
 * values in every page's query string give the page (200), never an error.
 */
const HOSTILE = '<img src=x onerror=alert(1)>';

function hostileDataset(): { csv: string; codebook: string } {
  // The gender column is renamed to the hostile text; its attribute and one country are labelled with it.
  const csv = studyGCsv(400, (names) => names.map((n) => (n === 'gender' ? HOSTILE : n)));
  const codebook = studyGCodebook();
  codebook.synthetic = false;
  const gender = codebook.attributes.find((a) => a.id === 'gender')!;
  gender.column = HOSTILE;
  gender.label = { en: HOSTILE, nl: HOSTILE };
  const country = codebook.attributes.find((a) => a.id === 'country')!;
  country.codes!.find((c) => c.code === 'NL')!.label = { en: HOSTILE, nl: HOSTILE };
  return { csv, codebook: JSON.stringify(codebook) };
}

/** The hostile text is on the page as text, no element came of it, and no dialog opened. */
async function shownAsText(page: Page, dialogs: string[]) {
  // In the page's text (a heading, a cell, a chart label or a dataset switch's option).
  await expect(page.locator('main')).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate('document.querySelectorAll("img[onerror], [onerror]").length')).toBe(0);
  expect(dialogs).toEqual([]);
}

test.describe('a column, labels and a name that are markup', () => {
  let id = '';
  test.beforeAll(async ({ request }) => {
    const { csv, codebook } = hostileDataset();
    id = await uploadAs(request, csv, HOSTILE, codebook);
  });

  test('show as text on /datasets, in the mapping screen, /explore and /benchmark', async ({ page }) => {
    test.setTimeout(90_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors = await watchPageErrors(page);

    await page.goto('/datasets?lang=en');
    await expect(page.locator(`tr[data-dataset="${id}"]`)).toContainText(HOSTILE);
    await shownAsText(page, dialogs);

    // The same CSV without its codebook gets the mapping screen, the column named as it is.
    await page.waitForLoadState('networkidle');
    await page.getByLabel('CSV file').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostileDataset().csv) });
    const mapping = page.getByTestId('mapping-screen');
    await expect(mapping).toBeVisible();
    await expect(mapping.locator('th code').filter({ hasText: HOSTILE })).toHaveCount(1);
    await shownAsText(page, dialogs);

    for (const url of [`/explore?dataset=${id}&view=segments&lang=en`, `/explore?dataset=${id}&view=datatypes&lang=nl`, `/benchmark?dataset=${id}&by=gender&lang=en`, `/?dataset=${id}&lang=en`]) {
      await page.goto(url);
      await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
      await shownAsText(page, dialogs);
      // Not only in a dataset switch's option: a label the reader sees (a filter, a table, a chart
      // axis). The summary's headlines name neither gender nor the Netherlands: there it is the switch.
      if (!url.startsWith('/?')) await expect(page.locator('main').getByText(HOSTILE).locator('visible=true').first(), url).toBeVisible();
    }
    expect(await errors.violations()).toEqual([]);
    expect(errors.console).toEqual([]);
  });
});

/** Every page's query parameters, and the ones pages read that vary by dataset (filters, planner attributes). */
const PAGES = ['/', '/explore', '/planner', '/findings', '/datasets', '/benchmark', '/compare', '/tables'];
const PARAMS = ['dataset', 'lang', 'view', 'dim', 'cross', 'minBase', 'country', 'gender', 'age_band', 'bond', 'trust', 'situation', 'place', 'industry', 'against', 'family', 'by', 'mode', 'with', 'a', 'b', 'confirm', 'error', 'deleted', 'rows', 'items', 'banner', 'nestOuter', 'nestInner', 'filter', 'weight', 'alpha', 'correction', 'small', 'from', '__proto__', 'constructor'];
const VALUES = ['__proto__', 'constructor', '\u0000\u0007\r\n', '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '../../etc/passwd', '-1e309', ''];

test.describe('hostile query strings on every page', () => {
  test('each value in every parameter, repeated parameters and bytes that are not UTF-8: 200, no error page', async ({ request }) => {
    test.setTimeout(240_000);
    const failures: string[] = [];
    const check = async (url: string) => {
      const response = await request.get(url, { maxRedirects: 0 });
      const body = await response.text();
      if (response.status() !== 200 || /Internal Server Error|Application error/.test(body)) failures.push(`${response.status()} ${url.slice(0, 200)}`);
    };
    for (const path of PAGES) {
      for (const value of VALUES) {
        const v = encodeURIComponent(value);
        // The dataset alone (an unknown dataset is the page's own card), then everything else with a valid dataset.
        await check(`${path}?dataset=${v}`);
        await check(`${path}?${PARAMS.filter((p) => p !== 'dataset').map((p) => `${p}=${v}`).join('&')}`);
      }
      // Array-valued: every parameter twice, with different values.
      await check(`${path}?${PARAMS.map((p) => `${p}=a&${p}=b`).join('&')}`);
      // Percent-encodings that are not UTF-8, and a 10,000-character value in the parameters that choose.
      await check(`${path}?dataset=%FF%FE&view=%E0%A4%A&country=%C0%AF`);
      for (const p of ['dataset', 'view', 'country', 'by', 'lang']) await check(`${path}?${p}=${'x'.repeat(10_000)}`);
    }
    expect(failures).toEqual([]);
  });

  test('the pages hydrate on hostile values without a client-side error', async ({ page }) => {
    test.setTimeout(180_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors = await watchPageErrors(page);
    for (const path of PAGES)
      for (const value of ['__proto__', '<img src=x onerror=alert(1)>', '\u0000\r\n']) {
        const v = encodeURIComponent(value);
        await page.goto(`${path}?${PARAMS.filter((p) => p !== 'dataset' && p !== 'lang').map((p) => `${p}=${v}`).join('&')}&lang=en`);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('main[lang=en]')).toBeVisible();
        await expect(page.getByText('Application error')).toHaveCount(0);
      }
    expect(dialogs).toEqual([]);
    expect(errors.console).toEqual([]);
  });
});

test.describe('limits in the upload panel', () => {
  test('a file past the column limit gets a report naming the limit, in Dutch, with no mapping screen', async ({ page }) => {
    await page.goto('/datasets?lang=nl');
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    const wide = `${Array.from({ length: 1001 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 1001 }, () => '1').join(',')}\n`;
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(wide) });
    const problem = page.locator('tr[data-code="TooManyColumns"]');
    await expect(problem).toContainText('Het bestand heeft 1.001 kolommen; de limiet is 1.000.');
    await expect(page.getByTestId('mapping-screen')).toHaveCount(0);
    await expect(page.getByTestId('store-button')).toBeDisabled();
  });
});
