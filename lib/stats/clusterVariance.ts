/**
 * With-replacement variance of a total from its per-PSU (per-respondent) linearised totals,
 * as R's `svyrecvar` computes it for `svydesign(ids = ~psu, weights = ~w)` without strata/fpc:
 *
 *   Var = n/(n − 1) · Σ_h (z_h − z̄)²,   n = number of PSUs, z̄ = Σ z_h / n
 *
 * For a pooled share p = Σ w·y / Σ w over several ratings per respondent, z_h = Σ_{ratings of h
 * in the cell} w (y − p) / W, with z_h = 0 for respondents outside the cell who are still in the
 * design; then Var(p) = clusterVariance(z) (R: `SE(svymean(~y, subset(des, cell)))^2`).
 * Throws a RangeError for fewer than 2 PSUs (R: "Design has only one primary sampling unit")
 * or a non-finite value.
 * Example: clusterVariance([0.1, -0.05, -0.05]) -> 0.022500000000000006
 */

/** With-replacement variance from per-PSU linearised totals z_h: n/(n-1) * sum (z_h - mean z)^2 (svyrecvar for ids=~psu). Used when a respondent contributes several ratings (pooled items). */
export function clusterVariance(psuTotals: ArrayLike<number>): number {
  const n = psuTotals.length;
  if (n < 2) {
    throw new RangeError(`clusterVariance: needs at least 2 PSUs, got ${n}`);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const z = psuTotals[i];
    if (typeof z !== 'number' || !Number.isFinite(z)) {
      throw new RangeError(`clusterVariance: PSU total at index ${i} must be a finite number, got ${z}`);
    }
    sum += z;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = psuTotals[i] - mean;
    ss += d * d;
  }
  return (n / (n - 1)) * ss;
}
