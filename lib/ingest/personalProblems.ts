import type { Codebook } from '../survey/codebook';
import type { PersonalColumn, Problem, ValidationReport } from './types';

/**
 * The personal-data guard's problems, from its flagged columns and the analyst's choices. The
 * page re-derives them when the analyst ticks "keep this column", without reading the file again:
 * the flags do not depend on the choice, only the problems do (see validate.ts, which words them
 * the same way, and the server, which decides again on what it receives).
 */
const PERSONAL_CODES = new Set(['PersonalRespondentId', 'PersonalDataKept', 'PersonalDataColumn', 'UnknownKeepColumn']);

const KIND_WORDS = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  name: 'names of people',
  'street-address': 'street addresses',
  postcode: 'postcodes',
  'ip-address': 'IP addresses',
} as const;

export function personalProblems(columns: readonly PersonalColumn[], codebook?: Codebook): Problem[] {
  return columns.map((p): Problem => {
    const what = `looks like ${KIND_WORDS[p.kind]} (${p.evidence})`;
    if (codebook && p.column === codebook.respondentId && !p.keep)
      return { type: 'error', code: 'PersonalRespondentId', message: `the respondent id ${what}; replace the ids with pseudonymous ones (the column cannot be dropped)`, column: p.column };
    if (p.keep) return { type: 'warning', code: 'PersonalDataKept', message: `${what}; kept because you chose to keep it`, column: p.column };
    return { type: 'warning', code: 'PersonalDataColumn', message: `${what}; it will be dropped before storing unless you choose to keep it`, column: p.column };
  });
}

/** The report as it would read with these columns kept: flags updated, the guard's problems and counts redone. */
export function applyKeepChoices(report: ValidationReport, keep: readonly string[], codebook?: Codebook): ValidationReport {
  const kept = new Set(keep);
  const personalColumns = report.personalColumns.map((p) => ({ ...p, keep: kept.has(p.column) }));
  const others = report.problems.filter((p) => !PERSONAL_CODES.has(p.code));
  const fresh = personalProblems(personalColumns, codebook);
  // File-level problems (no row) come first, as in the validator's report.
  const firstRow = others.findIndex((p) => p.row !== undefined && p.row >= 0);
  const at = firstRow < 0 ? others.length : firstRow;
  const problems = [...others.slice(0, at), ...fresh, ...others.slice(at)];
  const counts: Record<string, number> = {};
  for (const [code, n] of Object.entries(report.counts)) if (!PERSONAL_CODES.has(code)) counts[code] = n;
  for (const p of fresh) counts[p.code] = (counts[p.code] ?? 0) + 1;
  return { ...report, personalColumns, problems, counts, ok: !problems.some((p) => p.type === 'error') };
}
