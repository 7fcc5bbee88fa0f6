/** Shared argument checks for lib/stats (internal; not re-exported from index.ts). */
import type { CellSums } from './cellSums';

/** Throws a RangeError unless `confLevel` is a number strictly between 0 and 1. */
export function checkConfLevel(fn: string, confLevel: number): void {
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    throw new RangeError(`${fn}: confLevel must be strictly between 0 and 1, got ${confLevel}`);
  }
}

/** Throws a RangeError unless `p` is a share in [0, 1]. */
export function checkShare(fn: string, name: string, p: number): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new RangeError(`${fn}: ${name} must be a share in [0, 1], got ${p}`);
  }
}

/** Throws a RangeError if the sums are not finite and non-negative, or the cell has a zero base. */
export function checkBase(fn: string, s: CellSums): void {
  for (const k of ['n', 'sumW', 'sumWY', 'sumW2', 'sumW2Y'] as const) {
    const v = s[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`${fn}: invalid cell sums (${k} = ${v})`);
    }
  }
  if (s.n === 0 || s.sumW === 0) {
    throw new RangeError(
      `${fn}: zero base (the cell has ${s.n} respondents and total weight ${s.sumW}); a share is undefined`,
    );
  }
}
