/**
 * Seeded random numbers for the reference-data generator (pure-rand's xoroshiro128+).
 * Every stream is derived from one seed by jumps (2^64 steps apart), so streams never overlap and
 * adding draws to one stream never shifts another.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

const TINY = 2 ** -54;
// pure-rand's uniformFloat64, inlined (same bits: 26 + 27 random bits -> a multiple of 2^-53).
const SCALE26 = 2 ** -26;
const SCALE53 = 2 ** -53;
const MASK26 = 0x3ffffff;
const MASK27 = 0x7ffffff;

export class Rng {
  private readonly g: JumpableRandomGenerator;
  private spare = NaN;

  /** Stream `stream` (0, 1, 2, ...) of seed `seed`. */
  constructor(seed: number, stream = 0) {
    this.g = xoroshiro128plus(seed);
    for (let k = 0; k < stream; k++) this.g.jump();
  }

  /** Uniform on (0, 1): never exactly 0, so logit() stays finite. */
  uniform(): number {
    const g = this.g;
    const u = (g.next() & MASK26) * SCALE26 + (g.next() & MASK27) * SCALE53;
    return u === 0 ? TINY : u;
  }

  /** Standard normal (Box-Muller, both values used in turn). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    const u1 = this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  /** Index k with probability probs[k] (probs sum to 1; the last index takes any rounding). */
  categorical(probs: readonly number[]): number {
    const u = this.uniform();
    let c = 0;
    for (let k = 0; k < probs.length - 1; k++) {
      c += probs[k];
      if (u < c) return k;
    }
    return probs.length - 1;
  }

  /** Integer in 0..n-1. */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }
}

export const logit = (p: number): number => Math.log(p / (1 - p));
export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Band of a standard-normal value given ascending cut points: 1 + number of cuts below z. */
export function bandOf(z: number, cuts: readonly number[]): number {
  let k = 1;
  for (const c of cuts) if (z > c) k++;
  return k;
}
