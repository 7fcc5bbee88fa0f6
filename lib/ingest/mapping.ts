import { parseCodebook, type AnswerScale, type Attribute, type Codebook, type Item, type Label } from '../survey/codebook';
import { classifyColumn, headerTokens } from './personal';
import type { PersonalKind, Problem } from './types';

/**
 * Mapping an analyst's own CSV to a codebook. A file shaped like a template needs nothing (its
 * header matches exactly); any other file gets a proposal, one role per column, guessed from the
 * header name and a sample of the values, which the analyst corrects on the mapping screen. The
 * result is built into an ordinary codebook, checked by `parseCodebook` and stored with the data.
 * React-free and Node-free: the page and the upload worker both use it.
 */

export type ColumnRole = 'respondentId' | 'weight' | 'attribute' | 'item' | 'context' | 'ignore';
export const COLUMN_ROLES: readonly ColumnRole[] = ['respondentId', 'weight', 'attribute', 'item', 'context', 'ignore'];

/** Why a role was proposed; the page words each reason in English and Dutch. */
export type RoleReason = 'idHeader' | 'uniqueValues' | 'weightHeader' | 'segmentHeader' | 'scaleCodes' | 'answerWords' | 'fewCodes' | 'manyValues' | 'personal' | 'blank' | 'analyst';

/** Past this many distinct values a column is not a set of codes (an attribute or an item), but free text, dates or amounts. */
export const MAX_CODES = 30;
/** Numbers with at most this many distinct integer codes, spanning at most this range, look like an answer scale (0-10 at most). */
const MAX_SCALE_POINTS = 11;

