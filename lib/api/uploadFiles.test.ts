import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_SURVEY_HEADERS, ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import type { DatasetStore } from '../storage/datasetStore';
import { openSqliteDatasetStore, type SqliteDatasetStore } from '../storage/sqliteDatasetStore';
import { appendFile } from './appendFile';
import { codebookFit, editCodebook } from './codebookEdit';
import { ApiError } from './errors';
import { checkTotalRows, uploadFiles, type FilesUploadInput } from './uploadFiles';

/**
 * The server side of several files, an appended file and a codebook edit, called directly against
 * a throwaway SQLite store (the routes are tested in files.routes.test.ts): atomicity when the
 * store fails half-way, personal data across files, and changes made meanwhile (409).
 */

let dir: string;
let store: SqliteDatasetStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'upload-files-'));
  store = openSqliteDatasetStore({ dataDir: dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);
const files = ownSurveyFiles({ counts: { NL: 300, DE: 200, UK: 400 } });
const columnsB = Object.fromEntries(OWN_SURVEY_HEADERS.b.map((short, i) => [short, OWN_SURVEY_HEADERS.a[i]]).filter(([short, long]) => short !== long));
const codebook = ownSurveyCodebook({ source: true });
const input = (over: Partial<FilesUploadInput> = {}): FilesUploadInput => ({
  files: [
    { bytes: bytes(files.a.csv), fileName: files.a.name },
    { bytes: bytes(files.b.csv), fileName: files.b.name },
  ],
  plan: { sourceColumn: 'source', prefixIds: false, files: [{ source: 'NL_DE', columns: {} }, { source: 'UK', columns: columnsB }] },
  codebookText: JSON.stringify(codebook),
  name: 'own survey',
  ...over,
});

const refusal = async (promise: Promise<unknown>) => {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(Error);
  return e as ApiError;
};

/** The store, with its rows stream failing after `n` rows in puts and replaces. */
function failingAfter(n: number): DatasetStore {
  const fail = <T,>(rows: Iterable<T> | AsyncIterable<T>) =>
    (async function* () {
      let i = 0;
      for await (const row of rows as AsyncIterable<T>) {
        if (++i === n) throw new Error('disk full');
        yield row;
      }
    })();
  return {
    list: () => store.list(),
    get: (id) => store.get(id),
    summary: (id) => store.summary(id),
    columns: (id) => store.columns(id),
    sample: (id, max) => store.sample(id, max),
    saveColumns: (id, revision, columns) => store.saveColumns(id, revision, columns),
    delete: (id) => store.delete(id),
    updateCodebook: (id, cb, o) => store.updateCodebook(id, cb, o),
    close: () => store.close(),
    put: (dataset) => store.put({ ...dataset, rows: fail(dataset.rows) }),
    replace: (id, replacement, o) => store.replace(id, { ...replacement, rows: fail(replacement.rows) }, o),
  };
}

describe('uploadFiles', () => {
  it('stores both files in one put; a put failing half-way (in the second file) stores nothing', async () => {
    await expect(uploadFiles(failingAfter(700), input())).rejects.toThrow('disk full');
    expect(await store.list()).toEqual([]);
    const result = await uploadFiles(store, input());
    expect(result.dataset.respondents).toBe(900);
    expect(result.files.map((f) => f.rows)).toEqual([500, 400]);
    expect((await store.list()).map((d) => d.respondents)).toEqual([900]);
  });

  it('a column dropped as personal data from one file is dropped from the dataset; kept when keepPersonal names it by the codebook\'s name', async () => {
    const email = (csv: string, header: string) =>
      csv
        .split('\r\n')
        .map((line, i) => (line === '' ? line : `${line},${i === 0 ? header : `person${i}@example.com`}`))
        .join('\r\n');
    const withEmail = input({
      files: [
        { bytes: bytes(email(files.a.csv, 'E-mail address')), fileName: 'a.csv' },
        { bytes: bytes(email(files.b.csv, 'email')), fileName: 'b.csv' },
      ],
      plan: { sourceColumn: 'source', prefixIds: false, files: [{ source: 'NL_DE', columns: {} }, { source: 'UK', columns: { ...columnsB, email: 'E-mail address' } }] },
    });
    const dropped = await uploadFiles(store, withEmail);
    expect(dropped.droppedColumns).toEqual(['E-mail address']);
    expect((await store.get(dropped.dataset.id))!.header).toEqual([...OWN_SURVEY_HEADERS.a, 'source']);
    expect(dropped.warnings.filter((w) => w.code === 'PersonalDataColumn').map((w) => (w as { file?: string }).file)).toEqual(['a.csv', 'b.csv']);

    const kept = await uploadFiles(store, { ...withEmail, keepPersonal: ['E-mail address'] });
    expect(kept.droppedColumns).toEqual([]);
    const stored = (await store.get(kept.dataset.id))!;
    expect(stored.header).toEqual([...OWN_SURVEY_HEADERS.a, 'E-mail address', 'source']);
    expect(stored.rows[0].at(-2)).toBe('person1@example.com');
    expect(stored.rows[500].at(-2)).toBe('person1@example.com');
  });

  it('a file with a column the others lack: blank in their rows', async () => {
    const extra = files.b.csv
      .split('\r\n')
      .map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'panel' : 'P7'}`))
      .join('\r\n');
    const result = await uploadFiles(store, input({ files: [input().files[0], { bytes: bytes(extra), fileName: 'b.csv' }] }));
    const stored = (await store.get(result.dataset.id))!;
    expect(stored.header).toEqual([...OWN_SURVEY_HEADERS.a, 'panel', 'source']);
    expect(stored.rows[0].slice(-2)).toEqual(['', 'NL_DE']);
    expect(stored.rows[899].slice(-2)).toEqual(['P7', 'UK']);
  });

  it('the files together may not pass the row limit of one dataset', () => {
    expect(() => checkTotalRows(2_000_000)).not.toThrow();
    expect(() => checkTotalRows(2_000_001)).toThrow(expect.objectContaining({ status: 422, code: 'TooManyRows' }));
  });
});

describe('appendFile', () => {
  const late = ownSurveyFiles({ seed: 99, counts: { NL: 0, DE: 0, UK: 20 } }).b;
  const lateCsv = late.csv.replace(/\r\nR_/g, '\r\nLATE_');
  const appended = { bytes: bytes(lateCsv), fileName: 'late.csv', source: 'UK_late', columns: columnsB, prefixIds: false };

  it('a replace failing half-way leaves the stored dataset as it was', async () => {
    const { dataset } = await uploadFiles(store, input());
    const before = await store.get(dataset.id);
    await expect(appendFile(failingAfter(905), dataset.id, appended)).rejects.toThrow('disk full');
    expect(await store.get(dataset.id)).toEqual(before);
    const result = await appendFile(store, dataset.id, appended);
    expect(result.dataset).toMatchObject({ respondents: 920, revision: 2 });
  });

  it('a change made meanwhile (another instance edited the codebook) makes it a 409, not a lost update', async () => {
    const { dataset } = await uploadFiles(store, input());
    const racing: DatasetStore = {
      ...failingAfter(Infinity),
      get: async (id) => {
        const read = await store.get(id);
        await store.updateCodebook(id, { ...codebook, title: { en: 'edited meanwhile', nl: 'intussen bewerkt' } });
        return read;
      },
    };
    const e = await refusal(appendFile(racing, dataset.id, appended));
    expect(e).toMatchObject({ name: 'DatasetStoreError', code: 'Conflict' });
    const now = (await store.get(dataset.id))!;
    expect(now.revision).toBe(2);
    expect(now.rows).toHaveLength(900);
    expect(now.codebook.title.en).toBe('edited meanwhile');
  });

  it('a file whose rows do not fit the codebook is a 422 naming it; a plan problem a 400', async () => {
    const { dataset } = await uploadFiles(store, input());
    const bad = await refusal(appendFile(store, dataset.id, { ...appended, bytes: bytes(lateCsv.replace('Very acceptable', 'Great')) }));
    expect([bad.status, bad.code]).toEqual([422, 'InvalidData']);
    expect(bad.extra.problems).toEqual([expect.objectContaining({ code: 'UnknownCode', file: 'late.csv' })]);
    const unmapped = await refusal(appendFile(store, dataset.id, { ...appended, columns: { ...columnsB, nosuch: 'x' } }));
    expect([unmapped.status, unmapped.code]).toEqual([400, 'BadPlan']);
    expect((await store.summary(dataset.id))!.revision).toBe(1);
  });
});

describe('editCodebook', () => {
  it('a change made between the check of the rows and the store is a 409', async () => {
    const { dataset } = await uploadFiles(store, input());
    const racing: DatasetStore = {
      ...failingAfter(Infinity),
      get: async (id) => {
        const read = await store.get(id);
        await store.replace(id, { codebook: read!.codebook, header: read!.header, rows: read!.rows.slice(0, 10) });
        return read;
      },
    };
    const e = await refusal(editCodebook(racing, dataset.id, { text: JSON.stringify({ ...codebook, title: { en: 'x', nl: 'y' } }) }));
    expect(e).toMatchObject({ code: 'Conflict' });
    expect((await store.get(dataset.id))!.codebook.title).toEqual(codebook.title);
  });

  it('codebookFit counts every problem and lists at most 100, errors first', async () => {
    const { dataset } = await uploadFiles(store, input());
    const stored = (await store.get(dataset.id))!;
    // The country as the respondent id: three distinct values, so 897 repeats, all counted.
    const fit = codebookFit({ ...codebook, respondentId: OWN_SURVEY_HEADERS.a[1] }, stored);
    expect(fit).toMatchObject({ ok: false, counts: { DuplicateId: 897 }, errors: 897 });
    expect(fit.listed).toBeLessThanOrEqual(100);
    const missing = codebookFit({ ...codebook, attributes: codebook.attributes.map((a) => (a.id === 'gender' ? { ...a, column: 'sex' } : a)) }, stored);
    expect(missing).toMatchObject({ ok: false, counts: { MissingColumn: 1 }, errors: 1, listed: 1 });
    const unknownCodes = codebookFit({ ...codebook, attributes: codebook.attributes.map((a) => (a.id === 'gender' && a.kind === 'categorical' ? { ...a, codes: a.codes.slice(0, 1) } : a)) }, stored);
    const notFemale = stored.rows.filter((r) => r[2] !== 'Female').length;
    expect(unknownCodes.counts).toEqual({ UnknownCode: notFemale });
    expect(unknownCodes.errors).toBe(notFemale);
    expect(unknownCodes.listed).toBeLessThanOrEqual(100);
    expect(unknownCodes.problems.every((p) => p.type === 'error')).toBe(true);
  });
});
