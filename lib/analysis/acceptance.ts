import type { Label } from '../survey/codebook';
import { itemColumn, type SurveyData } from '../survey/dataset';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import {
  type BaseSums,
  type ClusterSums,
  clusteredEffectiveBase,
  clusteredShare,
  compareClusteredToRest,
} from '../stats/clusteredShare';
import { type DifferenceTest, differenceTest } from '../stats/differenceTest';
import { logitInterval } from '../stats/logitInterval';
import { type Interval, wilsonInterval } from '../stats/wilsonInterval';
import { type AcceptanceQuery, type ResolvedDimension, resolveQuery } from './query';

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
  ratings: number;
  sumWeights: number;
  effectiveBase: number;
  /** Null when the cell is empty. */
  share: number | null;
  se: number | null;
  /** Wilson interval on the effective base: the interval the product shows. */
  ci: Interval | null;
  /** svyciprop's logit interval (t with respondents − 1 df), reported beside it. */
  ciLogit: Interval | null;
  vsRest: (DifferenceTest & { restShare: number; pAdjusted: number | null }) | null;
  smallBase: boolean;
}

export interface AcceptanceTable {
  datasetId: string;
  synthetic: boolean;
  weighted: boolean;
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

interface Accumulators {
  respondents: Float64Array;
  /** Respondents with a positive weight: R's degf() counts only these, the variance counts all. */
  weightedRespondents: Float64Array;
  ratings: Float64Array;
  a: Float64Array;
  b: Float64Array;
  aa: Float64Array;
  ab: Float64Array;
  bb: Float64Array;
  aAt: Float64Array;
  aBt: Float64Array;
  bAt: Float64Array;
  bBt: Float64Array;
}

const accumulators = (size: number): Accumulators => ({
  respondents: new Float64Array(size),
  weightedRespondents: new Float64Array(size),
  ratings: new Float64Array(size),
  a: new Float64Array(size),
  b: new Float64Array(size),
  aa: new Float64Array(size),
  ab: new Float64Array(size),
  bb: new Float64Array(size),
  aAt: new Float64Array(size),
  aBt: new Float64Array(size),
  bAt: new Float64Array(size),
  bBt: new Float64Array(size),
});

const clusterSumsAt = (acc: Accumulators, i: number): ClusterSums => ({
  respondents: acc.respondents[i],
  ratings: acc.ratings[i],
  sumA: acc.a[i],
  sumB: acc.b[i],
  sumAA: acc.aa[i],
  sumAB: acc.ab[i],
  sumBB: acc.bb[i],
  sumAAt: acc.aAt[i],
  sumABt: acc.aBt[i],
  sumBAt: acc.bAt[i],
  sumBBt: acc.bBt[i],
});

const baseSumsAt = (acc: Accumulators, i: number): BaseSums => ({
  respondents: acc.respondents[i],
  ratings: acc.ratings[i],
  sumA: acc.a[i],
  sumB: acc.b[i],
  sumAA: acc.aa[i],
  sumAB: acc.ab[i],
  sumBB: acc.bb[i],
});

/** Computes the acceptance table for a query. Throws QueryError for unknown ids. */
export function acceptance(data: SurveyData, query: AcceptanceQuery = {}): AcceptanceTable {
  const resolved = resolveQuery(data, query);
  const { itemIds, positiveByItem, include, dimensions, minBase, confLevel } = resolved;
  const attributeDims = dimensions.filter((d) => d.kind === 'attribute');
  const itemDims = dimensions.filter((d) => d.kind !== 'attribute');

  // Cell index = slice (item dimensions) * attributeCells + attribute combination, mixed radix.
  const attributeCells = attributeDims.reduce((m, d) => m * d.levels.length, 1);
  const slices = itemDims.reduce((m, d) => m * d.levels.length, 1);
  const cellCount = slices * attributeCells;
  const baseCount = attributeDims.length > 0 ? slices : 1;

  const items = itemIds.map((id) => itemColumn(data, id));
  const sliceOfItem = items.map((column) => {
    let slice = 0;
    for (const dim of itemDims) {
      const code = dim.kind === 'item' ? column.item.id : column.item.meta[dim.id];
      slice = slice * dim.levels.length + dim.levels.findIndex((l) => l.code === code);
    }
    return slice;
  });
  const levelArrays = attributeDims.map((d) => data.attributes.get(d.id)!.levelOf);
  const radices = attributeDims.map((d) => d.levels.length);

  const cellAcc = accumulators(cellCount);
  const baseAcc = accumulators(baseCount);
  const overallAcc = accumulators(1);
  // Per-respondent scratch, reset after each respondent via the touched lists.
  const tmpA = new Float64Array(cellCount);
  const tmpB = new Float64Array(cellCount);
  const tmpN = new Int32Array(cellCount);
  const tmpBaseA = new Float64Array(baseCount);
  const tmpBaseB = new Float64Array(baseCount);
  const tmpBaseN = new Int32Array(baseCount);
  const touchedCells = new Int32Array(cellCount);
  const touchedBases = new Int32Array(baseCount);
  const answerArrays = items.map((c) => c.answerOf);
  const { weights } = data;
  let missingAttribute = 0;

  for (let r = 0; r < data.rowCount; r++) {
    if (!include[r]) continue;
    let combination = 0;
    let blank = false;
    for (let d = 0; d < levelArrays.length; d++) {
      const level = levelArrays[d][r];
      if (level < 0) {
        blank = true;
        break;
      }
      combination = combination * radices[d] + level;
    }
    const w = weights[r];
    let nCells = 0;
    let nBases = 0;
    let overallA = 0;
    let overallB = 0;
    let overallN = 0;
    for (let j = 0; j < answerArrays.length; j++) {
      const answer = answerArrays[j][r];
      if (answer < 0) continue;
      const wy = positiveByItem[j][answer] ? w : 0;
      overallA += wy;
      overallB += w;
      overallN++;
      if (blank) continue;
      const cell = sliceOfItem[j] * attributeCells + combination;
      if (tmpN[cell] === 0) touchedCells[nCells++] = cell;
      tmpA[cell] += wy;
      tmpB[cell] += w;
      tmpN[cell]++;
      const base = baseCount === 1 ? 0 : sliceOfItem[j];
      if (tmpBaseN[base] === 0) touchedBases[nBases++] = base;
      tmpBaseA[base] += wy;
      tmpBaseB[base] += w;
      tmpBaseN[base]++;
    }
    if (overallN === 0) continue;
    if (blank) missingAttribute++;
    addRespondent(overallAcc, 0, overallA, overallB, overallN, overallA, overallB);
    for (let k = 0; k < nCells; k++) {
      const cell = touchedCells[k];
      const base = baseCount === 1 ? 0 : Math.floor(cell / attributeCells);
      addRespondent(cellAcc, cell, tmpA[cell], tmpB[cell], tmpN[cell], tmpBaseA[base], tmpBaseB[base]);
      tmpA[cell] = 0;
      tmpB[cell] = 0;
      tmpN[cell] = 0;
    }
    for (let k = 0; k < nBases; k++) {
      const base = touchedBases[k];
      addRespondent(baseAcc, base, tmpBaseA[base], tmpBaseB[base], tmpBaseN[base], tmpBaseA[base], tmpBaseB[base]);
      tmpBaseA[base] = 0;
      tmpBaseB[base] = 0;
      tmpBaseN[base] = 0;
    }
  }

  const overall = describeCell({}, {}, clusterSumsAt(overallAcc, 0), degreesOfFreedom(overallAcc, 0), overallAcc.respondents[0], null, minBase, confLevel);
  const cells: AcceptanceCell[] = [];
  for (let cell = 0; cell < cellCount; cell++) {
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
    const base = baseSumsAt(baseAcc, baseIndex);
    const orderedKey = Object.fromEntries(dimensions.map((d) => [d.id, key[d.id]]));
    const orderedLabels = Object.fromEntries(dimensions.map((d) => [d.id, labels[d.id]]));
    const df = degreesOfFreedom(cellAcc, cell, baseAcc, baseIndex);
    cells.push(describeCell(orderedKey, orderedLabels, clusterSumsAt(cellAcc, cell), df, base.respondents, dimensions.length ? base : null, minBase, confLevel));
  }
  adjustForMultipleTests(cells);

  return {
    datasetId: data.codebook.id,
    synthetic: data.codebook.synthetic,
    weighted: data.weighted,
    itemIds,
    dimensions,
    overall,
    cells,
    minBase,
    confLevel,
    missingAttribute,
    notes: resolved.notes,
  };
}

function addRespondent(acc: Accumulators, i: number, a: number, b: number, n: number, at: number, bt: number) {
  acc.respondents[i] += 1;
  if (b > 0) acc.weightedRespondents[i] += 1;
  acc.ratings[i] += n;
  acc.a[i] += a;
  acc.b[i] += b;
  acc.aa[i] += a * a;
  acc.ab[i] += a * b;
  acc.bb[i] += b * b;
  acc.aAt[i] += a * at;
  acc.aBt[i] += a * bt;
  acc.bAt[i] += b * at;
  acc.bBt[i] += b * bt;
}

/** Degrees of freedom as R's degf(): respondents with a positive weight, less one (interval) or two (test). */
function degreesOfFreedom(cellAcc: Accumulators, cell: number, baseAcc: Accumulators = cellAcc, base = cell) {
  return { interval: cellAcc.weightedRespondents[cell] - 1, test: baseAcc.weightedRespondents[base] - 2 };
}

function describeCell(
  key: Record<string, string>,
  labels: Record<string, Label>,
  sums: ClusterSums,
  df: { interval: number; test: number },
  nDesign: number,
  base: BaseSums | null,
  minBase: number,
  confLevel: number,
): AcceptanceCell {
  const empty = sums.respondents === 0 || sums.sumB === 0;
  const cell: AcceptanceCell = {
    key,
    labels,
    respondents: sums.respondents,
    ratings: sums.ratings,
    sumWeights: sums.sumB,
    effectiveBase: clusteredEffectiveBase(sums),
    share: null,
    se: null,
    ci: null,
    ciLogit: null,
    vsRest: null,
    smallBase: sums.respondents < minBase,
  };
  if (empty) return cell;
  const { p, variance } = clusteredShare(sums, nDesign);
  const se = Math.sqrt(variance);
  cell.share = p;
  cell.se = Number.isFinite(se) ? se : null;
  cell.ci = wilsonInterval(p, cell.effectiveBase, confLevel);
  cell.ciLogit = cell.se === null ? null : logitInterval(p, cell.se, df.interval, confLevel);
  if (base && df.test >= 1) {
    const comparison = compareClusteredToRest(sums, base, nDesign);
    if (comparison && comparison.cell.variance + comparison.rest.variance - 2 * comparison.covariance > 0) {
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
