import { ALPHA } from '../analysis/conventions';
import type { AcceptanceCell, AcceptanceTable } from '../analysis/acceptance';
import { withoutInference } from '../analysis/smallBase';
import type { Tier } from '../analysis/tiers';
import type { Label } from '../survey/codebook';

/**
 * The explorer's charts as plain, serialisable data: what the server computes and the browser draws.
 * One chart = rows (the category axis) x series (the crossing dimension, or one series "").
 */

export type Mark = 'up' | 'down' | null;

export interface CellView {
  row: string;
  series: string;
  share: number | null;
  lower: number | null;
  upper: number | null;
  respondents: number;
  /** Ratings in the cell (larger than respondents when scenarios are pooled). */
  ratings: number;
  effectiveBase: number;
  /** Difference against the rest of the base, and its Benjamini-Hochberg adjusted p-value. */
  diff: number | null;
  pAdjusted: number | null;
  mark: Mark;
  small: boolean;
  /** Computed tier of a data type in this cell (OK / grey zone / no-go), when it applies. */
  tier?: Tier;
  /** Share minus the chart's reference rate, when the chart has one. */
  uplift?: number | null;
}

export interface RowView {
  key: string;
  label: Label;
  /** The full text behind a short label (an item's question), shown on hover and in the table. */
  text?: Label;
  /** The tier the codebook gives a data type (item meta "tier"). */
  tier?: Tier;
}

export interface SeriesView {
  key: string;
  label: Label;
}

export interface BarChartData {
  id: string;
  /** What the rows are (Data type, Segment, Situation...). */
  rowDim: Label;
  /** What the series are, when crossed. */
  seriesDim: Label | null;
  rows: RowView[];
  series: SeriesView[];
  cells: CellView[];
  /** Reference rate drawn as a line (the audience's overall rate), with its base. */
  reference: CellView | null;
  minBase: number;
  /** Cells pool several ratings per respondent (scenarios). */
  pooled: boolean;
  /** Rows left out because nobody in the audience falls in them. */
  omittedRows: Label[];
  /**
   * What each cell is tested against: respondents in the other groups of the attribute dimensions,
   * within the same slice of the item dimensions; with no attribute, all other ratings of the chart.
   */
  comparison: { groups: Label[]; within: Label[] };
}

export function markOf(cell: Pick<AcceptanceCell, 'vsRest' | 'smallBase'>): Mark {
  const test = cell.vsRest;
  if (!test || cell.smallBase || test.pAdjusted === null || !(test.pAdjusted < ALPHA)) return null;
  return test.diff > 0 ? 'up' : test.diff < 0 ? 'down' : null;
}

/**
 * A cell as the chart, its table, its CSV and its image draw it. A cell under the minimum base
 * keeps its share and bases but no interval, test or mark (lib/analysis/smallBase.ts): nothing
 * downstream can draw a whisker or print a p-value for it.
 */
export function cellView(computed: AcceptanceCell, row: string, series = '', reference?: number | null): CellView {
  const cell = withoutInference(computed);
  const view: CellView = {
    row,
    series,
    share: cell.share,
    lower: cell.ci?.lower ?? null,
    upper: cell.ci?.upper ?? null,
    respondents: cell.respondents,
    ratings: cell.ratings,
    effectiveBase: cell.effectiveBase,
    diff: cell.vsRest?.diff ?? null,
    pAdjusted: cell.vsRest?.pAdjusted ?? null,
    mark: markOf(cell),
    small: cell.smallBase,
  };
  if (reference !== undefined) view.uplift = reference === null || cell.share === null ? null : cell.share - reference;
  return view;
}

/** A key for a combination of dimension codes ("F|18-34|yes"). */
export const joinKey = (codes: string[]) => codes.join('|');

export interface BarChartOptions {
  id: string;
  /** Dimensions whose combination makes a row, in order. */
  rowDims: string[];
  /** The crossing dimension, if any. */
  seriesDim?: string;
  /** Row label for combinations of several dimensions: their labels joined. */
  rowLabel?: (labels: Label[]) => Label;
  /** Codebook tier of a row (data types). */
  rowTier?: (key: string) => Tier | undefined;
  /** The full text of a row whose label shortens it (an item's question). */
  rowText?: (key: string) => Label | undefined;
  /** Order rows by this share (highest first); codebook order when absent. */
  sortBy?: Map<string, number | null>;
  /** Draw the table's overall rate as a reference line and give each cell its uplift. */
  withReference?: boolean;
  /** Computed tier per cell key (row|series). */
  cellTier?: (cell: AcceptanceCell) => Tier | undefined;
}

