import type { SurveyData } from '../../survey/dataset';
import { type DatasetCatalog, SCENARIO_FAMILY } from '../catalog';
import type { Label } from '../../survey/codebook';
import { answersModel, type AnswersModel } from './answers';
import { familyRef } from './family';
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
  | { view: 'context'; model: BarChartData[]; subject?: Label }
  | { view: 'bond'; model: BondModel; subject?: Label }
  | { view: 'segments'; model: SegmentsModel; subject?: Label }
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
  // Study G's scenarios are "automated services"; another codebook's scenario family is named by its own label.
  const subject = data.codebook.studyStyle === 'G' ? undefined : familyRef(data, SCENARIO_FAMILY).label;
  const scenarioHeadline = () => headline(data, SCENARIO_FAMILY, filter, minBase, undefined, subject !== undefined);
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
      result.headline = scenarioHeadline();
      result.content = { view: 'context', model: contextModel(data, catalog, filter, minBase, state.dim, cross), subject };
      break;
    case 'bond':
      result.headline = scenarioHeadline();
      result.content = { view: 'bond', model: bondModel(data, catalog, filter, minBase, cross), subject };
      break;
    case 'segments':
      result.headline = scenarioHeadline();
      result.content = { view: 'segments', model: segmentsModel(data, catalog, filter, minBase, cross), subject };
      break;
    case 'tactics':
      result.content = { view: 'tactics', model: tacticsModel(data, filter, minBase, cross) };
      break;
  }
  return result;
}
