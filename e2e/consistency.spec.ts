import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GLOSSARY, GLOSSARY_TERM_IDS } from '../lib/help/glossary';
import { ownSurveyCodebook, ownSurveyFiles, OWN_SURVEY_HEADERS } from '../lib/ingest/testing/ownSurvey';
import type { Codebook } from '../lib/survey/codebook';
import { uploadAs } from './helpers/upload';
import { watchPageErrors } from './helpers/pageErrors';

/**
 * Figures that must agree and words a reader can read (issue 18): the summary's bond comparison is
 * the explorer's, for study G and for an own upload; the planner's guideline figures are the chosen
 * audience's beside the whole study's; no page shows a codebook's raw ids; the glossary at /help
 * holds every term and a "?" beside a term opens and closes its explanation by keyboard.
 */
test.describe.configure({ timeout: 90_000 }); // explorer and planner pages on a shared 2-core machine

const own = ownSurveyCodebook();
let uploadId = '';
async function upload(request: APIRequestContext): Promise<string> {
  if (!uploadId) uploadId = await uploadAs(request, ownSurveyFiles().a.csv, 'Own survey (consistency e2e)', JSON.stringify(own));
  return uploadId;
}

/** "65.0%" / "65,0 %" -> 65 */
const percent = (text: string) => parseFloat(text.replace(/\s/g, '').replace(',', '.'));

async function settled(page: Page) {
  await expect(page.locator('.explore-results')).toHaveAttribute('aria-busy', 'false');
}

/** A row's share in an explorer chart's data table, by its label. */
async function tableShare(page: Page, tableId: string, label: string): Promise<string> {
  // Open (once) the folded table.
  await page.locator(`#${tableId}`).evaluate((details) => ((details as HTMLDetailsElement).open = true));
  const row = page.getByTestId(tableId).locator('tbody tr').filter({ has: page.locator('th', { hasText: label }) });
  return (await row.locator('td').first().innerText()).trim();
}

test.describe('one comparison, one set of numbers', () => {
  test('study G: the bond card, its footnote and the bond takeaway state the explorer’s strong and weak bands', async ({ page }) => {
    await page.goto('/?lang=en');
    const card = page.locator('[data-headline="g-bond"]');
    const line = (await card.getByTestId('headline-comparison').innerText()).trim();
    const match = /^Emotional bond with the brand: Strong \(4-5\) (\d+\.\d%), Weak \(1-2\) (\d+\.\d%): (\d+\.\d) points more$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, strong, weak, diff] = match!;
    await expect(card.getByTestId('headline-figure')).toHaveText(new RegExp(`^\\+${diff.replace('.', '\\.')}\\s*points$`));
    await expect(card.locator('.footnote-text')).toContainText(`Strong (4-5) ${strong} (n = `);
    await expect(card.locator('.footnote-text')).toContainText(`against Weak (1-2) ${weak} (n = `);
    const takeaway = page.locator('[data-takeaway="bond"]');
    await expect(takeaway).toContainText(`+${diff} pts`);
    await expect(takeaway).toContainText(`Strong (4-5) ${strong} against Weak (1-2) ${weak}`);
    // The difference is the two shares' difference, to the rounding of what is shown.
    expect(Math.abs(percent(strong) - percent(weak) - parseFloat(diff))).toBeLessThanOrEqual(0.1 + 1e-9);

    const href = (await card.getByRole('link', { name: /See the chart/ }).getAttribute('href'))!;
    expect(href).toBe('/explore?dataset=study-g&view=bond');
    await page.goto(href);
    await settled(page);
    expect(await tableShare(page, 'bond-bond-table', 'Strong (4-5)')).toBe(strong);
    expect(await tableShare(page, 'bond-bond-table', 'Weak (1-2)')).toBe(weak);
  });

  test('an own upload with a brand bond: the bond card states the explorer’s groups view; without a bond there is no card', async ({ page, request }) => {
    const id = await upload(request);
    await page.goto(`/?dataset=${id}&lang=en`);
    const card = page.locator('[data-headline="bond"]');
    const line = (await card.getByTestId('headline-comparison').innerText()).trim();
    const match = /^Brand bond: Strong \(4-5\) (\d+\.\d%), Weak \(1-2\) (\d+\.\d%): (\d+\.\d) points more$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, strong, weak, diff] = match!;
    await expect(card.getByTestId('headline-figure')).toHaveText(new RegExp(`^\\+${diff.replace('.', '\\.')}\\s*points$`));
    await expect(card).toContainText('more positive answers on “Scenario” when brand bond is strong (4-5) than when it is weak (1-2)');
    const takeaway = page.locator('[data-takeaway="brand_bond"]');
    await expect(takeaway).toContainText(`+${diff} pts`);
    await expect(takeaway).toContainText(`Strong (4-5) ${strong} against Weak (1-2) ${weak}`);

    const href = (await card.getByRole('link', { name: /See the chart/ }).getAttribute('href'))!;
    expect(href).toBe(`/explore?dataset=${id}&view=groups&family=scenario&by=brand_bond`);
    await page.goto(href);
    await settled(page);
    expect(await tableShare(page, 'groups-table', 'Strong (4-5)')).toBe(strong);
    expect(await tableShare(page, 'groups-table', 'Weak (1-2)')).toBe(weak);

    // The same survey without its bond column: no bond card, and nothing said about one.
    const noBond: Codebook = { ...own, attributes: own.attributes.filter((a) => a.id !== 'brand_bond') };
    const other = await uploadAs(request, ownSurveyFiles().a.csv, 'Own survey without bond (consistency e2e)', JSON.stringify(noBond));
    await page.goto(`/?dataset=${other}&lang=en`);
    await expect(page.locator('[data-headline]')).toHaveCount(4);
    await expect(page.locator('[data-headline="bond"], [data-omitted="bond"]')).toHaveCount(0);
  });
});

