import { canonicalHeader, codebookForFile, filePlanProblems, mergedHeader, RespondentIds, rowProjection, sourceAttributeOf, withSourceCode, withSourceColumn } from '../ingest/files';
import { DatasetLookupError } from '../storage/datasetRegistry';
import type { DatasetStore, DatasetSummary } from '../storage/datasetStore';
import { ApiError } from './errors';
import { openFile } from './fileScan';
import { listedProblems, MAX_LISTED_PROBLEMS, MAX_UPLOAD_BYTES, tooLarge, type StoredFile } from './upload';
import { checkFile, checkPersonalNeeded, checkTotalRows, fileLabel, invalidFiles, throwPlanProblems, writeCheckingIds, type UploadFile } from './uploadFiles';
import { rerakeRows, withoutRakedWeights } from '../weighting/store';

/**
 * A file appended to a stored dataset later (POST /api/datasets/<id>/files): validated against the
 * stored codebook as the file's own header names it, given its own value in the source column (a
 * new code of the source attribute; a dataset without a source column first gets one, its stored
 * rows the value `existingSource`), its respondent ids checked against the stored ones (or
 * prefixed with its source value), and stored with the dataset's rows in one atomic replace, at
 * the revision that was read: a change made meanwhile makes it a 409, never a lost update. The file
 * needs no column for a raked weight: every raked weight is raked again to its own targets over all
 * rows, in the same replace (a weighting that no longer works refuses the append, naming the weight).
 */

export interface AppendInput extends UploadFile {
  source: string;
  /** The file's own header names -> the codebook's column names. */
  columns: Record<string, string>;
  prefixIds: boolean;
  /** Required when the dataset has no source column yet: the value its stored rows get. */
  existingSource?: string;
  keepPersonal?: string[];
}

export interface AppendResult {
  dataset: DatasetSummary;
  file: StoredFile;
  droppedColumns: string[];
  warnings: unknown[];
  counts: Record<string, number>;
}

export async function appendFile(store: DatasetStore, id: string, input: AppendInput): Promise<AppendResult> {
  if (input.bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(input.bytes.length);
  const stored = await store.get(id);
  if (!stored) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
  const name = fileLabel(input.fileName, 0);

  // The codebook the dataset will have: a source column (added if it had none) with a code for this file.
  let codebook = stored.codebook;
  if (codebook.sourceColumn === undefined) {
    if (input.existingSource === undefined)
      throw new ApiError(400, 'ExistingSourceRequired', 'the dataset has no source column yet: say which value its stored rows get in it ("existingSource", e.g. the first file\'s name or "wave 1")');
    if (input.existingSource === input.source) throw new ApiError(422, 'SourceExists', `the stored rows and the new file cannot both have the source value "${input.source}"`);
    codebook = withSourceColumn(codebook, stored.header, input.existingSource);
  } else {
    if (input.existingSource !== undefined)
      throw new ApiError(400, 'BadParameter', `the dataset already tells its files apart by the column "${codebook.sourceColumn}"; "existingSource" is only for a dataset without one`);
    const attribute = sourceAttributeOf(codebook);
    if (!attribute) throw new ApiError(422, 'BadSourceColumn', `the dataset's source column "${codebook.sourceColumn}" is not a categorical attribute; edit the codebook first`);
    if (attribute.codes.some((c) => c.code === input.source))
      throw new ApiError(422, 'SourceExists', `the dataset already has a file with the source value "${input.source}"; give the new file a value of its own`);
  }
  codebook = withSourceCode(codebook, input.source);
  const sourceColumn = codebook.sourceColumn!;

  const entry = { source: input.source, columns: input.columns };
  const projected = codebookForFile(withoutRakedWeights(codebook), input.columns);
  const checked = checkFile(await openFile(input.bytes, input.fileName, input.sheet), name, entry, projected, input.keepPersonal ?? []);
  const header = checked.scan.report.header;
  if (header.length > 0) throwPlanProblems(filePlanProblems({ sourceColumn, files: [entry] }, [header]), [name]);
  if (!checked.scan.report.ok) throw invalidFiles([checked]);
  checkTotalRows(stored.rows.length + checked.scan.report.rowCount);
  checkPersonalNeeded(checked, projected);

  // The stored columns (their source column last), then the file's new ones, then the source column.
  const fileColumns = canonicalHeader(header, input.columns).filter((c, i) => !checked.dropped.includes(header[i]));
  const merged = mergedHeader([stored.header, fileColumns], sourceColumn);
  const storedSourceAt = stored.header.indexOf(sourceColumn);
  const storedAt = Int32Array.from(merged, (c) => (c === sourceColumn ? -1 : stored.header.indexOf(c)));
  const sourceAt = merged.length - 1;
  const idAt = merged.indexOf(codebook.respondentId);
  const storedIdAt = stored.header.indexOf(codebook.respondentId);
  const project = rowProjection(header, input.columns, merged, { sourceColumn, source: input.source, respondentId: codebook.respondentId, prefixIds: input.prefixIds });
  const ids = new RespondentIds(['the stored dataset', `file "${name}"`], [undefined, name], codebook.respondentId, MAX_LISTED_PROBLEMS);

  const rows = function* (check: (id: string, origin: number, row: number) => boolean): Generator<string[] | null> {
    for (let r = 0; r < stored.rows.length; r++) {
      const old = stored.rows[r];
      const out = new Array<string>(merged.length);
      for (let i = 0; i < merged.length; i++) out[i] = storedAt[i] >= 0 ? old[storedAt[i]] : '';
      out[sourceAt] = storedSourceAt >= 0 ? old[storedSourceAt] : input.existingSource!;
      yield check(old[storedIdAt], 0, r + 1) ? out : null;
    }
    let row = 0;
    for (const record of checked.scan.records()) {
      const out = project(record);
      yield check(out[idAt], 1, ++row) ? out : null;
    }
  };
  let source = rows;
  if (withoutRakedWeights(codebook) !== codebook) {
    // Every row in memory (the stored ones already are), the raked columns computed over all of
    // them, then written with the id check as before. Repeated ids are left to that check.
    const all: { out: string[]; id: string; origin: number; row: number }[] = [];
    let place = { id: '', origin: 0, row: 0 };
    for (const out of rows((id, origin, row) => ((place = { id, origin, row }), true))) all.push({ out: out!, ...place });
    if (new Set(all.map((r) => r.id)).size === all.length) codebook = rerakeRows(codebook, merged, all.map((r) => r.out));
    source = function* (check) {
      for (const r of all) yield check(r.id, r.origin, r.row) ? r.out : null;
    };
  }
  const summary = await writeCheckingIds(
    ids,
    source,
    async (stream) => {
      const replaced = await store.replace(id, { codebook, header: merged, rows: stream }, { ifRevision: stored.revision });
      if (!replaced) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
      return replaced;
    },
    input.prefixIds ? 'the prefixed ids repeat stored ones' : 'make them unique or let the source value prefix the new file\'s ids ("prefixIds": true)',
  );
  const report = checked.scan.report;
  return {
    dataset: summary,
    file: { name, source: input.source, rows: report.rowCount },
    droppedColumns: checked.dropped.map((c) => canonicalHeader([c], input.columns)[0]),
    warnings: listedProblems(report.problems.filter((p) => p.type === 'warning').map((p) => ({ ...p, file: name }))),
    counts: report.counts,
  };
}
