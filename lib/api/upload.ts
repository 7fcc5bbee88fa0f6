import Papa from 'papaparse';
import { CodebookChecks } from '../ingest/codebookChecks';
import { detectDelimiter, personalColumnPlan, type Problem, type ValidationReport } from '../ingest';
import { codebookCheckProblem, ingestProblem } from '../ingest/problemMessages';
import { fittingPrefix } from '../ingest/problems';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_HEADER_CHARS, MAX_CODEBOOK_BYTES } from '../ingest/types';
import type { DatasetStore, DatasetSummary } from '../storage/datasetStore';
import { parseCodebook, type Codebook, type CodebookProblem } from '../survey/codebook';
import { quoted, shownValue } from '../survey/quoteValue';
import { ApiError } from './errors';
import { openFile, scanFile, type FileScan } from './fileScan';
import { parseField, uploadNameSchema } from './schemas';
import { matchTemplate, templateCodebook, type TemplateStudy } from './templates';

/**
 * The server side of an upload (POST /api/datasets): the server never trusts the browser, so it
 * picks the codebook, validates the bytes again with the same validator the browser runs (which
 * applies the engine's own reading rules, so a valid file is one the engine can read), drops
 * personal-data columns unless the analyst kept them, and only then stores it, in one atomic put.
 *
 * Memory for a 200 MB / 2,000,000-row file: the bytes and their decoded text are held, the rows
 * never all at once. Validation streams over the text; the store's put then streams the records
 * again from the text, a segment at a time, with the dropped columns left out as they pass.
 */
export const MAX_UPLOAD_BYTES = DEFAULT_MAX_BYTES;
export const MAX_LISTED_PROBLEMS = 100;
/**
 * An answer's lists are cut to fit these many bytes of JSON, whatever the file: with every value
 * in a message quoted to at most 80 characters (quoteValue.ts), 100 problems take far less, but a
 * problem also names its column, and a column name may have 1,000 characters. Together with the
 * counts (one per kind), the answer stays under 1 MB.
 */
const PROBLEMS_BYTES = 600 * 1024;
export const PERSONAL_COLUMNS_BYTES = 300 * 1024;

export interface UploadInput {
  bytes: Uint8Array;
  /** The codebook JSON's text, if the analyst sent one. */
  codebookText?: string;
  name?: string;
  fileName?: string;
  keepPersonal?: string[];
  /** The sheet to read, for a workbook (default: the first). */
  sheet?: string;
}

export interface UploadResult {
  dataset: DatasetSummary;
  /** The template whose codebook was used, when the header matched one. */
  template: TemplateStudy | null;
  droppedColumns: string[];
  warnings: Problem[];
  counts: Record<string, number>;
  /** Each file that was stored, in order: its name, its value in the source column (null without one), its data rows. */
  files: StoredFile[];
}

export interface StoredFile {
  name: string;
  source: string | null;
  rows: number;
}

/** At most the first 100 problems, in at most PROBLEMS_BYTES of JSON. */
export function listedProblems(problems: readonly Problem[]): Problem[] {
  return fittingPrefix(problems, MAX_LISTED_PROBLEMS, PROBLEMS_BYTES);
}

/**
 * The refused upload's answer (the `error` of a 422): its problems listed once (`problems`, the
 * first 100), and the report around them (`report`: every count, how many are listed, the
 * personal-data columns). At most 1 MB of JSON, whatever the file.
 */
export function refusalBody(report: ValidationReport): { problems: Problem[]; report: ReturnType<typeof reportSummary> } {
  const problems = listedProblems(report.problems);
  return { problems, report: reportSummary(report, problems.length) };
}

/** The report without its problems (listed once, beside it): every count, and the personal-data columns that fit. */
export function reportSummary(report: ValidationReport, listed: number) {
  const personalColumns = fittingPrefix(report.personalColumns, report.personalColumns.length, PERSONAL_COLUMNS_BYTES);
  return {
    ok: report.ok,
    encoding: report.encoding,
    delimiter: report.delimiter,
    rowCount: report.rowCount,
    counts: report.counts,
    listed,
    total: Object.values(report.counts).reduce((a, b) => a + b, 0),
    personalColumns,
    ...(personalColumns.length < report.personalColumns.length ? { personalColumnCount: report.personalColumns.length } : {}),
  };
}

/** Bytes enough for any header within the limits (1,000 names of 1,000 characters). */
const HEADER_BYTES = 4 * 1024 * 1024;

/** A CSV file's header, trimmed as the validator reads it: the first record of its first megabytes. */
export function csvHeader(bytes: Uint8Array): string[] {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes.subarray(0, HEADER_BYTES), { stream: bytes.length > HEADER_BYTES });
  return firstRecord(text);
}

/**
 * Text enough for any header the validator accepts (1,000 names of 1,000 characters, quoted, with
 * their separators), so the first record is read from it alone: papaparse given the whole text
 * splits all of it into lines first, even for one record (0.4-1.5 s and a string per line on a
 * 152 MB upload).
 */
const HEADER_SAMPLE_CHARS = 2 * (DEFAULT_MAX_COLUMNS * (DEFAULT_MAX_HEADER_CHARS + 3));

/** The file's header, trimmed as the validator reads it (the first record; cheap). */
export function firstRecord(text: string): string[] {
  const sample = text.slice(0, HEADER_SAMPLE_CHARS);
  const { delimiter } = detectDelimiter(sample);
  const first = Papa.parse<string[]>(sample, { delimiter, preview: 1, skipEmptyLines: 'greedy' }).data[0] ?? [];
  return first.map((h) => h.trim());
}

