/**
 * The variance of an estimate under raked (calibrated) weights, as R's survey package computes it
 * for a design returned by `rake()` or `calibrate()`: the "g-weight residual" variance.
 *
 * A linearised estimate (a share, a ratio, a difference of two) has an influence value x_i per
 * respondent i of the whole raked sample (0 outside its domain): for a share p of domain d with
 * weights w and total W_d, x_i = w_i (y_i − p) / W_d. With fixed weights its variance is
 * N/(N−1) Σ (x_i − x̄)². Calibration removes the part of x that the raking margins explain, and the
 * variance is that of the residuals e_i (`svyrecvar`, called by `svymean`, `svyratio` and `svyglm`):
 *
 * - `rake()` (class "raking"): 10 backfitting sweeps over the margins, each
 *     x ← x − psw_m · ave(x / psw_m, margin m)
 *   where ave is the plain mean over the rows of the same level and psw_m are the weights right
 *   after margin m's step in the last raking sweep (the final weights divided by the factors of the
 *   later margins in that sweep: rake.ts `lastSweepFactors`).
 * - `calibrate(..., calfun = "raking", bounds = )` (class "greg_calibration", stage 0):
 *     e = qr.resid(qr(X √w₀), x / (g √w₀)) · g √w₀
 *   the residual of a regression on the margins' dummies X weighted by the base weights w₀, with
 *   g = w / w₀.
 *
 * Then Var = N/(N−1) Σ (e_i − ē)², N every row of the raked design (a domain is a subset that keeps
 * the design's rows: `[.survey.design2` on a calibrated design gives the rows outside zero weight).
 *
 * In both, e_i = x_i − w_i · h(k_i), where k_i is the joint cell of row i (its level on every
 * margin) and h a small vector over the cells. So nothing per row is needed beyond a few sums per
 * margin level of the domain's rows (see `CalibrationSums`), and the backfitting or regression runs
 * on those: the engine accumulates them in its pass over the data.
 */
import { jointCells } from './rake';
import { symmetricPseudoInverse } from './linearAlgebra';

export interface CalibrationDesign {
  method: 'rake' | 'bounded';
  /** N: rows of the whole raked design. */
  rows: number;
  /** Levels of each margin. */
  levels: number[];
  /** Slot of level c of margin m: offsets[m] + c (slots = Σ levels). */
  offsets: number[];
  slots: number;
  /** Joint cell of each row. */
  cellOf: Int32Array;
  cells: number;
  /** Each cell's level on each margin (cells x margins). */
  cellLevels: Int32Array;
  /** Rows, Σ w and Σ w² (final weights) per cell. */
  cellRows: Float64Array;
  cellW: Float64Array;
  cellW2: Float64Array;
  /**
   * Per cell and margin, the multipliers of a row's contribution to the two sums per level:
   *   u-sum: y·φ and φ with φ = phi[k, m] (rake: a count; bounded: times the row's weight)
   *   v-sum: y·ψ and ψ with ψ = w² · psi[k, m]
   */
  phi: Float64Array;
  psi: Float64Array;
  phiWeighted: boolean;
  /** Bounded: the pseudo-inverse of Xᵀ W₀ X over the columns intercept, levels 1.. of each margin. */
  gramInverse: Float64Array | null;
}

/** Rows' level indexes per margin (0 .. levels − 1, every row has one) and final weights. */
export interface MarginCodes {
  codes: ArrayLike<number>[];
  levels: number[];
}

function cellTables(weights: Float64Array, margins: MarginCodes) {
  const { cellOf, cells, levelsOf } = jointCells(margins.codes, margins.levels);
  const cellRows = new Float64Array(cells);
  const cellW = new Float64Array(cells);
  const cellW2 = new Float64Array(cells);
  for (let i = 0; i < weights.length; i++) {
    const k = cellOf[i];
    const w = weights[i];
    cellRows[k] += 1;
    cellW[k] += w;
    cellW2[k] += w * w;
  }
  const offsets: number[] = [];
  let slots = 0;
  for (const l of margins.levels) {
    offsets.push(slots);
    slots += l;
  }
  return { cellOf, cells, cellLevels: levelsOf, cellRows, cellW, cellW2, offsets, slots };
}

/** The design of `rake()`: its final weights and the last sweep's factors per margin level. */
export function rakingDesign(weights: Float64Array, margins: MarginCodes, lastSweepFactors: ArrayLike<number>[]): CalibrationDesign {
  const t = cellTables(weights, margins);
  const M = margins.levels.length;
  const phi = new Float64Array(t.cells * M);
  const psi = new Float64Array(t.cells * M);
  for (let k = 0; k < t.cells; k++) {
    // G_m(k): the product of the factors of the margins after m (1 for the last margin).
    let later = 1;
    for (let m = M - 1; m >= 0; m--) {
      phi[k * M + m] = later;
      psi[k * M + m] = 1 / later;
      later *= lastSweepFactors[m][t.cellLevels[k * M + m]];
    }
  }
  return { method: 'rake', rows: weights.length, levels: margins.levels, ...t, phi, psi, phiWeighted: false, gramInverse: null };
}

