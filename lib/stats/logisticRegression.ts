/**
 * Weighted logistic regression with a design-based (cluster sandwich) variance: R's
 *
 *   des <- svydesign(ids = ~cluster, weights = ~w, data = long)
 *   fit <- svyglm(y ~ ..., design = des, family = quasibinomial())
 *
 * for a single-stage design without strata or fpc (one row per rating, respondents as clusters).
 *
 * Estimation: the weighted binomial likelihood Σ w_i [y_i log μ_i + (1 − y_i) log(1 − μ_i)],
 * logit μ_i = x_iᵀβ, maximised by IRLS (Newton's method: the logit link is canonical), with step
 * halving if a step ever increases the deviance. svyglm rescales the weights to mean 1 before
 * calling glm; neither the coefficients nor the sandwich depend on that scale, so it is not done here.
 *
 * Variance, exactly as survey's svy.varcoef + svyrecvar (with replacement, one stage):
 *   A     = Σ_i w_i μ_i (1 − μ_i) x_i x_iᵀ                 (glm's cov.unscaled is A⁻¹)
 *   u_h   = Σ_{i in cluster h} w_i (y_i − μ_i) x_i         (rowsum of glm's estfun)
 *   B     = n/(n − 1) · Σ_h (u_h − ū)(u_h − ū)ᵀ,  ū = Σ_h u_h / n,  n = clusters that have rows
 *   vcov  = A⁻¹ B A⁻¹
 * Clusters whose rows all have weight 0 still count in n (svyrecvar keeps them as PSUs with zero
 * totals) but not in the degrees of freedom: df = degf + 1 − p, degf = clusters with positive
 * weight − 1, which is svyglm's df.residual. (At the estimate Σ_h u_h is the score, 0, so the
 * centring changes nothing beyond rounding; it is kept to mirror svyrecvar.) R evaluates A and the
 * scores at the weights of glm's last IRLS step and stops at a relative deviance change of 1e-8, so
 * its default numbers carry errors of up to ~2e-7 relative in the SEs (the tests compare at 1e-6);
 * refitted with glm.control(epsilon = 1e-14) R agrees with this fit to ~1e-10.
 *
 * Rows with the same covariates share μ, so the IRLS runs on the distinct rows ("patterns") with
 * their summed w and w·y, which is algebraically the same fit; only the sandwich goes back to the
 * rows. A dummy-coded model of a few thousand respondents has a few hundred patterns.
 * `fitWeightedLogisticGrouped` takes the patterns directly (no n x p design is ever built).
 *
 * Throws a RangeError for empty or inconsistent input, fewer than two clusters, an outcome without
 * variation, a rank-deficient design (a column of zeros, e.g. the dummy of a level without rows,
 * or a column that is a combination of others: the message names it), and for a fit that does not
 * converge (typically separation: some level has only positive or only negative outcomes, so its
 * coefficient runs off to ±∞).
 */
import { criticalValue } from './distributions';
import { choleskyFactor, choleskyInverse, choleskySolve, multiply, quadraticForm, RankDeficiencyError } from './linearAlgebra';
import { checkConfLevel } from './argumentChecks';

export interface WeightedLogisticInput {
  /** Row-major n x p design matrix; the first column is the intercept (all ones). */
  design: Float64Array;
  p: number;
  /** Outcome per row: 0/1 (or a share in [0, 1], as quasibinomial allows). */
  y: Uint8Array | Float64Array;
  /** Weight per row, finite and >= 0. */
  w: Float64Array;
  /** Cluster (PSU) id per row, an integer >= 0; ids that no row uses are ignored. */
  cluster: Int32Array;
  /** Optional column names, used in error messages. */
  columnNames?: string[];
}

/** The same data given as distinct covariate rows ("patterns") and each row's pattern. */
export interface GroupedLogisticInput {
  /** Row-major m x p matrix of the distinct covariate rows; the first column is the intercept. */
  patterns: Float64Array;
  p: number;
  /** Pattern index (0..m-1) per row. */
  patternOf: Int32Array;
  y: Uint8Array | Float64Array;
  w: Float64Array;
  cluster: Int32Array;
  columnNames?: string[];
}

