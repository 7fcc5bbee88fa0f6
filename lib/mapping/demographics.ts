import { headerTokens } from '../ingest/personal';
import type { Band, Label } from '../survey/codebook';
import type { HeaderParts } from './headers';
import type { ColumnProfile } from './profile';
import { anchorsOf } from './scales';

/**
 * Columns that describe who answered (gender, age, country, region, education, income,
 * urban/rural, household), read from the header's words or the values themselves; and the bands a
 * numeric one is analysed in (age 18-29, 30-44, 45-59, 60+; a 1-5 rating low, middle, high).
 */

export type Demographic = 'gender' | 'age' | 'country' | 'region' | 'education' | 'income' | 'urban' | 'household' | 'work' | 'segment';

const WORDS: [Demographic, string[]][] = [
  ['gender', ['gender', 'sex', 'geslacht', 'geschlecht', 'sexe', 'genero']],
  ['age', ['age', 'ages', 'agegroup', 'ageband', 'leeftijd', 'leeftijdsgroep', 'alter', 'edad', 'generation', 'generatie']],
  ['country', ['country', 'land', 'nation', 'nationality', 'market', 'markt', 'pays', 'pais']],
  ['region', ['region', 'regio', 'province', 'provincie', 'state', 'county', 'area', 'bundesland', 'gemeente', 'city', 'stad', 'postcode']],
  ['education', ['education', 'educ', 'opleiding', 'opleidingsniveau', 'degree', 'bildung', 'schooling']],
  ['income', ['income', 'inkomen', 'salary', 'einkommen', 'earnings']],
  ['urban', ['urban', 'rural', 'urbanity', 'urbanisation', 'urbanization', 'stedelijkheid', 'verstedelijking']],
  ['household', ['household', 'huishouden', 'children', 'kids', 'kinderen', 'haushalt', 'kinder', 'marital', 'burgerlijke']],
  ['work', ['employment', 'occupation', 'job', 'work', 'werk', 'beroep', 'werksituatie', 'beruf']],
  ['segment', ['segment', 'wave', 'golf', 'bond', 'trust', 'vertrouwen', 'loyalty', 'loyaliteit', 'customer', 'klant', 'group', 'groep', 'panel', 'cohort']],
];

const GENDER_VALUES = new Set(['male', 'female', 'man', 'woman', 'men', 'women', 'm', 'f', 'v', 'vrouw', 'mannelijk', 'vrouwelijk', 'männlich', 'weiblich', 'non-binary', 'other', 'anders']);
const COUNTRIES = new Set([
  'netherlands', 'the netherlands', 'nederland', 'germany', 'deutschland', 'duitsland', 'united kingdom', 'uk', 'great britain', 'england', 'verenigd koninkrijk',
  'sweden', 'zweden', 'sverige', 'belgium', 'belgië', 'belgie', 'france', 'frankrijk', 'spain', 'spanje', 'italy', 'italië', 'italie', 'united states', 'usa', 'us',
  'canada', 'japan', 'denmark', 'norway', 'finland', 'poland', 'austria', 'switzerland', 'ireland', 'portugal', 'australia', 'nl', 'de', 'be', 'fr', 'se', 'es', 'it',
]);

/** The kind of demographic a column is, from its header's words or, failing those, its values. */
export function demographicOf(parts: HeaderParts, profile: ColumnProfile): Demographic | undefined {
  const tokens = headerTokens(parts.text && parts.key === parts.header.trim() ? parts.text : `${parts.key} ${parts.text ?? ''}`);
  const joined = tokens.join('');
  for (const [kind, words] of WORDS) if (tokens.some((t) => words.includes(t)) || words.includes(joined)) return kind;
  const values = profile.values.map((v) => v.value.toLowerCase());
  if (values.length >= 2 && values.length <= 8) {
    if (values.filter((v) => GENDER_VALUES.has(v)).length >= 2) return 'gender';
  }
  if (values.length >= 2 && values.filter((v) => COUNTRIES.has(v)).length >= Math.max(2, values.length * 0.6)) return 'country';
  return undefined;
}

const bilingual = (en: string, nl: string): Label => ({ en, nl });
/** Far beyond any value: a numeric attribute that is not a rating is read without a range check. */
export const OPEN_MIN = -1e12;
export const OPEN_MAX = 1e12;

export interface BandProposal {
  min: number;
  max: number;
  bands: Band[];
}

