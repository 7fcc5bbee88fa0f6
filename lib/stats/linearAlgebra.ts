/**
 * Small dense linear algebra for the model fits (p of a few dozen at most): symmetric
 * positive-definite matrices stored row-major in Float64Arrays.
 *
 * `choleskyFactor` checks the rank on the scale of each column: after the diagonal scaling
 * D^{-1/2} A D^{-1/2}, a pivot below `tolerance` means that column is (numerically) a linear
 * combination of the columns before it; a zero diagonal (a column of zeros) is caught the same way.
 * Such a matrix is reported as a `RankDeficiencyError` naming the column, not factorised.
 */

export class RankDeficiencyError extends RangeError {
  constructor(
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = 'RankDeficiencyError';
  }
}

/** Relative pivot below which a column counts as linearly dependent on the earlier ones. */
export const DEFAULT_RANK_TOLERANCE = 1e-10;

/**
 * Lower-triangular Cholesky factor L (row-major p x p, zeros above the diagonal) of a symmetric
 * positive-definite matrix A = L Lᵀ. Only the lower triangle of `a` is read.
 * Throws a RankDeficiencyError when A is singular or nearly so (see the module comment), and a
 * RangeError when the size does not match or an entry is not finite.
 */
export function choleskyFactor(a: Float64Array, p: number, tolerance = DEFAULT_RANK_TOLERANCE): Float64Array {
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`choleskyFactor: p must be a positive integer, got ${p}`);
  if (a.length !== p * p) throw new RangeError(`choleskyFactor: expected ${p * p} entries for a ${p} x ${p} matrix, got ${a.length}`);
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const ajj = a[j * p + j];
    if (!Number.isFinite(ajj)) throw new RangeError(`choleskyFactor: entry (${j}, ${j}) is not finite (${ajj})`);
    let d = ajj;
    for (let k = 0; k < j; k++) d -= l[j * p + k] * l[j * p + k];
    if (!(ajj > 0) || !(d > tolerance * ajj)) {
      throw new RankDeficiencyError(
        j,
        ajj > 0
          ? `column ${j} is a linear combination of the columns before it (relative pivot ${d / ajj})`
          : `column ${j} is zero: it has no weight in the data`,
      );
    }
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      if (!Number.isFinite(s)) throw new RangeError(`choleskyFactor: entry (${i}, ${j}) is not finite (${s})`);
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L Lᵀ x = b for x, given the Cholesky factor L (row-major p x p). Returns a new array. */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  if (b.length !== p) throw new RangeError(`choleskySolve: right-hand side has ${b.length} entries, expected ${p}`);
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * x[k];
    x[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}

/** A⁻¹ (row-major p x p, exactly symmetric) from the Cholesky factor L of A. */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, p, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i];
  }
  // Symmetrise (the two triangles differ only by rounding).
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      const v = (inv[i * p + j] + inv[j * p + i]) / 2;
      inv[i * p + j] = v;
      inv[j * p + i] = v;
    }
  return inv;
}

/** The inverse of a symmetric positive-definite matrix; throws a RankDeficiencyError if it is singular. */
export function invertSymmetricPositiveDefinite(a: Float64Array, p: number, tolerance = DEFAULT_RANK_TOLERANCE): Float64Array {
  return choleskyInverse(choleskyFactor(a, p, tolerance), p);
}

/** Product C = A B of row-major matrices, A m x k and B k x n. */
export function multiply(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  if (a.length !== m * k || b.length !== k * n) throw new RangeError(`multiply: sizes do not match (${a.length} vs ${m}x${k}, ${b.length} vs ${k}x${n})`);
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let t = 0; t < k; t++) {
      const ait = a[i * k + t];
      if (ait === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += ait * b[t * n + j];
    }
  return c;
}

/** The quadratic form xᵀ A x for a row-major p x p matrix A. */
export function quadraticForm(a: Float64Array, p: number, x: ArrayLike<number>): number {
  if (a.length !== p * p || x.length !== p) throw new RangeError(`quadraticForm: sizes do not match (${a.length} entries, vector of ${x.length}, p = ${p})`);
  let s = 0;
  for (let i = 0; i < p; i++) {
    let row = 0;
    for (let j = 0; j < p; j++) row += a[i * p + j] * x[j];
    s += x[i] * row;
  }
  return s;
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations (p of a few dozen
 * at most). Returns the eigenvalues and the eigenvectors as the columns of a row-major p x p matrix.
 */
export function symmetricEigen(a: Float64Array, p: number): { values: Float64Array; vectors: Float64Array } {
  if (a.length !== p * p) throw new RangeError(`symmetricEigen: expected ${p * p} entries for a ${p} x ${p} matrix, got ${a.length}`);
  const m = Float64Array.from(a);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        if (i !== j) off += m[i * p + j] * m[i * p + j];
        scale += m[i * p + j] * m[i * p + j];
      }
    if (off <= 1e-30 * scale || off === 0) break;
    for (let r = 0; r < p - 1; r++)
      for (let s = r + 1; s < p; s++) {
        const ars = m[r * p + s];
        if (ars === 0) continue;
        const theta = (m[s * p + s] - m[r * p + r]) / (2 * ars);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < p; k++) {
          const mkr = m[k * p + r];
          const mks = m[k * p + s];
          m[k * p + r] = c * mkr - sn * mks;
          m[k * p + s] = sn * mkr + c * mks;
        }
        for (let k = 0; k < p; k++) {
          const mrk = m[r * p + k];
          const msk = m[s * p + k];
          m[r * p + k] = c * mrk - sn * msk;
          m[s * p + k] = sn * mrk + c * msk;
        }
        for (let k = 0; k < p; k++) {
          const vkr = v[k * p + r];
          const vks = v[k * p + s];
          v[k * p + r] = c * vkr - sn * vks;
          v[k * p + s] = sn * vkr + c * vks;
        }
      }
  }
  const values = new Float64Array(p);
  for (let i = 0; i < p; i++) values[i] = m[i * p + i];
  return { values, vectors: v };
}

/**
 * The Moore-Penrose inverse of a symmetric positive semi-definite matrix, as R's `MASS::ginv`
 * computes it: eigenvalues at or below `tolerance` times the largest count as zero (ginv's default
 * tolerance is √ε; survey's calibration passes 256·ε).
 */
export function symmetricPseudoInverse(a: Float64Array, p: number, tolerance = 256 * Number.EPSILON): Float64Array {
  const { values, vectors } = symmetricEigen(a, p);
  const largest = Math.max(0, ...values);
  const out = new Float64Array(p * p);
  for (let e = 0; e < p; e++) {
    if (!(values[e] > tolerance * largest)) continue;
    const inv = 1 / values[e];
    for (let i = 0; i < p; i++) {
      const vi = vectors[i * p + e] * inv;
      if (vi === 0) continue;
      for (let j = 0; j < p; j++) out[i * p + j] += vi * vectors[j * p + e];
    }
  }
  return out;
}
