import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { type BaseSums, type ClusterSums, clusteredEffectiveBase, clusteredShare, compareClusteredToRest } from '../stats/clusteredShare';
import { type Accumulators, clusterSumsAt, type CollectedSums } from './accumulators';
import { collectPooled } from './collectPooled';
import { collectSingleRating } from './collectSingleRating';
import { cellLayout, isSingleRatingLayout, type CellLayout } from './cellIndex';
import { type DifferenceTest, differenceTest } from '../stats/shareDifference';
import { logitInterval } from '../stats/logitInterval';
import { type Interval, wilsonInterval } from '../stats/wilsonInterval';
import { type AcceptanceQuery, type ResolvedDimension, type ResolvedQuery, resolveQuery } from './query';
import { type CalibrationAt, calibratedCellVariance, calibratedComparison } from './calibratedCell';
import { type CalibrationCollected, collectCalibration } from './collectCalibration';
import { clusteredSquares } from '../stats/clusteredShare';
import type { WeightInUse } from '../survey/weights';

/**
 * The acceptance engine: weighted share of positive answers per cell of any grouping, with base,
 * effective base, interval and a test against the rest of the base, in one pass over respondents.
 *
 * The comparison base of a cell: when the grouping has respondent attributes, the other attribute
 * levels within the same item / context slice (NL vs the rest, for this data type); when it has only
 * item dimensions, all other ratings (time-pressed vs the rest). Each comparison base is analysed as
 * its own design of the respondents who have a rating in it.
 */
export interface AcceptanceCell {
  /** Dimension id -> level code. */
  key: Record<string, string>;
  labels: Record<string, Label>;
  respondents: number;
  /** Respondents with a positive weight: what R's degf() counts, the degrees of freedom of a test. */
  weightedRespondents: number;
  ratings: number;
  sumWeights: number;
  effectiveBase: number;
  /** Null when the cell is empty. */
  share: number | null;
  /** The SE intervals and tests use: under a raked weight the calibrated one (the raked design's), else the fixed-weight one. */
  se: number | null;
  /** The SE with the weights taken as fixed (the same as `se` unless the weight is raked), shown beside it. */
  seFixed: number | null;
  /**
   * The interval the product shows: Wilson on the Kish effective base; under a raked weight, Wilson
   * on the design's effective base p(1 − p)/Var (the calibrated variance; Kish at p = 0 or 1).
   */
  ci: Interval | null;
  /** svyciprop's logit interval (t with respondents − 1 df), reported beside it. */
  ciLogit: Interval | null;
  vsRest: (DifferenceTest & { restShare: number; pAdjusted: number | null }) | null;
  smallBase: boolean;
}

/** The weight a table was computed with, as footnotes and exports name it (no design: plain data). */
export interface TableWeight {
  id: string;
  label: Label;
  kind: WeightInUse['kind'];
  /** SEs, intervals and tests are the raked design's (calibrated). */
  calibrated: boolean;
}

export const tableWeight = (weight: WeightInUse): TableWeight => ({ id: weight.id, label: weight.label, kind: weight.kind, calibrated: weight.calibration !== null });

export interface AcceptanceTable {
  datasetId: string;
  synthetic: boolean;
  weighted: boolean;
  weight: TableWeight;
  itemIds: string[];
  dimensions: ResolvedDimension[];
  overall: AcceptanceCell;
  cells: AcceptanceCell[];
  minBase: number;
  confLevel: number;
  /** Respondents left out because a grouping attribute was blank. */
  missingAttribute: number;
  notes: string[];
}

/** Computes the acceptance table for a query. Throws QueryError for unknown ids. */
export function acceptance(data: SurveyData, query: AcceptanceQuery = {}): AcceptanceTable {
  const resolved = resolveQuery(data, query);
  const layout = cellLayout(data, resolved);
  const sums = isSingleRatingLayout(layout) ? collectSingleRating(data, resolved, [layout])[0] : collectPooled(data, resolved, layout);
  return finishTable(data, resolved, layout, sums, calibrationSums(data, resolved, layout));
}

