import type Papa from 'papaparse';
import { quoted, shownValue } from '../survey/quoteValue';
import type { InvalidUtf8 } from './encoding';
import { countsOk, ingestProblem } from './problemMessages';
import type { ProblemCollector } from './problems';
import type { Problem, ValidationReport } from './types';

/**
 * The problems of reading a file that both validators find (the validator on the whole text, and
 * validator.ts chunk by chunk), made in one place so that both give the same report.
 */

/** The InvalidUtf8 problem, in both validators. */
export function placedInvalidUtf8(invalid: Pick<InvalidUtf8, 'offset' | 'count' | 'utf16'>, byte: number, place: { row: number; line?: number; column?: string }): Problem {
  const key = invalid.utf16 ? (invalid.count > 1 ? 'InvalidUtf8.utf16Many' : 'InvalidUtf8.utf16') : invalid.count > 1 ? 'InvalidUtf8.many' : 'InvalidUtf8';
  const values = { offset: invalid.offset, byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`, ...(invalid.count > 1 ? { count: invalid.count } : {}) };
  return ingestProblem(key, values, place);
}

/** papaparse's quote errors: an unclosed quote swallows the rest of the file, a stray one splits fields wrongly. */
export function quoteProblem(out: ProblemCollector, e: Papa.ParseError, row: number): void {
  if (e.code === 'MissingQuotes') out.addLazy('UnclosedQuote', () => ingestProblem('UnclosedQuote', undefined, { row }));
  else if (e.code === 'InvalidQuotes') out.addLazy('MalformedQuote', () => ingestProblem('MalformedQuote', undefined, { row }));
}

/** The row has more or fewer fields than the header. */
export function raggedRow(fields: number, headerFields: number, row: number): Problem {
  return ingestProblem(fields === 1 ? 'RaggedRow.one' : 'RaggedRow', { fields, headerFields }, { row });
}

export function tooManyRows(maxRows: number, row: number): Problem {
  return ingestProblem('TooManyRows', undefined, { row, limit: { max: maxRows, unit: 'rows' } });
}

/** Columns the analyst asked to keep that the file does not have. */
export function unknownKeepProblems(header: readonly string[], keep: readonly string[]): Problem[] {
  const present = new Set(header);
  return keep.filter((column) => !present.has(column)).map((column) => ingestProblem('UnknownKeepColumn', { column: quoted(column) }, { column: shownValue(column) }));
}

/** The report from what was collected: file-level problems first, then by row (the sort is stable, so the order found is kept within a row). */
export function finishReport(out: ProblemCollector, rest: Omit<ValidationReport, 'ok' | 'problems' | 'counts'>): ValidationReport {
  const problems = out.problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.row ?? -1) - (b.p.row ?? -1) || a.i - b.i).map(({ p }) => p);
  return { ok: countsOk(out.counts), problems, counts: { ...out.counts }, ...rest };
}
