import type { Codebook, Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { referenceCodebook } from '../storage/referenceDatasets';
import type { Claim, ClaimResult, FindingsRegistry } from './claims';
import { evaluateClaim } from './evaluate';

/**
 * Which published claims a stored dataset can answer. A claim names items, a family, attributes
 * and their codes, or item dimensions; the dataset answers it when its codebook has every one of
 * them. The others are skipped, each with the reasons in plain words (English and Dutch): what the
 * study's own codebook calls the question, the attribute or the level the dataset lacks, never an
 * id, so an analyst sees how their survey compares with the published figures, and why some are
 * missing.
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

const quoted = (labels: string[]) => labels.map((l) => `“${l}”`);
const joined = (parts: string[], and: string) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`);
/** “a”, “b” and “c” / “a”, “b” en “c”. */
const list = (labels: Label[]): Label => ({ en: joined(quoted(labels.map((l) => l.en)), 'and'), nl: joined(quoted(labels.map((l) => l.nl)), 'en') });
const lower = (l: Label): Label => ({ en: l.en.charAt(0).toLowerCase() + l.en.slice(1), nl: l.nl.charAt(0).toLowerCase() + l.nl.slice(1) });
const same = (text: string): Label => ({ en: text, nl: text });

/** The names a claim's ids have in its study's codebook (ids only when the study does not know them either). */
function namer(claim: Claim, data: SurveyData) {
  const study: Codebook | null = referenceCodebook(claim.dataset);
  const studyName = `${claim.study}`;
  return {
    studyName,
    item: (id: string): Label => study?.items.find((it) => it.id === id)?.label ?? data.items.get(id)?.item.label ?? same(id),
    family: (id: string): Label => study?.families.find((f) => f.id === id)?.label ?? same(id),
    attribute: (id: string): Label => data.attributes.get(id)?.label ?? study?.attributes.find((a) => a.id === id)?.label ?? same(id),
    level: (attribute: string, code: string): Label => {
      const a = study?.attributes.find((x) => x.id === attribute);
      const found = a?.kind === 'categorical' ? a.codes.find((c) => c.code === code)?.label : a?.kind === 'scale' ? a.bands.find((b) => b.id === code)?.label : undefined;
      return found ?? same(code);
    },
    studyDimension: (id: string): boolean => !!study?.itemDimensions.some((d) => d.id === id),
    dimension: (id: string): Label => study?.itemDimensions.find((d) => d.id === id)?.label ?? data.codebook.itemDimensions.find((d) => d.id === id)?.label ?? same(id),
    value: (dimension: string, code: string): Label => study?.itemDimensions.find((d) => d.id === dimension)?.values.find((v) => v.code === code)?.label ?? same(code),
  };
}

/** What the dataset lacks to answer the claim, in words; an empty list when it can answer it. */
export function missingForClaim(claim: Claim, data: SurveyData): Label[] {
  const reasons: Label[] = [];
  const m = claim.metric;
  const { codebook } = data;
  const name = namer(claim, data);
  const study = name.studyName;

  const items = new Set<string>(m.items ?? []);
  if (m.kind === 'ordering' && m.by === 'item') for (const pair of m.pairs) pair.forEach((id) => items.add(id));
  const missingItems = [...items].filter((id) => !data.items.has(id));
  if (missingItems.length) {
    const names = list(missingItems.map(name.item));
    reasons.push(
      missingItems.length === 1
        ? { en: `no question matching study ${study}’s ${names.en}`, nl: `geen vraag die past bij ${names.nl} van onderzoek ${study}` }
        : { en: `no questions matching study ${study}’s ${names.en}`, nl: `geen vragen die passen bij ${names.nl} van onderzoek ${study}` },
    );
  }

  if (m.family && !m.items?.length && !codebook.items.some((it) => it.family === m.family)) {
    const family = lower(name.family(m.family));
    reasons.push({ en: `no questions in a group like study ${study}’s “${family.en}”`, nl: `geen vragen in een groep zoals “${family.nl}” van onderzoek ${study}` });
  }

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
      const dim = lower(name.dimension(m.by));
      if (absent.length) {
        const values = list(absent.map((code) => name.value(m.by, code)));
        reasons.push({ en: `the questions’ ${dim.en} has no ${values.en}`, nl: `de ${dim.nl} van de vragen kent geen ${values.nl}` });
      } else if (!codebook.items.some((it) => (!m.family || it.family === m.family) && it.meta[m.by] !== undefined))
        reasons.push({ en: `no question is described by its ${dim.en}`, nl: `geen vraag is beschreven naar ${dim.nl}` });
    } else if (name.studyDimension(m.by)) {
      // The study describes its questions by this (situation, place, industry): the dataset's questions are not.
      const dim = lower(name.dimension(m.by));
      const values = list(m.pairs.flat().filter((c, i, all) => all.indexOf(c) === i).map((code) => name.value(m.by, code)));
      reasons.push({ en: `no questions described by their ${dim.en} (such as ${values.en})`, nl: `geen vragen beschreven naar ${dim.nl} (zoals ${values.nl})` });
    } else need(m.by, m.pairs.flat());
  }
  for (const [attribute, codes] of needs) {
    const column = data.attributes.get(attribute);
    const label = name.attribute(attribute);
    if (!column) {
      reasons.push({ en: `no respondent attribute like study ${study}’s “${lower(label).en}”`, nl: `geen kenmerk van respondenten zoals “${lower(label).nl}” van onderzoek ${study}` });
      continue;
    }
    const absent = [...codes].filter((code) => !column.levels.some((l) => l.code === code));
    if (absent.length) {
      const levels = list(absent.map((code) => name.level(attribute, code)));
      reasons.push(
        absent.length === 1
          ? { en: `“${label.en}” has no level ${levels.en}`, nl: `“${label.nl}” heeft geen niveau ${levels.nl}` }
          : { en: `“${label.en}” has no levels ${levels.en}`, nl: `“${label.nl}” heeft geen niveaus ${levels.nl}` },
      );
    }
  }

  if (m.kind === 'share' && m.outcome && !missingItems.length) {
    const lacking = (m.items ?? []).filter((id) => !m.outcome!.every((code) => data.items.get(id)!.codes.some((c) => c.code === code)));
    if (lacking.length) {
      const questions = list(lacking.map((id) => data.items.get(id)!.item.label));
      const studyItem = referenceCodebook(claim.dataset)?.items.find((it) => it.id === lacking[0]);
      const scale = referenceCodebook(claim.dataset)?.scales.find((s) => s.id === studyItem?.scale);
      const answers = list(m.outcome.map((code) => scale?.codes.find((c) => c.code === code)?.label ?? same(code)));
      reasons.push({ en: `the answers to ${questions.en} have no ${answers.en}`, nl: `de antwoorden op ${questions.nl} kennen geen ${answers.nl}` });
    }
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
