import { addShareInfluence, type CalibrationDesign, calibratedVariance, emptyInfluence, type InfluenceSums } from '../stats/calibratedVariance';
import type { ClusteredComparison, ClusteredEstimate } from '../stats/clusteredShare';
import type { CalibrationCollected } from './collectCalibration';

/**
 * A cell's variance, and its comparison with the rest of its base, under a raked weight: the
 * calibrated variance of R's rake()/calibrate() design of every respondent (calibratedVariance.ts),
 * as `svymean(~y, subset(rdes, asked & cell))` and `svyttest(y ~ cell, subset(rdes, asked & base))`
 * (pooled cells: `svyratio` of a respondent's positive ratings to ratings in the cell).
 */

/** Where a cell's (or base's) sums are: an array of CalibrationCollected and the offset in it. */
export interface CalibrationAt {
  sums: Float64Array;
  at: number;
}

function shareInfluence(collected: CalibrationCollected, where: CalibrationAt, p: number, W: number, squares: number): InfluenceSums {
  const x = emptyInfluence(collected.design, squares);
  addShareInfluence(collected.design, x, where.sums, where.at, p, W, 1);
  return x;
}

/**
 * Each engine cell's influence sums under the raked design, kept beside the cell (not in it: a cell
 * is plain data that pages serialise) so that two cells of one table can be compared later
 * (`calibratedDifferenceVariance`). Held as long as the cell is (memo.ts caches tables).
 */
const influences = new WeakMap<object, { design: CalibrationDesign; x: InfluenceSums }>();

/** The calibrated variance of a cell's share p with total weight W and Σ z² = squares; `owner` (the engine's cell) keeps its influence. */
export function calibratedCellVariance(collected: CalibrationCollected, cell: CalibrationAt, p: number, W: number, squares: number, owner?: object): number {
  const x = shareInfluence(collected, cell, p, W, squares);
  if (owner) influences.set(owner, { design: collected.design, x });
  return calibratedVariance(collected.design, x);
}

/**
 * Var(p_a − p_b) of two cells of one raked table whose respondents differ (two levels of one
 * attribute, two columns of one banner variable): the calibrated variance of the difference's
 * influence, the cell a's less the cell b's, residualised together on the raking margins, as
 * `svyttest(y ~ g, subset(rdes, g %in% c(a, b)))` on the rake()d design `rdes`. No respondent is in
 * both, so Σ (x_a − x_b)² = Σ x_a² + Σ x_b². Null when a cell was not computed under a raked weight
 * (or the two come from different designs): the caller then adds the two fixed-design variances.
 */
export function calibratedDifferenceVariance(a: object, b: object): number | null {
  const ia = influences.get(a);
  const ib = influences.get(b);
  if (!ia || !ib || ia.design !== ib.design) return null;
  const { design } = ia;
  const difference = emptyInfluence(design, ia.x.squares + ib.x.squares, ia.x.total - ib.x.total);
  for (let s = 0; s < design.slots; s++) {
    difference.u[s] = ia.x.u[s] - ib.x.u[s];
    difference.v[s] = ia.x.v[s] - ib.x.v[s];
  }
  return calibratedVariance(design, difference);
}

/**
 * The cell against the rest of its base, both calibrated, with their covariance: the rest's sums are
 * the base's less the cell's, and the difference's influence is the cell's less the rest's.
 */
export function calibratedComparison(
  collected: CalibrationCollected,
  cell: CalibrationAt,
  base: CalibrationAt,
  comparison: ClusteredComparison,
  cellW: number,
  restW: number,
): { cell: ClusteredEstimate; rest: ClusteredEstimate; covariance: number; differenceVariance: number } {
  const { design } = collected;
  const p = comparison.cell.p;
  const pr = comparison.rest.p;
  const { squares } = comparison;
  const own = shareInfluence(collected, cell, p, cellW, squares.cell);
  const rest = emptyInfluence(design, squares.rest);
  addShareInfluence(design, rest, base.sums, base.at, pr, restW, 1);
  addShareInfluence(design, rest, cell.sums, cell.at, pr, restW, -1);
  const difference = emptyInfluence(design, squares.cell + squares.rest - 2 * squares.cross);
  for (let s = 0; s < design.slots; s++) {
    difference.u[s] = own.u[s] - rest.u[s];
    difference.v[s] = own.v[s] - rest.v[s];
  }
  const cellVariance = calibratedVariance(design, own);
  const restVariance = calibratedVariance(design, rest);
  const differenceVariance = calibratedVariance(design, difference);
  return { cell: { p, variance: cellVariance }, rest: { p: pr, variance: restVariance }, covariance: (cellVariance + restVariance - differenceVariance) / 2, differenceVariance };
}
