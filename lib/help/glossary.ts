import type { Label, Locale } from '../survey/codebook';

/**
 * The statistical words the pages use, explained in plain words in English and Dutch (je-form).
 * One source for both the help page (/help, one anchor per term) and the small "?" buttons beside
 * a term on the pages, so the two can never explain a term differently.
 *
 * `short` is what the "?" opens in place (one or two sentences); `long` adds what the help page
 * says beyond it. `phrases` are the ways the pages write the term, per language, longest first
 * where one contains another: `termSegments` finds them in a page's running text.
 */
export const GLOSSARY_TERM_IDS = [
  'share-positive',
  'top-2-box',
  'base',
  'effective-base',
  'minimum-base',
  'interval',
  'significance',
  'p-value',
  't-test',
  'benjamini-hochberg',
  'column-letters',
  'weight',
  'design-effect',
  'modelled',
] as const;

export type GlossaryTermId = (typeof GLOSSARY_TERM_IDS)[number];

export interface GlossaryTerm {
  id: GlossaryTermId;
  term: Label;
  short: Label;
  long: Label;
  phrases: { en: string[]; nl: string[] };
}

const bilingual = (en: string, nl: string): Label => ({ en, nl });

export const GLOSSARY: Record<GlossaryTermId, GlossaryTerm> = {
  'share-positive': {
    id: 'share-positive',
    term: bilingual('Share positive (acceptance)', 'Aandeel positief (acceptatie)'),
    short: bilingual(
      'Of the people who were asked a question, the share who gave a positive answer (for a 1-5 scale: one of the two most positive answers; for yes/no: yes).',
      'Van de mensen aan wie een vraag is gesteld, het deel dat positief antwoordde (bij een schaal van 1 tot 5: een van de twee positiefste antwoorden; bij ja/nee: ja).',
    ),
    long: bilingual(
      'People who were not asked a question, or left it blank, do not count in its share. With weights, each person counts with their weight.',
      'Wie een vraag niet kreeg of hem leeg liet, telt niet mee in het aandeel. Met een weging telt ieder mee met zijn of haar gewicht.',
    ),
    phrases: { en: ['shares of positive answers', 'share of positive answers', 'positive share', 'acceptance rate'], nl: ['aandelen positieve antwoorden', 'aandeel positieve antwoorden', 'positief aandeel'] },
  },
  'top-2-box': {
    id: 'top-2-box',
    term: bilingual('Top-2 box and bottom-2 box', 'Top-2-box en bottom-2-box'),
    short: bilingual(
      'The two most positive answers of a scale taken together (such as “very” and “somewhat acceptable”); the bottom-2 box is the two least positive ones.',
      'De twee positiefste antwoorden van een schaal samen (zoals “zeer” en “enigszins acceptabel”); de bottom-2-box zijn de twee minst positieve.',
    ),
    long: bilingual(
      'Tables show these as NET rows under the answers of a question. On a scale where 1 is the best answer, the top two boxes are 1 and 2.',
      'Tabellen tonen ze als NET-rijen onder de antwoorden op een vraag. Op een schaal waar 1 het beste antwoord is, zijn de bovenste twee 1 en 2.',
    ),
    phrases: { en: ['top-2 box', 'top two boxes', 'bottom-2 box'], nl: ['top-2-box', 'bovenste twee antwoorden', 'bottom-2-box'] },
  },
  base: {
    id: 'base',
    term: bilingual('Base (n)', 'Basis (n)'),
    short: bilingual(
      'How many respondents a figure is computed on: the people who were asked the question and answered it.',
      'Op hoeveel respondenten een cijfer is berekend: de mensen die de vraag kregen en hem beantwoordden.',
    ),
    long: bilingual(
      'Written as n = 1,200. Where people rated several items of a group, the number of ratings is given beside the number of people.',
      'Geschreven als n = 1.200. Als mensen meerdere items van een groep beoordeelden, staat het aantal beoordelingen naast het aantal mensen.',
    ),
    phrases: { en: ['base'], nl: ['basis'] },
  },
  'effective-base': {
    id: 'effective-base',
    term: bilingual('Effective base (Kish)', 'Effectieve basis (Kish)'),
    short: bilingual(
      'How many respondents a weighted figure is worth. Unequal weights make a sample as precise as a smaller unweighted one; this is that smaller number.',
      'Hoeveel respondenten een gewogen cijfer waard is. Ongelijke gewichten maken een steekproef zo nauwkeurig als een kleinere ongewogen; dit is dat kleinere aantal.',
    ),
    long: bilingual(
      'Computed with Kish’s formula: the sum of the weights, squared, divided by the sum of the squared weights. Without weights it equals the base. Intervals are computed on it.',
      'Berekend met de formule van Kish: de som van de gewichten in het kwadraat, gedeeld door de som van de gekwadrateerde gewichten. Zonder weging is het gelijk aan de basis. Intervallen worden erop berekend.',
    ),
    phrases: { en: ['Kish effective base', 'effective base', 'effective n'], nl: ['effectieve basis van Kish', 'effectieve basis', 'effectieve n'] },
  },
  'minimum-base': {
    id: 'minimum-base',
    term: bilingual('Minimum base (small base)', 'Minimale basis (kleine basis)'),
    short: bilingual(
      'The fewest respondents a figure needs (30 unless you change it). Below it a figure is greyed and shows no interval, p-value or significance mark: it is too uncertain to compare.',
      'Het kleinste aantal respondenten dat een cijfer nodig heeft (30, tenzij je het aanpast). Daaronder is een cijfer grijs en heeft het geen interval, p-waarde of significantieteken: het is te onzeker om te vergelijken.',
    ),
    long: bilingual(
      'Such figures are also left out of rankings and of the Benjamini-Hochberg correction. The planner estimates a small audience with a model instead.',
      'Zulke cijfers tellen ook niet mee in rangordes en in de Benjamini-Hochberg-correctie. De planner schat een kleine doelgroep in plaats daarvan met een model.',
    ),
    phrases: { en: ['minimum base', 'small base'], nl: ['minimale basis', 'kleine basis'] },
  },
  interval: {
    id: 'interval',
    term: bilingual('95% interval', '95%-interval'),
    short: bilingual(
      'The range the true figure most likely lies in. Asking other people from the same population would give somewhat different figures; 95 out of 100 such ranges hold the true one.',
      'Het bereik waarin het echte cijfer waarschijnlijk ligt. Andere mensen uit dezelfde populatie zouden iets andere cijfers geven; 95 van de 100 zulke bereiken bevatten het echte cijfer.',
    ),
    long: bilingual(
      'The narrower the interval, the more precise the figure. The pages use the Wilson interval on the effective base, which stays between 0% and 100%. On charts it is the thin line on each bar.',
      'Hoe smaller het interval, hoe nauwkeuriger het cijfer. De pagina’s gebruiken het Wilson-interval op de effectieve basis, dat tussen 0% en 100% blijft. In grafieken is het de dunne lijn op elke balk.',
    ),
    phrases: { en: ['95% Wilson intervals', 'Wilson interval', '95% interval', 'interval'], nl: ['95%-Wilson-intervallen', 'Wilson-interval', '95%-interval', 'interval'] },
  },
  significance: {
    id: 'significance',
    term: bilingual('Significant difference', 'Significant verschil'),
    short: bilingual(
      'A difference that is unlikely to be chance alone: its p-value is below 5% (after the correction for testing many differences).',
      'Een verschil dat waarschijnlijk niet alleen toeval is: de p-waarde is lager dan 5% (na de correctie voor het toetsen van veel verschillen).',
    ),
    long: bilingual(
      'Significant does not mean large: with many respondents a small difference can be significant. Look at the size of the difference too. Marks such as ▲ and ▼ show a significant difference.',
      'Significant betekent niet groot: met veel respondenten kan een klein verschil significant zijn. Kijk ook naar de grootte van het verschil. Tekens als ▲ en ▼ geven een significant verschil aan.',
    ),
    phrases: { en: ['significance test', 'significance', 'significant'], nl: ['significantietoets', 'significantie', 'significant'] },
  },
  'p-value': {
    id: 'p-value',
    term: bilingual('p-value', 'p-waarde'),
    short: bilingual(
      'How likely a difference at least this large would be if there were no real difference. Below 0.05 (5%) the difference counts as significant.',
      'Hoe waarschijnlijk een verschil van minstens deze grootte zou zijn als er geen echt verschil is. Onder 0,05 (5%) telt het verschil als significant.',
    ),
    long: bilingual(
      'A p-value is not the chance that a finding is wrong. “p < 0.001” means the difference would very rarely appear by chance.',
      'Een p-waarde is niet de kans dat een bevinding fout is. “p < 0,001” betekent dat het verschil heel zelden door toeval zou ontstaan.',
    ),
    phrases: { en: ['p-values', 'p-value'], nl: ['p-waarden', 'p-waarde'] },
  },
  't-test': {
    id: 't-test',
    term: bilingual('Design-based t test', 'Designgebaseerde t-toets'),
    short: bilingual(
      'The test that compares two shares. “Design-based” means it takes the weights into account, and people who gave several ratings count as one person, not as several.',
      'De toets die twee aandelen vergelijkt. “Designgebaseerd” betekent dat hij rekening houdt met de weging, en dat iemand die meerdere beoordelingen gaf als één persoon telt, niet als meerdere.',
    ),
    long: bilingual(
      'It gives the difference, its standard error and a p-value, exactly as R’s survey package (svyttest) computes them.',
      'Hij geeft het verschil, de standaardfout en een p-waarde, precies zoals het survey-pakket van R (svyttest) ze berekent.',
    ),
    phrases: { en: ['design-based t test', 't test'], nl: ['designgebaseerde t-toets', 't-toets'] },
  },
  'benjamini-hochberg': {
    id: 'benjamini-hochberg',
    term: bilingual('Benjamini-Hochberg correction', 'Benjamini-Hochberg-correctie'),
    short: bilingual(
      'Test many differences at once and some look significant by chance. This correction raises the bar so that at most about 5% of the differences called significant are false alarms.',
      'Toets je veel verschillen tegelijk, dan lijken er een paar significant door toeval. Deze correctie legt de lat hoger, zodat hooguit ongeveer 5% van de significant genoemde verschillen vals alarm is.',
    ),
    long: bilingual(
      'It adjusts the p-values of all the comparisons in one chart or table together (BH). A difference is marked only when its adjusted p-value is below 5%.',
      'Hij past de p-waarden van alle vergelijkingen in één grafiek of tabel samen aan (BH). Een verschil krijgt alleen een teken als de aangepaste p-waarde lager is dan 5%.',
    ),
    phrases: { en: ['Benjamini-Hochberg correction', 'Benjamini-Hochberg'], nl: ['Benjamini-Hochberg-correctie', 'Benjamini-Hochberg'] },
  },
  'column-letters': {
    id: 'column-letters',
    term: bilingual('Column letters', 'Kolomletters'),
    short: bilingual(
      'In a table, each column has a letter. A letter in a cell names a column this cell is significantly higher than: upper case at p < 0.01, lower case at p < 0.05.',
      'In een tabel heeft elke kolom een letter. Een letter in een cel noemt een kolom waar deze cel significant hoger is: hoofdletter bij p < 0,01, kleine letter bij p < 0,05.',
    ),
    long: bilingual(
      'Only columns of the same banner variable are compared. A column under the minimum base is not tested.',
      'Alleen kolommen van dezelfde bannervariabele worden vergeleken. Een kolom onder de minimale basis wordt niet getoetst.',
    ),
    phrases: { en: ['column letters', 'letters'], nl: ['kolomletters', 'letters'] },
  },
  weight: {
    id: 'weight',
    term: bilingual('Weight, weighting and raking', 'Gewicht, weging en raking'),
    short: bilingual(
      'A weight makes each respondent count for more or less, so that the sample matches the population (for example its mix of age and gender). Raking finds such weights one characteristic at a time.',
      'Een gewicht laat elke respondent zwaarder of lichter meetellen, zodat de steekproef op de populatie lijkt (bijvoorbeeld in leeftijd en geslacht). Raking vindt zulke gewichten kenmerk voor kenmerk.',
    ),
    long: bilingual(
      'Every page names the weight it uses. Weighting makes figures more representative, but also less precise: see the effective base and the design effect.',
      'Elke pagina noemt de weging die ze gebruikt. Weging maakt cijfers representatiever, maar ook minder nauwkeurig: zie de effectieve basis en het designeffect.',
    ),
    phrases: { en: ['raked weights', 'raking', 'weighted', 'weight'], nl: ['geraked gewicht', 'raking', 'gewogen', 'weging'] },
  },
  'design-effect': {
    id: 'design-effect',
    term: bilingual('Design effect and weighting efficiency', 'Designeffect en wegingsefficiëntie'),
    short: bilingual(
      'How much the weights cost in precision: the number of respondents divided by the effective base. 1 means no loss; 2 means the sample is worth half its size.',
      'Hoeveel nauwkeurigheid de weging kost: het aantal respondenten gedeeld door de effectieve basis. 1 betekent geen verlies; 2 betekent dat de steekproef de helft van zijn omvang waard is.',
    ),
    long: bilingual(
      'The weighting efficiency is the other way round: the effective base as a share of the respondents. Below 40% the weights vary a lot; consider fewer targets or trimming.',
      'De wegingsefficiëntie is het omgekeerde: de effectieve basis als deel van de respondenten. Onder 40% lopen de gewichten sterk uiteen; overweeg minder doelen of afkappen.',
    ),
    phrases: { en: ['design effect', 'weighting efficiency'], nl: ['designeffect', 'wegingsefficiëntie'] },
  },
  modelled: {
    id: 'modelled',
    term: bilingual('Modelled estimate', 'Geschat met een model'),
    short: bilingual(
      'When an audience has fewer respondents than the minimum base, the planner estimates its share from everyone’s answers with a model (a weighted logistic regression), instead of from those few people alone.',
      'Als een doelgroep minder respondenten heeft dan de minimale basis, schat de planner het aandeel uit de antwoorden van iedereen met een model (een gewogen logistische regressie), in plaats van alleen uit die paar mensen.',
    ),
    long: bilingual(
      'The model assumes each chosen characteristic has its own effect that adds up. When the audience’s own answers lie far from the model’s estimate, the planner warns that the model may not fit them.',
      'Het model gaat ervan uit dat elk gekozen kenmerk een eigen effect heeft dat optelt. Als de eigen antwoorden van de doelgroep ver van de schatting liggen, waarschuwt de planner dat het model er misschien niet bij past.',
    ),
    phrases: { en: ['modelled', 'logistic regression'], nl: ['geschat met een model', 'logistische regressie'] },
  },
};

