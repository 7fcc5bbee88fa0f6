import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { differenceTest } from '../stats/shareDifference';
import { criticalValue } from '../stats/distributions';
import type { Interval } from '../stats/wilsonInterval';
import type { AcceptanceCell } from './acceptance';
import { ALPHA, DEFAULT_CONF_LEVEL } from './conventions';

/**
 * One row of a comparison of two independent samples, item by item: two datasets (the benchmark,
 * lib/analysis/benchmark.ts) or two levels of an attribute of one dataset (a wave against another,
 * lib/analysis/levelComparison.ts). Both read each side off an acceptance table, so each side's
 * share and standard error are the engine's; the difference and its test are made here, once.
 *
 * The small-base rule lives here too: a side under the minimum base keeps its share (shown greyed)
 * but has no interval, and a row with either side under it has no test at all (no interval of the
 * difference, no p-value, no mark) and stays out of the Benjamini-Hochberg family. Its plain
 * difference of shares (`gap`) is still given, for the page to show greyed with the reason.
 */

export interface ComparisonSide {
  share: number | null;
  se: number | null;
  /** Wilson interval on the effective base, as everywhere else in the product; null under the minimum base. */
  ci: Interval | null;
  respondents: number;
  ratings: number;
  sumWeights: number;
  effectiveBase: number;
  smallBase: boolean;
}

export interface ComparisonDifference {
  /** First side minus second, as a share (0.05 = 5 points). */
  diff: number;
  se: number;
  t: number;
  df: number;
  pValue: number;
  ci: Interval;
  /** Benjamini-Hochberg over the comparison's tested rows. */
  pAdjusted: number | null;
  significant: boolean;
}

/** What the two sides of a row give: the plain difference, and the test when both sides are large enough. */
export interface ComparedSides {
  /** First share minus second; null when either side has no rating. */
  gap: number | null;
  /** Null when either side has no rating or is under the minimum base (see the module comment). */
  difference: ComparisonDifference | null;
  /** Either side under the minimum base. */
  smallBase: boolean;
}

export function emptySide(): ComparisonSide {
  return { share: null, se: null, ci: null, respondents: 0, ratings: 0, sumWeights: 0, effectiveBase: 0, smallBase: true };
}

/** One side of a row from the acceptance engine's cell (absent: nobody rated it). */
export function sideOf(cell: AcceptanceCell | undefined, minBase: number): ComparisonSide {
  if (!cell) return emptySide();
  const smallBase = cell.respondents < minBase;
  return {
    share: cell.share,
    se: cell.se,
    ci: smallBase ? null : cell.ci,
    respondents: cell.respondents,
    ratings: cell.ratings,
    sumWeights: cell.sumWeights,
    effectiveBase: cell.effectiveBase,
    smallBase,
  };
}

/**
 * svyttest(y ~ g, design) for two independent samples from their shares and domain SEs: the
 * variance of the difference is the sum of the two (no respondent is on both sides), t = diff/se,
 * p two-sided from Student's t with `df`, the interval diff ± qt(1 − α/2, df)·se (svyttest's conf.int).
 * `df` is the design's: n_a + n_b − 2 for two levels of one dataset, n_a + n_b − 3 for two datasets
 * as two strata (one degree of freedom more is spent on the second stratum).
 * Under a raked weight the two levels share the raking, and the difference's variance is not the sum
 * of the two: `differenceVariance` gives it (lib/analysis/calibratedCell.ts), absent the sum is used.
 */
export function testDifference(a: ComparisonSide, b: ComparisonSide, df: number, confLevel = DEFAULT_CONF_LEVEL, differenceVariance: number | null = null): Omit<ComparisonDifference, 'pAdjusted' | 'significant'> | null {
  if (a.share === null || b.share === null || a.se === null || b.se === null || df < 1) return null;
  const [va, vb] = [a.se ** 2, b.se ** 2];
  const covariance = differenceVariance === null ? 0 : (va + vb - differenceVariance) / 2;
  const test = differenceTest({ p: a.share, variance: va }, { p: b.share, variance: vb }, df, covariance);
  const half = criticalValue(confLevel, df) * test.se;
  return { diff: test.diff, se: test.se, t: test.t, df, pValue: test.pValue, ci: { lower: test.diff - half, upper: test.diff + half } };
}

/** The gap and, when both sides reach the minimum base, the test (see the module comment). */
export function compareSides(a: ComparisonSide, b: ComparisonSide, df: number, confLevel = DEFAULT_CONF_LEVEL, differenceVariance: number | null = null): ComparedSides {
  const gap = a.share === null || b.share === null ? null : a.share - b.share;
  const smallBase = a.smallBase || b.smallBase;
  const test = smallBase ? null : testDifference(a, b, df, confLevel, differenceVariance);
  return { gap, difference: test && { ...test, pAdjusted: null, significant: false }, smallBase };
}

/** Benjamini-Hochberg over the rows that have a test (p.adjust(p, "BH")); marks those under `alpha`. */
export function adjustForMultipleTests(rows: { difference: ComparisonDifference | null }[], alpha = ALPHA): void {
  const tested = rows.filter((row) => row.difference !== null);
  const adjusted = benjaminiHochberg(tested.map((row) => row.difference!.pValue));
  tested.forEach((row, i) => {
    row.difference!.pAdjusted = adjusted[i];
    row.difference!.significant = adjusted[i] < alpha;
  });
}
