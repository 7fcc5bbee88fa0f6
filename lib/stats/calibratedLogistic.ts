/**
 * The design-based variance of a weighted logistic regression (logisticRegression.ts) when its
 * weight is raked: R's
 *
 *   svyglm(y ~ ..., design = rake(...), family = quasibinomial())       (or calibrate(..., calfun = "raking", bounds =))
 *
 * whose vcov is svy.varcoef: svyrecvar(estfun %*% Ainv, ..., postStrata = design$postStrata). The
 * influence of cluster h (a respondent) on the coefficients is z_h = A⁻¹ u_h, u_h its score total;
 * svyrecvar residualises z on the raking margins (calibratedVariance.ts) before the usual
 * N/(N − 1) Σ (e − ē)(e − ē)ᵀ, N every row of the raked design (respondents outside the model
 * have z = 0, as rows outside a subset of a calibrated design keep weight 0).
 *
 * The residualisation is linear, so the covariance of coefficients a and b follows from variances
 * alone: Cov(a, b) = (Var(z_a + z_b) − Var(z_a) − Var(z_b)) / 2, each a calibratedVariance of
 * sums that add (only Σ z² needs the cross products Σ z_a z_b).
 */
import { addInfluenceRow, type CalibrationDesign, calibratedVariance, emptyInfluence, type InfluenceSums } from './calibratedVariance';
import type { WeightedLogisticFit } from './logisticRegression';

/**
 * The p x p calibrated vcov of `fit`. `rowOfCluster[h]` is the raked design's row of cluster h
 * (−1: a cluster id without rows), `weights` the design rows' final weights (the model's weights).
 */
export function calibratedLogisticVcov(
  fit: Pick<WeightedLogisticFit, 'p' | 'clusterScores' | 'aInverse'>,
  design: CalibrationDesign,
  rowOfCluster: ArrayLike<number>,
  weights: ArrayLike<number>,
): Float64Array {
  const { p, clusterScores, aInverse } = fit;
  if (clusterScores.length !== rowOfCluster.length * p) throw new RangeError(`calibratedLogisticVcov: ${rowOfCluster.length} cluster rows for ${clusterScores.length / p} clusters`);
  const columns: InfluenceSums[] = Array.from({ length: p }, () => emptyInfluence(design));
  const cross = new Float64Array(p * p);
  const z = new Float64Array(p);
  for (let h = 0; h < rowOfCluster.length; h++) {
    const r = rowOfCluster[h];
    if (r < 0) continue;
    const w = weights[r];
    if (!(w > 0)) continue;
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += aInverse[a * p + b] * clusterScores[h * p + b];
      z[a] = s;
    }
    const k = design.cellOf[r];
    for (let a = 0; a < p; a++) {
      if (z[a] !== 0) addInfluenceRow(design, columns[a], k, w, z[a]);
      for (let b = 0; b < a; b++) cross[a * p + b] += z[a] * z[b];
    }
  }
  const variance = columns.map((x) => calibratedVariance(design, x));
  const vcov = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    vcov[a * p + a] = variance[a];
    for (let b = 0; b < a; b++) {
      const sum = emptyInfluence(design, columns[a].squares + columns[b].squares + 2 * cross[a * p + b], columns[a].total + columns[b].total);
      for (let s = 0; s < design.slots; s++) {
        sum.u[s] = columns[a].u[s] + columns[b].u[s];
        sum.v[s] = columns[a].v[s] + columns[b].v[s];
      }
      const covariance = (calibratedVariance(design, sum) - variance[a] - variance[b]) / 2;
      vcov[a * p + b] = covariance;
      vcov[b * p + a] = covariance;
    }
  }
  return vcov;
}
