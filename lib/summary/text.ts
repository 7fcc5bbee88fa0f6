import { type Catalog, messageTranslator } from '../i18n/catalog';

/**
 * The summary's texts are the `summary` namespace of messages/*.json. The page reads them with
 * next-intl; the PDF and the slide deck, which run outside React, and the footnotes they share
 * with the page (format.ts) read them through this translator.
 */
export type SummaryMessageKey = keyof Catalog['summary'];

export const summaryText = messageTranslator('summary');
