import type { Problem } from './types';

/**
 * Header checks. A duplicate name makes "which column is q3?" ambiguous, so it is an error naming
 * both positions. A blank name is an error too (the column cannot be mapped or named in a
 * report), except for a column that is blank all the way down: that is the trailing separator
 * many exports write, and it is only a warning because the column carries nothing.
 */
export function headerProblems(header: string[], nonBlankPerColumn: ArrayLike<number>): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, number>();
  header.forEach((name, i) => {
    const position = i + 1;
    if (name === '') {
      if ((nonBlankPerColumn[i] ?? 0) === 0)
        problems.push({ type: 'warning', code: 'EmptyUnnamedColumn', message: `column ${position} has no name and no values; it is ignored`, row: 0 });
      else problems.push({ type: 'error', code: 'BlankHeader', message: `column ${position} has values but no name in the header`, row: 0 });
      return;
    }
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, position);
    else problems.push({ type: 'error', code: 'DuplicateHeader', message: `column "${name}" appears twice, at positions ${earlier} and ${position}`, row: 0, column: name });
  });
  return problems;
}
