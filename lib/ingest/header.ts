import { quoted } from '../survey/quoteValue';
import { ingestProblem } from './problemMessages';
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
        problems.push(ingestProblem('EmptyUnnamedColumn', { position }, { row: 0 }));
      else problems.push(ingestProblem('BlankHeader', { position }, { row: 0 }));
      return;
    }
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, position);
    else problems.push(ingestProblem('DuplicateHeader', { column: quoted(name), first: earlier, second: position }, { row: 0, column: name }));
  });
  return problems;
}
