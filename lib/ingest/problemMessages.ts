import { formatNumber } from '../i18n/numbers';
import type { Label, Locale } from '../survey/codebook';
import { type Catalog, labelsOf } from '../i18n/catalog';
import { codebookProblemMessage, codeOfKey, fillProblemText, type ProblemValues } from '../survey/problemText';
import { shownValue } from '../survey/quoteValue';
import type { PersonalKind, Problem } from './types';

/**
 * Every problem an upload can get, worded in English and Dutch (the message catalogs, namespace
 * `problems`: one key per code, a variant as `Code_variant`): the validators' (the validator,
 * validator.ts and the modules they use), the survey engine's builder (lib/survey/problemText.ts),
 * the codebook checks (codebookChecks.ts) and the upload route's (lib/api/upload.ts), plus the
 * route's own answers (`UPLOAD_ANSWER_TEXT`). Problems are made here (`ingestProblem`), so that the
 * English message of the API and the reader's message on the page and in the report CSV come from
 * one wording. problemMessages.test.ts fails when a code has no wording in either language.
 *
 * Wordings are the middle of a sentence, as the API's messages are ("the file is empty"); the page
 * and the report make a sentence of them (`problemMessage`). Values are quoted by quoteValue.ts
 * before they get here; a limit's numbers are worded from the problem's `limit`.
 */
/** Every problem's wording by its key ("InvalidUtf8.many"), in both languages, from the catalogs (namespace `problems`). */
export const PROBLEM_TEXT: Record<ProblemKey, Label> = Object.fromEntries(
  Object.entries(labelsOf('problems')).map(([key, label]) => [key.replace('_', '.'), label]),
) as Record<ProblemKey, Label>;

/** A problem key as the API carries it: the catalog's `Code_variant` is "Code.variant". */
type Dotted<K extends string> = K extends `${infer Code}_${infer Variant}` ? `${Code}.${Variant}` : K;
export type ProblemKey = Dotted<keyof Catalog['problems'] & string>;

/**
 * The answers of POST /api/datasets that are not a report (error.code of the JSON body), as the
 * upload page words them (catalog namespace `uploadAnswers`). A code missing here is shown with the server's English message.
 */
export const UPLOAD_ANSWER_TEXT: Record<string, Label> = labelsOf('uploadAnswers');

/** What each kind of problem is called, in the counts per kind: a label, never the raw code (catalog namespace `problemKinds`). */
export const PROBLEM_KIND_LABELS: Record<string, Label> = labelsOf('problemKinds');

/** The label of a kind of problem in the reader's language; an unknown code (from a newer server) as it is. */
export function problemKindLabel(code: string, locale: Locale): string {
  return (PROBLEM_KIND_LABELS as Record<string, Label>)[code]?.[locale] ?? code;
}

/**
 * The codes that are warnings: the file can be stored with them. Every other code is an error,
 * which blocks storing. A code is always the one or the other, so that whether a report is ok can
 * be read from its counts, complete, rather than from its listed problems, which are capped.
 */
export const WARNING_CODES: ReadonlySet<string> = new Set([
  'DelimiterNotDetected',
  'EmptyUnnamedColumn',
  'UnknownKeepColumn',
  'PersonalDataKept',
  'PersonalDataColumn',
  'HugeWeight',
  'AnsweredNotAsked',
  'NulByte',
  'ControlCharacter',
]);

export const problemType = (code: string): Problem['type'] => (WARNING_CODES.has(code) ? 'warning' : 'error');

/** True when no count is of an error: the file can be stored. */
export function countsOk(counts: Readonly<Record<string, number>>): boolean {
  return !Object.entries(counts).some(([code, n]) => n > 0 && problemType(code) === 'error');
}

/**
 * Makes a problem of the upload, its English message worded from the catalog and its type that of
 * its code. `values` are the quoted values (quoteValue.ts) and numbers the wording names; `limit`
 * gives {max} and {found}.
 */
export function ingestProblem(key: ProblemKey, values?: ProblemValues, place: { row?: number; line?: number; column?: string; limit?: Problem['limit'] } = {}): Problem {
  const code = codeOfKey(key);
  const problem: Problem = { type: problemType(code), code, message: '', ...place, ...(key !== code ? { key } : {}), ...(values ? { values } : {}) };
  problem.message = wording(problem, 'en') ?? PROBLEM_TEXT[key].en;
  return problem;
}

type Worded = Pick<Problem, 'code' | 'key' | 'values' | 'limit'>;

/** A problem's wording in a language, or null when the catalog has none for it (or lacks a value it needs). */
function wording(problem: Worded, locale: Locale): string | null {
  const key = problem.key ?? problem.code;
  const entry = (PROBLEM_TEXT as Record<string, Label>)[key];
  if (!entry) return null;
  return fillProblemText(entry[locale], localValues(problem, locale), locale);
}

/** The values as the wording needs them in this language: a limit's numbers with their unit, personal-data evidence in words. */
function localValues(problem: Worded, locale: Locale): ProblemValues | undefined {
  let values = problem.values;
  const limit = problem.limit;
  if (limit) values = { ...values, max: amount(limit.max, limit.unit, locale), found: limit.found === undefined ? '?' : amount(limit.found, limit.unit, locale) };
  if (values && typeof values.kind === 'string') values = { ...values, ...personalWords(values, locale) };
  return values;
}

