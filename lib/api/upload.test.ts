import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetStore } from '../storage/datasetStore';
import { openSqliteDatasetStore, type SqliteDatasetStore } from '../storage/sqliteDatasetStore';
import { ApiError } from './errors';
import { matchTemplate, templateCsv, templateHeader } from './templates';
import { uploadDataset } from './upload';

const root = path.resolve(__dirname, '../..');
const lines = readFileSync(path.join(root, 'data/study-g.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
const codebookText = readFileSync(path.join(root, 'data/study-g.codebook.json'), 'utf8');
const bytes = (text: string) => new TextEncoder().encode(text);
const csv = (n: number, extra?: { header: string; value: (i: number) => string }) =>
  [extra ? `${lines[0]},${extra.header}` : lines[0], ...lines.slice(1, n + 1).map((l, i) => (extra ? `${l},${extra.value(i)}` : l))].join('\n');

let dir: string;
let store: SqliteDatasetStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'upload-'));
  store = openSqliteDatasetStore({ dataDir: dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const refusal = async (promise: Promise<unknown>) => {
  const e = await promise.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
};

describe('templates', () => {
  it('match a header exactly, and the template CSV is the header and three rows', () => {
    expect(matchTemplate(templateHeader('study-g'))).toBe('study-g');
    expect(matchTemplate(templateHeader('study-p'))).toBe('study-p');
    expect(matchTemplate(templateHeader('study-g').slice(1))).toBeUndefined();
    expect(templateCsv('study-g').trim().split(/\r?\n/)).toEqual(lines.slice(0, 4));
  });
});

describe('uploadDataset', () => {
  it('stores a template-shaped CSV with the template codebook, as real (not synthetic) data', async () => {
    const result = await uploadDataset(store, { bytes: bytes(csv(50)), fileName: 'panel.csv' });
    expect(result.template).toBe('study-g');
    expect(result.dataset).toMatchObject({ name: 'panel', studyStyle: 'G', respondents: 50, synthetic: false });
    const stored = await store.get(result.dataset.id);
    expect(stored!.codebook.title).toEqual({ en: 'panel', nl: 'panel' });
  });

  it('asks for a codebook when the header matches no template', async () => {
    const e = await refusal(uploadDataset(store, { bytes: bytes('a,b\n1,2\n'), name: 'x' }));
    expect([e.status, e.code]).toEqual([400, 'CodebookRequired']);
    expect(await store.list()).toEqual([]);
  });

  it('refuses an invalid codebook with its problems', async () => {
    const e = await refusal(uploadDataset(store, { bytes: bytes(csv(5)), codebookText: '{"id": 1}' }));
    expect([e.status, e.code]).toEqual([400, 'BadCodebook']);
    expect((e.extra.problems as unknown[]).length).toBeGreaterThan(0);
    expect((await refusal(uploadDataset(store, { bytes: bytes(csv(5)), codebookText: '{' }))).code).toBe('BadCodebook');
  });

  it('answers errors with the report (422) and stores nothing', async () => {
    const broken = csv(10).replace(/\nG00002,/, '\nG00001,');
    const e = await refusal(uploadDataset(store, { bytes: bytes(broken), name: 'broken' }));
    expect([e.status, e.code]).toEqual([422, 'InvalidData']);
    expect(e.extra.problems).toEqual(expect.arrayContaining([expect.objectContaining({ row: 2, column: 'respondent_id' })]));
    expect(await store.list()).toEqual([]);
  });

  it('drops personal-data columns unless kept', async () => {
    const withEmail = csv(20, { header: 'email', value: (i) => `person${i}@example.com` });
    const dropped = await uploadDataset(store, { bytes: bytes(withEmail), codebookText, name: 'with e-mail' });
    expect(dropped.droppedColumns).toEqual(['email']);
    expect(dropped.warnings.some((w) => w.code === 'PersonalDataColumn')).toBe(true);
    expect((await store.get(dropped.dataset.id))!.header).not.toContain('email');

    const kept = await uploadDataset(store, { bytes: bytes(withEmail), codebookText, name: 'kept', keepPersonal: ['email'] });
    expect(kept.droppedColumns).toEqual([]);
    expect((await store.get(kept.dataset.id))!.header).toContain('email');
  });

  it('streams a file of several segments into the store, exactly, with the personal column left out', async () => {
    // More rows than one segment of the re-read (4,096), blank lines and quoted fields included.
    const rows = Array.from({ length: 9000 }, (_, i) => `${lines[1 + (i % 4000)].replace(/^G\d+/, `U${i + 1}`)},person${i}@example.com`);
    rows[17] = rows[17].replace(/,NL,/, ',"NL",');
    const text = [`${lines[0]},email`, ...rows.slice(0, 5000), '', ' , ', ...rows.slice(5000)].join('\r\n') + '\r\n';
    const result = await uploadDataset(store, { bytes: bytes(text), codebookText, name: 'big' });
    expect(result.droppedColumns).toEqual(['email']);
    const stored = (await store.get(result.dataset.id))!;
    expect(stored.header).toEqual(lines[0].split(','));
    expect(stored.rows.length).toBe(9000);
    const expected = rows.map((r) => r.replace(',"NL",', ',NL,').split(',').slice(0, -1));
    expect(stored.rows).toEqual(expected);
  });

  it('stores nothing when the put fails half-way through the streamed rows', async () => {
    const text = csv(4000);
    const failing: DatasetStore = {
      ...store,
      list: () => store.list(),
      get: (id) => store.get(id),
      summary: (id) => store.summary(id),
      columns: (id) => store.columns(id),
      sample: (id, max) => store.sample(id, max),
      saveColumns: (id, revision, columns) => store.saveColumns(id, revision, columns),
      delete: (id) => store.delete(id),
      updateCodebook: (id, codebook) => store.updateCodebook(id, codebook),
      replace: (id, replacement) => store.replace(id, replacement),
      close: () => store.close(),
      put: (input) =>
        store.put({
          ...input,
          rows: (function* () {
            let n = 0;
            for (const row of input.rows as Iterable<string[]>) {
              if (++n === 3000) throw new Error('disk full');
              yield row;
            }
          })(),
        }),
    };
    await expect(uploadDataset(failing, { bytes: bytes(text), name: 'fails' })).rejects.toThrow('disk full');
    expect(await store.list()).toEqual([]);
  });

  it('refuses a file over the size limit with 413', async () => {
    const e = await refusal(uploadDataset(store, { bytes: new Uint8Array(200 * 1024 * 1024 + 1), name: 'big' }));
    expect([e.status, e.code]).toEqual([413, 'FileTooLarge']);
  });

  it('refuses a file past a shape limit with the problem naming it, and a codebook over 5 MB, storing nothing', async () => {
    const wide = `${Array.from({ length: 1001 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 1001 }, () => '1').join(',')}\n`;
    const e = await refusal(uploadDataset(store, { bytes: bytes(wide), codebookText }));
    expect([e.status, e.code]).toEqual([422, 'InvalidData']);
    expect(e.extra.problems).toEqual([expect.objectContaining({ code: 'TooManyColumns', limit: { max: 1000, unit: 'columns', found: 1001 } })]);
    const big = await refusal(uploadDataset(store, { bytes: bytes(csv(10)), codebookText: codebookText + ' '.repeat(5 * 1024 * 1024 - codebookText.length + 1) }));
    expect([big.status, big.code]).toEqual([413, 'CodebookTooLarge']);
    // Exactly at the limit, the codebook is read (and used).
    const at = await uploadDataset(store, { bytes: bytes(csv(10)), codebookText: codebookText + ' '.repeat(5 * 1024 * 1024 - new TextEncoder().encode(codebookText).length) });
    expect(at.dataset.respondents).toBe(10);
    expect((await store.list()).length).toBe(1);
  });

  it('cleans a file name used as the dataset name, and refuses a typed name with control characters', async () => {
    const result = await uploadDataset(store, { bytes: bytes(csv(10)), fileName: `a\u0000b\n${'x'.repeat(300)}.csv` });
    expect(result.dataset.name).toBe(`a b ${'x'.repeat(196)}`);
    const e = await refusal(uploadDataset(store, { bytes: bytes(csv(10)), name: 'a\u0007b' }));
    expect([e.status, e.code]).toEqual([400, 'BadName']);
  });
});
