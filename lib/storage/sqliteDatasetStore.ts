import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
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
import { DATABASE_FILE, dataDirFromEnv, migrate } from './sqliteConnection';
import { decodeChunk, encodeRow, packChunk } from './sqliteRowCodec';
import { StoredColumnsBuilder } from './storedColumns';

/**
 * The embedded store: one SQLite file `<dataDir>/datasets.sqlite`, in WAL mode.
 *
 * Atomicity: a put runs in ONE transaction (BEGIN IMMEDIATE ... COMMIT) holding the dataset row,
 * all its row chunks and its engine columns (built as the rows pass). Any error before COMMIT (the
 * row iterator throws, a row is malformed, SQLite refuses a write) rolls it back; if the process
 * dies first, SQLite discards the uncommitted transaction when the file is next opened. Deletes, codebook updates and replaces
 * are one transaction each too: a replace deletes the old chunks and writes the new ones inside it,
 * so until COMMIT every reader still sees the old dataset whole; a codebook update rebuilds the
 * columns from the stored chunks inside its transaction.
 *
 * Two connections: every write goes through `writer`, one at a time (a promise queue, since a put
 * may await a streaming upload while its transaction is open); every read goes through `reader`,
 * which under WAL sees only committed data, so a half-written dataset is never visible.
 *
 * The columns are compressed on this thread inside the transaction (finishNow): awaiting zlib's
 * thread pool there would let another store on the same file in this process start its own
 * write, whose busy wait for the lock is synchronous and would block this one from finishing.
 */

/** Target size of one row chunk's text before compression. */
const CHUNK_CHARS = 128 * 1024;
/** A put over a synchronous iterable yields to the event loop this often, so a server stays responsive. */
const YIELD_EVERY_MS = 50;

