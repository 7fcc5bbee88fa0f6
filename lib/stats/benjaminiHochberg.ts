/**
 * Benjamini–Hochberg false discovery rate adjustment, exactly R's `p.adjust(p, method = "BH")`:
 *
 *   sort p decreasingly, q_(k) = min_{j ≥ k} min(1, n/j · p_(j)),   returned in the input order
 *
 * (the same operations as R: `pmin(1, cummin(n/i * p[o]))[order(o)]`). Ties get equal values.
 * Throws a RangeError if a value is NaN or outside [0, 1] (R would silently drop NAs from n).
 * Example: benjaminiHochberg([0.01, 0.04, 0.03]) -> [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const n = pValues.length;
  pValues.forEach((p, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new RangeError(`benjaminiHochberg: p-value at index ${i} must be in [0, 1], got ${p}`);
    }
  });
  // indices by decreasing p; Array.prototype.sort is stable, like R's order()
  const order = pValues.map((_, i) => i).sort((x, y) => pValues[y] - pValues[x]);
  const adjusted = new Array<number>(n);
  let running = Infinity;
  for (let k = 0; k < n; k++) {
    const i = n - k; // rank of the k-th largest p
    const idx = order[k];
    running = Math.min(running, (n / i) * pValues[idx]);
    adjusted[idx] = Math.min(1, running);
  }
  return adjusted;
}
