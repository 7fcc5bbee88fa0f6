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

  // Joint cell of each row: a dense id over the observed combinations of levels.
  const cellOf = new Int32Array(n);
  let radix = 1;
  for (const m of margins) radix *= m.targets.length;
  let nCells = 0;
  if (radix <= 1 << 22) {
    const lookup = new Int32Array(radix).fill(-1);
    for (let i = 0; i < n; i++) {
      let k = 0;
      for (let v = 0; v < codeArrays.length; v++) k = k * margins[v].targets.length + codeArrays[v][i];
      if (lookup[k] < 0) lookup[k] = nCells++;
      cellOf[i] = lookup[k];
    }
  } else {
    const cellIndex = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = codeArrays.map((a) => a[i]).join(',');
      let id = cellIndex.get(key);
      if (id === undefined) {
        id = nCells++;
        cellIndex.set(key, id);
      }
      cellOf[i] = id;
    }
  }

  const w = Float64Array.from(baseWeights);
  const jointTable = (out: Float64Array) => {
    out.fill(0);
    for (let i = 0; i < n; i++) out[cellOf[i]] += w[i];
  };
  let oldTable = new Float64Array(nCells);
  let newTable = new Float64Array(nCells);
  jointTable(oldTable);

  let iterations = 0;
  let converged = false;
  while (iterations < maxit) {
    iterations++;
    for (let v = 0; v < margins.length; v++) {
      const codes = codeArrays[v];
      const targets = margins[v].targets;
      const totals = new Float64Array(targets.length);
      for (let i = 0; i < n; i++) totals[codes[i]] += w[i];
      const factor = new Float64Array(targets.length);
      for (let c = 0; c < targets.length; c++) {
        if (totals[c] > 0) factor[c] = targets[c] / totals[c];
        else if (targets[c] > 0) throw new Error(`rake: margin ${v} level ${c} has target ${targets[c]} but no sample weight`);
        else factor[c] = 0;
      }
      for (let i = 0; i < n; i++) w[i] *= factor[codes[i]];
    }
    jointTable(newTable);
    let delta = 0;
    for (let k = 0; k < nCells; k++) {
      const d = Math.abs(oldTable[k] - newTable[k]);
      if (d > delta) delta = d;
    }
    if (delta < epsilon) {
      converged = true;
      break;
    }
    const t = oldTable;
    oldTable = newTable;
    newTable = t;
  }
  return { weights: w, iterations, converged };
}

