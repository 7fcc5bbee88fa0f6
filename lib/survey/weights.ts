/**
 * A dataset's weights: the contract every page, export and API call reads.
 *
 * Codebook side (lib/survey/codebook.ts):
 * - `Codebook.weights?: WeightDefinition[]` lists every weight the dataset holds besides
 *   "unweighted", each `{ id, label, column, kind: 'column' | 'raked', spec? }`: a weight that came
 *   with the data (`column`) or one the product raked to population targets (`raked`, with the
 *   targets, the base weight and what the raking did in `spec`). Its values are a column of the
 *   stored rows, like any other (a raked weight's column is added through the store's atomic
 *   `replace`, lib/weighting/store.ts).
 * - `Codebook.weight?: string` stays the **default** weight's column, so that every reader that
 *   knows a single weight keeps working; absent, the default is "unweighted". When `weights` is
 *   given, `weight` is the column of one of its entries.
 * - A codebook with `weight` but no `weights` (every codebook before weights could be chosen, the
 *   reference studies) holds one weight: `{ id: "weight", label: "Supplied weight", column }`.
 * - Ids are letters, digits and `_ . + -` (at most 64), never "unweighted", which is always there.
 *
 * Choosing a weight: every page, export and API call takes `weight=<id>` ("unweighted", a weight's
 * id; absent: the default). Pages read it leniently (an unknown id is the default: `resolveWeightId`),
 * the API strictly (`checkWeightId`, a 400 naming the weights there are). `selectWeight(data, id)`
 * gives the dataset with that weight in use: `weights` holds its values, `weight` says which it is
 * (label for every footnote and export: `weightNote`), and for a raked weight how its variance is
 * computed (the calibrated variance of R's rake()/calibrate() design, lib/stats/calibratedVariance.ts).
 * The registry caches one per dataset revision and weight, so tables computed for one (memo.ts) stay
 * valid for as long as it lives.
 */
import type { Codebook, Label } from './codebook';
import type { CodeArray, SurveyData } from './dataset';
import { boundedDesign, type CalibrationDesign, rakingDesign } from '../stats/calibratedVariance';

export const UNWEIGHTED = 'unweighted';
/** The id of the one weight of a codebook that names a `weight` column but lists no `weights`. */
export const LEGACY_WEIGHT_ID = 'weight';

/** The level code a blank answer has in a raking margin ("no answer" gets a target of its own). */
export const BLANK_LEVEL = '';

export interface RakingTarget {
  /** A code of the attribute (a band id for a scale attribute), or "" for respondents without an answer. */
  level: string;
  /** Target share of the weighted total, 0..1; a margin's shares add up to 1. */
  share: number;
}

export interface RakingMarginSpec {
  attribute: string;
  targets: RakingTarget[];
}

/** How a raked weight was made: what `lib/weighting` needs to make it again (and the variance needs). */
export interface RakingSpec {
  /** The weight raking started from: a weight id or "unweighted". */
  base: string;
  margins: RakingMarginSpec[];
  /** Bounds on raked / base weight (trimming), as calibrate(..., bounds = c(lo, hi)); absent: plain raking. */
  bounds?: [number, number];
  /** The population total the weights add up to; absent: the sum of the base weights. */
  total?: number;
  maxit: number;
  /** Below 1: times the sum of the base weights, as rake()'s control$epsilon. */
  epsilon: number;
  /** Sweeps (plain raking) or Newton steps (with bounds) it took. */
  iterations: number;
  /** Plain raking: the factor of each level (in `targets` order) in the last sweep, per margin. */
  lastSweepFactors?: number[][];
  /** ISO 8601, when it was made. */
  createdAt: string;
}

export interface WeightDefinition {
  id: string;
  label: Label;
  /** The stored rows' column holding the weight. */
  column: string;
  kind: 'column' | 'raked';
  spec?: RakingSpec;
}

/** The weight a dataset is analysed with (SurveyData.weight). */
export interface WeightInUse {
  id: string;
  label: Label;
  kind: 'unweighted' | 'column' | 'raked';
  /** It is the dataset's default. */
  isDefault: boolean;
  /** Raked weights: the design their (calibrated) variance is computed from; null: fixed weights. */
  calibration: CalibrationDesign | null;
}

