/**
 * Weighted share when a respondent may give several ratings to one cell (pooled items, such as all
 * "time-pressed" scenarios), with the design taking each respondent as a cluster: R's
 * `svydesign(ids = ~respondent, weights = ~w, data = long)` then `svymean(~y, subset(...))`.
 *
 * Per respondent h, A_h = Σ w·y and B_h = Σ w over h's ratings in the cell, and At_h, Bt_h the same
 * over h's ratings in the comparison base (the cell plus its rest). The cell's linearised value is
 * z_h = (A_h − p·B_h) / W, and Var(p) = N/(N−1) · Σ_h z_h² (Σ_h z_h = 0 for a ratio), with N the
 * respondents of the design. With one rating per respondent this is exactly the weights-only
 * formula (A_h² = w²y, B_h² = w²). Everything is kept as sums so that one pass over the data suffices.
 */
export interface ClusterSums {
  /** Respondents with at least one rating in the cell. */
  respondents: number;
  /** Ratings in the cell. */
  ratings: number;
  sumA: number; // Σ A_h = Σ w·y
  sumB: number; // Σ B_h = Σ w
  sumAA: number;
  sumAB: number;
  sumBB: number;
  /** Cross sums with the respondent's totals in the comparison base (cell plus rest). */
  sumAAt: number;
  sumABt: number;
  sumBAt: number;
  sumBBt: number;
}

/** Sums over the whole comparison base, per respondent totals At_h, Bt_h. */
export interface BaseSums {
  respondents: number;
  ratings: number;
  sumA: number;
  sumB: number;
  sumAA: number;
  sumAB: number;
  sumBB: number;
}

export function emptyClusterSums(): ClusterSums {
  return { respondents: 0, ratings: 0, sumA: 0, sumB: 0, sumAA: 0, sumAB: 0, sumBB: 0, sumAAt: 0, sumABt: 0, sumBAt: 0, sumBBt: 0 };
}

export function emptyBaseSums(): BaseSums {
  return { respondents: 0, ratings: 0, sumA: 0, sumB: 0, sumAA: 0, sumAB: 0, sumBB: 0 };
}

/**
 * Σ (A − pB)² from the expanded sums. The expansion cancels: where every respondent's A equals
 * p·B (all positive, all negative, or the same share each) it leaves rounding noise of about ε
 * times the terms instead of 0, which is snapped to 0. `scale` is the size of the terms the sums
 * were computed from (for the rest, differences of the base's sums: the base's size).
 */
function squaredResiduals(aa: number, ab: number, bb: number, p: number, scale = aa + p * p * bb): number {
  const ss = aa - 2 * p * ab + p * p * bb;
  return ss <= 1e-12 * scale ? 0 : ss;
}

export interface ClusteredEstimate {
  p: number;
  variance: number;
}

/** The cell's share and its variance in a design of `nDesign` respondents. */
export function clusteredShare(cell: ClusterSums, nDesign: number): ClusteredEstimate {
  if (cell.respondents === 0 || cell.sumB === 0) throw new RangeError('zero base: the cell has no respondents with a positive weight');
  if (nDesign < 2) return { p: cell.sumA / cell.sumB, variance: NaN };
  const p = cell.sumA / cell.sumB;
  const variance = ((nDesign / (nDesign - 1)) * squaredResiduals(cell.sumAA, cell.sumAB, cell.sumBB, p)) / (cell.sumB * cell.sumB);
  return { p, variance };
}

export interface ClusteredComparison {
  cell: ClusteredEstimate;
  rest: ClusteredEstimate;
  covariance: number;
  /**
   * The same without the design's N/(N−1): Σ z², Σ z_r² and Σ z·z_r of the linearised values
   * (what a calibrated variance starts from, calibratedVariance.ts).
   */
  squares: { cell: number; rest: number; cross: number };
}

/** Σ z_h² = Σ (A_h − p·B_h)² / W² over a cell's respondents: its linearised values' sum of squares. */
export function clusteredSquares(cell: ClusterSums, p: number): number {
  return squaredResiduals(cell.sumAA, cell.sumAB, cell.sumBB, p) / (cell.sumB * cell.sumB);
}

/**
 * The cell against the rest of its comparison base. The rest's per-respondent sums are the base
 * totals minus the cell's (A_r = At − A), so no second pass is needed. The covariance is 0 when
 * no respondent has ratings on both sides (one rating each, or attribute cells).
 * Returns null when the rest is empty.
 */
export function compareClusteredToRest(cell: ClusterSums, base: BaseSums, nDesign: number): ClusteredComparison | null {
  // The rest's sums are differences of the base's and the cell's, which leave rounding noise of
  // about ε times the base's sums: noise is snapped to exactly 0 (as subtractSums does), so that
  // an all-positive rest has a share of exactly 1, not 1.0000000000000002, and no variance.
  const isNoise = (x: number, scale: number) => Math.abs(x) <= 1e-12 * scale;
  const restB = base.sumB - cell.sumB;
  if (base.ratings - cell.ratings === 0 || restB <= 0 || isNoise(restB, base.sumB)) return null;
  const factor = nDesign / (nDesign - 1);
  const own = clusteredShare(cell, nDesign);
  let restA = base.sumA - cell.sumA;
  if (isNoise(restB - restA, base.sumB)) restA = restB;
  else if (isNoise(restA, base.sumB)) restA = 0;
  const pr = Math.min(1, Math.max(0, restA / restB));
  // Σ A_r², Σ A_r B_r, Σ B_r² with A_r = At − A, B_r = Bt − B.
  const rAA = base.sumAA - 2 * cell.sumAAt + cell.sumAA;
  const rAB = base.sumAB - cell.sumABt - cell.sumBAt + cell.sumAB;
  const rBB = base.sumBB - 2 * cell.sumBBt + cell.sumBB;
  const restSquares = squaredResiduals(rAA, rAB, rBB, pr, base.sumAA + base.sumBB) / (restB * restB);
  const restVariance = factor * restSquares;
  // Σ (A − p B)(A_r − p_r B_r), expanded.
  const aAr = cell.sumAAt - cell.sumAA;
  const aBr = cell.sumABt - cell.sumAB;
  const bAr = cell.sumBAt - cell.sumAB;
  const bBr = cell.sumBBt - cell.sumBB;
  const cross = aAr - pr * aBr - own.p * bAr + own.p * pr * bBr;
  const covariance = (factor * cross) / (cell.sumB * restB);
  const squares = { cell: clusteredSquares(cell, own.p), rest: restSquares, cross: cross / (cell.sumB * restB) };
  return { cell: own, rest: { p: pr, variance: restVariance }, covariance, squares };
}

/**
 * Kish effective base at respondent level: (Σ B_h)² / Σ B_h². With one rating each it is the usual
 * (Σw)²/Σw²; with pooled ratings it counts a respondent once (conservative: ratings by one person
 * are not independent).
 */
export function clusteredEffectiveBase(cell: Pick<ClusterSums, 'sumB' | 'sumBB'>): number {
  return cell.sumBB > 0 ? (cell.sumB * cell.sumB) / cell.sumBB : 0;
}
