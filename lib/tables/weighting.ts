import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { checkWeightId, selectWeight, UNWEIGHTED, type WeightInUse } from '../survey/weights';
import { TableError } from './model';

/**
 * Which weight a table uses: one of the dataset's weights by id, as every page and API call chooses
 * it (lib/survey/weights.ts: "unweighted", a weight's id; absent: the weight the data are in, for a
 * dataset as loaded its default; `none` is
 * the tables' older name for "unweighted"), or weights given per respondent (the CLI's weights
 * file), in the dataset's row order. The table names the weight it used in its footnote and exports;
 * under a raked weight its SEs and column letters are the raked design's (lib/tables/crossTable.ts).
 */
export type TableWeighting = { kind: 'weight'; id?: string } | { kind: 'custom'; values: Float64Array; label: Label };

/** The weight a table was computed with, as its footnote and exports name it. */
export interface WeightingUsed {
  /** The dataset's weight id; null for a weights file. */
  id: string | null;
  label: Label;
  kind: WeightInUse['kind'] | 'custom';
  /** SEs and letters are the raked design's (calibrated). */
  calibrated: boolean;
}

/** The weight id a table parameter asks for: `none` is "unweighted", `dataset` or nothing the default. */
export function weightParam(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null || value === '' || value === 'dataset') return undefined;
  return value === 'none' ? UNWEIGHTED : value;
}

const usedOf = (weight: WeightInUse): WeightingUsed => ({ id: weight.id, label: weight.label, kind: weight.kind, calibrated: weight.calibration !== null });

/**
 * The dataset with the chosen weights in place of its own, and what to call them. A weight id the
 * dataset does not have is a WeightChoiceError naming the ones it has (the API's 400; pages resolve
 * the id leniently before they get here).
 */
export function weightedData(data: SurveyData, weighting: TableWeighting = { kind: 'weight' }): { data: SurveyData; used: WeightingUsed } {
  if (weighting.kind === 'weight') {
    // No id: the weight the data are in (a dataset as loaded is in its default).
    const chosen = weighting.id === undefined ? data : selectWeight(data, checkWeightId(data.codebook, weighting.id));
    return { data: chosen, used: usedOf(chosen.weight) };
  }
  const { values } = weighting;
  if (values.length !== data.rowCount)
    throw new TableError(`the weights have ${values.length} values for ${data.rowCount} respondents`, { en: 'The weights do not belong to this dataset: their number differs from its respondents.', nl: 'De gewichten horen niet bij deze dataset: hun aantal verschilt van het aantal respondenten.' }, 'BadWeights');
  let positive = false;
  for (let r = 0; r < values.length; r++) {
    const w = values[r];
    if (!(w >= 0) || !Number.isFinite(w))
      throw new TableError(`weight ${r + 1} is ${w}: weights must be finite numbers >= 0`, { en: 'A weight is negative or not a number.', nl: 'Een gewicht is negatief of geen getal.' }, 'BadWeights');
    if (w > 0) positive = true;
  }
  if (!positive) throw new TableError('every weight is 0', { en: 'Every weight is 0.', nl: 'Elk gewicht is 0.' }, 'BadWeights');
  // A weights file is taken as fixed weights: no raking design, so no calibrated variance.
  const custom: WeightInUse = { id: 'custom', label: weighting.label, kind: 'column', isDefault: false, calibration: null };
  return { data: { ...data, weights: values, weighted: true, weight: custom }, used: { id: null, label: weighting.label, kind: 'custom', calibrated: false } };
}
