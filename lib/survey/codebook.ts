/**
 * The codebook: what a survey CSV's columns mean. It is JSON, so that an analyst can write one by
 * hand for any export; `parseCodebook` checks it and returns every problem it finds.
 *
 * Codes are strings exactly as they appear in the CSV ("1", "F", "NL"); a blank cell is
 * "not asked / missing" and never counts in a base.
 */

import { codebookProblem, type CodebookProblemKey, type ProblemValues } from './problemText';
import { shownValue } from './quoteValue';
import type { WeightDefinition } from './weights';
import { weightProblems } from './weightProblems';

export type Locale = 'en' | 'nl';
export const LOCALES: readonly Locale[] = ['en', 'nl'];

/** A text in English and Dutch. */
export interface Label {
  en: string;
  nl: string;
}

export interface CodeLabel {
  code: string;
  label: Label;
}

/** A segment attribute whose codes are categories (country, gender, age band, young children). */
export interface CategoricalAttribute {
  id: string;
  column: string;
  label: Label;
  /** The column's full text (a long export header or question), when the label shortens it. */
  text?: Label;
  kind: 'categorical';
  codes: CodeLabel[];
  /** Cell values that mean "missing" (NA, "-", "99" for don't know): read as blank, out of every base. */
  missing?: string[];
}

/** A numeric band of a scale attribute, bounds inclusive: emotional bond 4-5 = "strong". */
export interface Band {
  id: string;
  label: Label;
  min: number;
  max: number;
}

/** A segment attribute measured on a numeric scale and analysed in named bands. */
export interface ScaleAttribute {
  id: string;
  column: string;
  label: Label;
  /** The column's full text, when the label shortens it. */
  text?: Label;
  kind: 'scale';
  min: number;
  max: number;
  bands: Band[];
  /** Cell values that mean "missing" (NA, "99"): read as blank instead of outside the scale. */
  missing?: string[];
}

export type Attribute = CategoricalAttribute | ScaleAttribute;

/** An answer scale shared by items: its codes in order and which of them count as positive. */
export interface AnswerScale {
  id: string;
  label: Label;
  codes: CodeLabel[];
  /** Default positive codes: top two boxes of a 5-point scale, "yes", "OK". */
  positive: string[];
}

/**
 * Item metadata that analyses group by. Each key is the id of an item dimension declared in the
 * codebook (dataType, tier, situation, place, industry, tactic, ...); each value one of its codes.
 */
export type ItemMeta = Record<string, string>;

/** Asked only of respondents whose `column` holds one of `in` (P6: only those who said yes to P5). */
export interface BaseCondition {
  column: string;
  in: string[];
}

export interface Item {
  id: string;
  column: string;
  /** A short label for charts and tables. */
  label: Label;
  /** The full question text (a long export header), shown on hover and in exports; absent when the label says it all. */
  text?: Label;
  /** Items of one family are analysed together: "dataType", "scenario", "tactic", ... */
  family: string;
  scale: string;
  /** Overrides the scale's positive codes for this item. */
  positive?: string[];
  askedIf?: BaseCondition;
  /** Cell values that mean "missing" (NA, "-", "99" for don't know): read as blank, out of the base. */
  missing?: string[];
  meta: ItemMeta;
}

/** A dimension of item metadata (context: situation, place, industry; data-type tier; tactic kind). */
export interface ItemDimension {
  id: string;
  label: Label;
  values: CodeLabel[];
}

export interface ItemFamily {
  id: string;
  label: Label;
}

