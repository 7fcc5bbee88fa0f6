import Papa from 'papaparse';
import { isBlankRecord } from '../survey/cells';
import { fieldsOf, isBlankCsvRecord, type CsvRecord } from '../survey/csvRecord';
import type { SurveyData } from '../survey/dataset';
import { CodebookChecks } from './codebookChecks';
import { controlCharacterProblems } from './controlCharacters';
import { decodeUpload, type DecodedUpload, type InvalidUtf8 } from './encoding';
import { detectDelimiter } from './delimiter';
import { finishReport, placedInvalidUtf8, quoteProblem, raggedRow, tooManyRows, unknownKeepProblems } from './fileProblems';
import { headerProblems } from './header';
import { checkFieldLengths, headerLimitProblems, shapeLimits } from './limits';
import { countLineBreaks, TextLines } from './lines';
import { PersonalDataDetector } from './personal';
import { personalProblems } from './personalProblems';
import { ingestProblem } from './problemMessages';
import { ProblemCollector } from './problems';
import { guessLinebreak, readRecords } from './records';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PROBLEMS_PER_CODE,
  DEFAULT_MAX_ROWS,
  type Delimiter,
  type Problem,
  type ValidateOptions,
  type ValidationReport,
} from './types';

/**
 * Validates an uploaded CSV file, byte for byte, and returns a report instead of throwing: the
 * browser runs it to show the analyst what is wrong, and the server runs it again on what it
 * receives before storing anything. It reads the bytes once, row by row, and never holds the rows.
 */
export function validateUpload(bytes: Uint8Array, options: ValidateOptions = {}): ValidationReport {
  return scanUpload(bytes, options).report;
}

/**
 * The full ingest of an upload: the validation report and, when there is a codebook and no error,
 * the engine's columns (a SurveyData ready for `acceptance`), built in the same single pass over
 * the rows that validates them.
 */
export function ingestUpload(bytes: Uint8Array, options: ValidateOptions = {}): { report: ValidationReport; data: SurveyData | null } {
  const { report, data } = scanUpload(bytes, options, { build: true });
  return { report, data };
}

/** Data rows between two entries of `UploadScan.recordStarts`. */
export const ROWS_PER_SEGMENT = 4096;

export interface UploadScan {
  report: ValidationReport;
  /** The decoded text (without a byte-order mark); empty when the checks stopped before decoding. */
  text: string;
  /** The line break papaparse read the records with. */
  linebreak: string;
  /**
   * Where to find the rows again without holding them: offsets in `text` of the first data
   * record, of every ROWS_PER_SEGMENT-th record after it, and the end of the text. Each slice
   * between two offsets holds whole records (see `recordsOf`). Complete only when the report is ok.
   */
  recordStarts: number[];
  /** The engine's columns, when asked for (`build`), with a codebook, and the report has no error. */
  data: SurveyData | null;
}

export interface ScanOptions {
  /** Keep the engine's columns while checking (default false: checks only, less memory). */
  build?: boolean;
  /** The bytes already decoded by `decodeUpload`, so that the server decodes them only once. */
  decoded?: DecodedUpload;
}

/**
 * One pass over an upload. Order of work: size limit, encoding, empty file, delimiter, then one
 * streaming pass over the records (ragged rows, quoting, row limit, codebook checks and columns,
 * personal-data sampling), then the checks that need the whole file (header only, blank header
 * cells, personal columns).
 *
 * The pass runs once per row of files with millions of rows, so the per-row work allocates
 * nothing and skips what is already settled (columns known to hold values, full samples).
 */
