import type { Label, Locale } from '../survey/codebook';

/** Interface texts in English and Dutch. */
export const messages = {
  appName: { en: 'Personalization acceptance', nl: 'Acceptatie van personalisatie' },
  navSummary: { en: 'Summary', nl: 'Samenvatting' },
  navExplore: { en: 'Explore', nl: 'Verkennen' },
  navPlanner: { en: 'Audience planner', nl: 'Doelgroepplanner' },
  navFindings: { en: 'Published findings', nl: 'Gepubliceerde bevindingen' },
  navDatasets: { en: 'Datasets', nl: 'Datasets' },
  navBenchmark: { en: 'Benchmark', nl: 'Benchmark' },
  navCompare: { en: 'Compare', nl: 'Vergelijken' },
  navTables: { en: 'Tables', nl: 'Tabellen' },
  navHelp: { en: 'Help', nl: 'Hulp' },
  syntheticNotice: {
    en: 'The reference data are synthetic respondents, generated to match the published aggregates of the studies. They are not the studies’ own respondent data.',
    nl: 'De referentiedata zijn synthetische respondenten, gegenereerd om overeen te komen met de gepubliceerde cijfers van de onderzoeken. Het zijn niet de eigen respondentgegevens van de onderzoeken.',
  },
  findingsTitle: { en: 'Published findings, reproduced', nl: 'Gepubliceerde bevindingen, gereproduceerd' },
  findingsIntro: {
    en: 'Every figure the two studies published, computed again from respondent-level data and shown beside the published value.',
    nl: 'Elk cijfer dat de twee onderzoeken publiceerden, opnieuw berekend uit gegevens per respondent en naast de gepubliceerde waarde gezet.',
  },
  studyP: { en: 'Study P: Accenture Interactive, Personalization Pulse Check 2018 (8,000 consumers)', nl: 'Onderzoek P: Accenture Interactive, Personalization Pulse Check 2018 (8.000 consumenten)' },
  studyG: { en: 'Study G: Google/Ipsos, consumers and automated services (4,000 consumers)', nl: 'Onderzoek G: Google/Ipsos, consumenten en geautomatiseerde diensten (4.000 consumenten)' },
  colId: { en: 'Figure', nl: 'Cijfer' },
  colStatement: { en: 'Claim', nl: 'Bewering' },
  colPublished: { en: 'Published', nl: 'Gepubliceerd' },
  colComputed: { en: 'Computed', nl: 'Berekend' },
  colInterval: { en: '95% interval', nl: '95%-interval' },
  colBase: { en: 'Base (effective)', nl: 'Basis (effectief)' },
  colResult: { en: 'Result', nl: 'Resultaat' },
  reproduced: { en: 'Reproduced', nl: 'Gereproduceerd' },
  notReproduced: { en: 'Not reproduced', nl: 'Niet gereproduceerd' },
  details: { en: 'Checks', nl: 'Controles' },
  provenance: { en: 'Source', nl: 'Bron' },
  summaryCount: { en: '{ok} of {total} claims reproduced', nl: '{ok} van {total} beweringen gereproduceerd' },
  methods: {
    en: 'Shares are weighted (raked weights). The interval is the Wilson interval on the Kish effective base; orderings use a design-based t test (svyttest) at 5%, two-sided.',
    nl: 'Aandelen zijn gewogen (geraked gewicht). Het interval is het Wilson-interval op de effectieve basis van Kish; volgordes gebruiken een designgebaseerde t-toets (svyttest) bij 5%, tweezijdig.',
  },
  language: { en: 'Language', nl: 'Taal' },
  homeTitle: { en: 'Which personalization does your audience welcome?', nl: 'Welke personalisatie verwelkomt uw publiek?' },
  homeIntro: {
    en: 'Acceptance of personalization by data type, audience, context and strength of the brand bond, from two published studies: Accenture Interactive’s 2018 Personalization Pulse Check and a Google/Ipsos study of 4,000 consumers on automated services.',
    nl: 'Acceptatie van personalisatie per datatype, doelgroep, context en sterkte van de merkband, uit twee gepubliceerde onderzoeken: Accenture Interactive’s Personalization Pulse Check 2018 en een Google/Ipsos-onderzoek onder 4.000 consumenten naar geautomatiseerde diensten.',
  },
  homeFindingsLink: { en: 'See every published figure reproduced', nl: 'Bekijk elk gepubliceerd cijfer gereproduceerd' },
} satisfies Record<string, Label>;

export type MessageKey = keyof typeof messages;

/** Fills {name} placeholders of a message; an unknown name stays visible rather than vanishing. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** A page's message lookup: the text of `key` in the reader's language, with its {placeholders} filled in. */
export function translator<K extends string>(table: Record<K, Label>): (locale: Locale, key: K, vars?: Record<string, string | number>) => string {
  return (locale, key, vars = {}) => fill(table[key][locale], vars);
}

export const appText = translator<MessageKey>(messages);

export function localeFrom(value: string | string[] | undefined): Locale {
  return value === 'nl' ? 'nl' : 'en';
}

/**
 * Number formats are made once per locale, style and digits: building an Intl.NumberFormat costs
 * far more than using one, and a chart redraw formats hundreds of numbers.
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, style: 'percent' | 'decimal', digits: number): Intl.NumberFormat {
  const key = `${locale}/${style}/${digits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style, minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format;
}

/** Percent with one decimal, formatted for the locale (decimal comma in Dutch). */
export function formatPercent(share: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, 'percent', digits).format(share);
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return numberFormat(locale, 'decimal', digits).format(value);
}

/** A difference of shares as signed points: "+19.0", "−3.2"; no sign on one that rounds to 0.0. */
export function signedPoints(diff: number, locale: Locale, digits = 1): string {
  const text = formatNumber(Math.abs(100 * diff), locale, digits);
  const rounded = Number((100 * diff).toFixed(digits));
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${text}`;
}

/** The same with its unit, the one way every page writes a difference: "+5.2 pp", Dutch "+5,2 %-punt". */
export function formatPoints(diff: number, locale: Locale, digits = 1): string {
  return `${signedPoints(diff, locale, digits)} ${locale === 'nl' ? '%-punt' : 'pp'}`;
}

/** A p-value as people read it: "< 0.001", "0.034" (Dutch "0,034"). */
export function formatP(p: number, locale: Locale): string {
  return p < 0.001 ? `< ${formatNumber(0.001, locale, 3)}` : formatNumber(p, locale, 3);
}

/** A p-value as a statement: "p < 0.001", "p = 0.034". */
export function pStatement(p: number, locale: Locale): string {
  return p < 0.001 ? `p ${formatP(p, locale)}` : `p = ${formatP(p, locale)}`;
}

/**
 * Builds the number formats a page's redraw uses, ahead of time. The first Intl.NumberFormat of a
 * browser tab also loads the locale data (tens of milliseconds); a page rendered on the server has
 * not formatted anything in the browser yet, so without this its first filter change would pay it.
 */
export function prepareNumberFormats(locale: Locale): void {
  for (const digits of [0, 1]) {
    formatPercent(0, locale, digits);
    formatNumber(0, locale, digits);
  }
}
