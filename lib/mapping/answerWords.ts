/**
 * What an answer label means: how positive it is, read from its words in English, Dutch or German.
 * "Very acceptable" +2, "Somewhat acceptable" +1, "Neither acceptable nor unacceptable" 0,
 * "Somewhat unacceptable" -1, "Not acceptable at all" -2; "Strongly agree" +2, "Agree" +1.5;
 * "Yes" / "TRUE" / "OK" +1.5, "Depends" 0. A label with no known word has no polarity (null): the
 * mapping screen then asks which end of the scale is positive instead of guessing.
 */

/** Words whose plain form is positive; "un-", "in-", "dis-", "on-" (Dutch) or "not" turn them negative. */
const POSITIVE_STEMS = [
  'acceptable', 'agree', 'likely', 'satisfied', 'important', 'interested', 'interesting', 'comfortable', 'useful', 'helpful', 'appropriate', 'appealing',
  'relevant', 'welcome', 'happy', 'favourable', 'favorable', 'positive', 'good', 'great', 'excellent', 'willing', 'approve', 'support', 'like', 'trust',
  'fine', 'okay', 'ok', 'oke', 'oké', 'valuable', 'convenient', 'pleasant', 'allowed', 'acceptabel', 'aanvaardbaar', 'eens', 'waarschijnlijk', 'tevreden', 'belangrijk',
  'geinteresseerd', 'geïnteresseerd', 'prettig', 'nuttig', 'goed', 'positief', 'welkom', 'akkoord', 'fijn', 'bereid', 'passend', 'relevant', 'toegestaan',
  'akzeptabel', 'zustimmen', 'wahrscheinlich', 'zufrieden', 'wichtig', 'gut', 'einverstanden',
];
/** Words that are negative on their own. */
const NEGATIVE_WORDS = [
  'bad', 'poor', 'terrible', 'awful', 'creepy', 'negative', 'intrusive', 'invasive', 'annoying', 'slecht', 'negatief', 'eng', 'opdringerig', 'vervelend', 'schlecht',
  'unacceptable', 'unlikely', 'unimportant', 'uncomfortable', 'unhappy', 'unwelcome', 'inappropriate', 'dissatisfied', 'disagree', 'disapprove', 'dislike', 'distrust',
  'onaanvaardbaar', 'onacceptabel', 'onwaarschijnlijk', 'ontevreden', 'onbelangrijk', 'oneens', 'onprettig', 'ongepast', 'onwelkom', 'unwahrscheinlich', 'unzufrieden', 'inakzeptabel',
];
const YES = new Set(['yes', 'y', 'ja', 'j', 'true', 'waar', 'wahr', 'selected', 'checked', 'gekozen', 'aangevinkt', 'x']);
const NO = new Set(['no', 'n', 'nee', 'nein', 'false', 'onwaar', 'falsch', 'unselected', 'unchecked', 'niet gekozen', 'not selected', 'not checked']);
/** Middle answers: neither positive nor negative. */
const NEUTRAL = [/\bneither\b/, /\bnoch\b/, /\bweder\b/, /\bneutral\b/, /\bneutraal\b/, /\bdepends\b/, /\bhangt\b/, /\bkommt darauf an\b/, /\bmaybe\b/, /\bmisschien\b/, /\bvielleicht\b/, /\bin between\b/, /\bmixed\b/, /\bsometimes\b/, /\bsoms\b/];
const STRONG = /\b(very|strongly|completely|totally|extremely|absolutely|entirely|fully|highly|definitely|at all|zeer|heel|helemaal|volledig|totaal|absoluut|zeker|sehr|völlig|voll|ganz|überhaupt)\b/;
const MILD = /\b(somewhat|fairly|rather|slightly|quite|a little|mostly|moderately|enigszins|eerder|redelijk|beetje|tamelijk|vrij|grotendeels|eher|etwas|ziemlich)\b/;
const NEGATION = /\b(not|niet|nicht|geen|kein|keine|never|nooit|nie)\b|n't\b/;

const normalise = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const words = (text: string) => text.split(' ');

/**
 * The polarity of one answer label: > 0 positive, < 0 negative, 0 a middle answer, null when no
 * word of it is known (a number, a name, free text).
 */
export function answerPolarity(label: string): number | null {
  const text = normalise(label);
  if (text === '') return null;
  if (YES.has(text)) return 1.5;
  if (NO.has(text)) return -1.5;
  if (NEUTRAL.some((re) => re.test(text))) return 0;
  const list = words(text);
  let sign = 0;
  if (list.some((w) => NEGATIVE_WORDS.includes(w))) sign = -1;
  else if (list.some((w) => POSITIVE_STEMS.includes(w))) sign = 1;
  if (sign === 0) return null;
  // "Not acceptable", "niet eens": a negation turns the word around ("not unlikely" stays a double negative: positive).
  if (NEGATION.test(text)) sign = -sign;
  const strength = STRONG.test(text) ? 2 : MILD.test(text) ? 1 : 1.5;
  return sign * strength;
}

/** True when the label is a yes-like or no-like answer of a multi-select or yes/no column. */
export function isYesNo(label: string): boolean {
  const text = normalise(label);
  return YES.has(text) || NO.has(text);
}

/** Values that mean "no answer" in exports: proposed as missing markers, not codes. */
const MISSING_TEXT = new Set([
  'na', 'n a', 'n/a', '#n/a', 'nan', 'null', 'none', 'nil', '-', '--', '.', '?', '#null!', 'missing', 'not applicable', 'no answer', 'refused', 'skipped',
  "don't know", 'dont know', 'do not know', "don't know not sure", 'not sure', 'unknown', 'weet niet', 'weet ik niet', 'geen antwoord', 'niet van toepassing', 'nvt', 'n.v.t.', 'onbekend',
  'weiß nicht', 'weiss nicht', 'keine angabe', 'k a',
]);

/** True when a cell value reads as "missing" (NA, N/A, "-", "Don't know", "weet niet"). */
export function looksMissing(value: string): boolean {
  const raw = value.trim().toLowerCase();
  if (MISSING_TEXT.has(raw)) return true;
  return MISSING_TEXT.has(normalise(value));
}

/** Numbers exports use for "don't know" or "refused" beside a short scale (9, 99, 999, -1, -9, -99, 98). */
export const SENTINEL_NUMBERS = [9, 98, 99, 999, 9999, -1, -9, -99, -999];
