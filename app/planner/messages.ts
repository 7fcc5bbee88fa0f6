import { fill } from '@/lib/i18n/messages';
import type { Label, Locale } from '@/lib/survey/codebook';

/** Texts of the audience planner, in English and Dutch. */
export const plannerMessages = {
  title: { en: 'Which personalization is welcome for my audience?', nl: 'Welke personalisatie is welkom bij mijn doelgroep?' },
  intro: {
    en: 'Describe an audience and a moment. The planner answers from study G’s respondents: how welcome automated personalization is, which data to use, to ask about first and to avoid, and which tactics from study P feel creepy.',
    nl: 'Beschrijf een doelgroep en een moment. De planner antwoordt op basis van de respondenten van onderzoek G: hoe welkom geautomatiseerde personalisatie is, welke gegevens u kunt gebruiken, eerst moet navragen of moet vermijden, en welke tactieken uit onderzoek P griezelig voelen.',
  },
  introUpload: {
    en: 'Describe an audience and a moment. The planner answers from the respondents of “{name}”, your uploaded dataset: how welcome automated personalization is, which data to use, to ask about first and to avoid; the creepy tactics come from study P’s reference data.',
    nl: 'Beschrijf een doelgroep en een moment. De planner antwoordt op basis van de respondenten van “{name}”, uw geüploade dataset: hoe welkom geautomatiseerde personalisatie is, welke gegevens u kunt gebruiken, eerst moet navragen of moet vermijden; de griezelige tactieken komen uit de referentiedata van onderzoek P.',
  },
  uploadNote: {
    en: 'Answers from “{name}” (uploaded). Only the creepy tactics come from study P’s reference data, which are synthetic.',
    nl: 'Antwoorden uit “{name}” (geüpload). Alleen de griezelige tactieken komen uit de referentiedata van onderzoek P, die synthetisch zijn.',
  },
  datasetForm: { en: 'Which data the planner answers from', nl: 'Op welke data de planner antwoordt' },
  dataset: { en: 'Dataset', nl: 'Dataset' },
  datasetHint: { en: 'Study G or an uploaded survey of the same shape.', nl: 'Onderzoek G of een geüploade enquête met dezelfde opzet.' },
  datasetChoose: { en: 'Use this dataset', nl: 'Gebruik deze dataset' },
  uploadedMark: { en: '{name} (uploaded)', nl: '{name} (geüpload)' },
  unknownDataset: { en: 'There is no dataset with the id “{id}” (any more).', nl: 'Er is (niet meer) een dataset met de id “{id}”.' },
  backToG: { en: 'Plan with study G', nl: 'Plannen met onderzoek G' },
  gapsTitle: { en: '“{name}” lacks what the planner needs', nl: '“{name}” mist wat de planner nodig heeft' },
  gapsIntro: {
    en: 'The planner answers from rated scenarios, rated data types and the emotional bond, as study G measured them. This dataset lacks:',
    nl: 'De planner antwoordt op basis van beoordeelde scenario’s, beoordeelde gegevenstypen en de emotionele band, zoals onderzoek G ze mat. Deze dataset mist:',
  },
  gapsExplore: { en: 'Explore this dataset instead', nl: 'Verken deze dataset in plaats daarvan' },
  audience: { en: 'Audience', nl: 'Doelgroep' },
  moment: { en: 'Moment', nl: 'Moment' },
  any: { en: 'Any', nl: 'Alle' },
  show: { en: 'Show the answer', nl: 'Toon het antwoord' },
  reset: { en: 'Start again', nl: 'Opnieuw beginnen' },
  expected: { en: 'Expected acceptance of automated personalization', nl: 'Verwachte acceptatie van geautomatiseerde personalisatie' },
  interval: { en: '95% interval', nl: '95%-interval' },
  respondents: { en: 'respondents', nl: 'respondenten' },
  ratings: { en: 'ratings', nl: 'beoordelingen' },
  effective: { en: 'effective base', nl: 'effectieve basis' },
  everyoneMoment: { en: 'Everyone at this moment', nl: 'Iedereen op dit moment' },
  everyone: { en: 'Everyone, every moment', nl: 'Iedereen, elk moment' },
  modelled: { en: 'Modelled', nl: 'Gemodelleerd' },
  modelledWhy: {
    en: 'This exact audience has fewer than {min} respondents, so the estimate comes from a weighted logistic regression with the chosen audience attributes and moment as main effects (respondents as clusters; as R’s svyglm with a quasibinomial family).',
    nl: 'Deze precieze doelgroep heeft minder dan {min} respondenten, dus de schatting komt uit een gewogen logistische regressie met de gekozen doelgroepkenmerken en het moment als hoofdeffecten (respondenten als clusters; zoals svyglm in R met een quasibinomiale familie).',
  },
  rawCell: { en: 'Raw cell', nl: 'Ruwe cel' },
  tooSmall: { en: 'below the minimum base of {min}', nl: 'onder de minimale basis van {min}' },
  noRespondents: { en: 'No respondent matches this audience at this moment.', nl: 'Geen enkele respondent past bij deze doelgroep op dit moment.' },
  dataTitle: { en: 'Which data may I act on?', nl: 'Op welke gegevens mag ik handelen?' },
  use: { en: 'Use', nl: 'Gebruiken' },
  ask: { en: 'Ask first', nl: 'Eerst vragen' },
  avoid: { en: 'Avoid', nl: 'Vermijden' },
  useHint: { en: 'Most of this audience says OK', nl: 'Het grootste deel van deze doelgroep zegt oké' },
  askHint: { en: 'Consumers differ: ask for permission', nl: 'Consumenten verschillen: vraag toestemming' },
  avoidHint: { en: 'Most say not OK', nl: 'De meesten zeggen niet oké' },
  okShare: { en: 'OK', nl: 'oké' },
  notOkShare: { en: 'not OK', nl: 'niet oké' },
  wholeSample: {
    en: 'This audience is under the minimum base for data types, so the tiers are those of all respondents.',
    nl: 'Deze doelgroep is te klein voor datatypen, dus de indeling is die van alle respondenten.',
  },
  none: { en: 'None', nl: 'Geen' },
  tacticsTitle: { en: 'Tactics that feel creepy: avoid (study P)', nl: 'Tactieken die griezelig voelen: vermijden (onderzoek P)' },
  tacticsAudience: { en: 'Study P respondents used: {who}, 2018.', nl: 'Gebruikte respondenten van onderzoek P: {who}, 2018.' },
  tacticsEveryone: { en: 'all', nl: 'alle' },
  creepyShare: { en: 'find it creepy', nl: 'vindt het griezelig' },
  guidelinesTitle: { en: 'Which of the five guidelines apply here?', nl: 'Welke van de vijf richtlijnen gelden hier?' },
  applies: { en: 'Applies', nl: 'Van toepassing' },
  caution: { en: 'Caution', nl: 'Let op' },
  firstDate: { en: '1. The first-date rule', nl: '1. De eerste-date-regel' },
  relationship: { en: '2. Build the relationship', nl: '2. Bouw de relatie op' },
  timePressed: { en: '3. Help when people are short of time', nl: '3. Help wanneer mensen tijd tekort hebben' },
  public: { en: '4. Help in public', nl: '4. Help in het openbaar' },
  industry: { en: '5. Mind the industry', nl: '5. Denk aan de branche' },
  notOkOf: { en: 'not OK', nl: 'niet oké' },
  methods: {
    en: 'Acceptance is the weighted share of top-two ratings (4-5 of 5) of automated services over all scenario ratings of the audience at the moment; respondents are clusters. Data types: OK share and not-OK share; "use" when the Wilson lower bound of the OK share is above 50%, "avoid" when that of the not-OK share is, "ask first" otherwise. Intervals: 95% Wilson on the Kish effective base (raw cells); t-based logit interval (modelled).',
    nl: 'Acceptatie is het gewogen aandeel top-twee-beoordelingen (4-5 van 5) van geautomatiseerde diensten over alle scenariobeoordelingen van de doelgroep op het moment; respondenten zijn clusters. Datatypen: aandeel oké en aandeel niet oké; "gebruiken" als de Wilson-ondergrens van het aandeel oké boven 50% ligt, "vermijden" als die van niet oké dat doet, anders "eerst vragen". Intervallen: 95% Wilson op de effectieve basis van Kish (ruwe cellen); logit-interval op t (gemodelleerd).',
  },
  invalid: { en: 'This link asks for something the data do not have', nl: 'Deze link vraagt iets wat de data niet hebben' },
} satisfies Record<string, Label>;

export function pt(locale: Locale, key: keyof typeof plannerMessages, vars: Record<string, string | number> = {}): string {
  return fill(plannerMessages[key][locale], vars);
}
