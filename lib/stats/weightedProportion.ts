/**
 * Weighted proportion (Hájek ratio estimator, R: `coef(svymean(~y, design))`):
 *
 *   p = Σ w·y / Σ w = sumWY / sumW
 *
 * Throws RangeError('zero base ...') when the cell is empty or all its weights are 0
 * (R returns NaN there).
 * Example: weightedProportion(sumsOf([1, 0, 1], [2, 1, 0.5])) -> 0.7142857142857143
 */
import type { CellSums } from './cellSums';
import { checkBase } from './argumentChecks';

export function weightedProportion(s: CellSums): number {
  checkBase('weightedProportion', s);
  const p = s.sumWY / s.sumW;
  // Σ w·y ≤ Σ w up to rounding; anything beyond that means the sums are not of a 0/1 outcome
  if (p > 1 + 1e-12) {
    throw new RangeError(`weightedProportion: sumWY (${s.sumWY}) exceeds sumW (${s.sumW})`);
  }
  return Math.min(p, 1);
}
