import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { throwawayStoreWithAccounts } from './testing/throwawayStore';
import { ACCEPT_LABELS, OWN_SURVEY_HEADERS, ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import type { Codebook } from '../survey/codebook';

// Route handlers read the session cookie through Next's request APIs; the request carries the
// session of the account the test signs in with (an analyst, or a strategist who may only read).
const session = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === 'pad_session' && session.cookie ? { name, value: session.cookie } : undefined) }),
  headers: async () => new Headers({ host: '127.0.0.1' }),
}));

/**
 * An analyst's own survey through the HTTP API, route handlers called in-process against a
 * throwaway SQLite store: the two own-survey files (long bracketed headers in one, dotted short
 * names in the other) become ONE dataset, a third file is appended later, and the codebook is
 * downloaded, edited and refused when the stored rows do not fit it.
 */
let dir: string;
const cookies = { analyst: '', strategist: '' };
type Routes = {
  list: typeof import('../../app/api/datasets/route');
  one: typeof import('../../app/api/datasets/[id]/route');
  codebook: typeof import('../../app/api/datasets/[id]/codebook/route');
  files: typeof import('../../app/api/datasets/[id]/files/route');
  acceptance: typeof import('../../app/api/datasets/[id]/acceptance/route');
};
let routes: Routes;
let listAudit: () => Promise<{ action: string; target: string | null; detail: Record<string, unknown> }[]>;

beforeAll(async () => {
  const made = await throwawayStoreWithAccounts('files', ['analyst', 'strategist']);
  dir = made.dir;
  const store = made.store;
  Object.assign(cookies, made.cookies);
  session.cookie = cookies.analyst;
  listAudit = () => store.listAudit() as never;
  routes = {
    list: await import('../../app/api/datasets/route'),
    one: await import('../../app/api/datasets/[id]/route'),
    codebook: await import('../../app/api/datasets/[id]/codebook/route'),
    files: await import('../../app/api/datasets/[id]/files/route'),
    acceptance: await import('../../app/api/datasets/[id]/acceptance/route'),
  };
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const url = (p: string) => `http://127.0.0.1${p}`;
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const csvFile = (text: string, name: string) => new File([text], name, { type: 'text/csv' });
const jsonBlob = (value: unknown) => new Blob([JSON.stringify(value)], { type: 'application/json' });

type ErrorBody = { error: { code: string; message: string; problems?: { code: string; message: string; file?: string; row?: number }[]; report?: { counts: Record<string, number>; listed: number; total: number } } };

async function upload(fields: [string, string | Blob][]) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return routes.list.POST(new Request(url('/api/datasets'), { method: 'POST', body: form }));
}
async function append(id: string, fields: [string, string | Blob][]) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return routes.files.POST(new Request(url(`/api/datasets/${id}/files`), { method: 'POST', body: form }), ctx(id));
}
const putCodebook = (id: string, body: string, headers: Record<string, string> = {}) =>
  routes.codebook.PUT(new Request(url(`/api/datasets/${id}/codebook`), { method: 'PUT', body, headers: { 'content-type': 'application/json', ...headers } }), ctx(id));
const getCodebook = (id: string) => routes.codebook.GET(new Request(url(`/api/datasets/${id}/codebook`)), ctx(id));

const files = ownSurveyFiles();
/** File B's dotted names -> file A's long headers (the codebook's column names). */
const columnsB = Object.fromEntries(OWN_SURVEY_HEADERS.b.map((short, i) => [short, OWN_SURVEY_HEADERS.a[i]]).filter(([short, long]) => short !== long));
const plan = { sourceColumn: 'source', prefixIds: false, files: [{ source: 'NL_DE', columns: {} }, { source: 'UK', columns: columnsB }] };
const codebook = ownSurveyCodebook({ source: true });

/** A third file in file B's style: later UK respondents with ids of their own. */
const late = ownSurveyFiles({ seed: 7, counts: { NL: 0, DE: 0, UK: 30 } }).b;
const lateCsv = late.csv.replace(/\r\nR_/g, '\r\nLATE_');
const lateIds = late.rows.map((r) => `LATE_${r[0].slice(2)}`);

