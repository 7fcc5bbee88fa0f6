import type { Attribute, Codebook } from '../survey/codebook';

/**
 * The respondent attribute that measures the emotional bond with the brand, in any codebook:
 * study G's `bond`, or an analyst's own attribute named so ("Brand bond", "Emotionele band met het
 * merk"). Its levels are ordered from the weakest to the strongest bond (a rating's bands in
 * ascending order, a categorical attribute's codes as listed), so the bond comparison is always
 * its last level against its first: the strongest bond against the weakest.
 */
const BOND_WORDS = [/\bbond\b/i, /\bemotional\b/i, /\bemotionele band\b/i, /\bmerkband\b/i, /\bband met het merk\b/i];

/** An id such as `brand_bond` read as words. */
const words = (id: string) => id.replace(/[_\-.]+/g, ' ');

export function bondAttribute(codebook: Codebook): Attribute | null {
  const levels = (a: Attribute) => (a.kind === 'categorical' ? a.codes.length : a.bands.length);
  const candidates = codebook.attributes.filter((a) => levels(a) >= 2);
  const exact = candidates.find((a) => a.id === 'bond');
  if (exact) return exact;
  return candidates.find((a) => BOND_WORDS.some((re) => re.test(words(a.id)) || re.test(a.label.en) || re.test(a.label.nl))) ?? null;
}

/** The weakest and the strongest level's codes of the bond attribute. */
export function bondEnds(attribute: Attribute): { weakest: string; strongest: string } {
  const codes = attribute.kind === 'categorical' ? attribute.codes.map((c) => c.code) : attribute.bands.map((b) => b.id);
  return { weakest: codes[0], strongest: codes[codes.length - 1] };
}