test.describe('the planner’s guidelines', () => {
  /** Every guideline's figures: row label -> [audience, whole] texts ("57.9% n = 199"). */
  async function guidelineFigures(page: Page) {
    const figures = new Map<string, string[]>();
    for (const row of await page.locator('[data-guideline] table.evidence tbody tr').all()) {
      const guideline = await row.locator('xpath=ancestor::li[@data-guideline]').getAttribute('data-guideline');
      const label = (await row.locator('th').innerText()).trim();
      figures.set(`${guideline}: ${label}`, (await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()));
    }
    return figures;
  }

  test('quote the chosen audience’s figure and base beside the whole study’s, and change with the audience', async ({ page }) => {
    await page.goto('/planner?lang=en');
    // No audience: one column, the whole study; and no "▲ 0.0 points above everyone".
    const whole = await guidelineFigures(page);
    expect(whole.size).toBeGreaterThanOrEqual(9);
    for (const cells of whole.values()) expect(cells).toHaveLength(1);
    await expect(page.locator('main')).not.toContainText(/[▲▼] 0[.,]0/);

    const audiences = ['gender=M&age_band=50%2B', 'gender=F&age_band=18-34&young_children=yes'];
    const seen: Map<string, string[]>[] = [];
    for (const audience of audiences) {
      await page.goto(`/planner?${audience}&lang=en`);
      await expect(page.locator('[data-guideline] thead')).toContainText(['This audience', 'This audience', 'This audience', 'This audience', 'This audience']);
      const figures = await guidelineFigures(page);
      // Guideline 1 names the data type this audience most often calls "not OK": its row may differ.
      const contextual = (keys: Iterable<string>) => [...keys].filter((k) => !k.startsWith('firstDate:')).sort();
      expect(contextual(figures.keys())).toEqual(contextual(whole.keys()));
      expect([...figures.keys()].filter((k) => k.startsWith('firstDate:'))).toHaveLength(1);
      for (const [key, [mine, all]] of figures) {
        // The whole study beside it is the whole study's, whatever the audience.
        if (whole.has(key)) expect(all, key).toBe(whole.get(key)![0]);
        expect(mine, key).toMatch(/^\d+\.\d% n = [\d,]+$/);
        expect(mine, key).not.toBe(all);
      }
      seen.push(figures);
    }
    // Guidelines 2-5 (and 1): another audience, other figures.
    for (const key of seen[0].keys()) if (seen[1].has(key)) expect(seen[1].get(key)![0], key).not.toBe(seen[0].get(key)![0]);
  });

  test('under the minimum base an audience’s figure is greyed with its base and the reason, never an interval', async ({ page }) => {
    await page.goto('/planner?lang=en&country=SE&gender=M&age_band=50%2B&young_children=yes&bond=strong&trust=high');
    const small = page.locator('[data-guideline] td.small-base');
    expect(await small.count()).toBeGreaterThan(0);
    // The share with its base and the reason, and nothing else: no interval, no mark.
    for (const cell of await small.all()) expect((await cell.innerText()).replace(/\s+/g, ' ').trim()).toMatch(/^\d+\.\d% n = \d+, below 30$/);
  });
});