describe('two files of one survey, then a third, then the codebook', () => {
  let id = '';

  it('two files with differently styled headers become one dataset: 3,216 rows, ids unique, the source attribute with two codes', async () => {
    const response = await upload([
      ['file', csvFile(files.a.csv, files.a.name)],
      ['file', csvFile(files.b.csv, files.b.name)],
      ['files', JSON.stringify(plan)],
      ['codebook', jsonBlob(codebook)],
      ['name', 'Personalisation survey NL DE UK'],
    ]);
    const body = await response.json();
    expect(response.status, JSON.stringify(body).slice(0, 2000)).toBe(201);
    expect(body.dataset).toMatchObject({ name: 'Personalisation survey NL DE UK', respondents: 3216, revision: 1, studyStyle: 'custom', synthetic: false });
    expect(body.files).toEqual([
      { name: files.a.name, source: 'NL_DE', rows: 2150 },
      { name: files.b.name, source: 'UK', rows: 1066 },
    ]);
    id = body.dataset.id;

    const { getDatasetRegistry } = await import('../storage/datasetRegistry');
    const stored = (await getDatasetRegistry().store.get(id))!;
    expect(stored.header).toEqual([...OWN_SURVEY_HEADERS.a, 'source']);
    expect(new Set(stored.rows.map((r) => r[0])).size).toBe(3216);
    // File B's rows, read by its dotted header, sit under file A's long headers.
    expect(stored.rows.slice(2150).map((r) => r.slice(0, -1))).toEqual(files.b.rows);
    expect(stored.rows.slice(0, 2150).map((r) => r.slice(0, -1))).toEqual(files.a.rows);

    const data = await getDatasetRegistry().load(id);
    const source = data.attributes.get('source')!;
    expect(source.levels.map((l) => l.code)).toEqual(['NL_DE', 'UK']);
    expect([...source.levelOf].filter((l) => l === 1).length).toBe(1066);
    // One figure counted by hand from the files: the weighted share of UK respondents who find
    // using their current location very or somewhat acceptable (NA left out of the base).
    const column = OWN_SURVEY_HEADERS.a.indexOf(OWN_SURVEY_HEADERS.a.find((h) => h.includes('[acceptability.location]'))!);
    let yes = 0;
    let base = 0;
    for (const row of files.b.rows) {
      const answer = row[column];
      if (answer === 'NA') continue;
      const w = Number(row[row.length - 1]);
      base += w;
      if (answer === ACCEPT_LABELS[0] || answer === ACCEPT_LABELS[1]) yes += w;
    }
    const table = await routes.acceptance.GET(new Request(url(`/api/datasets/${id}/acceptance?item=acceptability_location&by=source`)), ctx(id));
    expect(table.status).toBe(200);
    const json = (await table.json()) as { cells: { key: Record<string, string>; share: number; n: number }[] };
    const cell = json.cells.find((c) => c.key.source === 'UK');
    expect(cell, JSON.stringify(json).slice(0, 1500)).toBeDefined();
    expect(cell!.n).toBe(files.b.rows.filter((r) => r[column] !== 'NA').length);
    expect(cell!.share).toBeCloseTo(yes / base, 12);

    const [entry] = await listAudit();
    expect(entry).toMatchObject({ action: 'dataset.upload', target: id, detail: { respondents: 3216, files: body.files } });
  });

  it('a repeated respondent id across the files is a 422 naming both files and rows; nothing is stored', async () => {
    const before = (await (await routes.list.GET(new Request(url('/api/datasets')))).json()).datasets.length;
    // File B with two of file A's respondents as its rows 3 and 10.
    const rowsB = files.b.rows.map((r) => r.slice());
    rowsB[2][0] = files.a.rows[0][0];
    rowsB[9][0] = files.a.rows[4][0];
    const csvB = [OWN_SURVEY_HEADERS.b, ...rowsB].map((r) => r.map((f) => (/[",]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\n');
    const response = await upload([
      ['file', csvFile(files.a.csv, files.a.name)],
      ['file', csvFile(csvB, files.b.name)],
      ['files', JSON.stringify(plan)],
      ['codebook', jsonBlob(codebook)],
    ]);
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('DuplicateId');
    expect(body.error.report!.counts).toEqual({ DuplicateId: 2 });
    expect(body.error.problems).toEqual([
      expect.objectContaining({ file: files.b.name, row: 3, message: `respondent id "${files.a.rows[0][0]}" of file "${files.b.name}" (data row 3) also appears in file "${files.a.name}" (data row 1)` }),
      expect.objectContaining({ file: files.b.name, row: 10, message: `respondent id "${files.a.rows[4][0]}" of file "${files.b.name}" (data row 10) also appears in file "${files.a.name}" (data row 5)` }),
    ]);
    expect((await (await routes.list.GET(new Request(url('/api/datasets')))).json()).datasets.length).toBe(before);

    // With prefixIds the same files are stored, every id made "<source>:<id>".
    const prefixed = await upload([
      ['file', csvFile(files.a.csv, files.a.name)],
      ['file', csvFile(csvB, files.b.name)],
      ['files', JSON.stringify({ ...plan, prefixIds: true })],
      ['codebook', jsonBlob(codebook)],
    ]);
    expect(prefixed.status).toBe(201);
    const { dataset } = await prefixed.json();
    const { getDatasetRegistry } = await import('../storage/datasetRegistry');
    const ids = (await getDatasetRegistry().load(dataset.id)).respondentIds;
    expect(ids[0]).toBe(`NL_DE:${files.a.rows[0][0]}`);
    expect(ids[2150 + 2]).toBe(`UK:${files.a.rows[0][0]}`);
    expect(new Set(ids).size).toBe(3216);
    await routes.one.DELETE(new Request(url(`/api/datasets/${dataset.id}`), { method: 'DELETE' }), ctx(dataset.id));
  });

  it('a file that does not fit the codebook is reported with its name; a bad plan is a 400', async () => {
    // File B without its columns map: none of its dotted names is a codebook column.
    const unmapped = await upload([
      ['file', csvFile(files.a.csv, files.a.name)],
      ['file', csvFile(files.b.csv, files.b.name)],
      ['files', JSON.stringify({ ...plan, files: [plan.files[0], { source: 'UK', columns: {} }] })],
      ['codebook', jsonBlob(codebook)],
    ]);
    expect(unmapped.status).toBe(422);
    const body = (await unmapped.json()) as ErrorBody & { error: { report: { files: { name: string; ok: boolean }[] } } };
    expect(body.error.code).toBe('InvalidData');
    expect(body.error.message).toContain(files.b.name);
    expect(body.error.report.files.map((f) => [f.name, f.ok])).toEqual([
      [files.a.name, true],
      [files.b.name, false],
    ]);
    expect(body.error.problems!.length).toBeGreaterThan(0);
    expect(body.error.problems!.every((p) => p.file === files.b.name && p.code === 'MissingColumn')).toBe(true);

    const cases: [string, [string, string | Blob][], number, string][] = [
      ['no plan with two files', [['file', csvFile(files.a.csv, 'a.csv')], ['file', csvFile(files.b.csv, 'b.csv')], ['codebook', jsonBlob(codebook)]], 400, 'PlanRequired'],
      ['no codebook', [['file', csvFile(files.a.csv, 'a.csv')], ['file', csvFile(files.b.csv, 'b.csv')], ['files', JSON.stringify(plan)]], 400, 'CodebookRequired'],
      ['one plan entry for two files', [['file', csvFile(files.a.csv, 'a.csv')], ['file', csvFile(files.b.csv, 'b.csv')], ['files', JSON.stringify({ ...plan, files: [plan.files[0]] })], ['codebook', jsonBlob(codebook)]], 400, 'BadPlan'],
      ['a source that is not a code', [['file', csvFile(files.a.csv, 'a.csv')], ['file', csvFile(files.b.csv, 'b.csv')], ['files', JSON.stringify({ ...plan, files: [plan.files[0], { source: 'GB', columns: columnsB }] })], ['codebook', jsonBlob(codebook)]], 400, 'BadPlan'],
      ['a renamed column the file lacks', [['file', csvFile(files.a.csv, 'a.csv')], ['file', csvFile(files.b.csv, 'b.csv')], ['files', JSON.stringify({ ...plan, files: [plan.files[0], { source: 'UK', columns: { ...columnsB, nosuch: 'x' } }] })], ['codebook', jsonBlob(codebook)]], 400, 'BadPlan'],
      ['a plan that is not JSON', [['file', csvFile(files.a.csv, 'a.csv')], ['file', csvFile(files.b.csv, 'b.csv')], ['files', '{'], ['codebook', jsonBlob(codebook)]], 400, 'BadPlan'],
      ['21 files', [...Array.from({ length: 21 }, (_, i): [string, Blob] => ['file', csvFile('a,b\n1,2\n', `${i}.csv`)]), ['files', JSON.stringify(plan)]], 400, 'TooManyFiles'],
      ['a codebook without a source column', [['file', csvFile(files.a.csv, 'a.csv')], ['file', csvFile(files.b.csv, 'b.csv')], ['files', JSON.stringify(plan)], ['codebook', jsonBlob(ownSurveyCodebook())]], 400, 'BadPlan'],
    ];
    for (const [what, fields, status, code] of cases) {
      const response = await upload(fields);
      const error = (await response.json()) as ErrorBody;
      expect([response.status, error.error.code], what).toEqual([status, code]);
      expect(error.error.message.length, what).toBeLessThan(600);
    }
    const listed = (await (await routes.list.GET(new Request(url('/api/datasets')))).json()).datasets as { reference: boolean }[];
    expect(listed.filter((d) => !d.reference)).toHaveLength(1);
  });

  it('a third file appended later: a new source code, ids checked against the stored ones, one atomic replace', async () => {
    // Its source value must be new.
    const taken = await append(id, [['file', csvFile(lateCsv, 'late.csv')], ['source', 'UK'], ['columns', JSON.stringify(columnsB)]]);
    expect([taken.status, ((await taken.json()) as ErrorBody).error.code]).toEqual([422, 'SourceExists']);
    // Its ids may not repeat stored ones.
    const repeated = await append(id, [['file', csvFile(files.b.csv, 'again.csv')], ['source', 'UK_again'], ['columns', JSON.stringify(columnsB)]]);
    const repeatedBody = (await repeated.json()) as ErrorBody;
    expect([repeated.status, repeatedBody.error.code]).toEqual([422, 'DuplicateId']);
    expect(repeatedBody.error.report!.counts).toEqual({ DuplicateId: 1066 });
    expect(repeatedBody.error.report!.listed).toBe(100);
    expect(repeatedBody.error.problems![0].message).toBe(`respondent id "${files.b.rows[0][0]}" of file "again.csv" (data row 1) also appears in the stored dataset (data row 2,151)`);
    // existingSource is only for a dataset without a source column.
    const needless = await append(id, [['file', csvFile(lateCsv, 'late.csv')], ['source', 'UK_late'], ['existingSource', 'x'], ['columns', JSON.stringify(columnsB)]]);
    expect(needless.status).toBe(400);
    expect((await routes.one.GET(new Request(url(`/api/datasets/${id}`)), ctx(id)).then((r) => r.json())).dataset).toMatchObject({ respondents: 3216, revision: 1 });

    const response = await append(id, [['file', csvFile(lateCsv, 'late.csv')], ['source', 'UK_late'], ['columns', JSON.stringify(columnsB)]]);
    const body = await response.json();
    expect(response.status, JSON.stringify(body).slice(0, 1500)).toBe(201);
    expect(body.dataset).toMatchObject({ id, respondents: 3246, revision: 2 });
    expect(body.file).toEqual({ name: 'late.csv', source: 'UK_late', rows: 30 });

    const { getDatasetRegistry } = await import('../storage/datasetRegistry');
    const data = await getDatasetRegistry().load(id);
    expect(data.rowCount).toBe(3246);
    expect(data.respondentIds.slice(3216)).toEqual(lateIds);
    expect(data.attributes.get('source')!.levels.map((l) => l.code)).toEqual(['NL_DE', 'UK', 'UK_late']);
    expect([...data.attributes.get('source')!.levelOf].filter((l) => l === 2).length).toBe(30);
    const [entry] = await listAudit();
    expect(entry).toMatchObject({ action: 'dataset.append', target: id, detail: { respondents: 3246, revision: 2, file: body.file } });
  });

  it('the codebook is downloaded, edited (200, the next load sees it) and refused when the stored rows do not fit (422, bounded)', async () => {
    const download = await getCodebook(id);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Personalisation survey NL DE UK.codebook.json"; filename*=UTF-8''${encodeURIComponent('Personalisation survey NL DE UK.codebook.json')}`,
    );
    expect(download.headers.get('etag')).toBe('"2"');
    const stored = (await download.json()) as Codebook;
    expect(stored.attributes.find((a) => a.id === 'source')).toMatchObject({ codes: [{ code: 'NL_DE' }, { code: 'UK' }, { code: 'UK_late' }] });

    const edited: Codebook = { ...stored, attributes: stored.attributes.map((a) => (a.id === 'country' ? { ...a, label: { en: 'Country of residence', nl: 'Woonland' } } : a)) };
    const ok = await putCodebook(id, JSON.stringify(edited), { 'if-match': '"2"' });
    const okBody = await ok.json();
    expect(ok.status, JSON.stringify(okBody).slice(0, 1500)).toBe(200);
    expect(okBody.dataset).toMatchObject({ id, revision: 3, respondents: 3246, deletable: true });
    expect(ok.headers.get('etag')).toBe('"3"');
    const { getDatasetRegistry } = await import('../storage/datasetRegistry');
    expect((await getDatasetRegistry().load(id)).attributes.get('country')!.label).toEqual({ en: 'Country of residence', nl: 'Woonland' });
    expect(await (await getCodebook(id)).json()).toEqual(edited);
    expect((await listAudit())[0]).toMatchObject({ action: 'dataset.codebook', target: id, detail: { revision: 3 } });

    // An editor's copy of revision 2 is now stale.
    const stale = await putCodebook(id, JSON.stringify(edited), { 'if-match': '"2"' });
    expect([stale.status, ((await stale.json()) as ErrorBody).error.code]).toEqual([412, 'RevisionMismatch']);

    // A scale without "Not acceptable at all": every such answer in the stored rows no longer fits.
    const narrowed: Codebook = { ...edited, scales: edited.scales.map((s) => (s.id === 'acceptable5' ? { ...s, codes: s.codes.filter((c) => c.code !== ACCEPT_LABELS[4]) } : s)) };
    const refused = await putCodebook(id, JSON.stringify(narrowed));
    expect(refused.status).toBe(422);
    const refusal = (await refused.json()) as ErrorBody & { error: { report: { errors: number } } };
    expect(refusal.error.code).toBe('CodebookDoesNotFit');
    const acceptColumns = OWN_SURVEY_HEADERS.a.map((h, i) => (/\[(acceptability|scenario)\./.test(h) ? i : -1)).filter((i) => i >= 0);
    const expected = [...files.a.rows, ...files.b.rows, ...late.rows].reduce((n, row) => n + acceptColumns.filter((i) => row[i] === ACCEPT_LABELS[4]).length, 0);
    expect(expected).toBeGreaterThan(1000);
    expect(refusal.error.report.counts).toEqual({ UnknownCode: expected });
    expect(refusal.error.report.errors).toBe(expected);
    expect(refusal.error.report.listed).toBeLessThanOrEqual(100);
    // Listed once, beside the counts.
    expect(refusal.error.problems!.length).toBe(refusal.error.report.listed);
    expect(refusal.error.report).not.toHaveProperty("problems");
    expect(JSON.stringify(refusal).length).toBeLessThan(100_000);
    // Nothing changed.
    expect((await (await getCodebook(id)).json()) as Codebook).toEqual(edited);

    // Not a codebook: 400 with the problems; not JSON; too large; a reference dataset; a strategist.
    const invalid = await putCodebook(id, JSON.stringify({ ...edited, items: [{ id: 'x' }] }));
    const invalidBody = (await invalid.json()) as ErrorBody;
    expect([invalid.status, invalidBody.error.code]).toEqual([400, 'BadCodebook']);
    expect(invalidBody.error.problems!.length).toBeGreaterThan(0);
    expect((await putCodebook(id, '{')).status).toBe(400);
    expect((await putCodebook(id, ' '.repeat(5 * 1024 * 1024 + 1))).status).toBe(413);
    const reference = await putCodebook('study-g', JSON.stringify(edited));
    expect([reference.status, ((await reference.json()) as ErrorBody).error.code]).toEqual([403, 'Reference']);
    expect((await putCodebook('00000000-0000-4000-8000-000000000000', JSON.stringify(edited))).status).toBe(404);
    session.cookie = cookies.strategist;
    try {
      expect((await putCodebook(id, JSON.stringify(edited))).status).toBe(403);
      expect((await append(id, [['file', csvFile(lateCsv, 'x.csv')], ['source', 'x']])).status).toBe(403);
      // Reading is for anyone signed in.
      expect((await getCodebook(id)).status).toBe(200);
      session.cookie = '';
      expect((await getCodebook(id)).status).toBe(401);
      expect((await getCodebook('study-p')).status).toBe(200);
    } finally {
      session.cookie = cookies.analyst;
    }
    const referenceCodebook = await getCodebook('study-g');
    expect(referenceCodebook.headers.get('content-disposition')).toContain('filename="study-g.codebook.json"');
    expect(((await referenceCodebook.json()) as Codebook).studyStyle).toBe('G');
  });
});

describe('appending to a dataset stored from one file', () => {
  it('asks for existingSource, then adds the source column and attribute (File / Bestand) with both codes', async () => {
    const single = await upload([
      ['file', csvFile(files.a.csv, files.a.name)],
      ['codebook', jsonBlob(ownSurveyCodebook())],
    ]);
    expect(single.status).toBe(201);
    const singleBody = await single.json();
    expect(singleBody.files).toEqual([{ name: files.a.name, source: null, rows: 2150 }]);
    const id = singleBody.dataset.id as string;

    const missing = await append(id, [['file', csvFile(files.b.csv, files.b.name)], ['source', 'UK'], ['columns', JSON.stringify(columnsB)]]);
    expect([missing.status, ((await missing.json()) as ErrorBody).error.code]).toEqual([400, 'ExistingSourceRequired']);

    const response = await append(id, [
      ['file', csvFile(files.b.csv, files.b.name)],
      ['source', 'UK'],
      ['existingSource', 'NL_DE'],
      ['columns', new Blob([JSON.stringify(columnsB)])],
      ['prefixIds', 'true'],
    ]);
    const body = await response.json();
    expect(response.status, JSON.stringify(body).slice(0, 1500)).toBe(201);
    expect(body.dataset).toMatchObject({ respondents: 3216, revision: 2 });
    const { getDatasetRegistry } = await import('../storage/datasetRegistry');
    const stored = (await getDatasetRegistry().store.get(id))!;
    expect(stored.header).toEqual([...OWN_SURVEY_HEADERS.a, 'source']);
    expect(stored.codebook.sourceColumn).toBe('source');
    expect(stored.codebook.attributes.at(-1)).toEqual({
      id: 'source',
      column: 'source',
      label: { en: 'File', nl: 'Bestand' },
      kind: 'categorical',
      codes: [
        { code: 'NL_DE', label: { en: 'NL_DE', nl: 'NL_DE' } },
        { code: 'UK', label: { en: 'UK', nl: 'UK' } },
      ],
    });
    expect(stored.rows[0].at(-1)).toBe('NL_DE');
    expect(stored.rows[0][0]).toBe(files.a.rows[0][0]);
    expect(stored.rows[2150][0]).toBe(`UK:${files.b.rows[0][0]}`);
    expect(stored.rows[2150].at(-1)).toBe('UK');
    const data = await getDatasetRegistry().load(id);
    expect(data.attributes.get('source')!.levels.map((l) => l.code)).toEqual(['NL_DE', 'UK']);
  });
});
