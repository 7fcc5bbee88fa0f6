import { addShareInfluence, calibratedVariance, emptyInfluence, type InfluenceSums } from '../stats/calibratedVariance';
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

/** The calibrated variance of a cell's share p with total weight W and Σ z² = squares. */
export function calibratedCellVariance(collected: CalibrationCollected, cell: CalibrationAt, p: number, W: number, squares: number): number {
  return calibratedVariance(collected.design, shareInfluence(collected, cell, p, W, squares));
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
