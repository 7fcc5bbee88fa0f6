import type { Codebook } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { benchmarkOptions } from './benchmark';
import type { Correspondence } from './correspondence';

/**
 * How /compare and /benchmark pair the items of two datasets: by a saved correspondence (the
 * codebook's `benchmark` entry), or by id. Kept apart from correspondence.ts, which the browser's
 * correspondence editor loads: this one needs the benchmark (and so the engine).
 */

/** The saved correspondence of `data` with the dataset `otherId`, or undefined. */
export function savedCorrespondence(codebook: Codebook, otherId: string): Correspondence | undefined {
  const entry = codebook.benchmark && Object.hasOwn(codebook.benchmark, otherId) ? codebook.benchmark[otherId] : undefined;
  return entry && Object.keys(entry).length ? entry : undefined;
}

/** How two datasets' items are paired on /compare. */
export type PairingSource = { kind: 'direct' } | { kind: 'inverse' } | { kind: 'id' } | { kind: 'reference'; reference: string } | { kind: 'none' };

/**
 * How to pair the items of two datasets (any two: references or uploads), in this order: a
 * correspondence the first keeps for the second; one the second keeps for the first (turned
 * around); the same item ids with the same answers (two uploads of one codebook); correspondences
 * both keep for one reference study (each item paired through the reference item both map to).
 * `pairs` is undefined when the items are paired by id.
 */
export function pairingBetween(a: SurveyData, aId: string, b: SurveyData, bId: string): { pairs: Correspondence | undefined; source: PairingSource } {
  const direct = savedCorrespondence(a.codebook, bId);
  if (direct) return { pairs: direct, source: { kind: 'direct' } };
  const inverse = savedCorrespondence(b.codebook, aId);
  if (inverse) {
    const pairs: Correspondence = {};
    for (const [bItem, aItem] of Object.entries(inverse)) if (!Object.hasOwn(pairs, aItem)) pairs[aItem] = bItem;
    return { pairs, source: { kind: 'inverse' } };
  }
  if (benchmarkOptions(a, b).pairs.length > 0) return { pairs: undefined, source: { kind: 'id' } };
  for (const reference of Object.keys(a.codebook.benchmark ?? {})) {
    const theirs = savedCorrespondence(b.codebook, reference);
    const ours = savedCorrespondence(a.codebook, reference);
    if (!theirs || !ours) continue;
    const byReferenceItem = new Map<string, string>();
    for (const [bItem, referenceItem] of Object.entries(theirs)) if (!byReferenceItem.has(referenceItem)) byReferenceItem.set(referenceItem, bItem);
    const pairs: Correspondence = {};
    for (const [aItem, referenceItem] of Object.entries(ours)) {
      const bItem = byReferenceItem.get(referenceItem);
      if (bItem !== undefined) pairs[aItem] = bItem;
    }
    if (Object.keys(pairs).length) return { pairs, source: { kind: 'reference', reference } };
  }
  return { pairs: undefined, source: { kind: 'none' } };
}