export interface WeightedLogisticOptions {
  /** Newton steps allowed before the fit is declared not converged (default 25, as glm). */
  maxIterations?: number;
  /**
   * Convergence: relative deviance change |D − D_old| / (|D| + 0.1) below `tolerance` (glm's
   * criterion; default 1e-10, glm's default is 1e-8) and every coefficient step below
   * √tolerance · (1 + max |β|).
   */
  tolerance?: number;
}

export interface WeightedLogisticFit {
  coefficients: Float64Array;
  /** p x p row-major, the design-based sandwich as svyglm's vcov(). */
  vcov: Float64Array;
  /** Residual degrees of freedom as svyglm: degf(design) + 1 − p. */
  df: number;
  iterations: number;
  /** Always true for a returned fit: a fit that does not converge throws. */
  converged: boolean;
  p: number;
  rows: number;
  /** Clusters with at least one row (the n of n/(n − 1)). */
  clusters: number;
  /** Clusters with a positive total weight (degf + 1). */
  weightedClusters: number;
  /** Binomial deviance with the weights as given: 2 Σ w_i [y log(y/μ) + (1 − y) log((1 − y)/(1 − μ))]. */
  deviance: number;
  /**
   * What a calibrated variance needs (calibratedLogistic.ts): each cluster's score total u_h
   * (rows: cluster ids 0..max, p each; zero for ids without rows) and A⁻¹ (p x p), so that
   * A⁻¹ u_h is cluster h's influence on the coefficients (svy.varcoef's estfun %*% Ainv, summed per cluster).
   */
  clusterScores: Float64Array;
  aInverse: Float64Array;
}

/** 1 / (1 + e^−x), without overflow. */
export function expit(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

const xlogx = (v: number) => (v > 0 ? v * Math.log(v) : 0);

/** The non-zero entries of a row-major matrix, row by row (compressed sparse rows). */
interface SparseRows {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

function sparseRows(matrix: Float64Array, m: number, p: number): SparseRows {
  let nnz = 0;
  for (let k = 0; k < m * p; k++) if (matrix[k] !== 0) nnz++;
  const start = new Int32Array(m + 1);
  const col = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let t = 0;
  for (let i = 0; i < m; i++) {
    start[i] = t;
    for (let j = 0; j < p; j++) {
      const v = matrix[i * p + j];
      if (v !== 0) {
        col[t] = j;
        val[t] = v;
        t++;
      }
    }
  }
  start[m] = t;
  return { start, col, val };
}

/**
 * The distinct rows of an n x p design: a hash of each row's bits, checked entry by entry, so that
 * equal rows (and only those) share a pattern.
 */
function distinctRows(design: Float64Array, n: number, p: number): { patterns: Float64Array; patternOf: Int32Array } {
  const bits = new Uint32Array(design.buffer, design.byteOffset, design.length * 2);
  const patternOf = new Int32Array(n);
  const firstRow: number[] = [];
  const byHash = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let hash = 0x811c9dc5;
    for (let k = 2 * i * p, end = 2 * (i + 1) * p; k < end; k++) hash = Math.imul(hash ^ bits[k], 0x01000193);
    let candidates = byHash.get(hash);
    let found = -1;
    if (candidates) {
      for (const c of candidates) {
        const r = firstRow[c] * p;
        let same = true;
        for (let j = 0; j < p && same; j++) if (design[r + j] !== design[i * p + j]) same = false;
        if (same) {
          found = c;
          break;
        }
      }
    } else byHash.set(hash, (candidates = []));
    if (found < 0) {
      found = firstRow.length;
      firstRow.push(i);
      candidates.push(found);
    }
    patternOf[i] = found;
  }
  const patterns = new Float64Array(firstRow.length * p);
  firstRow.forEach((row, k) => patterns.set(design.subarray(row * p, (row + 1) * p), k * p));
  return { patterns, patternOf };
}

interface Evaluation {
  /** Binomial deviance less the constant Σ w [y log y + (1 − y) log(1 − y)] (zero for 0/1 outcomes). */
  deviance: number;
  /** Score X'w(y − μ). */
  gradient: Float64Array;
  /** Information X' diag(w μ(1 − μ)) X (full, symmetric). */
  info: Float64Array;
}

/**
 * One pass over the patterns at coefficients beta, with W and WY the summed w and w·y of each:
 * the linear predictor (into eta), the deviance, the score and the information. With
 * e = exp(−|η|): μ = 1/(1 + e) or e/(1 + e), and log(1 + e^η) = max(η, 0) + log1p(e).
 */
function evaluate(x: SparseRows, p: number, beta: Float64Array, sumW: Float64Array, sumWY: Float64Array, eta: Float64Array): Evaluation {
  const gradient = new Float64Array(p);
  const info = new Float64Array(p * p);
  const { start, col, val } = x;
  let deviance = 0;
  for (let i = 0; i < eta.length; i++) {
    const s = start[i];
    const e = start[i + 1];
    let lp = 0;
    for (let t = s; t < e; t++) lp += val[t] * beta[col[t]];
    eta[i] = lp;
    const W = sumW[i];
    if (W === 0) continue;
    const WY = sumWY[i];
    const ex = Math.exp(-Math.abs(lp));
    const mu = lp >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
    // Σ w [y·log(1 + e^−η) + (1 − y)·log(1 + e^η)]
    deviance += (lp > 0 ? (W - WY) * lp : -WY * lp) + W * Math.log1p(ex);
    const r = WY - W * mu;
    const v = W * mu * (1 - mu);
    for (let a = s; a < e; a++) {
      const ja = col[a];
      const xa = val[a];
      gradient[ja] += r * xa;
      const va = v * xa;
      const row = ja * p;
      for (let b = s; b <= a; b++) info[row + col[b]] += va * val[b];
    }
  }
  // col is increasing within a row, so only the lower triangle (row >= column) was filled.
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) info[j * p + i] = info[i * p + j];
  return { deviance: 2 * deviance, gradient, info };
}

