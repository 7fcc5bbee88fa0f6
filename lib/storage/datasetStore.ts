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
 * - Several stores (processes, app instances) may share one database: each sees what the others
 *   committed. A stored dataset never changes; it can only be deleted, and ids are never reused.
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

export interface StoredDataset extends DatasetSummary {
  codebook: Codebook;
  header: string[];
  rows: string[][];
}

export interface DatasetStore {
  /** Every stored dataset, oldest first. */
  list(): Promise<DatasetSummary[]>;
  /** The dataset's summary without its rows (cheap), or null if there is none with this id. */
  summary(id: string): Promise<DatasetSummary | null>;
  /** The dataset with its codebook and rows, or null if there is none with this id. */
  get(id: string): Promise<StoredDataset | null>;
  /** Stores a dataset atomically and returns its summary (with the generated id). */
  put(input: NewDataset): Promise<DatasetSummary>;
  /** Removes a dataset (metadata and rows) atomically; false if there was none with this id. */
  delete(id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A put or delete the store refused (bad input); nothing was written. */
export class DatasetStoreError extends Error {
  constructor(
    readonly code: 'EmptyName' | 'BadHeader' | 'RaggedRow' | 'NotAString' | 'NoRows' | 'Closed',
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
  return {
    id,
    name: input.name.trim(),
    studyStyle: String(input.codebook.studyStyle ?? ''),
    respondents: 0,
    addedAt: new Date().toISOString(),
    synthetic: input.codebook.synthetic === true,
    reference: false,
  };
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
