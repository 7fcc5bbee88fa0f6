import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { drawCharts } from './helpers/charts';

/** Every claim value the summary shows, as printed: claim id -> texts. */
async function claimValues(page: Page): Promise<Map<string, string[]>> {
  const values = new Map<string, string[]>();
  // recharts draws the bars in the browser, after hydration: wait for the first value.
  await expect(page.locator('.bar-value[data-claim]').first()).toBeVisible();
  for (const el of await page.locator('.bar-value[data-claim]').all()) {
    const id = (await el.getAttribute('data-claim'))!;
    values.set(id, [...(values.get(id) ?? []), (await el.textContent())!.trim()]);
  }
  return values;
}

/** The big figures of the headline cards ("46%", "+35.6", "64–70%"), without their unit. */
async function headlineFigures(page: Page): Promise<string[]> {
  const texts = await page.getByTestId('headline-figure').allInnerTexts();
  return texts.map((t) => t.trim().split(/\s+/)[0]);
}

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const result = await parser.getText();
  await parser.destroy();
  return { text: result.text, pages: result.total };
}

test.describe('/ the executive summary', () => {
  for (const dataset of ['study-g', 'study-p']) {
    test(`shows the same numbers as /findings (${dataset})`, async ({ page }) => {
      await page.goto(dataset === 'study-g' ? '/' : `/?dataset=${dataset}`);
      await expect(page.getByTestId('synthetic-notice')).toBeVisible();
      const cards = page.locator('[data-headline]');
      const count = await cards.count();
      expect(count).toBeGreaterThanOrEqual(4);
      expect(count).toBeLessThanOrEqual(6);
      await expect(page.locator('.takeaway-list > li')).toHaveCount(3);
      const shown = await claimValues(page);
      expect(shown.size).toBeGreaterThanOrEqual(2);
      // Share headlines: the big whole-percent figure is the claim's figure, rounded.
      const bigFigures = new Map<string, string>();
      for (const card of await cards.all()) {
        const first = (await card.getAttribute('data-claims'))!.split(' ')[0];
        const figure = (await card.getByTestId('headline-figure').innerText()).trim();
        if (/^\d+%$/.test(figure)) bigFigures.set(first, figure);
      }
      await page.goto('/findings');
      for (const [id, texts] of shown) {
        const computed = (await page.locator(`tr[data-claim="${id}"]`).getByTestId('computed').innerText()).trim();
        for (const text of texts) expect(text, `claim ${id}`).toBe(computed);
      }
      for (const [id, figure] of bigFigures) {
        const computed = (await page.locator(`tr[data-claim="${id}"]`).getByTestId('computed').innerText()).trim();
        if (!/^\d+\.\d%$/.test(computed)) continue; // an ordering claim (G12) has no single share to compare
        expect(`${Math.round(parseFloat(computed))}%`, `claim ${id}`).toBe(figure);
      }
    });
  }

  test('reads well in English, links each headline to its chart, and is screenshotted', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Google/Ipsos');
    const bond = page.locator('[data-headline="g-bond"]');
    // One comparison, strongest against weakest bond, in the figure and in words.
    await expect(bond.getByTestId('headline-figure')).toHaveText(/^\+35\.6\s*points$/);
    await expect(bond.getByTestId('headline-comparison')).toHaveText('Emotional bond with the brand: Strong (4-5) 65.0%, Weak (1-2) 29.4%: 35.6 points more');
    await expect(bond.getByRole('link', { name: /See the chart/ })).toHaveAttribute('href', '/explore?dataset=study-g&view=bond');
    await expect(page.locator('.bar-value').first()).toHaveText(/^\d+\.\d%$/);
    await page.setViewportSize({ width: 1280, height: 900 });
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/summary.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/summary-phone.png', fullPage: true });
  });

  test('switches to Dutch labels and decimal commas, keeping the dataset', async ({ page }) => {
    await page.goto('/?dataset=study-p');
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await expect(page).toHaveURL(/\/\?dataset=study-p&lang=nl$/);
    await expect(page.locator('.eyebrow')).toHaveText('Managementsamenvatting');
    await expect(page.locator('.so-what strong').first()).toHaveText(/Wat betekent dit/);
    await expect(page.getByRole('heading', { name: 'Belangrijkste conclusies' })).toBeVisible();
    await expect(page.getByTestId('synthetic-notice')).toContainText('synthetische respondenten');
    for (const value of await page.locator('.bar-value').allTextContents()) expect(value.trim()).toMatch(/^\d+,\d%$/);
    await expect(page.locator('[data-headline="p-left"] .card-foot')).toContainText('8.000 respondenten');
    await expect(page.getByRole('link', { name: 'PDF downloaden' })).toHaveAttribute('href', '/api/summary/pdf?dataset=study-p&lang=nl');
    await page.goto('/?lang=nl');
    await page.setViewportSize({ width: 1280, height: 900 });
    await drawCharts(page);
    await page.screenshot({ path: 'e2e/screenshots/summary-nl.png', fullPage: true });
  });

  test('switches dataset with the form, at once', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Dataset').selectOption('study-p');
    await expect(page).toHaveURL(/dataset=study-p/);
    await expect(page.locator('[data-headline="p-left"]').getByTestId('headline-figure')).toHaveText('48%');
  });

  test('says so when the dataset does not exist', async ({ page, request }) => {
    await page.goto('/?dataset=00000000-0000-4000-8000-000000000000');
    await expect(page.getByTestId('summary-error')).toContainText('there is no dataset');
    const response = await request.get('/api/summary/pdf?dataset=nope');
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe('BadId');
  });

  test('downloads a PDF whose text holds every headline number', async ({ page }) => {
    for (const lang of ['en', 'nl']) {
      await page.goto(lang === 'nl' ? '/?lang=nl' : '/');
      const figures = await headlineFigures(page);
      const downloading = page.waitForEvent('download');
      await page.getByTestId('download-pdf').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`executive-summary-study-g-${lang}.pdf`);
      const bytes = readFileSync((await download.path())!);
      const { text } = await pdfText(bytes);
      for (const figure of figures) expect(text, `figure ${figure}`).toContain(figure);
      for (const value of await page.locator('[data-headline="g-acceptance"] .bar-value').allTextContents()) expect(text).toContain(value.trim());
      expect(text).toContain(lang === 'nl' ? 'Synthetische data' : 'Synthetic data');
    }
    const response = await page.request.get('/api/summary/pdf?dataset=study-p');
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toBe('attachment; filename="executive-summary-study-p-en.pdf"');
  });

  test('downloads a deck with a title slide, one slide per headline and a methods slide', async ({ page }) => {
    for (const dataset of ['study-g', 'study-p']) {
      await page.goto(`/?dataset=${dataset}&lang=nl`);
      const headlines = await page.locator('[data-headline]').count();
      const figures = await headlineFigures(page);
      const response = await page.request.get((await page.getByTestId('download-pptx').getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-disposition']).toBe(`attachment; filename="executive-summary-${dataset}-nl.pptx"`);
      const zip = await JSZip.loadAsync(await response.body());
      const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      expect(slides.length).toBe(headlines + 2);
      for (const [i, figure] of figures.entries()) {
        const xml = await zip.file(`ppt/slides/slide${i + 2}.xml`)!.async('string');
        expect(xml, `slide ${i + 2}`).toContain(figure);
      }
    }
  });

  test('prints as a clean A4 page', async ({ page }) => {
    await page.goto('/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.dataset-switch')).toBeHidden();
    await expect(page.locator('.summary-actions')).toBeHidden();
    await expect(page.locator('.summary-methods')).toBeVisible();
    // Printing draws every chart, those not yet scrolled to included (their code is loaded then: ChartBox).
    await expect(page.locator('.chart-box[data-drawn="no"]')).toHaveCount(0);
    await expect(page.locator('.summary-chart .recharts-surface')).toHaveCount(6);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync('e2e/screenshots/summary-print.pdf', pdf);
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Methods');
    expect(text).not.toContain('Audience planner');
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '80', 'e2e/screenshots/summary-print.pdf', 'e2e/screenshots/summary-print']);
  });

  test('has no serious or critical accessibility violations', async ({ page }) => {
    test.setTimeout(120_000); // axe on two full pages, on a shared 2-core machine
    for (const url of ['/', '/?dataset=study-p&lang=nl']) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${url} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    }
  });
});
