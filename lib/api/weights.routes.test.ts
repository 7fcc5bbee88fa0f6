import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { throwawayStoreWithAccounts } from './testing/throwawayStore';
import { ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';

// Route handlers read the session cookie through Next's request APIs; each request carries the
// session of the account the test signs in with (an analyst, or a strategist who may only read).
const session = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'pad_session' && session.cookie ? { name, value: session.cookie } : undefined) }),
  headers: async () => new Headers({ host: '127.0.0.1' }),
}));

/**
 * A dataset's weights through the HTTP API, route handlers called in-process against a throwaway
 * SQLite store: two raked weights saved (the second raked from the first), then PATCH (the default)
 * and DELETE on them, each audited, with the 4xx answers for what may not be done; and the
 * summary's PDF and slides with weight=, whose text names the weight. (Weights cannot be renamed:
 * there is no route for it; a weight is saved under its name and deleted.)
 */
let dir: string;
const cookies = { analyst: '', strategist: '' };
type Routes = {
  list: typeof import('../../app/api/datasets/route');
  weights: typeof import('../../app/api/datasets/[id]/weights/route');
  weight: typeof import('../../app/api/datasets/[id]/weights/[weight]/route');
  pdf: typeof import('../../app/api/summary/pdf/route');
  pptx: typeof import('../../app/api/summary/pptx/route');
  tables: typeof import('../../app/api/datasets/[id]/tables/route');
};
let routes: Routes;
let listAudit: () => Promise<{ action: string; target: string | null; actor: string | null; detail: Record<string, unknown> }[]>;

