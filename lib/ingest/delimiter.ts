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
  const result = Papa.parse<string[]>(sample, { delimitersToGuess: [...DELIMITERS], preview: SAMPLE_LINES, skipEmptyLines: 'greedy' });
  const guessed = result.meta.delimiter as Delimiter;
  const detected = !result.errors.some((e) => e.code === 'UndetectableDelimiter') && DELIMITERS.includes(guessed);
  return { delimiter: detected ? guessed : ',', detected };
}

/** A readable name for a delimiter in messages and reports. */
export function delimiterName(d: Delimiter): string {
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab';
}