export const glossaryTerms = (): GlossaryTerm[] => GLOSSARY_TERM_IDS.map((id) => GLOSSARY[id]);

export const isGlossaryTerm = (id: string): id is GlossaryTermId => (GLOSSARY_TERM_IDS as readonly string[]).includes(id);

/** The help page's address for a term, in the reader's language: /help#interval, /help?lang=nl#interval. */
export function helpHref(id: GlossaryTermId, locale: Locale): string {
  return `/help${locale === 'nl' ? '?lang=nl' : ''}#${id}`;
}

/** A piece of running text: plain, or one of the glossary's phrases for `term`. */
export interface TermSegment {
  text: string;
  term?: GlossaryTermId;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * Splits running text into plain pieces and the glossary phrases it contains, for a "?" after each
 * term. Each term is marked once, at its first occurrence (a sentence that names a term twice gets
 * one button); phrases match whole words, case-insensitively, and never overlap (the longer phrase
 * wins where two start at the same place). `terms` limits the search to some terms; `skip` leaves
 * out terms already explained nearby.
 */
export function termSegments(text: string, locale: Locale, terms: readonly GlossaryTermId[] = GLOSSARY_TERM_IDS, skip: ReadonlySet<GlossaryTermId> = new Set()): TermSegment[] {
  const lower = text.toLocaleLowerCase(locale);
  const candidates: { start: number; end: number; term: GlossaryTermId }[] = [];
  for (const id of terms) {
    if (skip.has(id)) continue;
    for (const phrase of GLOSSARY[id].phrases[locale]) {
      const needle = phrase.toLocaleLowerCase(locale);
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        if (!isWordChar(lower[at - 1]) && !isWordChar(lower[end])) candidates.push({ start: at, end, term: id });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TermSegment[] = [];
  const marked = new Set<GlossaryTermId>();
  let cursor = 0;
  for (const match of candidates) {
    // Inside a phrase already marked, or a term already marked earlier in the text.
    if (match.start < cursor || marked.has(match.term)) continue;
    if (match.start > cursor) segments.push({ text: text.slice(cursor, match.start) });
    segments.push({ text: text.slice(match.start, match.end), term: match.term });
    marked.add(match.term);
    cursor = match.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}