export function scanUpload(bytes: Uint8Array, options: ValidateOptions = {}, how: ScanOptions = {}): UploadScan {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const keep = options.keepPersonalColumns ?? [];
  const limits = shapeLimits(options);
  const out = new ProblemCollector(Math.max(1, options.maxProblemsPerCode ?? DEFAULT_MAX_PROBLEMS_PER_CODE));
  const bomAt0 = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const stopped = (): UploadScan => ({
    report: finishReport(out, { encoding: bomAt0 ? 'utf-8-bom' : 'utf-8', delimiter: ',', header: [], rowCount: 0, personalColumns: [] }),
    text: '',
    linebreak: '\n',
    recordStarts: [],
    data: null,
  });

  if (bytes.length > maxBytes) {
    out.add(ingestProblem('FileTooLarge', undefined, { limit: { max: maxBytes, unit: 'bytes', found: bytes.length } }));
    return stopped();
  }

  const { text, encoding, invalid } = how.decoded ?? decodeUpload(bytes);
  if (text.trim() === '') {
    out.add(ingestProblem(bytes.length === 0 ? 'EmptyFile' : 'EmptyFile.blank'));
    return stopped();
  }

  const guess = detectDelimiter(text);
  const delimiter = guess.delimiter;
  let header: string[] = [];
  let rowCount = 0;
  let hasValue = new Uint8Array(0);
  /** Columns with no non-blank value yet: only those are looked at, usually none after the first rows. */
  let stillBlank: number[] = [];
  let personal: PersonalDataDetector | undefined;
  let codebookChecks: CodebookChecks | undefined;
  let tooMany = false;
  /** The header passed a shape limit: nothing after it is read. */
  let badHeader = false;
  let seenHeader = false;
  const recordStarts: number[] = [];
  // Lines are counted only as far as a listed problem needs them: a valid file counts none past its header.
  const lines = new TextLines(text);
  let headerLine = 1;
  /** The record being read: its data row and where it starts in the text. */
  let currentRow = 0;
  let currentStart = 0;
  out.lineOf = (row) => (row === 0 ? headerLine : row === currentRow ? lines.lineAt(currentStart) : undefined);

  // Blank records are skipped here rather than with papaparse's skipEmptyLines: 'greedy', which
  // joins and trims every record; isBlankCsvRecord is the same test, decided by the first character
  // of a usual record. A blank record's quote errors are dropped with it, as papaparse does.
  const linebreak = guessLinebreak(text, delimiter);
  /** Where the last non-blank record read ended: a record no longer than the field limit cannot hold a field over it. */
  let previousEnd = 0;
  /** Where the last record read, blank or not, ended: where the next one starts. */
  let lastEnd = 0;
  readRecords(text, delimiter, linebreak, (record, end, errors, controls) => {
    const start = lastEnd;
    lastEnd = end;
    if (isBlankCsvRecord(record)) return;
    const row = seenHeader ? rowCount + 1 : 0;
    currentRow = row;
    currentStart = start;
    if (row === 0) headerLine = lines.lineAt(start);
    for (let e = 0; e < errors.length; e++) quoteProblem(out, errors[e], row);
    const recordChars = end - previousEnd;
    previousEnd = end;
    if (row === 0) {
      seenHeader = true;
      recordStarts.push(end);
      header = fieldsOf(record).map((h) => h.trim());
      const limitProblems = headerLimitProblems(header, limits);
      if (limitProblems.length > 0) {
        for (const p of limitProblems) out.add(p);
        badHeader = true;
        header = [];
        return false;
      }
      if (controls) controlCharacterProblems(record, 0, header, out);
      hasValue = new Uint8Array(header.length);
      stillBlank = header.map((_, i) => i);
      personal = new PersonalDataDetector(header);
      // An upper bound of the rows, so that the columns and the id table are allocated once.
      if (options.codebook) codebookChecks = new CodebookChecks(options.codebook, header, out, { build: how.build === true, expectedRows: lineCount(text, linebreak) });
      return;
    }
    if (row > maxRows) {
      tooMany = true;
      out.add(tooManyRows(maxRows, row));
      return false;
    }
    rowCount = row;
    if (row % ROWS_PER_SEGMENT === 0) recordStarts.push(end);
    if (record.length !== header.length) out.addLazy('RaggedRow', () => raggedRow(record.length, header.length, row));
    if (recordChars > limits.maxFieldChars) checkFieldLengths(fieldsOf(record), row, header, limits.maxFieldChars, out);
    if (controls) controlCharacterProblems(record, row, header, out);
    if (stillBlank.length > 0) stillBlank = markValues(record, stillBlank, hasValue);
    personal!.addRecord(record);
    codebookChecks?.addRecord(record);
  });
  if (recordStarts[recordStarts.length - 1] !== text.length) recordStarts.push(text.length);

  if (invalid) out.add(invalidUtf8Problem(bytes, invalid, encoding === 'utf-8-bom' ? 3 : 0, delimiter, linebreak, header));
  if (!guess.detected && header.length <= 1 && !badHeader) out.add(ingestProblem('DelimiterNotDetected'));
  for (const p of headerProblems(header, hasValue)) out.add(p);
  if (rowCount === 0 && !tooMany && !badHeader) out.add(ingestProblem('HeaderOnly', undefined, { row: 0 }));
  codebookChecks?.finish();
  for (const p of unknownKeepProblems(header, keep)) out.add(p);

  const skip = options.codebook ? CodebookChecks.mappedColumns(options.codebook) : new Set<string>();
  const personalColumns = personal ? personal.result(keep, skip) : [];
  for (const p of personalProblems(personalColumns, options.codebook)) out.add(p);

  const report = finishReport(out, { encoding, delimiter, header, rowCount, personalColumns });
  const data = report.ok && how.build && codebookChecks ? codebookChecks.data() : null;
  return { report, text, linebreak, recordStarts, data };
}

