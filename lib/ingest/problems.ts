import type { Problem } from './types';

/**
 * Collects problems with a cap per code, so that a file with a million ragged rows gives a report
 * of readable size, while `counts` still says exactly how many of each kind there were.
 */
export class ProblemCollector {
  readonly problems: Problem[] = [];
  readonly counts: Record<string, number> = {};
  private readonly listed = new Map<string, number>();

  constructor(private readonly maxPerCode: number) {}

  /** Records a problem: counted always, listed while its code is under the cap. */
  add(problem: Problem): void {
    this.count(problem.code, 1);
    this.list(problem);
  }

  /** Lists a problem without counting it (its count comes from elsewhere, see `count`). */
  list(problem: Problem): void {
    const listed = this.listed.get(problem.code) ?? 0;
    if (listed >= this.maxPerCode) return;
    this.listed.set(problem.code, listed + 1);
    this.problems.push(problem);
  }

  count(code: string, n: number): void {
    if (n > 0) this.counts[code] = (this.counts[code] ?? 0) + n;
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.type === 'error');
  }
}