/** Bands of an age in years: 18-29, 30-44, 45-59, 60+ (under 18 first when the data hold younger people). */
export function ageBands(profile: ColumnProfile): BandProposal {
  const bands: Band[] = [];
  if (profile.min < 18) bands.push({ id: 'under-18', label: bilingual('Under 18', 'Jonger dan 18'), min: 0, max: 17 });
  const max = Math.max(120, Math.ceil(profile.max));
  bands.push(
    { id: '18-29', label: bilingual('18-29', '18-29'), min: 18, max: 29 },
    { id: '30-44', label: bilingual('30-44', '30-44'), min: 30, max: 44 },
    { id: '45-59', label: bilingual('45-59', '45-59'), min: 45, max: 59 },
    { id: '60+', label: bilingual('60+', '60+'), min: 60, max },
  );
  return { min: 0, max, bands };
}

/** "very weak" → "Weak": an anchor's words without their intensifier, for a band's label. */
function anchorWord(text: string): string {
  const word = text.replace(/\b(very|extremely|completely|totally|zeer|heel|helemaal|sehr)\b/gi, '').replace(/\s+/g, ' ').trim();
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Bands of a rating used as a segment (emotional bond 1-5: weak 1-2, neutral 3, strong 4-5), named from the header's anchors where it has them. */
export function ratingBands(min: number, max: number, headerText?: string): BandProposal {
  const points = max - min + 1;
  const range = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`);
  if (points <= 4) {
    const bands = Array.from({ length: points }, (_, i) => ({ id: String(min + i), label: bilingual(String(min + i), String(min + i)), min: min + i, max: min + i }));
    return { min, max, bands };
  }
  // Low, middle and high: the centre point of an odd scale is the middle (3 of 1-5, 4 of 1-7), an
  // even scale is cut in thirds (1-2, 3-4, 5-6), and 0-10 as the net promoter score cuts it (0-6, 7-8, 9-10).
  const third = Math.floor(points / 3);
  const lowMax = points === 11 ? min + 6 : points % 2 === 1 ? min + (points - 3) / 2 : min + third - 1;
  const highMin = points === 11 ? min + 9 : points % 2 === 1 ? max - (points - 3) / 2 : max - third + 1;
  const anchors = anchorsOf(headerText);
  const lowWord = anchors.get(min);
  const highWord = anchors.get(max);
  const named = lowWord !== undefined && highWord !== undefined;
  const low = named ? anchorWord(lowWord) : undefined;
  const high = named ? anchorWord(highWord) : undefined;
  const bands: Band[] = [
    { id: 'low', label: bilingual(`${low ?? 'Low'} (${range(min, lowMax)})`, `${low ?? 'Laag'} (${range(min, lowMax)})`), min, max: lowMax },
    { id: 'middle', label: bilingual(`Middle (${range(lowMax + 1, highMin - 1)})`, `Midden (${range(lowMax + 1, highMin - 1)})`), min: lowMax + 1, max: highMin - 1 },
    { id: 'high', label: bilingual(`${high ?? 'High'} (${range(highMin, max)})`, `${high ?? 'Hoog'} (${range(highMin, max)})`), min: highMin, max },
  ];
  return { min, max, bands };
}

/** Four equal bands over what the sample holds, open at both ends (amounts, durations, scores). */
export function spreadBands(profile: ColumnProfile): BandProposal {
  const lo = Math.floor(profile.min);
  const hi = Math.ceil(profile.max);
  const step = Math.max(1, niceStep((hi - lo) / 4));
  const cuts = [1, 2, 3].map((k) => Math.floor(lo / step) * step + k * step).filter((c) => c > lo && c <= hi);
  const edges = [OPEN_MIN, ...cuts, OPEN_MAX];
  const integers = profile.integers;
  const bands: Band[] = edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1];
    // Bounds are inclusive: whole numbers end one below the next band; decimals a hair below it.
    const max = i === edges.length - 2 ? OPEN_MAX : integers ? to - 1 : to - 1e-9;
    const label = i === 0 ? `< ${to}` : i === edges.length - 2 ? `${from}+` : integers ? `${from}-${to - 1}` : `${from}-${to}`;
    return { id: `band-${i + 1}`, label: bilingual(label, label), min: from, max };
  });
  return { min: OPEN_MIN, max: OPEN_MAX, bands };
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 2.5, 5, 10].find((u) => u * power >= raw) ?? 10;
  return unit * power;
}

/**
 * Bands typed by the analyst: "18-29, 30-44, 45-59, 60+" (also "<18", "18+", a single number, and
 * "18 - 29"), in order, not overlapping, within min..max. A band with the range of one of `previous`
 * keeps its label ("Strong (4-5)"); a new one is labelled with its range.
 */
export function parseBands(text: string, min: number, max: number, previous: Band[] = [], integers = true): { ok: true; bands: Band[] } | { ok: false; message: Label } {
  const parts = text.split(/[,;\n]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: bilingual('Type at least one band, such as 18-29, 30-44, 45-59, 60+', 'Typ minstens één groep, zoals 18-29, 30-44, 45-59, 60+') };
  const bands: Band[] = [];
  const number = '(-?\\d+(?:[.,]\\d+)?)';
  const n = (s: string) => Number(s.replace(',', '.'));
  for (const part of parts) {
    let m: RegExpExecArray | null;
    let from: number;
    let to: number;
    if ((m = new RegExp(`^${number}\\s*[-–]\\s*${number}$`).exec(part))) [from, to] = [n(m[1]), n(m[2])];
    else if ((m = new RegExp(`^${number}\\s*\\+$`).exec(part))) [from, to] = [n(m[1]), max];
    else if ((m = new RegExp(`^<\\s*${number}$`).exec(part))) [from, to] = [min, n(m[1]) - (integers ? 1 : 1e-9)];
    else if ((m = new RegExp(`^${number}$`).exec(part))) [from, to] = [n(m[1]), n(m[1])];
    else return { ok: false, message: bilingual(`"${part.slice(0, 40)}" is not a band: write 18-29, 60+ or <18`, `"${part.slice(0, 40)}" is geen groep: schrijf 18-29, 60+ of <18`) };
    if (from < min || to > max || from > max) return { ok: false, message: bilingual(`${part} is outside ${rangeText(min, max)}`, `${part} valt buiten ${rangeText(min, max)}`) };
    if (from > to) return { ok: false, message: bilingual(`${part}: the first number must not be larger than the second`, `${part}: het eerste getal mag niet groter zijn dan het tweede`) };
    const before = bands[bands.length - 1];
    // Decimals: "250-500, 500-750" means up to just below 500, then from 500.
    if (before && !integers && from === before.max) before.max = from - 1e-9;
    if (before && from <= before.max) return { ok: false, message: bilingual(`${part} overlaps ${before.label.en}`, `${part} overlapt met ${before.label.nl}`) };
    bands.push({ id: part.replace(/\s+/g, ''), label: bilingual(part, part), min: from, max: to });
  }
  // A band with the range of an earlier one keeps its id and label ("Strong (4-5)").
  for (const [i, b] of bands.entries()) {
    const same = previous.find((p) => p.min === b.min && Math.abs(p.max - b.max) < 1e-6);
    if (same) bands[i] = { ...same, max: b.max };
  }
  const ids = new Set<string>();
  for (const b of bands) {
    while (ids.has(b.id)) b.id = `${b.id}_`;
    ids.add(b.id);
  }
  return { ok: true, bands };
}

const rangeText = (min: number, max: number) => (min <= OPEN_MIN ? `…-${max}` : max >= OPEN_MAX ? `${min}-…` : `${min}-${max}`);

/** The bands as the analyst edits them: "18-29, 30-44, 45-59, 60+" (the last open when it runs to the scale's end). */
export function bandsText(bands: Band[], min: number, max: number): string {
  const number = (v: number) => String(Math.round(v * 1e6) / 1e6);
  return bands
    .map((b, i) => {
      const next = bands[i + 1];
      // A decimal band that ends just below the next one is written up to the next one's start.
      const end = next && next.min - b.max > 0 && next.min - b.max < 1e-6 ? next.min : b.max;
      // An open first band, or one from the scale's start of a wide scale (ages from 0), is "<18".
      if (i === 0 && next && (b.min <= OPEN_MIN || (b.min <= min && max >= 100))) return `<${number(next.min)}`;
      if (i === bands.length - 1 && b.max >= max && max >= 100 && b.min !== b.max) return `${number(b.min)}+`;
      return b.min === end ? number(b.min) : `${number(b.min)}-${number(end)}`;
    })
    .join(', ');
}
