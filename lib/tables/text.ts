import { messageTranslator } from '../i18n/catalog';
import { formatNumber } from '../i18n/numbers';
import type { Locale } from '../survey/codebook';
import type { CrossTable } from './model';
import type { WeightingUsed } from './weighting';

/**
 * The words every form of a banner table shares (page, Excel, CSV, slides), in the catalogs
 * (messages/*.json, namespace `tableWords`): the footnote under a table and the lines of the tab
 * book's methods sheet. The exports are made outside React, so they read the catalogs directly.
 */
export const tableWords = messageTranslator('tableWords');

/** A p-value threshold as written in a footnote: 0.01, 0,01. */
const level = (alpha: number, locale: Locale) => formatNumber(alpha, locale, Math.max(2, String(alpha).split('.')[1]?.length ?? 0));

/** The weight by its label (lib/survey/weights.ts's weightNote, in a table's words). */
export function weightText(used: WeightingUsed, locale: Locale): string {
  if (used.kind === 'unweighted') return tableWords(locale, 'unweighted');
  return tableWords(locale, used.calibrated ? 'weightRaked' : 'weightCustom', { label: used.label[locale] });
}

export function rowsText(table: CrossTable, locale: Locale): string {
  const key = table.rowsSpec.kind === 'family' ? 'rowsFamily' : table.rowsSpec.kind === 'answers' ? 'rowsAnswers' : 'rowsItems';
  return tableWords(locale, key, { label: table.rowsLabel[locale] });
}

export function lettersText(table: CrossTable, locale: Locale): string {
  const [loose, strict] = table.alpha.length === 2 ? table.alpha : [table.alpha[0], table.alpha[0]];
  return tableWords(locale, table.alpha.length === 2 ? 'lettersTwo' : 'lettersOne', { strict: level(strict, locale), loose: level(loose, locale) });
}

export function correctionText(table: CrossTable, locale: Locale): string {
  return tableWords(locale, table.correction === 'bh' ? 'correctionBh' : 'correctionNone', { n: table.pairs.filter((p) => p.tested).length });
}

export function smallCellsText(table: CrossTable, locale: Locale): string {
  return tableWords(locale, table.smallCells === 'suppress' ? 'smallSuppress' : 'smallWarn', { min: table.minBase });
}

export function filterText(table: CrossTable, locale: Locale): string {
  return table.filterLabel ? tableWords(locale, 'filter', { filter: table.filterLabel[locale] }) : tableWords(locale, 'allRespondents');
}

/** The footnote under a table, one sentence per line: what the cells are, who, the weight, the test, the correction, small cells, synthetic or not. */
export function footnoteLines(table: CrossTable, locale: Locale): string[] {
  return [
    tableWords(locale, 'cellsShare'),
    filterText(table, locale),
    tableWords(locale, 'weight', { weight: weightText(table.weighting, locale) }),
    lettersText(table, locale),
    correctionText(table, locale),
    smallCellsText(table, locale),
    tableWords(locale, table.synthetic ? 'synthetic' : 'notSynthetic'),
  ];
}
