import { answerPolarity, isYesNo, SENTINEL_NUMBERS } from './answerWords';
import { isNumber } from './profile';

/**
 * Answer scales, detected from a column's values (and its header's anchors, "1 = very likely, 5 =
 * very unlikely"): which codes it has, in which order, and which count as positive. The direction
 * is read from the labels' words, the header's anchors or a yes/no pair; where none says it (a bare
 * 1-5), it is 'unknown' and no code is proposed as positive: the analyst is asked.
 */

export type ScaleKind = 'text' | 'numeric' | 'binary';
/** How the positive end was found: labels ("Very acceptable"), anchors in the header, a yes/no pair, or not at all. */
export type Direction = 'labels' | 'anchors' | 'binary' | 'unknown';

export interface ScaleGuess {
  kind: ScaleKind;
  /** Codes in scale order: text scales from most to least positive, numbers ascending, yes before no. */
  codes: string[];
  /** A label per code where the data or header give one beyond the code itself ("1 = very likely"). */
  labels: Record<string, string>;
  /** Proposed positive codes; empty while the direction is unknown. */
  positive: string[];
  direction: Direction;
  /** Values the detector read as missing (a 99 beside a 1-5 scale). */
  sentinels: string[];
}

/** Most points of a numeric answer scale (0-10). */
export const MAX_SCALE_POINTS = 11;

/** "(1 = very likely, 5 = very unlikely)" → {1: "very likely", 5: "very unlikely"}. */
export function anchorsOf(text: string | undefined): Map<number, string> {
  const anchors = new Map<number, string>();
  if (!text) return anchors;
  for (const m of text.matchAll(/(-?\d{1,2})\s*(?:=|:|-|–)\s*([^,;/)(=\d]{2,60})/g)) {
    const label = m[2].replace(/\b(and|en|und|or|of)\s*$/i, '').trim();
    if (label) anchors.set(Number(m[1]), label);
  }
  return anchors;
}

/** The complement of a lone yes/no value, so a column where everyone said FALSE still has both codes. */
const PAIRS: [string, string][] = [
  ['TRUE', 'FALSE'], ['True', 'False'], ['true', 'false'], ['Yes', 'No'], ['yes', 'no'], ['YES', 'NO'], ['Y', 'N'], ['y', 'n'], ['Ja', 'Nee'], ['ja', 'nee'], ['1', '0'],
  ['Selected', 'Not selected'], ['Checked', 'Unchecked'],
];

function binaryScale(values: string[]): ScaleGuess | null {
  if (values.length === 0 || values.length > 2) return null;
  const isBinaryNumber = values.every((v) => v === '0' || v === '1');
  if (!isBinaryNumber && !values.every(isYesNo)) return null;
  const pair = PAIRS.find(([yes, no]) => values.every((v) => v === yes || v === no));
  if (!pair) {
    if (values.length !== 2) return null;
    const yes = values.find((v) => (answerPolarity(v) ?? 0) > 0);
    const no = values.find((v) => (answerPolarity(v) ?? 0) < 0);
    if (!yes || !no) return null;
    return { kind: 'binary', codes: [yes, no], labels: {}, positive: [yes], direction: 'binary', sentinels: [] };
  }
  return { kind: 'binary', codes: [pair[0], pair[1]], labels: {}, positive: [pair[0]], direction: 'binary', sentinels: [] };
}

function numericScale(values: string[], headerText?: string): ScaleGuess | null {
  if (!values.every((v) => /^-?\d+$/.test(v))) return null;
  const numbers = [...new Set(values.map(Number))].sort((a, b) => a - b);
  // A "don't know" code far past the scale (9 or 99 beside 1-5): missing, not a scale point.
  const sentinels: string[] = [];
  while (numbers.length > 2 && SENTINEL_NUMBERS.includes(numbers[numbers.length - 1]) && numbers[numbers.length - 1] - numbers[numbers.length - 2] > 2) {
    sentinels.push(String(numbers.pop()));
  }
  while (numbers.length > 2 && SENTINEL_NUMBERS.includes(numbers[0]) && numbers[0] < 0) sentinels.push(String(numbers.shift()));
  if (numbers.length < 2) return null;
  const min = numbers[0];
  const max = numbers[numbers.length - 1];
  if (max - min + 1 > MAX_SCALE_POINTS || min < 0 || min > 1) return null;
  const codes = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  const anchors = anchorsOf(headerText);
  const labels: Record<string, string> = {};
  for (const [n, label] of anchors) if (n >= min && n <= max) labels[String(n)] = `${n} = ${label}`;
  // The direction from the anchors at the two ends, when their words say which end is good.
  const low = anchors.get(min);
  const high = anchors.get(max);
  const lowPolarity = low ? answerPolarity(low) : null;
  const highPolarity = high ? answerPolarity(high) : null;
  let best: 'low' | 'high' | null = null;
  if (lowPolarity !== null && highPolarity !== null && lowPolarity !== highPolarity) best = lowPolarity > highPolarity ? 'low' : 'high';
  else if (lowPolarity !== null && lowPolarity !== 0 && highPolarity === null) best = lowPolarity > 0 ? 'low' : 'high';
  else if (highPolarity !== null && highPolarity !== 0 && lowPolarity === null) best = highPolarity > 0 ? 'high' : 'low';
  const positive = best ? topBoxes(codes, best) : [];
  return { kind: 'numeric', codes, labels, positive, direction: best ? 'anchors' : 'unknown', sentinels };
}

/** The top box of a short scale, the top two of a scale of five or more points, at the chosen end. */
export function topBoxes(codes: string[], best: 'low' | 'high'): string[] {
  const n = codes.length >= 5 ? 2 : 1;
  return best === 'low' ? codes.slice(0, n) : codes.slice(-n);
}

function textScale(values: string[]): ScaleGuess | null {
  if (values.length < 2 || values.length > MAX_SCALE_POINTS || values.some(isNumber)) return null;
  const polarity = new Map(values.map((v) => [v, answerPolarity(v)] as const));
  if ([...polarity.values()].some((p) => p === null)) return null;
  if (![...polarity.values()].some((p) => p !== 0)) return null;
  const codes = [...values].sort((a, b) => polarity.get(b)! - polarity.get(a)! || a.localeCompare(b, 'en'));
  return { kind: 'text', codes, labels: {}, positive: codes.filter((c) => polarity.get(c)! > 0), direction: 'labels', sentinels: [] };
}

/**
 * The answer scale a column's values form (missing markers already left out), or null when they
 * are not one (names, free text, many numbers).
 */
export function detectScale(values: string[], headerText?: string): ScaleGuess | null {
  return binaryScale(values) ?? numericScale(values, headerText) ?? textScale(values);
}

/** The scale several columns share: their values pooled (a rare answer missing from one column is still a code). */
export function pooledScale(valueSets: string[][], headerText?: string): ScaleGuess | null {
  return detectScale([...new Set(valueSets.flat())], headerText);
}
