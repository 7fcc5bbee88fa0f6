/**
 * Raking (iterative proportional fitting), the same algorithm as R's `survey::rake`.
 *
 * One sweep post-stratifies on each margin in turn, in the order given:
 *   w_i <- w_i * T[v][c] / (sum of w_j over rows j with level c on margin v).
 * After each sweep the weighted joint table of all margins (every observed combination of levels)
 * is compared with the table before the sweep; raking stops when the largest absolute change in any
 * cell is below epsilon, or after `maxit` sweeps. As in `survey::rake`, an epsilon below 1 is
 * relative: the absolute tolerance is epsilon * (sum of the base weights). The last margin is hit
 * exactly; the others to within the tolerance.
 */

export interface RakeMargin {
  /** codes[i] is the level index (0-based integer) of row i on this margin. */
  codes: ArrayLike<number>;
  /** Population totals per level index (not shares). */
  targets: number[];
}

export interface RakeOptions {
  /** Maximum number of sweeps (survey::rake's control$maxit). Default 100. */
  maxit?: number;
  /** Convergence tolerance; below 1 it is relative to the sum of the base weights. Default 1e-10. */
  epsilon?: number;
}

export interface RakeResult {
  weights: Float64Array;
  /** Number of sweeps performed (the converging sweep included). */
  iterations: number;
  converged: boolean;
  /**
   * The factor each level of each margin was multiplied by in the last sweep (margin, then level
   * index). R keeps the weights after each margin's step of that sweep with the design
   * (`attr(postStrata[[m]], "weights")`) and its variance projects on them: the weights after
   * margin m are the final weights divided by the factors of the margins after m (calibratedVariance.ts).
   */
  lastSweepFactors: Float64Array[];
}

export function rake(baseWeights: Float64Array, margins: RakeMargin[], opts: RakeOptions = {}): RakeResult {
  const n = baseWeights.length;
  const maxit = opts.maxit ?? 100;
  const epsilonOpt = opts.epsilon ?? 1e-10;
  if (!(maxit >= 1) || !Number.isInteger(maxit)) throw new Error(`rake: maxit must be a positive integer, got ${maxit}`);
  if (!(epsilonOpt > 0)) throw new Error(`rake: epsilon must be positive, got ${epsilonOpt}`);
  if (margins.length === 0) throw new Error('rake: needs at least one margin');

  let baseTotal = 0;
  for (let i = 0; i < n; i++) {
    const w = baseWeights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`rake: base weight of row ${i} is ${w}; weights must be finite and >= 0`);
    baseTotal += w;
  }
  const epsilon = epsilonOpt < 1 ? epsilonOpt * baseTotal : epsilonOpt;

  // Validate margins and copy codes into compact integer arrays.
  const codeArrays: Int32Array[] = margins.map((m, v) => {
    if (m.codes.length !== n) throw new Error(`rake: margin ${v} has ${m.codes.length} codes for ${n} rows`);
    const L = m.targets.length;
    if (L === 0) throw new Error(`rake: margin ${v} has no targets`);
    m.targets.forEach((t, c) => {
      if (!(t >= 0) || !Number.isFinite(t)) throw new Error(`rake: margin ${v} level ${c} has target ${t}; targets must be finite and >= 0`);
    });
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = m.codes[i];
      if (!Number.isInteger(c) || c < 0 || c >= L) throw new Error(`rake: row ${i} has level ${c} on margin ${v}, which has no target (levels 0..${L - 1})`);
      out[i] = c;
    }
    return out;
  });

  // Rows of one joint cell (one level on every margin) are always multiplied by the same factors,
  // so the sweeps run on the cells' weight totals and each row takes its cell's product of factors
  // at the end: the same arithmetic as R's row-by-row post-stratification, in O(cells) per sweep.
  const { cellOf, cells, levelsOf } = jointCells(codeArrays, margins.map((m) => m.targets.length));
  const nMargins = margins.length;
  const table = new Float64Array(cells);
  for (let i = 0; i < n; i++) table[cellOf[i]] += baseWeights[i];
  const factorOfCell = new Float64Array(cells).fill(1);
  const previous = new Float64Array(cells);

  let iterations = 0;
  let converged = false;
  const lastSweepFactors = margins.map((m) => new Float64Array(m.targets.length));
  while (iterations < maxit) {
    iterations++;
    previous.set(table);
    for (let v = 0; v < nMargins; v++) {
      const targets = margins[v].targets;
      const totals = new Float64Array(targets.length);
      for (let k = 0; k < cells; k++) totals[levelsOf[k * nMargins + v]] += table[k];
      const factor = new Float64Array(targets.length);
      for (let c = 0; c < targets.length; c++) {
        if (totals[c] > 0) factor[c] = targets[c] / totals[c];
        else if (targets[c] > 0) throw new Error(`rake: margin ${v} level ${c} has target ${targets[c]} but no sample weight`);
        else factor[c] = 0;
      }
      for (let k = 0; k < cells; k++) {
        const f = factor[levelsOf[k * nMargins + v]];
        table[k] *= f;
        factorOfCell[k] *= f;
      }
      lastSweepFactors[v] = factor;
    }
    let delta = 0;
    for (let k = 0; k < cells; k++) {
      const d = Math.abs(previous[k] - table[k]);
      if (d > delta) delta = d;
    }
    if (delta < epsilon) {
      converged = true;
      break;
    }
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = baseWeights[i] * factorOfCell[cellOf[i]];
  return { weights, iterations, converged, lastSweepFactors };
}

/** The joint cell of every row over several margins: a dense id per observed combination of levels. */
export interface JointCells {
  /** Row -> cell id (0 .. cells - 1), numbered in order of first appearance. */
  cellOf: Int32Array;
  cells: number;
  /** Cell id -> its level on each margin (cells x margins, row-major). */
  levelsOf: Int32Array;
}

/** Joint cells of rows whose level on margin v is codes[v][i] (0 .. levels[v] - 1). */
export function jointCells(codes: ArrayLike<number>[], levels: number[]): JointCells {
  const n = codes.length ? codes[0].length : 0;
  const m = codes.length;
  const cellOf = new Int32Array(n);
  const firstRow: number[] = [];
  let radix = 1;
  for (const l of levels) radix *= l;
  if (radix <= 1 << 22) {
    const lookup = new Int32Array(radix).fill(-1);
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (let v = 0; v < m; v++) k = k * levels[v] + codes[v][i];
      if (lookup[k] < 0) {
        lookup[k] = firstRow.length;
        firstRow.push(i);
      }
      cellOf[i] = lookup[k];
    }
  } else {
    const index = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = codes.map((a) => a[i]).join(',');
      let id = index.get(key);
      if (id === undefined) {
        id = firstRow.length;
        index.set(key, id);
        firstRow.push(i);
      }
      cellOf[i] = id;
    }
  }
  const levelsOf = new Int32Array(firstRow.length * m);
  firstRow.forEach((row, k) => {
    for (let v = 0; v < m; v++) levelsOf[k * m + v] = codes[v][row];
  });
  return { cellOf, cells: firstRow.length, levelsOf };
}
