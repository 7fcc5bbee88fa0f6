/**
 * The product's statistical conventions, each defined here once: every page, export, API and CLI
 * reads them from this module, so a change of convention is one edit.
 */

/** A cell with fewer respondents than this shows its share but no interval, p-value or mark (lib/analysis/smallBase.ts). */
export const DEFAULT_MIN_BASE = 30;
/** The largest minimum base a page or API accepts (a bound on user input, not a statistical choice). */
export const MAX_MIN_BASE = 100_000;
/** Confidence level of every interval. */
export const DEFAULT_CONF_LEVEL = 0.95;
/** Significance level of every test the product marks: chart marks, comparisons, takeaways, findings' ordering claims. */
export const ALPHA = 0.05;

/** A minimum base from a query parameter: a whole number from 0 to MAX_MIN_BASE, else the default. */
export function minBaseParam(raw: string | undefined): number {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_MIN_BASE ? n : DEFAULT_MIN_BASE;
}
