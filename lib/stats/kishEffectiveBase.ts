/**
 * Kish effective sample size of a cell: n_eff = (Σ w)² / Σ w² = sumW² / sumW2.
 * Zero-weight rows do not count; an empty cell (or one whose weights are all 0) gives 0.
 * Example: kishEffectiveBase(sumsOf([1, 0, 1], [2, 1, 0.5])) -> 2.3333333333333335
 */
import type { CellSums } from './cellSums';

export function kishEffectiveBase(s: CellSums): number {
  if (!Number.isFinite(s.sumW) || !Number.isFinite(s.sumW2) || s.sumW < 0 || s.sumW2 < 0) {
    throw new RangeError(`kishEffectiveBase: invalid cell sums (sumW = ${s.sumW}, sumW2 = ${s.sumW2})`);
  }
  if (s.n === 0 || s.sumW2 === 0) return 0;
  return (s.sumW * s.sumW) / s.sumW2;
}
