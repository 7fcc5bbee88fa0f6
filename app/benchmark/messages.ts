import { translator } from '@/lib/i18n/messages';
import type { Label } from '@/lib/survey/codebook';

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
  chartLabel: {
    en: 'Dot plot of the acceptance rate per row, uploaded dataset against the reference; the table below has every figure.',
    nl: 'Stippendiagram van het acceptatiecijfer per rij, geüploade dataset tegenover de referentie; de tabel hieronder heeft elk cijfer.',
  },
  tableTitle: { en: 'Every row with its difference and test', nl: 'Elke rij met het verschil en de toets' },
  tableCaption: { en: 'Acceptance of the uploaded dataset and the reference, with the difference', nl: 'Acceptatie van de geüploade dataset en de referentie, met het verschil' },
  colUpload: { en: 'Uploaded', nl: 'Geüpload' },
  colReference: { en: 'Reference', nl: 'Referentie' },
  colBaseUpload: { en: 'Base uploaded (effective)', nl: 'Basis geüpload (effectief)' },
  colBaseReference: { en: 'Base reference (effective)', nl: 'Basis referentie (effectief)' },
  summary: {
    en: '{n} rows compared; {higher} significantly higher and {lower} significantly lower in the uploaded dataset.',
    nl: '{n} rijen vergeleken; {higher} significant hoger en {lower} significant lager in de geüploade dataset.',
  },
  summaryOne: {
    en: '1 row compared; {higher} significantly higher and {lower} significantly lower in the uploaded dataset.',
    nl: '1 rij vergeleken; {higher} significant hoger en {lower} significant lager in de geüploade dataset.',
  },
  summarySmall: {
    en: 'Rows with a base under the minimum of {min} on one side: {n}. They are greyed and not tested.',
    nl: 'Rijen met aan één kant een basis onder het minimum van {min}: {n}. Ze zijn grijs en niet getoetst.',
  },
  pairedByCorrespondence: {
    en: 'Items are paired as mapped for {reference}: {n} of the uploaded dataset’s items.',
    nl: 'Items zijn gekoppeld zoals vastgelegd voor {reference}: {n} items van de geüploade dataset.',
  },
  pairedById: {
    en: 'Items are paired by their names: the same item, with the same answers, in both datasets.',
    nl: 'Items zijn gekoppeld op hun naam: hetzelfde item, met dezelfde antwoorden, in beide datasets.',
  },
  editMapping: { en: 'Change which items are compared', nl: 'Wijzigen welke items worden vergeleken' },
  nothingShared: {
    en: '“{name}” and {reference} have no item in common yet.',
    nl: '“{name}” en {reference} hebben nog geen item gemeen.',
  },
  nothingSharedMap: {
    en: 'Tell which of your items asks the same as an item of the study: items whose labels match are proposed below, and nothing is compared until you save.',
    nl: 'Geef aan welke van uw items hetzelfde vraagt als een item van het onderzoek: items met overeenkomende namen worden hieronder voorgesteld, en er wordt pas vergeleken als u opslaat.',
  },
  nothingSharedRead: {
    en: 'An analyst or admin can map this dataset’s items to the study’s items on this page; then they are compared here.',
    nl: 'Een analist of beheerder kan de items van deze dataset op deze pagina aan de items van het onderzoek koppelen; daarna worden ze hier vergeleken.',
  },
  toMapping: { en: 'Map the items', nl: 'Items koppelen' },
  tryOther: { en: 'Or compare with {reference}', nl: 'Of vergelijk met {reference}' },
  compareLink: { en: 'Compare two datasets, or waves within one', nl: 'Twee datasets vergelijken, of golven binnen één dataset' },
  savedTitle: { en: 'The pairing with {reference}', nl: 'De koppeling met {reference}' },
  savedIntro: {
    en: 'Which item of the uploaded dataset stands beside which item of {reference}, as an analyst mapped them, with the answers each side counts as positive.',
    nl: 'Welk item van de geüploade dataset naast welk item van {reference} staat, zoals een analist ze koppelde, met de antwoorden die elke kant als positief telt.',
  },
  colYourItem: { en: 'Item of the uploaded dataset', nl: 'Item van de geüploade dataset' },
  colTheirItem: { en: 'Item of {reference}', nl: 'Item van {reference}' },
  colPositive: { en: 'Counted as positive', nl: 'Als positief geteld' },
  colPositiveIn: { en: 'Counted as positive in {reference}', nl: 'Als positief geteld in {reference}' },
  leftOutTitle: { en: 'Left out', nl: 'Weggelaten' },
  leftOutItems: { en: 'Items not compared: {n}', nl: 'Niet vergeleken items: {n}' },
  leftOutLevels: { en: 'Groups of {by} not compared: {n}', nl: 'Niet vergeleken groepen van {by}: {n}' },
  leftOutNone: { en: 'Every item of both datasets is compared.', nl: 'Elk item van beide datasets is vergeleken.' },
  filtersNote: { en: '{name}: only {filters}.', nl: '{name}: alleen {filters}.' },
  links: { en: 'Also on this dataset:', nl: 'Ook op deze dataset:' },
  linkExplore: { en: 'explore it', nl: 'verkennen' },
  linkFindings: { en: 'the published figures on it', nl: 'de gepubliceerde cijfers erop' },
  methods: {
    en: 'The two datasets are independent samples, analysed as two strata of one design (R: svydesign(ids = ~1, or ~respondent for pooled items, strata = ~source, weights = ~w) on both stacked; svyby(~ok, ~source, design, svymean); svyttest(ok ~ source, design)). The difference’s standard error is the root of the sum of the two squared standard errors; the p-value is two-sided from Student’s t with the respondents of both less three degrees of freedom; the interval is the difference ± t·SE. Rates: weighted share of positive answers among those asked, with the Wilson interval on the Kish effective base. Rows where either side has fewer respondents than the minimum base are greyed with the reason and have no interval, p-value or mark; they are left out of the Benjamini-Hochberg correction. Items are paired as an analyst mapped them (each side counting its own positive answers, shown beside each item), or else by their names.',
    nl: 'De twee datasets zijn onafhankelijke steekproeven, geanalyseerd als twee strata van één design (R: svydesign(ids = ~1, of ~respondent voor samengevoegde items, strata = ~source, weights = ~w) op beide onder elkaar; svyby(~ok, ~source, design, svymean); svyttest(ok ~ source, design)). De standaardfout van het verschil is de wortel van de som van de twee gekwadrateerde standaardfouten; de p-waarde is tweezijdig uit Student’s t met de respondenten van beide min drie vrijheidsgraden; het interval is het verschil ± t·SE. Cijfers: gewogen aandeel positieve antwoorden onder de ondervraagden, met het Wilson-interval op de effectieve basis van Kish. Rijen waarin een kant minder respondenten heeft dan de minimale basis zijn grijs, met de reden, en hebben geen interval, p-waarde of markering; ze tellen niet mee in de Benjamini-Hochberg-correctie. Items zijn gekoppeld zoals een analist ze vastlegde (elke kant telt de eigen positieve antwoorden, die bij elk item staan), of anders op hun naam.',
  },
  editorTitle: { en: 'Which of your items correspond to items of {reference}', nl: 'Welke van uw items overeenkomen met items van {reference}' },
  editorIntro: {
    en: 'For each item of the uploaded dataset, choose the item of {reference} that asks the same, or leave it out. Items whose labels match are proposed; check each one. Compare only items that count the same kind of answer: the answers each side counts as positive are shown beside it.',
    nl: 'Kies voor elk item van de geüploade dataset het item van {reference} dat hetzelfde vraagt, of laat het weg. Items met overeenkomende namen worden voorgesteld; controleer ze stuk voor stuk. Vergelijk alleen items die hetzelfde soort antwoord tellen: de antwoorden die elke kant als positief telt, staan ernaast.',
  },
  editorRegion: { en: 'Pairing with {reference}, one row per question', nl: 'Koppeling met {reference}, één rij per vraag' },
  editorNone: { en: 'Not compared', nl: 'Niet vergelijken' },
  editorSelectLabel: { en: 'Item of {reference} for “{item}”', nl: 'Item van {reference} voor “{item}”' },
  editorProposed: { en: 'proposed', nl: 'voorgesteld' },
  editorCount: { en: '{n} of {total} items paired.', nl: '{n} van {total} items gekoppeld.' },
  editorSave: { en: 'Save the pairing', nl: 'Koppeling opslaan' },
  editorSaving: { en: 'Saving…', nl: 'Bezig met opslaan…' },
  editorSaved: { en: 'Saved. The comparison above now uses it.', nl: 'Opgeslagen. De vergelijking hierboven gebruikt haar nu.' },
  editorUnsaved: { en: 'Not saved yet: nothing is compared this way until you save.', nl: 'Nog niet opgeslagen: er wordt pas zo vergeleken als u opslaat.' },
  editorReset: { en: 'Undo the changes', nl: 'Wijzigingen ongedaan maken' },
  editorErrorSignIn: { en: 'Not saved: your session has ended. Sign in again and save once more.', nl: 'Niet opgeslagen: uw sessie is verlopen. Meld u opnieuw aan en sla nogmaals op.' },
  editorErrorRole: { en: 'Not saved: only analysts and admins may change the pairing.', nl: 'Niet opgeslagen: alleen analisten en beheerders mogen de koppeling wijzigen.' },
  editorErrorGone: {
    en: 'Not saved: the server could not find this dataset’s codebook (the dataset was deleted, or this server cannot store codebook changes yet).',
    nl: 'Niet opgeslagen: de server vond het codeboek van deze dataset niet (de dataset is verwijderd, of deze server kan nog geen codeboekwijzigingen opslaan).',
  },
  editorErrorRefused: {
    en: 'Not saved: the server refused the codebook. Reload the page and try again; nothing was changed.',
    nl: 'Niet opgeslagen: de server weigerde het codeboek. Laad de pagina opnieuw en probeer het nog eens; er is niets gewijzigd.',
  },
  editorErrorChanged: {
    en: 'Not saved: the codebook was changed by someone else while you saved. Reload the page to see the change, then save again.',
    nl: 'Niet opgeslagen: iemand anders wijzigde het codeboek terwijl u opsloeg. Laad de pagina opnieuw om de wijziging te zien en sla dan opnieuw op.',
  },
  editorErrorOther: { en: 'Not saved: the server answered {status}. Nothing was changed; try again.', nl: 'Niet opgeslagen: de server antwoordde {status}. Er is niets gewijzigd; probeer het opnieuw.' },
  editorErrorNetwork: { en: 'Not saved: the server could not be reached. Nothing was changed; try again.', nl: 'Niet opgeslagen: de server was niet bereikbaar. Er is niets gewijzigd; probeer het opnieuw.' },
} satisfies Record<string, Label>;

export type BenchmarkMessageKey = keyof typeof benchmarkMessages;

export const benchmarkText = translator(benchmarkMessages);
