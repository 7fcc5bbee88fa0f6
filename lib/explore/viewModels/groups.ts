import { memoAcceptance } from '../../analysis/memo';
import type { SurveyData } from '../../survey/dataset';
import { barChartData, type BarChartData } from '../model';
import { type FamilyRef, familyRef } from './family';

/**
 * Groups (generic, any codebook): one family's acceptance, pooled over its items, by the levels of
 * any attribute (rows, in the attribute's order: bands stay in scale order), alone or crossed by a
 * second attribute. Pooled cells count respondents, with respondents as clusters (their ratings of
 * the family's items are not independent); the line is the audience's pooled rate.
 */
export interface GroupsModel {
  family: FamilyRef;
  chart: BarChartData;
}

export function groupsModel(data: SurveyData, family: string, filter: Record<string, string[]>, minBase: number, by: string, cross: string): GroupsModel {
  const dims = cross && cross !== by ? [by, cross] : [by];
  const table = memoAcceptance(data, { family, filter, minBase, by: dims });
  const chart = barChartData(table, { id: 'groups', rowDims: [by], seriesDim: dims[1], withReference: true });
  return { family: familyRef(data, family), chart };
}
