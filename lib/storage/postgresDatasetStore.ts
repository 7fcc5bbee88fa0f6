import { randomUUID } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Codebook } from '../survey/codebook';
import {
  checkNewDataset,
  checkReplacement,
  checkRow,
  codebookFacts,
  DatasetStoreError,
  newDatasetSummary,
  revisionConflict,
  sampleRanges,
  type ChangeOptions,
  type DatasetColumns,
  type DatasetReplacement,
  type DatasetStore,
  type DatasetSummary,
  type NewDataset,
  type StoredDataset,
} from './datasetStore';
import { preparePostgres, type PostgresStoreOptions } from './postgresConnection';
import { readByteaByCopy } from './postgresByteaCopy';
import { MigratedPool } from './postgresPool';
import { copyTextValue, decodeLine, encodeLine, fromCopyText } from './postgresRowCodec';
import { UUID_PATTERN } from './ids';
import { StoredColumnsBuilder } from './storedColumns';

/**
 * The server-database store: PostgreSQL, shared by any number of app instances.
 *
 * Atomicity: a put is ONE transaction on one connection: the dataset's row, then every data row
 * through `COPY dataset_rows FROM STDIN` (streamed from the upload as it is parsed), then its
 * respondent count and its engine columns (built as the rows passed), then COMMIT. An error before COMMIT (the row iterator throws, a row is
 * malformed, PostgreSQL refuses a row) aborts the COPY with CopyFail and rolls back; if the process
 * dies, PostgreSQL rolls back the transaction of the lost connection. Readers (other connections,
 * other instances) see only committed datasets, so a half-written one is never visible.
 *
 * A replace is one transaction that locks the dataset's row (SELECT ... FOR UPDATE: a second
 * replace or a delete waits for it), deletes the old rows, COPYs the new ones and updates the
 * dataset's row and columns; until COMMIT every reader sees the old dataset whole. A codebook
 * update is one such transaction too: it reads the stored rows to build the new columns.
 *
 * Puts run in parallel on separate pooled connections (no shared state but the new dataset's id).
 * A get reads metadata and rows in one REPEATABLE READ transaction (one snapshot), rows via COPY TO;
 * `columns` reads the stored columns so too, as raw bytes by binary COPY (postgresByteaCopy.ts).
 *
 * The pool connects lazily: constructing the store never touches the network; the first operation
 * runs the migrations (under an advisory lock, so instances starting together do not race).
 */

/** Target size of one COPY message. */
const COPY_BATCH_BYTES = 256 * 1024;

interface DatasetRow {
  id: string;
  name: string;
  study_style: string;
  respondents: number;
  added_at: Date;
  synthetic: boolean;
  revision: number;
  updated_at: Date;
}

const SUMMARY_COLUMNS = 'id, name, study_style, respondents, added_at, synthetic, revision, updated_at';

const summaryOf = (r: DatasetRow): DatasetSummary => ({
  id: r.id,
  name: decodeLine(r.name)[0],
  studyStyle: r.study_style,
  respondents: r.respondents,
  addedAt: r.added_at.toISOString(),
  synthetic: r.synthetic,
  reference: false,
  revision: r.revision,
  updatedAt: r.updated_at.toISOString(),
});

export class PostgresDatasetStore implements DatasetStore {
  private readonly pool: MigratedPool;

  constructor(options: PostgresStoreOptions) {
    this.pool = new MigratedPool({
      connectionString: options.connectionString,
      maxConnections: options.maxConnections ?? 10,
      prepare: preparePostgres,
      closedError: () => new DatasetStoreError('Closed', 'the dataset store is closed'),
    });
  }