/** Codes a reader must never see: ids of items and attributes, and level codes that are not their labels. */
function rawIds(codebook: Codebook): string[] {
  const ids = [...codebook.items.map((it) => it.id), ...codebook.attributes.map((a) => a.id).filter((id) => /[_\d]/.test(id))];
  return [...new Set(ids)];
}
const reference = (id: string): Codebook => JSON.parse(readFileSync(path.join(process.cwd(), 'data', `${id}.codebook.json`), 'utf8')) as Codebook;
const G = reference('study-g');
const P = reference('study-p');
/**
 * Patterns only codes make: snake_case ids, the tier code, keys joined with " | ", a lone gender
 * code ("M, 50+"). Country codes are left out: "SE" is also a standard error, and an analyst may
 * name an upload "survey NL DE UK".
 */
const CODE_PATTERNS = [/\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/, /\bnogo\b/, / \| /, /(^|[\s:(,])[FM](?=[\s,):|]|$)/m];

async function visibleText(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  if (url.startsWith('/explore')) await settled(page);
  // Folded tables count: a reader opens them.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  return page.locator('main').innerText();
}

async function expectNoCodes(page: Page, url: string, codes: string[], patterns = CODE_PATTERNS) {
  const text = await visibleText(page, url);
  for (const code of codes) expect(text.includes(code), `${url} shows the code "${code}"`).toBe(false);
  for (const pattern of patterns) {
    const found = pattern.exec(text);
    expect(found, `${url} shows "${found?.[0]}" near “${found ? text.slice(Math.max(0, found.index - 40), found.index + 40) : ''}”`).toBeNull();
  }
}