/** Lines in the text (line breaks + 1): at least the number of records. */
function lineCount(text: string, linebreak: string): number {
  const end = linebreak === '\r' ? '\r' : '\n';
  let n = 1;
  for (let i = text.indexOf(end); i !== -1; i = text.indexOf(end, i + 1)) n++;
  return n;
}

/** Marks the columns of `columns` that have a value in this record; returns those still without one. */
function markValues(record: CsvRecord, columns: number[], hasValue: Uint8Array): number[] {
  const still: number[] = [];
  for (const i of columns) {
    if (i < record.length && !record.isBlank(i)) hasValue[i] = 1;
    else still.push(i);
  }
  return still.length === columns.length ? columns : still;
}

/**
 * The records of an upload that `scanUpload` found ok, streamed again from its text a segment at
 * a time (ROWS_PER_SEGMENT records), header excluded: the same records, since each segment starts
 * at a record papaparse started, is read with the same delimiter and line break, and blank records
 * are skipped by the same test. Holds one segment's rows at a time.
 */
export function* recordsOf(scan: Pick<UploadScan, 'text' | 'linebreak' | 'recordStarts' | 'report'>): Generator<string[][]> {
  const { text, recordStarts } = scan;
  // The core parser, without Papa.parse's wrapper: that one would drop a U+FEFF opening a segment.
  const parser = new Papa.Parser({ delimiter: scan.report.delimiter, newline: scan.linebreak as Papa.ParseConfig['newline'] });
  for (let s = 0; s + 1 < recordStarts.length; s++) {
    const records = (parser.parse(text.slice(recordStarts[s], recordStarts[s + 1]), 0, false) as Papa.ParseResult<string[]>).data;
    const rows: string[][] = [];
    for (const fields of records) if (!isBlankRecord(fields)) rows.push(fields);
    yield rows;
  }
}

/**
 * The first bad byte named by byte offset, row, line and column. The row is found by parsing the
 * valid text before the byte plus one marker character: the marker's record and field are where
 * the bad byte is, quoted newlines included; the line is where that record starts.
 */
function invalidUtf8Problem(bytes: Uint8Array, invalid: InvalidUtf8, bomLength: number, delimiter: Delimiter, linebreak: string, header: string[]): Problem {
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bomLength, invalid.offset));
  const text = `${before}\u0001`;
  // papaparse drops one leading U+FEFF, so its offsets start after it.
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let rows = 0;
  let last: string[] = [];
  let start = 0;
  let end = 0;
  // The whole file's line break: guessed again on the cut text, a lone "\r" before the bad byte
  // in a CRLF file was taken for the line break and the byte placed on the next row.
  Papa.parse<string[]>(text, {
    delimiter,
    newline: linebreak as Papa.ParseConfig['newline'],
    step: (result) => {
      const recordStart = end;
      end = result.meta.cursor + offset;
      if (isBlankRecord(result.data)) return;
      rows++;
      last = result.data;
      start = recordStart;
    },
  });
  const row = Math.max(0, rows - 1);
  const column = header[Math.max(0, last.length - 1)] || undefined;
  return placedInvalidUtf8(invalid, bytes[invalid.offset], { row, line: 1 + countLineBreaks(text, 0, start, NaN), ...(column ? { column } : {}) });
}
