/**
 * How a set of weights spreads, as a weighting report gives it (and R computes it, with the
 * weights w and the base weights w₀ they were made from, over the n rows):
 *   quantile(w, c(0, .05, .25, .5, .75, .95, 1))   (type 7, R's default),  mean(w),
 *   cv = sd(w) / mean(w)   (sd with n − 1),
 *   range(w / w₀)   (rows with w₀ > 0),
 *   Kish effective base (Σw)² / Σw², efficiency n_eff / n, design effect n / n_eff.
 * The efficiency is what the sample is worth after weighting: under 40% the weights cost more than
 * half the sample's information, and a report warns.
 */
export interface WeightSummary {
  n: number;
  sum: number;
  min: number;
  max: number;
  mean: number;
  /** The 5%, 25%, 50%, 75% and 95% quantiles (type 7). */
  quantiles: { p05: number; p25: number; median: number; p75: number; p95: number };
  cv: number;
  /** min and max of w / w₀. */
  ratioToBase: { min: number; max: number };
  effectiveBase: number;
  efficiency: number;
  designEffect: number;
}

export const LOW_EFFICIENCY = 0.4;

/** R's quantile(x, p, type = 7) of sorted values. */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function weightSummary(weights: Float64Array, baseWeights: Float64Array): WeightSummary {
  const n = weights.length;
  if (n === 0) throw new RangeError('weightSummary: no weights');
  const sorted = Float64Array.from(weights).sort();
  let sum = 0;
  let sum2 = 0;
  let gMin = Infinity;
  let gMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    sum += w;
    sum2 += w * w;
    if (baseWeights[i] > 0) {
      const g = w / baseWeights[i];
      if (g < gMin) gMin = g;
      if (g > gMax) gMax = g;
    }
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (weights[i] - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const effectiveBase = sum2 > 0 ? (sum * sum) / sum2 : 0;
  return {
    n,
    sum,
    min: sorted[0],
    max: sorted[n - 1],
    mean,
    quantiles: { p05: quantileType7(sorted, 0.05), p25: quantileType7(sorted, 0.25), median: quantileType7(sorted, 0.5), p75: quantileType7(sorted, 0.75), p95: quantileType7(sorted, 0.95) },
    cv: mean > 0 ? sd / mean : NaN,
    ratioToBase: { min: gMin, max: gMax },
    effectiveBase,
    efficiency: effectiveBase / n,
    designEffect: effectiveBase > 0 ? n / effectiveBase : Infinity,
  };
}
