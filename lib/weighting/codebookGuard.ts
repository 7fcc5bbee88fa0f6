import type { Attribute, Codebook } from '../survey/codebook';
import { datasetWeights } from '../survey/weights';

/**
 * A raked weight holds for the levels it was raked on: an edited codebook may rename labels, but
 * may not change how respondents fall into the levels of an attribute a raked weight adjusts on
 * (its column, codes, bands or missing markers), nor a raked weight's targets or column. Such an
 * edit is refused with what to do instead (delete the weight, or weight again after the edit).
 */
export function rakedWeightEditProblems(before: Codebook, after: Codebook): string[] {
  const problems: string[] = [];
  const was = new Map(datasetWeights(before).map((w) => [w.id, w]));
  for (const weight of datasetWeights(after)) {
    if (weight.kind !== 'raked') continue;
    const old = was.get(weight.id);
    if (!old || old.kind !== 'raked' || old.column !== weight.column || JSON.stringify(old.spec) !== JSON.stringify(weight.spec)) {
      problems.push(`the raked weight "${weight.id.slice(0, 80)}" can only be made on the weighting page; its targets, base and column cannot be edited here`);
      continue;
    }
    for (const margin of weight.spec?.margins ?? []) {
      const a = before.attributes.find((x) => x.id === margin.attribute);
      const b = after.attributes.find((x) => x.id === margin.attribute);
      if (!a || !b || levelsOf(a) !== levelsOf(b))
        problems.push(`the weight "${weight.label.en.slice(0, 80)}" is raked on ${margin.attribute}: its column, codes, bands and missing values cannot change while it exists (delete the weight, edit, then weight again)`);
    }
  }
  return problems;
}

/** What decides a respondent's level of an attribute (labels aside). */
function levelsOf(a: Attribute): string {
  return JSON.stringify(a.kind === 'categorical' ? [a.column, a.kind, a.codes.map((c) => c.code), a.missing ?? []] : [a.column, a.kind, a.min, a.max, a.bands.map((b) => [b.id, b.min, b.max]), a.missing ?? []]);
}
