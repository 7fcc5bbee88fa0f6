import type { SurveyData } from '../survey/dataset';
import { accumulators, addRespondent, type CollectedSums } from './accumulators';
import { combinationOf, type CellLayout } from './cellIndex';
import type { ResolvedQuery } from './query';

/**
 * The general pass: respondents may give several ratings to one cell (pooled items) and sit on
 * both sides of a comparison. Each respondent's ratings are first summed per cell and per base in
 * scratch arrays, then added as one cluster.
 */
export function collectPooled(data: SurveyData, resolved: ResolvedQuery, layout: CellLayout): CollectedSums {
  const { positiveByItem, include } = resolved;
  const { cellCount, baseCount, attributeCells, sliceOfItem } = layout;
  const cells = accumulators(cellCount);
  const bases = accumulators(baseCount);
  const overall = accumulators(1);
  const tmpA = new Float64Array(cellCount);
  const tmpB = new Float64Array(cellCount);
  const tmpN = new Int32Array(cellCount);
  const tmpBaseA = new Float64Array(baseCount);
  const tmpBaseB = new Float64Array(baseCount);
  const tmpBaseN = new Int32Array(baseCount);
  const touchedCells = new Int32Array(cellCount);
  const touchedBases = new Int32Array(baseCount);
  const answerArrays = resolved.itemIds.map((id) => data.items.get(id)!.answerOf);
  const combination = combinationOf(layout, include);
  const { weights } = data;
  let missingAttribute = 0;

  for (let r = 0; r < data.rowCount; r++) {
    if (!include[r]) continue;
    const combo = combination[r];
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
      if (combo < 0) continue;
      const cell = sliceOfItem[j] * attributeCells + combo;
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
    if (combo < 0) missingAttribute++;
    addRespondent(overall, 0, overallA, overallB, overallN, overallA, overallB);
    for (let k = 0; k < nCells; k++) {
      const cell = touchedCells[k];
      const base = baseCount === 1 ? 0 : Math.floor(cell / attributeCells);
      addRespondent(cells, cell, tmpA[cell], tmpB[cell], tmpN[cell], tmpBaseA[base], tmpBaseB[base]);
      tmpA[cell] = 0;
      tmpB[cell] = 0;
      tmpN[cell] = 0;
    }
    for (let k = 0; k < nBases; k++) {
      const base = touchedBases[k];
      addRespondent(bases, base, tmpBaseA[base], tmpBaseB[base], tmpBaseN[base], tmpBaseA[base], tmpBaseB[base]);
      tmpBaseA[base] = 0;
      tmpBaseB[base] = 0;
      tmpBaseN[base] = 0;
    }
  }
  return { cells, bases, overall, missingAttribute };
}
