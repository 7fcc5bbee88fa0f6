import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import type { Claim, ClaimResult, FindingsRegistry } from './claims';
import { evaluateClaim } from './evaluate';

/**
 * Which published claims a stored dataset can answer. A claim names items, a family, attributes
 * and their codes, or item dimensions; the dataset answers it when its codebook has every one of
 * them. The others are skipped, each with the reasons (in English and Dutch), so an analyst sees
 * how their own survey compares with the published figures, and why some are missing.
 */
export interface SkippedClaim {
  claim: Claim;
  reasons: Label[];
}

export interface DatasetFindings {
  datasetId: string;
  results: ClaimResult[];
  skipped: SkippedClaim[];
}

const list = (codes: string[]) => codes.map((c) => `“${c}”`).join(', ');

/** What the dataset lacks to answer the claim; an empty list when it can answer it. */
export function missingForClaim(claim: Claim, data: SurveyData): Label[] {
  const reasons: Label[] = [];
  const m = claim.metric;
  const { codebook } = data;

  const items = new Set<string>(m.items ?? []);
  if (m.kind === 'ordering' && m.by === 'item') for (const pair of m.pairs) pair.forEach((id) => items.add(id));
  const missingItems = [...items].filter((id) => !data.items.has(id));
  if (missingItems.length) reasons.push({ en: `no item ${list(missingItems)}`, nl: `geen item ${list(missingItems)}` });

  if (m.family && !m.items?.length && !codebook.items.some((it) => it.family === m.family))
    reasons.push({ en: `no items of the family “${m.family}”`, nl: `geen items van de familie “${m.family}”` });

  // Attribute id -> codes the claim needs.
  const needs = new Map<string, Set<string>>();
  const need = (attribute: string, codes: string[]) => {
    const set = needs.get(attribute) ?? new Set<string>();
    codes.forEach((c) => set.add(c));
    needs.set(attribute, set);
  };
  for (const [attribute, codes] of Object.entries(m.filter ?? {})) need(attribute, codes);
  if (m.kind === 'unlock') need(m.attribute, [...m.unlocked, ...m.locked]);
  if (m.kind === 'rise') {
    need(m.over, [m.from, m.to]);
    need(m.within, []);
  }
  if (m.kind === 'extremes') for (const by of m.by) need(by, [m.top[by], m.bottom[by]].filter((c): c is string => c !== undefined));
  if (m.kind === 'ordering' && m.by !== 'item') {
    const dimension = codebook.itemDimensions.find((d) => d.id === m.by);
    if (dimension) {
      const absent = m.pairs.flat().filter((code, i, all) => all.indexOf(code) === i && !dimension.values.some((v) => v.code === code));
      if (absent.length) reasons.push({ en: `no ${m.by} ${list(absent)} among the items`, nl: `geen ${m.by} ${list(absent)} bij de items` });
      else if (!codebook.items.some((it) => (!m.family || it.family === m.family) && it.meta[m.by] !== undefined))
        reasons.push({ en: `no item has a ${m.by}`, nl: `geen item heeft een ${m.by}` });
    } else need(m.by, m.pairs.flat());
  }
  for (const [attribute, codes] of needs) {
    const column = data.attributes.get(attribute);
    if (!column) {
      reasons.push({ en: `no attribute “${attribute}”`, nl: `geen kenmerk “${attribute}”` });
      continue;
    }
    const absent = [...codes].filter((code) => !column.levels.some((l) => l.code === code));
    if (absent.length) reasons.push({ en: `${attribute} has no level ${list(absent)}`, nl: `${attribute} heeft geen niveau ${list(absent)}` });
  }

  if (m.kind === 'share' && m.outcome && !missingItems.length) {
    const lacking = (m.items ?? []).filter((id) => !m.outcome!.every((code) => data.items.get(id)!.codes.some((c) => c.code === code)));
    if (lacking.length) reasons.push({ en: `the answers of ${list(lacking)} have no code ${list(m.outcome)}`, nl: `de antwoorden van ${list(lacking)} hebben geen code ${list(m.outcome)}` });
  }
  return reasons;
}

/** Every claim of the registry that the dataset can answer, evaluated on it; the rest skipped with reasons. */
export function findingsForDataset(registry: FindingsRegistry, data: SurveyData): DatasetFindings {
  const results: ClaimResult[] = [];
  const skipped: SkippedClaim[] = [];
  for (const claim of registry.claims) {
    const reasons = missingForClaim(claim, data);
    if (reasons.length) skipped.push({ claim, reasons });
    else results.push(evaluateClaim(claim, data));
  }
  return { datasetId: data.codebook.id, results, skipped };
}
