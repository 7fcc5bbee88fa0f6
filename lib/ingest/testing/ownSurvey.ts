import type { Attribute, Codebook, Label } from '../../survey/codebook';

/**
 * A survey that matches no template, shaped like a real platform export: the test material for
 * "an analyst's own survey, end to end". One study in three countries, split over two files whose
 * headers differ only in style:
 *
 * - file A (Netherlands, Germany): long bracketed headers, "[Q5] [acceptability.location] How
 *   acceptable or unacceptable is it ... - Your current location";
 * - file B (United Kingdom): dotted short names, "acceptability.location".
 *
 * Text answer labels ("Very acceptable" ... "Not acceptable at all"), NA for missing, numeric age,
 * a numeric 1 = best scale (trust, "1 = very likely"), TRUE/FALSE multi-select columns, an all-NA
 * comments column, a weight. Seeded: the same files on every run. Not a reference dataset, and not
 * shown to users: it is what tests and benchmarks upload.
 */

export const ACCEPT_LABELS = ['Very acceptable', 'Somewhat acceptable', 'Neither acceptable nor unacceptable', 'Somewhat unacceptable', 'Not acceptable at all'] as const;

interface Question {
  /** The dotted short name, file B's header. */
  key: string;
  /** File A's header. */
  long: string;
}

const q = (number: string, key: string, text: string): Question => ({ key, long: `[${number}] [${key}] ${text}` });

const DATA_TYPES: [string, string, number][] = [
  // key, text, acceptance logit (assumed; the test counts from the file itself)
  ['location', 'Your current location', 0.1],
  ['age', 'Your age group', 1.2],
  ['gender', 'Your gender', 1.3],
  ['purchases', 'Your past purchases', 1.0],
  ['browsing', 'Websites you have visited', -0.3],
  ['social_likes', 'Brands you liked on social media', -0.2],
  ['photos', 'Photos on your phone', -2.0],
  ['medical', 'Your medical history', -2.3],
  ['political', 'Your political preference', -2.2],
  ['income', 'Your income', -0.9],
  ['address', 'Your home address', -0.4],
  ['birth_date', 'Your date of birth', 0.2],
  ['clothing_size', 'Your clothing size', 0.6],
  ['budget', 'Your spending budget', -0.1],
];
const SCENARIOS: [string, string, number][] = [
  ['banking_morning', 'Your bank suggests a savings product during your morning commute', 0.3],
  ['banking_home', 'Your bank suggests a savings product while you relax at home', -0.2],
  ['travel_work', 'A travel site suggests a trip while you are at work', 0.1],
  ['travel_home', 'A travel site suggests a trip while you relax at home', -0.4],
  ['clothing_shop', 'A clothing shop suggests items while you are in the shop', 0.2],
  ['clothing_home', 'A clothing shop suggests items while you relax at home', -0.5],
];
const TRUST: [string, string, number][] = [
  ['banks', 'Banks', 0.4],
  ['retailers', 'Online retailers', 0.1],
  ['social_media', 'Social media platforms', -0.9],
];
const CHANNELS: [string, string, number][] = [
  ['email', 'Email', 0.2],
  ['sms', 'Text message (SMS)', -1.0],
  ['app', 'Push notification in an app', -0.6],
  ['website', 'On the company website', 0.0],
  ['social', 'Social media advertisements', -1.2],
  ['post', 'Letter by post', -1.5],
];

const COUNTRY = q('Q1', 'country', 'In which country do you currently live?');
const GENDER = q('Q2', 'gender', 'What is your gender?');
const AGE = q('Q3', 'age', 'What is your age in years?');
const EDUCATION = q('Q4', 'education', 'What is the highest level of education you have completed?');
const BOND = { key: 'Q7_BrandBond', long: '[Q7] [Q7_BrandBond] How strong is your emotional bond with the brand you buy from most often? (1 = very weak, 5 = very strong)' };
const COMMENTS = q('Q10', 'comments', 'Do you have any other comments about this survey?');

const ACCEPT_TEXT = 'How acceptable or unacceptable is it for companies to use the following information about you to personalise their offers and services? -';
const SCENARIO_TEXT = 'How acceptable or unacceptable would you find the following personalised service? -';
const TRUST_TEXT = 'How likely is it that the following organisations use your personal data responsibly? (1 = very likely, 5 = very unlikely) -';
const CHANNEL_TEXT = 'Through which channels are you happy to receive personalised offers? (select all that apply) -';

const questions: Question[] = [
  { key: 'ResponseId', long: 'ResponseId' },
  COUNTRY,
  GENDER,
  AGE,
  EDUCATION,
  ...DATA_TYPES.map(([key, text]) => q('Q5', `acceptability.${key}`, `${ACCEPT_TEXT} ${text}`)),
  ...SCENARIOS.map(([key, text]) => q('Q6', `scenario.${key}`, `${SCENARIO_TEXT} ${text}`)),
  BOND,
  ...TRUST.map(([key, text]) => q('Q8', `trust.${key}`, `${TRUST_TEXT} ${text}`)),
  ...CHANNELS.map(([key, text]) => q('Q9', `channels.${key}`, `${CHANNEL_TEXT} ${text}`)),
  COMMENTS,
  { key: 'weight', long: 'weight' },
];

