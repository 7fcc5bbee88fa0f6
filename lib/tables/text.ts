import { fill, formatNumber, translator } from '../i18n/messages';
import type { Label, Locale } from '../survey/codebook';
import type { CrossTable } from './model';
import type { WeightingUsed } from './weighting';

/**
 * The words every form of a banner table shares (page, Excel, CSV, slides), in English and Dutch:
 * the footnote under a table and the lines of the tab book's methods sheet.
 */
export const tableText = {
  total: { en: 'Total', nl: 'Totaal' },
  baseN: { en: 'Base (n)', nl: 'Basis (n)' },
  baseWeighted: { en: 'Weighted base', nl: 'Gewogen basis' },
  baseEffective: { en: 'Effective base', nl: 'Effectieve basis' },
  rowBase: { en: 'n', nl: 'n' },
  letters: { en: 'Sig.', nl: 'Sig.' },
  weightCustom: { en: 'weighted by “{label}”', nl: 'gewogen met “{label}”' },
  weightRaked: { en: 'weighted by “{label}” (standard errors and letters of the raked design)', nl: 'gewogen met “{label}” (standaardfouten en letters van het geraakte ontwerp)' },
  unweighted: { en: 'unweighted', nl: 'ongewogen' },
  cellsShare: {
    en: 'Column percentages: the share of the column’s respondents who answered the row’s question; item rows count its positive answers.',
    nl: 'Kolompercentages: het aandeel van de respondenten in de kolom die de vraag van de rij beantwoordden; itemrijen tellen de positieve antwoorden.',
  },
  bases: {
    en: 'Bases: n = respondents with an answer, weighted n = their sum of weights, effective n = Kish (Σw)²/Σw². A row whose question was not asked of everyone shows its own n.',
    nl: 'Basis: n = respondenten met een antwoord, gewogen n = hun som van gewichten, effectieve n = Kish (Σw)²/Σw². Een rij waarvan de vraag niet aan iedereen is gesteld, toont haar eigen n.',
  },
  lettersTwo: {
    en: 'Letters: the column is significantly higher than the lettered column of the same banner group (nested: within the same outer group); upper case p < {strict}, lower case p < {loose}.',
    nl: 'Letters: de kolom is significant hoger dan de kolom met die letter in dezelfde bannergroep (genest: binnen dezelfde buitenste groep); hoofdletter p < {strict}, kleine letter p < {loose}.',
  },
  lettersOne: {
    en: 'Letters: the column is significantly higher than the lettered column of the same banner group (nested: within the same outer group) at p < {strict}.',
    nl: 'Letters: de kolom is significant hoger dan de kolom met die letter in dezelfde bannergroep (genest: binnen dezelfde buitenste groep) bij p < {strict}.',
  },
  test: {
    en: 'Test: design-based t test of two columns on the respondents who answered, as R’s svyttest(y ~ g, subset(design, g %in% c(A, B))) with svydesign(ids = ~1, weights = ~w); df = n_A + n_B − 2.',
    nl: 'Toets: design-gebaseerde t-toets van twee kolommen op de respondenten die antwoordden, zoals R’s svyttest(y ~ g, subset(design, g %in% c(A, B))) met svydesign(ids = ~1, weights = ~w); df = n_A + n_B − 2.',
  },
  correctionBh: { en: 'p-values corrected with Benjamini-Hochberg over the {n} pairs tested in this table.', nl: 'p-waarden gecorrigeerd met Benjamini-Hochberg over de {n} geteste paren in deze tabel.' },
  correctionNone: { en: 'No correction for multiple comparisons ({n} pairs tested in this table).', nl: 'Geen correctie voor meervoudig toetsen ({n} geteste paren in deze tabel).' },
  smallWarn: { en: 'Cells with fewer than {min} respondents are greyed and get no letters, nor give any.', nl: 'Cellen met minder dan {min} respondenten zijn grijs en krijgen of geven geen letters.' },
  smallSuppress: { en: 'Cells with fewer than {min} respondents are suppressed (–) and get no letters, nor give any.', nl: 'Cellen met minder dan {min} respondenten zijn weggelaten (–) en krijgen of geven geen letters.' },
  synthetic: { en: 'Synthetic data: generated respondents that match the published aggregates, not real answers.', nl: 'Synthetische data: gegenereerde respondenten die overeenkomen met de gepubliceerde cijfers, geen echte antwoorden.' },
  notSynthetic: { en: 'Survey data as uploaded (not synthetic).', nl: 'Onderzoeksdata zoals geüpload (niet synthetisch).' },
  filter: { en: 'Respondents: {filter}.', nl: 'Respondenten: {filter}.' },
  allRespondents: { en: 'Respondents: everyone in the dataset.', nl: 'Respondenten: iedereen in de dataset.' },
  weight: { en: 'Weight: {weight}.', nl: 'Weging: {weight}.' },
  rowsFamily: { en: 'Rows: the items of “{label}”', nl: 'Rijen: de items van “{label}”' },
  rowsItems: { en: 'Rows: {label}', nl: 'Rijen: {label}' },
  rowsAnswers: { en: 'Rows: the answers to “{label}”, with NETs', nl: 'Rijen: de antwoorden op “{label}”, met NETs' },
  dash: { en: '–', nl: '–' },
  noAnswers: { en: 'nobody in this column answered', nl: 'niemand in deze kolom antwoordde' },
  smallCell: { en: 'fewer than {min} respondents: no letters', nl: 'minder dan {min} respondenten: geen letters' },
} satisfies Record<string, Label>;

export const tableWords = translator<keyof typeof tableText>(tableText);

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
  return tableWords(locale, table.correction === 'bh' ? 'correctionBh' : 'correctionNone', { n: formatNumber(table.pairs.filter((p) => p.tested).length, locale) });
}

export function smallCellsText(table: CrossTable, locale: Locale): string {
  return tableWords(locale, table.smallCells === 'suppress' ? 'smallSuppress' : 'smallWarn', { min: formatNumber(table.minBase, locale) });
}

export function filterText(table: CrossTable, locale: Locale): string {
  return table.filterLabel ? tableWords(locale, 'filter', { filter: table.filterLabel[locale] }) : tableWords(locale, 'allRespondents');
}

/** The footnote under a table, one sentence per line: what the cells are, who, the weight, the test, the correction, small cells, synthetic or not. */
export function footnoteLines(table: CrossTable, locale: Locale): string[] {
  return [
    tableWords(locale, 'cellsShare'),
    filterText(table, locale),
    fill(tableText.weight[locale], { weight: weightText(table.weighting, locale) }),
    lettersText(table, locale),
    correctionText(table, locale),
    smallCellsText(table, locale),
    tableWords(locale, table.synthetic ? 'synthetic' : 'notSynthetic'),
  ];
}
