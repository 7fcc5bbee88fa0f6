import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSurveyData, parseCsv } from '../survey/dataset';
import { DatasetLookupError, DatasetRegistry, isValidDatasetId } from './datasetRegistry';
import { readCodebookFile } from './referenceDatasets';
import { openSqliteDatasetStore, type SqliteDatasetStore } from './sqliteDatasetStore';

const root = path.resolve(__dirname, '../..');
const codebook = readCodebookFile(path.join(root, 'data/study-g.codebook.json'));
const studyG = parseCsv(readFileSync(path.join(root, 'data/study-g.csv'), 'utf8'));

let dir: string;
let store: SqliteDatasetStore;
let registry: DatasetRegistry;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dataset-registry-'));
  store = openSqliteDatasetStore({ dataDir: dir });
  registry = new DatasetRegistry({ store: () => store, referenceAddedAt: () => '2026-01-01T00:00:00.000Z' });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (name: string, rows = studyG.rows.slice(0, 40)) => store.put({ name, codebook: { ...codebook, synthetic: false }, header: studyG.header, rows });

const lookupError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetLookupError);
  return (error as DatasetLookupError).code;
};

describe('dataset ids', () => {
  it('accepts the reference ids and UUIDs, nothing else', () => {
    expect(isValidDatasetId('study-g')).toBe(true);
    expect(isValidDatasetId('study-p')).toBe(true);
    expect(isValidDatasetId('3f2b8c1e-9a4d-4e2f-8b1a-0c9d8e7f6a5b')).toBe(true);
    for (const bad of ['', 'study-x', '../etc/passwd', '3f2b8c1e9a4d4e2f8b1a0c9d8e7f6a5b', "' OR 1=1 --", 42, null, undefined])
      expect(isValidDatasetId(bad)).toBe(false);
  });
});

describe('DatasetRegistry', () => {
  it('lists the reference datasets (synthetic, not deletable) before the uploads', async () => {
    const a = await put('Upload A');
    const listed = await registry.list();
    expect(listed.map((d) => d.id)).toEqual(['study-g', 'study-p', a.id]);
    const [g, p, upload] = listed;
    expect(g).toMatchObject({ reference: true, synthetic: true, deletable: false, studyStyle: 'G', respondents: 4000, addedAt: '2026-01-01T00:00:00.000Z' });
    expect(p).toMatchObject({ reference: true, synthetic: true, deletable: false, studyStyle: 'P' });
    expect(g.title.nl).not.toBe(g.title.en);
    expect(upload).toMatchObject({ name: 'Upload A', reference: false, synthetic: false, deletable: true, respondents: 40, title: { en: 'Upload A', nl: 'Upload A' } });
  });

  it('loads a reference dataset and an upload by id; the upload is cached until deleted', async () => {
    expect((await registry.load('study-g')).rowCount).toBe(4000);
    const a = await put('Upload A');
    const first = await registry.load(a.id);
    expect(first.rowCount).toBe(40);
    expect(first.codebook.id).toBe(a.id);
    expect(first.codebook.synthetic).toBe(false);
    expect(await registry.load(a.id)).toBe(first);
    await registry.delete(a.id);
    expect(await lookupError(registry.load(a.id))).toBe('NotFound');
    expect((await registry.list()).map((d) => d.id)).toEqual(['study-g', 'study-p']);
  });

  it('gives clear errors for malformed, unknown and reference ids, before touching storage', async () => {
    const untouchable = new DatasetRegistry({
      store: () => {
        throw new Error('storage touched');
      },
    });
    expect(await lookupError(untouchable.load('../../etc/passwd'))).toBe('BadId');
    expect(await lookupError(untouchable.delete('nope'))).toBe('BadId');
    expect(await lookupError(untouchable.delete('study-g'))).toBe('Reference');
    expect(await lookupError(untouchable.summary('x'))).toBe('BadId');

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await lookupError(registry.load(unknown))).toBe('NotFound');
    expect(await lookupError(registry.delete(unknown))).toBe('NotFound');
    expect(await lookupError(registry.summary(unknown))).toBe('NotFound');
    await expect(registry.load(unknown)).rejects.toThrow(/no dataset with id/);
  });

  it('finds a summary by id', async () => {
    const a = await put('Upload A');
    expect(await registry.summary(a.id)).toMatchObject({ id: a.id, name: 'Upload A', deletable: true });
    expect(await registry.summary('study-p')).toMatchObject({ id: 'study-p', reference: true });
  });
});