beforeAll(async () => {
  const made = await throwawayStoreWithAccounts('weights', ['analyst', 'strategist']);
  dir = made.dir;
  Object.assign(cookies, made.cookies);
  session.cookie = cookies.analyst;
  listAudit = () => made.store.listAudit() as never;
  routes = {
    list: await import('../../app/api/datasets/route'),
    weights: await import('../../app/api/datasets/[id]/weights/route'),
    weight: await import('../../app/api/datasets/[id]/weights/[weight]/route'),
    pdf: await import('../../app/api/summary/pdf/route'),
    pptx: await import('../../app/api/summary/pptx/route'),
    tables: await import('../../app/api/datasets/[id]/tables/route'),
  };
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = (p: string) => `http://127.0.0.1${p}`;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const weightCtx = (id: string, weight: string) => ({ params: Promise.resolve({ id, weight }) });
const as = (role: keyof typeof cookies) => (session.cookie = cookies[role]);

const json = (body: unknown, headers: Record<string, string> = {}) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const post = (id: string, body: unknown) => routes.weights.POST(new Request(url(`/api/datasets/${id}/weights`), { method: 'POST', ...json(body) }), ctx(id));
const patch = (id: string, body: unknown, headers: Record<string, string> = {}) => routes.weights.PATCH(new Request(url(`/api/datasets/${id}/weights`), { method: 'PATCH', ...json(body, headers) }), ctx(id));
const remove = (id: string, weight: string, headers: Record<string, string> = {}) => routes.weight.DELETE(new Request(url(`/api/datasets/${id}/weights/${weight}`), { method: 'DELETE', headers }), weightCtx(id, weight));
const list = async (id: string) => (await (await routes.weights.GET(new Request(url(`/api/datasets/${id}/weights`)), ctx(id))).json()) as { weights: { id: string; kind: string; default: boolean }[] };
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

/** Shaped as a dataset id, but no dataset has it: a 404 (a malformed id is a 400). */
const NO_SUCH_DATASET = randomUUID();
const COUNTRY = { attribute: 'country', levels: [{ level: 'Netherlands', value: 50 }, { level: 'Germany', value: 50 }] };

describe('PATCH and DELETE on a dataset’s weights, and the summary exports with weight=', () => {
  let id = '';
  let census = '';
  let trimmed = '';

  beforeAll(async () => {
    as('analyst');
    const files = ownSurveyFiles();
    const form = new FormData();
    form.append('file', new File([files.a.csv], files.a.name, { type: 'text/csv' }));
    form.append('codebook', new Blob([JSON.stringify(ownSurveyCodebook())], { type: 'application/json' }));
    form.append('name', 'Weights survey');
    const created = await routes.list.POST(new Request(url('/api/datasets'), { method: 'POST', body: form }));
    const body = await created.json();
    expect(created.status, JSON.stringify(body).slice(0, 1000)).toBe(201);
    id = body.dataset.id;
    const first = await post(id, { name: 'Census 2025', margins: [COUNTRY], unit: 'percent' });
    expect(first.status, JSON.stringify(await first.clone().json()).slice(0, 1000)).toBe(201);
    census = (await first.json()).weight.id;
    // Raked from the first: deleting the first is then refused until this one is gone.
    const second = await post(id, { name: 'Census, trimmed', margins: [COUNTRY], unit: 'percent', base: census, bounds: [0.5, 2] });
    expect(second.status, JSON.stringify(await second.clone().json()).slice(0, 1000)).toBe(201);
    trimmed = (await second.json()).weight.id;
  }, 120_000);

  it('PATCH makes a weight the default, audited; GET lists it first', async () => {
    as('analyst');
    const response = await patch(id, { default: census });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"\d+"$/);
    const listed = await list(id);
    expect(listed.weights[0]).toMatchObject({ id: census, kind: 'raked', default: true });
    const entry = (await listAudit()).find((e) => e.action === 'dataset.weight.default' && e.detail.weight === census);
    expect(entry).toMatchObject({ actor: 'weights-analyst', target: id });
    // And back to unweighted.
    expect((await patch(id, { default: 'unweighted' })).status).toBe(200);
    expect((await list(id)).weights[0]).toMatchObject({ id: 'unweighted', default: true });
  });

  it('PATCH refuses an unknown weight (400 naming the weights there are), a malformed body, a stale revision and a reference dataset', async () => {
    as('analyst');
    const unknown = await patch(id, { default: 'nope' });
    expect(unknown.status).toBe(400);
    const error = await errorOf(unknown);
    expect(error.code).toBe('BadWeight');
    expect(error.message).toContain(census);
    expect((await patch(id, { default: '../x' })).status).toBe(400);
    expect((await patch(id, { default: census, extra: 1 })).status).toBe(400);
    expect((await patch(id, { default: census }, { 'if-match': '"1"' })).status).toBe(412);
    expect((await patch('study-g', { default: 'unweighted' })).status).toBe(403);
    expect((await patch(NO_SUCH_DATASET, { default: 'unweighted' })).status).toBe(404);
  });

  it('a strategist may read the weights but not change them (403), and nothing is audited for it', async () => {
    as('strategist');
    const before = (await listAudit()).length;
    expect((await list(id)).weights.map((w) => w.id)).toContain(census);
    const refused = await patch(id, { default: census });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('Forbidden');
    expect((await remove(id, trimmed)).status).toBe(403);
    expect((await listAudit()).length).toBe(before);
    as('analyst');
  });

  it('the summary’s PDF and slides with weight= name the weight; an unknown weight is a 400', async () => {
    as('analyst');
    const pdf = await routes.pdf.GET(new Request(url(`/api/summary/pdf?dataset=${id}&weight=${census}`)));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toContain('Weighted: Census 2025 (standard errors of the raked design)');

    const pptx = await routes.pptx.GET(new Request(url(`/api/summary/pptx?dataset=${id}&weight=${census}&lang=nl`)));
    expect(pptx.status).toBe(200);
    const zip = await JSZip.loadAsync(await pptx.arrayBuffer());
    const xml = (await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/(slides|notesSlides)\/.*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')))).join('\n');
    expect(xml).toContain('Gewogen: Census 2025 (standaardfouten van het geraakte ontwerp)');

    const plain = await routes.pdf.GET(new Request(url(`/api/summary/pdf?dataset=${id}&weight=unweighted`)));
    const plainParser = new PDFParse({ data: new Uint8Array(await plain.arrayBuffer()) });
    const plainText = (await plainParser.getText()).text.replace(/\s+/g, ' ');
    await plainParser.destroy();
    expect(plainText).not.toContain('Census 2025');

    const unknown = await routes.pptx.GET(new Request(url(`/api/summary/pptx?dataset=${id}&weight=nope`)));
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).code).toBe('BadWeight');
  }, 60_000);

  it('the tables API takes the weight by id: the JSON names it, its pairs carry the calibrated SE and the fixed one; none is unweighted; an unknown id is a 400', async () => {
    as('analyst');
    const table = async (weight: string) => routes.tables.GET(new Request(url(`/api/datasets/${id}/tables?rows=family:acceptability&banner=country&weight=${weight}`)), ctx(id));
    const raked = (await (await table(census)).json()) as { weight: { id: string; kind: string; label: { en: string }; calibrated: boolean }; pairs: { se: number; se_fixed: number }[]; cells: { share: number | null }[] };
    expect(raked.weight).toMatchObject({ id: census, kind: 'raked', label: { en: 'Census 2025' }, calibrated: true });
    expect(raked.pairs.length).toBeGreaterThan(0);
    expect(raked.pairs.some((p) => p.se !== p.se_fixed)).toBe(true);
    const none = (await (await table('none')).json()) as typeof raked;
    expect(none.weight).toMatchObject({ id: 'unweighted', kind: 'unweighted', calibrated: false });
    expect(none.cells.map((c) => c.share)).not.toEqual(raked.cells.map((c) => c.share));
    const unknown = await table('nope');
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain(census);
  });

  it('DELETE refuses a weight another was raked from, an unknown weight, a weight that came with the data, and a reference dataset', async () => {
    as('analyst');
    const base = await remove(id, census);
    expect(base.status).toBe(400);
    expect((await errorOf(base)).message).toContain(`was raked from "${census}"`);
    const unknown = await remove(id, 'nope');
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).code).toBe('BadWeight');
    const withData = await remove(id, 'weight');
    expect(withData.status).toBe(400);
    expect((await errorOf(withData)).message).toContain('came with the data');
    expect((await remove(id, 'bad id!')).status).toBe(400);
    expect((await remove('study-g', 'weight')).status).toBe(403);
    expect((await remove(NO_SUCH_DATASET, census)).status).toBe(404);
    expect((await remove(id, trimmed, { 'if-match': '"1"' })).status).toBe(412);
  });

  it('DELETE removes a weight (204), audited; deleting the default falls back to unweighted', async () => {
    as('analyst');
    expect((await remove(id, trimmed)).status).toBe(204);
    expect((await list(id)).weights.map((w) => w.id)).not.toContain(trimmed);
    expect((await patch(id, { default: census })).status).toBe(200);
    expect((await remove(id, census)).status).toBe(204);
    const after = await list(id);
    expect(after.weights.map((w) => w.id)).not.toContain(census);
    expect(after.weights[0]).toMatchObject({ default: true });
    expect(after.weights[0].id).not.toBe(census);
    const deletions = (await listAudit()).filter((e) => e.action === 'dataset.weight.delete');
    expect(deletions.map((e) => e.detail.weight)).toEqual(expect.arrayContaining([trimmed, census]));
    for (const e of deletions) expect(e).toMatchObject({ actor: 'weights-analyst', target: id });
    // Gone: a second DELETE is a 400 naming what is there.
    expect((await remove(id, census)).status).toBe(400);
  });
});
