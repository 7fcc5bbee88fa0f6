import type { Label } from '../survey/codebook';
import type { ItemColumn } from '../survey/dataset';

/**
 * The answers an item counts as positive, by their labels ("Very acceptable, Somewhat acceptable";
 * "OK"): what an analyst reads to judge whether two items count the same kind of answer.
 */
export function positiveLabels(column: Pick<ItemColumn, 'codes' | 'positive'>): Label[] {
  return column.codes.filter((_, i) => column.positive[i]).map((c) => c.label);
}
