import { CodebookChecks } from '../ingest/codebookChecks';
import { canonicalHeader, codebookForFile, filePlanProblems, mergedHeader, planCodebookProblems, RespondentIds, rowProjection, type FilePlanEntry, type FilePlanProblem, type FileProblem } from '../ingest/files';
import { personalColumnPlan, type ValidationReport } from '../ingest';
import { openFiles, scanFile, type FileScan, type OpenedFile } from './fileScan';
import { DEFAULT_MAX_ROWS } from '../ingest/types';
import type { DatasetStore } from '../storage/datasetStore';
import type { Codebook } from '../survey/codebook';
import { ApiError } from './errors';
import { parseField, uploadNameSchema } from './schemas';
import { fittingPrefix } from '../ingest/problems';
import { ingestProblem } from '../ingest/problemMessages';
import { quoted, shownValue } from '../survey/quoteValue';
import { defaultName, listedProblems, MAX_LISTED_PROBLEMS, MAX_UPLOAD_BYTES, parseCodebookText, PERSONAL_COLUMNS_BYTES, tooLarge, type UploadResult } from './upload';

/**
 * Several files into one dataset (POST /api/datasets with more than one file, or one file with a
 * plan): each file is validated with the upload validator against the codebook as its own header
 * names it (lib/ingest/files.ts), respondent ids must not repeat across files (or are prefixed with
 * the file's source value), and all files are stored in ONE atomic put, their rows projected onto
 * the merged header as they stream from each file's text.
 */

export interface UploadFile {
  bytes: Uint8Array;
  fileName?: string;
  /** The sheet to read, for a workbook (default: the first). */
  sheet?: string;
}

/** The plan as the API reads it (filePlanSchema): the source column may be left to the codebook. */
export interface UploadPlan {
  sourceColumn?: string;
  prefixIds: boolean;
  files: FilePlanEntry[];
}

export interface FilesUploadInput {
  files: UploadFile[];
  plan: UploadPlan;
  codebookText?: string;
  name?: string;
  /** Personal-data columns to keep, by the file's own or the codebook's name. */
  keepPersonal?: string[];
}

/** One file validated against its projected codebook, with what the personal-data guard drops. */
export interface CheckedFile {
  name: string;
  source: string;
  columns: Record<string, string>;
  scan: FileScan;
  /** The file's own column names dropped as personal data. */
  dropped: string[];
}

/** A file's name as reports show it: its own, else its place. */
export const fileLabel = (fileName: string | undefined, index: number): string => (fileName ?? '').replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, 200) || `file ${index + 1}`;

/** Plan problems as a 400 BadPlan, each naming its file. */
export function throwPlanProblems(problems: FilePlanProblem[], names: readonly string[]): void {
  if (problems.length === 0) return;
  throw new ApiError(400, 'BadPlan', problems.length === 1 ? problems[0].message : `the files do not fit the plan (${problems.length} problems): ${problems[0].message}, ...`, {
    problems: problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({
      ...ingestProblem('BadPlan', { detail: shownValue(p.message, 300) }, p.column !== undefined ? { column: p.column } : {}),
      ...(p.file !== undefined ? { file: names[p.file] } : {}),
    })),
  });
}

/**
 * Validates one file against the codebook projected onto its header; personal-data columns are
 * kept when `keep` names them by the file's own or by the codebook's name.
 */
export function checkFile(file: OpenedFile, name: string, entry: FilePlanEntry, projected: Codebook, keep: readonly string[]): CheckedFile {
  const header = file.header;
  const canonical = canonicalHeader(header, entry.columns);
  const keepHere = header.filter((h, i) => keep.includes(h) || keep.includes(canonical[i]));
  const scan = scanFile(file, { codebook: projected, keepPersonalColumns: keepHere });
  const dropped = scan.report.ok ? personalColumnPlan(scan.report.header, scan.report).dropped : [];
  return { name, source: entry.source, columns: entry.columns, scan, dropped };
}

