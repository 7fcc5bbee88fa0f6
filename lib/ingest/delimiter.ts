import Papa from 'papaparse';
import type { Delimiter } from './types';

/**
 * Which of comma, semicolon and tab separates the fields. Dutch Excel writes ";" (the comma is the
 * decimal separator there), other tools "," or tab. papaparse's guess is used, on the first lines
 * only: it respects quotes and prefers the delimiter that gives the same field count on every line
 * and more than one field, which tells "1,5;2,3" apart as semicolon-separated.
 */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** False when no candidate gave more than one column: the file may have a single column, or another separator. */
  detected: boolean;
}

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 10;

export function detectDelimiter(text: string): DelimiterGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  // papaparse's guess counts fields but not quote errors: in a tab-separated file whose cells hold a
  // quoted ";", splitting at ";" gives as steady a field count (the quotes then run across lines),
  // and ";" won. So candidates that split the sample cleanly are asked first; only when none of them
  // separates anything are all three asked (an unclosed quote makes every candidate unclean).
  const clean = DELIMITERS.filter((d) => !Papa.parse<string[]>(sample, { delimiter: d, preview: SAMPLE_LINES, skipEmptyLines: 'greedy' }).errors.some((e) => e.type === 'Quotes'));
  const guessed = (clean.length > 0 ? guessAmong(sample, clean) : undefined) ?? guessAmong(sample, DELIMITERS);
  return { delimiter: guessed ?? ',', detected: guessed !== undefined };
}

/** papaparse's guess among `candidates`; undefined when none gives more than one column. */
function guessAmong(sample: string, candidates: readonly Delimiter[]): Delimiter | undefined {
  const result = Papa.parse<string[]>(sample, { delimitersToGuess: [...candidates], preview: SAMPLE_LINES, skipEmptyLines: 'greedy' });
  const guessed = result.meta.delimiter as Delimiter;
  return !result.errors.some((e) => e.code === 'UndetectableDelimiter') && candidates.includes(guessed) ? guessed : undefined;
}

/** A readable name for a delimiter in messages and reports. */
export function delimiterName(d: Delimiter, locale: 'en' | 'nl' = 'en'): string {
  if (locale === 'nl') return d === ',' ? 'komma' : d === ';' ? 'puntkomma' : 'tab';
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab';
}
