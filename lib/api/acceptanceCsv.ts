import type { AcceptanceCell, AcceptanceTable } from '../analysis/acceptance';
import { withoutInference } from '../analysis/smallBase';
import { csvOptionsFor, toCsv, type CsvValue } from '../csv/writer';

/**
 * An acceptance table as CSV (the API's format=csv): one row for the whole base ("overall"),
 * then one per cell, with the dimension codes, n, effective n, share, SE, Wilson interval and the
 * test against the rest. A cell under the minimum base keeps its share and bases but leaves the SE,
 * interval and test empty, and its note says why (lib/analysis/smallBase.ts); the JSON format
 * reports every number with the small_base flag. Written by the explorer's formula-safe CSV writer
 * (codes and labels come from an uploaded codebook, so a "=..." label must not run in a spreadsheet).
 */
const SMALL_BASE_NOTE = {
  en: 'fewer than {min} respondents (the minimum base): no SE, interval or test',
  nl: 'minder dan {min} respondenten (de minimale basis): geen SE, interval of toets',
};

export function acceptanceCsv(table: AcceptanceTable, locale: 'en' | 'nl' = 'en'): string {
  const dims = table.dimensions.map((d) => d.id);
  const header = ['row', ...dims, 'n', 'ratings', 'effective_n', 'sum_weights', 'share', 'se', 'ci_low', 'ci_high', 'diff_vs_rest', 'p_value', 'p_adjusted_bh', 'small_base', 'note'];
  const note = SMALL_BASE_NOTE[locale].replace('{min}', String(table.minBase));
  const line = (kind: string, computed: AcceptanceCell): CsvValue[] => {
    const cell = withoutInference(computed);
    return [
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
      cell.smallBase ? note : null,
    ];
  };
  const rows = [line('overall', table.overall), ...(dims.length ? table.cells.map((c) => line('cell', c)) : [])];
  return toCsv(header, rows, { ...csvOptionsFor(locale), digits: 6 });
}