/** A raked weight's extra sums (collectCalibration), or null for fixed weights. */
function calibrationSums(data: SurveyData, resolved: ResolvedQuery, layout: CellLayout): CalibrationCollected | null {
  const design = data.weight.calibration;
  return design ? collectCalibration(data, design, resolved, layout) : null;
}

/**
 * The acceptance cube: every analysed item by each of `attributes` on its own (one table per
 * attribute, grouped by item and that attribute), in a single pass over the data. An entry may be
 * a list of attributes, crossed in its table (a nested banner: gender by age).
 */
export function acceptanceCube(data: SurveyData, attributes: (string | readonly string[])[], query: Omit<AcceptanceQuery, 'by'> = {}): AcceptanceTable[] {
  const resolved = attributes.map((attribute) => resolveQuery(data, { ...query, by: ['item', ...(typeof attribute === 'string' ? [attribute] : attribute)] }));
  const layouts = resolved.map((r) => cellLayout(data, r));
  const sums = collectSingleRating(data, resolved[0], layouts);
  return resolved.map((r, i) => finishTable(data, r, layouts[i], sums[i], calibrationSums(data, r, layouts[i])));
}

function finishTable(data: SurveyData, resolved: ResolvedQuery, layout: CellLayout, sums: CollectedSums, calibration: CalibrationCollected | null): AcceptanceTable {
  const { dimensions, minBase, confLevel } = resolved;
  const { attributeDims, itemDims, attributeCells, radices, baseCount } = layout;
  const at = (array: 'cells' | 'bases' | 'overall', index: number) => (calibration ? { sums: calibration[array], at: index * calibration.stride } : null);
  const overall = describeCell({}, {}, clusterSumsAt(sums.overall, 0), sums.overall.weightedRespondents[0], degreesOfFreedom(sums.overall, 0), sums.overall.respondents[0], null, minBase, confLevel, calibration && { collected: calibration, cell: at('overall', 0)!, base: null });
  const cells: AcceptanceCell[] = [];
  for (let cell = 0; cell < layout.cellCount; cell++) {
    const key: Record<string, string> = {};
    const labels: Record<string, Label> = {};
    // Decode the mixed-radix index, last dimension fastest, attribute part first.
    let attributePart = cell % attributeCells;
    let slicePart = Math.floor(cell / attributeCells);
    for (let d = attributeDims.length - 1; d >= 0; d--) {
      const level = attributeDims[d].levels[attributePart % radices[d]];
      key[attributeDims[d].id] = level.code;
      labels[attributeDims[d].id] = level.label;
      attributePart = Math.floor(attributePart / radices[d]);
    }
    for (let d = itemDims.length - 1; d >= 0; d--) {
      const levels = itemDims[d].levels;
      const level = levels[slicePart % levels.length];
      key[itemDims[d].id] = level.code;
      labels[itemDims[d].id] = level.label;
      slicePart = Math.floor(slicePart / levels.length);
    }
    const baseIndex = baseCount === 1 ? 0 : Math.floor(cell / attributeCells);
    // A comparison base is read like a cell (its cross sums are not needed).
    const base = clusterSumsAt(sums.bases, baseIndex);
    const orderedKey = Object.fromEntries(dimensions.map((d) => [d.id, key[d.id]]));
    const orderedLabels = Object.fromEntries(dimensions.map((d) => [d.id, labels[d.id]]));
    const df = degreesOfFreedom(sums.cells, cell, sums.bases, baseIndex);
    const calibrated = calibration && { collected: calibration, cell: at('cells', cell)!, base: at('bases', baseIndex) };
    cells.push(describeCell(orderedKey, orderedLabels, clusterSumsAt(sums.cells, cell), sums.cells.weightedRespondents[cell], df, base.respondents, dimensions.length ? base : null, minBase, confLevel, calibrated));
  }
  adjustForMultipleTests(cells);

  return {
    datasetId: data.codebook.id,
    synthetic: data.codebook.synthetic,
    weighted: data.weighted,
    weight: tableWeight(data.weight),
    itemIds: resolved.itemIds,
    dimensions,
    overall,
    cells,
    minBase,
    confLevel,
    missingAttribute: sums.missingAttribute,
    notes: resolved.notes,
  };
}

