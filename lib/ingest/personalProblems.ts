import type { Codebook } from '../survey/codebook';
import { personalValues } from './personal';
import { countsOk, ingestProblem } from './problemMessages';
import { ProblemCollector } from './problems';
import { DEFAULT_MAX_PROBLEMS_PER_CODE, type PersonalColumn, type Problem, type ValidationReport } from './types';

/**
 * The personal-data guard's problems, from its flagged columns and the analyst's choices. The
 * page re-derives them when the analyst ticks "keep this column", without reading the file again:
 * the flags do not depend on the choice, only the problems do (both validators use this too, and
 * the server decides again on what it receives).
 */
const PERSONAL_CODES = new Set(['PersonalRespondentId', 'PersonalDataKept', 'PersonalDataColumn', 'UnknownKeepColumn']);

export function personalProblems(columns: readonly PersonalColumn[], codebook?: Codebook): Problem[] {
  return columns.map((p): Problem => {
    const values = { kind: p.kind, ...personalValues(p.column, p.basis) };
    // The problem's column is the header's name; a name of up to 1,000 characters is shown shortened in the message only.
    const place = { column: p.column };
    if (codebook && p.column === codebook.respondentId && !p.keep) return ingestProblem('PersonalRespondentId', values, place);
    return ingestProblem(p.keep ? 'PersonalDataKept' : 'PersonalDataColumn', values, place);
  });
}

/** The report as it would read with these columns kept: flags updated, the guard's problems and counts redone. */
export function applyKeepChoices(report: ValidationReport, keep: readonly string[], codebook?: Codebook): ValidationReport {
  const kept = new Set(keep);
  const personalColumns = report.personalColumns.map((p) => ({ ...p, keep: kept.has(p.column) }));
  const others = report.problems.filter((p) => !PERSONAL_CODES.has(p.code));
  // Listed as the validator lists them: at most so many of each code.
  const fresh = new ProblemCollector(DEFAULT_MAX_PROBLEMS_PER_CODE);
  for (const p of personalProblems(personalColumns, codebook)) fresh.add(p);
  // File-level problems (no row) come first, as in the validator's report.
  const firstRow = others.findIndex((p) => p.row !== undefined && p.row >= 0);
  const at = firstRow < 0 ? others.length : firstRow;
  const problems = [...others.slice(0, at), ...fresh.problems, ...others.slice(at)];
  const counts: Record<string, number> = {};
  for (const [code, n] of Object.entries(report.counts)) if (!PERSONAL_CODES.has(code)) counts[code] = n;
  for (const [code, n] of Object.entries(fresh.counts)) counts[code] = (counts[code] ?? 0) + n;
  return { ...report, personalColumns, problems, counts, ok: countsOk(counts) };
}
