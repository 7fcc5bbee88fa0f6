/**
 * Thin wrappers over @stdlib's normal and Student t distributions (internal; not re-exported).
 * df = Infinity means the normal distribution (stdlib's t functions do not handle it).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Upper quantile of a two-sided interval: qt(1 − α/2, df), or qnorm(1 − α/2) when df = Infinity. */
export function criticalValue(confLevel: number, df: number): number {
  const prob = 1 - (1 - confLevel) / 2;
  return df === Infinity ? normalQuantile(prob, 0, 1) : tQuantile(prob, df);
}

/** Two-sided p-value 2·P(T_df ≤ −|t|) (lower tail, so tiny p-values keep full precision). */
export function twoSidedPValue(t: number, df: number): number {
  const x = -Math.abs(t);
  const tail = df === Infinity ? normalCdf(x, 0, 1) : tCdf(x, df);
  return Math.min(1, 2 * tail);
}
