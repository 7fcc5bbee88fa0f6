import type { Codebook } from '../../survey/codebook';
import { UploadValidator } from '../validator';
import type { ValidateOptions, ValidationReport } from '../types';
import { ingestUpload, validateUpload } from '../validator';
import { reportViolations } from './reportInvariants';

/**
 * Runs one input through every entry of the validator and checks what must hold for any bytes:
 * nothing throws; each report is well formed (reportViolations); the full ingest gives the same
 * report as the validation alone, and data exactly when there is no error, with the report's row
 * count; the streaming validator, fed in the given chunk sizes, gives the one-shot report.
 * Used by lib/ingest/fuzz.test.ts and scripts/fuzz-validator.ts.
 */
export interface UploadCheck {
  /** What went wrong, in sentences; empty when every invariant held. */
  failures: string[];
  /** Problem codes seen in the reports. */
  codes: Set<string>;
}

function attempt<T>(what: string, failures: string[], run: () => T): T | undefined {
  try {
    return run();
  } catch (e) {
    failures.push(`${what} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return undefined;
  }
}

/** Feeds the bytes in chunks of the given sizes, cycling through them. */
export function streamReport(bytes: Uint8Array, chunkSizes: readonly number[], options: ValidateOptions = {}): ValidationReport {
  const v = new UploadValidator({ ...options, totalBytes: bytes.length });
  for (let i = 0, k = 0; i < bytes.length && !v.stopped; k++) {
    const size = Math.max(1, chunkSizes[k % chunkSizes.length]);
    v.push(bytes.subarray(i, i + size));
    i += size;
  }
  return v.finish();
}

export function checkUpload(bytes: Uint8Array, codebook: Codebook | undefined, chunkSizes: readonly number[], extra: Omit<ValidateOptions, 'codebook'> = {}): UploadCheck {
  const failures: string[] = [];
  const codes = new Set<string>();
  const variants: [string, ValidateOptions][] = [['without a codebook', { ...extra }]];
  if (codebook) variants.push(['with the codebook', { ...extra, codebook }]);
  for (const [how, options] of variants) {
    const report = attempt(`validateUpload ${how}`, failures, () => validateUpload(bytes, options));
    if (!report) continue;
    for (const v of reportViolations(report)) failures.push(`validateUpload ${how}: ${v}`);
    for (const p of report.problems) codes.add(p.code);

    const ingest = attempt(`ingestUpload ${how}`, failures, () => ingestUpload(bytes, options));
    if (ingest) {
      if (!sameJson(ingest.report, report)) failures.push(`ingestUpload ${how}: its report differs from validateUpload's`);
      if (options.codebook && report.ok && !ingest.data) failures.push(`ingestUpload ${how}: no error reported, but no data built`);
      if (ingest.data && !report.ok) failures.push(`ingestUpload ${how}: data built despite errors`);
      if (ingest.data && ingest.data.rowCount !== report.rowCount) failures.push(`ingestUpload ${how}: data has ${ingest.data.rowCount} rows, the report ${report.rowCount}`);
    }

    const streamed = attempt(`UploadValidator ${how}`, failures, () => streamReport(bytes, chunkSizes, options));
    if (streamed && report.counts.TooManyRows) {
      // Past the row limit the streaming validator stops reading, so it may not see (or place) an
      // invalid byte the one-shot one decodes: the verdict must agree, not the byte's row.
      const verdict = (r: ValidationReport) => [r.ok, r.rowCount, r.header, r.delimiter, r.counts.TooManyRows];
      if (!sameJson(verdict(streamed), verdict(report))) failures.push(`UploadValidator ${how}: over the row limit, its verdict differs: ${JSON.stringify(verdict(streamed))} vs ${JSON.stringify(verdict(report))}`);
    } else if (streamed && !sameJson(streamed, report)) failures.push(`UploadValidator ${how} (chunks ${chunkSizes.join(',')}): report differs from validateUpload's: ${firstDifference(streamed, report)}`);
  }
  return { failures, codes };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A short description of where two reports differ, for the failure message. */
function firstDifference(a: ValidationReport, b: ValidationReport): string {
  for (const key of Object.keys(b) as (keyof ValidationReport)[]) {
    if (!sameJson(a[key], b[key])) return `${key}: streamed ${JSON.stringify(a[key]).slice(0, 300)} vs one-shot ${JSON.stringify(b[key]).slice(0, 300)}`;
  }
  return 'key order';
}
