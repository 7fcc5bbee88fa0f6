import type { SurveyData } from '../../survey/dataset';
import { type DatasetCatalog, SCENARIO_FAMILY } from '../catalog';
import { answersModel, type AnswersModel } from './answers';
import { groupsModel, type GroupsModel } from './groups';
import { itemsModel, type ItemsModel } from './items';
import type { ExploreState } from '../state';
import { audienceSize, headline, type Headline } from './audience';
import { bondModel, type BondModel } from './bond';
import { contextModel } from './context';
import { dataTypesModel, type DataTypesModel } from './dataTypes';
import { segmentsModel, type SegmentsModel } from './segments';
import { tacticsModel, type TacticGroup } from './tactics';
import type { BarChartData } from '../model';

/** Everything the page needs for the active view, and nothing else (only that view's tables are computed). */
export type ViewModel =
  | { view: 'items'; model: ItemsModel }
  | { view: 'answers'; model: AnswersModel }
  | { view: 'groups'; model: GroupsModel }
  | { view: 'datatypes'; model: DataTypesModel }
  | { view: 'context'; model: BarChartData[] }
  | { view: 'bond'; model: BondModel }
  | { view: 'segments'; model: SegmentsModel }
  | { view: 'tactics'; model: TacticGroup[] };

export interface ExploreResult {
  /** Respondents matching the filters (0: the filters leave nobody). */
  audience: number;
  total: number;
  /** Whether the shares use the dataset's respondent weights (for the methods footnote). */
  weighted: boolean;
  headline: Headline | null;
  content: ViewModel | null;
  /** Server time spent computing the view's tables, in milliseconds. */
  computeMs: number;
}

export function buildExplore(data: SurveyData, catalog: DatasetCatalog, state: ExploreState): ExploreResult {
  const started = performance.now();
  const result = computeExplore(data, catalog, state);
  result.computeMs = performance.now() - started;
  return result;
}

function computeExplore(data: SurveyData, catalog: DatasetCatalog, state: ExploreState): ExploreResult {
  const { filter, minBase, cross } = state;
  const audience = audienceSize(data, filter);
  const result: ExploreResult = { audience, total: data.rowCount, weighted: data.weighted, headline: null, content: null, computeMs: 0 };
  if (audience === 0) return result;
  // A view the dataset does not offer (a link from elsewhere, a codebook without items) computes nothing: the page says so.
  if (!catalog.views.includes(state.view)) return result;
  switch (state.view) {
    case 'items':
      result.headline = headline(data, state.family, filter, minBase, undefined, true);
      result.content = { view: 'items', model: itemsModel(data, state.family, filter, minBase, cross) };
      break;
    case 'answers':
      result.headline = headline(data, state.family, filter, minBase, undefined, true);
      result.content = { view: 'answers', model: answersModel(data, state.family, filter, minBase) };
      break;
    case 'groups':
      result.headline = headline(data, state.family, filter, minBase, undefined, true);
      result.content = { view: 'groups', model: groupsModel(data, state.family, filter, minBase, state.by, cross) };
      break;
    case 'datatypes':
      result.content = { view: 'datatypes', model: dataTypesModel(data, filter, minBase, cross) };
      break;
    case 'context':
      result.headline = headline(data, SCENARIO_FAMILY, filter, minBase);
      result.content = { view: 'context', model: contextModel(data, catalog, filter, minBase, state.dim, cross) };
      break;
    case 'bond':
      result.headline = headline(data, SCENARIO_FAMILY, filter, minBase);
      result.content = { view: 'bond', model: bondModel(data, catalog, filter, minBase, cross) };
      break;
    case 'segments':
      result.headline = headline(data, SCENARIO_FAMILY, filter, minBase);
      result.content = { view: 'segments', model: segmentsModel(data, catalog, filter, minBase, cross) };
      break;
    case 'tactics':
      result.content = { view: 'tactics', model: tacticsModel(data, filter, minBase, cross) };
      break;
  }
  return result;
}
