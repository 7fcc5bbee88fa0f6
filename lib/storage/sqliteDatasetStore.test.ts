import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Codebook } from '../survey/codebook';
import { parseCsv } from '../survey/dataset';
import { DatasetStoreError, loadStoredSurvey, type NewDataset } from './datasetStore';
import { readCodebookFile } from './referenceDatasets';
import { DATABASE_FILE, dataDirFromEnv, openSqliteDatasetStore, type SqliteDatasetStore } from './sqliteDatasetStore';
import { MIGRATIONS } from './sqliteMigrations';
import { closeDatasetStore, getDatasetStore } from './storeFromEnv';

const root = path.resolve(__dirname, '../..');
const codebook: Codebook = readCodebookFile(path.join(root, 'data/study-g.codebook.json'));
const studyG = parseCsv(readFileSync(path.join(root, 'data/study-g.csv'), 'utf8'));
const header = studyG.header;
const rows50 = studyG.rows.slice(0, 50);

const checksum = (rows: string[][]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
const dataset = (name: string, rows: NewDataset['rows'] = rows50): NewDataset => ({ name, codebook, header, rows });

/** Study-G-shaped rows with unique respondent ids, made on the fly. */
function* studyGRows(count: number, failAt?: number): Generator<string[]> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error('upload interrupted');
    const row = studyG.rows[i % studyG.rows.length].slice();
    row[0] = `R${i + 1}`;
    yield row;
  }
}

