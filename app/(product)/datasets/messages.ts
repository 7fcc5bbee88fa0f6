import { messageTranslator } from '@/lib/i18n/catalog';

/** Texts of the datasets page; their words are in messages/*.json, namespace `datasets`. */
export const datasetsText = messageTranslator('datasets');
