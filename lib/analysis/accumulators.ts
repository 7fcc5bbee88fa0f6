import type { ClusterSums } from '../stats/clusteredShare';

/**
 * Per-cell running sums of the clustered share (see lib/stats/clusteredShare.ts), one typed array
 * per sum so that a table of cells is a handful of allocations.
 */
export interface Accumulators {
  respondents: Float64Array;
  /** Respondents with a positive weight: R's degf() counts only these, the variance counts all. */
  weightedRespondents: Float64Array;
  ratings: Float64Array;
  a: Float64Array;
  b: Float64Array;
  aa: Float64Array;
  ab: Float64Array;
  bb: Float64Array;
  aAt: Float64Array;
  aBt: Float64Array;
  bAt: Float64Array;
  bBt: Float64Array;
}

export const accumulators = (size: number): Accumulators => ({
  respondents: new Float64Array(size),
  weightedRespondents: new Float64Array(size),
  ratings: new Float64Array(size),
  a: new Float64Array(size),
  b: new Float64Array(size),
  aa: new Float64Array(size),
  ab: new Float64Array(size),
  bb: new Float64Array(size),
  aAt: new Float64Array(size),
  aBt: new Float64Array(size),
  bAt: new Float64Array(size),
  bBt: new Float64Array(size),
});

/** Adds one respondent's ratings in cell i: A = Σ w·y, B = Σ w over them, At/Bt over the comparison base. */
export function addRespondent(acc: Accumulators, i: number, a: number, b: number, n: number, at: number, bt: number) {
  acc.respondents[i] += 1;
  if (b > 0) acc.weightedRespondents[i] += 1;
  acc.ratings[i] += n;
  acc.a[i] += a;
  acc.b[i] += b;
  acc.aa[i] += a * a;
  acc.ab[i] += a * b;
  acc.bb[i] += b * b;
  acc.aAt[i] += a * at;
  acc.aBt[i] += a * bt;
  acc.bAt[i] += b * at;
  acc.bBt[i] += b * bt;
}

export const clusterSumsAt = (acc: Accumulators, i: number): ClusterSums => ({
  respondents: acc.respondents[i],
  ratings: acc.ratings[i],
  sumA: acc.a[i],
  sumB: acc.b[i],
  sumAA: acc.aa[i],
  sumAB: acc.ab[i],
  sumBB: acc.bb[i],
  sumAAt: acc.aAt[i],
  sumABt: acc.aBt[i],
  sumBAt: acc.bAt[i],
  sumBBt: acc.bBt[i],
});


/** What one pass over the data yields: sums per cell, per comparison base, and overall. */
export interface CollectedSums {
  cells: Accumulators;
  bases: Accumulators;
  overall: Accumulators;
  /** Respondents with ratings left out of the cells because a grouping attribute was blank. */
  missingAttribute: number;
}
