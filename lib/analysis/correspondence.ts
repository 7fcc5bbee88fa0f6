import type { Codebook, Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { positiveLabels } from './itemAnswers';

/**
 * The correspondence between one dataset's items and another's: which item of an upload stands
 * for which item of a reference study ("Your current location" for study G's "Current location").
 * It is kept in the upload's codebook, `benchmark: { "<reference id>": { "<item id>": "<reference
 * item id>" } }`, edited by an analyst on /benchmark from a proposal made here, and read by
 * /benchmark and /compare.
 */

export type Correspondence = Record<string, string>;

/** An item as the correspondence editor lists it: label, family and the answers it counts as positive. */
export interface ItemChoice {
  id: string;
  label: Label;
  family: { id: string; label: Label };
  positive: Label[];
}

/** The items of a dataset in codebook order, with their family and positive answers by label. */
export function itemChoices(data: SurveyData): ItemChoice[] {
  return [...data.items.values()].map((column) => {
    const family = data.codebook.families.find((f) => f.id === column.item.family);
    return { id: column.item.id, label: column.item.label, family: { id: column.item.family, label: family?.label ?? { en: column.item.family, nl: column.item.family } }, positive: positiveLabels(column) };
  });
}

// Words that say nothing about what an item asks ("your", "the", "je", "de"): left out of the match.
const STOP_WORDS = new Set([
  ...['a', 'an', 'and', 'are', 'about', 'at', 'by', 'do', 'for', 'from', 'has', 'have', 'how', 'i', 'in', 'is', 'it', 'me', 'my', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'with', 'you', 'your'],
  ...['de', 'het', 'een', 'en', 'of', 'je', 'jouw', 'uw', 'u', 'van', 'op', 'in', 'met', 'voor', 'naar', 'bij', 'aan', 'die', 'dat', 'is', 'zijn'],
]);

/** The words of a label that carry its meaning: lower case, accents and punctuation dropped, stop words out, plural "s" off. */
export function meaningfulWords(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  return new Set(words);
}

/** How alike two labels are: the Dice coefficient of their meaningful words (0 to 1). */
export function labelSimilarity(a: string, b: string): number {
  const x = meaningfulWords(a);
  const y = meaningfulWords(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

/** Labels at least this alike are proposed: "Your home address" for "Address" (2/3), not one shared word in four. */
export const PROPOSAL_THRESHOLD = 0.6;

export interface Proposal {
  item: string;
  reference: string;
  /** The label similarity (0-1) the proposal rests on. */
  score: number;
}

/**
 * Proposes a correspondence from the labels (English and Dutch, the better of the two): each
 * upload item to at most one reference item and each reference item to at most one upload item,
 * the most alike pairs first, only where the labels match well (PROPOSAL_THRESHOLD). The analyst
 * confirms or changes each one before it is saved.
 */
export function proposeCorrespondence(upload: ItemChoice[], reference: ItemChoice[]): Proposal[] {
  const candidates: Proposal[] = [];
  for (const u of upload)
    for (const r of reference) {
      const score = Math.max(labelSimilarity(u.label.en, r.label.en), labelSimilarity(u.label.nl, r.label.nl));
      if (score >= PROPOSAL_THRESHOLD) candidates.push({ item: u.id, reference: r.id, score });
    }
  // Stable sort: among equal scores, the codebooks' order decides.
  candidates.sort((a, b) => b.score - a.score);
  const taken = new Set<string>();
  const proposals = new Map<string, Proposal>();
  for (const c of candidates) {
    if (proposals.has(c.item) || taken.has(c.reference)) continue;
    proposals.set(c.item, c);
    taken.add(c.reference);
  }
  return upload.filter((u) => proposals.has(u.id)).map((u) => proposals.get(u.id)!);
}

/**
 * The codebook with the correspondence for one reference dataset replaced (an empty one removes
 * the entry, and the `benchmark` field when nothing is left). Other references' entries are kept.
 */
export function withCorrespondence(codebook: Codebook, referenceId: string, pairs: Correspondence): Codebook {
  const entries = Object.entries(pairs).filter(([, reference]) => reference !== '');
  const benchmark = { ...(codebook.benchmark ?? {}) };
  if (entries.length) benchmark[referenceId] = Object.fromEntries(entries);
  else delete benchmark[referenceId];
  const next: Codebook = { ...codebook, benchmark };
  if (Object.keys(benchmark).length === 0) delete next.benchmark;
  return next;
}
