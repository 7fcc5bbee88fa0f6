/**
 * Raking with bounds on the ratio to the base weight ("trimming"), the same algorithm as R's
 * `survey::calibrate(design, list(~a, ~b, ...), population = list(...), calfun = "raking",
 * bounds = c(lo, hi))`, which calls `grake`:
 *
 * The calibration model has an intercept and a dummy for every level but the first of each margin;
 * the population vector holds the grand total and each of those levels' targets. With the linear
 * predictor u = x·η of a row, its ratio to the base weight is g = min(max(exp(u), lo), hi), and η
 * is found by Newton steps on the misfit  T − Σ_i w_i g_i x_i:
 *   Tmat = Σ_i w_i F'(u_i) x_i x_iᵀ,   η ← η + ginv(Tmat) · misfit,
 * halving a step whose g is not finite, until every |misfit_j| / (1 + |T_j|) < epsilon or after
 * `maxit` steps ("Calibration failed" in R). F'(u) is exp(u) where lo − 1 < u < hi − 1, else 0:
 * survey's `cal.raking$dF` compares u itself (not exp(u)) with the bounds less one, and this copies
 * it, so that the steps, not only the solution, are R's. When every level's target is more than 20
 * times its sample total, the base weights are first scaled by the mean of those ratios, as grake does.
 *
 * Both the margins and the bounds hold at the solution: unlike clipping the raked weights and raking
 * again, it never leaves a weight outside the bounds. Rows of one joint cell (one level on every
 * margin) share x, so everything is computed on the cells' base-weight totals.
 */
import { jointCells, type RakeMargin } from './rake';
import { symmetricPseudoInverse } from './linearAlgebra';

export interface BoundedRakeOptions {
  /** Bounds on g = raked / base weight, lo < 1 < hi (for example 0.3 and 3). */
  bounds: [number, number];
  /** Newton steps allowed (calibrate's maxit). Default 50, as calibrate. */
  maxit?: number;
  /** Largest |misfit| / (1 + |target|) accepted (calibrate's epsilon). Default 1e-7, as calibrate. */
  epsilon?: number;
}

export interface BoundedRakeResult {
  weights: Float64Array;
  /** Newton steps taken (R's iter). */
  iterations: number;
  converged: boolean;
  /** The largest |misfit| / (1 + |target|) at the end. */
  misfit: number;
}

