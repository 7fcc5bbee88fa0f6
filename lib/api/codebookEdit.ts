import { CodebookChecks } from '../ingest/codebookChecks';
import { ProblemCollector } from '../ingest/problems';
import { DatasetLookupError } from '../storage/datasetRegistry';
import type { DatasetStore, DatasetSummary, StoredDataset } from '../storage/datasetStore';
import type { Codebook } from '../survey/codebook';
import { ApiError } from './errors';
import { listedProblems, MAX_LISTED_PROBLEMS, parseCodebookText } from './upload';
import { rakedWeightEditProblems } from '../weighting/codebookGuard';

/**
 * A stored dataset's codebook, edited (PUT /api/datasets/<id>/codebook): the new codebook must be
 * a valid codebook (400) and the stored rows must fit it, judged by the engine's own builder as an
 * upload is (lib/ingest/codebookChecks.ts: missing columns, unknown codes, values outside a scale,
 * repeated ids, weights); otherwise a 422 with the first 100 problems and complete counts. It is
 * stored at the revision whose rows were checked, so rows appended meanwhile cannot slip past the
 * check (409).
 */

/** How the stored rows fit a codebook: complete counts per problem code, the first 100 problems. */
export function codebookFit(codebook: Codebook, stored: Pick<StoredDataset, 'header' | 'rows'>) {
  const out = new ProblemCollector(MAX_LISTED_PROBLEMS);
  const checks = new CodebookChecks(codebook, stored.header, out, { expectedRows: stored.rows.length });
  if (!checks.headerFailed) for (const row of stored.rows) checks.add(row);
  checks.finish();
  const listedErrors = out.problems.filter((p) => p.type === 'error');
  const problems = listedProblems([...listedErrors, ...out.problems.filter((p) => p.type === 'warning')].slice(0, MAX_LISTED_PROBLEMS));
  // Every code counted has a problem listed (the lists are capped per code and column, not overall).
  const errorCodes = new Set(listedErrors.map((p) => p.code));
  return {
    ok: listedErrors.length === 0,
    rowCount: stored.rows.length,
    counts: out.counts,
    /** Errors counted, all of them. */
    errors: Object.entries(out.counts).reduce((n, [code, k]) => n + (errorCodes.has(code) ? k : 0), 0),
    listed: problems.length,
    total: Object.values(out.counts).reduce((a, b) => a + b, 0),
    problems,
  };
}

export interface CodebookEdit {
  /** The codebook JSON text, as sent. */
  text: string;
  /** The revision the editor read (If-Match); the edit is refused (412) if the dataset has moved on. */
  ifRevision?: number;
}

export async function editCodebook(store: DatasetStore, id: string, edit: CodebookEdit): Promise<{ dataset: DatasetSummary; warnings: unknown[] }> {
  const codebook = parseCodebookText(edit.text);
  const stored = await store.get(id);
  if (!stored) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
  if (edit.ifRevision !== undefined && edit.ifRevision !== stored.revision) throw revisionMoved(stored.revision, edit.ifRevision);
  const weighting = rakedWeightEditProblems(stored.codebook, codebook);
  if (weighting.length) throw new ApiError(422, 'RakedWeightInUse', `${weighting.join('; ')}; nothing was changed`);
  const fit = codebookFit(codebook, stored);
  if (!fit.ok) {
    const errors = fit.errors;
    // The problems listed once, beside the counts, as an upload's refusal.
    const { problems, ...report } = fit;
    throw new ApiError(422, 'CodebookDoesNotFit', `the stored rows do not fit the new codebook (${errors.toLocaleString('en')} problem${errors === 1 ? '' : 's'}); nothing was changed`, { report, problems });
  }
  const dataset = await store.updateCodebook(id, codebook, { ifRevision: stored.revision });
  if (!dataset) throw new DatasetLookupError('NotFound', `there is no dataset with id "${id}"`);
  return { dataset, warnings: fit.problems };
}

/** 412: the editor's copy is older than the stored codebook. */
export function revisionMoved(found: number, expected: number): ApiError {
  return new ApiError(412, 'RevisionMismatch', `the dataset has changed since you read it (revision ${found}, not ${expected}); reload its codebook and edit again`, { revision: found });
}
