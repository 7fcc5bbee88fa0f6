import type { Label } from '../survey/codebook';
import { translator } from '../i18n/messages';

/** The summary's texts in English and Dutch: the home page, the PDF and the slide deck share them. */
export const summaryMessages = {
  title: { en: 'Executive summary', nl: 'Managementsamenvatting' },
  intro: {
    en: 'The headline figures of the selected dataset, what they mean, and the chart behind each one.',
    nl: 'De kerncijfers van de gekozen dataset, wat ze betekenen en de grafiek achter elk cijfer.',
  },
  datasetLabel: { en: 'Dataset', nl: 'Dataset' },
  show: { en: 'Show', nl: 'Tonen' },
  updating: { en: 'Updating…', nl: 'Bijwerken…' },
  uploadsGroup: { en: 'Uploaded datasets', nl: 'Geüploade datasets' },
  referenceGroup: { en: 'Reference studies', nl: 'Referentieonderzoeken' },
  respondents: { en: '{n} respondents', nl: '{n} respondenten' },
  respondentsInWave: { en: '{n} respondents in {wave} ({total} in {waves} waves)', nl: '{n} respondenten in {wave} ({total} in {waves} metingen)' },
  generatedOn: { en: 'Generated on {date}', nl: 'Gemaakt op {date}' },
  headlinesTitle: { en: 'Headline figures', nl: 'Kerncijfers' },
  takeawaysTitle: { en: 'Key takeaways', nl: 'Belangrijkste conclusies' },
  takeawaysIntro: {
    en: 'The largest differences in the data that pass the significance test (Benjamini-Hochberg over {k} comparisons) with at least {minBase} respondents on each side.',
    nl: 'De grootste verschillen in de data die de significantietoets doorstaan (Benjamini-Hochberg over {k} vergelijkingen), met aan elke kant minstens {minBase} respondenten.',
  },
  takeawayLine: {
    en: '{dimension}: {top} {topShare} against {bottom} {bottomShare}',
    nl: '{dimension}: {top} {topShare} tegenover {bottom} {bottomShare}',
  },
  comparisonLine: {
    en: '{dimension}: {top} {topShare}, {bottom} {bottomShare}: {diff} points more',
    nl: '{dimension}: {top} {topShare}, {bottom} {bottomShare}: {diff} procentpunt meer',
  },
  takeawayScope: { en: 'Positive: {scope}', nl: 'Positief: {scope}' },
  noTakeaways: {
    en: 'No difference in these data passes the significance test at the minimum base: there is no key takeaway to report.',
    nl: 'Geen verschil in deze data doorstaat de significantietoets bij de minimale basis: er is geen conclusie te melden.',
  },
  seeChart: { en: 'See the chart', nl: 'Bekijk de grafiek' },
  seeFinding: { en: 'See the published figure', nl: 'Bekijk het gepubliceerde cijfer' },
  soWhat: { en: 'So what', nl: 'Wat betekent dit' },
  pdf: { en: 'Download PDF', nl: 'PDF downloaden' },
  pptx: { en: 'Slides (PPTX)', nl: 'Dia’s (PPTX)' },
  print: { en: 'Print', nl: 'Afdrukken' },
  downloads: { en: 'Take it into the meeting', nl: 'Neem het mee naar de vergadering' },
  points: { en: 'points', nl: 'procentpunt' },
  pointsShort: { en: 'pts', nl: 'ptn' },
  methodsTitle: { en: 'Methods', nl: 'Methode' },
  footBase: { en: 'Base: {n} respondents (effective {eff})', nl: 'Basis: {n} respondenten (effectief {eff})' },
  footInterval: { en: '95% interval {lower}–{upper}', nl: '95%-interval {lower}–{upper}' },
  footWeighted: { en: 'weighted', nl: 'gewogen' },
  footUnweighted: { en: 'unweighted', nl: 'ongewogen' },
  footSynthetic: { en: 'synthetic data', nl: 'synthetische data' },
  footTest: { en: '{high} ({highN}) against {low} ({lowN}): {description}, {p}', nl: '{high} ({highN}) tegenover {low} ({lowN}): {description}, {p}' },
  footRange: { en: '{count} data types; bases {minN}–{maxN} respondents', nl: '{count} gegevenstypen; basis {minN}–{maxN} respondenten' },
  footDifference: {
    en: 'Largest difference, {dimension}: {high} ({highN}) against {low} ({lowN}), {diff} points, design-based t test, {p} after Benjamini-Hochberg over {k} attributes',
    nl: 'Grootste verschil, {dimension}: {high} ({highN}) tegenover {low} ({lowN}), {diff} procentpunt, designgebaseerde t-toets, {p} na Benjamini-Hochberg over {k} kenmerken',
  },
  smallBase: { en: 'small base', nl: 'kleine basis' },
  tipBases: { en: 'Base n = {n} · effective base {effective}', nl: 'Basis n = {n} · effectieve basis {effective}' },
  smallBaseMark: { en: '{label} (small base, n = {n})', nl: '{label} (kleine basis, n = {n})' },
  footSmall: { en: 'small base: fewer than {min} respondents, so no interval or test', nl: 'kleine basis: minder dan {min} respondenten, dus geen interval of toets' },
  footNoTest: {
    en: '{high} ({highN}) against {low} ({lowN}): not tested, as one side has fewer than {min} respondents',
    nl: '{high} ({highN}) tegenover {low} ({lowN}): niet getoetst, want één kant heeft minder dan {min} respondenten',
  },
  weightLabel: { en: 'Weight', nl: 'Weging' },
  weightDefault: { en: '{name} (default)', nl: '{name} (standaard)' },
  methodsWeighting: {
    en: 'Shares are weighted shares of positive answers over the respondents who were asked.',
    nl: 'Aandelen zijn gewogen aandelen positieve antwoorden onder de respondenten aan wie de vraag is gesteld.',
  },
  methodsUnweighted: {
    en: 'Shares are unweighted shares of positive answers over the respondents who were asked.',
    nl: 'Aandelen zijn ongewogen aandelen positieve antwoorden onder de respondenten aan wie de vraag is gesteld.',
  },
  methodsInterval: {
    en: 'Intervals are 95% Wilson intervals on the Kish effective base. Differences use a design-based t test (respondents as clusters); key takeaways are corrected with Benjamini-Hochberg; cells under {minBase} respondents are left out.',
    nl: 'Intervallen zijn 95%-Wilson-intervallen op de effectieve basis van Kish. Verschillen gebruiken een designgebaseerde t-toets (respondenten als clusters); conclusies zijn gecorrigeerd met Benjamini-Hochberg; cellen onder {minBase} respondenten vallen weg.',
  },
  methodsClaims: {
    en: 'Figures marked with a claim id (G1, P1, ...) are the published figures, computed again from respondent-level data exactly as on the published-findings page.',
    nl: 'Cijfers met een code (G1, P1, ...) zijn de gepubliceerde cijfers, opnieuw berekend uit gegevens per respondent, precies als op de pagina met gepubliceerde bevindingen.',
  },
  syntheticShort: {
    en: 'Synthetic data: generated respondents that match the published aggregates, not the studies’ own respondents.',
    nl: 'Synthetische data: gegenereerde respondenten die overeenkomen met de gepubliceerde cijfers, niet de eigen respondenten van de onderzoeken.',
  },
  omittedTitle: { en: 'Not in this dataset', nl: 'Niet in deze dataset' },
  omittedIntro: {
    en: 'These headlines need items or attributes this dataset’s codebook does not have, so they are left out:',
    nl: 'Deze kerncijfers vragen items of kenmerken die het codeboek van deze dataset niet heeft; ze zijn weggelaten:',
  },
  genericNote: {
    en: 'This dataset’s codebook matches neither reference study, so the summary shows one headline per question group: its share of positive answers, its most and least accepted question, and the largest difference between groups of respondents.',
    nl: 'Het codeboek van deze dataset past bij geen van beide referentieonderzoeken; de samenvatting toont daarom per vragengroep één kerncijfer: het aandeel positieve antwoorden, de meest en minst geaccepteerde vraag en het grootste verschil tussen groepen respondenten.',
  },
  unknownDataset: { en: 'This dataset cannot be summarised: {message}', nl: 'Deze dataset kan niet worden samengevat: {message}' },
  methodsSlide: { en: 'Methods and sources', nl: 'Methode en bronnen' },
  source: { en: 'Source', nl: 'Bron' },
  claim: { en: 'Published figure {id}', nl: 'Gepubliceerd cijfer {id}' },
  legendFocus: { en: 'the headline’s figure', nl: 'het cijfer van de kop' },
  legendBase: { en: 'for comparison', nl: 'ter vergelijking' },
  legendOk: { en: 'acceptable', nl: 'acceptabel' },
  legendNogo: { en: 'no-go', nl: 'no-go' },
  legendSmall: { en: 'base too small: no interval', nl: 'basis te klein: geen interval' },
  legendInterval: { en: '95% interval', nl: '95%-interval' },
} satisfies Record<string, Label>;

export type SummaryMessageKey = keyof typeof summaryMessages;

export const summaryText = translator(summaryMessages);
