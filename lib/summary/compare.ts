import { acceptance, findCell, type AcceptanceCell } from '../analysis/acceptance';
import type { AcceptanceQuery } from '../analysis/query';
import { withoutInference } from '../analysis/smallBase';
import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import type { Figure, Tone } from './model';

/** A computed cell as a summary figure; null when the cell is empty. Under the minimum base it has no interval (lib/analysis/smallBase.ts). */
export function figureOf(cell: AcceptanceCell, label: Label, tone: Tone, claimId?: string): Figure | null {
  if (cell.share === null) return null;
  return { label, share: cell.share, ci: withoutInference(cell).ci, respondents: cell.respondents, effectiveBase: cell.effectiveBase, claimId, tone, smallBase: cell.smallBase };
}

/**
 * Two levels of a grouping compared with each other alone (the query restricted to them, so each
 * one's "rest" is the other): the same design-based t test the findings use for orderings.
 * `by` is a respondent attribute or an item dimension of the query's items.
 */
export function compareLevels(data: SurveyData, query: AcceptanceQuery, by: string, high: string, low: string) {
  const restricted: AcceptanceQuery = data.attributes.has(by)
    ? { ...query, by: [by], filter: { ...query.filter, [by]: [high, low] } }
    : { ...query, by: [by], itemWhere: { ...query.itemWhere, [by]: [high, low] } };
  const table = acceptance(data, restricted);
  const hi = findCell(table, { [by]: high });
  const lo = findCell(table, { [by]: low });
  if (!hi || !lo || hi.share === null || lo.share === null) throw new RangeError(`no data for ${by} = ${high} or ${low}`);
  return { hi, lo, diff: hi.share - lo.share, pValue: hi.vsRest?.pValue ?? 1 };
}