const UNWEIGHTED_LABEL: Label = { en: 'Unweighted', nl: 'Ongewogen' };
const ID = /^[A-Za-z0-9_.+-]{1,64}$/;
const RESERVED = new Set([UNWEIGHTED, '__proto__', 'constructor', 'prototype']);

export const isWeightId = (id: unknown): id is string => typeof id === 'string' && ID.test(id) && !RESERVED.has(id);

/**
 * The name of a weight that came with the data (a codebook's `weight` column without `weights`): in
 * words, for every reader; the column's name is for the analyst, on the weighting page.
 */
export const SUPPLIED_WEIGHT_LABEL: Label = { en: 'Supplied weight', nl: 'Meegeleverd gewicht' };

/** The weights a codebook holds besides "unweighted" (see the module comment for a codebook without `weights`). */
export function datasetWeights(codebook: Pick<Codebook, 'weight' | 'weights'>): WeightDefinition[] {
  if (codebook.weights) return codebook.weights;
  if (!codebook.weight) return [];
  return [{ id: LEGACY_WEIGHT_ID, label: SUPPLIED_WEIGHT_LABEL, column: codebook.weight, kind: 'column' }];
}

/** The default weight's id: the weight whose column is `codebook.weight`, or "unweighted". */
export function defaultWeightId(codebook: Pick<Codebook, 'weight' | 'weights'>): string {
  if (!codebook.weight) return UNWEIGHTED;
  return datasetWeights(codebook).find((w) => w.column === codebook.weight)?.id ?? UNWEIGHTED;
}

export interface WeightOption {
  id: string;
  label: Label;
  kind: WeightInUse['kind'];
  isDefault: boolean;
}

/** Every weight one may choose, the default first, "unweighted" last unless it is the default. */
export function weightOptions(codebook: Pick<Codebook, 'weight' | 'weights'>): WeightOption[] {
  const fallback = defaultWeightId(codebook);
  const all: WeightOption[] = [
    ...datasetWeights(codebook).map((w) => ({ id: w.id, label: w.label, kind: w.kind, isDefault: w.id === fallback })),
    { id: UNWEIGHTED, label: UNWEIGHTED_LABEL, kind: 'unweighted' as const, isDefault: fallback === UNWEIGHTED },
  ];
  return [...all.filter((o) => o.isDefault), ...all.filter((o) => !o.isDefault)];
}

/** The weight a page uses for a requested id: the requested one when the dataset has it, else the default. */
export function resolveWeightId(codebook: Pick<Codebook, 'weight' | 'weights'>, requested: string | undefined | null): string {
  if (requested && weightOptions(codebook).some((o) => o.id === requested)) return requested;
  return defaultWeightId(codebook);
}

/** A weight the dataset does not have (the API answers 400 with the ones it has). */
export class WeightChoiceError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'WeightChoiceError';
  }
}

/** The id itself when the dataset has that weight (absent: the default); else a WeightChoiceError naming the weights there are. */
export function checkWeightId(codebook: Pick<Codebook, 'weight' | 'weights'>, requested: string | undefined): string {
  if (requested === undefined) return defaultWeightId(codebook);
  const options = weightOptions(codebook);
  if (options.some((o) => o.id === requested)) return requested;
  throw new WeightChoiceError(`weight: this dataset has no weight "${requested.slice(0, 80)}"; choose one of ${options.map((o) => o.id).join(', ')}`);
}

/**
 * The line every footnote and export carries about the weighting: "Weighted: <label>" (with the
 * calibrated standard errors named for a raked weight) or "Unweighted".
 */
export function weightNote(weight: Pick<WeightInUse, 'kind' | 'label'>, locale: 'en' | 'nl'): string {
  if (weight.kind === 'unweighted') return locale === 'nl' ? 'Ongewogen' : 'Unweighted';
  const name = weight.label[locale];
  if (weight.kind === 'raked')
    return locale === 'nl' ? `Gewogen: ${name} (standaardfouten van het geraakte ontwerp)` : `Weighted: ${name} (standard errors of the raked design)`;
  return locale === 'nl' ? `Gewogen: ${name}` : `Weighted: ${name}`;
}

