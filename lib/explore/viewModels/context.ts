import { memoAcceptance } from '../../analysis/memo';
import type { SurveyData } from '../../survey/dataset';
import type { DatasetCatalog } from '../catalog';
import { SCENARIO_FAMILY } from '../catalog';
import { barChartData, type BarChartData } from '../model';

/**
 * Context: acceptance of automated services (scenarios pooled) by situation, place and industry,
 * each on its own ("all"), or one of them crossed by a second dimension (another context dimension
 * or a respondent attribute).
 */
export function contextModel(data: SurveyData, catalog: DatasetCatalog, filter: Record<string, string[]>, minBase: number, dim: string, cross: string): BarChartData[] {
  const dims = dim === 'all' ? catalog.contextDims.map((d) => d.id) : [dim];
  return dims.map((d) => {
    const by = cross && cross !== d ? [d, cross] : [d];
    const table = memoAcceptance(data, { family: SCENARIO_FAMILY, filter, minBase, by });
    return barChartData(table, { id: `context-${d}`, rowDims: [d], seriesDim: by[1], withReference: true });
  });
}
