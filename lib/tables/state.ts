import { DEFAULT_MIN_BASE, minBaseParam } from '../analysis/conventions';
import { datasetCatalog } from '../explore/catalog';
import type { SurveyData } from '../survey/dataset';
import { defaultWeightId, resolveWeightId } from '../survey/weights';
import { parseBanner } from './banner';
import { type Correction, DEFAULT_ALPHA, type SmallCells, type TableRows, type TableSpec } from './model';
import { weightParam } from './weighting';

/**
 * The state of /tables, as it lives in the URL (the same parameters download the table from
 * GET /api/datasets/<id>/tables):
 *   /tables?dataset=study-g&rows=family:dataType&banner=country&banner=gender&banner=gender>age_band
 *   /tables?dataset=<upload>&rows=answers:q5&filter=country:United Kingdom&weight=census_2025&small=suppress
 *   /tables?rows=items&items=dt_gender&items=dt_photos&alpha=0.1,0.05&correction=none&minBase=50
 * Read leniently against the dataset: anything unknown falls back to its default, so a shared or
 * mistyped link never breaks the page. `banner` and `filter` are repeated, one value each; an empty
 * `banner=` (the form always sends one) means "Total only", and its absence the default banner.
 * The form's nested pair arrives as nestOuter and nestInner and is read as one more banner entry.
 * `weight` is one of the dataset's weight ids as on every page (lib/survey/weights.ts; `none` is the
 * older name of "unweighted"); an unknown one is the default, which the URL leaves out.
 * `from` names the dataset the form was made for: when the dataset select changes, the rest of
 * the form belongs to the other dataset and is not read.
 */

export interface TablesChoice {
  dataset: string;
  rows: TableRows;
  banner: string[][];
  /** The weight id the table uses; null: the dataset's default (not written in the URL). */
  weight: string | null;
  filter: Record<string, string[]>;
  minBase: number;
  alpha: number[];
  correction: Correction;
  small: SmallCells;
}

export type TablesParams = Record<string, string | string[] | undefined>;

/** The significance levels offered: lower case at the first, upper case at the second. */
export const ALPHA_OPTIONS: readonly (readonly number[])[] = [[0.05, 0.01], [0.1, 0.05], [0.05], [0.01]];
export const MIN_BASE_OPTIONS = [0, 10, 20, 30, 50, 100];
/** Banner columns a default banner stays under. */
const DEFAULT_BANNER_COLUMNS = 16;

const all = (params: TablesParams, name: string): string[] | undefined => {
  const value = params[name];
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
};
const one = (params: TablesParams, name: string) => all(params, name)?.[0];

/** The first family with items; its items are the default rows. */
function defaultRows(data: SurveyData): TableRows {
  const family = data.codebook.families.find((f) => data.codebook.items.some((it) => it.family === f.id));
  return family ? { kind: 'family', family: family.id } : { kind: 'items', items: data.codebook.items.slice(0, 10).map((it) => it.id) };
}

/** Up to four attributes of 2 to 12 groups, not filtered by default (study P's wave), in the codebook's order, under 16 columns. */
export function defaultBanner(data: SurveyData, filter: Record<string, string[]>): string[][] {
  const banner: string[][] = [];
  let columns = 1;
  for (const attribute of data.attributes.values()) {
    const k = attribute.levels.length;
    if (k < 2 || k > 12 || filter[attribute.id]?.length || banner.length >= 4 || columns + k > DEFAULT_BANNER_COLUMNS) continue;
    banner.push([attribute.id]);
    columns += k;
  }
  return banner;
}

function rowsFrom(params: TablesParams, data: SurveyData): TableRows {
  const rows = one(params, 'rows') ?? '';
  if (rows.startsWith('family:')) {
    const family = rows.slice('family:'.length);
    if (data.codebook.items.some((it) => it.family === family)) return { kind: 'family', family };
  }
  if (rows.startsWith('answers:') && data.items.has(rows.slice('answers:'.length))) return { kind: 'answers', item: rows.slice('answers:'.length) };
  if (rows === 'items') {
    const items = [...new Set(all(params, 'items') ?? [])].filter((id) => data.items.has(id));
    return { kind: 'items', items };
  }
  return defaultRows(data);
}

function bannerFrom(params: TablesParams, data: SurveyData, filter: Record<string, string[]>): string[][] {
  const given = all(params, 'banner');
  const outer = one(params, 'nestOuter');
  const inner = one(params, 'nestInner');
  if (given === undefined && !outer) return defaultBanner(data, filter);
  const wanted = (given ?? []).flatMap((v) => parseBanner(v));
  if (outer && inner && outer !== inner) wanted.push([outer, inner]);
  const seen = new Set<string>();
  return wanted.filter((group) => {
    const name = group.join('>');
    const ok = group.length <= 2 && group.every((id) => data.attributes.has(id)) && new Set(group).size === group.length && !seen.has(name);
    seen.add(name);
    return ok;
  });
}

function filterFrom(params: TablesParams, data: SurveyData): Record<string, string[]> {
  const given = all(params, 'filter');
  if (given === undefined) return { ...datasetCatalog(data.codebook).defaultFilter };
  const filter: Record<string, string[]> = {};
  for (const value of given) {
    const at = value.indexOf(':');
    if (at < 0) continue;
    const [id, code] = [value.slice(0, at), value.slice(at + 1)];
    const attribute = data.attributes.get(id);
    if (!attribute || !attribute.levels.some((l) => l.code === code) || filter[id]?.includes(code)) continue;
    filter[id] = [...(filter[id] ?? []), code];
  }
  return filter;
}

