import { memoAcceptance } from '../../analysis/memo';
import type { AcceptanceTable } from '../../analysis/acceptance';
import { answerSides, classifyTier } from '../../analysis/tiers';
import { benjaminiHochberg } from '../../stats/benjaminiHochberg';
import type { Label } from '../../survey/codebook';
import type { SurveyData } from '../../survey/dataset';
import { DATA_TYPE_FAMILY, type DatasetCatalog, hasDataTypes, SCENARIO_FAMILY } from '../catalog';
import { ALPHA } from '../../analysis/conventions';
import { barChartData, type BarChartData, cellView, type CellView, type RowView } from '../model';

/**
 * Bond strength: acceptance of automated services across the bands of emotional bond and of trust,
 * with the uplift of each band against the audience's overall rate (G5, G6, G8); and, per data type,
 * the OK share in the lower bands against the top band with the tier that results (G7).
 */
export interface UnlockData {
  attribute: string;
  attributeLabel: Label;
  low: { codes: string[]; label: Label };
  high: { codes: string[]; label: Label };
  /**
   * Rows: the data types in the grey zone for the lower bands, highest top-band share first.
   * Series "low" (lower bands) and "high" (top band); the top-band cell carries the test top vs
   * lower bands within the data type, Benjamini-Hochberg adjusted over the rows.
   */
  chart: BarChartData;
  /** Labels of the data types that are grey in the lower bands and OK in the top band. */
  unlocked: Label[];
}

export interface BondModel {
  bands: BarChartData[];
  unlock: UnlockData[];
}

export function bondModel(data: SurveyData, catalog: DatasetCatalog, filter: Record<string, string[]>, minBase: number, cross: string): BondModel {
  const bands = catalog.bondAttributes.map((attribute) => {
    const by = cross ? [attribute, cross] : [attribute];
    const table = memoAcceptance(data, { family: SCENARIO_FAMILY, filter, minBase, by });
    return barChartData(table, { id: `bond-${attribute}`, rowDims: [attribute], seriesDim: cross || undefined, withReference: true });
  });
  const unlock = hasDataTypes(data.codebook) ? catalog.bondAttributes.map((attribute) => unlockData(data, catalog, attribute, filter, minBase)).filter((u): u is UnlockData => u !== null) : [];
  return { bands, unlock };
}

const joinLabels = (labels: Label[]): Label => ({ en: labels.map((l) => l.en).join(' + '), nl: labels.map((l) => l.nl).join(' + ') });

function unlockData(data: SurveyData, catalog: DatasetCatalog, attribute: string, filter: Record<string, string[]>, minBase: number): UnlockData | null {
  const dimension = catalog.attributes.find((a) => a.id === attribute)!;
  if (dimension.levels.length < 2) return null;
  // Respect the audience filter: the lower and top bands are intersected with any filter on the attribute itself.
  const allowed = (codes: string[]) => (filter[attribute]?.length ? codes.filter((c) => filter[attribute].includes(c)) : codes);
  const lowCodes = allowed(dimension.levels.slice(0, -1).map((l) => l.code));
  const highCodes = allowed([dimension.levels[dimension.levels.length - 1].code]);
  if (!lowCodes.length || !highCodes.length) return null;

  const first = data.items.get(data.codebook.items.find((it) => it.family === DATA_TYPE_FAMILY)!.id)!;
  const { negative } = answerSides(first);
  const base = { family: DATA_TYPE_FAMILY, minBase, by: ['item'] };
  const run = (codes: string[], outcome?: string[]) => memoAcceptance(data, { ...base, filter: { ...filter, [attribute]: codes }, outcome });
  const low = run(lowCodes);
  const lowNot = negative.length ? run(lowCodes, negative) : null;
  const high = run(highCodes);
  const highNot = negative.length ? run(highCodes, negative) : null;
  // Top band against the lower bands within each data type: the crossed table's "rest".
  const crossed = memoAcceptance(data, { ...base, by: ['item', attribute], filter: { ...filter, [attribute]: [...lowCodes, ...highCodes] } });
  const tierAt = (ok: AcceptanceTable, no: AcceptanceTable | null, i: number) => classifyTier(ok.cells[i], no ? no.cells[i] : null);

  const entries = low.cells
    .map((cell, i) => ({ i, item: cell.key.item, label: cell.labels.item, lowTier: tierAt(low, lowNot, i), highTier: tierAt(high, highNot, i) }))
    .filter((e) => e.lowTier === 'grey' && low.cells[e.i].respondents > 0 && high.cells[e.i].respondents > 0)
    .sort((a, b) => (high.cells[b.i].share ?? -1) - (high.cells[a.i].share ?? -1));

  const tests = entries.map((e) => crossed.cells.find((c) => c.key.item === e.item && c.key[attribute] === highCodes[0])?.vsRest ?? null);
  const tested = tests.map((t, k) => (t && !high.cells[entries[k].i].smallBase && !low.cells[entries[k].i].smallBase ? k : -1)).filter((k) => k >= 0);
  const adjusted = benjaminiHochberg(tested.map((k) => tests[k]!.pValue));
  const pAdj = new Map(tested.map((k, j) => [k, adjusted[j]]));

  const cells: CellView[] = [];
  entries.forEach((e, k) => {
    const lowView = cellView(low.cells[e.i], e.item, 'low');
    lowView.tier = e.lowTier;
    lowView.diff = null;
    lowView.pAdjusted = null;
    lowView.mark = null;
    const highView = cellView(high.cells[e.i], e.item, 'high');
    highView.tier = e.highTier;
    const test = tests[k];
    const p = pAdj.get(k) ?? null;
    highView.diff = test?.diff ?? null;
    highView.pAdjusted = p;
    highView.mark = test && p !== null && p < ALPHA && !highView.small ? (test.diff > 0 ? 'up' : 'down') : null;
    cells.push(lowView, highView);
  });

  const levelLabel = (codes: string[]) => joinLabels(dimension.levels.filter((l) => codes.includes(l.code)).map((l) => l.label));
  const lowLabel = levelLabel(lowCodes);
  const highLabel = levelLabel(highCodes);
  const rows: RowView[] = entries.map((e) => ({ key: e.item, label: e.label }));
  return {
    attribute,
    attributeLabel: dimension.label,
    low: { codes: lowCodes, label: lowLabel },
    high: { codes: highCodes, label: highLabel },
    chart: {
      id: `unlock-${attribute}`,
      rowDim: crossed.dimensions[0].label,
      seriesDim: dimension.label,
      rows,
      series: [
        { key: 'low', label: lowLabel },
        { key: 'high', label: highLabel },
      ],
      cells,
      reference: null,
      minBase,
      pooled: false,
      omittedRows: [],
      comparison: { groups: [dimension.label], within: [crossed.dimensions[0].label] },
    },
    unlocked: entries.filter((e) => e.highTier === 'ok').map((e) => e.label),
  };
}
