import { messageTranslator } from '@/lib/i18n/catalog';

/** Texts of the comparison table and dot plot shared by /benchmark and /compare; their words are in messages/*.json, namespace `comparison`. */
export const comparisonText = messageTranslator('comparison');
