import { memoAcceptance } from '../../analysis/memo';
import { rankedCells, type AcceptanceTable } from '../../analysis/acceptance';
import type { Label } from '../../survey/codebook';
import type { SurveyData } from '../../survey/dataset';
import { COUNTRY_ID, type DatasetCatalog, SCENARIO_FAMILY } from '../catalog';
import { barChartData, type BarChartData, cellView, type CellView, joinKey, sharesByRow } from '../model';

/**
 * Segments: acceptance of automated services for every gender x age x young-children segment
 * (sorted), and by country; the most and least welcoming segments named, small cells left out.
 */
export interface RankedSegment {
  label: Label;
  cell: CellView;
}

export interface SegmentsModel {
  grid: BarChartData | null;
  country: BarChartData | null;
  most: RankedSegment | null;
  least: RankedSegment | null;
  /** Segments under the minimum base, left out of the ranking. */
  excluded: number;
}

export function segmentsModel(data: SurveyData, catalog: DatasetCatalog, filter: Record<string, string[]>, minBase: number, cross: string): SegmentsModel {
  const gridDims = catalog.segmentGrid;
  const query = { family: SCENARIO_FAMILY, filter, minBase };
  let grid: BarChartData | null = null;
  let most: RankedSegment | null = null;
  let least: RankedSegment | null = null;
  let excluded = 0;
  if (gridDims.length) {
    const table = memoAcceptance(data, { ...query, by: gridDims });
    const chartTable = cross ? memoAcceptance(data, { ...query, by: [...gridDims, cross] }) : table;
    grid = barChartData(chartTable, { id: 'segments-grid', rowDims: gridDims, seriesDim: cross || undefined, sortBy: sharesByRow(table, gridDims), withReference: true });
    ({ most, least, excluded } = ranking(table, gridDims));
  }
  let country: BarChartData | null = null;
  if (catalog.attributes.some((a) => a.id === COUNTRY_ID)) {
    const by = cross && cross !== COUNTRY_ID ? [COUNTRY_ID, cross] : [COUNTRY_ID];
    const table = memoAcceptance(data, { ...query, by: [COUNTRY_ID] });
    const chartTable = by.length > 1 ? memoAcceptance(data, { ...query, by }) : table;
    country = barChartData(chartTable, { id: 'segments-country', rowDims: [COUNTRY_ID], seriesDim: by[1], sortBy: sharesByRow(table, [COUNTRY_ID]), withReference: true });
  }
  return { grid, country, most, least, excluded };
}

function ranking(table: AcceptanceTable, dims: string[]) {
  const ranked = rankedCells(table);
  const excluded = table.cells.filter((c) => c.share !== null && c.smallBase).length;
  const named = (i: number): RankedSegment | null => {
    const cell = ranked[i];
    if (!cell) return null;
    const labels = dims.map((d) => cell.labels[d]);
    return { label: { en: labels.map((l) => l.en).join(' · '), nl: labels.map((l) => l.nl).join(' · ') }, cell: cellView(cell, joinKey(dims.map((d) => cell.key[d])), '', table.overall.share) };
  };
  return { most: ranked.length >= 2 ? named(0) : null, least: ranked.length >= 2 ? named(ranked.length - 1) : null, excluded };
}