function alphaFrom(value: string | undefined): number[] {
  const option = ALPHA_OPTIONS.find((o) => o.join(',') === value);
  return [...(option ?? DEFAULT_ALPHA)];
}

/** The weight asked for when the dataset has it and it is not the default; null for the default. */
function weightChoice(data: SurveyData, asked: string | undefined): string | null {
  const id = resolveWeightId(data.codebook, weightParam(asked));
  return id === defaultWeightId(data.codebook) ? null : id;
}

/** The whole choice for a dataset already loaded (see the module comment). */
export function resolveTablesChoice(params: TablesParams, dataset: string, data: SurveyData): TablesChoice {
  const from = one(params, 'from');
  const read: TablesParams = from !== undefined && from !== dataset ? {} : params;
  const filter = filterFrom(read, data);
  return {
    dataset,
    rows: rowsFrom(read, data),
    banner: bannerFrom(read, data, filter),
    weight: weightChoice(data, one(read, 'weight')),
    filter,
    minBase: minBaseParam(one(read, 'minBase')),
    alpha: alphaFrom(one(read, 'alpha')),
    correction: one(read, 'correction') === 'none' ? 'none' : 'bh',
    small: one(read, 'small') === 'suppress' ? 'suppress' : 'warn',
  };
}

/** Whether the respondents, weight or letters differ from the defaults (the form then shows them). */
export function optionsChanged(choice: TablesChoice, data: SurveyData): boolean {
  const defaults = resolveTablesChoice({}, choice.dataset, data);
  return (
    JSON.stringify(choice.filter) !== JSON.stringify(defaults.filter) ||
    choice.weight !== defaults.weight ||
    choice.minBase !== defaults.minBase ||
    choice.alpha.join(',') !== defaults.alpha.join(',') ||
    choice.correction !== defaults.correction ||
    choice.small !== defaults.small
  );
}

/** The table the choice asks for. */
export function choiceSpec(choice: TablesChoice): TableSpec {
  return {
    rows: choice.rows,
    banner: choice.banner,
    weighting: { kind: 'weight', ...(choice.weight !== null ? { id: choice.weight } : {}) },
    filter: choice.filter,
    minBase: choice.minBase,
    alpha: choice.alpha,
    correction: choice.correction,
    smallCells: choice.small,
  };
}

const rowsParam = (rows: TableRows) => (rows.kind === 'family' ? `family:${rows.family}` : rows.kind === 'answers' ? `answers:${rows.item}` : 'items');

/**
 * The choice as URL parameters (without the language), in the page's form: only what differs from
 * a default, except the banner and filter, which are always written (a link keeps them even when
 * the defaults change).
 */
export function choiceEntries(choice: TablesChoice): [string, string][] {
  const filter = Object.entries(choice.filter).flatMap(([id, codes]) => codes.map((code): [string, string] => ['filter', `${id}:${code}`]));
  return [
    ['dataset', choice.dataset],
    ['rows', rowsParam(choice.rows)],
    ...(choice.rows.kind === 'items' ? choice.rows.items.map((id): [string, string] => ['items', id]) : []),
    ...(choice.banner.length ? choice.banner.map((g): [string, string] => ['banner', g.join('>')]) : [['banner', ''] as [string, string]]),
    ...(filter.length ? filter : [['filter', ''] as [string, string]]),
    ...(choice.weight !== null ? [['weight', choice.weight] as [string, string]] : []),
    ...(choice.minBase !== DEFAULT_MIN_BASE ? [['minBase', String(choice.minBase)] as [string, string]] : []),
    ...(choice.alpha.join(',') !== DEFAULT_ALPHA.join(',') ? [['alpha', choice.alpha.join(',')] as [string, string]] : []),
    ...(choice.correction === 'none' ? [['correction', 'none'] as [string, string]] : []),
    ...(choice.small === 'suppress' ? [['small', 'suppress'] as [string, string]] : []),
  ];
}

export function choiceQuery(choice: TablesChoice): string {
  return new URLSearchParams(choiceEntries(choice)).toString();
}

/** The download URL of the choice's table (or, with `book`, the tab book of every family by its banner), in the API's terms. */
export function downloadHref(choice: TablesChoice, format: 'xlsx' | 'csv' | 'pptx' | 'json', lang: 'en' | 'nl', book = false): string {
  const { rows } = choice;
  const apiRows = rows.kind === 'items' ? `items:${rows.items.join(',')}` : rowsParam(rows);
  const entries: [string, string][] = [
    ...(book ? [] : [['rows', apiRows] as [string, string]]),
    ...choiceEntries(choice).filter(([name, value]) => !['dataset', 'rows', 'items'].includes(name) && value !== ''),
    ...(book ? [['book', '1'] as [string, string]] : []),
    ['format', format],
    ...(lang === 'nl' ? [['lang', 'nl'] as [string, string]] : []),
  ];
  return `/api/datasets/${encodeURIComponent(choice.dataset)}/tables?${new URLSearchParams(entries).toString()}`;
}

export const DEFAULT_TABLES_DATASET = 'study-g';

/** The dataset the URL asks for (or the default), and whether it names one that is not listed. */
export function chooseTablesDataset(params: TablesParams, listings: { id: string }[]): { dataset: string; unknown: string | null } {
  const asked = one(params, 'dataset');
  if (asked && listings.some((d) => d.id === asked)) return { dataset: asked, unknown: null };
  const fallback = listings.find((d) => d.id === DEFAULT_TABLES_DATASET)?.id ?? listings[0]?.id ?? DEFAULT_TABLES_DATASET;
  return { dataset: fallback, unknown: asked ? asked : null };
}
