import { messageTranslator } from '@/lib/i18n/catalog';

/** Texts of /tables. Item, family, attribute and level labels come from the codebooks; the table's own words from lib/tables/text.ts; their words are in messages/*.json, namespace `tables`. */
export const tablesText = messageTranslator('tables');