/** The design of `calibrate(..., calfun = "raking", bounds = )`: final and base weights. */
export function boundedDesign(weights: Float64Array, baseWeights: Float64Array, margins: MarginCodes): CalibrationDesign {
  const t = cellTables(weights, margins);
  const M = margins.levels.length;
  const cellBase = new Float64Array(t.cells);
  for (let i = 0; i < baseWeights.length; i++) cellBase[t.cellOf[i]] += baseWeights[i];
  const phi = new Float64Array(t.cells * M);
  const psi = new Float64Array(t.cells * M).fill(1);
  for (let k = 0; k < t.cells; k++) {
    // 1/g of the cell: every row of a cell has the same g = w / w₀.
    const inverseG = t.cellW[k] > 0 ? cellBase[k] / t.cellW[k] : 0;
    for (let m = 0; m < M; m++) phi[k * M + m] = inverseG;
  }
  const P = gramColumns(margins.levels);
  const gram = new Float64Array(P * P);
  for (let k = 0; k < t.cells; k++) {
    const cols = cellGramColumns(t.cellLevels, k, margins.levels);
    for (const a of cols) for (const b of cols) gram[a * P + b] += cellBase[k];
  }
  // qr.resid projects on the column space; its rank tolerance (1e-7) only matters for columns with no weight.
  return { method: 'bounded', rows: weights.length, levels: margins.levels, ...t, phi, psi, phiWeighted: true, gramInverse: symmetricPseudoInverse(gram, P, 1e-10) };
}

const gramColumns = (levels: number[]) => 1 + levels.reduce((s, l) => s + l - 1, 0);

/** Columns of cell k in the model matrix: 0 (intercept), then level c ≥ 1 of margin m. */
function cellGramColumns(cellLevels: Int32Array, k: number, levels: number[]): number[] {
  const M = levels.length;
  const cols = [0];
  let offset = 1;
  for (let m = 0; m < M; m++) {
    const c = cellLevels[k * M + m];
    if (c > 0) cols.push(offset + c - 1);
    offset += levels[m] - 1;
  }
  return cols;
}

/**
 * What the variance needs of one influence vector x, all as sums over rows:
 *   squares = Σ x_i², total = Σ x_i,
 *   u[slot] = Σ over the slot's rows of x_i · φ_i / w_i   (rake: x / psw_m; bounded: x / g)
 *   v[slot] = Σ over the slot's rows of x_i · w_i · ψ_i   (rake: x · psw_m; bounded: x · w)
 * For a share, x_i = w_i (y_i − p)/W, so u and v come from the domain's per-level sums of y·φ, φ,
 * y·ψ and ψ (`domainSums`); a difference of two estimates is the difference of their sums.
 */
export interface InfluenceSums {
  squares: number;
  total: number;
  u: Float64Array;
  v: Float64Array;
}

/** Per slot: Σ y·φ, Σ φ, Σ y·ψ, Σ ψ over a domain's rows (4 numbers per slot). */
export type CalibrationSums = Float64Array;

export const CALIBRATION_STRIDE = 4;

/** Adds one row (level cell k, weight w, outcome y) of a domain to its sums at `base` (a multiple of slots × 4). */
export function addCalibrationRow(design: CalibrationDesign, sums: Float64Array, base: number, k: number, w: number, y: number): void {
  const M = design.levels.length;
  const w2 = w * w;
  for (let m = 0; m < M; m++) {
    const j = k * M + m;
    const slot = base + (design.offsets[m] + design.cellLevels[j]) * CALIBRATION_STRIDE;
    const phi = design.phiWeighted ? w * design.phi[j] : design.phi[j];
    const psi = w2 * design.psi[j];
    sums[slot] += y * phi;
    sums[slot + 1] += phi;
    sums[slot + 2] += y * psi;
    sums[slot + 3] += psi;
  }
}

/**
 * u and v of a share p with total W over a domain whose sums start at `base` in `sums`, scaled by
 * `sign` and added to `into` (so a difference is two calls).
 */
export function addShareInfluence(design: CalibrationDesign, into: InfluenceSums, sums: Float64Array, base: number, p: number, W: number, sign: number): void {
  for (let s = 0; s < design.slots; s++) {
    const at = base + s * CALIBRATION_STRIDE;
    into.u[s] += (sign * (sums[at] - p * sums[at + 1])) / W;
    into.v[s] += (sign * (sums[at + 2] - p * sums[at + 3])) / W;
  }
}

/**
 * Adds one row's influence x (any linearised estimate: a model coefficient, a prediction) to `into`:
 * the row is in joint cell k with final weight w > 0 (a row of weight 0 has no influence: skip it).
 * The same sums as `addShareInfluence` builds from a domain's per-level sums, row by row.
 */