/** Degrees of freedom as R's degf(): respondents with a positive weight, less one (interval) or two (test). */
function degreesOfFreedom(cellAcc: Accumulators, cell: number, baseAcc: Accumulators = cellAcc, base = cell) {
  return { interval: cellAcc.weightedRespondents[cell] - 1, test: baseAcc.weightedRespondents[base] - 2 };
}

function describeCell(
  key: Record<string, string>,
  labels: Record<string, Label>,
  sums: ClusterSums,
  weightedRespondents: number,
  df: { interval: number; test: number },
  nDesign: number,
  base: BaseSums | null,
  minBase: number,
  confLevel: number,
  calibrated: { collected: CalibrationCollected; cell: CalibrationAt; base: CalibrationAt | null } | null,
): AcceptanceCell {
  const empty = sums.respondents === 0 || sums.sumB === 0;
  const cell: AcceptanceCell = {
    key,
    labels,
    respondents: sums.respondents,
    weightedRespondents,
    ratings: sums.ratings,
    sumWeights: sums.sumB,
    effectiveBase: clusteredEffectiveBase(sums),
    share: null,
    se: null,
    seFixed: null,
    ci: null,
    ciLogit: null,
    vsRest: null,
    smallBase: sums.respondents < minBase,
  };
  if (empty) return cell;
  const { p, variance: fixedVariance } = clusteredShare(sums, nDesign);
  const variance = calibrated ? calibratedCellVariance(calibrated.collected, calibrated.cell, p, sums.sumB, clusteredSquares(sums, p), cell) : fixedVariance;
  const se = Math.sqrt(variance);
  const seFixed = Math.sqrt(fixedVariance);
  cell.share = p;
  cell.se = Number.isFinite(se) ? se : null;
  cell.seFixed = Number.isFinite(seFixed) ? seFixed : null;
  // Under calibration the interval follows the calibrated variance: Wilson on the design's effective base.
  const designBase = calibrated && p > 0 && p < 1 && variance > 0 ? (p * (1 - p)) / variance : cell.effectiveBase;
  cell.ci = wilsonInterval(p, designBase, confLevel);
  cell.ciLogit = cell.se === null ? null : logitInterval(p, cell.se, df.interval, confLevel);
  if (base && df.test >= 1) {
    const fixed = compareClusteredToRest(sums, base, nDesign);
    const comparison = fixed && calibrated?.base ? calibratedComparison(calibrated.collected, calibrated.cell, calibrated.base, fixed, sums.sumB, base.sumB - sums.sumB) : fixed;
    // A difference whose variance is rounding noise (≤ 1e-12 of the two variances: every respondent
    // differs between cell and rest by the same linearised amount) has no test, as one of exactly 0.
    const variances = comparison ? comparison.cell.variance + comparison.rest.variance : 0;
    if (comparison && variances - 2 * comparison.covariance > 1e-12 * variances) {
      const test = differenceTest(comparison.cell, comparison.rest, df.test, comparison.covariance);
      cell.vsRest = { ...test, restShare: comparison.rest.p, pAdjusted: null };
    }
  }
  return cell;
}

/** Benjamini-Hochberg over the cells that are tested and not under the minimum base. */
function adjustForMultipleTests(cells: AcceptanceCell[]) {
  const family = cells.filter((c) => c.vsRest && !c.smallBase);
  const adjusted = benjaminiHochberg(family.map((c) => c.vsRest!.pValue));
  family.forEach((c, i) => (c.vsRest!.pAdjusted = adjusted[i]));
}

/** Cells that may be ranked: non-empty and at or above the minimum base, highest share first. */
export function rankedCells(table: AcceptanceTable): AcceptanceCell[] {
  return table.cells.filter((c) => c.share !== null && !c.smallBase).sort((a, b) => b.share! - a.share!);
}

/** Finds the cell whose key matches every given dimension code. */
export function findCell(table: AcceptanceTable, key: Record<string, string>): AcceptanceCell | undefined {
  return table.cells.find((c) => Object.entries(key).every(([dim, code]) => c.key[dim] === code));
}
