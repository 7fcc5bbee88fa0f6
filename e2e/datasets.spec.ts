import { expect, test, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * /datasets and the HTTP API. The server stores uploads in a throwaway DATA_DIR made fresh per run
 * (playwright.config.ts), so every run starts with the two reference datasets only.
 */

const lines = readFileSync(path.join(__dirname, '..', 'data', 'study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
const header = lines[0].split(',');
/** A study-G-shaped CSV: the template header and the first `n` reference rows. */
const studyGCsv = (n: number, edit: (rows: string[][]) => void = () => {}) => {
  const rows = lines.slice(1, n + 1).map((l) => l.split(','));
  edit(rows);
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
};
const column = (name: string) => header.indexOf(name);

interface Listing {
  id: string;
  name: string;
  respondents: number;
  synthetic: boolean;
  reference: boolean;
  deletable: boolean;
}

const list = async (request: APIRequestContext): Promise<Listing[]> => {
  const response = await request.get('/api/datasets');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { datasets: Listing[] }).datasets;
};

const upload = (request: APIRequestContext, csv: string, name: string) =>
  request.post('/api/datasets', { multipart: { file: { name: 'upload.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, name } });

test.describe('/datasets and /api/datasets', () => {
  test('lists the two reference datasets as synthetic and not deletable', async ({ page, request }) => {
    // Two languages and two downloads: more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    // The empty state needs no uploads: remove any that earlier specs left in this run's data folder.
    for (const d of (await list(request)).filter((d) => !d.reference)) expect((await request.delete(`/api/datasets/${d.id}`)).status()).toBe(204);
    const datasets = await list(request);
    const references = datasets.filter((d) => d.reference);
    expect(references.map((d) => d.id)).toEqual(['study-g', 'study-p']);
    for (const d of references) {
      expect(d.synthetic).toBe(true);
      expect(d.deletable).toBe(false);
    }
    expect(references.find((d) => d.id === 'study-g')!.respondents).toBe(4000);

    await page.goto('/datasets');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datasets');
    await expect(page.getByTestId('synthetic-notice')).toBeVisible();
    for (const id of ['study-g', 'study-p']) {
      const row = page.locator(`tr[data-dataset="${id}"]`);
      await expect(row).toContainText('Synthetic');
      await expect(row).toContainText('Reference, read-only');
      await expect(row.getByRole('link', { name: /delete/i })).toHaveCount(0);
    }
    await expect(page.getByTestId('empty-uploads')).toContainText('No uploads yet');
    // An empty state for a person: what to upload and where, no API commands.
    await expect(page.getByTestId('empty-uploads')).toContainText('.sav');
    await expect(page.getByTestId('empty-uploads')).not.toContainText(/curl|README|\/api\//);
    await expect(page.getByTestId('empty-uploads').getByRole('link', { name: 'Upload a file' })).toHaveAttribute('href', '#upload-title');
    await page.screenshot({ path: 'e2e/screenshots/datasets.png', fullPage: true });

    const template = await request.get('/api/templates/study-g.template.csv');
    expect(template.status()).toBe(200);
    const templateLines = (await template.text()).trim().split(/\r?\n/);
    expect(templateLines).toHaveLength(4);
    expect(templateLines[0]).toBe(lines[0]);
    const codebook = await request.get('/api/templates/study-p.codebook.json');
    expect(((await codebook.json()) as { studyStyle: string }).studyStyle).toBe('P');
    expect((await request.get('/api/templates/secrets.json')).status()).toBe(404);

    await page.goto('/datasets?lang=nl');
    await expect(page.locator('tr[data-dataset="study-g"]')).toContainText('Synthetisch');
    await expect(page.getByTestId('empty-uploads')).toContainText('Nog geen uploads');
    await page.screenshot({ path: 'e2e/screenshots/datasets-nl.png', fullPage: true });
  });

  test('a 50-row study-G-shaped upload is stored, listed and analysed', async ({ page, request }) => {
    const response = await upload(request, studyGCsv(50), 'Panel test 50');
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { dataset: Listing; template: string };
    expect(body.template).toBe('study-g');
    expect(body.dataset.respondents).toBe(50);
    expect(body.dataset.synthetic).toBe(false);
    const id = body.dataset.id;

    await page.goto('/datasets');
    const row = page.locator(`tr[data-dataset="${id}"]`);
    await expect(row).toContainText('Panel test 50');
    await expect(row).toContainText('Uploaded data');
    await expect(row).toContainText('50');
    await expect(page.getByTestId('empty-uploads')).toHaveCount(0);
    await page.screenshot({ path: 'e2e/screenshots/datasets-upload.png', fullPage: true });

    const table = await request.get(`/api/datasets/${id}/acceptance?by=country&family=dataType`);
    expect(table.status()).toBe(200);
    const json = (await table.json()) as { dataset: string; synthetic: boolean; by: string[]; cells: { key: Record<string, string>; n: number }[] };
    expect(json.dataset).toBe(id);
    expect(json.synthetic).toBe(false);
    expect(json.by).toEqual(['country']);
    expect(json.cells.reduce((sum, c) => sum + c.n, 0)).toBe(50);

    const csv = await request.get(`/api/datasets/${id}/acceptance?by=country&family=dataType&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const csvLines = (await csv.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csvLines[0]).toMatch(/^row,country,n,/);
    expect(csvLines.length).toBe(1 + 1 + json.cells.length);

    const unknown = await request.get(`/api/datasets/${id}/acceptance?by=planet`);
    expect(unknown.status()).toBe(400);
    expect(((await unknown.json()) as { error: { code: string; message: string } }).error.message).toContain('planet');
    expect((await request.get(`/api/datasets/${id}/acceptance?minBase=-1`)).status()).toBe(400);
    expect((await request.get(`/api/datasets/${id}/acceptance?colour=red`)).status()).toBe(400);
  });

  test('a broken CSV is refused with a report naming rows and columns, and nothing is stored', async ({ request }) => {
    const before = await list(request);
    const csv = studyGCsv(20, (rows) => {
      rows[2][column('dt_gender')] = '9'; // outside the 1-3 scale, data row 3
      rows[4][column('respondent_id')] = rows[3][column('respondent_id')]; // duplicate id, data row 5
    });
    const response = await upload(request, csv, 'Broken');
    expect(response.status()).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; problems: { type: string; code: string; row?: number; column?: string }[]; report: { counts: Record<string, number> } } };
    expect(error.code).toBe('InvalidData');
    const errors = error.problems.filter((p) => p.type === 'error');
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, column: 'dt_gender' }), expect.objectContaining({ row: 5, column: 'respondent_id' })]));
    expect(Object.keys(error.report.counts).length).toBeGreaterThan(0);
    expect(await list(request)).toEqual(before);

    const noCodebook = await upload(request, 'id,answer\n1,2\n', 'No codebook');
    expect(noCodebook.status()).toBe(400);
    expect(((await noCodebook.json()) as { error: { code: string } }).error.code).toBe('CodebookRequired');
    expect(await list(request)).toEqual(before);
  });

  test('deleting an upload asks for confirmation on the page, then removes it', async ({ page, request }) => {
    const response = await upload(request, studyGCsv(50), 'To be deleted');
    expect(response.status()).toBe(201);
    const { dataset } = (await response.json()) as { dataset: Listing };

    await page.goto('/datasets');
    const row = page.locator(`tr[data-dataset="${dataset.id}"]`);
    await row.getByRole('link', { name: 'Delete To be deleted' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Delete “To be deleted”?');
    // Nothing is deleted before the second step.
    expect((await list(request)).some((d) => d.id === dataset.id)).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/datasets-confirm.png', fullPage: true });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);

    await dialog.getByRole('link', { name: 'Cancel' }).click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await expect(row).toBeVisible();

    await row.getByRole('link', { name: 'Delete To be deleted' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.getByRole('status')).toContainText('The dataset was deleted.');
    await expect(page.locator(`tr[data-dataset="${dataset.id}"]`)).toHaveCount(0);
    expect((await list(request)).some((d) => d.id === dataset.id)).toBe(false);
    expect((await request.get(`/api/datasets/${dataset.id}/acceptance`)).status()).toBe(404);
  });

  test('DELETE: a reference dataset is refused (403), an unknown one is 404, a malformed id 400', async ({ request }) => {
    const reference = await request.delete('/api/datasets/study-g');
    expect(reference.status()).toBe(403);
    expect(((await reference.json()) as { error: { code: string } }).error.code).toBe('Reference');
    expect((await request.delete('/api/datasets/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
    expect((await request.delete('/api/datasets/..%2F..%2Fetc')).status()).toBe(400);
    expect((await list(request)).filter((d) => d.reference)).toHaveLength(2);
  });
});
