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
 * The survey engine's problems (SurveyDataBuilder), in English and Dutch. Written as the middle of
 * a sentence, as the API's messages have always been: the page makes a sentence of them.
 */
export const DATA_PROBLEM_TEXT = {
  'MissingColumn.id': { en: "the codebook's respondent-id column {column} is not in the file", nl: 'de kolom met de respondent-id uit het codeboek, {column}, ontbreekt in het bestand' },
  'MissingColumn.weight': { en: "the codebook's weight column {column} is not in the file", nl: 'de wegingskolom uit het codeboek, {column}, ontbreekt in het bestand' },
  'MissingColumn.attribute': { en: "the codebook's column {column} of attribute {id} is not in the file", nl: 'de kolom {column} van kenmerk {id} uit het codeboek ontbreekt in het bestand' },
  'MissingColumn.item': { en: "the codebook's column {column} of item {id} is not in the file", nl: 'de kolom {column} van item {id} uit het codeboek ontbreekt in het bestand' },
  'MissingColumn.askedIf': {
    en: 'item {id} is asked only if column {column} matches, but that column is not in the file',
    nl: 'item {id} wordt alleen gevraagd als kolom {column} aan de voorwaarde voldoet, maar die kolom ontbreekt in het bestand',
  },
  RaggedRow: { en: 'the row has {fields} fields; the header has {headerFields}', nl: 'de rij heeft {fields} velden; de kopregel heeft er {headerFields}' },
  'RaggedRow.one': { en: 'the row has 1 field; the header has {headerFields}', nl: 'de rij heeft 1 veld; de kopregel heeft er {headerFields}' },
  MissingId: { en: 'the respondent id is blank', nl: 'de respondent-id is leeg' },
  DuplicateId: { en: 'respondent id {id} also appears in data row {first}', nl: 'respondent-id {id} komt ook voor in datarij {first}' },
  'BadWeight.blank': { en: 'the weight is blank', nl: 'het gewicht is leeg' },
  BadWeight: { en: 'the weight {value} is not a number', nl: 'het gewicht {value} is geen getal' },
  NegativeWeight: { en: 'the weight {value} is negative', nl: 'het gewicht {value} is negatief' },
  'UnknownCode.attribute': { en: '{value} is not a code of {attribute} ({codes})', nl: '{value} is geen code van {attributeNl} ({codes})' },
  UnknownCode: { en: '{value} is not a code of the scale {codes}', nl: '{value} is geen code van de schaal {codes}' },
  OutOfScale: { en: '{value} is outside the scale {min}-{max}', nl: '{value} valt buiten de schaal {min}-{max}' },
  AnsweredNotAsked: {
    en: 'answered, but the item is asked only if {column} is {code}; left out of the base',
    nl: 'beantwoord, maar het item wordt alleen gevraagd als {column} gelijk is aan {code}; niet meegeteld in de basis',
  },
  'AnsweredNotAsked.many': {
    en: 'answered, but the item is asked only if {column} is one of {codes}; left out of the base',
    nl: 'beantwoord, maar het item wordt alleen gevraagd als {column} een van deze waarden heeft: {codes}; niet meegeteld in de basis',
  },
  NoRows: { en: 'the file has a header but no respondents', nl: 'het bestand heeft een kopregel maar geen respondenten' },
  EmptyFile: { en: 'the file is empty', nl: 'het bestand is leeg' },
} satisfies Record<string, Label>;

export type DataProblemKey = keyof typeof DATA_PROBLEM_TEXT;

/** The code of a wording's key: "MissingColumn.id" is a MissingColumn. */
export const codeOfKey = (key: string): string => key.split('.')[0];

/** The English message of one of the engine's problems (the API's language). */
export function dataProblemMessage(key: DataProblemKey, values?: ProblemValues): string {
  return fillProblemText(DATA_PROBLEM_TEXT[key].en, values, 'en') ?? DATA_PROBLEM_TEXT[key].en;
}
