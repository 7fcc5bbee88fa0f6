import { DEFAULT_MIN_BASE, minBaseParam } from '../analysis/conventions';
import type { Locale } from '../survey/codebook';
import { crossOptions, dimOptions, type DatasetCatalog, isGenericView, VIEW_IDS, type ViewId } from './catalog';

/**
 * The explorer's whole state, as it lives in the URL:
 *   /explore?dataset=study-g&view=segments&country=NL&gender=F&cross=place&minBase=30&lang=nl
 *   /explore?dataset=<upload>&view=groups&family=trust&by=age&cross=country
 * Filters use the attribute id as the parameter name (repeated for several levels; an attribute
 * whose id clashes with a reserved name is written "f.<id>"). A filter that differs from the
 * dataset's default only by being cleared is written empty ("wave=") so that the link keeps it.
 * Anything unknown or invalid falls back to its default: a shared link never breaks the page.
 */
export interface ExploreState {
  dataset: string;
  view: ViewId;
  /** Context view: "all" or one context dimension; "" in other views. */
  dim: string;
  /** Generic views: the item family shown; "" in the study-specific views. */
  family: string;
  /** Groups view: the attribute whose levels are the rows; "" in other views. */
  by: string;
  /** Second dimension to cross by (attribute or context dimension id), "" for none. */
  cross: string;
  minBase: number;
  /** Attribute id -> selected level codes, in codebook order; attributes without a filter are absent. */
  filter: Record<string, string[]>;
  lang: Locale;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

const RESERVED = new Set(['dataset', 'view', 'dim', 'family', 'by', 'cross', 'minBase', 'lang']);

/** The URL parameter that carries an attribute's filter. */
export function filterParam(attributeId: string): string {
  return RESERVED.has(attributeId) || attributeId.startsWith('f.') ? `f.${attributeId}` : attributeId;
}

function getAll(params: SearchParamsInput, name: string): string[] | undefined {
  if (params instanceof URLSearchParams) return params.has(name) ? params.getAll(name) : undefined;
  const value = params[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

function getOne(params: SearchParamsInput, name: string): string | undefined {
  const all = getAll(params, name);
  return all && all.length ? all[0] : undefined;
}

/** Parses the URL's parameters against the datasets on offer; the first catalog is the default dataset. */
export function parseExploreState(params: SearchParamsInput, catalogs: DatasetCatalog[]): ExploreState {
  if (!catalogs.length) throw new RangeError('no dataset to explore');
  const catalog = catalogs.find((c) => c.id === getOne(params, 'dataset')) ?? catalogs[0];

  const viewParam = getOne(params, 'view');
  const view: ViewId = VIEW_IDS.includes(viewParam as ViewId) && catalog.views.includes(viewParam as ViewId) ? (viewParam as ViewId) : defaultView(catalog);

  const dims = dimOptions(catalog, view);
  const dimParam = getOne(params, 'dim');
  const dim = dims.length ? (dimParam && dims.includes(dimParam) ? dimParam : dims[0]) : '';

  const familyParam = getOne(params, 'family');
  const family = isGenericView(view) ? (catalog.families.some((f) => f.id === familyParam) ? familyParam! : defaultFamily(catalog)) : '';
  const byParam = getOne(params, 'by');
  const by = view === 'groups' ? (catalog.attributes.some((a) => a.id === byParam) ? byParam! : defaultBy(catalog)) : '';

  const crossParam = getOne(params, 'cross') ?? '';
  const cross = crossOptions(catalog, view, dim, by).includes(crossParam) ? crossParam : '';

  const minBase = minBaseParam(getOne(params, 'minBase'));

  const filter: Record<string, string[]> = {};
  for (const attribute of catalog.attributes) {
    const raw = getAll(params, filterParam(attribute.id));
    let wanted: string[];
    if (raw === undefined) wanted = catalog.defaultFilter[attribute.id] ?? [];
    else {
      // Repeated parameters, or one comma-separated value; a code that itself contains a comma is kept whole.
      const known = new Set(attribute.levels.map((l) => l.code));
      wanted = raw.flatMap((v) => (known.has(v) ? [v] : v.split(',').map((s) => s.trim())));
    }
    const codes = attribute.levels.map((l) => l.code).filter((code) => wanted.includes(code));
    if (codes.length) filter[attribute.id] = codes;
  }

  return { dataset: catalog.id, view, dim, family, by, cross, minBase, filter, lang: getOne(params, 'lang') === 'nl' ? 'nl' : 'en' };
}

/** The dataset's first view; a codebook without any (no items at all) gets the items view, which says so. */
export function defaultView(catalog: DatasetCatalog): ViewId {
  return catalog.views[0] ?? 'items';
}

const defaultFamily = (catalog: DatasetCatalog) => catalog.families[0]?.id ?? '';
const defaultBy = (catalog: DatasetCatalog) => catalog.attributes[0]?.id ?? '';

/** The state as a query string (without "?"): dataset and view always, everything else only when not the default. */
export function serialiseExploreState(state: ExploreState, catalog: DatasetCatalog, options: { lang?: boolean } = {}): string {
  const params = new URLSearchParams();
  params.set('dataset', state.dataset);
  params.set('view', state.view);
  const dims = dimOptions(catalog, state.view);
  if (dims.length && state.dim && state.dim !== dims[0]) params.set('dim', state.dim);
  if (state.family && state.family !== defaultFamily(catalog)) params.set('family', state.family);
  if (state.by && state.by !== defaultBy(catalog)) params.set('by', state.by);
  for (const attribute of catalog.attributes) {
    const current = state.filter[attribute.id] ?? [];
    const fallback = catalog.defaultFilter[attribute.id] ?? [];
    if (sameSet(current, fallback)) continue;
    const name = filterParam(attribute.id);
    if (current.length === 0) params.set(name, '');
    else for (const code of current) params.append(name, code);
  }
  if (state.cross) params.set('cross', state.cross);
  if (state.minBase !== DEFAULT_MIN_BASE) params.set('minBase', String(state.minBase));
  if (options.lang !== false && state.lang === 'nl') params.set('lang', 'nl');
  return params.toString();
}

function sameSet(a: string[], b: string[]) {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The state after switching dataset: that dataset's defaults, keeping only the language and minimum base. */
export function switchDataset(state: ExploreState, catalog: DatasetCatalog): ExploreState {
  const view = defaultView(catalog);
  return {
    dataset: catalog.id,
    view,
    dim: dimOptions(catalog, view)[0] ?? '',
    family: isGenericView(view) ? defaultFamily(catalog) : '',
    by: view === 'groups' ? defaultBy(catalog) : '',
    cross: '',
    minBase: state.minBase,
    filter: { ...catalog.defaultFilter },
    lang: state.lang,
  };
}

/**
 * The state after switching view: the filters and minimum base stay; the family stays among the
 * generic views; the crossing stays when the new view allows it.
 */
export function switchView(state: ExploreState, catalog: DatasetCatalog, view: ViewId): ExploreState {
  const dim = dimOptions(catalog, view)[0] ?? '';
  const family = isGenericView(view) ? state.family || defaultFamily(catalog) : '';
  const by = view === 'groups' ? (state.by && state.by !== state.cross ? state.by : catalog.attributes.find((a) => a.id !== state.cross)?.id ?? defaultBy(catalog)) : '';
  return { ...state, view, dim, family, by, cross: crossOptions(catalog, view, dim, by).includes(state.cross) ? state.cross : '' };
}

/** The state after changing the context dimension: the crossing stays when still allowed. */
export function switchDim(state: ExploreState, catalog: DatasetCatalog, dim: string): ExploreState {
  return { ...state, dim, cross: crossOptions(catalog, state.view, dim, state.by).includes(state.cross) ? state.cross : '' };
}

/** The state after changing the groups view's attribute: a crossing by that same attribute is dropped. */
export function switchBy(state: ExploreState, catalog: DatasetCatalog, by: string): ExploreState {
  return { ...state, by, cross: crossOptions(catalog, state.view, state.dim, by).includes(state.cross) ? state.cross : '' };
}

/** Toggles one level of one attribute's filter, keeping the codebook order. */
export function toggleFilter(state: ExploreState, catalog: DatasetCatalog, attributeId: string, code: string, on: boolean): ExploreState {
  const attribute = catalog.attributes.find((a) => a.id === attributeId);
  if (!attribute) return state;
  const current = new Set(state.filter[attributeId] ?? []);
  if (on) current.add(code);
  else current.delete(code);
  const codes = attribute.levels.map((l) => l.code).filter((c) => current.has(c));
  const filter = { ...state.filter };
  if (codes.length) filter[attributeId] = codes;
  else delete filter[attributeId];
  return { ...state, filter };
}

/** Removes every filter (also the dataset's default ones: "everyone"). */
export function clearFilters(state: ExploreState): ExploreState {
  return { ...state, filter: {} };
}

export function hasFilters(state: ExploreState): boolean {
  return Object.values(state.filter).some((codes) => codes.length > 0);
}
