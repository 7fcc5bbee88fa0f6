import { memoAcceptance } from '../../analysis/memo';
import type { SurveyData } from '../../survey/dataset';
import { barChartData, type BarChartData, sharesByRow } from '../model';
import { type FamilyRef, familyRef, itemText } from './family';

/**
 * Items (generic, any codebook): the positive share of each item of one family, highest first,
 * alone or crossed by a respondent attribute; the line is the family's pooled rate for the audience.
 * Uncrossed, each item is tested against the family's other ratings; crossed, each level against
 * the attribute's other levels within the item.
 */
export interface ItemsModel {
  family: FamilyRef;
  chart: BarChartData;
}

export function itemsModel(data: SurveyData, family: string, filter: Record<string, string[]>, minBase: number, cross: string): ItemsModel {
  const query = { family, filter, minBase };
  const table = memoAcceptance(data, { ...query, by: ['item'] });
  const chartTable = cross ? memoAcceptance(data, { ...query, by: ['item', cross] }) : table;
  const chart = barChartData(chartTable, {
    id: 'items',
    rowDims: ['item'],
    seriesDim: cross || undefined,
    sortBy: sharesByRow(table, ['item']),
    withReference: true,
    rowText: (key) => itemText(data, key),
  });
  return { family: familyRef(data, family), chart };
}
