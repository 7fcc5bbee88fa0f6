/** Small weighted-share helpers used by the generator's own target checks. */

/** The z of a two-sided 95% interval, as the brief fixes it. */
export const Z95 = 1.959964;

/** Lower bound of the Wilson score interval with n replaced by an effective base. */
export function wilsonLower(p: number, nEff: number, z = Z95): number {
  const z2 = z * z;
  const denom = 1 + z2 / nEff;
  const centre = (p + z2 / (2 * nEff)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / nEff + z2 / (4 * nEff * nEff));
  return centre - half;
}

/** Accumulates a weighted share: sum of weights, of weights of positives, and of squared weights. */
export class ShareAcc {
  n = 0;
  sw = 0;
  swPos = 0;
  sw2 = 0;
  add(w: number, positive: boolean): void {
    this.n++;
    this.sw += w;
    this.sw2 += w * w;
    if (positive) this.swPos += w;
  }
  get share(): number {
    return this.swPos / this.sw;
  }
  /** Kish effective base (sum w)^2 / sum w^2. */
  get nEff(): number {
    return (this.sw * this.sw) / this.sw2;
  }
  get lower(): number {
    return wilsonLower(this.share, this.nEff);
  }
}

export interface TargetCheck {
  id: string;
  what: string;
  /** Published or required value, as text ("46", "62-75", "> 50"). */
  required: string;
  /** Achieved value, as text. */
  achieved: string;
  ok: boolean;
}

export const pct = (p: number, digits = 2): string => (100 * p).toFixed(digits);

export function kishDeff(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    s2 += weights[i] * weights[i];
  }
  return (weights.length * s2) / (s * s);
}

/** Throws with every failed check listed. */
export function assertChecks(study: string, checks: TargetCheck[]): void {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length)
    throw new Error(
      `${study}: ${failed.length} target(s) missed:\n` + failed.map((c) => `  ${c.id} ${c.what}: required ${c.required}, achieved ${c.achieved}`).join('\n'),
    );
}
