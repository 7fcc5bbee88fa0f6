import type { ItemColumn } from '../survey/dataset';

/**
 * The data-type tier, one rule for every page: OK to use, grey zone (consumers differ) or no-go.
 * The findings, the summary's headlines, the explorer's data-type and bond views and the planner
 * all classify through this module, so they cannot disagree.
 */
export type Tier = 'ok' | 'grey' | 'nogo';

export const TIERS: readonly Tier[] = ['ok', 'grey', 'nogo'];

/** A codebook's `meta.tier` as a tier, or undefined when it holds anything else. */
export const asTier = (value: string | undefined): Tier | undefined => (TIERS.includes(value as Tier) ? (value as Tier) : undefined);

/**
 * The tier of a data type from its answers: "ok" when the Wilson lower bound of the OK share is
 * above 50%, "nogo" when that of the not-OK share is, "grey" (consumers differ) otherwise. An item
 * whose scale has no not-OK side (see negativeCodes) can only be "ok" or "grey".
 */
export function classifyTier(okShare: { ci: { lower: number } | null }, notOkShare: { ci: { lower: number } | null } | null): Tier {
  if (okShare.ci && okShare.ci.lower > 0.5) return 'ok';
  if (notOkShare?.ci && notOkShare.ci.lower > 0.5) return 'nogo';
  return 'grey';
}

/**
 * The not-OK side of an answer scale: the answers at the other end from the positive ones, as
 * many as there are positive answers (never one of them). OK / depends / not OK with OK positive
 * gives "not OK" (study G's "3"); a 5-point scale with the top two boxes positive gives the bottom
 * two, whichever end the scale starts at; yes/no gives no. Positive answers that do not sit at one
 * end (the middle, or both ends) leave no not-OK side: an empty list.
 */
export function negativeCodes(codes: readonly string[], positive: readonly string[]): string[] {
  const k = positive.length;
  if (k === 0 || k >= codes.length) return [];
  const atStart = codes.slice(0, k).every((c) => positive.includes(c));
  const atEnd = codes.slice(codes.length - k).every((c) => positive.includes(c));
  if (atStart === atEnd) return [];
  const m = Math.min(k, codes.length - k);
  return atStart ? codes.slice(codes.length - m) : codes.slice(0, m);
}

/** An item's positive (OK) answer codes and the not-OK codes on the other side of its scale. */
export function answerSides(column: Pick<ItemColumn, 'codes' | 'positive'>): { positive: string[]; negative: string[] } {
  const codes = column.codes.map((c) => c.code);
  const positive = codes.filter((_, i) => column.positive[i]);
  return { positive, negative: negativeCodes(codes, positive) };
}
