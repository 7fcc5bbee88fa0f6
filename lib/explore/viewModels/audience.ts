import { memoAcceptance } from '../../analysis/memo';
import type { Label } from '../../survey/codebook';
import type { SurveyData } from '../../survey/dataset';
import { cellView, type CellView } from '../model';

/**
 * The headline of a view: acceptance of a family's items pooled (in the study views: automated
 * services, all scenarios) for the filtered audience beside everyone in the dataset. Null when the
 * dataset has no item of the family.
 */
export interface Headline {
  audience: CellView;
  everyone: CellView;
  filtered: boolean;
  /** The family's label, in the generic views (whose headline is about any family, not automated services). */
  family?: Label;
}

export function headline(data: SurveyData, family: string, filter: Record<string, string[]>, minBase: number, itemWhere?: Record<string, string[]>, generic = false): Headline | null {
  if (!data.codebook.items.some((it) => it.family === family)) return null;
  const filtered = Object.values(filter).some((codes) => codes.length > 0);
  const everyone = cellView(memoAcceptance(data, { family, minBase, itemWhere }).overall, 'everyone');
  const audience = filtered ? cellView(memoAcceptance(data, { family, filter, minBase, itemWhere }).overall, 'audience') : everyone;
  const result: Headline = { audience, everyone, filtered };
  if (generic) result.family = data.codebook.families.find((f) => f.id === family)?.label ?? { en: family, nl: family };
  return result;
}

/** Respondents in the filtered audience (anyone with a row, asked or not). */
export function audienceSize(data: SurveyData, filter: Record<string, string[]>): number {
  const active = Object.entries(filter).filter(([, codes]) => codes.length > 0);
  if (!active.length) return data.rowCount;
  const tests = active.map(([id, codes]) => {
    const column = data.attributes.get(id);
    if (!column) return () => false;
    const allowed = new Set(codes.map((c) => column.levels.findIndex((l) => l.code === c)).filter((i) => i >= 0));
    return (r: number) => allowed.has(column.levelOf[r]);
  });
  let n = 0;
  for (let r = 0; r < data.rowCount; r++) if (tests.every((t) => t(r))) n++;
  return n;
}
