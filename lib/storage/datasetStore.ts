import type { Codebook } from '../survey/codebook';
import { SurveyDataBuilder, type SurveyData } from '../survey/dataset';

/**
 * Where uploaded datasets live: a small async interface, so that the embedded SQLite store
 * (sqliteDatasetStore.ts) can be joined by a server database (PostgreSQL) without touching callers.
 *
 * Guarantees every implementation must give:
 * - `put` is all or nothing: if the row iterator throws, a row is malformed, the database fails or
 *   the process dies half-way, nothing of the new dataset is visible afterwards and every earlier
 *   dataset is untouched.
 * - Field values read back are exactly the strings that were put (same UTF-16 code units).
 * - Readers never see a dataset that is still being written.
 * - `updateCodebook` and `replace` are all or nothing too: a reader sees the old dataset or the new
 *   one, never a mix (a new codebook over old rows, half the new rows); a failing row iterator, a
 *   refused row or a dead process leaves the old dataset exactly as it was.
 * - Every change raises the dataset's `revision` by one (1 when put), so that a cache of a dataset
 *   built elsewhere (another instance's engine columns) knows it is stale with one cheap `summary`.
 *   With `ifRevision`, a change is made only if the dataset is still at that revision (else
 *   DatasetStoreError 'Conflict'): a change computed from what was read cannot overwrite a change
 *   made since by someone else.
 * - Several stores (processes, app instances) may share one database: each sees what the others
 *   committed. Ids are never reused; a dataset's name and `addedAt` never change.
 * - The engine's columns (storedColumns.ts) are stored with the rows: `put` and `replace` build
 *   them from the rows as they are written and `updateCodebook` from the stored rows, in the same
 *   transaction, so `columns` gives those of the current codebook and rows, or none (a dataset
 *   stored before columns were, or rows the engine refuses under their codebook).
 *
 * The rows' text stays stored beside the columns: a codebook edit re-reads every row (it may map
 * a column the columns never held, or read codes anew), an appended file is merged with the stored
 * rows, and the columns keep neither unmapped columns nor the exact text of ids and weights. The
 * codebook editor's column profiles read only a sample of it (`sample`, `sampleRanges`).
 */

export interface DatasetSummary {
  id: string;
  name: string;
  /** The codebook's study style: "P", "G", or anything else for an analyst's own survey. */
  studyStyle: string;
  /** Number of data rows (respondents). */
  respondents: number;
  /** When the dataset was stored, ISO 8601 (UTC). */
  addedAt: string;
  /** 1 when stored, one more with each change of its codebook or rows. */
  revision: number;
  /** When the dataset last changed (its put, or the latest change), ISO 8601 (UTC). */
  updatedAt: string;
  synthetic: boolean;
  /** True for the read-only reference datasets shipped in data/; a store's own datasets are false. */
  reference: boolean;
}

export interface NewDataset {
  name: string;
  codebook: Codebook;
  header: string[];
  /** Data rows, fields as strings in header order; may stream in (an upload being parsed). */
  rows: Iterable<string[]> | AsyncIterable<string[]>;
}

/** What `replace` puts in place of a dataset's codebook, header and every row (name, id and addedAt stay). */
export interface DatasetReplacement {
  codebook: Codebook;
  header: string[];
  rows: Iterable<string[]> | AsyncIterable<string[]>;
}

export interface ChangeOptions {
  /** Change the dataset only if it is still at this revision; DatasetStoreError 'Conflict' if not. */
  ifRevision?: number;
}

export interface StoredDataset extends DatasetSummary {
  codebook: Codebook;
  header: string[];
  rows: string[][];
}

/** A dataset's engine columns as stored, without its rows: what opening it for analysis reads. */
export interface DatasetColumns {
  summary: DatasetSummary;
  codebook: Codebook;
  /** The stored value (storedColumns.ts) of the summary's revision, or null when none is stored. */
  columns: Uint8Array | null;
}

