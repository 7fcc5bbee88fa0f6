import type { Problem } from './types';

/**
 * Collects problems with a cap per code and a cap on the size of the whole list, so that a file
 * with a million ragged rows, or a million rows each quoting a long value, gives a report of
 * readable size (and memory) however broken it is, while `counts` still says exactly how many of
 * each kind there were. The problems listed get the line of the file where their row starts.
 */

/**
 * The listed problems take at most this much JSON (UTF-8 bytes), so that a report stays under
 * 1 MB with its counts and personal-data columns beside it (the header aside: the file's own
 * column names, at most 1,000 of at most 1,000 characters, see limits.ts).
 */
export const MAX_LISTED_BYTES = 512 * 1024;

export class ProblemCollector {
  readonly problems: Problem[] = [];
  readonly counts: Record<string, number> = {};
  private readonly listed = new Map<string, number>();
  private bytes = 0;
  /** Set once a problem did not fit: from then on, problems are counted only (the list stays a prefix of what was found). */
  private full = false;
  /** The line where a data row's record starts (0: the header), when the reader knows it. */
  lineOf: (row: number) => number | undefined = () => undefined;

  constructor(
    private readonly maxPerCode: number,
    private readonly maxBytes = MAX_LISTED_BYTES,
  ) {}

  /** Records a problem: counted always, listed while its code is under the caps. */
  add(problem: Problem): void {
    this.count(problem.code, 1);
    this.list(problem);
  }

  /** As `add`, but the problem is only made when it will be listed: for checks that may fire on every row. */
  addLazy(code: string, make: () => Problem): void {
    this.count(code, 1);
    if (this.listing(code)) this.list(make());
  }

  /** True while a problem of this code would still be listed. */
  listing(code: string): boolean {
    return !this.full && (this.listed.get(code) ?? 0) < this.maxPerCode;
  }

  /** Lists a problem without counting it (its count comes from elsewhere, see `count`). */
  list(problem: Problem): void {
    if (!this.listing(problem.code)) return;
    const line = problem.row !== undefined && problem.line === undefined ? this.lineOf(problem.row) : undefined;
    const placed = line === undefined ? problem : { ...problem, line };
    const size = jsonBytes(placed);
    if (this.bytes + size > this.maxBytes) {
      this.full = true;
      return;
    }
    this.bytes += size;
    this.listed.set(problem.code, (this.listed.get(problem.code) ?? 0) + 1);
    this.problems.push(placed);
  }

  count(code: string, n: number): void {
    if (n > 0) this.counts[code] = (this.counts[code] ?? 0) + n;
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.type === 'error');
  }
}

/** The UTF-8 length of a value's JSON: what it adds to an answer's body. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return n;
}

/**
 * The first items of a list that fit in `maxBytes` of JSON, at most `maxCount` of them: for the
 * lists an answer of the API carries (problems, personal-data columns).
 */
export function fittingPrefix<T>(items: readonly T[], maxCount: number, maxBytes: number): T[] {
  const out: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (out.length >= maxCount) break;
    bytes += jsonBytes(item) + 1;
    if (bytes > maxBytes) break;
    out.push(item);
  }
  return out;
}
