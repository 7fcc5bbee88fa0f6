/**
 * One-parameter calibration against fixed random draws.
 *
 * Every calibrated outcome has the form "positive iff theta > t[k]", where t[k] is a row's fixed
 * threshold (logit of its uniform draw minus the rest of its linear predictor). The weighted share
 * of positives is then a step function of theta. `solveThreshold` finds the step whose share is
 * closest to the target and returns the midpoint of that step, so the answer does not sit on a
 * discontinuity (tiny floating-point differences cannot flip a row).
 */

export interface Solved {
  theta: number;
  /** Weighted share of positives at theta. */
  share: number;
}

export function solveThreshold(t: ArrayLike<number>, w: ArrayLike<number>, target: number): Solved {
  const n = t.length;
  if (n < 2) throw new Error('solveThreshold: needs at least two rows');
  const idx = new Uint32Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  idx.sort((a, b) => t[a] - t[b] || a - b);
  let total = 0;
  for (let k = 0; k < n; k++) total += w[k];
  let cum = 0;
  let best = -1;
  let bestErr = Infinity;
  let bestShare = NaN;
  for (let m = 1; m < n; m++) {
    cum += w[idx[m - 1]];
    if (!(t[idx[m - 1]] < t[idx[m]])) continue;
    const share = cum / total;
    const err = Math.abs(share - target);
    if (err < bestErr) {
      bestErr = err;
      best = m;
      bestShare = share;
    }
  }
  if (best < 0) throw new Error('solveThreshold: no separable step');
  return { theta: (t[idx[best - 1]] + t[idx[best]]) / 2, share: bestShare };
}
