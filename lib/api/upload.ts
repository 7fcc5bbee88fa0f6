import Papa from 'papaparse';
import { CodebookChecks } from '../ingest/codebookChecks';
import { decodeUpload, detectDelimiter, personalColumnPlan, recordsOf, scanUpload, type Problem, type UploadScan, type ValidationReport } from '../ingest';
import { DEFAULT_MAX_BYTES, MAX_CODEBOOK_BYTES } from '../ingest/types';
import type { DatasetStore, DatasetSummary } from '../storage/datasetStore';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { ApiError } from './errors';
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

export interface UploadInput {
  bytes: Uint8Array;
  /** The codebook JSON's text, if the analyst sent one. */
  codebookText?: string;
  name?: string;
  fileName?: string;
  keepPersonal?: string[];
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

/** The report as the API answers it: at most the first 100 problems, every count. */
export function reportBody(report: ValidationReport) {
  return {
    ok: report.ok,
    encoding: report.encoding,
    delimiter: report.delimiter,
    rowCount: report.rowCount,
    counts: report.counts,
    listed: Math.min(report.problems.length, MAX_LISTED_PROBLEMS),
    total: Object.values(report.counts).reduce((a, b) => a + b, 0),
    personalColumns: report.personalColumns,
    problems: report.problems.slice(0, MAX_LISTED_PROBLEMS),
  };
}

/** The file's header, trimmed as the validator reads it (the first record; cheap). */
export function firstRecord(text: string): string[] {
  const { delimiter } = detectDelimiter(text);
  const first = Papa.parse<string[]>(text, { delimiter, preview: 1, skipEmptyLines: 'greedy' }).data[0] ?? [];
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
    throw new ApiError(400, 'BadCodebook', `the codebook is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseCodebook(json);
  if (!parsed.ok)
    throw new ApiError(400, 'BadCodebook', `the codebook is not valid (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'})`, {
      problems: parsed.problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ type: 'error', code: 'BadCodebook', message: `${p.path || '(root)'}: ${p.message}` })),
    });
  return parsed.codebook;
}

function chooseCodebook(input: UploadInput, text: string, name: string): { codebook: Codebook; template: TemplateStudy | null } {
  if (input.codebookText !== undefined) return { codebook: parseCodebookText(input.codebookText), template: null };
  const template = matchTemplate(firstRecord(text));
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
    .replace(/\.(csv|txt|tsv)$/i, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .slice(0, 200) || 'Uploaded dataset';

export async function uploadDataset(store: DatasetStore, input: UploadInput): Promise<UploadResult> {
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(input.bytes.length);
  const name = parseField(uploadNameSchema, (input.name ?? '').trim() || defaultName(input.fileName), 'BadName');

  const decoded = decodeUpload(input.bytes);
  const { codebook, template } = chooseCodebook(input, decoded.text, name);
  const keep = input.keepPersonal ?? [];
  const scan = scanUpload(input.bytes, { codebook, keepPersonalColumns: keep }, { decoded });
  const report = scan.report;
  if (!report.ok) throw new ApiError(422, 'InvalidData', `the file has ${report.problems.filter((p) => p.type === 'error').length > 0 ? 'errors' : 'problems'}; nothing was stored`, { report: reportBody(report), problems: report.problems.slice(0, MAX_LISTED_PROBLEMS) });

  const { keepIndex, header: keptHeader, dropped } = personalColumnPlan(report.header, report);
  const needed = CodebookChecks.mappedColumns(codebook);
  needed.add(codebook.respondentId);
  const neededDropped = dropped.filter((c) => needed.has(c));
  if (neededDropped.length)
    throw new ApiError(
      422,
      'PersonalColumnNeeded',
      `the codebook needs ${neededDropped.map((c) => `"${c}"`).join(', ')}, which look${neededDropped.length === 1 ? 's' : ''} like personal data and would be dropped; keep ${neededDropped.length === 1 ? 'it' : 'them'} (keepPersonal) or map another column`,
      { problems: neededDropped.map((column) => ({ type: 'error', code: 'PersonalColumnNeeded', message: 'needed by the codebook but dropped as personal data', column })) },
    );

  // No second engine check is needed: the report is ok, so the engine's builder found no error in
  // these rows, and every column it reads is kept.
  const dataset = await store.put({ name, codebook, header: keptHeader, rows: keptRows(scan, keepIndex, report.header.length) });
  return {
    dataset,
    template,
    droppedColumns: dropped,
    warnings: report.problems.filter((p) => p.type === 'warning').slice(0, MAX_LISTED_PROBLEMS),
    counts: report.counts,
    files: [{ name: input.fileName ?? name, source: null, rows: dataset.respondents }],
  };
}

/** The validated records again, without the dropped columns; the put stores them as they come. */
function* keptRows(scan: UploadScan, keepIndex: number[], width: number): Generator<string[]> {
  const all = keepIndex.length === width;
  for (const records of recordsOf(scan)) for (const record of records) yield all ? record : keepIndex.map((i) => record[i] ?? '');
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export function codebookTooLarge(bytes: number): ApiError {
  return new ApiError(413, 'CodebookTooLarge', `the codebook is ${mb(bytes)}; the limit is ${mb(MAX_CODEBOOK_BYTES)}`);
}

export function tooLarge(bytes?: number): ApiError {
  return new ApiError(413, 'FileTooLarge', `${bytes !== undefined ? `the upload is ${mb(bytes)}; ` : 'the upload is too large; '}the limit is ${mb(MAX_UPLOAD_BYTES)}`);
}
