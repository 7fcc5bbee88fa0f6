import { translator, formatNumber } from '@/lib/i18n/messages';
import type { Label, Locale } from '@/lib/survey/codebook';

/** Texts of the benchmark page, in English and Dutch. Item, group and family labels come from the codebooks. */
export const benchmarkMessages = {
  title: { en: 'Benchmark an uploaded dataset', nl: 'Een geüploade dataset vergelijken' },
  titleWith: { en: '“{name}” against {against}', nl: '“{name}” tegenover {against}' },
  intro: {
    en: 'Your survey’s acceptance rates beside the reference study’s, for the items both have: the difference in points, its 95% interval and whether it is significant after Benjamini-Hochberg correction over the rows.',
    nl: 'De acceptatiecijfers van uw enquête naast die van het referentieonderzoek, voor de items die beide hebben: het verschil in procentpunten, het 95%-interval ervan en of het significant is na Benjamini-Hochberg-correctie over de rijen.',
  },
  controls: { en: 'Benchmark settings', nl: 'Instellingen van de vergelijking' },
  dataset: { en: 'Uploaded dataset', nl: 'Geüploade dataset' },
  against: { en: 'Compare with', nl: 'Vergelijken met' },
  family: { en: 'Items', nl: 'Items' },
  familyAll: { en: 'All shared items', nl: 'Alle gedeelde items' },
  by: { en: 'Split by', nl: 'Uitsplitsen naar' },
  byNone: { en: 'Nobody split out (everyone)', nl: 'Niet uitsplitsen (iedereen)' },
  minBase: { en: 'Minimum base', nl: 'Minimale basis' },
  minBaseOption: { en: '{n} respondents', nl: '{n} respondenten' },
  apply: { en: 'Compare', nl: 'Vergelijken' },
  uploadedMark: { en: '{name} (uploaded)', nl: '{name} (geüpload)' },
  referenceMark: { en: '{name} (reference)', nl: '{name} (referentie)' },
  noUploads: {
    en: 'There is no uploaded dataset yet. Upload a survey on the datasets page, then compare it here with study G or study P.',
    nl: 'Er is nog geen geüploade dataset. Upload een enquête op de pagina Datasets en vergelijk die hier met onderzoek G of onderzoek P.',
  },
  toDatasets: { en: 'Go to the datasets', nl: 'Naar de datasets' },
  unknown: { en: 'There is no dataset with the id “{id}” (any more).', nl: 'Er is (niet meer) een dataset met de id “{id}”.' },
  unknownBack: { en: 'Choose another dataset', nl: 'Kies een andere dataset' },
  cannot: { en: 'These two datasets cannot be compared this way', nl: 'Deze twee datasets kunnen zo niet vergeleken worden' },
  chartTitle: { en: 'Acceptance: {upload} against {reference}', nl: 'Acceptatie: {upload} tegenover {reference}' },
  chartLead: {
    en: 'Filled dot: the uploaded dataset; open dot: the reference. Marked rows differ significantly (Benjamini-Hochberg, 5%).',
    nl: 'Gevulde stip: de geüploade dataset; open stip: de referentie. Gemarkeerde rijen verschillen significant (Benjamini-Hochberg, 5%).',
  },
  chartLabel: {
    en: 'Dot plot of the acceptance rate per row, uploaded dataset against the reference; the table below has every figure.',
    nl: 'Stippendiagram van het acceptatiecijfer per rij, geüploade dataset tegenover de referentie; de tabel hieronder heeft elk cijfer.',
  },
  tableTitle: { en: 'Every row with its difference and test', nl: 'Elke rij met het verschil en de toets' },
  tableCaption: { en: 'Acceptance of the uploaded dataset and the reference, with the difference', nl: 'Acceptatie van de geüploade dataset en de referentie, met het verschil' },
  colItem: { en: 'Item', nl: 'Item' },
  colGroup: { en: 'Group', nl: 'Groep' },
  colUpload: { en: 'Uploaded', nl: 'Geüpload' },
  colReference: { en: 'Reference', nl: 'Referentie' },
  colDiff: { en: 'Difference', nl: 'Verschil' },
  colDiffCi: { en: '95% interval of the difference', nl: '95%-interval van het verschil' },
  interval: { en: '{lower} to {upper}', nl: '{lower} tot {upper}' },
  colP: { en: 'p', nl: 'p' },
  colPAdj: { en: 'p (BH)', nl: 'p (BH)' },
  colSig: { en: 'Significant', nl: 'Significant' },
  colBaseUpload: { en: 'Base uploaded (effective)', nl: 'Basis geüpload (effectief)' },
  colBaseReference: { en: 'Base reference (effective)', nl: 'Basis referentie (effectief)' },
  higher: { en: 'higher', nl: 'hoger' },
  lower: { en: 'lower', nl: 'lager' },
  notSignificant: { en: 'no', nl: 'nee' },
  smallBase: { en: 'base too small', nl: 'basis te klein' },
  noData: { en: 'no ratings', nl: 'geen beoordelingen' },
  summary: {
    en: '{n} rows compared; {higher} significantly higher and {lower} significantly lower in the uploaded dataset.',
    nl: '{n} rijen vergeleken; {higher} significant hoger en {lower} significant lager in de geüploade dataset.',
  },
  leftOutTitle: { en: 'Left out', nl: 'Weggelaten' },
  leftOutItems: { en: 'Items not compared (matched by item id): {n}', nl: 'Niet vergeleken items (gekoppeld op item-id): {n}' },
  leftOutLevels: { en: 'Groups of {by} not compared: {n}', nl: 'Niet vergeleken groepen van {by}: {n}' },
  leftOutNone: { en: 'Every item of both datasets is compared.', nl: 'Elk item van beide datasets is vergeleken.' },
  filtersNote: { en: '{name}: only {filters}.', nl: '{name}: alleen {filters}.' },
  links: { en: 'Also on this dataset:', nl: 'Ook op deze dataset:' },
  linkExplore: { en: 'explore it', nl: 'verkennen' },
  linkFindings: { en: 'the published figures on it', nl: 'de gepubliceerde cijfers erop' },
  methods: {
    en: 'The two datasets are independent samples, analysed as two strata of one design (R: svydesign(ids = ~1, or ~respondent for pooled items, strata = ~source, weights = ~w) on both stacked; svyby(~ok, ~source, design, svymean); svyttest(ok ~ source, design)). The difference’s standard error is the root of the sum of the two squared standard errors; the p-value is two-sided from Student’s t with the respondents of both less three degrees of freedom; the interval is the difference ± t·SE. Rates: weighted share of positive answers among those asked, with the Wilson interval on the Kish effective base. Rows where either side has fewer respondents than the minimum base are flagged and left out of the Benjamini-Hochberg correction.',
    nl: 'De twee datasets zijn onafhankelijke steekproeven, geanalyseerd als twee strata van één design (R: svydesign(ids = ~1, of ~respondent voor samengevoegde items, strata = ~source, weights = ~w) op beide onder elkaar; svyby(~ok, ~source, design, svymean); svyttest(ok ~ source, design)). De standaardfout van het verschil is de wortel van de som van de twee gekwadrateerde standaardfouten; de p-waarde is tweezijdig uit Student’s t met de respondenten van beide min drie vrijheidsgraden; het interval is het verschil ± t·SE. Cijfers: gewogen aandeel positieve antwoorden onder de ondervraagden, met het Wilson-interval op de effectieve basis van Kish. Rijen waarin een kant minder respondenten heeft dan de minimale basis worden gemarkeerd en niet meegenomen in de Benjamini-Hochberg-correctie.',
  },
} satisfies Record<string, Label>;

export type BenchmarkMessageKey = keyof typeof benchmarkMessages;

export const bt = translator(benchmarkMessages);

/** A signed difference in points: "+5.2 pp", Dutch "+5,2 pp". */
export function formatPoints(diff: number, locale: Locale): string {
  const value = formatNumber(Math.abs(100 * diff), locale, 1);
  const sign = diff > 0.00005 ? '+' : diff < -0.00005 ? '−' : '±';
  return `${sign}${value} pp`;
}

/** A p-value as people read it: "< 0.001", "0.034". */
export function formatP(p: number, locale: Locale): string {
  if (p < 0.001) return `< ${formatNumber(0.001, locale, 3)}`;
  return formatNumber(p, locale, 3);
}
