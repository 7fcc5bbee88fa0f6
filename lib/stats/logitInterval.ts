/**
 * Logit-transformed interval of a proportion, R's `svyciprop(~y, des, method = "logit")`:
 *
 *   expit( logit(p) ± t · se / (p(1 − p)) ),   t = qt(1 − α/2, df)
 *
 * svyciprop's default df is degf(cell design) = (rows with w > 0 in the cell) − 1; pass
 * df = Infinity for normal quantiles. R gets the interval from a quasibinomial svyglm, so it
 * agrees with this closed form to the glm tolerance (≈ 1e-11 here).
 * Returns null where the interval is undefined: p is 0 or 1, se is 0, or df < 1 (a single
 * respondent). R returns a meaningless sliver next to p there.
 * Throws a RangeError if p is not in [0, 1], se is negative or not finite, df is NaN, or
 * confLevel is not in (0, 1).
 * Example: logitInterval(0.3, 0.05, 99) -> { lower: 0.21086314008929316, upper: 0.4073659301484729 }
 */
import { criticalValue } from './distributions';
import { checkConfLevel, checkShare } from './argumentChecks';
import type { Interval } from './wilsonInterval';

export function logitInterval(p: number, se: number, df: number, confLevel = 0.95): Interval | null {
  checkShare('logitInterval', 'p', p);
  checkConfLevel('logitInterval', confLevel);
  if (typeof se !== 'number' || !Number.isFinite(se) || se < 0) {
    throw new RangeError(`logitInterval: se must be a finite number >= 0, got ${se}`);
  }
  if (typeof df !== 'number' || Number.isNaN(df)) {
    throw new RangeError(`logitInterval: df must be a number (Infinity for normal quantiles), got ${df}`);
  }
  if (p === 0 || p === 1 || se === 0 || df < 1) return null;
  const t = criticalValue(confLevel, df);
  const centre = Math.log(p / (1 - p));
  const half = (t * se) / (p * (1 - p));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return { lower: expit(centre - half), upper: expit(centre + half) };
}
