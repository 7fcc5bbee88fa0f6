/**
 * The DatasetStore contract: one suite of tests that every store must pass, run against the
 * embedded SQLite store (sqliteDatasetStore.test.ts) and PostgreSQL (postgresDatasetStore.test.ts).
 * A backend supplies a harness: where a fresh empty database comes from, how to open a store on it
 * (again: a restart, or a second app instance sharing it), and a few raw checks that only the
 * backend can make (orphaned rows, its own integrity check, an injected write failure).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptanceCube } from '../analysis/acceptance';
import type { Codebook } from '../survey/codebook';
import { buildSurveyData, parseCsv, type SurveyData } from '../survey/dataset';
import { DatasetStoreError, loadStoredSurvey, sampleRanges, type DatasetStore, type DatasetSummary, type NewDataset } from './datasetStore';
import { DatasetRegistry } from './datasetRegistry';
import { readCodebookFile } from './referenceDatasets';
import { decodeStoredColumns } from './storedColumns';

export interface StoreHarness {
  /** Prepares a new, empty database (a folder, a PostgreSQL database) for the next test. */
  freshLocation(): Promise<void>;
  /** Opens a store on the current database: a restart if the last one was closed, a second instance if not. */
  open(): Promise<DatasetStore>;
  /** Removes the current database (after each test). */
  dropLocation(): Promise<void>;
  /** Stored data rows that belong to no dataset. */
  orphanRows(): Promise<number>;
  /** The database's own consistency checks (and stored rows per dataset = its respondents); [] when fine. */
  integrityProblems(): Promise<string[]>;
  /** Every schema version recorded, in order. */
  schemaVersions(): Promise<number[]>;
  /** The versions this program's migrations define. */
  migrationVersions: number[];
  /** Records a schema version, as a newer program would. */
  recordSchemaVersion(version: number): Promise<void>;
  /** Makes the database itself refuse a put half-way (after several thousand rows); returns the undo. */
  refuseWritesHalfway(): Promise<() => Promise<void>>;
  /** The argument that points testing/killDuringPut.ts at the current database, and its row count. */
  killerArgs(): string[];
  /** After the child said "writing": checks that its uncommitted rows reached the database; says how. */
  evidenceOfOpenWrite(): Promise<string>;
  /** After the kill: waits until the database has let go of the dead connection's transaction. */
  afterKill(): Promise<void>;
  /**
   * Makes the current (empty) database what an older program left: migrations 1 to `version`, and
   * this dataset written as that program wrote it; returns its id. Version 2: before datasets could
   * change; version 3: before the engine's columns were stored.
   */
  storedByVersion(version: 2 | 3, dataset: NewDataset & { rows: string[][] }): Promise<string>;
  /** Timeout for the big put (ms). */
  bigPutTimeoutMs?: number;
}

const root = path.resolve(__dirname, '../..');
const codebook: Codebook = readCodebookFile(path.join(root, 'data/study-g.codebook.json'));
const studyG = parseCsv(readFileSync(path.join(root, 'data/study-g.csv'), 'utf8'));
const header = studyG.header;
const rows50 = studyG.rows.slice(0, 50);

export const rowsChecksum = (rows: string[][]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
const bytesChecksum = (bytes: Uint8Array | null | undefined) => (bytes ? createHash('sha256').update(bytes).digest('hex') : null);
/** Every item by every attribute, each cell with share, SE, intervals and tests: what the engine answers from the columns. */
const tablesOf = (data: SurveyData) => acceptanceCube(data, [...data.attributes.keys()]);
const dataset = (name: string, rows: NewDataset['rows'] = rows50): NewDataset => ({ name, codebook, header, rows });

/** Study-G-shaped rows with unique respondent ids, made on the fly. */
function* studyGRows(count: number, failAt?: number, tag = ''): Generator<string[]> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error('upload interrupted');
    const row = studyG.rows[i % studyG.rows.length].slice();
    row[0] = `R${tag}${i + 1}`;
    yield row;
  }
}

