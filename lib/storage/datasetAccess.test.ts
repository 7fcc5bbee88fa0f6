import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../survey/dataset';
import { DatasetAccess } from './datasetAccess';
import type { DatasetStore } from './datasetStore';
import { DatasetLookupError, DatasetRegistry } from './datasetRegistry';
import { readCodebookFile } from './referenceDatasets';
import { openSqliteDatasetStore, type SqliteDatasetStore } from './sqliteDatasetStore';

const root = path.resolve(__dirname, '../..');
const codebook = readCodebookFile(path.join(root, 'data/study-g.codebook.json'));
const studyG = parseCsv(readFileSync(path.join(root, 'data/study-g.csv'), 'utf8'));

let dir: string;
let store: SqliteDatasetStore;
let touched: string[];
let registry: DatasetRegistry;
let uploadId: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dataset-access-'));
  store = openSqliteDatasetStore({ dataDir: dir });
  touched = [];
  // Records every store call, to show that a refusal comes before storage is asked anything.
  const spy = new Proxy(store, { get: (target, key) => (touched.push(String(key)), Reflect.get(target, key, target)) }) as DatasetStore;
  registry = new DatasetRegistry({ store: () => spy, referenceAddedAt: () => '2026-01-01T00:00:00.000Z' });
  uploadId = (await store.put({ name: 'Client survey', codebook: { ...codebook, synthetic: false }, header: studyG.header, rows: studyG.rows.slice(0, 40) })).id;
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof DatasetLookupError ? e.code : String(e)));

describe('what a signed-out visitor may see', () => {
  const visitor = () => new DatasetAccess(registry, { signedIn: false, canWrite: false });

  it('lists only the reference datasets, without asking the store', async () => {
    expect((await visitor().list()).map((d) => d.id)).toEqual(['study-g', 'study-p']);
    expect(touched).toEqual([]);
  });

  it('is refused an upload before storage is touched, whether or not the id exists', async () => {
    expect(await codeOf(visitor().load(uploadId))).toBe('SignInRequired');
    expect(await codeOf(visitor().summary(uploadId))).toBe('SignInRequired');
    expect(await codeOf(visitor().load('00000000-0000-4000-8000-000000000000'))).toBe('SignInRequired');
    expect(await codeOf(visitor().delete(uploadId))).toBe('SignInRequired');
    expect(touched).toEqual([]);
    expect(await store.summary(uploadId)).not.toBeNull();
  });

  it('still reads the reference datasets, and a malformed id is still a bad id', async () => {
    expect((await visitor().load('study-g')).rowCount).toBe(4000);
    expect(await codeOf(visitor().load('../etc/passwd'))).toBe('BadId');
  });
});

describe('signed-in roles', () => {
  it('a reader sees uploads but may not delete them', async () => {
    const reader = new DatasetAccess(registry, { signedIn: true, canWrite: false });
    const listed = await reader.list();
    expect(listed.map((d) => d.id)).toContain(uploadId);
    expect(listed.every((d) => !d.deletable)).toBe(true);
    expect((await reader.load(uploadId)).rowCount).toBe(40);
    expect(await codeOf(reader.delete(uploadId))).toBe('Forbidden');
    expect(await store.summary(uploadId)).not.toBeNull();
  });

  it('a writer may delete an upload, never a reference dataset', async () => {
    const writer = new DatasetAccess(registry, { signedIn: true, canWrite: true });
    expect((await writer.list()).find((d) => d.id === uploadId)?.deletable).toBe(true);
    expect(await codeOf(writer.delete('study-g'))).toBe('Reference');
    await writer.delete(uploadId);
    expect(await store.summary(uploadId)).toBeNull();
  });
});
