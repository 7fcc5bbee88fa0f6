import type { AcceptanceCell, AcceptanceTable } from '../analysis/acceptance';
import { csvOptionsFor, toCsv, type CsvValue } from '../explore/csv';

/**
 * An acceptance table as CSV (the API's format=csv): one row for the whole base ("overall"),
 * then one per cell, with the dimension codes, n, effective n, share, SE, Wilson interval and the
 * test against the rest. Written by the explorer's formula-safe CSV writer (codes and labels come
 * from an uploaded codebook, so a "=..." label must not run in a spreadsheet).
 */
export function acceptanceCsv(table: AcceptanceTable, locale: 'en' | 'nl' = 'en'): string {
  const dims = table.dimensions.map((d) => d.id);
  const header = ['row', ...dims, 'n', 'ratings', 'effective_n', 'sum_weights', 'share', 'se', 'ci_low', 'ci_high', 'diff_vs_rest', 'p_value', 'p_adjusted_bh', 'small_base'];
  const line = (kind: string, cell: AcceptanceCell): CsvValue[] => [
    kind,
    ...dims.map((d) => cell.key[d] ?? null),
    cell.respondents,
    cell.ratings,
    cell.effectiveBase,
    cell.sumWeights,
    cell.share,
    cell.se,
    cell.ci?.lower ?? null,
    cell.ci?.upper ?? null,
    cell.vsRest?.diff ?? null,
    cell.vsRest?.pValue ?? null,
    cell.vsRest?.pAdjusted ?? null,
    cell.smallBase ? 'yes' : 'no',
  ];
  const rows = [line('overall', table.overall), ...(dims.length ? table.cells.map((c) => line('cell', c)) : [])];
  return toCsv(header, rows, { ...csvOptionsFor(locale), digits: 6 });
}
