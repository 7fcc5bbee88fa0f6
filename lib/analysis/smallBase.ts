import type { AcceptanceCell } from './acceptance';

/**
 * The small-base rule of every page and export: a cell under the minimum base keeps its share and
 * its bases (drawn greyed, with the reason) but carries no standard error, interval, test or
 * p-value, so nothing downstream can show a significance mark for it. With so few respondents those
 * would look more certain than the data are. The engine still computes them (the CLI and the JSON
 * API report every number, with the cell's small_base flag); what a person sees goes through here.
 */
export function withoutInference(cell: AcceptanceCell): AcceptanceCell {
  return cell.smallBase ? { ...cell, se: null, seFixed: null, ci: null, ciLogit: null, vsRest: null } : cell;
}