export interface ColumnProfile {
  column: string;
  /** Distinct non-blank values of the sample in order (numbers ascending, text alphabetically), at most MAX_CODES + 1. */
  values: string[];
  /** The sample has more than MAX_CODES distinct values. */
  manyValues: boolean;
  /** Non-blank values in the sample. */
  nonBlank: number;
  /** Rows in the sample. */
  rows: number;
  /** Every non-blank value is a number. */
  numeric: boolean;
  /** Every non-blank value is a whole number. */
  integers: boolean;
  /** No non-blank value repeats. */
  unique: boolean;
  /** The personal-data guard's verdict on this column, if it looks like a direct identifier. */
  personal?: PersonalKind;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;

/** Orders codes as an analyst reads them: numbers ascending, text alphabetically. */
export function orderCodes(codes: Iterable<string>): string[] {
  const list = [...new Set(codes)];
  if (list.every((c) => NUMBER.test(c))) return list.sort((a, b) => Number(a) - Number(b));
  return list.sort((a, b) => a.localeCompare(b, 'en'));
}

/** Summarises each column of a sample: distinct values, numbers or text, unique or repeated. */
export function profileColumns(header: string[], rows: string[][]): ColumnProfile[] {
  return header.map((column, i) => {
    const distinct = new Set<string>();
    const sample: string[] = [];
    let nonBlank = 0;
    let numeric = true;
    let integers = true;
    let repeats = false;
    const all = new Set<string>();
    for (const row of rows) {
      const v = (row[i] ?? '').trim();
      if (v === '') continue;
      nonBlank++;
      if (sample.length < 100) sample.push(v);
      if (numeric && !NUMBER.test(v)) numeric = false;
      if (integers && !INTEGER.test(v)) integers = false;
      if (!repeats) {
        if (all.has(v)) repeats = true;
        else all.add(v);
      }
      if (distinct.size <= MAX_CODES) distinct.add(v);
    }
    const personal = column.trim() === '' ? undefined : classifyColumn(column, sample)?.kind;
    return {
      column,
      values: orderCodes(distinct),
      manyValues: distinct.size > MAX_CODES,
      nonBlank,
      rows: rows.length,
      numeric: nonBlank > 0 && numeric,
      integers: nonBlank > 0 && integers,
      unique: nonBlank > 0 && !repeats,
      ...(personal ? { personal } : {}),
    };
  });
}

export interface ColumnMapping {
  column: string;
  role: ColumnRole;
  /** Codes of an attribute or an item's scale, in scale order. */
  codes: string[];
  /** Positive codes of an item (which answers count as accepting). */
  positive: string[];
  reason: RoleReason;
}

const ID_WORDS = new Set(['id', 'respondent', 'respondentid', 'respid', 'resp', 'caseid', 'case', 'record', 'recordid', 'responseid', 'uuid', 'panelist', 'panelistid', 'deelnemer', 'respondentnummer', 'serial']);
const WEIGHT_WORDS = new Set(['weight', 'weights', 'wgt', 'wt', 'weging', 'gewicht', 'weegfactor', 'weightfactor']);
const SEGMENT_WORDS = new Set([
  'country', 'land', 'gender', 'geslacht', 'sex', 'age', 'leeftijd', 'agegroup', 'ageband', 'band', 'region', 'regio', 'province', 'provincie',
  'education', 'opleiding', 'income', 'inkomen', 'segment', 'group', 'groep', 'children', 'kids', 'kinderen', 'household', 'huishouden',
  'city', 'stad', 'urban', 'bond', 'trust', 'vertrouwen', 'loyalty', 'loyaliteit', 'customer', 'klant', 'generation', 'generatie', 'market', 'markt',
]);
const POSITIVE_WORDS = new Set(['yes', 'y', 'ja', 'j', 'true', 'ok', 'oke', 'oké', 'agree', 'eens', 'akkoord', 'positive', 'positief', 'welcome', 'good', 'goed', 'accept', 'accepted']);
const ANSWER_WORDS = new Set([...POSITIVE_WORDS, 'no', 'n', 'nee', 'false', 'disagree', 'oneens', 'negative', 'negatief', 'neutral', 'neutraal', 'depends', 'maybe', 'misschien', 'bad', 'slecht']);

const tokensOf = (column: string) => headerTokens(column);
const hasWord = (column: string, words: Set<string>) => {
  const tokens = tokensOf(column);
  return tokens.some((t) => words.has(t)) || words.has(tokens.join(''));
};

/**
 * The default positive codes of a scale: the top box of a short scale, the top two of a scale of
 * five or more points ("agree" and "strongly agree"), or the answers that read as a yes. The
 * analyst checks them: some scales put the best answer first.
 */
export function defaultPositive(codes: string[]): string[] {
  if (codes.length === 0) return [];
  if (codes.every((c) => NUMBER.test(c))) {
    const ordered = orderCodes(codes);
    return ordered.slice(ordered.length >= 5 ? -2 : -1);
  }
  const words = codes.filter((c) => POSITIVE_WORDS.has(c.trim().toLowerCase()));
  return words.length ? words : [codes[codes.length - 1]];
}

/** The mapping of one column given a role, with the codes and positive codes the role needs. */
export function withRole(profile: ColumnProfile, role: ColumnRole, reason: RoleReason = 'analyst'): ColumnMapping {
  const codes = role === 'attribute' || role === 'item' ? profile.values.slice(0, MAX_CODES) : [];
  return { column: profile.column, role, codes, positive: role === 'item' ? defaultPositive(codes) : [], reason };
}

function looksLikeScale(p: ColumnProfile): boolean {
  if (!p.integers || p.manyValues || p.values.length < 2 || p.values.length > MAX_SCALE_POINTS) return false;
  const numbers = p.values.map(Number);
  return Math.max(...numbers) - Math.min(...numbers) <= MAX_SCALE_POINTS;
}

/**
 * Proposes a role for every column. One respondent id (a header such as "id" or "respondent",
 * else the first column whose values never repeat), at most one weight (a numeric column named
 * like a weight), segment attributes (named like a segment, or text with a few codes), items
 * (small integer scales, or answer words such as yes/no), context for the rest; blank columns and
 * the personal-data guard's columns are ignored.
 */
export function proposeMapping(profiles: ColumnProfile[]): ColumnMapping[] {
  let idTaken = false;
  let weightTaken = false;
  const proposals = profiles.map((p): ColumnMapping => {
    if (p.nonBlank === 0) return withRole(p, 'ignore', 'blank');
    if (!idTaken && hasWord(p.column, ID_WORDS) && p.unique) {
      idTaken = true;
      return withRole(p, 'respondentId', 'idHeader');
    }
    if (p.personal) return withRole(p, 'ignore', 'personal');
    if (!weightTaken && p.numeric && hasWord(p.column, WEIGHT_WORDS)) {
      weightTaken = true;
      return withRole(p, 'weight', 'weightHeader');
    }
    // Values that never repeat (beyond a handful of rows) are free text, dates or amounts, not codes.
    if (p.unique && p.nonBlank > 3 && !looksLikeScale(p)) return withRole(p, 'context', 'manyValues');
    if (!p.manyValues && hasWord(p.column, SEGMENT_WORDS)) return withRole(p, 'attribute', 'segmentHeader');
    if (looksLikeScale(p)) return withRole(p, 'item', 'scaleCodes');
    if (!p.manyValues && !p.numeric && p.values.every((v) => ANSWER_WORDS.has(v.toLowerCase()))) return withRole(p, 'item', 'answerWords');
    if (!p.manyValues && !p.numeric) return withRole(p, 'attribute', 'fewCodes');
    return withRole(p, 'context', 'manyValues');
  });
  if (!idTaken) {
    // No column is named like an id: the first column whose values never repeat and are never blank.
    const i = profiles.findIndex((p, k) => p.unique && p.nonBlank === p.rows && !p.personal && proposals[k].role !== 'weight');
    if (i >= 0) proposals[i] = withRole(profiles[i], 'respondentId', 'uniqueValues');
  }
  return proposals;
}

/** A lower-case identifier made of a column name: "Q3 – Trust (brand)" → "q3_trust_brand". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return slug || 'column';
}

const same = (text: string): Label => ({ en: text, nl: text });

export interface BuildOptions {
  /** The dataset's name: the codebook's title. */
  name: string;
}

