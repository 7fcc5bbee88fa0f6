import { ALPHA } from '../analysis/conventions';
import { acceptance, rankedCells } from '../analysis/acceptance';
import type { AcceptanceQuery } from '../analysis/query';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { compareLevels, figureOf } from './compare';
import { bondAttribute, bondEnds } from './bond';
import type { Comparison, Scope, Takeaway } from './model';

/**
 * Key takeaways, found in the data rather than written in advance: for every scope a headline
 * covers (automated services, leaving a website, ...) and every dimension that can split it
 * (respondent attributes; for pooled scenarios also situation, place, industry), the most and the
 * least accepting level at or above the minimum base are compared with a design-based t test.
 * Benjamini-Hochberg corrects over all those comparisons; only differences significant after the
 * correction qualify, the largest first, one per dimension.
 */
export const TAKEAWAY_COUNT = 3;

type Candidate = Comparison;

/** Dimensions that can split a scope: attributes not fixed by its filter, and item dimensions on which its items differ. */
function splitDimensions(data: SurveyData, scope: Scope): { id: string; label: Label }[] {
  const items = data.codebook.items.filter((it) => (scope.items ? scope.items.includes(it.id) : scope.family ? it.family === scope.family : true));
  const attributes = data.codebook.attributes.map((a) => ({ id: a.id, label: a.label }));
  const itemDims =
    items.length > 1
      ? data.codebook.itemDimensions.filter((d) => new Set(items.map((it) => it.meta[d.id]).filter((v) => v !== undefined)).size > 1 && items.every((it) => it.meta[d.id] !== undefined)).map((d) => ({ id: d.id, label: d.label }))
      : [];
  return [...attributes, ...itemDims];
}

/**
 * The comparison of one dimension within a scope: for the bond attribute (bond.ts) its strongest
 * level against its weakest, the way the bond headline states it; for any other dimension the most
 * against the least accepting level at or above the minimum base. The headlines, the key takeaways
 * and a question group's largest difference all ask this one function, so one comparison on a page
 * has one set of numbers. Null when there is nothing to compare: fewer than two levels with
 * answers (at the minimum base, for a ranking), or the higher level not higher. A bond level under
 * the minimum base is kept, flagged smallBase with no interval, for the headline to say it was
 * not tested; the takeaways and the largest difference leave such comparisons out.
 */
export function levelCandidate(data: SurveyData, scope: Scope, dimension: { id: string; label: Label }, minBase: number): Candidate | null {
  // Splitting by an attribute the scope filters on (P's latest wave) compares all of its levels.
  const filter = { ...scope.filter };
  delete filter[dimension.id];
  const query: AcceptanceQuery = { items: scope.items, family: scope.items ? undefined : scope.family, filter, minBase };
  const bond = bondAttribute(data.codebook);
  let high: string;
  let low: string;
  if (bond && bond.id === dimension.id) {
    const { strongest, weakest } = bondEnds(bond);
    [high, low] = [strongest, weakest];
  } else {
    const ranked = rankedCells(acceptance(data, { ...query, by: [dimension.id] }));
    if (ranked.length < 2) return null;
    [high, low] = [ranked[0].key[dimension.id], ranked[ranked.length - 1].key[dimension.id]];
  }
  let compared: ReturnType<typeof compareLevels>;
  try {
    compared = compareLevels(data, query, dimension.id, high, low);
  } catch (error) {
    if (error instanceof RangeError) return null; // a level nobody in the scope's base has
    throw error;
  }
  const { hi, lo, diff, pValue } = compared;
  const topFigure = figureOf(hi, hi.labels[dimension.id], 'focus');
  const bottomFigure = figureOf(lo, lo.labels[dimension.id], 'base');
  if (!topFigure || !bottomFigure || diff < 0) return null;
  return {
    dimension,
    scope: scope.label,
    top: { ...topFigure, level: high },
    bottom: { ...bottomFigure, level: low },
    diff,
    pValue,
  };
}

export function findTakeaways(data: SurveyData, scopes: Scope[], minBase: number, count = TAKEAWAY_COUNT): { takeaways: Takeaway[]; tested: number } {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const scope of scopes) {
    const key = JSON.stringify([scope.items, scope.family, scope.filter]);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dimension of splitDimensions(data, scope)) {
      try {
        const found = levelCandidate(data, scope, dimension, minBase);
        // A side under the minimum base is not tested, so not part of the correction's family either.
        if (found && !found.top.smallBase && !found.bottom.smallBase) candidates.push(found);
      } catch {
        // A dimension the scope's items do not carry, or an empty split: nothing to say.
      }
    }
  }
  if (!candidates.length) return { takeaways: [], tested: 0 };
  const adjusted = benjaminiHochberg(candidates.map((c) => c.pValue));
  const significant = candidates
    .map((c, i): Takeaway => ({ ...c, pAdjusted: adjusted[i] }))
    .filter((t) => t.diff > 0 && t.pAdjusted < ALPHA && !t.top.smallBase && !t.bottom.smallBase)
    .sort((a, b) => b.diff - a.diff);
  const takeaways: Takeaway[] = [];
  const usedDims = new Set<string>();
  for (const t of significant) {
    if (usedDims.has(t.dimension.id)) continue;
    usedDims.add(t.dimension.id);
    takeaways.push(t);
    if (takeaways.length === count) break;
  }
  return { takeaways, tested: candidates.length };
}