/** File A's and file B's headers, in order. */
export const OWN_SURVEY_HEADERS = { a: questions.map((x) => x.long), b: questions.map((x) => x.key) };

export interface OwnSurveyFiles {
  a: { name: string; csv: string; rows: string[][] };
  b: { name: string; csv: string; rows: string[][] };
}

const GENDERS = ['Female', 'Male', 'Non-binary / third gender', 'Prefer not to say'];
const EDUCATIONS = ['Primary or less', 'Secondary', 'Vocational', 'Bachelor degree', 'Master degree or higher'];

/** Quotes a CSV field when it needs it (commas, quotes, line breaks). */
/** mulberry32: a small seeded generator, enough for test material (the reference data use data/generate/random.ts). */
function seeded(seed: number) {
  let a = seed >>> 0;
  return {
    uniform(): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvOf = (header: string[], rows: string[][]) => [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

/**
 * The two files. `perCountry` respondents per country (default: 1,100 NL, 1,050 DE, 1,066 UK:
 * 3,216 in all, as the real export the issue was tried with).
 */
export function ownSurveyFiles(options: { seed?: number; counts?: { NL: number; DE: number; UK: number } } = {}): OwnSurveyFiles {
  const rng = seeded(options.seed ?? 20261202);
  const counts = options.counts ?? { NL: 1100, DE: 1050, UK: 1066 };
  const countryName = { NL: 'Netherlands', DE: 'Germany', UK: 'United Kingdom' } as const;
  const pick = <T,>(list: readonly T[]) => list[Math.min(list.length - 1, Math.floor(rng.uniform() * list.length))];
  const logistic = (x: number) => 1 / (1 + Math.exp(-x));
  let serial = 0;
  const respondent = (country: keyof typeof countryName): string[] => {
    serial++;
    const gender = rng.uniform() < 0.03 ? pick(GENDERS.slice(2)) : rng.uniform() < 0.51 ? 'Female' : 'Male';
    const age = 18 + Math.floor(rng.uniform() * rng.uniform() * 70) + Math.floor(rng.uniform() * 10);
    const bond = 1 + Math.floor(rng.uniform() * 5);
    const lift = (bond - 3) * 0.35 + (gender === 'Female' ? 0.15 : 0) - (age - 45) * 0.01 + (country === 'NL' ? 0.1 : country === 'DE' ? -0.15 : 0);
    // A 5-point answer around the item's logit: the latent draw decides how far from the middle it falls.
    const rating = (logit: number) => {
      if (rng.uniform() < 0.04) return 'NA';
      const p = logistic(logit + lift);
      const u = rng.uniform();
      const index = u < p * 0.45 ? 0 : u < p ? 1 : u < p + (1 - p) * 0.25 ? 2 : u < p + (1 - p) * 0.6 ? 3 : 4;
      return ACCEPT_LABELS[index];
    };
    const trust = (logit: number) => {
      if (rng.uniform() < 0.05) return 'NA';
      const p = logistic(logit + lift * 0.5);
      const u = rng.uniform();
      return String(u < p * 0.4 ? 1 : u < p ? 2 : u < p + (1 - p) * 0.3 ? 3 : u < p + (1 - p) * 0.7 ? 4 : 5);
    };
    const weight = (0.6 + rng.uniform() * 0.9).toFixed(6);
    return [
      `R_${serial.toString(36).padStart(5, '0')}${Math.floor(rng.uniform() * 1e9).toString(36)}`,
      countryName[country],
      gender,
      rng.uniform() < 0.02 ? 'NA' : String(Math.min(age, 85)),
      pick(EDUCATIONS),
      ...DATA_TYPES.map(([, , logit]) => rating(logit)),
      ...SCENARIOS.map(([, , logit]) => rating(logit)),
      rng.uniform() < 0.03 ? 'NA' : String(bond),
      ...TRUST.map(([, , logit]) => trust(logit)),
      ...CHANNELS.map(([, , logit]) => (rng.uniform() < logistic(logit + lift * 0.3) ? 'TRUE' : 'FALSE')),
      'NA',
      weight,
    ];
  };
  const rowsA: string[][] = [];
  for (let i = 0; i < counts.NL; i++) rowsA.push(respondent('NL'));
  for (let i = 0; i < counts.DE; i++) rowsA.push(respondent('DE'));
  const rowsB: string[][] = [];
  for (let i = 0; i < counts.UK; i++) rowsB.push(respondent('UK'));
  return {
    a: { name: 'personalisation_survey_NL_DE.csv', csv: csvOf(OWN_SURVEY_HEADERS.a, rowsA), rows: rowsA },
    b: { name: 'personalisation_survey_UK.csv', csv: csvOf(OWN_SURVEY_HEADERS.b, rowsB), rows: rowsB },
  };
}

/**
 * The codebook an analyst should end up with for file A (long headers as the columns), as the
 * mapping screen is meant to propose it with confirmations only: four item families, a text scale
 * whose top two boxes count, a 1 = best trust scale, yes/no channels, age in bands, NA as missing.
 * With `source`, the codebook of both files appended: a "source" column telling the files apart.
 */
export function ownSurveyCodebook(options: { source?: boolean } = {}): Codebook {
  const same = (text: string): Label => ({ en: text, nl: text });
  const codes = (list: readonly string[]) => list.map((code) => ({ code, label: same(code) }));
  const itemsOf = (family: string, list: [string, string, number][], header: string, scale: string) =>
    list.map(([key, text]) => {
      const column = questions.find((x) => x.key === `${family}.${key}`)!.long;
      return { id: `${family}_${key}`, column, label: same(text), text: same(`${header} ${text}`), family, scale, missing: ['NA'], meta: {} };
    });
  const attributes: Attribute[] = [
    { id: 'country', column: COUNTRY.long, label: same('Country'), text: same(COUNTRY.long), kind: 'categorical', codes: codes(['Netherlands', 'Germany', 'United Kingdom']) },
    { id: 'gender', column: GENDER.long, label: same('Gender'), text: same(GENDER.long), kind: 'categorical', codes: codes(GENDERS) },
    {
      id: 'age', column: AGE.long, label: same('Age'), text: same(AGE.long), kind: 'scale', min: 0, max: 120, missing: ['NA'],
      bands: [
        { id: '18-29', label: same('18-29'), min: 18, max: 29 },
        { id: '30-44', label: same('30-44'), min: 30, max: 44 },
        { id: '45-59', label: same('45-59'), min: 45, max: 59 },
        { id: '60+', label: same('60+'), min: 60, max: 120 },
      ],
    },
    { id: 'education', column: EDUCATION.long, label: same('Education'), text: same(EDUCATION.long), kind: 'categorical', codes: codes(EDUCATIONS) },
    {
      id: 'brand_bond', column: BOND.long, label: same('Brand bond'), text: same(BOND.long), kind: 'scale', min: 1, max: 5, missing: ['NA'],
      bands: [
        { id: 'weak', label: { en: 'Weak (1-2)', nl: 'Zwak (1-2)' }, min: 1, max: 2 },
        { id: 'neutral', label: { en: 'Neutral (3)', nl: 'Neutraal (3)' }, min: 3, max: 3 },
        { id: 'strong', label: { en: 'Strong (4-5)', nl: 'Sterk (4-5)' }, min: 4, max: 5 },
      ],
    },
  ];
  if (options.source) attributes.push({ id: 'source', column: 'source', label: { en: 'File', nl: 'Bestand' }, kind: 'categorical', codes: codes(['NL_DE', 'UK']) });
  return {
    id: 'own-survey',
    title: same('Personalisation survey NL DE UK'),
    studyStyle: 'custom',
    synthetic: false,
    respondentId: 'ResponseId',
    weight: 'weight',
    attributes,
    scales: [
      { id: 'acceptable5', label: same('Very acceptable … Not acceptable at all'), codes: codes(ACCEPT_LABELS), positive: ['Very acceptable', 'Somewhat acceptable'] },
      { id: 'likely5', label: same('1 = very likely … 5 = very unlikely'), codes: ['1', '2', '3', '4', '5'].map((code) => ({ code, label: same(code === '1' ? '1 = very likely' : code === '5' ? '5 = very unlikely' : code) })), positive: ['1', '2'] },
      { id: 'selected', label: { en: 'Selected (TRUE/FALSE)', nl: 'Gekozen (TRUE/FALSE)' }, codes: [{ code: 'TRUE', label: { en: 'Selected', nl: 'Gekozen' } }, { code: 'FALSE', label: { en: 'Not selected', nl: 'Niet gekozen' } }], positive: ['TRUE'] },
    ],
    families: [
      { id: 'acceptability', label: same('Acceptability') },
      { id: 'scenario', label: same('Scenario') },
      { id: 'trust', label: same('Trust') },
      { id: 'channels', label: same('Channels') },
    ],
    itemDimensions: [],
    items: [
      ...itemsOf('acceptability', DATA_TYPES, ACCEPT_TEXT, 'acceptable5'),
      ...itemsOf('scenario', SCENARIOS, SCENARIO_TEXT, 'acceptable5'),
      ...itemsOf('trust', TRUST, TRUST_TEXT, 'likely5'),
      // Multi-select columns hold TRUE or FALSE in every row: nothing is missing.
      ...itemsOf('channels', CHANNELS, CHANNEL_TEXT, 'selected').map((item) => ({ ...item, missing: undefined })),
    ],
    ...(options.source ? { sourceColumn: 'source' } : {}),
  };
}
