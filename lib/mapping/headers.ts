/**
 * What a column header says about its column, read from the way survey platforms write headers:
 *
 * - "[Q5] [acceptability.location] How acceptable ... - Your current location" (a bracketed
 *   question number and key, then the question text, then " - " and the answer option);
 * - "acceptability.location", "Q5_1", "Q5r1", "Q5.1", "Q5[1]", "dt_gender" (a family prefix and an item);
 * - "How acceptable ... ? - Your current location" (Qualtrics: question text, then the option).
 *
 * The family is the prefix several columns share; the short label is the option text or the
 * item's key in words; the full text is kept for hover and exports.
 */

export interface HeaderParts {
  /** The header as it is. */
  header: string;
  /** The column's key: the bracketed key, else the header itself (what matching across files compares). */
  key: string;
  /** Question number from a bracket ("Q5"), if any. */
  question?: string;
  /** The question text after the brackets, if any. */
  text?: string;
  /** A family candidate: the prefix before the first separator of the key ("acceptability", "Q5", "dt"). */
  prefix?: string;
  /** The rest of the key after the prefix ("location", "1", "gender"). */
  rest?: string;
  /** The answer option after the last " - " of a question text ("Your current location"). */
  option?: string;
  /** The question text before that " - ", shared by the columns of one question. */
  stem?: string;
}

const BRACKETS = /^\s*(?:\[([^\]]{1,80})\]\s*)?\[([^\]]{1,200})\]\s*(.*)$/s;
/** "prefix.rest", "prefix_rest", "Q5r1", "Q5[1]", "Q5 1": a prefix of letters and digits, a separator, the rest. */
const PREFIXED = /^([A-Za-z][A-Za-z0-9]*?)(?:[._\-:]|(?<=\d)r(?=\d)|\[)(.+?)\]?$/;
const OPTION = /^(.{8,}?)\s+[-–—:]\s+([^-–—]{1,160})$/s;

export function headerParts(header: string): HeaderParts {
  const trimmed = header.trim();
  const parts: HeaderParts = { header, key: trimmed };
  const bracket = BRACKETS.exec(trimmed);
  let text = trimmed;
  if (bracket) {
    const [, first, second, rest] = bracket;
    // "[Q5] [key] text": the first bracket is the number; "[key] text": the only bracket is the key.
    if (first !== undefined) parts.question = first.trim();
    parts.key = second.trim();
    text = rest.trim();
    if (text) parts.text = text;
  }
  const prefixed = PREFIXED.exec(parts.key);
  if (prefixed && !/\s/.test(parts.key)) {
    parts.prefix = prefixed[1];
    parts.rest = prefixed[2];
  }
  const option = OPTION.exec(bracket ? text : trimmed);
  if (option) {
    parts.stem = option[1].trim();
    parts.option = option[2].trim();
  }
  return parts;
}

/** "social_likes" → "Social likes", "BrandBond" → "Brand bond", "q7" → "Q7". */
export function humanise(key: string): string {
  const spaced = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^[a-z]\d+$/i.test(spaced)) return spaced.toUpperCase();
  const lower = spaced.replace(/\b([A-Z])([a-z]+)\b/g, (_, a: string, b: string) => a.toLowerCase() + b);
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Labels longer than this are shortened on the page (the whole text on hover). */
export const SHORT_LABEL = 80;

/** A text cut to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = SHORT_LABEL): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/**
 * A short label for a column: the answer option of a "question - option" header; for a column of a
 * family, its item key in words ("social_likes" → "Social likes"); else the bracketed key or the
 * whole key in words ("respondent_id" → "Respondent id"), or the header shortened.
 */
export function shortLabel(parts: HeaderParts, inFamily = true): string {
  if (parts.option) return shorten(parts.option);
  const named = parts.rest !== undefined && !/^\d+$/.test(parts.rest);
  // "Q7_BrandBond": a question number before a name says nothing a label needs.
  if (named && (inFamily || /^[a-z]{1,2}\d+$/i.test(parts.prefix ?? ''))) return shorten(humanise(parts.rest!));
  if (parts.key !== parts.header.trim() || /^[\w.\-]+$/.test(parts.key)) return shorten(humanise(parts.key));
  return shorten(parts.header);
}

/**
 * Families from a header list: the prefix (or question stem) that at least two columns share.
 * Returns, per column, its family key or undefined.
 */
export function familyKeys(headers: readonly string[]): (string | undefined)[] {
  const parts = headers.map(headerParts);
  const count = new Map<string, number>();
  const prefixKey = (p: HeaderParts) => (p.prefix ? `p:${p.prefix.toLowerCase()}` : undefined);
  const stemKey = (p: HeaderParts) => (p.stem ? `s:${p.stem.toLowerCase()}` : undefined);
  for (const p of parts)
    for (const k of [prefixKey(p), stemKey(p)]) if (k) count.set(k, (count.get(k) ?? 0) + 1);
  const shared = (k: string | undefined) => (k !== undefined && (count.get(k) ?? 0) >= 2 ? k : undefined);
  // The key's prefix first ("acceptability" of "acceptability.location"), else the question stem.
  return parts.map((p) => shared(prefixKey(p)) ?? shared(stemKey(p)));
}
