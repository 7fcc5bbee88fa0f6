import { acceptance } from '../../analysis/acceptance';
import { QueryError } from '../../analysis/query';
import { parseCodebook } from '../../survey/codebook';
import { ingestUpload } from '../validator';
import { reportViolations } from './reportInvariants';

/**
 * Runs one JSON value through the codebook parser and, when it is accepted, through the ingest of
 * a file and the acceptance engine: an analyst's codebook is untrusted input, so a codebook the
 * parser lets through must not crash anything after it. Returns the failures as sentences.
 */
export function checkCodebook(value: unknown, files: readonly Uint8Array[]): string[] {
  const failures: string[] = [];
  let result: ReturnType<typeof parseCodebook>;
  try {
    result = parseCodebook(value);
  } catch (e) {
    return [`parseCodebook threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
  }
  if (!result.ok) {
    if (!Array.isArray(result.problems) || result.problems.length === 0) failures.push('parseCodebook refused the codebook without a problem');
    for (const p of result.problems) if (typeof p.path !== 'string' || typeof p.message !== 'string' || p.message === '') failures.push(`malformed problem ${JSON.stringify(p)}`);
    return failures;
  }
  for (const bytes of files) {
    try {
      const { report, data } = ingestUpload(bytes, { codebook: result.codebook });
      for (const v of reportViolations(report)) failures.push(`ingestUpload with the accepted codebook: ${v}`);
      if (data) {
        try {
          acceptance(data);
        } catch (e) {
          // A codebook may leave nothing to analyse; that is a clear QueryError, not a crash.
          if (!(e instanceof QueryError)) throw e;
        }
      }
    } catch (e) {
      failures.push(`ingest or analysis with an accepted codebook threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  return failures;
}