export interface DatasetStore {
  /** Every stored dataset, oldest first. */
  list(): Promise<DatasetSummary[]>;
  /** The dataset's summary without its rows (cheap), or null if there is none with this id. */
  summary(id: string): Promise<DatasetSummary | null>;
  /** The dataset with its codebook and rows, or null if there is none with this id. */
  get(id: string): Promise<StoredDataset | null>;
  /**
   * The dataset with only the rows of `sampleRanges(respondents, max)` (in order; all of them when
   * there are no more than `max`), or null if there is none with this id: what the codebook editor
   * profiles, without reading a large dataset's every row.
   */
  sample(id: string, max: number): Promise<StoredDataset | null>;
  /** The dataset's summary, codebook and stored columns (no rows; one snapshot), or null if there is none with this id. */
  columns(id: string): Promise<DatasetColumns | null>;
  /**
   * Stores columns built from the dataset's rows at `revision` (a dataset stored before columns
   * were, opened for the first time); false, and nothing written, if it is gone or has moved on.
   */
  saveColumns(id: string, revision: number, columns: Uint8Array): Promise<boolean>;
  /** Stores a dataset atomically and returns its summary (with the generated id). */
  put(input: NewDataset): Promise<DatasetSummary>;
  /**
   * Replaces the codebook (and the summary's studyStyle and synthetic, read from it) atomically;
   * the rows stay. The new summary, or null if there is no dataset with this id.
   */
  updateCodebook(id: string, codebook: Codebook, options?: ChangeOptions): Promise<DatasetSummary | null>;
  /**
   * Replaces codebook, header and every row in one transaction, all or nothing as `put`; the new
   * summary, or null if there is no dataset with this id (the rows are then not read).
   */
  replace(id: string, replacement: DatasetReplacement, options?: ChangeOptions): Promise<DatasetSummary | null>;
  /** Removes a dataset (metadata and rows) atomically; false if there was none with this id. */
  delete(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Rows the codebook editor's column profiles read (`sample`): the first ones and others spread over the dataset. */
export const EDITOR_SAMPLE_ROWS = 20_000;

/** How many stretches of consecutive rows a sample takes after its head (see `sampleRanges`). */
const SAMPLE_STRETCHES = 100;

/**
 * The rows a sample of at most `max` of `total` rows takes, as [start, end) ranges of 0-based row
 * indexes in order: every row when there are no more than `max`; else the first half of `max`, and
 * the other half in stretches of consecutive rows spread evenly over the rest, so that a file sorted
 * by date or country is seen from its end too. Stretches rather than single rows: a store reads a
 * few blocks (SQLite's chunks, PostgreSQL's index ranges), not a row from every block.
 */
export function sampleRanges(total: number, max: number): [number, number][] {
  const n = Math.max(0, Math.floor(max));
  if (total <= n) return total > 0 ? [[0, total]] : [];
  const head = Math.ceil(n / 2);
  const tail = n - head;
  const stretches = Math.min(SAMPLE_STRETCHES, tail);
  const ranges: [number, number][] = head > 0 ? [[0, head]] : [];
  if (stretches === 0) return ranges;
  const length = Math.floor(tail / stretches);
  const extra = tail - length * stretches;
  // Stretch k starts at an even step through [head, total), the last ending at total.
  const step = (total - head) / stretches;
  for (let k = 0; k < stretches; k++) {
    const size = length + (k < extra ? 1 : 0);
    const start = Math.min(Math.floor(head + (k + 1) * step) - size, total - size);
    const from = Math.max(start, ranges.length ? ranges[ranges.length - 1][1] : 0);
    ranges.push([from, from + size]);
  }
  return ranges;
}

/** A put, change or delete the store refused (bad input, a closed store, a revision that moved on); nothing was written. */
export class DatasetStoreError extends Error {
  constructor(
    readonly code: 'EmptyName' | 'BadHeader' | 'RaggedRow' | 'NotAString' | 'NoRows' | 'Closed' | 'Conflict',
    message: string,
    /** 1-based data row, when the problem belongs to a row. */
    readonly row?: number,
  ) {
    super(message);
    this.name = 'DatasetStoreError';
  }
}

/** Builds the engine's columns from a stored dataset (checks every value against its codebook). */
export function loadStoredSurvey(stored: Pick<StoredDataset, 'codebook' | 'header' | 'rows'>): SurveyData {
  const builder = new SurveyDataBuilder(stored.codebook, stored.header);
  for (const row of stored.rows) builder.add(row);
  return builder.finish();
}

/** The summary of a dataset about to be stored: a fresh id, stamped now, respondents counted as rows arrive. */
export function newDatasetSummary(input: Pick<NewDataset, 'name' | 'codebook'>, id: string): DatasetSummary {
  const now = new Date().toISOString();
  return {
    id,
    name: input.name.trim(),
    respondents: 0,
    addedAt: now,
    ...codebookFacts(input.codebook),
    reference: false,
    revision: 1,
    updatedAt: now,
  };
}

/** What a summary reads from the codebook: kept in the summary so that a listing needs no codebook. */
export function codebookFacts(codebook: Codebook): Pick<DatasetSummary, 'studyStyle' | 'synthetic'> {
  return { studyStyle: String(codebook.studyStyle ?? ''), synthetic: codebook.synthetic === true };
}

/** Checks a replacement's header (as a put's); throws DatasetStoreError. */
export function checkReplacement(input: Pick<DatasetReplacement, 'header'>): void {
  checkNewDataset({ name: 'unchanged', header: input.header });
}

/** The refusal of a change asked for at a revision the dataset has moved on from. */
export function revisionConflict(id: string, expected: number, found: number): DatasetStoreError {
  return new DatasetStoreError('Conflict', `dataset ${id} changed meanwhile (revision ${found}, not ${expected}); read it again and retry`);
}

/** Checks the parts of a NewDataset that do not depend on the rows; throws DatasetStoreError. */
export function checkNewDataset(input: Pick<NewDataset, 'name' | 'header'>): void {
  if (typeof input.name !== 'string' || input.name.trim() === '') throw new DatasetStoreError('EmptyName', 'a dataset needs a name');
  if (!Array.isArray(input.header) || input.header.length === 0) throw new DatasetStoreError('BadHeader', 'the header needs at least one column');
  input.header.forEach((h, i) => {
    if (typeof h !== 'string') throw new DatasetStoreError('BadHeader', `header column ${i + 1} is not a string`);
  });
}

/** Checks one data row against the header's width; throws DatasetStoreError. */
export function checkRow(row: unknown, width: number, rowNumber: number): asserts row is string[] {
  if (!Array.isArray(row)) throw new DatasetStoreError('RaggedRow', `row ${rowNumber} is not an array of fields`, rowNumber);
  if (row.length !== width) throw new DatasetStoreError('RaggedRow', `row ${rowNumber} has ${row.length} fields, the header has ${width}`, rowNumber);
  for (let i = 0; i < row.length; i++)
    if (typeof row[i] !== 'string') throw new DatasetStoreError('NotAString', `row ${rowNumber}, field ${i + 1} is not a string`, rowNumber);
}