export interface SqliteStoreOptions {
  /** The folder of the database file; created if missing. */
  dataDir: string;
  /** How long a write waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
}

interface DatasetRow {
  id: string;
  name: string;
  study_style: string;
  respondents: number;
  added_at: string;
  synthetic: number;
  revision: number;
  updated_at: string;
}

const SUMMARY_COLUMNS = 'id, name, study_style, respondents, added_at, synthetic, revision, updated_at';

const summaryOf = (r: DatasetRow): DatasetSummary => ({
  id: r.id,
  name: r.name,
  studyStyle: r.study_style,
  respondents: r.respondents,
  addedAt: r.added_at,
  synthetic: r.synthetic === 1,
  reference: false,
  revision: r.revision,
  updatedAt: r.updated_at,
});

export class SqliteDatasetStore implements DatasetStore {
  readonly file: string;
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;
  private closed: Promise<void> | null = null;

  constructor(options: SqliteStoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.file = path.join(options.dataDir, DATABASE_FILE);
    const timeout = options.busyTimeoutMs ?? 5000;
    this.writer = new Database(this.file, { timeout });
    try {
      this.writer.pragma('journal_mode = WAL');
      // FULL: a committed put survives a power cut too, not only a crash of the process.
      this.writer.pragma('synchronous = FULL');
      this.writer.pragma('foreign_keys = ON');
      migrate(this.writer);
      this.reader = new Database(this.file, { readonly: true, timeout });
    } catch (e) {
      this.writer.close();
      throw e;
    }
  }

  /** Runs write operations one after another on the writer connection. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closing) throw new DatasetStoreError('Closed', 'the dataset store is closed');
      return work();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async list(): Promise<DatasetSummary[]> {
    this.assertOpen();
    const rows = this.reader.prepare(`SELECT ${SUMMARY_COLUMNS} FROM datasets ORDER BY added_at, rowid`).all() as DatasetRow[];
    return rows.map(summaryOf);
  }

  async summary(id: string): Promise<DatasetSummary | null> {
    this.assertOpen();
    const row = this.reader.prepare(`SELECT ${SUMMARY_COLUMNS} FROM datasets WHERE id = ?`).get(id) as DatasetRow | undefined;
    return row ? summaryOf(row) : null;
  }

  async get(id: string): Promise<StoredDataset | null> {
    return this.readDataset(id, (meta) => {
      const rows: string[][] = [];
      for (const chunk of this.reader.prepare('SELECT data FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq').iterate(id) as Iterable<{ data: Buffer }>)
        for (const row of decodeChunk(chunk.data)) rows.push(row);
      if (rows.length !== meta.respondents) throw new Error(`dataset ${id} is damaged: ${rows.length} rows stored, ${meta.respondents} expected`);
      return rows;
    });
  }

  async sample(id: string, max: number): Promise<StoredDataset | null> {
    return this.readDataset(id, (meta) => {
      const ranges = sampleRanges(meta.respondents, max);
      // Only the chunks that hold a sampled row are read and decoded (the row counts come without the blobs).
      const chunks = this.reader.prepare('SELECT seq, row_count FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq').all(id) as { seq: number; row_count: number }[];
      const blob = this.reader.prepare('SELECT data FROM dataset_chunks WHERE dataset_id = ? AND seq = ?');
      const rows: string[][] = [];
      let first = 0;
      let r = 0;
      for (const chunk of chunks) {
        const end = first + chunk.row_count;
        while (r < ranges.length && ranges[r][1] <= first) r++;
        if (r < ranges.length && ranges[r][0] < end) {
          const decoded = decodeChunk((blob.get(id, chunk.seq) as { data: Buffer }).data);
          for (let k = r; k < ranges.length && ranges[k][0] < end; k++)
            for (let i = Math.max(ranges[k][0], first); i < Math.min(ranges[k][1], end); i++) rows.push(decoded[i - first]);
        }
        first = end;
      }
      if (first !== meta.respondents) throw new Error(`dataset ${id} is damaged: ${first} rows stored, ${meta.respondents} expected`);
      return rows;
    });
  }

  /** A dataset's metadata and the rows `readRows` reads, in one read transaction (one snapshot); null if there is none with this id. */
  private readDataset(id: string, readRows: (meta: DatasetRow) => string[][]): Promise<StoredDataset | null> {
    this.assertOpen();
    const read = this.reader.transaction(() => {
      const meta = this.reader.prepare(`SELECT ${SUMMARY_COLUMNS}, codebook, header FROM datasets WHERE id = ?`).get(id) as
        | (DatasetRow & { codebook: string; header: string })
        | undefined;
      if (!meta) return null;
      const rows = readRows(meta);
      return { ...summaryOf(meta), codebook: JSON.parse(meta.codebook) as Codebook, header: JSON.parse(meta.header) as string[], rows };
    });
    return Promise.resolve(read());
  }

  async columns(id: string): Promise<DatasetColumns | null> {
    this.assertOpen();
    const read = this.reader.transaction(() => {
      const meta = this.reader.prepare(`SELECT ${SUMMARY_COLUMNS}, codebook FROM datasets WHERE id = ?`).get(id) as (DatasetRow & { codebook: string }) | undefined;
      if (!meta) return null;
      const stored = this.reader.prepare('SELECT data FROM dataset_columns WHERE dataset_id = ? AND revision = ?').get(id, meta.revision) as { data: Buffer } | undefined;
      return { summary: summaryOf(meta), codebook: JSON.parse(meta.codebook) as Codebook, columns: stored?.data ?? null };
    });
    return read();
  }

