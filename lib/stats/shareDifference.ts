/**
 * Design-based t-test of a difference of two estimates (R: `svyttest`, or `svycontrast` plus
 * `2 * pt(-abs(t), df)`):
 *
 *   diff = p_a − p_b,  se = √(Var_a + Var_b − 2·Cov),  t = diff / se,  p = 2·P(T_df ≤ −|t|)
 *
 * The p-value is computed from the lower tail (not 1 − cdf), so p-values like 3.4e-11 keep full
 * precision. df = Infinity uses the normal distribution.
 * se = 0: if diff ≠ 0, t = ±Infinity and p = 0 (as R); if diff = 0, t = 0 and p = 1 (R gives NaN).
 * Throws a RangeError if a share or variance is not finite, a variance is negative, the combined
 * variance is negative beyond rounding, or df is not > 0.
 * Example: differenceTest({ p: 0.6, variance: 0.001 }, { p: 0.5, variance: 0.0015 }, 200)
 *   -> { diff: 0.09999999999999998, se: 0.05, t: 1.9999999999999996, df: 200, pValue: 0.046853186187071016 }
 */
import { twoSidedPValue } from './distributions';

export interface DifferenceTest {
  diff: number;
  se: number;
  t: number;
  df: number;
  pValue: number;
}

/** Two estimates with their variances (covariance given, default 0); two-sided p from Student t with df (svyttest). */
export function differenceTest(
  a: { p: number; variance: number },
  b: { p: number; variance: number },
  df: number,
  covariance = 0,
): DifferenceTest {
  for (const [name, e] of [['a', a], ['b', b]] as const) {
    if (typeof e.p !== 'number' || !Number.isFinite(e.p)) {
      throw new RangeError(`differenceTest: ${name}.p must be a finite number, got ${e.p}`);
    }
    if (typeof e.variance !== 'number' || !Number.isFinite(e.variance) || e.variance < 0) {
      throw new RangeError(`differenceTest: ${name}.variance must be a finite number >= 0, got ${e.variance}`);
    }
  }
  if (typeof covariance !== 'number' || !Number.isFinite(covariance)) {
    throw new RangeError(`differenceTest: covariance must be a finite number, got ${covariance}`);
  }
  if (typeof df !== 'number' || !(df > 0)) {
    throw new RangeError(`differenceTest: df must be > 0 (Infinity for a normal test), got ${df}`);
  }
  let variance = a.variance + b.variance - 2 * covariance;
  if (variance < 0) {
    // perfectly correlated estimates can give −1e-19 instead of 0
    if (variance < -1e-12 * (a.variance + b.variance)) {
      throw new RangeError(
        `differenceTest: Var(a) + Var(b) - 2 Cov is negative (${variance}); the covariance is too large`,
      );
    }
    variance = 0;
  }
  const diff = a.p - b.p;
  const se = Math.sqrt(variance);
  if (se === 0) {
    return diff === 0
      ? { diff, se, t: 0, df, pValue: 1 }
      : { diff, se, t: diff > 0 ? Infinity : -Infinity, df, pValue: 0 };
  }
  const t = diff / se;
  return { diff, se, t, df, pValue: twoSidedPValue(t, df) };
}