/** The reports of several files as one (the API's 422 body): counts summed, the first 100 problems (errors first), each naming its file. */
export function filesReportBody(files: readonly { name: string; source: string; report: ValidationReport }[]) {
  const counts: Record<string, number> = {};
  for (const { report } of files) for (const [code, n] of Object.entries(report.counts)) counts[code] = (counts[code] ?? 0) + n;
  const problems: FileProblem[] = [];
  for (const type of ['error', 'warning'] as const)
    for (const { name, report } of files)
      for (const p of report.problems) {
        if (problems.length >= MAX_LISTED_PROBLEMS) break;
        if (p.type === type) problems.push({ ...p, file: name });
      }
  // Within 1 MB of JSON whatever the files: the problems in their byte budget, each file's personal-data columns in a share of another.
  const listed = listedProblems(problems) as FileProblem[];
  return {
    ok: files.every((f) => f.report.ok),
    rowCount: files.reduce((n, f) => n + f.report.rowCount, 0),
    counts,
    listed: listed.length,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    problems: listed,
    files: files.map(({ name, source, report }) => ({
      name,
      source,
      ok: report.ok,
      encoding: report.encoding,
      delimiter: report.delimiter,
      rowCount: report.rowCount,
      counts: report.counts,
      personalColumns: fittingPrefix(report.personalColumns, report.personalColumns.length, PERSONAL_COLUMNS_BYTES / files.length),
    })),
  };
}

/** 422 InvalidData with the files' report; nothing was stored. */
export function invalidFiles(files: readonly CheckedFile[]): ApiError {
  const { problems, ...report } = filesReportBody(files.map((f) => ({ name: f.name, source: f.source, report: f.scan.report })));
  const broken = files.filter((f) => !f.scan.report.ok).map((f) => quoted(f.name));
  // The problems are listed once, beside the report's counts, as a single file's refusal (refusalBody).
  return new ApiError(422, 'InvalidData', `${broken.length === 1 ? `the file ${broken[0]} has` : `the files ${broken.slice(0, 3).join(', ')}${broken.length > 3 ? ` and ${broken.length - 3} more` : ''} have`} errors; nothing was stored`, {
    report,
    problems,
  });
}

/** 422 PersonalColumnNeeded when the codebook needs a column the guard would drop from a file. */
export function checkPersonalNeeded(file: CheckedFile, projected: Codebook): void {
  const needed = CodebookChecks.mappedColumns(projected);
  needed.add(projected.respondentId);
  const neededDropped = file.dropped.filter((c) => needed.has(c));
  if (neededDropped.length)
    throw new ApiError(
      422,
      'PersonalColumnNeeded',
      `the codebook needs ${neededDropped.slice(0, 3).map((c) => quoted(c)).join(', ')}${neededDropped.length > 3 ? ` and ${neededDropped.length - 3} more` : ''} of ${quoted(file.name)}, which look${neededDropped.length === 1 ? 's' : ''} like personal data and would be dropped; keep ${neededDropped.length === 1 ? 'it' : 'them'} (keepPersonal) or map another column`,
      { problems: listedProblems(neededDropped.map((column) => ({ ...ingestProblem('PersonalColumnNeeded', undefined, { column }), file: file.name }))) },
    );
}

/** 422 TooManyRows when the files together pass the row limit of one dataset. */
export function checkTotalRows(rows: number): void {
  if (rows > DEFAULT_MAX_ROWS)
    throw new ApiError(422, 'TooManyRows', `the files have ${rows.toLocaleString('en')} data rows together; a dataset holds at most ${DEFAULT_MAX_ROWS.toLocaleString('en')}`);
}

/** Thrown by a row stream that found repeated ids, so that the store rolls the write back. */
class RepeatedIds extends Error {
  constructor() {
    super('respondent ids repeat across files');
  }
}

/** 422 DuplicateId naming both files (or the stored dataset) and rows of each repeat. */
export function repeatedIdsError(ids: RespondentIds, hint: string): ApiError {
  return new ApiError(422, 'DuplicateId', `${ids.count.toLocaleString('en')} respondent id${ids.count === 1 ? '' : 's'} of one file also appear${ids.count === 1 ? 's' : ''} in another; ${hint}; nothing was stored`, {
    report: { ok: false, counts: { DuplicateId: ids.count }, listed: ids.problems.length, total: ids.count, problems: ids.problems },
    problems: ids.problems,
  });
}

/**
 * Writes rows through `write` (a put or a replace) while checking ids: from the first repeat on,
 * no more rows are handed to the store, the rest are only checked (so that the count is complete),
 * and the stream then fails, which rolls the write back. Returns what `write` returned.
 */