  private run<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.pool.run(work);
  }

  list(): Promise<DatasetSummary[]> {
    return this.run(async (client) => (await client.query<DatasetRow>(`SELECT ${SUMMARY_COLUMNS} FROM datasets ORDER BY added_at, ord`)).rows.map(summaryOf));
  }

  summary(id: string): Promise<DatasetSummary | null> {
    if (!UUID_PATTERN.test(id)) return this.run(async () => null);
    return this.run(async (client) => {
      const found = (await client.query<DatasetRow>(`SELECT ${SUMMARY_COLUMNS} FROM datasets WHERE id = $1`, [id])).rows[0];
      return found ? summaryOf(found) : null;
    });
  }

  get(id: string): Promise<StoredDataset | null> {
    return this.readDataset(id, async (client, meta) => {
      const rows: string[][] = [];
      await forEachRow(client, id.toLowerCase(), (row) => void rows.push(row));
      if (rows.length !== meta.respondents) throw new Error(`dataset ${id} is damaged: ${rows.length} rows stored, ${meta.respondents} expected`);
      return rows;
    });
  }

  sample(id: string, max: number): Promise<StoredDataset | null> {
    return this.readDataset(id, async (client, meta) => {
      // Each stretch is a range of the primary key (row_no is 1-based), read by its own index range
      // scan: a LATERAL subquery that the planner cannot pull up (its ORDER BY keeps it apart). As a
      // plain join, on a freshly stored dataset with no statistics yet, the planner read all of the
      // dataset's rows and tested each against every stretch: 12.6 s against 0.1 s for a 20,000-row
      // sample of 2,000,000 (EXPLAIN ANALYZE; npm run bench:open).
      const ranges = sampleRanges(meta.respondents, max);
      const lines = await client.query<{ line: string }>(
        'SELECT d.line FROM unnest($2::int[], $3::int[]) AS r(lo, hi) CROSS JOIN LATERAL (SELECT row_no, line FROM dataset_rows WHERE dataset_id = $1 AND row_no BETWEEN r.lo AND r.hi ORDER BY row_no) d ORDER BY d.row_no',
        [id, ranges.map(([start]) => start + 1), ranges.map(([, end]) => end)],
      );
      const expected = ranges.reduce((n, [start, end]) => n + end - start, 0);
      if (lines.rows.length !== expected) throw new Error(`dataset ${id} is damaged: ${lines.rows.length} sampled rows read, ${expected} expected`);
      return lines.rows.map((row) => decodeLine(row.line));
    });
  }

  /** A dataset's metadata and the rows `readRows` reads, in one read-only snapshot; null if there is none with this id. */
  private readDataset(id: string, readRows: (client: pg.PoolClient, meta: DatasetRow) => Promise<string[][]>): Promise<StoredDataset | null> {
    // Only a UUID can be stored; anything else is simply not there (and must not reach SQL text below).
    if (!UUID_PATTERN.test(id)) return this.run(async () => null);
    return this.run(async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const meta = (await client.query<DatasetRow & { codebook: string; header: string }>(`SELECT ${SUMMARY_COLUMNS}, codebook, header FROM datasets WHERE id = $1`, [id])).rows[0];
        const rows = meta ? await readRows(client, meta) : null;
        await client.query('COMMIT');
        return meta && rows ? { ...summaryOf(meta), codebook: JSON.parse(meta.codebook) as Codebook, header: JSON.parse(meta.header) as string[], rows } : null;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  columns(id: string): Promise<DatasetColumns | null> {
    if (!UUID_PATTERN.test(id)) return this.run(async () => null);
    return this.run(async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const meta = (await client.query<DatasetRow & { codebook: string }>(`SELECT ${SUMMARY_COLUMNS}, codebook FROM datasets WHERE id = $1`, [id])).rows[0];
        // Raw bytes by binary COPY, not hex text by SELECT (see postgresByteaCopy.ts). The id is a
        // checked UUID and the revision an integer read just above (COPY takes no parameters).
        const columns = meta ? await readByteaByCopy(client, `SELECT data FROM dataset_columns WHERE dataset_id = '${id.toLowerCase()}' AND revision = ${Number(meta.revision)}`) : null;
        await client.query('COMMIT');
        return meta ? { summary: summaryOf(meta), codebook: JSON.parse(meta.codebook) as Codebook, columns } : null;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  saveColumns(id: string, revision: number, columns: Uint8Array): Promise<boolean> {
    if (!UUID_PATTERN.test(id)) return this.run(async () => false);
    return this.run(async (client) => {
      // Only if the dataset is still at that revision. A change committing meanwhile writes its own
      // columns; should this older value land after them, readers skip it (its revision is not the dataset's).
      const saved = await client.query(
        `INSERT INTO dataset_columns (dataset_id, revision, data) SELECT id, revision, $3 FROM datasets WHERE id = $1 AND revision = $2
         ON CONFLICT (dataset_id) DO UPDATE SET revision = EXCLUDED.revision, data = EXCLUDED.data`,
        [id, revision, Buffer.from(columns.buffer, columns.byteOffset, columns.byteLength)],
      );
      return (saved.rowCount ?? 0) > 0;
    });
  }

  put(input: NewDataset): Promise<DatasetSummary> {
    try {
      checkNewDataset(input);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.run((client) => this.write(client, input));
  }

  private async write(client: pg.PoolClient, input: NewDataset): Promise<DatasetSummary> {
    const summary = newDatasetSummary(input, randomUUID());
    await client.query('BEGIN');
    try {
      await client.query('INSERT INTO datasets (id, name, study_style, respondents, added_at, synthetic, codebook, header, revision, updated_at) VALUES ($1, $2, $3, 0, $4, $5, $6, $7, 1, $8)', [
        summary.id,
        encodeLine([summary.name]),
        summary.studyStyle,
        summary.addedAt,
        summary.synthetic,
        JSON.stringify(input.codebook),
        JSON.stringify(input.header),
        summary.updatedAt,
      ]);
      const columns = new StoredColumnsBuilder(input.codebook, input.header);
      const count = await this.copyRows(client, summary.id, input.rows, input.header.length, columns);
      await client.query('UPDATE datasets SET respondents = $1 WHERE id = $2', [count, summary.id]);
      await writeColumns(client, summary.id, 1, await columns.finish());
      await client.query('COMMIT');
      return { ...summary, respondents: count };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  /**
   * Streams the rows into dataset_rows with COPY, inside the caller's open transaction; returns how
   * many. Throws (and the caller rolls back) on a malformed row, an iterator that fails, no rows at
   * all, or a store closed meanwhile.
   */
  private async copyRows(client: pg.PoolClient, id: string, rows: NewDataset['rows'], width: number, columns: StoredColumnsBuilder): Promise<number> {
    let count = 0;
    const prefix = `${id}\t`;
    const closing = () => this.pool.closing;
    // COPY's text format: "<dataset id>\t<row number>\t<line>\n", sent in batches of about 256 KB.
    async function* batches(): AsyncGenerator<Buffer> {
      let text = '';
      const take = (row: unknown) => {
        if (closing()) throw new DatasetStoreError('Closed', 'the dataset store was closed during the write');
        checkRow(row, width, ++count);
        columns.add(row);
        text += `${prefix}${count}\t${copyTextValue(encodeLine(row))}\n`;
      };
      if (Symbol.asyncIterator in rows) {
        for await (const row of rows as AsyncIterable<string[]>) {
          take(row);
          if (text.length >= COPY_BATCH_BYTES) {
            yield Buffer.from(text, 'utf8');
            text = '';
          }
        }
      } else {
        for (const row of rows as Iterable<string[]>) {
          take(row);
          if (text.length >= COPY_BATCH_BYTES) {
            yield Buffer.from(text, 'utf8');
            text = '';
          }
        }
      }
      if (text) yield Buffer.from(text, 'utf8');
    }
    // A failing source destroys the COPY stream, which sends CopyFail: the server discards the rows.
    await pipeline(Readable.from(batches()), client.query(copyFrom('COPY dataset_rows (dataset_id, row_no, line) FROM STDIN')));
    if (count === 0) throw new DatasetStoreError('NoRows', 'the dataset has no rows');
    return count;
  }

  updateCodebook(id: string, codebook: Codebook, options: ChangeOptions = {}): Promise<DatasetSummary | null> {
    const facts = codebookFacts(codebook);
    return this.lockedChange(id, options, async (client, found) => {
      // The new codebook reads the stored rows anew: their columns change with it.
      const columns = new StoredColumnsBuilder(codebook, JSON.parse(found.header) as string[], found.respondents);
      await forEachRow(client, id.toLowerCase(), (row) => columns.add(row));
      const updated = (
        await client.query<DatasetRow>(
          `UPDATE datasets SET codebook = $2, study_style = $3, synthetic = $4, revision = revision + 1, updated_at = $5 WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`,
          [id, JSON.stringify(codebook), facts.studyStyle, facts.synthetic, new Date().toISOString()],
        )
      ).rows[0];
      await writeColumns(client, id, updated.revision, await columns.finish());
      return summaryOf(updated);
    });
  }

  replace(id: string, replacement: DatasetReplacement, options: ChangeOptions = {}): Promise<DatasetSummary | null> {
    try {
      checkReplacement(replacement);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.lockedChange(id, options, async (client, found) => {
      await client.query('DELETE FROM dataset_rows WHERE dataset_id = $1', [id]);
      const columns = new StoredColumnsBuilder(replacement.codebook, replacement.header, found.respondents);
      const count = await this.copyRows(client, id.toLowerCase(), replacement.rows, replacement.header.length, columns);
      const facts = codebookFacts(replacement.codebook);
      const updated = (
        await client.query<DatasetRow>(
          `UPDATE datasets SET codebook = $2, header = $3, study_style = $4, synthetic = $5, respondents = $6, revision = revision + 1, updated_at = $7
           WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`,
          [id, JSON.stringify(replacement.codebook), JSON.stringify(replacement.header), facts.studyStyle, facts.synthetic, count, new Date().toISOString()],
        )
      ).rows[0];
      await writeColumns(client, id, updated.revision, await columns.finish());
      return summaryOf(updated);
    });
  }

  /**
   * Runs a change of one dataset in one transaction holding its row lock (a concurrent change or
   * delete waits for it), if it is still at `ifRevision`; null, and nothing done, if there is none.
   */
  private lockedChange(
    id: string,
    options: ChangeOptions,
    work: (client: pg.PoolClient, found: { revision: number; respondents: number; header: string }) => Promise<DatasetSummary>,
  ): Promise<DatasetSummary | null> {
    if (!UUID_PATTERN.test(id)) return this.run(async () => null);
    return this.run(async (client) => {
      await client.query('BEGIN');
      try {
        const found = (await client.query<{ revision: number; respondents: number; header: string }>('SELECT revision, respondents, header FROM datasets WHERE id = $1 FOR UPDATE', [id])).rows[0];
        if (!found) {
          await client.query('ROLLBACK');
          return null;
        }
        if (options.ifRevision !== undefined && found.revision !== options.ifRevision) throw revisionConflict(id, options.ifRevision, found.revision);
        const summary = await work(client, found);
        await client.query('COMMIT');
        return summary;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  delete(id: string): Promise<boolean> {
    if (!UUID_PATTERN.test(id)) return this.run(async () => false);
    // The rows go with the dataset (ON DELETE CASCADE), in the same statement's transaction.
    return this.run(async (client) => ((await client.query('DELETE FROM datasets WHERE id = $1', [id])).rowCount ?? 0) > 0);
  }

  /** Waits for operations under way (a streaming put still running is rolled back), then closes. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** Hands every row of a dataset, in order, to `onRow`, via COPY TO (inside the caller's transaction); returns how many. */
async function forEachRow(client: pg.PoolClient, id: string, onRow: (row: string[]) => void): Promise<number> {
  // The id is a checked UUID (COPY takes no parameters).
  const stream = client.query(copyTo(`COPY (SELECT line FROM dataset_rows WHERE dataset_id = '${id}' ORDER BY row_no) TO STDOUT`));
  // Rows are decoded as they arrive, never all held as text; a line (or a character) cut between
  // two messages waits for the rest.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let count = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) onRow(decodeLine(fromCopyText(line)));
    count += lines.length;
  }
  if (rest + decoder.end() !== '') throw new Error('COPY output ended in the middle of a row');
  return count;
}

/** Puts a dataset's columns of `revision` in place of any it had (inside the caller's transaction); null removes them. */
async function writeColumns(client: pg.PoolClient, id: string, revision: number, columns: Buffer | null): Promise<void> {
  if (!columns) await client.query('DELETE FROM dataset_columns WHERE dataset_id = $1', [id]);
  else
    await client.query(
      'INSERT INTO dataset_columns (dataset_id, revision, data) VALUES ($1, $2, $3) ON CONFLICT (dataset_id) DO UPDATE SET revision = EXCLUDED.revision, data = EXCLUDED.data',
      [id, revision, columns],
    );
}

export function openPostgresDatasetStore(options: PostgresStoreOptions): PostgresDatasetStore {
  return new PostgresDatasetStore(options);
}