function amount(n: number, unit: NonNullable<Problem['limit']>['unit'], locale: Locale): string {
  if (unit !== 'bytes') return formatNumber(n, locale);
  if (n >= 1024 * 1024) return `${formatNumber(n / 1024 / 1024, locale, n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${formatNumber(n / 1024, locale, 0)} KB`;
  return `${formatNumber(n, locale)} bytes`;
}

const PERSONAL_WORDS: Record<PersonalKind | 'full-name', Label> = {
  email: { en: 'e-mail addresses', nl: 'e-mailadressen' },
  phone: { en: 'phone numbers', nl: 'telefoonnummers' },
  name: { en: 'names of people', nl: 'namen van personen' },
  'street-address': { en: 'street addresses', nl: 'straatadressen' },
  postcode: { en: 'postcodes', nl: 'postcodes' },
  'ip-address': { en: 'IP addresses', nl: 'IP-adressen' },
  'full-name': { en: 'first and last names', nl: 'voor- en achternamen' },
};

/** What a kind of personal data is called: "e-mail addresses", "e-mailadressen". */
export function personalKindWords(kind: PersonalKind, locale: Locale): string {
  return PERSONAL_WORDS[kind][locale];
}

/**
 * Why a column looks like personal data, in words: its name ({header}, quoted), and how many
 * sampled values look like it ({hits} of {sampled}, looking like {looksLike}).
 */
export function personalEvidence(values: ProblemValues, locale: Locale): string {
  const parts: string[] = [];
  if (typeof values.header === 'string') parts.push(locale === 'nl' ? `kolomnaam ${values.header}` : `header ${values.header}`);
  if (typeof values.hits === 'number' && typeof values.sampled === 'number' && typeof values.looksLike === 'string') {
    const what = PERSONAL_WORDS[values.looksLike as PersonalKind | 'full-name']?.[locale] ?? values.looksLike;
    const [hits, sampled] = [formatNumber(values.hits, locale), formatNumber(values.sampled, locale)];
    parts.push(locale === 'nl' ? `${hits} van ${sampled} waarden in de steekproef lijken op ${what}` : `${hits} of ${sampled} sampled values look like ${what}`);
  }
  return parts.join('; ');
}

function personalWords(values: ProblemValues, locale: Locale): ProblemValues {
  const kind = values.kind as PersonalKind;
  return { kind: PERSONAL_WORDS[kind]?.[locale] ?? kind, evidence: personalEvidence(values, locale) };
}

/** A message as a sentence: a capital first letter and a full stop. */
function sentence(text: string): string {
  const first = text.charAt(0);
  const capital = first.toLocaleUpperCase() === first ? text : first.toLocaleUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The problem's message in the reader's language, as a sentence; a problem the catalog cannot word keeps its own message. */
export function problemMessage(problem: Problem, locale: Locale): string {
  return sentence(wording(problem, locale) ?? problem.message);
}

/** An answer of POST /api/datasets (its error code and message, and a limit when one was passed) in the reader's language. */
export function uploadAnswerMessage(error: { code: string; message: string; limit?: Problem['limit'] }, locale: Locale): string {
  const answer = (UPLOAD_ANSWER_TEXT as Record<string, Label>)[error.code];
  if (answer) return sentence(answer[locale]);
  return sentence((error.limit ? wording({ code: error.code, limit: error.limit }, locale) : null) ?? error.message);
}

const PLACE_WORDS = {
  header: { en: 'header', nl: 'kopregel' },
  row: { en: 'data row {row}', nl: 'datarij {row}' },
  line: { en: 'line {line}', nl: 'regel {line}' },
} satisfies Record<string, Label>;

/**
 * Where a problem is, in the reader's language: "data row 2, line 3" (data rows are counted after
 * the header; lines as an editor shows them), "header, line 1"; '' for the file as a whole.
 */
export function problemPlace(problem: Pick<Problem, 'row' | 'line'>, locale: Locale): string {
  return problemPlaceParts(problem, locale).join(', ');
}

/** The parts of `problemPlace`: the data row (or header), and the line when known; none for the whole file. */
export function problemPlaceParts(problem: Pick<Problem, 'row' | 'line'>, locale: Locale): string[] {
  if (problem.row === undefined) return [];
  const row = problem.row === 0 ? PLACE_WORDS.header[locale] : PLACE_WORDS.row[locale].replace('{row}', formatNumber(problem.row, locale));
  return problem.line === undefined ? [row] : [row, PLACE_WORDS.line[locale].replace('{line}', formatNumber(problem.line, locale))];
}

/** The codebook file is over the limit: the problem the upload panel shows (the server answers 413 CodebookTooLarge). */
export function codebookTooLargeProblem(size: number, max: number): Problem {
  return ingestProblem('CodebookTooLarge', undefined, { limit: { max, unit: 'bytes', found: size } });
}

/**
 * A codebook check's problem (parseCodebook) as the upload's: where in the codebook (its JSON path,
 * shortened) and what, in English for the API and in Dutch beside it (`detailNl`) for the page.
 */
export function codebookCheckProblem(p: { path: string; message: string; key?: string; values?: ProblemValues }): Problem {
  return ingestProblem('BadCodebook', { path: shownValue(p.path || '(root)'), detail: shownValue(p.message, 300), detailNl: shownValue(codebookProblemMessage(p, 'nl'), 300) });
}
