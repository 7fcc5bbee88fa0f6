import { type Catalog, messageTranslator } from '@/lib/i18n/catalog';

export type WeightingMessageKey = keyof Catalog['weighting'];
/** Texts of the weighting page (/datasets/<id>/weighting); their words are in messages/*.json, namespace `weighting`. */
export const weightingText = messageTranslator('weighting');
