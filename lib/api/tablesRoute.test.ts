import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readWorkbook } from '../tables/testing/readWorkbook';
import { HOSTILE_VALUES } from './testing/hostileValues';

// Signed out: the reference datasets are open to everyone, so the route is called as a visitor.
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers({ host: '127.0.0.1' }) }));

/** GET /api/datasets/[id]/tables, called directly against a throwaway store. */
let dir: string;
let route: typeof import('../../app/api/datasets/[id]/tables/route');
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tables-route-'));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  route = await import('../../app/api/datasets/[id]/tables/route');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (query: string, id = 'study-g') => route.GET(new Request(`http://127.0.0.1/api/datasets/${id}/tables?${query}`), { params: Promise.resolve({ id }) });

async function expectClearError(response: Response, status = 400) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.message.length).toBeLessThan(400);
  return body.error;
}

describe('GET /api/datasets/[id]/tables', () => {
  it('answers the JSON of a banner table, and the same table as xlsx, csv and pptx downloads', async () => {
    const query = 'rows=family:dataType&banner=country,gender>age_band&filter=gender:F&filter=gender:M';
    const json = (await (await get(query)).json()) as { columns: { letter: string | null }[]; cells: { letters: string; column: number; row: string }[]; pairs: unknown[] };
    expect(json.columns.map((c) => c.letter)).toEqual([null, 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(json.pairs.length).toBeGreaterThan(0);
    const xlsx = await get(`${query}&format=xlsx&lang=nl`);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="table-study-g-datatype.xlsx"');
    const { tables } = await readWorkbook(await xlsx.arrayBuffer());
    expect(tables[0].columns[0].label).toBe('Totaal');
    const first = json.cells.filter((c) => c.row === 'dt_gender').map((c) => c.letters);
    expect(tables[0].rows[3].letters).toEqual(first);
    const csv = await get(`${query}&format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Country: Netherlands (A) %');
    const pptx = await get(`${query}&format=pptx`);
    expect(pptx.status).toBe(200);
    expect((await pptx.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });

  it('the tab book: every family, as xlsx with contents and methods', async () => {
    const response = await get('book=1&banner=country&format=xlsx');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="tab-book-study-g.xlsx"');
    const { book, tables } = await readWorkbook(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['Contents', '1 Personal data a brand may act', '2 Automated services in scenari', 'Methods']);
    expect(tables).toHaveLength(2);
    expect(String(book.getWorksheet('Methods')!.getCell(5, 2).value)).toMatch(/^Synthetic data/);
  });

  it('refuses what the dataset cannot tabulate with a 400 naming why', async () => {
    expect((await expectClearError(await get('rows=family:nosuch&banner=country'))).code).toBe('UnknownFamily');
    expect((await expectClearError(await get('rows=family:dataType&banner=nosuch'))).code).toBe('UnknownAttribute');
    expect((await expectClearError(await get('rows=family:dataType&banner=country,country'))).code).toBe('BadBanner');
    expect((await expectClearError(await get('rows=family:dataType&filter=country:ZZ'))).code).toBe('BadQuery');
    await expectClearError(await get('banner=country'));
    await expectClearError(await get('rows=family:dataType&book=1'));
    await expectClearError(await get('book=1&format=pptx'));
    await expectClearError(await get('rows=family:dataType&alpha=0.05,0.01,0.001'));
    await expectClearError(await get('rows=family:dataType&alpha=0.05,0.05'));
    await expectClearError(await get('rows=family:dataType', 'not-an-id'));
    await expectClearError(await get('rows=family:dataType', '00000000-0000-4000-8000-000000000000'), 401);
  });

  it('every parameter refuses hostile values, and unknown parameters', async () => {
    for (const name of ['rows', 'banner', 'weight', 'filter', 'minBase', 'alpha', 'correction', 'small', 'format', 'book', 'lang', '__proto__', 'x'.repeat(5000)])
      for (const value of HOSTILE_VALUES.filter(Boolean)) {
        const query = new URLSearchParams(name === 'rows' ? { rows: value } : { rows: 'family:dataType', [name]: value });
        await expectClearError(await get(query.toString()));
      }
    await expectClearError(await get('rows=family:dataType&format=csv&format=json'));
    await expectClearError(await get('rows=%FF%FE'));
  });
});