/**
 * A codebook JSON text, checked: 413 CodebookTooLarge over the limit, 400 BadCodebook when it is
 * not JSON or `parseCodebook` refuses it (with the first 100 problems).
 */
export function parseCodebookText(text: string): Codebook {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_CODEBOOK_BYTES) throw codebookTooLarge(size);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ApiError(400, 'BadCodebook', `the codebook is not valid JSON: ${shownValue(e instanceof Error ? e.message : String(e), 200)}`);
  }
  const parsed = parseCodebook(json);
  if (!parsed.ok)
    throw new ApiError(400, 'BadCodebook', `the codebook is not valid (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'})`, {
      problems: listedProblems(parsed.problems.slice(0, MAX_LISTED_PROBLEMS).map(codebookProblem)),
    });
  return parsed.codebook;
}

function chooseCodebook(input: UploadInput, header: string[], name: string): { codebook: Codebook; template: TemplateStudy | null } {
  if (input.codebookText !== undefined) return { codebook: parseCodebookText(input.codebookText), template: null };
  const template = matchTemplate(header);
  if (!template)
    throw new ApiError(
      400,
      'CodebookRequired',
      'the CSV header does not match the study G or study P template exactly; send a codebook (JSON) with the file, or download a template from /datasets',
    );
  // The template's codebook describes the columns; the data are the analyst's own, not synthetic.
  const codebook: Codebook = { ...templateCodebook(template), synthetic: false, title: { en: name, nl: name } };
  return { codebook, template };
}

/** The file's name without its extension; a file name is not typed by the analyst, so it is cleaned rather than refused. */
export const defaultName = (fileName: string | undefined) =>
  (fileName ?? '')
    .replace(/\.(csv|txt|tsv|sav|zsav|xlsx|xlsm)$/i, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .slice(0, 200) || 'Uploaded dataset';

export async function uploadDataset(store: DatasetStore, input: UploadInput): Promise<UploadResult> {
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(input.bytes.length);
  const name = parseField(uploadNameSchema, (input.name ?? '').trim() || defaultName(input.fileName), 'BadName');

  const file = await openFile(input.bytes, input.fileName, input.sheet);
  // A file that cannot be read says so before anything asks for its codebook.
  if (file.problem) throw new ApiError(422, 'InvalidData', 'the file cannot be read; nothing was stored', refusalBody(scanFile(file, {}).report));
  const { codebook, template } = chooseCodebook(input, file.header, name);
  const keep = input.keepPersonal ?? [];
  const scan = scanFile(file, { codebook, keepPersonalColumns: keep });
  const report = scan.report;
  if (!report.ok) throw new ApiError(422, 'InvalidData', 'the file has errors; nothing was stored', refusalBody(report));

  const { keepIndex, header: keptHeader, dropped } = personalColumnPlan(report.header, report);
  const needed = CodebookChecks.mappedColumns(codebook);
  needed.add(codebook.respondentId);
  const neededDropped = dropped.filter((c) => needed.has(c));
  if (neededDropped.length)
    throw new ApiError(
      422,
      'PersonalColumnNeeded',
      `the codebook needs ${neededDropped.slice(0, 3).map((c) => quoted(c)).join(', ')}${neededDropped.length > 3 ? ` and ${neededDropped.length - 3} more` : ''}, which look${neededDropped.length === 1 ? 's' : ''} like personal data and would be dropped; keep ${neededDropped.length === 1 ? 'it' : 'them'} (keepPersonal) or map another column`,
      { problems: listedProblems(neededDropped.map((column) => ingestProblem('PersonalColumnNeeded', undefined, { column }))) },
    );

  // No second engine check is needed: the report is ok, so the engine's builder found no error in
  // these rows, and every column it reads is kept.
  const dataset = await store.put({ name, codebook, header: keptHeader, rows: keptRows(scan, keepIndex, report.header.length) });
  return {
    dataset,
    template,
    droppedColumns: dropped,
    warnings: listedProblems(report.problems.filter((p) => p.type === 'warning')),
    counts: report.counts,
    files: [{ name: input.fileName ?? name, source: null, rows: dataset.respondents }],
  };
}

/** The validated records again, without the dropped columns; the put stores them as they come. */
function* keptRows(scan: FileScan, keepIndex: number[], width: number): Generator<string[]> {
  const all = keepIndex.length === width;
  for (const record of scan.records()) yield all ? record : keepIndex.map((i) => record[i] ?? '');
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** A codebook's problem as the upload's: where in the codebook (its JSON path, shortened) and what. */
function codebookProblem(p: CodebookProblem): Problem {
  return codebookCheckProblem(p);
}

// The limit goes with the answer, so that the page can word it in the reader's language.
export function codebookTooLarge(bytes: number): ApiError {
  return new ApiError(413, 'CodebookTooLarge', `the codebook is ${mb(bytes)}; the limit is ${mb(MAX_CODEBOOK_BYTES)}`, { limit: { max: MAX_CODEBOOK_BYTES, unit: 'bytes', found: bytes } });
}

export function tooLarge(bytes?: number): ApiError {
  return new ApiError(413, 'FileTooLarge', `${bytes !== undefined ? `the upload is ${mb(bytes)}; ` : 'the upload is too large; '}the limit is ${mb(MAX_UPLOAD_BYTES)}`, {
    limit: { max: MAX_UPLOAD_BYTES, unit: 'bytes', ...(bytes !== undefined ? { found: bytes } : {}) },
  });
}