describe('several instances sharing one database', () => {
  it('an upload deleted on one instance is no longer served from another instance\'s cache', async () => {
    const otherStore = openSqliteDatasetStore({ dataDir: dir });
    try {
      const other = new DatasetRegistry({ store: () => otherStore, referenceAddedAt: () => '2026-01-01T00:00:00.000Z' });
      const a = await put('Upload A');
      expect((await other.load(a.id)).rowCount).toBe(40);
      expect((await other.load(a.id)).rowCount).toBe(40); // now from B's cache
      await registry.delete(a.id); // on instance A
      expect(await lookupError(other.load(a.id))).toBe('NotFound');
      expect(await lookupError(other.summary(a.id))).toBe('NotFound');
      expect((await other.list()).map((d) => d.id)).toEqual(['study-g', 'study-p']);
    } finally {
      await otherStore.close();
    }
  });
});

describe('cached columns follow the stored revision', () => {
  const relabelled = () => ({ ...codebook, synthetic: false, attributes: codebook.attributes.map((a) => ({ ...a, label: { en: `${a.label.en}!`, nl: `${a.label.nl}!` } })) });

  it('a codebook edit or a replace made through this instance\'s store is seen at the next load', async () => {
    const a = await put('Upload A');
    const first = await registry.load(a.id);
    expect(await registry.load(a.id)).toBe(first);
    await store.updateCodebook(a.id, relabelled());
    const second = await registry.load(a.id);
    expect(second).not.toBe(first);
    expect(second.attributes.get('country')!.label.en).toBe(`${first.attributes.get('country')!.label.en}!`);
    expect(second.codebook.id).toBe(a.id);
    expect(await registry.load(a.id)).toBe(second);
    await store.replace(a.id, { codebook: relabelled(), header: studyG.header, rows: studyG.rows.slice(0, 75) });
    expect((await registry.load(a.id)).rowCount).toBe(75);
    expect((await registry.summary(a.id)).revision).toBe(3);
  });

  it('a change made by another instance sharing the database is seen at the next load, not served from the cache', async () => {
    const otherStore = openSqliteDatasetStore({ dataDir: dir });
    try {
      const other = new DatasetRegistry({ store: () => otherStore });
      const a = await put('Upload A');
      const cached = await other.load(a.id);
      expect(cached.rowCount).toBe(40);
      expect(await other.load(a.id)).toBe(cached);
      await store.replace(a.id, { codebook: relabelled(), header: studyG.header, rows: studyG.rows.slice(100, 160) }); // on instance A
      const fresh = await other.load(a.id);
      expect(fresh).not.toBe(cached);
      expect(fresh.rowCount).toBe(60);
      const expected = buildSurveyData(relabelled(), studyG.header, studyG.rows.slice(100, 160));
      for (const [id, column] of expected.items) expect(Array.from(fresh.items.get(id)!.answerOf)).toEqual(Array.from(column.answerOf));
      expect(await other.load(a.id)).toBe(fresh);
      await store.updateCodebook(a.id, { ...relabelled(), title: { en: 'x', nl: 'y' } });
      expect(await other.load(a.id)).not.toBe(fresh);
    } finally {
      await otherStore.close();
    }
  });

  it('two loads at once after a change build the new revision once', async () => {
    const a = await put('Upload A');
    let reads = 0;
    const counting = new DatasetRegistry({ store: () => ({ summary: (id: string) => store.summary(id), columns: (id: string) => (reads++, store.columns(id)) }) as unknown as typeof store });
    const before = await counting.load(a.id);
    await store.updateCodebook(a.id, relabelled());
    const [x, y] = await Promise.all([counting.load(a.id), counting.load(a.id)]);
    expect(x).toBe(y);
    expect(x).not.toBe(before);
    expect(reads).toBe(2);
  });
});
