import { headerParts } from './headers';

/**
 * Matches another file's header to the dataset's columns when they differ only in style: "[Q5]
 * [acceptability.location] How acceptable ... - Your current location" in one file is
 * "acceptability.location" in the other; "Q7_BrandBond" is "[Q7] [Q7_BrandBond] How strong ...".
 * Exact names first, then the bracketed key, then the words of the whole header, then the words of
 * the key alone; each column is used once. The page shows the matching for confirmation.
 */

export type MatchHow = 'same' | 'key' | 'words' | 'similar';

export interface HeaderMatch {
  /** Per column of the other file: the dataset column it is, or null (left out), and how it was found. */
  columns: { column: string; target: string | null; how: MatchHow | null }[];
  /** Dataset columns no column of the other file matched (blank for that file's rows). */
  unmatched: string[];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
const normal = (text: string) => words(text).join('');
const keyOf = (header: string) => normal(headerParts(header).key);

/** How alike two headers' words are (Jaccard over word sets), 0 to 1. */
function similarity(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}

/** 0.8 when every word of a dataset column's key is in the other header ("age" in "Age (years)"), else 0. */
function contains(mine: string, theirs: string): number {
  const key = words(headerParts(mine).key);
  const other = new Set(words(theirs));
  return key.length > 0 && key.every((w) => other.has(w)) ? 0.8 : 0;
}

/** Below this similarity two headers are not taken for the same question. */
export const MIN_SIMILARITY = 0.6;

export function matchHeaders(dataset: readonly string[], other: readonly string[]): HeaderMatch {
  const taken = new Set<string>();
  const target: (string | null)[] = other.map(() => null);
  const how: (MatchHow | null)[] = other.map(() => null);
  const pass = (kind: MatchHow, same: (mine: string, theirs: string) => boolean) => {
    other.forEach((theirs, i) => {
      if (target[i] !== null) return;
      const candidates = dataset.filter((mine) => !taken.has(mine) && same(mine, theirs));
      // Two dataset columns that fit equally well: leave it to the analyst.
      if (candidates.length !== 1) return;
      target[i] = candidates[0];
      how[i] = kind;
      taken.add(candidates[0]);
    });
  };
  pass('same', (mine, theirs) => mine === theirs);
  pass('key', (mine, theirs) => keyOf(mine) !== '' && keyOf(mine) === keyOf(theirs));
  pass('words', (mine, theirs) => normal(mine) !== '' && normal(mine) === normal(theirs));
  pass('key', (mine, theirs) => keyOf(theirs) !== '' && (keyOf(mine) === normal(theirs) || normal(mine) === keyOf(theirs)));
  // Last: the most similar remaining header, if it is clearly the one.
  other.forEach((theirs, i) => {
    if (target[i] !== null) return;
    const scored = dataset.filter((mine) => !taken.has(mine)).map((mine) => ({ mine, score: Math.max(similarity(mine, theirs), similarity(headerParts(mine).key, headerParts(theirs).key), contains(mine, theirs)) }));
    scored.sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best && best.score >= MIN_SIMILARITY && (!second || best.score - second.score >= 0.15)) {
      target[i] = best.mine;
      how[i] = 'similar';
      taken.add(best.mine);
    }
  });
  return {
    columns: other.map((column, i) => ({ column, target: target[i], how: how[i] })),
    unmatched: dataset.filter((c) => !taken.has(c)),
  };
}

/** The `columns` map the upload sends for a file: its header names to the dataset's, where they differ. */
export function columnsMap(match: HeaderMatch): Record<string, string> {
  const map: Record<string, string> = {};
  for (const c of match.columns) if (c.target !== null && c.target !== c.column) map[c.column] = c.target;
  return map;
}