export interface Codebook {
  id: string;
  title: Label;
  description?: Label;
  /** "P" and "G" for the reference study styles; anything else for an analyst's own survey. */
  studyStyle: string;
  /** True for generated respondents: every screen showing them must say so. */
  synthetic: boolean;
  respondentId: string;
  /** The default weight's column; absent: unweighted by default (lib/survey/weights.ts). */
  weight?: string;
  /** Every weight the dataset holds besides "unweighted" (lib/survey/weights.ts has the contract). */
  weights?: WeightDefinition[];
  attributes: Attribute[];
  scales: AnswerScale[];
  families: ItemFamily[];
  itemDimensions: ItemDimension[];
  items: Item[];
  /**
   * The column the product added when the dataset was made of several files (countries, waves): its
   * attribute has one code per file, and a file appended later adds a code.
   */
  sourceColumn?: string;
  /**
   * Which of this dataset's items correspond to a reference study's items, per reference dataset id
   * ("study-g": {"q5_location": "dt_current_location"}): what /benchmark compares.
   */
  benchmark?: Record<string, Record<string, string>>;
}

export interface CodebookProblem {
  path: string;
  /** In English (the API's and the command line's language). */
  message: string;
  /** Its wording in the catalogs (namespace `codebookProblems`) and the values quoted, for the page to word it in the reader's language. */
  key?: CodebookProblemKey;
  values?: ProblemValues;
}

