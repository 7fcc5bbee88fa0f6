import en from '../../messages/en.json';
import nl from '../../messages/nl.json';
import type { Label, Locale } from './codebook';

/**
 * The wording of a problem, kept apart from the problem: a problem carries its code, the key of
 * its wording (when the code has several) and the values the wording quotes, so that the same
 * problem reads in English in the API and in the reader's language on the page and in the report.
 * This module holds what every catalog of problem texts needs (filling a wording with values in a
 * language) and the survey engine's own problems (the builder's, lib/survey/dataset.ts); the
 * upload's catalog (lib/ingest/problemMessages.ts) adds its own and words any problem.
 *
 * Values are numbers (formatted in the reader's language) or strings that are already shown as a
 * message may show them (quoteValue.ts: cut to 80 characters, control characters named).
 */
export type ProblemValues = Record<string, string | number>;

// Made on first use: building the first Intl.NumberFormat loads locale data (tens of milliseconds),
// which every module that reads a survey would otherwise pay on import.
const numberFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** A number in the reader's language: "1,234.5" or "1.234,5". */
export function formatProblemNumber(n: number, locale: Locale): string {
  const format = (numberFormats[locale] ??= new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 20 }));
  return format.format(n);
}

/**
 * Fills the {placeholders} of a wording; null when a value is missing (the caller then keeps the
 * message as it was written rather than show a bare placeholder).
 */
export function fillProblemText(template: string, values: ProblemValues | undefined, locale: Locale): string | null {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values?.[name];
    if (v === undefined) {
      missing = true;
      return '';
    }
    return typeof v === 'number' ? formatProblemNumber(v, locale) : v;
  });
  return missing ? null : text;
}

/**
 * The survey engine's problems (SurveyDataBuilder). Their words, in English and Dutch, are in the
 * message catalogs (messages/*.json, namespace `problems`, one key per code, a variant as
 * `Code_variant`), beside the upload's; written as the middle of a sentence, as the API's messages
 * have always been: the page makes a sentence of them. The catalogs are read as data here (no
 * formatter), so lib/survey keeps importing nothing but lib/stats.
 */
export const DATA_PROBLEM_KEYS = ['MissingColumn.id', 'MissingColumn.weight', 'MissingColumn.attribute', 'MissingColumn.item', 'MissingColumn.askedIf', 'RaggedRow', 'RaggedRow.one', 'MissingId', 'DuplicateId', 'BadWeight.blank', 'BadWeight', 'NegativeWeight', 'UnknownCode.attribute', 'UnknownCode', 'OutOfScale', 'AnsweredNotAsked', 'AnsweredNotAsked.many', 'NoRows', 'EmptyFile'] as const;

export type DataProblemKey = (typeof DATA_PROBLEM_KEYS)[number];

/** The catalog key of a problem's wording: "MissingColumn.id" is `problems.MissingColumn_id`. */
export const catalogKeyOf = (key: string): string => key.replace('.', '_');

/** The English and Dutch wording of a problem key, from the catalogs; undefined for a key they lack. */
export function problemWording(key: string): Label | undefined {
  const k = catalogKeyOf(key) as keyof typeof en.problems;
  const english = en.problems[k];
  return english === undefined ? undefined : { en: english, nl: (nl.problems as Record<string, string>)[k] ?? english };
}

/** The code of a wording's key: "MissingColumn.id" is a MissingColumn. */
export const codeOfKey = (key: string): string => key.split('.')[0];

/** The English message of one of the engine's problems (the API's language). */
export function dataProblemMessage(key: DataProblemKey, values?: ProblemValues): string {
  const english = problemWording(key)?.en ?? key;
  return fillProblemText(english, values, 'en') ?? english;
}

/** The codebook checks' problems (parseCodebook, lib/survey/codebook.ts): their words are in the catalogs, namespace `codebookProblems`. */
export type CodebookProblemKey = keyof typeof en.codebookProblems;

/** A codebook problem at `path`, its English message worded from the catalog. */
export function codebookProblem(path: string, key: CodebookProblemKey, values?: ProblemValues): { path: string; message: string; key: CodebookProblemKey; values?: ProblemValues } {
  const english = en.codebookProblems[key];
  return { path, message: fillProblemText(english, values, 'en') ?? english, key, ...(values ? { values } : {}) };
}

/** A codebook problem's message in the reader's language; one without a key (from elsewhere) keeps its English message. */
export function codebookProblemMessage(problem: { message: string; key?: string; values?: ProblemValues }, locale: Locale): string {
  const wording = problem.key ? (locale === 'nl' ? nl : en).codebookProblems[problem.key as CodebookProblemKey] : undefined;
  return (wording && fillProblemText(wording, problem.values, locale)) ?? problem.message;
}
