import { messageTranslator } from '@/lib/i18n/catalog';

/** Texts of /compare. Item, family, attribute and level labels come from the codebooks; their words are in messages/*.json, namespace `compare`. */
export const compareText = messageTranslator('compare');