export function addInfluenceRow(design: CalibrationDesign, into: InfluenceSums, k: number, w: number, x: number): void {
  const M = design.levels.length;
  for (let m = 0; m < M; m++) {
    const j = k * M + m;
    const slot = design.offsets[m] + design.cellLevels[j];
    const phi = design.phiWeighted ? w * design.phi[j] : design.phi[j];
    into.u[slot] += (x * phi) / w;
    into.v[slot] += x * w * design.psi[j];
  }
  into.squares += x * x;
  into.total += x;
}

export function emptyInfluence(design: CalibrationDesign, squares = 0, total = 0): InfluenceSums {
  return { squares, total, u: new Float64Array(design.slots), v: new Float64Array(design.slots) };
}

/** The backfitting sweeps of svyrecvar for a "raking" design. */
const RAKING_SWEEPS = 10;

/**
 * The residual's coefficients: e_i = x_i − Σ_m coefficient[slot of i's level on m] · w_i ψ_m(k_i)/w_i²,
 * that is e_i = x_i − w_i h(k_i) with h(k) = Σ_m coefficient[..] · psi[k, m]; both are returned.
 */
function coefficients(design: CalibrationDesign, u: Float64Array): { coefficient: Float64Array; h: Float64Array } {
  const { cells, cellLevels, cellRows, phi, psi, offsets, levels } = design;
  const M = levels.length;
  const h = new Float64Array(cells);
  const coefficient = new Float64Array(design.slots);
  if (design.method === 'rake') {
    const rowsAt = new Float64Array(design.slots);
    for (let k = 0; k < cells; k++) for (let m = 0; m < M; m++) rowsAt[offsets[m] + cellLevels[k * M + m]] += cellRows[k];
    for (let sweep = 0; sweep < RAKING_SWEEPS; sweep++)
      for (let m = 0; m < M; m++) {
        // ave(x / psw_m) per level, x being the current residual: u less what earlier steps removed.
        const removed = new Float64Array(levels[m]);
        for (let k = 0; k < cells; k++) removed[cellLevels[k * M + m]] += cellRows[k] * phi[k * M + m] * h[k];
        const mean = new Float64Array(levels[m]);
        for (let c = 0; c < levels[m]; c++) {
          const rows = rowsAt[offsets[m] + c];
          mean[c] = rows > 0 ? (u[offsets[m] + c] - removed[c]) / rows : 0;
          coefficient[offsets[m] + c] += mean[c];
        }
        for (let k = 0; k < cells; k++) h[k] += mean[cellLevels[k * M + m]] * psi[k * M + m];
      }
    return { coefficient, h };
  }
  // Bounded: β = (Xᵀ W₀ X)⁺ Xᵀ W₀ r, with Xᵀ W₀ r read off u (the intercept's: every row, via margin 0).
  const P = gramColumns(levels);
  const b = new Float64Array(P);
  for (let c = 0; c < levels[0]; c++) b[0] += u[offsets[0] + c];
  let column = 1;
  for (let m = 0; m < M; m++) for (let c = 1; c < levels[m]; c++) b[column++] = u[offsets[m] + c];
  const inverse = design.gramInverse!;
  const beta = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    let s = 0;
    for (let j = 0; j < P; j++) s += inverse[i * P + j] * b[j];
    beta[i] = s;
  }
  // The intercept goes with margin 0's slots (every row has one level there), level 0 has no dummy.
  for (let c = 0; c < levels[0]; c++) coefficient[offsets[0] + c] = beta[0];
  column = 1;
  for (let m = 0; m < M; m++) for (let c = 1; c < levels[m]; c++) coefficient[offsets[m] + c] += beta[column++];
  for (let k = 0; k < cells; k++) {
    let s = 0;
    for (let m = 0; m < M; m++) s += coefficient[offsets[m] + cellLevels[k * M + m]] * psi[k * M + m];
    h[k] = s;
  }
  return { coefficient, h };
}

/**
 * Var(estimate) under the calibrated design, from the influence vector's sums (see the module
 * comment): N/(N−1) (Σ e² − (Σ e)²/N), Σ e² = Σ x² − 2 Σ x w h + Σ_k W2_k h(k)², Σ e = Σ x − Σ_k W_k h(k).
 */
export function calibratedVariance(design: CalibrationDesign, x: InfluenceSums): number {
  const N = design.rows;
  if (N < 2) return NaN;
  const { coefficient, h } = coefficients(design, x.u);
  let cross = 0;
  for (let slot = 0; slot < design.slots; slot++) cross += coefficient[slot] * x.v[slot];
  let quadratic = 0;
  let sumE = x.total;
  for (let k = 0; k < design.cells; k++) {
    quadratic += design.cellW2[k] * h[k] * h[k];
    sumE -= design.cellW[k] * h[k];
  }
  const squares = x.squares - 2 * cross + quadratic;
  const centred = squares - (sumE * sumE) / N;
  // The expansion cancels where the residuals vanish; rounding noise is not a variance.
  const variance = (N / (N - 1)) * centred;
  return variance <= 1e-14 * (N / (N - 1)) * x.squares ? 0 : variance;
}
