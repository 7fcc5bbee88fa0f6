import { addCalibrationRow, CALIBRATION_STRIDE, type CalibrationDesign } from '../stats/calibratedVariance';
import type { SurveyData } from '../survey/dataset';
import { combinationOf, type CellLayout } from './cellIndex';
import type { ResolvedQuery } from './query';

/**
 * What the calibrated variance of a raked weight needs beyond the engine's sums
 * (lib/stats/calibratedVariance.ts): per cell, per comparison base and overall, four sums per level
 * of each raking margin over the ratings in it. They are linear in the ratings (unlike the
 * variance's squares, which need a respondent's ratings together), so one pass over the ratings,
 * item by item, suffices, for single and pooled layouts alike.
 */
export interface CalibrationCollected {
  design: CalibrationDesign;
  /** Per cell, then slot: Σ y·φ, Σ φ, Σ y·ψ, Σ ψ (cells x slots x 4). */
  cells: Float64Array;
  bases: Float64Array;
  overall: Float64Array;
  /** Numbers per cell: slots x 4. */
  stride: number;
}

export function collectCalibration(data: SurveyData, design: CalibrationDesign, resolved: ResolvedQuery, layout: CellLayout): CalibrationCollected {
  const stride = design.slots * CALIBRATION_STRIDE;
  const cells = new Float64Array(layout.cellCount * stride);
  const bases = new Float64Array(layout.baseCount * stride);
  const overall = new Float64Array(stride);
  const combination = combinationOf(layout, resolved.include);
  const { weights } = data;
  const { cellOf } = design;
  resolved.itemIds.forEach((id, j) => {
    const answers = data.items.get(id)!.answerOf;
    const positive = resolved.positiveByItem[j];
    const slice = layout.sliceOfItem[j];
    const base = layout.baseCount === 1 ? 0 : slice;
    for (let r = 0; r < data.rowCount; r++) {
      const answer = answers[r];
      if (answer < 0 || !resolved.include[r]) continue;
      const y = positive[answer] ? 1 : 0;
      const w = weights[r];
      const k = cellOf[r];
      addCalibrationRow(design, overall, 0, k, w, y);
      const combo = combination[r];
      if (combo < 0) continue;
      addCalibrationRow(design, cells, (slice * layout.attributeCells + combo) * stride, k, w, y);
      addCalibrationRow(design, bases, base * stride, k, w, y);
    }
  });
  return { design, cells, bases, overall, stride };
}