export type BuildResult = { ok: true; codebook: Codebook } | { ok: false; problems: Problem[] };

/**
 * Builds the codebook of a mapping, or lists what keeps it from being one (no respondent id, two
 * weights, an item without positive codes, ...) as problems naming the column. Labels are the
 * column names and codes themselves, in both languages: the analyst knows what they mean.
 */
export function buildCodebook(mapping: ColumnMapping[], options: BuildOptions): BuildResult {
  const problems: Problem[] = [];
  const fail = (code: string, message: string, column?: string) => problems.push({ type: 'error', code, message, ...(column ? { column } : {}) });
  const ids = mapping.filter((m) => m.role === 'respondentId');
  const weights = mapping.filter((m) => m.role === 'weight');
  const items = mapping.filter((m) => m.role === 'item');
  if (ids.length === 0) fail('NoRespondentId', 'no column is the respondent id; give one column that role');
  if (ids.length > 1) fail('SeveralRespondentIds', `only one column can be the respondent id, not ${ids.map((m) => `"${m.column}"`).join(', ')}`, ids[1].column);
  if (weights.length > 1) fail('SeveralWeights', `only one column can be the weight, not ${weights.map((m) => `"${m.column}"`).join(', ')}`, weights[1].column);
  if (items.length === 0) fail('NoItems', 'no column is an item (a question whose answers are analysed); give at least one column that role');
  for (const m of mapping) {
    if (m.column.trim() === '' && m.role !== 'ignore' && m.role !== 'context') fail('UnnamedColumn', 'a column without a name in the header cannot be mapped; ignore it or name it in the file');
    if ((m.role === 'item' || m.role === 'attribute') && m.codes.length === 0) fail('NoCodes', 'has no codes: the sample has no values in this column', m.column);
    if (m.role === 'item' && m.codes.length > 0 && m.positive.length === 0) fail('NoPositive', 'an item needs at least one positive code (the answers that count as accepting)', m.column);
    if (m.role === 'item') for (const p of m.positive) if (!m.codes.includes(p)) fail('BadPositive', `positive code "${p}" is not one of the codes ${m.codes.join(', ')}`, m.column);
  }
  if (problems.length) return { ok: false, problems };

  const usedIds = new Set<string>();
  const uniqueId = (column: string) => {
    const base = slugify(column);
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}_${k}`;
    usedIds.add(id);
    return id;
  };

  const attributes: Attribute[] = mapping
    .filter((m) => m.role === 'attribute')
    .map((m) => ({ id: uniqueId(m.column), column: m.column, label: same(m.column), kind: 'categorical', codes: m.codes.map((code) => ({ code, label: same(code) })) }));

  // Items with the same codes share one scale; an item whose positive codes differ from its scale's overrides them.
  const scales: AnswerScale[] = [];
  const scaleOf = new Map<string, AnswerScale>();
  const itemList: Item[] = items.map((m) => {
    const key = m.codes.join('\u0001');
    let scale = scaleOf.get(key);
    if (!scale) {
      const shown = m.codes.length > 6 ? `${m.codes.slice(0, 5).join(', ')}, … ${m.codes[m.codes.length - 1]}` : m.codes.join(', ');
      scale = { id: `scale_${scales.length + 1}`, label: { en: `Answer codes ${shown}`, nl: `Antwoordcodes ${shown}` }, codes: m.codes.map((code) => ({ code, label: same(code) })), positive: [...m.positive] };
      scales.push(scale);
      scaleOf.set(key, scale);
    }
    const samePositive = scale.positive.length === m.positive.length && scale.positive.every((p) => m.positive.includes(p));
    return { id: uniqueId(m.column), column: m.column, label: same(m.column), family: 'items', scale: scale.id, ...(samePositive ? {} : { positive: [...m.positive] }), meta: {} };
  });

  const context = mapping.filter((m) => m.role === 'context').map((m) => m.column);
  const name = options.name.trim() || 'Uploaded dataset';
  const codebook: Codebook = {
    id: `upload-${slugify(name)}`,
    title: same(name),
    description: context.length
      ? { en: `Mapped on upload. Context columns kept with the data: ${context.join(', ')}.`, nl: `Gekoppeld bij het uploaden. Contextkolommen bewaard bij de data: ${context.join(', ')}.` }
      : { en: 'Mapped on upload.', nl: 'Gekoppeld bij het uploaden.' },
    studyStyle: 'custom',
    synthetic: false,
    respondentId: ids[0].column,
    ...(weights.length ? { weight: weights[0].column } : {}),
    attributes,
    scales,
    families: [{ id: 'items', label: { en: 'Survey items', nl: 'Enquêtevragen' } }],
    itemDimensions: [],
    items: itemList,
  };
  // The engine's own check has the last word: a mapping that builds must be a valid codebook.
  const checked = parseCodebook(JSON.parse(JSON.stringify(codebook)));
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ type: 'error', code: 'BadCodebook', message: `${p.path}: ${p.message}` })) };
  return { ok: true, codebook: checked.codebook };
}

/** A template's header, as the page hands it to the browser (lib/api/templates.ts reads it from disk). */
export interface TemplateHeader {
  study: string;
  header: string[];
}

/** The template whose header equals this header exactly (names and order), as `matchTemplate` on the server decides. */
export function matchTemplateHeader(header: string[], templates: readonly TemplateHeader[]): TemplateHeader | undefined {
  return templates.find((t) => t.header.length === header.length && t.header.every((h, i) => h === header[i]));
}