function checkRows(fn: string, n: number, p: number, y: ArrayLike<number>, w: Float64Array, cluster: Int32Array, columnNames?: string[]) {
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`${fn}: p must be a positive integer, got ${p}`);
  if (n === 0) throw new RangeError(`${fn}: no rows to fit (the input is empty)`);
  if (w.length !== n) throw new RangeError(`${fn}: ${w.length} weights for ${n} rows`);
  if (cluster.length !== n) throw new RangeError(`${fn}: ${cluster.length} cluster ids for ${n} rows`);
  if (columnNames && columnNames.length !== p) throw new RangeError(`${fn}: ${columnNames.length} column names for p = ${p} columns`);
  for (let i = 0; i < n; i++) {
    if (!(y[i] >= 0 && y[i] <= 1)) throw new RangeError(`${fn}: y must lie in [0, 1], row ${i} has ${y[i]}`);
    if (!(w[i] >= 0 && w[i] < Infinity)) throw new RangeError(`${fn}: weights must be finite and >= 0, row ${i} has ${w[i]}`);
    if (!(cluster[i] >= 0)) throw new RangeError(`${fn}: cluster ids must be >= 0, row ${i} has ${cluster[i]}`);
  }
}

function checkFinite(fn: string, what: string, matrix: Float64Array, p: number) {
  for (let k = 0; k < matrix.length; k++)
    if (!Number.isFinite(matrix[k])) throw new RangeError(`${fn}: ${what} entry (row ${Math.floor(k / p)}, column ${k % p}) is not finite (${matrix[k]})`);
}

/**
 * Fits the weighted logistic regression and its design-based variance (see the module comment).
 * Example: an intercept-only fit gives coefficients[0] = logit(p) of the weighted share p, and
 * vcov[0] = Var(p) / (p(1 − p))² with svymean's clustered Var(p).
 */
