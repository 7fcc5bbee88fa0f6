import { DEFAULT_MIN_BASE, minBaseParam } from '../analysis/conventions';
import { comparableAttributes } from '../analysis/levelComparison';
import { firstParam, type SearchParamValue } from '../http/searchParams';
import type { SurveyData } from '../survey/dataset';
import { defaultWeightId, resolveWeightId } from '../survey/weights';

/**
 * The state of /compare, as it lives in the URL:
 *   /compare?dataset=study-p&mode=levels&by=wave&a=2018&b=2017            two waves of study P
 *   /compare?dataset=<upload>&mode=datasets&with=study-g&family=all       an upload against study G
 * Read leniently, as every page's query: anything unknown or invalid falls back to its default, so
 * a shared or mistyped link never breaks the page. The default is the first example:
 * study P's 2018 wave against its 2017 wave. `weight` is the first dataset's weight id, as on every
 * page (lib/survey/weights.ts): an unknown one is its default, which the URL leaves out; in datasets
 * mode the other dataset is in its own default weight.
 */

export type CompareMode = 'levels' | 'datasets';

export interface CompareListing {
  id: string;
  reference: boolean;
  studyStyle: string;
}

export interface CompareChoice {
  dataset: string;
  mode: CompareMode;
  /** Levels mode: the attribute and its two levels (the difference is a − b). Empty when the dataset has no attribute with two levels. */
  by: string;
  a: string;
  b: string;
  /** Datasets mode: the other dataset ("" when there is none to compare with). */
  with: string;
  /** A family id, or "" for every item. */
  family: string;
  minBase: number;
  /** The weight id of `dataset` when it is not its default; null: the default. */
  weight: string | null;
}

export type CompareParams = Record<string, SearchParamValue>;

export const DEFAULT_COMPARE_DATASET = 'study-p';
/** The family parameter's value for every item (absent means the same). */
export const ALL_FAMILIES = 'all';

/** The dataset the URL asks for (or the default), and whether it names one that is not listed. */
export function chooseDataset(params: CompareParams, listings: CompareListing[]): { dataset: string; unknown: string | null } {
  const asked = firstParam(params.dataset);
  if (asked && listings.some((d) => d.id === asked)) return { dataset: asked, unknown: null };
  const fallback = listings.find((d) => d.id === DEFAULT_COMPARE_DATASET)?.id ?? listings[0]?.id ?? DEFAULT_COMPARE_DATASET;
  return { dataset: fallback, unknown: asked ? asked : null };
}

/** The attribute whose levels to compare by default: the source column (several files), a wave, else the first with two levels. */
export function defaultAttribute(data: SurveyData): string {
  const attributes = comparableAttributes(data);
  const source = data.codebook.sourceColumn ? data.codebook.attributes.find((a) => a.column === data.codebook.sourceColumn)?.id : undefined;
  return attributes.find((a) => a.id === source)?.id ?? attributes.find((a) => a.id === 'wave')?.id ?? attributes[0]?.id ?? '';
}

/** The dataset to compare with by default: a reference the upload is mapped to or shares its style with; for a reference, the newest upload or the other reference. */
export function defaultOther(dataset: string, data: SurveyData, listings: CompareListing[]): string {
  const others = listings.filter((d) => d.id !== dataset);
  const self = listings.find((d) => d.id === dataset);
  const mapped = Object.keys(data.codebook.benchmark ?? {}).find((id) => others.some((d) => d.id === id));
  if (mapped) return mapped;
  if (self && !self.reference) return others.find((d) => d.reference && d.studyStyle === self.studyStyle)?.id ?? others.find((d) => d.reference)?.id ?? others[0]?.id ?? '';
  const uploads = others.filter((d) => !d.reference);
  return uploads[uploads.length - 1]?.id ?? others[0]?.id ?? '';
}

const minBaseFrom = (value: SearchParamValue): number => minBaseParam(firstParam(value));

/**
 * The whole choice for a dataset already loaded. Levels: the asked attribute if it has two levels,
 * else the default; the asked levels if they are its levels and differ, else the last and the one
 * before it (the latest wave against the previous). Mode: as asked, else levels when the dataset
 * has a source or wave column, else datasets.
 */
export function resolveChoice(params: CompareParams, listings: CompareListing[], dataset: string, data: SurveyData): CompareChoice {
  const attributes = comparableAttributes(data);
  const askedBy = firstParam(params.by);
  const by = attributes.find((a) => a.id === askedBy)?.id ?? defaultAttribute(data);
  const levels = attributes.find((a) => a.id === by)?.levels.map((l) => l.code) ?? [];
  const askedA = firstParam(params.a);
  const askedB = firstParam(params.b);
  let a = askedA !== undefined && levels.includes(askedA) ? askedA : (levels[levels.length - 1] ?? '');
  let b = askedB !== undefined && levels.includes(askedB) ? askedB : (levels[levels.length - 2] ?? '');
  if (a === b && levels.length >= 2) {
    // Both asked the same (or the defaults met the asked one): the other side takes another level.
    if (askedA !== undefined && levels.includes(askedA)) b = levels.find((l) => l !== a)!;
    else a = levels.find((l) => l !== b)!;
  }

  const askedWith = firstParam(params.with);
  const other = askedWith && askedWith !== dataset && listings.some((d) => d.id === askedWith) ? askedWith : defaultOther(dataset, data, listings);

  const askedMode = firstParam(params.mode);
  const hasWaves = !!data.codebook.sourceColumn || attributes.some((x) => x.id === 'wave');
  const mode: CompareMode = askedMode === 'levels' || askedMode === 'datasets' ? askedMode : hasWaves || !other ? 'levels' : 'datasets';

  const family = firstParam(params.family);
  const weight = resolveWeightId(data.codebook, firstParam(params.weight));
  return { dataset, mode, by, a, b, with: other, family: family && family !== ALL_FAMILIES ? family : '', minBase: minBaseFrom(params.minBase), weight: weight === defaultWeightId(data.codebook) ? null : weight };
}

/** The family to show: the chosen one if the comparison has it, else every item. */
export function chosenFamily(family: string, available: { id: string }[]): string {
  return available.some((f) => f.id === family) ? family : '';
}

/** The URL query of a choice (without the language): only what the mode uses. */
export function choiceQuery(choice: CompareChoice): string {
  const entries: [string, string][] = [
    ['dataset', choice.dataset],
    ['mode', choice.mode],
    ...(choice.mode === 'levels' ? ([['by', choice.by], ['a', choice.a], ['b', choice.b]] as [string, string][]) : ([['with', choice.with]] as [string, string][])),
    ...(choice.family ? ([['family', choice.family]] as [string, string][]) : []),
    ...(choice.minBase !== DEFAULT_MIN_BASE ? ([['minBase', String(choice.minBase)]] as [string, string][]) : []),
    ...(choice.weight !== null ? ([['weight', choice.weight]] as [string, string][]) : []),
  ];
  return new URLSearchParams(entries).toString();
}
