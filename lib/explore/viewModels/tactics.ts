import { memoAcceptance } from '../../analysis/memo';
import type { Label } from '../../survey/codebook';
import type { SurveyData } from '../../survey/dataset';
import { TACTIC_FAMILY } from '../catalog';
import { barChartData, type BarChartData, sharesByRow } from '../model';

/**
 * Tactics (study P): the share who find each tactic creepy, and who value each, ranked; each group
 * is its own chart, so a tactic is tested against the other tactics of its kind.
 */
export interface TacticGroup {
  code: string;
  label: Label;
  chart: BarChartData;
}

export function tacticsModel(data: SurveyData, filter: Record<string, string[]>, minBase: number, cross: string): TacticGroup[] {
  const dimension = data.codebook.itemDimensions.find((d) => d.id === 'tactic');
  const groups = dimension ? dimension.values : [{ code: '', label: { en: '', nl: '' } }];
  return groups
    .map((group) => {
      const query = { family: TACTIC_FAMILY, filter, minBase, itemWhere: group.code ? { tactic: [group.code] } : undefined };
      let table;
      try {
        table = memoAcceptance(data, { ...query, by: ['item'] });
      } catch {
        return null; // no tactic of this kind
      }
      const chartTable = cross ? memoAcceptance(data, { ...query, by: ['item', cross] }) : table;
      const chart = barChartData(chartTable, { id: `tactics-${group.code || 'all'}`, rowDims: ['item'], seriesDim: cross || undefined, sortBy: sharesByRow(table, ['item']) });
      chart.rows = chart.rows.map((row) => ({ ...row, label: withoutPrefix(row.label, group.label) }));
      return { code: group.code, label: group.label, chart };
    })
    .filter((g): g is TacticGroup => g !== null);
}

/** "Creepy: a text message ..." in the chart of creepy tactics reads "A text message ...". */
export function withoutPrefix(label: Label, prefix: Label): Label {
  const strip = (text: string, p: string) => {
    if (!p || !text.toLowerCase().startsWith(`${p.toLowerCase()}: `)) return text;
    const rest = text.slice(p.length + 2);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  };
  return { en: strip(label.en, prefix.en), nl: strip(label.nl, prefix.nl) };
}
