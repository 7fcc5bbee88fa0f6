import { messageTranslator } from '@/lib/i18n/catalog';

/** Texts of the findings page on a stored dataset (?dataset=); the reference page's texts are in lib/i18n/messages.ts; their words are in messages/*.json, namespace `findings`. */
export const findingsText = messageTranslator('findings');