export function fitWeightedLogistic(input: WeightedLogisticInput, options: WeightedLogisticOptions = {}): WeightedLogisticFit {
  const { design, p, y, w, cluster, columnNames } = input;
  const n = y.length;
  checkRows('fitWeightedLogistic', n, p, y, w, cluster, columnNames);
  if (design.length !== n * p) throw new RangeError(`fitWeightedLogistic: the design has ${design.length} entries, expected rows x p = ${n} x ${p} = ${n * p}`);
  checkFinite('fitWeightedLogistic', 'design', design, p);
  const { patterns, patternOf } = distinctRows(design, n, p);
  return fitChecked('fitWeightedLogistic', { patterns, p, patternOf, y, w, cluster, columnNames }, options);
}

/** The same fit from the distinct covariate rows and each row's pattern index. */
export function fitWeightedLogisticGrouped(input: GroupedLogisticInput, options: WeightedLogisticOptions = {}): WeightedLogisticFit {
  const { patterns, p, patternOf, y, w, cluster, columnNames } = input;
  const n = y.length;
  checkRows('fitWeightedLogisticGrouped', n, p, y, w, cluster, columnNames);
  if (patterns.length === 0 || patterns.length % p !== 0) throw new RangeError(`fitWeightedLogisticGrouped: the pattern matrix has ${patterns.length} entries, not a positive multiple of p = ${p}`);
  if (patternOf.length !== n) throw new RangeError(`fitWeightedLogisticGrouped: ${patternOf.length} pattern indices for ${n} rows`);
  const m = patterns.length / p;
  for (let i = 0; i < n; i++) if (!(patternOf[i] >= 0 && patternOf[i] < m)) throw new RangeError(`fitWeightedLogisticGrouped: row ${i} has pattern ${patternOf[i]}, outside 0..${m - 1}`);
  checkFinite('fitWeightedLogisticGrouped', 'pattern', patterns, p);
  return fitChecked('fitWeightedLogisticGrouped', input, options);
}

