import type { DatasetCatalog } from './catalog';
import { type ExploreState, parseExploreState, switchDataset } from './state';

/**
 * The explorer's controls form as a plain GET form: its fields carry the URL's parameter names
 * (the selects' names, one checkbox per filter level named by filterParam, the view and language
 * hidden), so the form submitted without JavaScript asks for the same URL a click would have
 * pushed, and the state its fields hold can be read back (stateFromForm). An attribute with a
 * default filter (study P's latest wave) also sends an empty value, which keeps "nothing ticked"
 * (everyone) apart from "parameter absent" (the default).
 *
 * The state the form's fields ask for. A dataset other than `current`'s opens with its own
 * defaults: the other fields belong to the dataset that was on screen.
 */
export function stateFromForm(fields: URLSearchParams, current: ExploreState, catalogs: DatasetCatalog[]): ExploreState {
  const dataset = fields.get('dataset');
  if (dataset && dataset !== current.dataset) {
    const catalog = catalogs.find((c) => c.id === dataset);
    if (catalog) return switchDataset(current, catalog);
  }
  return parseExploreState(fields, catalogs);
}