let dir: string;
let store: SqliteDatasetStore;
const rawDb = () => new Database(path.join(dir, DATABASE_FILE), { readonly: true });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dataset-store-'));
  store = openSqliteDatasetStore({ dataDir: path.join(dir) });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SqliteDatasetStore', () => {
  it('puts, lists, gets and deletes a study-G-shaped dataset', async () => {
    const summary = await store.put(dataset('My study G export'));
    expect(summary).toMatchObject({ name: 'My study G export', studyStyle: 'G', respondents: 50, synthetic: true, reference: false });
    expect(summary.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(summary.addedAt).toISOString()).toBe(summary.addedAt);

    expect(await store.list()).toEqual([summary]);
    const stored = await store.get(summary.id);
    expect(stored).not.toBeNull();
    expect(stored!.header).toEqual(header);
    expect(stored!.codebook).toEqual(codebook);
    expect(stored!.rows).toEqual(rows50);
    expect({ ...stored, codebook: undefined, header: undefined, rows: undefined }).toMatchObject(summary);

    const survey = loadStoredSurvey(stored!);
    expect(survey.rowCount).toBe(50);
    expect(survey.respondentIds).toEqual(rows50.map((r) => r[0]));
    expect(survey.items.size).toBe(codebook.items.length);

    expect(await store.get('no-such-id')).toBeNull();
    expect(await store.delete(summary.id)).toBe(true);
    expect(await store.delete(summary.id)).toBe(false);
    expect(await store.get(summary.id)).toBeNull();
    expect(await store.list()).toEqual([]);
    const db = rawDb();
    expect(db.prepare('SELECT count(*) AS n FROM dataset_chunks').get()).toEqual({ n: 0 });
    db.close();
  });

  it('gives back exactly the strings it was given, from a streaming (async) upload', async () => {
    const tricky = [
      ['', 'plain', 'a,b;c\td'],
      ['"quoted"', 'line\nbreak\r\n', '\\'],
      ['\\e\\f\\u0041\\\\', '\x1e\x1f', '\x1f\x1e\\\x1e'],
      ['😀 emoji', 'Zoë Ñ ß 中文', '\u0000nul'],
      ['\ud800', 'lone high \ud83d end', 'lone low \ude00'],
      ['  spaces  ', '\uFEFFbom', 'é (e + combining) é'],
    ];
    async function* upload() {
      for (const row of tricky) {
        await new Promise((r) => setTimeout(r, 1));
        yield row;
      }
    }
    const { id } = await store.put({ name: 'tricky', codebook, header: ['x', 'y', 'z'], rows: upload() });
    const stored = await store.get(id);
    expect(stored!.rows).toEqual(tricky);
    expect(stored!.rows.flat().every((s, i) => s === tricky.flat()[i])).toBe(true);
  });

  it('keeps every dataset after closing and reopening (a server restart)', async () => {
    const a = await store.put(dataset('A'));
    const b = await store.put(dataset('B', studyGRows(5_000)));
    const sums = { a: checksum((await store.get(a.id))!.rows), b: checksum((await store.get(b.id))!.rows) };
    await store.close();

    const started = performance.now();
    store = openSqliteDatasetStore({ dataDir: dir });
    const list = await store.list();
    console.log(`reopen + list: ${(performance.now() - started).toFixed(1)} ms`);
    expect(list).toEqual([a, b]);
    expect(checksum((await store.get(a.id))!.rows)).toBe(sums.a);
    expect(checksum((await store.get(b.id))!.rows)).toBe(sums.b);
    expect(checksum((await store.get(a.id))!.rows)).toBe(checksum(rows50));

    const db = rawDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT max(version) AS v FROM schema_version').get()).toEqual({ v: MIGRATIONS[MIGRATIONS.length - 1].version });
    db.close();
  });

  it('migrates a new database once and reopens without re-running migrations', async () => {
    await store.close();
    store = openSqliteDatasetStore({ dataDir: dir });
    const db = rawDb();
    expect(db.prepare('SELECT version FROM schema_version ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    db.close();
  });

  it('refuses a database from a newer program', async () => {
    await store.close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.prepare('INSERT INTO schema_version (version) VALUES (999)').run();
    db.close();
    expect(() => openSqliteDatasetStore({ dataDir: dir })).toThrow(/schema version 999/);
    store = openSqliteDatasetStore({ dataDir: path.join(dir, 'other') });
  });

  describe('atomicity', () => {
    async function expectOnly(earlier: { id: string; sum: string }[]) {
      const list = await store.list();
      expect(list.map((d) => d.id)).toEqual(earlier.map((d) => d.id));
      for (const d of earlier) expect(checksum((await store.get(d.id))!.rows)).toBe(d.sum);
      const db = rawDb();
      const orphans = db.prepare('SELECT count(*) AS n FROM dataset_chunks WHERE dataset_id NOT IN (SELECT id FROM datasets)').get();
      expect(orphans).toEqual({ n: 0 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    async function earlierDataset() {
      const s = await store.put(dataset('earlier'));
      return [{ id: s.id, sum: checksum(rows50) }];
    }

    it('a put whose row iterator throws half-way (after several chunks) leaves no trace', async () => {
      const earlier = await earlierDataset();
      await expect(store.put(dataset('interrupted', studyGRows(40_000, 20_000)))).rejects.toThrow('upload interrupted');
      await expectOnly(earlier);
    });

    it('a cancelled streaming upload (async iterator throws) leaves no trace', async () => {
      const earlier = await earlierDataset();
      async function* cancelled() {
        yield* studyGRows(10_000);
        throw new DOMException('The upload was cancelled', 'AbortError');
      }
      await expect(store.put(dataset('cancelled', cancelled()))).rejects.toThrow('cancelled');
      await expectOnly(earlier);
    });

    it('a put with a ragged row, a non-string field or no rows is refused and leaves no trace', async () => {
      const earlier = await earlierDataset();
      const ragged = [...studyGRows(20_000)];
      ragged[15_000] = ragged[15_000].slice(0, 3);
      await expect(store.put(dataset('ragged', ragged))).rejects.toMatchObject({ code: 'RaggedRow', row: 15_001 });
      const nonString = [...studyGRows(10)] as unknown[][];
      nonString[7][2] = 42;
      await expect(store.put(dataset('non-string', nonString as string[][]))).rejects.toMatchObject({ code: 'NotAString', row: 8 });
      await expect(store.put(dataset('empty', []))).rejects.toMatchObject({ code: 'NoRows' });
      await expect(store.put(dataset('   '))).rejects.toBeInstanceOf(DatasetStoreError);
      await expect(store.put({ ...dataset('no header'), header: [] })).rejects.toMatchObject({ code: 'BadHeader' });
      await expectOnly(earlier);
    });

    it('a put that SQLite itself refuses half-way (constraint raised on the 3rd chunk) leaves no trace', async () => {
      const earlier = await earlierDataset();
      const db = new Database(path.join(dir, DATABASE_FILE));
      db.exec("CREATE TRIGGER fail_third_chunk BEFORE INSERT ON dataset_chunks WHEN NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
      await expect(store.put(dataset('refused', studyGRows(20_000)))).rejects.toThrow('injected failure');
      db.exec('DROP TRIGGER fail_third_chunk');
      db.close();
      await expectOnly(earlier);
      // The store still works afterwards.
      const next = await store.put(dataset('after', studyGRows(20_000)));
      expect(next.respondents).toBe(20_000);
    });

    it('10 sequential puts with one failing in between: the other 9 are intact', async () => {
      const kept: { id: string; sum: string }[] = [];
      for (let i = 0; i < 10; i++) {
        const rows = [...studyGRows(500 + i * 100)].map((r) => [...r.slice(0, -1), `${r[r.length - 1]}-${i}`]);
        if (i === 4) {
          await expect(store.put(dataset(`put ${i}`, (function* () { yield* rows.slice(0, 300); throw new Error('failed put'); })()))).rejects.toThrow('failed put');
          continue;
        }
        const s = await store.put(dataset(`put ${i}`, rows));
        kept.push({ id: s.id, sum: checksum(rows) });
      }
      expect(kept).toHaveLength(9);
      await expectOnly(kept);
      expect((await store.list()).map((d) => d.name)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9].map((i) => `put ${i}`));
    });

    it('readers never see a dataset still being written; concurrent puts do not mix', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      async function* slow() {
        yield* studyGRows(5_000);
        await gate;
        yield* [...studyGRows(5_010)].slice(5_000);
      }
      const pending = store.put(dataset('slow', slow()));
      const second = store.put(dataset('second', rows50));
      await new Promise((r) => setTimeout(r, 20));
      expect(await store.list()).toEqual([]);
      release();
      const [a, b] = await Promise.all([pending, second]);
      expect(a.respondents).toBe(5_010);
      expect(b.respondents).toBe(50);
      expect(checksum((await store.get(b.id))!.rows)).toBe(checksum(rows50));
      expect((await store.list()).map((d) => d.name)).toEqual(['slow', 'second']);
    });

    it('a process killed in the middle of a put leaves no trace after restart', async () => {
      const earlier = await earlierDataset();
      const wal = path.join(dir, `${DATABASE_FILE}-wal`);
      const walAtStart = statSync(wal).size;
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing/killDuringPut.ts'), dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => String(d).includes('writing') && resolve());
        child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
      });
      // The child's open transaction has spilled uncommitted pages into the WAL file by now.
      const walAtKill = statSync(wal).size;
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(walAtKill).toBeGreaterThan(walAtStart + 1_000_000);

      await store.close();
      store = openSqliteDatasetStore({ dataDir: dir });
      await expectOnly(earlier);
      expect((await store.put(dataset('after crash'))).respondents).toBe(50);
    });
  });

  it('stores 200,000 rows in one put (timing printed)', async () => {
    const N = 200_000;
    const rows = [...studyGRows(N)];
    let t = performance.now();
    const s = await store.put(dataset('big', rows));
    const putMs = performance.now() - t;
    expect(s.respondents).toBe(N);
    t = performance.now();
    const stored = await store.get(s.id);
    const getMs = performance.now() - t;
    expect(stored!.rows.length).toBe(N);
    expect(checksum(stored!.rows)).toBe(checksum(rows));
    t = performance.now();
    await store.close();
    store = openSqliteDatasetStore({ dataDir: dir });
    await store.list();
    const reopenMs = performance.now() - t;
    const size = statSync(path.join(dir, DATABASE_FILE)).size;
    const csvMb = rows.reduce((n, r) => n + r.join(',').length + 1, 0) / 1e6;
    console.log(
      `200,000 study-G rows x ${header.length} columns: put ${putMs.toFixed(0)} ms, get ${getMs.toFixed(0)} ms, close+reopen+list ${reopenMs.toFixed(0)} ms, file ${(size / 1e6).toFixed(1)} MB (CSV ${csvMb.toFixed(1)} MB)`,
    );
  }, 120_000);
});

describe('configuration', () => {
  it('takes the data directory from DATA_DIR, default ./.data', () => {
    expect(dataDirFromEnv({} as NodeJS.ProcessEnv)).toBe(path.resolve('.data'));
    expect(dataDirFromEnv({ DATA_DIR: '/srv/x' } as unknown as NodeJS.ProcessEnv)).toBe('/srv/x');
  });

  it('getDatasetStore is one store per process, in DATA_DIR (created if missing)', async () => {
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = path.join(dir, 'nested', 'data');
    try {
      const a = getDatasetStore();
      expect(getDatasetStore()).toBe(a);
      await a.put(dataset('via env'));
      expect(statSync(path.join(dir, 'nested', 'data', DATABASE_FILE)).isFile()).toBe(true);
      await closeDatasetStore();
      const b = getDatasetStore();
      expect(b).not.toBe(a);
      expect((await b.list()).map((d) => d.name)).toEqual(['via env']);
      await closeDatasetStore();
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
    }
  });
});