test.describe('labels, not codes', () => {
  test.describe.configure({ timeout: 240_000 }); // some forty page loads on a shared machine

  for (const lang of ['en', 'nl'] as const) {
    test(`study G and study P pages show no raw ids (${lang})`, async ({ page }) => {
      const errors = await watchPageErrors(page);
      const q = `lang=${lang}`;
      const gCodes = rawIds(G);
      const pCodes = rawIds(P);
      for (const view of ['datatypes', 'context', 'bond', 'segments', 'items', 'answers', 'groups']) await expectNoCodes(page, `/explore?view=${view}&${q}`, gCodes);
      await expectNoCodes(page, `/?${q}`, gCodes);
      await expectNoCodes(page, `/findings?${q}`, [...gCodes, ...pCodes]);
      await expectNoCodes(page, `/planner?gender=M&age_band=50%2B&${q}`, [...gCodes, ...pCodes]);
      await expectNoCodes(page, `/planner?dataset=study-p&gender=M&age_band=50%2B&wave=2018&${q}`, pCodes);
      await expectNoCodes(page, `/?dataset=study-p&${q}`, pCodes);
      await expectNoCodes(page, `/explore?dataset=study-p&view=tactics&${q}`, pCodes);
      await expectNoCodes(page, `/compare?${q}`, pCodes);
      // Tables name their columns with letters (A, B, ... F, M): the letters are not codes there.
      const noLetters = CODE_PATTERNS.filter((p) => !p.source.includes('[FM]'));
      await expectNoCodes(page, `/tables?${q}`, gCodes, noLetters);
      await expectNoCodes(page, `/tables?dataset=study-p&${q}`, pCodes, noLetters);
      expect(errors.console).toEqual([]);
    });
  }

  test('an own upload’s pages show no raw ids or column names, in both languages', async ({ page, request }) => {
    const id = await upload(request);
    const codes = [...rawIds(own), ...OWN_SURVEY_HEADERS.a.filter((h) => /_/.test(h))];
    const noLetters = CODE_PATTERNS.filter((p) => !p.source.includes('[FM]'));
    for (const lang of ['en', 'nl']) {
      const q = `dataset=${id}&lang=${lang}`;
      await expectNoCodes(page, `/?${q}`, codes);
      for (const view of ['items', 'answers', 'groups']) await expectNoCodes(page, `/explore?${q}&view=${view}`, codes);
      await expectNoCodes(page, `/explore?${q}&view=items&family=scenario&cross=brand_bond`, codes);
      await expectNoCodes(page, `/findings?${q}`, codes);
      await expectNoCodes(page, `/planner?${q}&gender=Female&brand_bond=strong`, codes);
      await expectNoCodes(page, `/benchmark?${q}`, codes);
      await expectNoCodes(page, `/compare?${q}`, codes);
      await expectNoCodes(page, `/tables?${q}`, codes, noLetters);
    }
  });
});

test.describe('the glossary', () => {
  test('/help holds every term, with an anchor each, in both languages; the header links to it', async ({ page }) => {
    for (const lang of ['en', 'nl'] as const) {
      await page.goto(`/help?lang=${lang}`);
      for (const id of GLOSSARY_TERM_IDS) {
        const entry = page.locator(`section#${id}`);
        await expect(entry.getByRole('heading', { level: 2 })).toHaveText(GLOSSARY[id].term[lang]);
        await expect(entry).toContainText(GLOSSARY[id].short[lang]);
        await expect(page.locator(`.help-contents a[href="#${id}"]`)).toHaveCount(1);
      }
    }
    await page.goto('/?lang=en');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help' })).toHaveAttribute('href', '/help');
    await page.goto('/?lang=nl');
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Hulp' })).toHaveAttribute('href', '/help?lang=nl');
  });

  for (const width of [1366, 390]) {
    test(`a “?” opens its explanation in place and closes by keyboard (${width} px)`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/?lang=nl');
      const button = page.locator('.summary-methods .help-button[data-help-term="t-test"]');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(button).toHaveAccessibleName('Wat is “Designgebaseerde t-toets”?');
      const note = page.locator(`#${(await button.getAttribute('aria-controls'))!.replace(/:/g, '\\:')}`);
      await expect(note).toBeHidden();

      await button.focus();
      await page.keyboard.press('Enter');
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(note).toBeVisible();
      await expect(note).toContainText(GLOSSARY['t-test'].short.nl);
      await expect(note.getByRole('link', { name: 'Meer in de woordenlijst' })).toHaveAttribute('href', '/help?lang=nl#t-test');
      // Inside the window, on a phone too.
      const box = (await note.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `e2e/screenshots/help-term-${width}.png` });

      await page.keyboard.press('Escape');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(note).toBeHidden();
      await expect(button).toBeFocused();
      // Space opens it too; a click elsewhere closes it.
      await page.keyboard.press(' ');
      await expect(note).toBeVisible();
      await page.locator('h1').click();
      await expect(note).toBeHidden();

      // Its link leads to the term on /help.
      await button.click();
      await note.getByRole('link').click();
      await expect(page).toHaveURL(/\/help\?lang=nl#t-test$/);
      await expect(page.locator('section#t-test')).toBeInViewport();
      await page.screenshot({ path: `e2e/screenshots/help-${width}.png`, fullPage: true });
    });
  }
});