export type CodebookResult = { ok: true; codebook: Codebook } | { ok: false; problems: CodebookProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Checks an untrusted JSON value against the codebook shape and its cross-references
 * (scale ids, dimension codes, duplicate ids, band ranges). Returns all problems, not the first.
 */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

export function parseCodebook(value: unknown): CodebookResult {
  const problems: CodebookProblem[] = [];
  const fail = (path: string, key: CodebookProblemKey, values?: ProblemValues) => problems.push(codebookProblem(path, key, values));

  if (!isObject(value)) return { ok: false, problems: [codebookProblem('', 'notObject')] };
  const cb = value as Partial<Codebook> & Record<string, unknown>;

  const checkLabel = (v: unknown, path: string) => {
    if (!isObject(v) || typeof v.en !== 'string' || typeof v.nl !== 'string') fail(path, 'label', { example: '{"en": "...", "nl": "..."}' });
  };
  const checkCodes = (v: unknown, path: string): string[] => {
    if (!Array.isArray(v) || v.length === 0) {
      fail(path, 'codesNeeded');
      return [];
    }
    const seen = new Set<string>();
    v.forEach((c, i) => {
      if (!isObject(c) || typeof c.code !== 'string' || c.code.trim() === '') return fail(`${path}[${i}].code`, 'codeNotString');
      if (seen.has(c.code)) fail(`${path}[${i}].code`, 'codeTwice', { code: `"${shown(c.code)}"` });
      seen.add(c.code);
      checkLabel(c.label, `${path}[${i}].label`);
    });
    return [...seen];
  };
  /** Missing markers: strings, none of them also an answer code (a value cannot be both an answer and missing). */
  const checkMissing = (v: unknown, codes: string[], path: string) => {
    if (v === undefined) return;
    if (!Array.isArray(v) || !v.every((m) => typeof m === 'string' && m.trim() !== '')) return fail(path, 'missingList', { example: '["NA", "99"]' });
    for (const m of v as string[]) if (codes.includes(m)) fail(path, 'missingIsCode', { value: `"${shown(m)}"` });
  };
  const checkIds = (list: unknown[], path: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      const id = isObject(x) ? x.id : undefined;
      if (!isString(id)) return fail(`${path}[${i}].id`, 'idNotString');
      // Ids become keys of plain objects (filters, URL state, lookups): names of Object.prototype
      // would read or replace an object's prototype instead of an entry.
      if (RESERVED_IDS.has(id)) return fail(`${path}[${i}].id`, 'idReserved', { id: `"${shown(id)}"` });
      if (seen.has(id)) fail(`${path}[${i}].id`, 'idTwice', { id: `"${shown(id)}"` });
      seen.add(id);
    });
  };

  for (const key of ['id', 'studyStyle', 'respondentId'] as const) if (!isString(cb[key])) fail(key, 'nonEmptyString');
  checkLabel(cb.title, 'title');
  if (typeof cb.synthetic !== 'boolean') fail('synthetic', 'boolean');
  if (cb.weight !== undefined && !isString(cb.weight)) fail('weight', 'weightColumn');

  // The cross-reference checks below need these arrays; without them, stop here.
  const arrays = ['attributes', 'scales', 'families', 'itemDimensions', 'items'] as const;
  const missingArrays = arrays.filter((key) => !Array.isArray(cb[key]));
  missingArrays.forEach((key) => fail(key, 'array'));
  if (missingArrays.length) return { ok: false, problems };

  const attributes = cb.attributes as unknown[];
  checkIds(attributes, 'attributes');
  attributes.forEach((a, i) => {
    const path = `attributes[${i}]`;
    if (!isObject(a)) return fail(path, 'object');
    if (!isString(a.column)) fail(`${path}.column`, 'column');
    checkLabel(a.label, `${path}.label`);
    if (a.text !== undefined) checkLabel(a.text, `${path}.text`);
    if (a.kind === 'categorical') checkMissing(a.missing, checkCodes(a.codes, `${path}.codes`), `${path}.missing`);
    else if (a.kind === 'scale') {
      checkMissing(a.missing, [], `${path}.missing`);
      if (typeof a.min !== 'number' || typeof a.max !== 'number' || !(a.min < a.max)) fail(path, 'scaleMinMax');
      if (!Array.isArray(a.bands) || a.bands.length === 0) fail(`${path}.bands`, 'scaleBands');
      else {
        checkIds(a.bands, `${path}.bands`);
        a.bands.forEach((b: unknown, j: number) => {
          if (!isObject(b) || typeof b.min !== 'number' || typeof b.max !== 'number' || b.min > b.max) fail(`${path}.bands[${j}]`, 'band');
          else checkLabel(b.label, `${path}.bands[${j}].label`);
        });
      }
    } else fail(`${path}.kind`, 'kind');
  });

  const scales = cb.scales as unknown[];
  checkIds(scales, 'scales');
  const scaleCodes = new Map<string, string[]>();
  scales.forEach((s, i) => {
    if (!isObject(s)) return fail(`scales[${i}]`, 'object');
    checkLabel(s.label, `scales[${i}].label`);
    const codes = checkCodes(s.codes, `scales[${i}].codes`);
    if (!Array.isArray(s.positive) || s.positive.length === 0) fail(`scales[${i}].positive`, 'positiveNeeded');
    else s.positive.forEach((p: unknown) => { if (!codes.includes(p as string)) fail(`scales[${i}].positive`, ...positiveCodeProblem(p)); });
    if (isString(s.id)) scaleCodes.set(s.id, codes);
  });

  const families = cb.families as unknown[];
  checkIds(families, 'families');
  const familyIds = new Set(families.filter(isObject).map((f) => f.id));

  const dims = cb.itemDimensions as unknown[];
  checkIds(dims, 'itemDimensions');
  const dimCodes = new Map<string, string[]>();
  dims.forEach((d, i) => {
    if (!isObject(d)) return fail(`itemDimensions[${i}]`, 'object');
    checkLabel(d.label, `itemDimensions[${i}].label`);
    const codes = checkCodes(d.values, `itemDimensions[${i}].values`);
    if (isString(d.id)) dimCodes.set(d.id, codes);
  });

  const items = cb.items as unknown[];
  checkIds(items, 'items');
  items.forEach((it, i) => {
    const path = `items[${i}]`;
    if (!isObject(it)) return fail(path, 'object');
    if (!isString(it.column)) fail(`${path}.column`, 'column');
    checkLabel(it.label, `${path}.label`);
    if (it.text !== undefined) checkLabel(it.text, `${path}.text`);
    if (!familyIds.has(it.family)) fail(`${path}.family`, 'unknownFamily', { family: `"${shown(it.family)}"` });
    // Ids and codes are compared as strings, exactly: ["agree5"] or 4 where "agree5" or "4" is meant
    // once passed here (String() made them equal) and then matched nothing, so that no answer counted.
    const codes = typeof it.scale === 'string' ? scaleCodes.get(it.scale) : undefined;
    if (!codes) fail(`${path}.scale`, 'unknownScale', { scale: `"${shown(it.scale)}"` });
    if (it.positive !== undefined) {
      if (!Array.isArray(it.positive) || it.positive.length === 0) fail(`${path}.positive`, 'codesNeeded');
      else if (codes) it.positive.forEach((p: unknown) => { if (!codes.includes(p as string)) fail(`${path}.positive`, ...positiveCodeProblem(p, `"${shown(it.scale)}"`)); });
    }
    checkMissing(it.missing, codes ?? [], `${path}.missing`);
    if (it.askedIf !== undefined) {
      const c = it.askedIf;
      if (!isObject(c) || !isString(c.column) || !Array.isArray(c.in) || c.in.length === 0 || !c.in.every((code) => typeof code === 'string')) fail(`${path}.askedIf`, 'askedIf', { example: '{"column": "...", "in": ["code", ...]}' });
    }
    if (!isObject(it.meta)) fail(`${path}.meta`, 'meta');
    else
      for (const [dim, code] of Object.entries(it.meta)) {
        const allowed = dimCodes.get(dim);
        if (!allowed) fail(`${path}.meta.${dim}`, 'unknownDimension', { dimension: `"${shown(dim)}"` });
        else if (!allowed.includes(code as string)) fail(`${path}.meta.${dim}`, typeof code === 'string' ? 'notDimensionValue' : 'notDimensionValueType', { code: `"${shown(code)}"`, dimension: `"${shown(dim)}"` });
      }
  });

  if (cb.sourceColumn !== undefined && !(isString(cb.sourceColumn) && attributes.some((a) => isObject(a) && a.column === cb.sourceColumn)))
    fail('sourceColumn', 'sourceColumn');
  if (cb.benchmark !== undefined) {
    const itemIds = new Set(items.filter(isObject).map((it) => it.id));
    if (!isObject(cb.benchmark)) fail('benchmark', 'benchmark', { example: 'reference dataset id -> {item id: reference item id}' });
    else
      for (const [reference, pairs] of Object.entries(cb.benchmark)) {
        if (!isObject(pairs)) {
          fail(`benchmark.${reference}`, 'benchmarkReference');
          continue;
        }
        for (const [item, other] of Object.entries(pairs)) {
          if (!itemIds.has(item)) fail(`benchmark.${reference}.${item}`, 'unknownItem', { item: `"${shown(item)}"` });
          if (!isString(other)) fail(`benchmark.${reference}.${item}`, 'referenceItem');
        }
      }
  }

  problems.push(...weightProblems(cb));

  return problems.length ? { ok: false, problems } : { ok: true, codebook: value as unknown as Codebook };
}

