/**
 * Wilson score interval with the sample size replaced by an effective base m (normally the Kish
 * n_eff), with a normal z = qnorm(1 − α/2), exactly as the oracle's `wilson_kish`:
 *
 *   centre = (p + z²/(2m)) / (1 + z²/m)
 *   half   = z/(1 + z²/m) · √( p(1 − p)/m + z²/(4m²) ),   CI = centre ± half
 *
 * Defined for p = 0 and p = 1: the bound at p is then exactly p (R's arithmetic gives e.g.
 * −5.6e-17 at p = 0), and the bounds are clamped to [0, 1].
 * Throws a RangeError if p is not in [0, 1], effectiveBase is not finite and > 0 (0 = zero base),
 * or confLevel is not in (0, 1).
 * Example: wilsonInterval(0.5, 100) -> { lower: 0.4038315303659956, upper: 0.5961684696340044 }
 */
import { criticalValue } from './distributions';
import { checkConfLevel, checkShare } from './argumentChecks';

export interface Interval {
  lower: number;
  upper: number;
}

export function wilsonInterval(p: number, effectiveBase: number, confLevel = 0.95): Interval {
  checkShare('wilsonInterval', 'p', p);
  checkConfLevel('wilsonInterval', confLevel);
  if (typeof effectiveBase !== 'number' || !Number.isFinite(effectiveBase) || effectiveBase < 0) {
    throw new RangeError(`wilsonInterval: effectiveBase must be a finite number > 0, got ${effectiveBase}`);
  }
  if (effectiveBase === 0) {
    throw new RangeError('wilsonInterval: zero base (effectiveBase is 0); the interval is undefined');
  }
  const m = effectiveBase;
  const z = criticalValue(confLevel, Infinity);
  const z2 = z * z;
  const denom = 1 + z2 / m;
  const centre = (p + z2 / (2 * m)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / m + z2 / (4 * m * m));
  // at p = 0 (p = 1) the lower (upper) bound is exactly p; floating point gives ±1e-17 or so
  return {
    lower: p === 0 ? 0 : Math.max(0, centre - half),
    upper: p === 1 ? 1 : Math.min(1, centre + half),
  };
}
