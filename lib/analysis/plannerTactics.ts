import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import type { AcceptanceCell } from './acceptance';
import { memoAcceptance } from './memo';
import { tacticsSource } from './plannerSupport';
import { withoutInference } from './smallBase';

/**
 * Study P's creepy tactics for the planner's audience: the tactics whose "tactic" is "creepy",
 * with the share of the audience who find each creepy. From the dataset itself when it has them
 * (study P), else from study P's respondents with the part of the audience study P can filter on
 * (the attributes it shares, with the same codes: study G's gender and age), else none.
 */
export interface TacticsAnswer {
  source: 'own' | 'study-p';
  tactics: { item: string; label: Label; cell: AcceptanceCell }[];
  /** The audience the figures are for, as attribute and level labels. */
  used: { attribute: Label; level: Label }[];
  /** Chosen attributes that study P cannot filter on, and so were left out. */
  dropped: Label[];
}

export function creepyTactics(data: SurveyData, p: SurveyData | null, audience: Record<string, string>, minBase: number): TacticsAnswer | null {
  const source = tacticsSource(data, p?.attributes ?? null);
  if (!source) return null;
  const from = source === 'own' ? data : p!;
  const used: TacticsAnswer['used'] = [];
  const dropped: Label[] = [];
  const filter: Record<string, string[]> = {};
  for (const [id, code] of Object.entries(audience)) {
    const attribute = from.attributes.get(id);
    const level = attribute?.levels.find((l) => l.code === code);
    if (attribute && level) {
      filter[id] = [code];
      used.push({ attribute: attribute.label, level: level.label });
    } else dropped.push(data.attributes.get(id)?.label ?? { en: id, nl: id });
  }
  const family = from.codebook.items.find((it) => it.meta.tactic === 'creepy')!.family;
  const table = memoAcceptance(from, { family, itemWhere: { tactic: ['creepy'] }, by: ['item'], filter, minBase });
  const tactics = table.cells.filter((c) => c.share !== null).map((cell) => ({ item: cell.key.item, label: cell.labels.item, cell: withoutInference(cell) }));
  // A ranking is a comparison: cells under the minimum base keep the codebook's order.
  if (!tactics.some((t) => t.cell.smallBase)) tactics.sort((a, b) => b.cell.share! - a.cell.share!);
  return { source, tactics, used, dropped };
}
