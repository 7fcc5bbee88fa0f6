/**
 * Sufficient statistics of a binary outcome over one cell (a subset of respondents) of a
 * weights-only design, `svydesign(ids = ~1, weights = ~w)`, one row per respondent:
 *
 *   n = |d|,  sumW = Σ w,  sumWY = Σ w·y,  sumW2 = Σ w²,  sumW2Y = Σ w²·y   (i ∈ d, y ∈ {0,1})
 *
 * Every estimate of this module (share, Kish n, SE, group-vs-rest test) is a function of these
 * five sums, so a cell can be accumulated in one pass and the rest of a base is `total − cell`.
 *
 * Example: sumsOf([1, 0, 1], [2, 1, 0.5]) -> { n: 3, sumW: 3.5, sumWY: 2.5, sumW2: 5.25, sumW2Y: 4.25, nNonzeroWeight: 3 }
 */

/** Sufficient statistics of a binary outcome y (0/1) with weights w over one cell of a weights-only design (one row per respondent). */
export interface CellSums {
  n: number;
  sumW: number;
  sumWY: number;
  sumW2: number;
  sumW2Y: number;
  /**
   * Optional: the number of rows with w > 0. R's `degf()` (and therefore svyttest's and
   * svyciprop's degrees of freedom) counts only these rows, while the variance's n/(n−1) counts
   * every row. When absent, `n` is used (identical unless some weights are exactly 0).
   * `emptySums`, `addObservation`, `sumsOf` and `subtractSums` maintain it.
   */
  nNonzeroWeight?: number;
}

/** A cell with no rows: all sums 0. Example: emptySums().n -> 0 */
export function emptySums(): CellSums {
  return { n: 0, sumW: 0, sumWY: 0, sumW2: 0, sumW2Y: 0, nNonzeroWeight: 0 };
}

/**
 * Adds one respondent to `s` (mutates it). No validation: this is the hot path; validate the
 * data beforehand, or use `sumsOf`.
 * Example: const s = emptySums(); addObservation(s, 1, 2); s.sumW2Y -> 4
 */
export function addObservation(s: CellSums, y: 0 | 1, w: number): void {
  const w2 = w * w;
  s.n += 1;
  s.sumW += w;
  s.sumW2 += w2;
  if (y === 1) {
    s.sumWY += w;
    s.sumW2Y += w2;
  }
  if (w !== 0 && s.nNonzeroWeight !== undefined) s.nNonzeroWeight += 1;
}

function describe(v: unknown): string {
  return v === undefined ? 'missing' : typeof v === 'number' ? String(v) : `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * The sums of one cell from parallel arrays of outcomes (0/1) and weights.
 * Throws a RangeError naming the first offending index when the lengths differ, an outcome is
 * not exactly 0 or 1, or a weight is missing, NaN, infinite or negative. Zero weights are
 * allowed (as in R); a cell whose weights are all 0 has a zero base.
 * Example: sumsOf([1, 0], [1, 3]) -> { n: 2, sumW: 4, sumWY: 1, sumW2: 10, sumW2Y: 1, nNonzeroWeight: 2 }
 */
export function sumsOf(y: ArrayLike<number>, w: ArrayLike<number>): CellSums {
  if (y.length !== w.length) {
    throw new RangeError(`sumsOf: y has ${y.length} values but w has ${w.length}`);
  }
  const s = emptySums();
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const wi = w[i];
    if (yi !== 0 && yi !== 1) {
      throw new RangeError(`sumsOf: outcome at index ${i} must be 0 or 1, got ${describe(yi)}`);
    }
    if (typeof wi !== 'number' || !Number.isFinite(wi) || wi < 0) {
      throw new RangeError(
        `sumsOf: weight at index ${i} must be a finite number >= 0, got ${describe(wi)}`,
      );
    }
    addObservation(s, yi, wi);
  }
  return s;
}

/** total − part, with differences that are pure rounding noise (≤ 1e-12 of the total) set to exactly 0. */
function difference(total: number, part: number): number {
  const d = total - part;
  return Math.abs(d) <= 1e-12 * Math.abs(total) ? 0 : d;
}

/**
 * The rest of a base: `total` minus the cell `part` (which must be a subset of it).
 * Floating-point differences that are rounding noise (≤ 1e-12 relative to the total) are
 * snapped so that an empty or all-zero-weight rest has exact zero sums and an all-positive or
 * all-negative rest has p exactly 1 or 0 (and SE exactly 0).
 * Throws a RangeError when `part` has more rows than `total` or a sum would be clearly negative.
 * Example: subtractSums(sumsOf([1, 0, 1], [2, 1, 0.5]), sumsOf([0], [1]))
 *   -> { n: 2, sumW: 2.5, sumWY: 2.5, sumW2: 4.25, sumW2Y: 4.25, nNonzeroWeight: 2 }
 */
export function subtractSums(total: CellSums, part: CellSums): CellSums {
  const n = total.n - part.n;
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`subtractSums: the part has ${part.n} rows but the total only ${total.n}`);
  }
  const nnz =
    total.nNonzeroWeight !== undefined && part.nNonzeroWeight !== undefined
      ? total.nNonzeroWeight - part.nNonzeroWeight
      : undefined;
  if (n === 0) {
    const empty = emptySums();
    if (nnz === undefined) delete empty.nNonzeroWeight;
    return empty;
  }
  const sumW = difference(total.sumW, part.sumW);
  let sumWY = difference(total.sumWY, part.sumWY);
  const sumW2 = difference(total.sumW2, part.sumW2);
  let sumW2Y = difference(total.sumW2Y, part.sumW2Y);
  // the rest's y = 0 part, Σ w (1 − y), is itself a difference of noisy numbers
  if (Math.abs(sumW - sumWY) <= 1e-12 * Math.abs(total.sumW)) sumWY = sumW;
  if (Math.abs(sumW2 - sumW2Y) <= 1e-12 * Math.abs(total.sumW2)) sumW2Y = sumW2;
  if (sumW < 0 || sumWY < 0 || sumW2 < 0 || sumW2Y < 0 || (nnz !== undefined && (nnz < 0 || nnz > n))) {
    throw new RangeError('subtractSums: the part is not a subset of the total (a sum would be negative)');
  }
  const rest: CellSums = { n, sumW, sumWY, sumW2, sumW2Y };
  if (nnz !== undefined) rest.nNonzeroWeight = nnz;
  return rest;
}
