import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_HEADER_CHARS, type Problem, type ValidateOptions } from './types';

/**
 * The shape limits of an upload (columns, column-name length, field length), shared by the
 * server's validator (validate.ts) and the browser's (streamValidate.ts) so both refuse the same
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

const count = (n: number) => n.toLocaleString('en');
/** A column name as a problem shows it: hostile names may be a megabyte long. */
export const shortName = (name: string, max = 80) => (name.length > max ? `${name.slice(0, max)}…` : name);

/**
 * A header too wide or with a name too long: reading stops there, since nothing after it can be
 * mapped or shown (a mapping screen of 100,000 rows, a column name of a megabyte in every problem).
 */
export function headerLimitProblems(header: readonly string[], limits: ShapeLimits): Problem[] {
  if (header.length > limits.maxColumns)
    return [{ type: 'error', code: 'TooManyColumns', message: `the file has ${count(header.length)} columns; the limit is ${count(limits.maxColumns)}`, row: 0, limit: { max: limits.maxColumns, unit: 'columns', found: header.length } }];
  const problems: Problem[] = [];
  header.forEach((name, i) => {
    if (name.length > limits.maxHeaderChars)
      problems.push({
        type: 'error',
        code: 'HeaderTooLong',
        message: `the name of column ${i + 1} has ${count(name.length)} characters; the limit is ${count(limits.maxHeaderChars)}`,
        row: 0,
        column: shortName(name),
        limit: { max: limits.maxHeaderChars, unit: 'characters', found: name.length },
      });
  });
  return problems;
}

/**
 * Adds a FieldTooLong problem for each field of a record over the limit. Called for every row,
 * so it allocates nothing unless a field is too long.
 */
export function checkFieldLengths(fields: readonly string[], row: number, header: readonly string[], maxFieldChars: number, add: (p: Problem) => void): void {
  for (let i = 0; i < fields.length; i++) {
    const length = fields[i].length;
    if (length > maxFieldChars)
      add({
        type: 'error',
        code: 'FieldTooLong',
        message: `a field has ${count(length)} characters; the limit is ${count(maxFieldChars)}`,
        row,
        ...(header[i] ? { column: header[i] } : {}),
        limit: { max: maxFieldChars, unit: 'characters', found: length },
      });
  }
}
