import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverReady, startOwnServer, stopOwnServer } from './support/ownServer';
import { seedUsers, sessionCookie } from './support/users';

/**
 * Uploading through the /datasets page: the browser checks the file in a worker (progress,
 * cancel), maps it (template or mapping screen), shows the report, and only then sends it.
 * The server stores uploads in the throwaway DATA_DIR of playwright.config.ts; the restart test
 * runs a second server of its own on another port and data folder.
 */

const root = path.join(__dirname, '..');
const lines = readFileSync(path.join(root, 'data', 'study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
const header = lines[0].split(',');
const column = (name: string) => header.indexOf(name);

/** A study-G-shaped CSV of the first `n` reference rows (repeated with fresh ids past 4,000). */
function studyGCsv(n: number, edit: (rows: string[][]) => void = () => {}): string {
  const body = lines.slice(1);
  const idAt = column('respondent_id');
  const rows = Array.from({ length: n }, (_, i) => {
    const r = body[i % body.length].split(',');
    if (i >= body.length) r[idAt] = `${r[idAt]}-${Math.floor(i / body.length)}`;
    return r;
  });
  edit(rows);
  return `${[header.join(','), ...rows.map((r) => r.join(','))].join('\n')}\n`;
}

interface Listing {
  id: string;
  name: string;
  respondents: number;
  reference: boolean;
}

const list = async (request: APIRequestContext): Promise<Listing[]> => {
  const response = await request.get('/api/datasets');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { datasets: Listing[] }).datasets;
};

/** Serious and critical accessibility violations on the page, as readable lines (none expected). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

const choose = (page: Page, name: string, csv: string) => page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });

test.describe('uploading on /datasets', () => {
  test('a template-shaped file is mapped automatically, checked, stored and listed', async ({ page, request }) => {
    const before = await list(request);
    await page.goto('/datasets');
    await expect(page.getByTestId('upload-panel')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/upload-panel.png', fullPage: true });

    await choose(page, 'panel-300.csv', studyGCsv(300));
    await expect(page.getByTestId('codebook-source')).toHaveText(`Matched the study G template: ${header.length} of ${header.length} columns. Its codebook is used.`);
    await expect(page.getByTestId('upload-report')).toBeVisible();
    await expect(page.getByTestId('upload-panel')).toHaveAttribute('data-progress', '100');
    await expect(page.getByTestId('report-summary')).toContainText(`300 rows, ${header.length} columns, UTF-8, comma-separated`);
    await expect(page.getByTestId('report-verdict')).toHaveText('No problems found: the file can be stored.');
    await expect(page.getByLabel('Dataset name')).toHaveValue('panel-300');
    await page.getByLabel('Dataset name').fill('Panel 300');

    await page.getByTestId('store-button').click();
    const stored = page.getByTestId('upload-stored');
    await expect(stored).toContainText('Stored “Panel 300”: 300 respondents. Read with the study G codebook.');
    const href = await stored.getByRole('link', { name: 'Open in the explorer' }).getAttribute('href');
    const id = /dataset=([0-9a-f-]{36})/.exec(href ?? '')?.[1];
    expect(id).toBeTruthy();
    // router.refresh(): the new dataset appears in the list without a reload.
    await expect(page.locator(`tr[data-dataset="${id}"]`)).toContainText('Panel 300');
    await page.screenshot({ path: 'e2e/screenshots/upload-stored.png', fullPage: true });

    const after = await list(request);
    expect(after.length).toBe(before.length + 1);
    expect(after.find((d) => d.id === id)).toMatchObject({ name: 'Panel 300', respondents: 300, reference: false });
  });

  // Needs the explorer's ?dataset= support (another branch): the chart must be the upload's, named on the page.
  test('a stored upload opens in the explorer with its chart', async ({ page, request }) => {
    const response = await request.post('/api/datasets', { multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(studyGCsv(300)) }, name: 'Explorer upload 300' } });
    expect(response.status()).toBe(201);
    const { dataset } = (await response.json()) as { dataset: Listing };
    await page.goto(`/explore?dataset=${dataset.id}`);
    await expect(page.getByText('Explorer upload 300').first()).toBeVisible();
    await expect(page.locator('.explore-results svg.recharts-surface').first()).toBeVisible();
  });

  test('a broken file gets a report naming rows and columns, cannot be stored, and nothing is stored', async ({ page, request }) => {
    const before = await list(request);
    const csv = studyGCsv(60, (rows) => {
      rows[2][column('dt_gender')] = '9'; // outside the 1-3 scale, data row 3
      rows[6].pop(); // one field short, data row 7
    });
    await page.goto('/datasets');
    await choose(page, 'broken.csv', csv);
    const report = page.getByTestId('upload-report');
    await expect(report).toBeVisible();
    await expect(page.getByTestId('report-verdict')).toContainText('errors');
    const problems = page.getByTestId('report-problems');
    const unknown = problems.locator('tr[data-code="UnknownCode"]');
    await expect(unknown).toHaveCount(1);
    await expect(unknown).toContainText('3');
    await expect(unknown).toContainText('dt_gender');
    await expect(unknown).toContainText('"9" is not a code of the scale 1, 2, 3');
    await expect(problems.locator('tr[data-code="RaggedRow"]')).toContainText('7');
    await expect(unknown).toContainText('data row 3, line 4');
    await expect(page.getByTestId('report-counts').locator('tr[data-kind="UnknownCode"]')).toContainText('Unknown answer code');
    await expect(page.getByTestId('store-button')).toBeDisabled();
    await expect(page.getByText('Storing is blocked by the errors above.')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/upload-report.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the full report (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('broken-report.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toMatch(/error,UnknownCode,3,4,dt_gender,/);
    expect(text).toMatch(/error,RaggedRow,7,8,,/);

    expect(await list(request)).toEqual(before);
  });

  test('a file unlike any template is mapped on the mapping screen, stored and listed', async ({ page, request }) => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const land = ['NL', 'BE', 'DE'][i % 3];
      return [`r${i + 1}`, land, i % 2 ? 'F' : 'M', `2024-02-${String((i % 28) + 1).padStart(2, '0')} 10:${String(i).padStart(2, '0')}`, `p${i}@example.nl`, (0.5 + (i % 5) * 0.25).toFixed(2), String((i % 5) + 1), String((i % 3) + 1), i % 4 ? 'yes' : 'no'];
    });
    const csv = `${['Resp_ID', 'Land', 'Geslacht', 'Interviewed', 'E-mail', 'Gewicht', 'Q1 Persoonlijke mail', 'Q2 Locatie', 'Q3 Welkom'].join(';')}\n${rows.map((r) => r.join(';')).join('\n')}\n`;
    await page.goto('/datasets');
    await choose(page, 'klantpanel.csv', csv);
    const screen = page.getByTestId('mapping-screen');
    await expect(screen).toBeVisible();
    const role = (name: string) => page.getByLabel(`Role of column ${name}`, { exact: true });
    await expect(role('Resp_ID')).toHaveValue('respondentId');
    await expect(role('Country')).toHaveValue('attribute');
    await expect(role('Gender')).toHaveValue('attribute');
    await expect(role('E-mail')).toHaveValue('ignore');
    await expect(role('Interviewed')).toHaveValue('ignore');
    await expect(role('Gewicht')).toHaveValue('weight');
    await expect(role('Q1 Persoonlijke mail')).toHaveValue('item');
    await expect(role('Q3 Welkom')).toHaveValue('item');
    // Bare 1-5 and 1-3 answers: nothing says which end is positive, so nothing is proposed as positive.
    const q1 = page.getByRole('article', { name: '1-5' });
    const q2 = page.getByRole('article', { name: '1-3' });
    await expect(q1.getByRole('checkbox', { checked: true })).toHaveCount(0);
    await page.screenshot({ path: 'e2e/screenshots/upload-mapping.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Checking before the directions are answered names what is missing.
    await page.getByTestId('apply-mapping').click();
    await expect(page.getByTestId('mapping-problems')).toContainText('Say which answers of this scale count as accepting.');
    // The analyst's answers: 5 is best on Q1, 1 on Q2; yes/no as proposed. A role changed and back keeps the column.
    await q1.getByRole('button', { name: 'The last: 4, 5' }).click();
    await q2.getByRole('button', { name: 'The first: 1' }).click();
    await page.getByRole('article', { name: 'Yes / No' }).getByTestId('confirm-scale').click();
    await expect(page.getByTestId('pending-list')).toContainText('Everything is confirmed.');
    await role('Gender').selectOption('item');
    await role('Gender').selectOption('attribute');
    await page.getByTestId('apply-mapping').click();

    await expect(page.getByTestId('upload-report')).toBeVisible();
    await expect(page.getByTestId('codebook-source')).toHaveText('Using your mapping.');
    await expect(page.getByTestId('personal-columns')).toContainText('E-mail');
    await expect(page.getByLabel('Keep column E-mail')).not.toBeChecked();
    await expect(page.getByTestId('report-verdict')).toHaveText('Warnings only: you can store the file anyway.');
    await page.getByLabel('Dataset name').fill('Klantpanel');
    await page.getByRole('button', { name: 'Continue anyway and store' }).click();
    const stored = page.getByTestId('upload-stored');
    await expect(stored).toContainText('Stored “Klantpanel”: 40 respondents. Dropped as personal data: E-mail.');
    const id = /dataset=([0-9a-f-]{36})/.exec((await stored.getByRole('link', { name: 'Open in the explorer' }).getAttribute('href')) ?? '')?.[1];
    await expect(page.locator(`tr[data-dataset="${id}"]`)).toContainText('Klantpanel');

    // The stored codebook is the mapping: Q2 counts answer 1 as positive, by country.
    const table = await request.get(`/api/datasets/${id}/acceptance?by=country&item=q2_locatie`);
    expect(table.status()).toBe(200);
    const json = (await table.json()) as { cells: { key: Record<string, string>; n: number; share: number }[] };
    expect(json.cells.map((c) => c.key.country).sort()).toEqual(['BE', 'DE', 'NL']);
    expect(json.cells.reduce((s, c) => s + c.n, 0)).toBe(40);
    // Q2 = (i % 3) + 1 and land = i % 3: NL answers 1 (positive) every time, BE 2, DE 3.
    expect(json.cells.find((c) => c.key.country === 'NL')!.share).toBe(1);
    expect(json.cells.find((c) => c.key.country === 'BE')!.share).toBe(0);
  });

  test('a large file: progress, a responsive page, and Cancel leaves nothing stored', async ({ page, request }) => {
    test.setTimeout(180_000);
    const before = await list(request);
    const rows = 250_000;
    // Long tasks on the main thread, recorded from the start.
    await page.addInitScript(`
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
    `);
    await page.goto('/datasets');
    await page.waitForLoadState('networkidle');
    // The file is made in the page, as a File like one picked from disk: handing Playwright a 21 MB
    // buffer would itself block the page's main thread while it is copied in, and be measured.
    const body = lines.slice(1);
    await page.evaluate(`(() => {
      const body = ${JSON.stringify(body.join('\n') + '\n')};
      const perCopy = ${body.length};
      const parts = [${JSON.stringify(lines[0] + '\n')}];
      // Whole copies of the reference rows, ids suffixed per copy: few, large strings, little garbage.
      for (let copy = 0; copy * perCopy < ${rows}; copy++) {
        let text = copy ? body.replace(/^([^,\\n]*)/gm, '$1-' + copy) : body;
        const left = ${rows} - copy * perCopy;
        if (left < perCopy) text = text.split('\\n').slice(0, left).join('\\n') + '\\n';
        parts.push(text);
      }
      window.__largeFile = new File(parts, 'large.csv', { type: 'text/csv' });
    })()`);
    // A quiet spell of the same length as a baseline: long tasks the machine causes without any upload.
    const b0 = (await page.evaluate('performance.now()')) as number;
    await page.waitForTimeout(5000);
    const b1 = (await page.evaluate('performance.now()')) as number;
    const size = (await page.evaluate('window.__largeFile.size')) as number;
    const pick = `(() => {
      const input = document.getElementById('upload-csv');
      const transfer = new DataTransfer();
      transfer.items.add(window.__largeFile);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`;

    const t0 = (await page.evaluate('performance.now()')) as number;
    await page.evaluate(pick);
    const progress = page.getByTestId('parse-progress-text');
    await expect(progress).toContainText(/Checking the file: [\d,]+ rows read/);
    await expect(page.getByTestId('upload-report')).toBeVisible({ timeout: 150_000 });
    const t1 = (await page.evaluate('performance.now()')) as number;
    await expect(page.getByTestId('report-summary')).toContainText('250,000 rows');
    await expect(page.getByTestId('upload-panel')).toHaveAttribute('data-progress', '100');
    await expect(page.getByTestId('report-verdict')).toHaveText('No problems found: the file can be stored.');
    const tasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
    const during = tasks.filter((t) => t.start >= t0 && t.start <= t1);
    const longest = Math.max(0, ...during.map((t) => t.duration));
    const quiet = tasks.filter((t) => t.start >= b0 && t.start <= b1);
    const checked = /Checked in ([\d.,]+ m?s)/.exec((await page.getByTestId('report-summary').textContent()) ?? '')?.[1];
    console.log(`large file: ${(size / 1024 / 1024).toFixed(1)} MB, ${rows.toLocaleString('en')} rows, checked in ${checked} (${((t1 - t0) / 1000).toFixed(1)} s from pick to report); main-thread long tasks meanwhile: ${during.length}, longest ${longest.toFixed(0)} ms; at ${during.map((t) => `+${(t.start - t0).toFixed(0)} ms (${t.duration.toFixed(0)} ms)`).join(', ')}; in 5 s of quiet before: ${quiet.length}, longest ${Math.max(0, ...quiet.map((t) => t.duration)).toFixed(0)} ms`);
    test.info().annotations.push({ type: 'longest main-thread task while checking (ms)', description: longest.toFixed(0) });
    // The goal is no task over 100 ms; that figure is printed above (and recorded in the README),
    // not asserted, since wall-time tasks stretch on a shared machine. What is asserted cannot flake: parsing is not on the main thread (that would
    // be one task of seconds).
    console.log(`load per core ${(os.loadavg()[0] / os.cpus().length).toFixed(1)}`);
    expect(longest).toBeLessThan(1000);

    // Again, and cancel halfway: the panel goes back, the worker stops, nothing is stored.
    await page.evaluate(pick);
    await expect(progress).toContainText(/rows read/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('upload-status')).toHaveText('Cancelled. Nothing was stored.');
    await expect(page.getByTestId('parse-progress')).toHaveCount(0);
    await expect(page.getByTestId('upload-report')).toHaveCount(0);
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('upload-report')).toHaveCount(0);
    expect(await list(request)).toEqual(before);
  });

  test('the Dutch panel', async ({ page }) => {
    await page.goto('/datasets?lang=nl');
    await expect(page.getByRole('heading', { name: 'Een enquête uploaden' })).toBeVisible();
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(studyGCsv(20)) });
    await expect(page.getByTestId('codebook-source')).toContainText('Sjabloon van onderzoek G herkend');
    await expect(page.getByTestId('report-verdict')).toHaveText('Geen problemen gevonden: het bestand kan worden bewaard.');
  });
});

test.describe('persistence', () => {
  const port = Number(process.env.E2E_RESTART_PORT ?? 3112);
  const base = `http://127.0.0.1:${port}`;

  const startServer = (dataDir: string) => startOwnServer(port, dataDir).process;
  const ready = () => serverReady(base);
  const stop = stopOwnServer;

  test('an upload is still there, same id and respondents, after the server restarts', async () => {
    test.setTimeout(150_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pad-restart-'));
    let server = startServer(dataDir);
    await seedUsers({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      await ready();
      // Signed in once: the session lives in the database, so it outlives the restart too.
      const cookie = await sessionCookie(base, 'analyst');
      const get = (url: string) => fetch(url, { headers: { cookie } });
      const form = new FormData();
      form.append('file', new Blob([studyGCsv(120)], { type: 'text/csv' }), 'restart.csv');
      form.append('name', 'Survives a restart');
      const posted = await fetch(`${base}/api/datasets`, { method: 'POST', body: form, headers: { cookie } });
      expect(posted.status).toBe(201);
      const { dataset } = (await posted.json()) as { dataset: Listing };
      const cellsBefore = await (await get(`${base}/api/datasets/${dataset.id}/acceptance?by=country&family=dataType`)).json();

      await stop(server);
      await expect(fetch(`${base}/api/datasets`)).rejects.toThrow();
      server = startServer(dataDir);
      await ready();

      const listed = ((await (await get(`${base}/api/datasets`)).json()) as { datasets: Listing[] }).datasets.find((d) => d.id === dataset.id);
      expect(listed).toMatchObject({ id: dataset.id, name: 'Survives a restart', respondents: 120, reference: false });
      const cellsAfter = await (await get(`${base}/api/datasets/${dataset.id}/acceptance?by=country&family=dataType`)).json();
      expect(cellsAfter).toEqual(cellsBefore);
    } finally {
      await stop(server);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