const joinLabels = (labels: Label[]): Label => ({ en: labels.map((l) => l.en).join(' · '), nl: labels.map((l) => l.nl).join(' · ') });

/** Turns an acceptance table into chart data: rows, series, cells, empty rows left out. */
export function barChartData(table: AcceptanceTable, options: BarChartOptions): BarChartData {
  const { rowDims, seriesDim } = options;
  const dims = new Map(table.dimensions.map((d) => [d.id, d]));
  const rowLabel = options.rowLabel ?? joinLabels;
  const reference = options.withReference ? table.overall.share : undefined;

  const rows = new Map<string, RowView>();
  const filled = new Set<string>();
  const cells: CellView[] = [];
  for (const cell of table.cells) {
    const rowKey = joinKey(rowDims.map((d) => cell.key[d]));
    if (!rows.has(rowKey)) {
      const row: RowView = { key: rowKey, label: rowLabel(rowDims.map((d) => cell.labels[d])), tier: options.rowTier?.(rowKey) };
      const text = options.rowText?.(rowKey);
      if (text) row.text = text;
      rows.set(rowKey, row);
    }
    if (cell.respondents > 0) filled.add(rowKey);
    const view = cellView(cell, rowKey, seriesDim ? cell.key[seriesDim] : '', reference);
    // A tier is read from the interval: a cell under the minimum base has none.
    const tier = cell.smallBase ? undefined : options.cellTier?.(cell);
    if (tier) view.tier = tier;
    cells.push(view);
  }
  let rowList = [...rows.values()];
  const omittedRows = rowList.filter((r) => !filled.has(r.key)).map((r) => r.label);
  rowList = rowList.filter((r) => filled.has(r.key));
  if (options.sortBy) {
    const by = options.sortBy;
    rowList = rowList
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (by.get(b.r.key) ?? -1) - (by.get(a.r.key) ?? -1) || a.i - b.i)
      .map(({ r }) => r);
  }
  const keep = new Set(rowList.map((r) => r.key));
  // A level of the crossing that nobody in the audience has (filtered out, or absent from the data) gets no bars and no key.
  const filledSeries = new Set(cells.filter((c) => c.respondents > 0).map((c) => c.series));
  const series = seriesDim
    ? (dims.get(seriesDim)?.levels ?? []).filter((l) => filledSeries.has(l.code)).map((l) => ({ key: l.code, label: l.label }))
    : [{ key: '', label: { en: '', nl: '' } }];
  const keepSeries = new Set(series.map((s) => s.key));
  const seriesDimension = seriesDim ? dims.get(seriesDim) : undefined;

  return {
    id: options.id,
    rowDim: rowDims.length === 1 ? (dims.get(rowDims[0])?.label ?? { en: rowDims[0], nl: rowDims[0] }) : joinLabels(rowDims.map((d) => dims.get(d)!.label)),
    seriesDim: seriesDimension?.label ?? null,
    rows: rowList,
    series,
    cells: cells.filter((c) => keep.has(c.row) && keepSeries.has(c.series)),
    reference: options.withReference ? cellView(table.overall, 'overall') : null,
    minBase: table.minBase,
    pooled: table.cells.some((c) => c.ratings > c.respondents),
    omittedRows,
    comparison: {
      groups: table.dimensions.filter((d) => d.kind === 'attribute').map((d) => d.label),
      within: table.dimensions.filter((d) => d.kind !== 'attribute').map((d) => d.label),
    },
  };
}

/** Shares per row key of a table grouped by exactly those dimensions (for sorting a crossed chart). */
export function sharesByRow(table: AcceptanceTable, rowDims: string[]): Map<string, number | null> {
  return new Map(table.cells.map((c) => [joinKey(rowDims.map((d) => c.key[d])), c.smallBase ? null : c.share]));
}
