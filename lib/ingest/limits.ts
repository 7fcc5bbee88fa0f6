import { shownValue } from '../survey/quoteValue';
import { ingestProblem } from './problemMessages';
import type { ProblemCollector } from './problems';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_HEADER_CHARS, type Problem, type ValidateOptions } from './types';

/**
 * The shape limits of an upload (columns, column-name length, field length), shared by the
 * server's validator (the validator) and the browser's (validator.ts) so both refuse the same
 * files with the same problems. Why each limit is what it is: see types.ts.
 */
export interface ShapeLimits {
  maxColumns: number;
  maxFieldChars: number;
  maxHeaderChars: number;
}

export function shapeLimits(options: ValidateOptions): ShapeLimits {
  return {
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
    maxFieldChars: options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS,
    maxHeaderChars: options.maxHeaderChars ?? DEFAULT_MAX_HEADER_CHARS,
  };
}

/**
 * A header too wide or with a name too long: reading stops there, since nothing after it can be
 * mapped or shown (a mapping screen of 100,000 rows, a column name of a megabyte in every problem).
 * A name over the limit is named shortened (quoteValue.ts): the report keeps no such header.
 */
export function headerLimitProblems(header: readonly string[], limits: ShapeLimits): Problem[] {
  if (header.length > limits.maxColumns) return [ingestProblem('TooManyColumns', undefined, { row: 0, limit: { max: limits.maxColumns, unit: 'columns', found: header.length } })];
  const problems: Problem[] = [];
  header.forEach((name, i) => {
    if (name.length > limits.maxHeaderChars)
      problems.push(ingestProblem('HeaderTooLong', { position: i + 1 }, { row: 0, column: shownValue(name), limit: { max: limits.maxHeaderChars, unit: 'characters', found: name.length } }));
  });
  return problems;
}

/**
 * Adds a FieldTooLong problem for each field of a record over the limit. Called for every row,
 * so it allocates nothing unless a field is too long.
 */
export function checkFieldLengths(fields: readonly string[], row: number, header: readonly string[], maxFieldChars: number, out: ProblemCollector): void {
  for (let i = 0; i < fields.length; i++) {
    const length = fields[i].length;
    if (length > maxFieldChars)
      out.addLazy('FieldTooLong', () => ingestProblem('FieldTooLong', undefined, { row, ...(header[i] ? { column: header[i] } : {}), limit: { max: maxFieldChars, unit: 'characters', found: length } }));
  }
}