export async function writeCheckingIds<T>(ids: RespondentIds | null, rows: (check: (id: string, origin: number, row: number) => boolean) => Generator<string[] | null>, write: (rows: Iterable<string[]>) => Promise<T>, hint: string): Promise<T> {
  let repeated = false;
  const check = (id: string, origin: number, row: number) => {
    if (ids && !ids.add(id, origin, row)) repeated = true;
    return !repeated;
  };
  function* stream(): Generator<string[]> {
    for (const row of rows(check)) if (row !== null && !repeated) yield row;
    if (repeated) throw new RepeatedIds();
  }
  try {
    return await write(stream());
  } catch (e) {
    if (ids && ids.count > 0) throw repeatedIdsError(ids, hint);
    throw e;
  }
}

export async function uploadFiles(store: DatasetStore, input: FilesUploadInput): Promise<UploadResult> {
  const { files, plan } = input;
  if (files.length !== plan.files.length)
    throw new ApiError(400, 'BadPlan', `the plan ("files") has ${plan.files.length} entr${plan.files.length === 1 ? 'y' : 'ies'} and the form ${files.length} file${files.length === 1 ? '' : 's'}: give one entry per file, in the order of the files`);
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  if (totalBytes > MAX_UPLOAD_BYTES) throw tooLarge(totalBytes);
  const names = files.map((f, i) => fileLabel(f.fileName, i));
  const name = parseField(uploadNameSchema, (input.name ?? '').trim() || defaultName(files[0].fileName), 'BadName');
  if (input.codebookText === undefined)
    throw new ApiError(400, 'CodebookRequired', 'several files need the codebook of the dataset they make (a "codebook" field), with a source column ("sourceColumn") that tells the files apart');
  const codebook = parseCodebookText(input.codebookText);
  const sourceColumn = plan.sourceColumn ?? codebook.sourceColumn ?? '';
  const fullPlan = { sourceColumn, files: plan.files };
  throwPlanProblems(planCodebookProblems(fullPlan, codebook), names);

  const opened = await openFiles(files);
  const headers = opened.map((f) => f.header);
  // A file without a header is left to the validator, which says why (empty, not text).
  throwPlanProblems(
    filePlanProblems(fullPlan, headers).filter((p) => p.file === undefined || headers[p.file].length > 0),
    names,
  );

  const projected = plan.files.map((entry) => codebookForFile(codebook, entry.columns));
  const checked = opened.map((file, i) => checkFile(file, names[i], plan.files[i], projected[i], input.keepPersonal ?? []));
  if (checked.some((f) => !f.scan.report.ok)) throw invalidFiles(checked);
  checkTotalRows(checked.reduce((n, f) => n + f.scan.report.rowCount, 0));
  checked.forEach((file, i) => checkPersonalNeeded(file, projected[i]));

  // A column dropped as personal data from one file is dropped from the whole dataset.
  const droppedCanonical = new Set<string>();
  checked.forEach((f) => canonicalHeader(f.scan.report.header, f.columns).forEach((c, i) => f.dropped.includes(f.scan.report.header[i]) && droppedCanonical.add(c)));
  const merged = mergedHeader(
    checked.map((f) => canonicalHeader(f.scan.report.header, f.columns).filter((c) => !droppedCanonical.has(c))),
    sourceColumn,
  );
  const idAt = merged.indexOf(codebook.respondentId);
  // One file's ids were checked by the validator; across files they are checked here.
  const ids = checked.length > 1 ? new RespondentIds(names.map((n) => `file "${n}"`), names, codebook.respondentId) : null;

  const rows = function* (check: (id: string, origin: number, row: number) => boolean): Generator<string[] | null> {
    for (let i = 0; i < checked.length; i++) {
      const file = checked[i];
      const project = rowProjection(file.scan.report.header, file.columns, merged, { sourceColumn, source: file.source, respondentId: codebook.respondentId, prefixIds: plan.prefixIds });
      let row = 0;
      for (const record of file.scan.records()) {
        const out = project(record);
        yield check(out[idAt], i, ++row) ? out : null;
      }
    }
  };
  const dataset = await writeCheckingIds(ids, rows, (stream) => store.put({ name, codebook, header: merged, rows: stream }), 'make them unique or let the source value prefix them ("prefixIds": true)');

  const report = filesReportBody(checked.map((f) => ({ name: f.name, source: f.source, report: f.scan.report })));
  return {
    dataset,
    template: null,
    droppedColumns: [...droppedCanonical],
    warnings: report.problems.filter((p) => p.type === 'warning'),
    counts: report.counts,
    files: checked.map((f) => ({ name: f.name, source: f.source, rows: f.scan.report.rowCount })),
  };
}
