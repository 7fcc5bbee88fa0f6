import type { Codebook } from '../survey/codebook';
import type { DataProblem } from '../survey/dataset';

/**
 * The shapes of an upload's validation report. Problems are data, not exceptions, so that one
 * report can show an analyst everything wrong with a file at once (and the server can re-run the
 * same checks on the bytes it receives, since it never trusts the browser).
 */

/** One problem: the same shape as the survey engine's, so the builder's problems pass straight through. */
export type Problem = DataProblem;

export type Encoding = 'utf-8' | 'utf-8-bom';
export type Delimiter = ',' | ';' | '\t';
export type PersonalKind = 'email' | 'phone' | 'name' | 'street-address' | 'postcode' | 'ip-address';

/** Why a column was flagged: its name suggests it, and/or so many of the sampled values look like it. */
export interface PersonalBasis {
  header: boolean;
  hits?: number;
  sampled?: number;
  /** What the values look like: the kind, or first and last names for a column named like a name. */
  looksLike?: PersonalKind | 'full-name';
}

/** A column that looks like a direct identifier; dropped before storing unless `keep`. */
export interface PersonalColumn {
  column: string;
  kind: PersonalKind;
  /** Why it was flagged, in English words an analyst can check ('header "E-mail"; 9 of 10 sampled values look like e-mail addresses'). */
  evidence: string;
  /** The same, as data: the page words it in the reader's language (problemMessages.ts `personalEvidence`). */
  basis: PersonalBasis;
  keep: boolean;
}

export interface ValidationReport {
  /** True when no count is of an error (problemMessages.ts `countsOk`): warnings alone let the analyst go on. */
  ok: boolean;
  encoding: Encoding;
  delimiter: Delimiter;
  /** An SPSS file or an Excel sheet (encoding and delimiter then say nothing); absent for a CSV. */
  format?: 'sav' | 'xlsx';
  /** The sheet read, for a workbook. */
  sheet?: string;
  header: string[];
  /** Data rows read (the header is not counted; blank lines are skipped). */
  rowCount: number;
  /**
   * Problems, file-level ones first, then by row; at most `maxProblemsPerCode` of each code and at
   * most MAX_LISTED_BYTES of JSON in all (problems.ts), so that the report stays small however
   * broken the file. The full list as far as it was kept is the report CSV (reportCsv.ts).
   */
  problems: Problem[];
  /** Every problem counted per code, including the ones left out of `problems`. */
  counts: Record<string, number>;
  personalColumns: PersonalColumn[];
}

export interface ValidateOptions {
  /** With a codebook, the rows are checked against it (columns, ids, codes, weights). */
  codebook?: Codebook;
  /** Default 200 MB. */
  maxBytes?: number;
  /** Default 2,000,000. */
  maxRows?: number;
  /** Personal-data columns the analyst explicitly chose to keep. */
  keepPersonalColumns?: string[];
  /** Cap on listed problems per code (counts stay complete). Default 100. */
  maxProblemsPerCode?: number;
  /** Default 1,000 (DEFAULT_MAX_COLUMNS). */
  maxColumns?: number;
  /** Default 1 MB of characters (DEFAULT_MAX_FIELD_CHARS). */
  maxFieldChars?: number;
  /** Default 1,000 characters (DEFAULT_MAX_HEADER_CHARS). */
  maxHeaderChars?: number;
}

/**
 * The limits of an upload, checked in the browser's worker and again on the server, each reported
 * as a problem naming the limit (the `limit` of the problem; limitMessages.ts words it in English
 * and Dutch).
 */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 2_000_000;
/**
 * Columns: real survey exports have tens to a few hundred (a long Qualtrics or SPSS export, about
 * 500). Past 1,000 the mapping screen (one row with a select per column) stops being usable, and
 * every column costs work per row in the checks; a wider file is almost surely not a
 * respondent-by-question table (a transposed export, a wrong delimiter).
 */
export const DEFAULT_MAX_COLUMNS = 1_000;
/**
 * One field: an answer is a code or a short text; a field of over 1 MB (2^20 characters) is a
 * broken quote that swallowed the file or an attempt to make every later step (the report, the
 * store, the pages) carry megabytes per cell.
 */
export const DEFAULT_MAX_FIELD_CHARS = 1024 * 1024;
/** A column name: long enough for a question's full text as the header, short enough to show. */
export const DEFAULT_MAX_HEADER_CHARS = 1_000;
/** The codebook JSON: a 1,000-column codebook with labels in two languages takes about 1 MB. */
export const MAX_CODEBOOK_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_PROBLEMS_PER_CODE = 100;