function fitChecked(fn: string, input: GroupedLogisticInput, options: WeightedLogisticOptions): WeightedLogisticFit {
  const { patterns, p, patternOf, y, w, cluster } = input;
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 1e-10;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new RangeError(`${fn}: maxIterations must be a positive integer, got ${maxIterations}`);
  if (!(tolerance > 0 && tolerance < 1)) throw new RangeError(`${fn}: tolerance must be in (0, 1), got ${tolerance}`);
  const n = y.length;
  const m = patterns.length / p;
  const name = (j: number) => (input.columnNames ? `"${input.columnNames[j]}"` : `${j}`);

  // Clusters (those with rows: the n of the variance; with weight: the degrees of freedom) and
  // each pattern's summed weights.
  let maxId = 0;
  for (let i = 0; i < n; i++) if (cluster[i] > maxId) maxId = cluster[i];
  if (maxId > 4 * n + 1024) throw new RangeError(`${fn}: cluster ids must be numbered compactly (0..clusters − 1); the largest is ${maxId} for ${n} rows`);
  const present = new Uint8Array(maxId + 1);
  const weighted = new Uint8Array(maxId + 1);
  const sumW = new Float64Array(m);
  const sumWY = new Float64Array(m);
  let entropy = 0;
  for (let i = 0; i < n; i++) {
    const h = cluster[i];
    const wi = w[i];
    const yi = y[i];
    present[h] = 1;
    if (wi > 0) weighted[h] = 1;
    sumW[patternOf[i]] += wi;
    sumWY[patternOf[i]] += wi * yi;
    if (yi !== 0 && yi !== 1) entropy += wi * (xlogx(yi) + xlogx(1 - yi));
  }
  let clusters = 0;
  let weightedClusters = 0;
  for (let h = 0; h <= maxId; h++) {
    clusters += present[h];
    weightedClusters += weighted[h];
  }
  let totalW = 0;
  let totalWY = 0;
  for (let k = 0; k < m; k++) {
    totalW += sumW[k];
    totalWY += sumWY[k];
  }
  if (!(totalW > 0)) throw new RangeError(`${fn}: every weight is zero; there is nothing to fit`);
  if (weightedClusters < 2) throw new RangeError(`${fn}: a design-based variance needs at least two clusters with a positive weight, got ${weightedClusters}`);
  const ybar = totalWY / totalW;
  if (!(ybar > 0 && ybar < 1)) throw new RangeError(`${fn}: the outcome has no variation (every weighted row is ${ybar}); the model has no finite estimate`);

  const x = sparseRows(patterns, m, p);
  const factor = (info: Float64Array) => {
    try {
      return choleskyFactor(info, p);
    } catch (e) {
      if (e instanceof RankDeficiencyError)
        throw new RangeError(
          `${fn}: the design is rank-deficient: column ${name(e.column)} ${
            e.message.includes('is zero') ? 'has no rows with a positive weight (a level without data?)' : 'is a linear combination of the columns before it'
          }; drop it or merge levels`,
        );
      throw e;
    }
  };

  // Start at the weighted share when the first column is the intercept, else at 0.
  const beta = new Float64Array(p);
  let interceptFirst = true;
  for (let k = 0; k < m; k++) if (patterns[k * p] !== 1) interceptFirst = false;
  if (interceptFirst) beta[0] = Math.log(ybar / (1 - ybar));
  const eta = new Float64Array(m);
  let current = evaluate(x, p, beta, sumW, sumWY, eta);

  let iterations = 0;
  let converged = false;
  const trial = new Float64Array(p);
  while (iterations < maxIterations) {
    iterations++;
    const step = choleskySolve(factor(current.info), p, current.gradient);
    let scale = 1;
    let next = current;
    for (let halvings = 0; halvings <= 30; halvings++, scale /= 2) {
      for (let j = 0; j < p; j++) trial[j] = beta[j] + scale * step[j];
      next = evaluate(x, p, trial, sumW, sumWY, eta);
      // Accept a step that does not increase the deviance beyond rounding.
      if (Number.isFinite(next.deviance) && next.deviance <= current.deviance + 1e-12 * (Math.abs(current.deviance) + 1)) break;
    }
    if (!Number.isFinite(next.deviance)) throw new RangeError(`${fn}: the deviance became infinite; the data cannot be fitted`);
    let maxStep = 0;
    let maxBeta = 0;
    for (let j = 0; j < p; j++) {
      maxStep = Math.max(maxStep, Math.abs(trial[j] - beta[j]));
      beta[j] = trial[j];
      maxBeta = Math.max(maxBeta, Math.abs(beta[j]));
    }
    const deviance = next.deviance + 2 * entropy;
    const change = Math.abs(next.deviance - current.deviance) / (Math.abs(deviance) + 0.1);
    current = next;
    if (change < tolerance && maxStep <= Math.sqrt(tolerance) * (1 + maxBeta)) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    let extreme = false;
    for (let k = 0; k < m && !extreme; k++) if (sumW[k] > 0 && Math.abs(eta[k]) > 15) extreme = true;
    throw new RangeError(
      `${fn}: the fit did not converge in ${maxIterations} iterations${
        extreme
          ? '; fitted probabilities run to 0 or 1, so the outcome is separated (some level or combination has only positive or only negative outcomes) and a coefficient has no finite estimate'
          : ''
      }`,
    );
  }

  // Sandwich at the estimate: A⁻¹ B A⁻¹, B from the clusters' centred score totals. eta and the
  // information are those of the accepted (final) coefficients.
  const aInv = choleskyInverse(factor(current.info), p);
  const mu = Float64Array.from(eta, expit);
  const scores = new Float64Array((maxId + 1) * p);
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    const k = patternOf[i];
    const r = w[i] * (y[i] - mu[k]);
    const row = cluster[i] * p;
    for (let t = x.start[k]; t < x.start[k + 1]; t++) scores[row + x.col[t]] += r * x.val[t];
  }
  const mean = new Float64Array(p);
  for (let h = 0; h <= maxId; h++) if (present[h]) for (let j = 0; j < p; j++) mean[j] += scores[h * p + j];
  for (let j = 0; j < p; j++) mean[j] /= clusters;
  const meat = new Float64Array(p * p);
  const centred = new Float64Array(p);
  for (let h = 0; h <= maxId; h++) {
    if (!present[h]) continue;
    for (let j = 0; j < p; j++) centred[j] = scores[h * p + j] - mean[j];
    for (let a = 0; a < p; a++) {
      const ca = centred[a];
      if (ca === 0) continue;
      for (let b = 0; b <= a; b++) meat[a * p + b] += ca * centred[b];
    }
  }
  const scale = clusters / (clusters - 1);
  for (let a = 0; a < p; a++)
    for (let b = 0; b <= a; b++) {
      const v = meat[a * p + b] * scale;
      meat[a * p + b] = v;
      meat[b * p + a] = v;
    }
  const vcov = multiply(multiply(aInv, meat, p, p, p), aInv, p, p, p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b < a; b++) {
      const v = (vcov[a * p + b] + vcov[b * p + a]) / 2;
      vcov[a * p + b] = v;
      vcov[b * p + a] = v;
    }

  return {
    coefficients: Float64Array.from(beta),
    vcov,
    df: weightedClusters - 1 + 1 - p,
    iterations,
    converged,
    p,
    rows: n,
    clusters,
    weightedClusters,
    deviance: current.deviance + 2 * entropy,
    clusterScores: scores,
    aInverse: aInv,
  };
}

