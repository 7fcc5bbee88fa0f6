import type { Label, Locale } from '@/lib/survey/codebook';
import { translator, formatPercent } from '@/lib/i18n/messages';

/** The explorer's interface texts, English and Dutch. Labels of attributes, levels and items come from the codebook. */
export const exploreMessages = {
  pageTitle: { en: 'Explore acceptance', nl: 'Acceptatie verkennen' },
  pageIntro: {
    en: 'Which personalization is welcome, for whom, where and when. Choose a view, narrow the audience with the filters, and cross by a second dimension.',
    nl: 'Welke personalisatie welkom is, bij wie, waar en wanneer. Kies een weergave, maak de doelgroep kleiner met de filters en splits uit naar een tweede dimensie.',
  },
  controlsLabel: { en: 'Explorer settings', nl: 'Instellingen van de verkenner' },
  dataset: { en: 'Dataset', nl: 'Dataset' },
  uploadedMark: { en: '{name} (uploaded)', nl: '{name} (geüpload)' },
  uploadedNote: { en: 'You are exploring “{name}”, an uploaded dataset.', nl: 'Je verkent “{name}”, een geüploade dataset.' },
  uploadedBenchmark: { en: 'Compare it with a reference study', nl: 'Vergelijk het met een referentieonderzoek' },
  uploadedCompare: { en: 'compare it with another dataset or between its groups', nl: 'vergelijk het met een andere dataset of tussen de eigen groepen' },
  unknownDatasetTitle: { en: 'This dataset does not exist (any more)', nl: 'Deze dataset bestaat niet (meer)' },
  unknownDatasetText: {
    en: 'There is no dataset with the id “{id}”. It may have been deleted, or the link is incomplete.',
    nl: 'Er is geen dataset met de id “{id}”. Misschien is die verwijderd, of is de link onvolledig.',
  },
  unknownDatasetBack: { en: 'Explore the reference data of study G', nl: 'Verken de referentiedata van onderzoek G' },
  unknownDatasetList: { en: 'See every dataset', nl: 'Bekijk alle datasets' },
  view: { en: 'View', nl: 'Weergave' },
  view_items: { en: 'Items', nl: 'Items' },
  view_answers: { en: 'All answers', nl: 'Alle antwoorden' },
  view_groups: { en: 'By group', nl: 'Per groep' },
  view_datatypes: { en: 'Data types', nl: 'Gegevenstypen' },
  view_context: { en: 'Context', nl: 'Context' },
  view_bond: { en: 'Bond strength', nl: 'Sterkte van de band' },
  view_segments: { en: 'Segments', nl: 'Segmenten' },
  view_tactics: { en: 'Tactics', nl: 'Tactieken' },
  unavailableTitle: { en: 'Not available for this dataset', nl: 'Niet beschikbaar voor deze dataset' },
  unavailableView: { en: '{view}: {needs}', nl: '{view}: {needs}' },
  family: { en: 'Question group', nl: 'Vragengroep' },
  familyOption: { en: '{family} ({n} items)', nl: '{family} ({n} items)' },
  familyOptionOne: { en: '{family} (1 item)', nl: '{family} (1 item)' },
  by: { en: 'Rows: respondents by', nl: 'Rijen: respondenten naar' },
  dim: { en: 'Context dimension', nl: 'Contextdimensie' },
  dimAll: { en: 'All three (a chart each)', nl: 'Alle drie (elk een grafiek)' },
  cross: { en: 'Cross by', nl: 'Uitsplitsen naar' },
  crossNone: { en: 'Nothing (one bar per row)', nl: 'Niets (één balk per rij)' },
  crossGroupContext: { en: 'Context', nl: 'Context' },
  crossGroupAttributes: { en: 'Respondents', nl: 'Respondenten' },
  minBase: { en: 'Minimum base', nl: 'Minimale basis' },
  minBaseOption: { en: '{n} respondents', nl: '{n} respondenten' },
  filters: { en: 'Audience filters', nl: 'Doelgroepfilters' },
  filtersHint: { en: 'Tick levels to keep. Nothing ticked: everyone.', nl: 'Vink de niveaus aan die je wilt houden. Niets aangevinkt: iedereen.' },
  clearFilters: { en: 'Clear all filters', nl: 'Alle filters wissen' },
  updating: { en: 'Updating…', nl: 'Bijwerken…' },
  /** The controls' submit button, shown only without JavaScript (with it, every change applies at once). */
  apply: { en: 'Apply', nl: 'Toepassen' },
  audienceSize: { en: 'Audience: {n} of {total} respondents', nl: 'Doelgroep: {n} van {total} respondenten' },
  audienceEveryone: { en: 'everyone', nl: 'iedereen' },
  audienceFilters: { en: 'Filters', nl: 'Filters' },
  defaultWave: {
    en: 'By default only the latest wave ({wave}) is shown; untick it to see every wave.',
    nl: 'Standaard zie je alleen de laatste meting ({wave}); vink die uit om alle metingen te zien.',
  },

  headlineTitle: { en: 'Positive about automated personalization', nl: 'Positief over geautomatiseerde personalisatie' },
  headlineAudience: { en: 'This audience', nl: 'Deze doelgroep' },
  headlineEveryone: { en: 'Everyone in the study', nl: 'Iedereen in het onderzoek' },
  headlineVs: { en: '{diff} against everyone', nl: '{diff} ten opzichte van iedereen' },
  headlineBase: { en: '95% interval {lower} – {upper} · n = {n}', nl: '95%-interval {lower} – {upper} · n = {n}' },
  headlineNoFilter: { en: 'Filter the audience to compare it with everyone.', nl: 'Filter de doelgroep om die met iedereen te vergelijken.' },

  emptyTitle: { en: 'Nobody in the data matches these filters', nl: 'Niemand in de data voldoet aan deze filters' },
  emptyText: {
    en: 'The combination of filters leaves no respondent. Untick a level, or clear all filters.',
    nl: 'Bij deze combinatie van filters blijft geen respondent over. Vink een niveau uit, of wis alle filters.',
  },
  noView: { en: 'This dataset has no items for this view.', nl: 'Deze dataset heeft geen items voor deze weergave.' },
  headlineFamily: { en: 'Positive answers: {family}', nl: 'Positieve antwoorden: {family}' },

  itemsTitle: { en: '{family}: positive share per item', nl: '{family}: aandeel positief per item' },
  itemsTitleCrossed: { en: '{family}: positive share per item, by {cross}', nl: '{family}: aandeel positief per item, naar {cross}' },
  itemsLead: {
    en: 'Sorted from most to least positive. The line is the rate of all items of the group together, for this audience. Point at a label for the full question.',
    nl: 'Gesorteerd van meest naar minst positief. De lijn is het cijfer van alle items van de groep samen, voor deze doelgroep. Wijs een label aan voor de volledige vraag.',
  },
  itemsLeadCrossed: {
    en: 'Sorted by the positive share of the whole audience; one bar per {cross}. Point at a label for the full question.',
    nl: 'Gesorteerd op het aandeel positief van de hele doelgroep; één balk per {cross}. Wijs een label aan voor de volledige vraag.',
  },
  answersTitle: { en: '{family}: every answer', nl: '{family}: alle antwoorden' },
  answersTitleScale: { en: '{family}: every answer ({scale})', nl: '{family}: alle antwoorden ({scale})' },
  answersLead: {
    en: 'Each bar adds up to 100% of those who answered, the positive answers first. Whisker: the 95% interval of the positive share.',
    nl: 'Elke balk telt op tot 100% van wie antwoordde, de positieve antwoorden eerst. Snorhaar: het 95%-interval van het aandeel positief.',
  },
  answersFootnote: {
    en: '95% Wilson intervals on the Kish effective base. No test in this chart: the Items view tests each item’s positive share against the other items.',
    nl: '95%-Wilson-intervallen op de effectieve basis van Kish. Geen toets in deze grafiek: de weergave Items toetst het aandeel positief van elk item tegen de andere items.',
  },
  smallNoteSplit: {
    en: 'Faded bars: fewer than {min} respondents; no interval.',
    nl: 'Vervaagde balken: minder dan {min} respondenten; geen interval.',
  },
  positiveAll: { en: 'Positive (all positive answers)', nl: 'Positief (alle positieve antwoorden)' },
  groupsTitle: { en: '{family}: positive by {by}', nl: '{family}: positief naar {by}' },
  groupsTitleCrossed: { en: '{family}: positive by {by} and {cross}', nl: '{family}: positief naar {by} en {cross}' },
  groupsLead: {
    en: 'All items of the group together. The line is this audience’s overall rate.',
    nl: 'Alle items van de groep samen. De lijn is het totaal van deze doelgroep.',
  },
  rowItem: { en: 'Item', nl: 'Item' },
  colText: { en: 'Full question', nl: 'Volledige vraag' },

  dtOkTitle: { en: 'OK for a brand to act on: share per data type', nl: 'Oké dat een merk ernaar handelt: aandeel per gegevenstype' },
  dtOkLead: {
    en: 'Sorted from most to least accepted. Colour: the tier the study gives the data type (G2–G4); the tier computed from the answers is in the table and the tooltip.',
    nl: 'Gesorteerd van meest naar minst geaccepteerd. Kleur: de categorie die het onderzoek het gegevenstype geeft (G2–G4); de categorie berekend uit de antwoorden staat in de tabel en de tooltip.',
  },
  dtOkLeadCrossed: {
    en: 'Sorted by the OK share of the whole audience; one bar per {cross}. The computed tier of each cell is in the table.',
    nl: 'Gesorteerd op het aandeel oké van de hele doelgroep; één balk per {cross}. De berekende categorie van elke cel staat in de tabel.',
  },
  dtSplitTitle: { en: 'The whole answer: OK, depends, not OK', nl: 'Het hele antwoord: oké, hangt ervan af, niet oké' },
  dtSplitLead: {
    en: 'Each bar adds up to 100% of those asked. Whiskers: the 95% interval of the OK share (left edge) and of the not-OK share (right edge).',
    nl: 'Elke balk telt op tot 100% van de ondervraagden. Foutbalken: het 95%-interval van het aandeel oké (linkerrand) en van het aandeel niet oké (rechterrand).',
  },
  dtSplitLeadCrossed: {
    en: 'One bar per data type and {cross}, in the order of the chart above.',
    nl: 'Eén balk per gegevenstype en {cross}, in de volgorde van de grafiek hierboven.',
  },
  tierRule: {
    en: 'Computed tier: OK when the lower bound of the OK share is above 50%, no-go when that of the not-OK share is, grey zone otherwise.',
    nl: 'Berekende categorie: oké als de ondergrens van het aandeel oké boven 50% ligt, no-go als die van het aandeel niet oké dat doet, anders grijs gebied.',
  },
  tier_ok: { en: 'OK to use', nl: 'Oké om te gebruiken' },
  tier_grey: { en: 'Grey zone', nl: 'Grijs gebied' },
  tier_nogo: { en: 'No-go', nl: 'No-go' },
  tierShort_ok: { en: 'OK', nl: 'oké' },
  tierShort_grey: { en: 'grey', nl: 'grijs' },
  tierShort_nogo: { en: 'no-go', nl: 'no-go' },
  okThreshold: { en: '50%: OK when the interval is above', nl: '50%: oké als het interval erboven ligt' },

  ctxTitle: { en: 'Positive about automated services, by {dim}', nl: 'Positief over geautomatiseerde diensten, naar {dim}' },
  ctxTitleCrossed: { en: 'Positive about automated services, by {dim} and {cross}', nl: 'Positief over geautomatiseerde diensten, naar {dim} en {cross}' },
  ctxLead: {
    en: 'All scenarios pooled: twelve moments (situation × place × industry), of which each respondent rated six. The line is this audience’s overall rate.',
    nl: 'Alle scenario’s samen: twaalf momenten (situatie × plaats × branche), waarvan elke respondent er zes beoordeelde. De lijn is het totaal van deze doelgroep.',
  },
  subjectBy: { en: '{subject}: positive by {dim}', nl: '{subject}: positief naar {dim}' },
  subjectByCrossed: { en: '{subject}: positive by {dim} and {cross}', nl: '{subject}: positief naar {dim} en {cross}' },
  subjectLead: {
    en: 'All items of the group together, respondents counted once. The line is this audience’s overall rate.',
    nl: 'Alle items van de groep samen, respondenten één keer geteld. De lijn is het totaal van deze doelgroep.',
  },
  segmentWord: { en: 'segment', nl: 'segment' },
  highLow: { en: 'Highest: {high} ({highShare}). Lowest: {low} ({lowShare}).', nl: 'Hoogst: {high} ({highShare}). Laagst: {low} ({lowShare}).' },

  bondTitle: { en: 'Positive about automated services, by {dim}', nl: 'Positief over geautomatiseerde diensten, naar {dim}' },
  bondLead: {
    en: 'The uplift is each band’s rate minus this audience’s overall rate (the line).',
    nl: 'De stijging is het cijfer van elke groep min het totaal van deze doelgroep (de lijn).',
  },
  bondSentence: { en: '{band}: {share}, {uplift} against the overall {overall}.', nl: '{band}: {share}, {uplift} ten opzichte van het totaal van {overall}.' },
  unlockTitle: { en: 'Grey-zone data types: {low} against {high} ({dim})', nl: 'Gegevenstypen in het grijze gebied: {low} tegenover {high} ({dim})' },
  unlockLead: {
    en: 'Data types in the grey zone for the lower bands. ▲: the top band is significantly more positive than the lower bands within that data type (Benjamini-Hochberg over the rows of this chart).',
    nl: 'Gegevenstypen die voor de lagere groepen in het grijze gebied liggen. ▲: de hoogste groep is significant positiever dan de lagere groepen binnen dat gegevenstype (Benjamini-Hochberg over de rijen van deze grafiek).',
  },
  unlockSentence: { en: 'With {high} ({dim}), these move from the grey zone to OK: {list}.', nl: 'Bij {high} ({dim}) gaan deze van het grijze gebied naar oké: {list}.' },
  unlockNone: { en: 'With {high} ({dim}), no data type moves from the grey zone to OK.', nl: 'Bij {high} ({dim}) gaat geen gegevenstype van het grijze gebied naar oké.' },
  unlockTierColumn: { en: 'Tier: {band}', nl: 'Categorie: {band}' },

  segGridTitle: { en: 'Positive about automated services, by segment', nl: 'Positief over geautomatiseerde diensten, naar segment' },
  segCountryTitle: { en: 'Positive about automated services, by country', nl: 'Positief over geautomatiseerde diensten, naar land' },
  segLead: { en: 'Sorted from most to least welcoming. The line is this audience’s overall rate.', nl: 'Gesorteerd van meest naar minst positief. De lijn is het totaal van deze doelgroep.' },
  segMost: { en: 'Most welcoming: {most} ({mostShare}). Least welcoming: {least} ({leastShare}).', nl: 'Meest positief: {most} ({mostShare}). Minst positief: {least} ({leastShare}).' },
  segExcluded: {
    en: '{n} segment(s) with fewer than {min} respondents left out of this ranking.',
    nl: '{n} segment(en) met minder dan {min} respondenten buiten deze rangorde gelaten.',
  },
  segTooFew: { en: 'Too few segments above the minimum base to rank.', nl: 'Te weinig segmenten boven de minimale basis om te rangschikken.' },
  segmentRow: { en: 'Segment', nl: 'Segment' },
  rowDataType: { en: 'Data type', nl: 'Gegevenstype' },
  rowTactic: { en: 'Tactic', nl: 'Tactiek' },
  tierSummaryTitle: { en: 'At a glance (tiers computed for this audience)', nl: 'In één oogopslag (categorieën berekend voor deze doelgroep)' },
  splitFootnote: {
    en: '95% Wilson intervals on the Kish effective base. No test in this chart: each data type’s OK share is tested against the other data types in the chart above.',
    nl: '95%-Wilson-intervallen op de effectieve basis van Kish. Geen toets in deze grafiek: het aandeel oké van elk gegevenstype wordt in de grafiek hierboven getoetst tegen de andere gegevenstypen.',
  },

  tacticsTitle: { en: '{group}: share of consumers, ranked', nl: '{group}: aandeel consumenten, gerangschikt' },
  tacticsLead: {
    en: 'Each tactic is tested against the other tactics of its kind.',
    nl: 'Elke tactiek wordt getoetst tegen de andere tactieken van dezelfde soort.',
  },
  tacticsTop: { en: 'Ranked first: {item} ({share}).', nl: 'Op de eerste plaats: {item} ({share}).' },

  methodNote: {
    en: 'Design-based t test against the rest of the base; Benjamini-Hochberg correction over the cells of the chart; 95% Wilson intervals on the Kish effective base.',
    nl: 'Designgebaseerde t-toets tegen de rest van de basis; Benjamini-Hochberg-correctie over de cellen van de grafiek; 95%-Wilson-intervallen op de effectieve basis van Kish.',
  },
  restGroups: { en: 'Each bar is tested against the rest: the other groups of {groups}.', nl: 'Elke balk wordt getoetst tegen de rest: de andere groepen van {groups}.' },
  restGroupsWithin: {
    en: 'Each bar is tested against the rest: the other groups of {groups}, within the same {within}.',
    nl: 'Elke balk wordt getoetst tegen de rest: de andere groepen van {groups}, binnen dezelfde {within}.',
  },
  restItems: { en: 'Each bar is tested against the rest: all other ratings in the chart.', nl: 'Elke balk wordt getoetst tegen de rest: alle andere beoordelingen in de grafiek.' },
  restUnlock: {
    en: 'Test: the top band against the lower bands within each data type; Benjamini-Hochberg correction over the rows of the chart; 95% Wilson intervals on the Kish effective base.',
    nl: 'Toets: de hoogste groep tegen de lagere groepen binnen elk gegevenstype; Benjamini-Hochberg-correctie over de rijen van de grafiek; 95%-Wilson-intervallen op de effectieve basis van Kish.',
  },
  markNote: {
    en: '▲ / ▼: significantly above / below the rest (adjusted p < 0.05).',
    nl: '▲ / ▼: significant hoger / lager dan de rest (gecorrigeerde p < 0,05).',
  },
  smallNote: {
    en: 'Hatched grey bars: fewer than {min} respondents; not tested and left out of rankings.',
    nl: 'Gearceerde grijze balken: minder dan {min} respondenten; niet getoetst en buiten rangordes gelaten.',
  },
  pooledNote: {
    en: 'n counts respondents; their ratings of several items are pooled, with respondents as clusters.',
    nl: 'n telt respondenten; hun beoordelingen van meerdere items worden samengenomen, met respondenten als clusters.',
  },
  omittedRows: { en: 'Not shown (nobody in this audience): {list}.', nl: 'Niet getoond (niemand in deze doelgroep): {list}.' },
  omittedRowsCount: { en: '{n} rows outside the filters are not shown.', nl: '{n} rijen buiten de filters worden niet getoond.' },

  legendSmall: { en: 'Under the minimum base', nl: 'Onder de minimale basis' },
  legendOverall: { en: 'Overall rate of this audience', nl: 'Totaal van deze doelgroep' },
  overallShort: { en: 'Overall {share}', nl: 'Totaal {share}' },

  colShare: { en: 'Share', nl: 'Aandeel' },
  colInterval: { en: '95% interval', nl: '95%-interval' },
  colLower: { en: '95% lower', nl: '95% onder' },
  colUpper: { en: '95% upper', nl: '95% boven' },
  colN: { en: 'n (respondents)', nl: 'n (respondenten)' },
  colRatings: { en: 'Ratings', nl: 'Beoordelingen' },
  colEffective: { en: 'Effective n', nl: 'Effectieve n' },
  colVsRest: { en: 'vs rest', nl: 't.o.v. rest' },
  colDiff: { en: 'Difference vs rest (pp)', nl: 'Verschil t.o.v. rest (%-punt)' },
  colP: { en: 'Adjusted p (BH)', nl: 'Gecorrigeerde p (BH)' },
  colMark: { en: 'Significance', nl: 'Significantie' },
  colUplift: { en: 'Uplift vs overall', nl: 'Stijging t.o.v. totaal' },
  colUpliftPp: { en: 'Uplift vs overall (pp)', nl: 'Stijging t.o.v. totaal (%-punt)' },
  colTierStudy: { en: 'Tier (study)', nl: 'Categorie (onderzoek)' },
  colTierComputed: { en: 'Tier (computed)', nl: 'Categorie (berekend)' },
  colNote: { en: 'Note', nl: 'Opmerking' },
  colPart: { en: '{part}', nl: '{part}' },
  smallBaseNote: { en: 'n = {n} < {min}', nl: 'n = {n} < {min}' },
  smallBaseReason: { en: 'n = {n}, under the minimum base of {min}: no interval or test', nl: 'n = {n}, onder de minimale basis van {min}: geen interval of toets' },
  noAnswers: { en: 'no answers', nl: 'geen antwoorden' },
  overallRow: { en: 'Overall (this audience)', nl: 'Totaal (deze doelgroep)' },
  tableCaption: { en: 'Data table: {title}', nl: 'Datatabel: {title}' },
  tableSummary: { en: 'Data table ({rows, plural, one {# row} other {# rows}})', nl: 'Datatabel ({rows, plural, one {# rij} other {# rijen}})' },
  downloadCsv: { en: 'Download CSV', nl: 'CSV downloaden' },
  downloadCsvOf: { en: 'Download the table “{title}” as CSV', nl: 'Download de tabel “{title}” als CSV' },
  downloadImageOf: { en: 'Download the chart “{title}” as {format}', nl: 'Download de grafiek “{title}” als {format}' },
  imageFailed: { en: 'The image could not be made: {reason}', nl: 'De afbeelding kon niet worden gemaakt: {reason}' },
  imageDataset: { en: 'Dataset: {title}.', nl: 'Dataset: {title}.' },
  imageSynthetic: {
    en: 'Synthetic data: generated respondents matching the published figures, not real answers.',
    nl: 'Synthetische data: gegenereerde respondenten die de gepubliceerde cijfers volgen, geen echte antwoorden.',
  },
  imageReal: { en: 'Survey data as uploaded (not synthetic).', nl: 'Enquêtedata zoals geüpload (niet synthetisch).' },
  weightColumn: { en: 'Weight', nl: 'Weging' },
  weight: { en: 'Weight', nl: 'Weging' },
  weightDefault: { en: '{name} (default)', nl: '{name} (standaard)' },
  weightHint: { en: 'Which respondent weights the figures use.', nl: 'Met welke respondentgewichten de cijfers zijn berekend.' },
  markUp: { en: 'significantly above the rest', nl: 'significant hoger dan de rest' },
  markDown: { en: 'significantly below the rest', nl: 'significant lager dan de rest' },
  chartLabel: { en: 'Bar chart: {title}. The same numbers are in the data table below.', nl: 'Staafdiagram: {title}. Dezelfde cijfers staan in de datatabel eronder.' },
  tipInterval: { en: '95% interval', nl: '95%-interval' },
  tipBase: { en: 'Base n', nl: 'Basis n' },
  tipEffective: { en: 'Effective base', nl: 'Effectieve basis' },
  tipRatings: { en: 'ratings', nl: 'beoordelingen' },
  tipVsRest: { en: 'vs rest', nl: 't.o.v. rest' },
} satisfies Record<string, Label>;

export type ExploreMessageKey = keyof typeof exploreMessages;

export const exploreText = translator(exploreMessages);


export function formatInterval(lower: number | null, upper: number | null, locale: Locale): string {
  return lower === null || upper === null ? '–' : `${formatPercent(lower, locale)} – ${formatPercent(upper, locale)}`;
}

export const MARK_SYMBOL = { up: '▲', down: '▼' } as const;