export function boundedRake(baseWeights: Float64Array, margins: RakeMargin[], options: BoundedRakeOptions): BoundedRakeResult {
  const [lo, hi] = options.bounds;
  const maxit = options.maxit ?? 50;
  const epsilon = options.epsilon ?? 1e-7;
  if (!(lo < 1 && hi > 1 && lo >= 0)) throw new Error(`boundedRake: bounds must satisfy 0 <= lo < 1 < hi, got ${lo}, ${hi}`);
  if (margins.length === 0) throw new Error('boundedRake: needs at least one margin');
  const n = baseWeights.length;
  const levels = margins.map((m) => m.targets.length);
  margins.forEach((m, v) => {
    if (m.codes.length !== n) throw new Error(`boundedRake: margin ${v} has ${m.codes.length} codes for ${n} rows`);
  });
  const { cellOf, cells, levelsOf } = jointCells(margins.map((m) => m.codes), levels);
  const M = margins.length;
  // Columns: intercept, then levels 1.. of each margin.
  const offsets: number[] = [];
  let P = 1;
  for (const l of levels) {
    offsets.push(P - 1);
    P += l - 1;
  }
  const columnsOf = (k: number): number[] => {
    const cols = [0];
    for (let v = 0; v < M; v++) {
      const c = levelsOf[k * M + v];
      if (c > 0) cols.push(offsets[v] + c);
    }
    return cols;
  };
  const cellColumns = Array.from({ length: cells }, (_, k) => columnsOf(k));
  let cellBase = new Float64Array(cells);
  for (let i = 0; i < n; i++) cellBase[cellOf[i]] += baseWeights[i];

  const population = new Float64Array(P);
  population[0] = margins[0].targets.reduce((a, b) => a + b, 0);
  margins.forEach((m, v) => m.targets.forEach((t, c) => c > 0 && (population[offsets[v] + c] = t)));
  const sampleTotal = (base: Float64Array) => {
    const s = new Float64Array(P);
    for (let k = 0; k < cells; k++) for (const j of cellColumns[k]) s[j] += base[k];
    return s;
  };
  let sample = sampleTotal(cellBase);
  // A level with no sample weight and a zero target carries no information: R drops its column.
  const active = Array.from({ length: P }, (_, j) => !(sample[j] === 0 && population[j] === 0));
  for (let j = 0; j < P; j++) if (sample[j] === 0 && population[j] > 0) throw new Error(`boundedRake: column ${j} has target ${population[j]} but no sample weight`);

  let scale: number | null = null;
  const scales = population.map((t, j) => (active[j] ? t / sample[j] : Infinity));
  if (Math.min(...scales) > 20) {
    const used = scales.filter((_, j) => active[j]);
    scale = used.reduce((a, b) => a + b, 0) / used.length;
    cellBase = cellBase.map((w) => w * scale!);
    sample = sample.map((s) => s * scale!);
  }

  const Fm1 = (u: number) => Math.min(Math.max(Math.exp(u), lo), hi) - 1;
  const dF = (u: number) => (u < hi - 1 && u > lo - 1 ? Math.exp(u) : 0);
  const eta = new Float64Array(P);
  const xeta = new Float64Array(cells);
  const linear = () => {
    for (let k = 0; k < cells; k++) {
      let u = 0;
      for (const j of cellColumns[k]) u += eta[j];
      xeta[k] = u;
    }
  };
  const misfitOf = (): Float64Array => {
    const m = Float64Array.from(population);
    for (let j = 0; j < P; j++) m[j] -= sample[j];
    for (let k = 0; k < cells; k++) {
      const f = cellBase[k] * Fm1(xeta[k]);
      for (const j of cellColumns[k]) m[j] -= f;
    }
    return m;
  };
  const finite = () => {
    for (let k = 0; k < cells; k++) if (!Number.isFinite(Fm1(xeta[k])) || !Number.isFinite(dF(xeta[k]))) return false;
    return true;
  };

  let iterations = 1;
  let converged = false;
  let achieved = Infinity;
  for (;;) {
    const tmat = new Float64Array(P * P);
    for (let k = 0; k < cells; k++) {
      const d = cellBase[k] * dF(xeta[k]);
      if (d === 0) continue;
      for (const a of cellColumns[k]) for (const b of cellColumns[k]) tmat[a * P + b] += d;
    }
    let misfit = misfitOf();
    const step = reduced(symmetricPseudoInverse(pick(tmat, active, P), active.filter(Boolean).length), misfit, active);
    for (let j = 0; j < P; j++) eta[j] += step[j];
    linear();
    while (iterations < maxit && !finite()) {
      iterations++;
      for (let j = 0; j < P; j++) {
        step[j] /= 2;
        eta[j] -= step[j];
      }
      linear();
    }
    misfit = misfitOf();
    achieved = 0;
    for (let j = 0; j < P; j++) if (active[j]) achieved = Math.max(achieved, Math.abs(misfit[j]) / (1 + Math.abs(population[j])));
    if (achieved < epsilon) {
      converged = true;
      break;
    }
    iterations++;
    if (iterations > maxit) break;
  }
  const factor = new Float64Array(cells);
  for (let k = 0; k < cells; k++) factor[k] = (1 + Fm1(xeta[k])) * (scale ?? 1);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = baseWeights[i] * factor[cellOf[i]];
  return { weights, iterations, converged, misfit: achieved };
}

/** The rows and columns of a P x P matrix that are active. */
function pick(a: Float64Array, active: boolean[], P: number): Float64Array {
  const idx = active.flatMap((on, j) => (on ? [j] : []));
  const out = new Float64Array(idx.length * idx.length);
  idx.forEach((i, r) => idx.forEach((j, c) => (out[r * idx.length + c] = a[i * P + j])));
  return out;
}

/** inverse · (misfit on the active columns), spread back to all P columns (0 on inactive ones). */
function reduced(inverse: Float64Array, misfit: Float64Array, active: boolean[]): Float64Array {
  const idx = active.flatMap((on, j) => (on ? [j] : []));
  const out = new Float64Array(active.length);
  idx.forEach((i, r) => {
    let s = 0;
    idx.forEach((j, c) => (s += inverse[r * idx.length + c] * misfit[j]));
    out[i] = s;
  });
  return out;
}