export function runDatasetStoreContract(name: string, harness: StoreHarness): void {
  describe(`DatasetStore contract: ${name}`, () => {
    let opened: DatasetStore[] = [];
    let store: DatasetStore;
    const open = async () => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };
    /** Closes the current store and opens a new one on the same database (a server restart). */
    const restart = async () => {
      await store.close();
      store = await open();
      return store;
    };

    beforeEach(async () => {
      await harness.freshLocation();
      store = await open();
    });

    afterEach(async () => {
      await Promise.allSettled(opened.map((s) => s.close()));
      opened = [];
      await harness.dropLocation();
    });

    async function expectOnly(earlier: { id: string; sum: string }[], on: DatasetStore = store) {
      const list = await on.list();
      expect(list.map((d) => d.id)).toEqual(earlier.map((d) => d.id));
      for (const d of earlier) expect(rowsChecksum((await on.get(d.id))!.rows)).toBe(d.sum);
      expect(await harness.orphanRows()).toBe(0);
      expect(await harness.integrityProblems()).toEqual([]);
    }
    async function earlierDataset() {
      const s = await store.put(dataset('earlier'));
      return [{ id: s.id, sum: rowsChecksum(rows50) }];
    }

    it('puts, lists, gets and deletes a study-G-shaped dataset', async () => {
      const summary = await store.put(dataset('My study G export'));
      expect(summary).toMatchObject({ name: 'My study G export', studyStyle: 'G', respondents: 50, synthetic: true, reference: false });
      expect(summary.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Date(summary.addedAt).toISOString()).toBe(summary.addedAt);

      expect(await store.list()).toEqual([summary]);
      expect(await store.summary(summary.id)).toEqual(summary);
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

      for (const unknown of ['no-such-id', '00000000-0000-4000-8000-000000000000', "' OR 1=1 --"]) {
        expect(await store.get(unknown)).toBeNull();
        expect(await store.summary(unknown)).toBeNull();
        expect(await store.delete(unknown)).toBe(false);
      }
      expect(await store.delete(summary.id)).toBe(true);
      expect(await store.delete(summary.id)).toBe(false);
      expect(await store.get(summary.id)).toBeNull();
      expect(await store.summary(summary.id)).toBeNull();
      expect(await store.list()).toEqual([]);
      expect(await harness.orphanRows()).toBe(0);
    });

    it('sample reads the rows of sampleRanges only, in order: all of a small dataset, the head and stretches of a large one', async () => {
      const small = await store.put(dataset('small'));
      expect((await store.sample(small.id, 1000))!.rows).toEqual(rows50);
      // 30,000 rows: several chunks (SQLite) and a stretch that ends on the very last row.
      const all = [...studyGRows(30_000)];
      const large = await store.put(dataset('large', all));
      const sampled = (await store.sample(large.id, 2_000))!;
      expect(sampled).toMatchObject({ id: large.id, respondents: 30_000, header, codebook });
      const expected = sampleRanges(30_000, 2_000).flatMap(([start, end]) => all.slice(start, end));
      expect(sampled.rows).toHaveLength(2_000);
      expect(sampled.rows).toEqual(expected);
      expect(sampled.rows.at(-1)).toEqual(all.at(-1));
      for (const unknown of ['no-such-id', '00000000-0000-4000-8000-000000000000']) expect(await store.sample(unknown, 10)).toBeNull();
    });

    it('gives back exactly the strings it was given, from a streaming (async) upload', async () => {
      const tricky = [
        ['', 'plain', 'a,b;c\td'],
        ['"quoted"', 'line\nbreak\r\n', '\\'],
        ['\\e\\f\\u0041\\\\', '\x1e\x1f', '\x1f\x1e\\\x1e'],
        ['😀 emoji', 'Zoë Ñ ß 中文', '\u0000nul'],
        ['\ud800', 'lone high \ud83d end', 'lone low \ude00'],
        ['  spaces  ', '\uFEFFbom', 'é (e + combining) é'],
        ['\\.', '\\N', '\b\f\v\x7f'],
        ['\t', '\n', '\\\\t'],
      ];
      async function* upload() {
        for (const row of tricky) {
          await new Promise((r) => setTimeout(r, 1));
          yield row;
        }
      }
      const awkwardName = 'Zoë\'s "export"; DROP TABLE datasets; -- \\ 😀';
      const { id } = await store.put({ name: awkwardName, codebook: { ...codebook, title: { en: 'a\u0000b \ud800', nl: '\\N' } }, header: ['x', 'y\t', '\u0000z'], rows: upload() });
      const stored = await store.get(id);
      expect(stored!.rows).toEqual(tricky);
      expect(stored!.rows.flat().every((s, i) => s === tricky.flat()[i])).toBe(true);
      expect(stored!.name).toBe(awkwardName);
      expect(stored!.header).toEqual(['x', 'y\t', '\u0000z']);
      expect(stored!.codebook.title).toEqual({ en: 'a\u0000b \ud800', nl: '\\N' });
    });

    it('keeps every dataset after closing and reopening (a server restart)', async () => {
      const a = await store.put(dataset('A'));
      const b = await store.put(dataset('B', studyGRows(5_000)));
      const sums = { a: rowsChecksum((await store.get(a.id))!.rows), b: rowsChecksum((await store.get(b.id))!.rows) };

      const started = performance.now();
      await restart();
      const list = await store.list();
      console.log(`${name}: reopen + list: ${(performance.now() - started).toFixed(1)} ms`);
      expect(list).toEqual([a, b]);
      expect(rowsChecksum((await store.get(a.id))!.rows)).toBe(sums.a);
      expect(rowsChecksum((await store.get(b.id))!.rows)).toBe(sums.b);
      expect(rowsChecksum((await store.get(a.id))!.rows)).toBe(rowsChecksum(rows50));
    });

    describe('migrations', () => {
      it('migrate a new database once; reopening does not run them again', async () => {
        await store.list();
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
        await restart();
        await store.list();
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
      });

      it('several instances starting together on a new database migrate it once, without racing', async () => {
        await store.close();
        await harness.dropLocation();
        await harness.freshLocation();
        const instances = await Promise.all([0, 1, 2, 3, 4].map(() => open()));
        const lists = await Promise.all(instances.map((s) => s.list()));
        expect(lists).toEqual([[], [], [], [], []]);
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
        store = instances[0];
      });

      it('refuse a database from a newer program', async () => {
        await store.list();
        await store.close();
        await harness.recordSchemaVersion(999);
        await expect(
          (async () => {
            const s = await open();
            await s.list();
          })(),
        ).rejects.toThrow(/schema version 999/);
        store = await open().catch(() => store);
      });
    });

    describe('the engine columns stored with each dataset', () => {
      const relabelled = (): Codebook => ({ ...codebook, attributes: codebook.attributes.map((a) => ({ ...a, label: { en: `${a.label.en}!`, nl: `${a.label.nl}!` } })) });
      /** A codebook the stored rows do not fit: a scale without its first code. */
      const unfitting = (): Codebook => ({ ...codebook, scales: codebook.scales.map((sc) => ({ ...sc, codes: sc.codes.slice(1) })) });
      const opened = async (id: string, on: DatasetStore = store) => {
        const found = (await on.columns(id))!;
        return { ...found, data: found.columns && decodeStoredColumns(found.columns) };
      };

      it('put, updateCodebook and replace store the columns of the current codebook and rows; a restart and another instance read the same', async () => {
        const rows = [...studyGRows(3_000)];
        const put = await store.put(dataset('with columns', rows));
        const first = await opened(put.id);
        expect(first.summary).toEqual(put);
        expect(first.codebook).toEqual(codebook);
        expect(first.data!.rowCount).toBe(3_000);
        expect(tablesOf(first.data!)).toEqual(tablesOf(buildSurveyData(codebook, header, rows)));

        const edited = await store.updateCodebook(put.id, relabelled());
        const second = await opened(put.id);
        expect(second.summary).toEqual(edited);
        expect(second.data!.attributes.get('country')!.label.en).toBe(`${first.data!.attributes.get('country')!.label.en}!`);
        expect(tablesOf(second.data!)).toEqual(tablesOf(buildSurveyData(relabelled(), header, rows)));

        // Rows the engine refuses under a codebook have no columns (opening them fails, as it always did).
        await store.updateCodebook(put.id, unfitting());
        expect((await opened(put.id)).columns).toBeNull();

        const others = [...studyGRows(1_200, undefined, 'r-')].map((r) => r.slice());
        const replaced = await store.replace(put.id, { codebook, header, rows: others });
        const third = await opened(put.id);
        expect(third.summary).toEqual(replaced);
        expect(tablesOf(third.data!)).toEqual(tablesOf(buildSurveyData(codebook, header, others)));

        const other = await open();
        expect(bytesChecksum((await other.columns(put.id))!.columns)).toBe(bytesChecksum(third.columns));
        await restart();
        expect(bytesChecksum((await store.columns(put.id))!.columns)).toBe(bytesChecksum(third.columns));
        expect(await store.columns('00000000-0000-4000-8000-000000000000')).toBeNull();
        expect(await store.columns("' OR 1=1 --")).toBeNull();
        expect(await other.delete(put.id)).toBe(true);
        expect(await store.columns(put.id)).toBeNull();
      });

      it('saveColumns stores columns only for the revision they were built from', async () => {
        const put = await store.put(dataset('saved'));
        const built = (await store.columns(put.id))!.columns!;
        await store.updateCodebook(put.id, relabelled());
        const current = bytesChecksum((await store.columns(put.id))!.columns);
        expect(await store.saveColumns(put.id, 1, built)).toBe(false);
        expect(bytesChecksum((await store.columns(put.id))!.columns)).toBe(current);
        expect(await store.saveColumns(put.id, 2, built)).toBe(true);
        expect(bytesChecksum((await store.columns(put.id))!.columns)).toBe(bytesChecksum(built));
        expect(await store.saveColumns('00000000-0000-4000-8000-000000000000', 1, built)).toBe(false);
      });

      it('a dataset stored by the previous schema (no columns) opens after the migration with identical acceptance tables, and its columns are stored for every instance', async () => {
        await store.close();
        await harness.dropLocation();
        await harness.freshLocation();
        const rows = [...studyGRows(2_500, undefined, 'v3-')];
        const id = await harness.storedByVersion(3, { ...dataset('stored by version 3'), rows });
        expect(await harness.schemaVersions()).toEqual([1, 2, 3]);
        store = await open();
        expect((await store.columns(id))!.columns).toBeNull();
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
        const expected = tablesOf(buildSurveyData({ ...codebook, id }, header, rows));

        // The first opening builds the columns from the rows and stores them.
        const registry = new DatasetRegistry({ store: () => store });
        const built = await registry.load(id);
        expect(built.codebook.id).toBe(id);
        expect(tablesOf(built)).toEqual(expected);
        const stored = (await store.columns(id))!;
        expect(stored.summary.revision).toBe(1);
        expect(stored.columns).not.toBeNull();

        // Another instance opens them without reading a row.
        const other = await open();
        const reader = new DatasetRegistry({ store: () => ({ summary: (i: string) => other.summary(i), columns: (i: string) => other.columns(i), get: () => Promise.reject(new Error('rows read')) }) as unknown as DatasetStore });
        expect(tablesOf(await reader.load(id))).toEqual(expected);
        expect(await harness.integrityProblems()).toEqual([]);
      });
    });

    describe('several instances on one database', () => {
      it('see each other\'s datasets and deletes', async () => {
        const other = await open();
        const a = await store.put(dataset('from A', studyGRows(1_000, undefined, 'a')));
        const b = await other.put(dataset('from B', studyGRows(700, undefined, 'b')));
        expect((await other.list()).map((d) => d.id)).toEqual([a.id, b.id]);
        expect((await store.list()).map((d) => d.id)).toEqual([a.id, b.id]);
        expect(rowsChecksum((await other.get(a.id))!.rows)).toBe(rowsChecksum([...studyGRows(1_000, undefined, 'a')]));
        expect(await other.delete(a.id)).toBe(true);
        expect(await store.get(a.id)).toBeNull();
        expect(await store.summary(a.id)).toBeNull();
        expect(await store.delete(a.id)).toBe(false);
        expect((await store.list()).map((d) => d.id)).toEqual([b.id]);
      });

      it('20 puts at once from two instances are each stored whole, none mixed up', async () => {
        const other = await open();
        const sent = Array.from({ length: 20 }, (_, i) => [...studyGRows(300 + 37 * i, undefined, `p${i}-`)]);
        const summaries = await Promise.all(sent.map((rows, i) => (i % 2 ? other : store).put(dataset(`put ${i}`, rows))));
        const listed = await store.list();
        expect(listed).toHaveLength(20);
        for (let i = 0; i < 20; i++) {
          expect(listed.filter((d) => d.name === `put ${i}`)).toHaveLength(1);
          expect(summaries[i].respondents).toBe(sent[i].length);
          expect(rowsChecksum((await (i % 3 ? store : other).get(summaries[i].id))!.rows)).toBe(rowsChecksum(sent[i]));
        }
        expect(await harness.integrityProblems()).toEqual([]);
      });
    });

    describe('atomicity', () => {
      it('a put whose row iterator throws half-way (after many rows) leaves no trace', async () => {
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

      it('a put that the database itself refuses half-way leaves no trace', async () => {
        const earlier = await earlierDataset();
        const undo = await harness.refuseWritesHalfway();
        await expect(store.put(dataset('refused', studyGRows(20_000)))).rejects.toThrow('injected failure');
        await undo();
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
            await expect(
              store.put(
                dataset(
                  `put ${i}`,
                  (function* () {
                    yield* rows.slice(0, 300);
                    throw new Error('failed put');
                  })(),
                ),
              ),
            ).rejects.toThrow('failed put');
            continue;
          }
          const s = await store.put(dataset(`put ${i}`, rows));
          kept.push({ id: s.id, sum: rowsChecksum(rows) });
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
        const reader = await open();
        const pending = store.put(dataset('slow', slow()));
        const second = store.put(dataset('second', rows50));
        await new Promise((r) => setTimeout(r, 50));
        for (const s of [store, reader]) expect((await s.list()).map((d) => d.name)).not.toContain('slow');
        release();
        const [a, b] = await Promise.all([pending, second]);
        expect(a.respondents).toBe(5_010);
        expect(b.respondents).toBe(50);
        expect(rowsChecksum((await reader.get(a.id))!.rows)).toBe(rowsChecksum([...studyGRows(5_010)]));
        expect(rowsChecksum((await reader.get(b.id))!.rows)).toBe(rowsChecksum(rows50));
        // Oldest first: ordered by when each put started (slow's put was called first).
        const listed = await reader.list();
        expect(listed.map((d) => d.name).sort()).toEqual(['second', 'slow']);
        expect(listed.map((d) => d.addedAt)).toEqual(listed.map((d) => d.addedAt).sort());
      });

      it('a process killed in the middle of a put leaves no trace after restart', async () => {
        const earlier = await earlierDataset();
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing/killDuringPut.ts'), ...harness.killerArgs()], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (d) => String(d).includes('writing') && resolve());
          child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
        });
        const evidence = await harness.evidenceOfOpenWrite();
        console.log(`${name}: killed during a put: ${evidence}`);
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        await harness.afterKill();

        await restart();
        await expectOnly(earlier);
        expect((await store.put(dataset('after crash'))).respondents).toBe(50);
      }, 60_000);

      it('closing the store while a put streams rolls the put back', async () => {
        const earlier = await earlierDataset();
        async function* endless() {
          for (let i = 0; ; i++) {
            yield* studyGRows(1_000, undefined, `c${i}-`);
            await new Promise((r) => setTimeout(r, 1));
          }
        }
        const pending = store.put(dataset('endless', endless()));
        await new Promise((r) => setTimeout(r, 100));
        await store.close();
        await expect(pending).rejects.toMatchObject({ code: 'Closed' });
        await expect(store.list()).rejects.toMatchObject({ code: 'Closed' });
        store = await open();
        await expectOnly(earlier);
      });
    });

    describe('changes: updateCodebook and replace', () => {
      /** A codebook edit as an analyst makes it: new labels and title, another study style, not synthetic. */
      const edited = (): Codebook => ({
        ...codebook,
        studyStyle: 'custom',
        synthetic: false,
        title: { en: 'Edited "title" 😀', nl: 'Bewerkte titel \\N' },
        attributes: codebook.attributes.map((a) => ({ ...a, label: { en: `${a.label.en} (edited)`, nl: `${a.label.nl} (bewerkt)` } })),
      });
      /** A smaller replacement: the first six columns only, other rows. */
      const narrowHeader = header.slice(0, 6);
      const narrowCodebook = (): Codebook => ({ ...codebook, studyStyle: 'W2', attributes: [], items: [], weight: undefined, title: { en: 'wave 2', nl: 'golf 2' } });
      const narrowRows = (n: number, failAt?: number) => (function* () {
        for (const row of studyGRows(n, failAt, 'w2-')) yield row.slice(0, 6);
      })();

      async function snapshot(id: string, on: DatasetStore = store) {
        const stored = (await on.get(id))!;
        return {
          summary: await on.summary(id),
          codebook: stored.codebook,
          header: stored.header,
          sum: rowsChecksum(stored.rows),
          revision: stored.revision,
          columns: bytesChecksum((await on.columns(id))?.columns),
        };
      }

      it('updateCodebook replaces the codebook and what the summary reads from it; the rows stay; revision 1 -> 2', async () => {
        const put = await store.put(dataset('to edit'));
        expect(put).toMatchObject({ revision: 1, updatedAt: put.addedAt });
        await new Promise((r) => setTimeout(r, 5));
        const updated = await store.updateCodebook(put.id, edited());
        expect(updated).toMatchObject({ id: put.id, name: 'to edit', addedAt: put.addedAt, respondents: 50, studyStyle: 'custom', synthetic: false, revision: 2, reference: false });
        expect(updated!.updatedAt > put.addedAt).toBe(true);
        expect(new Date(updated!.updatedAt).toISOString()).toBe(updated!.updatedAt);
        expect(await store.summary(put.id)).toEqual(updated);
        expect(await store.list()).toEqual([updated]);
        const stored = (await store.get(put.id))!;
        expect(stored.codebook).toEqual(edited());
        expect(stored.header).toEqual(header);
        expect(stored.rows).toEqual(rows50);
        expect(stored.revision).toBe(2);
        expect((await store.updateCodebook(put.id, codebook))!.revision).toBe(3);
        await restart();
        expect(await store.summary(put.id)).toMatchObject({ revision: 3, studyStyle: 'G', synthetic: true });
        expect((await store.get(put.id))!.codebook).toEqual(codebook);
        for (const unknown of ['no-such-id', '00000000-0000-4000-8000-000000000000', "' OR 1=1 --"]) expect(await store.updateCodebook(unknown, codebook)).toBeNull();
      });

      it('replace puts a new codebook, header and rows in place of the old, under the same id, name and addedAt', async () => {
        const other = await store.put(dataset('untouched'));
        const put = await store.put(dataset('to replace', studyGRows(3_000)));
        const replaced = await store.replace(put.id, { codebook: narrowCodebook(), header: narrowHeader, rows: narrowRows(7_000) });
        expect(replaced).toMatchObject({ id: put.id, name: 'to replace', addedAt: put.addedAt, respondents: 7_000, studyStyle: 'W2', revision: 2 });
        expect(await store.summary(put.id)).toEqual(replaced);
        const stored = (await store.get(put.id))!;
        expect(stored.header).toEqual(narrowHeader);
        expect(stored.codebook).toEqual(narrowCodebook());
        expect(rowsChecksum(stored.rows)).toBe(rowsChecksum([...narrowRows(7_000)]));
        // Fewer rows than before: nothing of the old rows is left behind.
        const again = await store.replace(put.id, { codebook, header, rows: rows50 });
        expect(again).toMatchObject({ respondents: 50, revision: 3, studyStyle: 'G' });
        expect((await store.get(put.id))!.rows).toEqual(rows50);
        await expectOnly([
          { id: other.id, sum: rowsChecksum(rows50) },
          { id: put.id, sum: rowsChecksum(rows50) },
        ]);
        expect(await store.replace('00000000-0000-4000-8000-000000000000', { codebook, header, rows: rows50 })).toBeNull();
        expect(await store.replace('not-an-id', { codebook, header, rows: rows50 })).toBeNull();
      });

      it('a replace whose row iterator throws half-way, or that the store refuses, leaves the old dataset whole', async () => {
        const put = await store.put(dataset('keep me', studyGRows(20_000)));
        const before = await snapshot(put.id);
        await expect(store.replace(put.id, { codebook: narrowCodebook(), header: narrowHeader, rows: narrowRows(40_000, 30_000) })).rejects.toThrow('upload interrupted');
        expect(await snapshot(put.id)).toEqual(before);
        async function* cancelled() {
          yield* narrowRows(10_000);
          throw new DOMException('The upload was cancelled', 'AbortError');
        }
        await expect(store.replace(put.id, { codebook: narrowCodebook(), header: narrowHeader, rows: cancelled() })).rejects.toThrow('cancelled');
        const ragged = [...narrowRows(9_000)];
        ragged[8_500] = ragged[8_500].slice(0, 2);
        await expect(store.replace(put.id, { codebook: narrowCodebook(), header: narrowHeader, rows: ragged })).rejects.toMatchObject({ code: 'RaggedRow', row: 8_501 });
        await expect(store.replace(put.id, { codebook: narrowCodebook(), header: narrowHeader, rows: [] })).rejects.toMatchObject({ code: 'NoRows' });
        await expect(store.replace(put.id, { codebook, header: [], rows: rows50 })).rejects.toMatchObject({ code: 'BadHeader' });
        expect(await snapshot(put.id)).toEqual(before);
        expect(before.revision).toBe(1);
        await expectOnly([{ id: put.id, sum: before.sum }]);
        // The store still works afterwards.
        expect((await store.replace(put.id, { codebook, header, rows: rows50 }))!.revision).toBe(2);
      });

      it('a replace that the database itself refuses half-way leaves the old dataset whole', async () => {
        const put = await store.put(dataset('keep me', studyGRows(5_000)));
        const before = await snapshot(put.id);
        const undo = await harness.refuseWritesHalfway();
        await expect(store.replace(put.id, { codebook, header, rows: studyGRows(20_000, undefined, 'new-') })).rejects.toThrow('injected failure');
        await undo();
        expect(await snapshot(put.id)).toEqual(before);
        await expectOnly([{ id: put.id, sum: before.sum }]);
      });

      it('readers (this instance and another) see the old dataset until a replace commits, then the new one', async () => {
        const reader = await open();
        const put = await store.put(dataset('live', studyGRows(4_000)));
        const before = await snapshot(put.id);
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        let sent = 0;
        async function* slow() {
          for (const row of narrowRows(6_000)) {
            if (++sent === 3_000) await gate;
            yield row;
          }
        }
        const pending = store.replace(put.id, { codebook: narrowCodebook(), header: narrowHeader, rows: slow() });
        while (sent < 3_000) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, 50));
        for (const s of [store, reader]) {
          expect(await snapshot(put.id, s)).toEqual(before);
          expect((await s.list()).map((d) => d.revision)).toEqual([1]);
        }
        release();
        const replaced = await pending;
        for (const s of [store, reader]) {
          const now = await snapshot(put.id, s);
          expect(now.summary).toEqual(replaced);
          expect(now.header).toEqual(narrowHeader);
          expect(now.sum).toBe(rowsChecksum([...narrowRows(6_000)]));
        }
      });

      it('two instances see each other\'s changes; ifRevision refuses a change made from an older read', async () => {
        const other = await open();
        const put = await store.put(dataset('shared'));
        expect((await other.summary(put.id))!.revision).toBe(1);
        const edit = await other.updateCodebook(put.id, edited(), { ifRevision: 1 });
        expect(edit!.revision).toBe(2);
        expect(await store.summary(put.id)).toEqual(edit);
        expect((await store.get(put.id))!.codebook).toEqual(edited());
        // A second edit made from the revision-1 read is refused, and changes nothing.
        await expect(store.updateCodebook(put.id, codebook, { ifRevision: 1 })).rejects.toMatchObject({ code: 'Conflict' });
        await expect(store.replace(put.id, { codebook, header, rows: studyGRows(100) }, { ifRevision: 1 })).rejects.toMatchObject({ code: 'Conflict' });
        expect(await other.summary(put.id)).toEqual(edit);
        expect((await other.get(put.id))!.rows).toEqual(rows50);
        const replaced = await store.replace(put.id, { codebook: narrowCodebook(), header: narrowHeader, rows: narrowRows(700) }, { ifRevision: 2 });
        expect(replaced!.revision).toBe(3);
        const seen = (await other.get(put.id))!;
        expect(seen).toMatchObject({ revision: 3, respondents: 700, header: narrowHeader });
        expect(rowsChecksum(seen.rows)).toBe(rowsChecksum([...narrowRows(700)]));
        // A delete on one instance: the other's change finds nothing (null), with or without a revision.
        expect(await other.delete(put.id)).toBe(true);
        expect(await store.updateCodebook(put.id, codebook)).toBeNull();
        expect(await store.updateCodebook(put.id, codebook, { ifRevision: 3 })).toBeNull();
        expect(await store.replace(put.id, { codebook, header, rows: rows50 }, { ifRevision: 3 })).toBeNull();
        expect(await harness.orphanRows()).toBe(0);
      });

      it('two replaces at once from the same revision: one wins, the other is refused; never a mix', async () => {
        const other = await open();
        const put = await store.put(dataset('contested', studyGRows(2_000)));
        const a = [...studyGRows(1_000, undefined, 'a-')];
        const b = [...studyGRows(900, undefined, 'b-')];
        const results = await Promise.allSettled([store.replace(put.id, { codebook, header, rows: a }, { ifRevision: 1 }), other.replace(put.id, { codebook, header, rows: b }, { ifRevision: 1 })]);
        const won = results.filter((r): r is PromiseFulfilledResult<DatasetSummary | null> => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((r) => (r.reason as DatasetStoreError).code)).toEqual(['Conflict']);
        const stored = (await store.get(put.id))!;
        expect(stored.revision).toBe(2);
        expect([rowsChecksum(a), rowsChecksum(b)]).toContain(rowsChecksum(stored.rows));
        expect(stored.respondents).toBe(won[0].value!.respondents);
        expect(await harness.integrityProblems()).toEqual([]);
      });

      it('a process killed in the middle of a replace leaves the old dataset whole after restart', async () => {
        const put = await store.put(dataset('survives a crash'));
        const before = await snapshot(put.id);
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'testing/killDuringPut.ts'), ...harness.killerArgs(), put.id], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (d) => String(d).includes('writing') && resolve());
          child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
        });
        const evidence = await harness.evidenceOfOpenWrite();
        console.log(`${name}: killed during a replace: ${evidence}`);
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        await harness.afterKill();

        await restart();
        expect(await snapshot(put.id)).toEqual(before);
        await expectOnly([{ id: put.id, sum: rowsChecksum(rows50) }]);
        expect((await store.updateCodebook(put.id, edited()))!.revision).toBe(2);
      }, 60_000);

      it('a database from before datasets could change is migrated: its datasets at revision 1, changeable', async () => {
        await store.close();
        await harness.dropLocation();
        await harness.freshLocation();
        const old = { ...dataset('stored by version 2'), rows: rows50 };
        const id = await harness.storedByVersion(2, old);
        expect(await harness.schemaVersions()).toEqual([1, 2]);
        store = await open();
        const [listed] = await store.list();
        expect(listed).toMatchObject({ id, name: 'stored by version 2', respondents: 50, revision: 1 });
        expect(listed.updatedAt).toBe(listed.addedAt);
        expect(await harness.schemaVersions()).toEqual(harness.migrationVersions);
        expect((await store.get(id))!.rows).toEqual(rows50);
        expect(await store.updateCodebook(id, edited())).toMatchObject({ revision: 2, studyStyle: 'custom' });
        expect((await store.replace(id, { codebook, header, rows: studyGRows(10) }))!.respondents).toBe(10);
        expect(await harness.integrityProblems()).toEqual([]);
      });
    });

    it(
      'stores 200,000 rows in one put (timing printed)',
      async () => {
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
        expect(rowsChecksum(stored!.rows)).toBe(rowsChecksum(rows));
        t = performance.now();
        await restart();
        await store.list();
        const reopenMs = performance.now() - t;
        console.log(`${name}: 200,000 study-G rows x ${header.length} columns: put ${putMs.toFixed(0)} ms, get ${getMs.toFixed(0)} ms, close+reopen+list ${reopenMs.toFixed(0)} ms`);
      },
      harness.bigPutTimeoutMs ?? 120_000,
    );
  });
}