/** Per row, its level index in a margin's targets; -1 where the row's level has no target. */
export function marginCodes(data: Pick<SurveyData, 'attributes' | 'rowCount'>, margin: RakingMarginSpec): Int32Array {
  const column = data.attributes.get(margin.attribute);
  if (!column) throw new RangeError(`unknown attribute "${margin.attribute}"`);
  const indexOfLevel = column.levels.map((l) => margin.targets.findIndex((t) => t.level === l.code));
  const blank = margin.targets.findIndex((t) => t.level === BLANK_LEVEL);
  const levelOf: CodeArray = column.levelOf;
  const out = new Int32Array(data.rowCount);
  for (let i = 0; i < data.rowCount; i++) {
    const level = levelOf[i];
    out[i] = level < 0 ? blank : indexOfLevel[level];
  }
  return out;
}

/** The weights of a base ("unweighted": all 1). */
export function baseWeightValues(data: Pick<SurveyData, 'weightColumns' | 'rowCount'>, id: string): Float64Array {
  if (id === UNWEIGHTED) return new Float64Array(data.rowCount).fill(1);
  const values = data.weightColumns.get(id);
  if (!values) throw new WeightChoiceError(`the dataset has no weight "${id}"`);
  return values;
}

/** The calibration design of a raked weight over a dataset's rows; null when its spec no longer fits the rows. */
function calibrationOf(data: SurveyData, definition: WeightDefinition, values: Float64Array): CalibrationDesign | null {
  const spec = definition.spec;
  if (!spec) return null;
  try {
    const codes = spec.margins.map((m) => marginCodes(data, m));
    if (codes.some((c) => c.some((k) => k < 0))) return null;
    const margins = { codes, levels: spec.margins.map((m) => m.targets.length) };
    if (spec.bounds) return boundedDesign(values, baseWeightValues(data, spec.base), margins);
    if (!spec.lastSweepFactors || spec.lastSweepFactors.length !== spec.margins.length) return null;
    return rakingDesign(values, margins, spec.lastSweepFactors);
  } catch {
    return null;
  }
}

const selected = new WeakMap<Map<string, Float64Array>, Map<string, SurveyData>>();

/**
 * The dataset with weight `id` in use (see the module comment); throws a WeightChoiceError for a
 * weight it does not have. The same object for the same dataset and id, so that caches keyed by it hold.
 */
export function selectWeight(data: SurveyData, id: string): SurveyData {
  if (data.weight.id === id) return data;
  let byId = selected.get(data.weightColumns);
  if (!byId) selected.set(data.weightColumns, (byId = new Map([[data.weight.id, data]])));
  const hit = byId.get(id);
  if (hit) return hit;
  const checked = checkWeightId(data.codebook, id);
  const isDefault = checked === defaultWeightId(data.codebook);
  let out: SurveyData;
  if (checked === UNWEIGHTED) {
    out = { ...data, weights: new Float64Array(data.rowCount).fill(1), weighted: false, weight: { id: UNWEIGHTED, label: UNWEIGHTED_LABEL, kind: 'unweighted', isDefault, calibration: null } };
  } else {
    const definition = datasetWeights(data.codebook).find((w) => w.id === checked)!;
    const values = data.weightColumns.get(checked)!;
    out = { ...data, weights: values, weighted: true, weight: inUse(data, definition, values, isDefault) };
  }
  byId.set(id, out);
  return out;
}

/** For pages, which read their query leniently: the requested weight when the dataset has it, else its default. */
export function selectWeightLeniently(data: SurveyData, requested: string | undefined | null): SurveyData {
  return selectWeight(data, resolveWeightId(data.codebook, requested));
}

/** The WeightInUse of a weight definition over a dataset's rows. */
export function inUse(data: SurveyData, definition: WeightDefinition, values: Float64Array, isDefault: boolean): WeightInUse {
  return { id: definition.id, label: definition.label, kind: definition.kind, isDefault, calibration: definition.kind === 'raked' ? calibrationOf({ ...data, weights: values }, definition, values) : null };
}

/** The WeightInUse of an unweighted dataset (no weight column): the builder's default. */
export function unweightedInUse(isDefault = true): WeightInUse {
  return { id: UNWEIGHTED, label: UNWEIGHTED_LABEL, kind: 'unweighted', isDefault, calibration: null };
}
