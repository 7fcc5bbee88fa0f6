/**
 * Standard error of a weighted proportion for a cell (domain) d of a weights-only design
 * `svydesign(ids = ~1, weights = ~w)` with nDesign rows (Taylor linearisation, with replacement;
 * R: `SE(svymean(~y, subset(des, d)))`, equal to svyby's SE):
 *
 *   Var(p) = nDesign/(nDesign − 1) · Σ_{i∈d} w_i² (y_i − p)² / W_d²
 *
 * For a 0/1 outcome Σ w²(y − p)² = sumW2Y·(1 − p)² + (sumW2 − sumW2Y)·p², so the variance needs
 * only the cell sums. nDesign is the row count of the whole design (zero-weight rows included),
 * not the cell's n: a domain keeps the design's n. A cell where p is 0 or 1, or with a single
 * respondent, has variance exactly 0.
 * Throws a RangeError on a zero base, if nDesign is not an integer ≥ 2 (R: "Design has only one
 * primary sampling unit") or is smaller than the cell's n.
 * Example: proportionVariance(sumsOf([1, 0, 1], [2, 1, 0.5]), 3) -> 0.10495626822157433
 *          proportionStandardError(sumsOf([1, 0, 1], [2, 1, 0.5]), 3) -> 0.32396954829362334
 *          (R: SE(svymean(~y, svydesign(ids=~1, weights=~w, data=data.frame(y=c(1,0,1), w=c(2,1,0.5))))) -> 0.32396954829362334)
 */
import type { CellSums } from './cellSums';
import { weightedProportion } from './weightedProportion';

/** svymean SE for a domain (cell) of a weights-only design with nDesign rows: Var = nDesign/(nDesign-1) * sum_d w^2 (y-p)^2 / W^2 */
export function proportionVariance(s: CellSums, nDesign: number): number {
  const p = weightedProportion(s);
  if (!Number.isInteger(nDesign) || nDesign < 2) {
    throw new RangeError(
      `proportionVariance: the design needs at least 2 rows for a variance, got nDesign = ${nDesign}`,
    );
  }
  if (nDesign < s.n) {
    throw new RangeError(`proportionVariance: nDesign (${nDesign}) is smaller than the cell's n (${s.n})`);
  }
  const q = 1 - p;
  const sumW2N = Math.max(0, s.sumW2 - s.sumW2Y); // Σ w² over the y = 0 rows
  const ss = s.sumW2Y * q * q + sumW2N * p * p;
  return ((nDesign / (nDesign - 1)) * ss) / (s.sumW * s.sumW);
}

export function proportionStandardError(s: CellSums, nDesign: number): number {
  return Math.sqrt(proportionVariance(s, nDesign));
}