/**
 * A value of the codebook in a message, shortened and with control characters named (quoteValue.ts).
 * Not String(): JSON such as {"toString": 1} makes String() throw (found by the fuzz run), and a
 * message must never be what fails.
 */
function shown(v: unknown): string {
  return shownValue(typeof v === 'string' ? v : (JSON.stringify(v) ?? typeof v));
}

/** Why a listed positive code is refused: not a string (4 for "4"), or not a code of the scale. */
/** A positive code that is not one of the scale's: `scale` names the item's scale, or the problem is about the scale itself. */
function positiveCodeProblem(p: unknown, scale?: string): [CodebookProblemKey, ProblemValues] {
  if (typeof p !== 'string') return ['positiveNotString', { code: shown(JSON.stringify(p) ?? typeof p), shown: `"${shown(p)}"` }];
  return scale === undefined ? ['positiveNotCodeHere', { code: `"${shown(p)}"` }] : ['positiveNotCodeOf', { code: `"${shown(p)}"`, scale }];
}

/** The positive codes of an item: its own override, else its scale's. */
export function positiveCodes(codebook: Codebook, item: Item): string[] {
  if (item.positive) return item.positive;
  const scale = codebook.scales.find((s) => s.id === item.scale);
  if (!scale) throw new Error(`item "${item.id}" refers to unknown scale "${item.scale}"`);
  return scale.positive;
}