/**
 * The linear predictor at covariates x (length p, same coding as the design's rows) and its
 * standard error √(xᵀ V x): R's `predict(fit, newdata, type = "link", se.fit = TRUE)` on an svyglm
 * gives the same eta and SE.
 */
export function predictLink(fit: Pick<WeightedLogisticFit, 'coefficients' | 'vcov'>, x: ArrayLike<number>): { eta: number; se: number } {
  const p = fit.coefficients.length;
  if (x.length !== p) throw new RangeError(`predictLink: the covariate vector has ${x.length} entries, the model has ${p} coefficients`);
  let eta = 0;
  for (let j = 0; j < p; j++) {
    if (!Number.isFinite(x[j])) throw new RangeError(`predictLink: covariate ${j} is not finite (${x[j]})`);
    eta += x[j] * fit.coefficients[j];
  }
  return { eta, se: Math.sqrt(Math.max(0, quadraticForm(fit.vcov, p, x))) };
}

export interface PredictedShare {
  eta: number;
  /** SE on the logit (link) scale. */
  se: number;
  /** expit(eta): the predicted probability. */
  share: number;
  lower: number;
  upper: number;
  df: number;
  /** The quantile used: qt(1 − α/2, df). */
  criticalValue: number;
}

/**
 * The predicted probability at x with a Wald interval on the logit scale, transformed back:
 *   expit(eta ± t · se),  t = qt(1 − α/2, df)  with df = fit.df (svyglm's df.residual).
 * This is the Student t quantile that `summary()` and `confint()` of an svyglm use for the
 * coefficients (confint.svyglm's default ddf = df.residual); eta and se are R's
 * `predict(fit, newdata, type = "link", se.fit = TRUE)`. With thousands of respondents t is the
 * normal quantile to about 1e-4 relative. Throws a RangeError when df < 1.
 */
export function predictInterval(fit: Pick<WeightedLogisticFit, 'coefficients' | 'vcov' | 'df'>, x: ArrayLike<number>, confLevel = 0.95): PredictedShare {
  checkConfLevel('predictInterval', confLevel);
  if (!(fit.df >= 1)) throw new RangeError(`predictInterval: the model leaves ${fit.df} residual degrees of freedom; an interval needs at least 1`);
  const { eta, se } = predictLink(fit, x);
  const t = criticalValue(confLevel, fit.df);
  return { eta, se, share: expit(eta), lower: expit(eta - t * se), upper: expit(eta + t * se), df: fit.df, criticalValue: t };
}