  saveColumns(id: string, revision: number, columns: Uint8Array): Promise<boolean> {
    try {
      this.assertOpen();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.exclusive(async () => {
      const save = this.writer.transaction(() => {
        if (this.current(id)?.revision !== revision) return false;
        this.writeColumns(id, revision, columns);
        return true;
      });
      return save.immediate();
    });
  }

  /** Puts a dataset's columns of `revision` in place of any it had (inside the caller's transaction); null removes them. */
  private writeColumns(id: string, revision: number, columns: Uint8Array | null): void {
    this.writer.prepare('DELETE FROM dataset_columns WHERE dataset_id = ?').run(id);
    if (columns) this.writer.prepare('INSERT INTO dataset_columns (dataset_id, revision, data) VALUES (?, ?, ?)').run(id, revision, columns);
  }

  put(input: NewDataset): Promise<DatasetSummary> {
    try {
      this.assertOpen();
      checkNewDataset(input);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.exclusive(() => this.write(input));
  }

  private async write(input: NewDataset): Promise<DatasetSummary> {
    const db = this.writer;
    const summary = newDatasetSummary(input, randomUUID());
    db.exec('BEGIN IMMEDIATE');
    try {
      db.prepare('INSERT INTO datasets (id, name, study_style, respondents, added_at, synthetic, codebook, header, revision, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, 1, ?)').run(
        summary.id,
        summary.name,
        summary.studyStyle,
        summary.addedAt,
        summary.synthetic ? 1 : 0,
        JSON.stringify(input.codebook),
        JSON.stringify(input.header),
        summary.updatedAt,
      );
      const columns = new StoredColumnsBuilder(input.codebook, input.header);
      const written = this.writeRows(summary.id, input.rows, input.header.length, columns);
      const count = typeof written === 'number' ? written : await written;
      db.prepare('UPDATE datasets SET respondents = ? WHERE id = ?').run(count, summary.id);
      this.writeColumns(summary.id, 1, columns.finishNow());
      db.exec('COMMIT');
      return { ...summary, respondents: count };
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }

  /**
   * Writes the rows as chunks of the dataset, inside the caller's open transaction; returns how
   * many. Throws (and the caller rolls back) on a malformed row, an iterator that fails, no rows at
   * all, or a store closed meanwhile.
   *
   * Rows from a synchronous iterable are written synchronously, yielding to the event loop only
   * when a write has taken over 50 ms: a short transaction then never gives another store on the
   * same file in this process (tests, scripts) the chance to wait on the file's lock inside it,
   * which would block the thread that holds the lock (better-sqlite3's busy wait is synchronous).
   */
  private writeRows(id: string, rows: NewDataset['rows'], width: number, columns: StoredColumnsBuilder): number | Promise<number> {
    const insertChunk = this.writer.prepare('INSERT INTO dataset_chunks (dataset_id, seq, row_count, data) VALUES (?, ?, ?, ?)');
    let lines: string[] = [];
    let chars = 0;
    let seq = 0;
    let count = 0;
    const flush = () => {
      if (lines.length === 0) return;
      insertChunk.run(id, seq++, lines.length, packChunk(lines));
      lines = [];
      chars = 0;
    };
    const take = (row: unknown) => {
      if (this.closing) throw new DatasetStoreError('Closed', 'the dataset store was closed during the write');
      checkRow(row, width, ++count);
      columns.add(row);
      const line = encodeRow(row);
      lines.push(line);
      chars += line.length + 1;
      if (chars >= CHUNK_CHARS) flush();
    };
    const finish = () => {
      flush();
      if (count === 0) throw new DatasetStoreError('NoRows', 'the dataset has no rows');
      return count;
    };
    if (Symbol.asyncIterator in rows)
      return (async () => {
        for await (const row of rows as AsyncIterable<string[]>) take(row);
        return finish();
      })();
    const iterator = (rows as Iterable<string[]>)[Symbol.iterator]();
    const pump = (): number | Promise<number> => {
      const started = Date.now();
      try {
        for (let next = iterator.next(); !next.done; next = iterator.next()) {
          take(next.value);
          if ((count & 1023) === 0 && Date.now() - started > YIELD_EVERY_MS) return new Promise((resolve) => setImmediate(resolve)).then(pump);
        }
      } catch (e) {
        iterator.return?.();
        throw e;
      }
      return finish();
    };
    return pump();
  }

  /** The dataset's current row as the writer sees it (inside its transaction), or undefined. */
  private current(id: string): DatasetRow | undefined {
    return this.writer.prepare(`SELECT ${SUMMARY_COLUMNS} FROM datasets WHERE id = ?`).get(id) as DatasetRow | undefined;
  }

  updateCodebook(id: string, codebook: Codebook, options: ChangeOptions = {}): Promise<DatasetSummary | null> {
    try {
      this.assertOpen();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.exclusive(async () => {
      const update = this.writer.transaction(() => {
        const found = this.current(id);
        if (!found) return null;
        if (options.ifRevision !== undefined && found.revision !== options.ifRevision) throw revisionConflict(id, options.ifRevision, found.revision);
        // The new codebook reads the stored rows anew: their columns change with it.
        const header = JSON.parse((this.writer.prepare('SELECT header FROM datasets WHERE id = ?').get(id) as { header: string }).header) as string[];
        const columns = new StoredColumnsBuilder(codebook, header, found.respondents);
        for (const chunk of this.writer.prepare('SELECT data FROM dataset_chunks WHERE dataset_id = ? ORDER BY seq').iterate(id) as Iterable<{ data: Buffer }>)
          for (const row of decodeChunk(chunk.data)) columns.add(row);
        const facts = codebookFacts(codebook);
        this.writer
          .prepare('UPDATE datasets SET codebook = ?, study_style = ?, synthetic = ?, revision = revision + 1, updated_at = ? WHERE id = ?')
          .run(JSON.stringify(codebook), facts.studyStyle, facts.synthetic ? 1 : 0, new Date().toISOString(), id);
        this.writeColumns(id, found.revision + 1, columns.finishNow());
        return summaryOf(this.current(id)!);
      });
      return update.immediate();
    });
  }

  replace(id: string, replacement: DatasetReplacement, options: ChangeOptions = {}): Promise<DatasetSummary | null> {
    try {
      this.assertOpen();
      checkReplacement(replacement);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.exclusive(async () => {
      const db = this.writer;
      db.exec('BEGIN IMMEDIATE');
      try {
        const found = this.current(id);
        if (!found) {
          db.exec('ROLLBACK');
          return null;
        }
        if (options.ifRevision !== undefined && found.revision !== options.ifRevision) throw revisionConflict(id, options.ifRevision, found.revision);
        db.prepare('DELETE FROM dataset_chunks WHERE dataset_id = ?').run(id);
        const columns = new StoredColumnsBuilder(replacement.codebook, replacement.header, found.respondents);
        const written = this.writeRows(id, replacement.rows, replacement.header.length, columns);
        const count = typeof written === 'number' ? written : await written;
        const facts = codebookFacts(replacement.codebook);
        db.prepare('UPDATE datasets SET codebook = ?, header = ?, study_style = ?, synthetic = ?, respondents = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(
          JSON.stringify(replacement.codebook),
          JSON.stringify(replacement.header),
          facts.studyStyle,
          facts.synthetic ? 1 : 0,
          count,
          new Date().toISOString(),
          id,
        );
        this.writeColumns(id, found.revision + 1, columns.finishNow());
        const summary = summaryOf(this.current(id)!);
        db.exec('COMMIT');
        return summary;
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  delete(id: string): Promise<boolean> {
    try {
      this.assertOpen();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.exclusive(async () => {
      const remove = this.writer.transaction(() => {
        this.writer.prepare('DELETE FROM dataset_chunks WHERE dataset_id = ?').run(id);
        this.writer.prepare('DELETE FROM dataset_columns WHERE dataset_id = ?').run(id);
        return this.writer.prepare('DELETE FROM datasets WHERE id = ?').run(id).changes > 0;
      });
      return remove.immediate();
    });
  }

  /** Waits for writes under way (a streaming put still running is rolled back), then closes. */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.closing = true;
    this.closed = this.queue.then(() => {
      this.reader.close();
      this.writer.close();
    });
    return this.closed;
  }

  private assertOpen() {
    if (this.closing) throw new DatasetStoreError('Closed', 'the dataset store is closed');
  }
}

export function openSqliteDatasetStore(options: Partial<SqliteStoreOptions> = {}): SqliteDatasetStore {
  return new SqliteDatasetStore({ ...options, dataDir: options.dataDir ?? dataDirFromEnv() });
}
