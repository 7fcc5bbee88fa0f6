import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { TableError } from './model';

/**
 * Which weight a table uses: the dataset's own (its codebook's weight column, or none), none at all,
 * or weights given per respondent (a named weight of the dataset, a weights file of the CLI), in the
 * dataset's row order. The table names the weight it used in its footnote and methods sheet.
 */
export type TableWeighting = { kind: 'dataset' } | { kind: 'none' } | { kind: 'custom'; values: Float64Array; label: Label };

/** The weight a table was computed with, as its footnote names it. */
export type WeightingUsed = { kind: 'column'; column: string } | { kind: 'none' } | { kind: 'custom'; label: Label };

const unitWeights = new WeakMap<SurveyData, Float64Array>();

/** The dataset with the chosen weights in place of its own, and what to call them. */
export function weightedData(data: SurveyData, weighting: TableWeighting = { kind: 'dataset' }): { data: SurveyData; used: WeightingUsed } {
  if (weighting.kind === 'dataset') {
    return { data, used: data.weighted && data.codebook.weight ? { kind: 'column', column: data.codebook.weight } : { kind: 'none' } };
  }
  if (weighting.kind === 'none') {
    if (!data.weighted) return { data, used: { kind: 'none' } };
    let ones = unitWeights.get(data);
    if (!ones) unitWeights.set(data, (ones = new Float64Array(data.rowCount).fill(1)));
    return { data: { ...data, weights: ones, weighted: false }, used: { kind: 'none' } };
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
  return { data: { ...data, weights: values, weighted: true }, used: { kind: 'custom', label: weighting.label } };
}
