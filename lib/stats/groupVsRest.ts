/**
 * A cell against the rest of its base, R's `svyttest(y ~ in_group, des)` on the weights-only
 * design `des` of the base (one row per respondent, the cell and the rest disjoint):
 *
 *   diff = p_d − p_r,  SE² = Var(p_d) + Var(p_r)   (both with nDesign = n_d + n_r; Cov = 0)
 *   df = (rows with w > 0 in the base) − 2         (= n_d + n_r − 2 without zero weights)
 *
 * R's df is svyglm's df.residual = degf(des) + 1 − 2, and degf() skips zero-weight rows, while
 * the variance's n/(n − 1) counts them; `nNonzeroWeight` of the sums carries that count (n is
 * used when it is absent).
 * Returns null when the test is undefined: either side has a zero base (no rows, or all weights
 * 0), or df < 1 (R: p-value NaN). Perfect separation (cell all 1, rest all 0) gives t = ±Infinity,
 * p = 0 as in R; no difference with SE 0 gives t = 0, p = 1 (R: NaN).
 * Example: groupVsRest(sumsOf([1, 1, 0], [1, 2, 1]), sumsOf([0, 1, 0], [1, 1, 2]))
 *   -> { diff: 0.5, se: 0.362284418654736, t: 1.3801311186847083, df: 4, pValue: 0.2396639960886069 }
 *   (R: svyttest(y ~ g, svydesign(ids=~1, weights=~w, data=data.frame(y=c(1,1,0,0,1,0), w=c(1,2,1,1,1,2), g=c(1,1,1,0,0,0)))))
 */
import type { CellSums } from './cellSums';
import { differenceTest, type DifferenceTest } from './shareDifference';
import { proportionVariance } from './proportionStandardError';
import { weightedProportion } from './weightedProportion';

/** Cell vs the rest of the base (disjoint, one row per respondent): diff = p_d - p_r, SE^2 = Var(p_d)+Var(p_r) both with nDesign = n_d + n_r, df = nDesign - 2. This is svyttest(y ~ in_group, des). Returns null if either side has zero base. */
export function groupVsRest(group: CellSums, rest: CellSums): DifferenceTest | null {
  if (group.n === 0 || group.sumW === 0 || rest.n === 0 || rest.sumW === 0) return null;
  const nDesign = group.n + rest.n;
  const df = (group.nNonzeroWeight ?? group.n) + (rest.nNonzeroWeight ?? rest.n) - 2;
  if (df < 1) return null;
  return differenceTest(
    { p: weightedProportion(group), variance: proportionVariance(group, nDesign) },
    { p: weightedProportion(rest), variance: proportionVariance(rest, nDesign) },
    df,
  );
}
