import Papa from 'papaparse';
import { type Codebook, type Item, type Label, positiveCodes } from './codebook';

/**
 * A survey held column by column, ready for the engine: every attribute and item is turned into
 * small integer codes once, so that analyses are tight loops over typed arrays.
 */

/** One level of an attribute: a category code, or a band of a scale. */
export interface Level {
  code: string;
  label: Label;
}

export interface AttributeColumn {
  id: string;
  label: Label;
  kind: 'categorical' | 'scale';
  levels: Level[];
  /** Level index per respondent; -1 when blank. */
  levelOf: Int32Array;
  /** The raw numeric value of a scale attribute (NaN when blank); absent for categorical ones. */
  values?: Float64Array;
}

export interface ItemColumn {
  item: Item;
  /** The item's answer codes, in scale order. */
  codes: Level[];
  /** Answer index per respondent into `codes`; -1 when blank or not asked. */
  answerOf: Int32Array;
  /** Whether each answer index counts as positive. */
  positive: boolean[];
}

export interface SurveyData {
  codebook: Codebook;
  rowCount: number;
  respondentIds: string[];
  weights: Float64Array;
  weighted: boolean;
  attributes: Map<string, AttributeColumn>;
  items: Map<string, ItemColumn>;
}

/** A problem found while reading a CSV: errors as data, so one report can list them all. */
export interface DataProblem {
  type: 'error' | 'warning';
  code: string;
  message: string;
  /** 1-based data row (the header is row 0), when the problem belongs to a row. */
  row?: number;
  column?: string;
}

export class DatasetError extends Error {
  constructor(readonly problems: DataProblem[]) {
    const errors = problems.filter((p) => p.type === 'error');
    const shown = errors.slice(0, 5).map((p) => `  - ${p.row !== undefined ? `row ${p.row}, ` : ''}${p.column ? `column "${p.column}": ` : ''}${p.message}`);
    super(`The data cannot be read (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${shown.join('\n')}${errors.length > 5 ? `\n  ... and ${errors.length - 5} more` : ''}`);
    this.name = 'DatasetError';
  }
}

const MAX_PROBLEMS_PER_COLUMN = 20;

/** Parses CSV text (comma, semicolon or tab; a byte-order mark is ignored) into a header and string rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const [header = [], ...rows] = result.data;
  return { header: header.map((h) => h.trim()), rows };
}

/**
 * Builds the engine's columns from a header and rows, checking each value against the codebook.
 * Throws a DatasetError listing every error (row and column named) when the data do not fit.
 */
export function buildSurveyData(codebook: Codebook, header: string[], rows: string[][]): SurveyData {
  const problems: DataProblem[] = [];
  const columnIndex = new Map(header.map((h, i) => [h, i] as const));
  const perColumn = new Map<string, number>();
  const report = (p: DataProblem) => {
    const key = `${p.column}:${p.code}`;
    const count = (perColumn.get(key) ?? 0) + 1;
    perColumn.set(key, count);
    if (count <= MAX_PROBLEMS_PER_COLUMN) problems.push(p);
  };

  const need = (column: string, role: string): number => {
    const index = columnIndex.get(column);
    if (index === undefined) {
      problems.push({ type: 'error', code: 'MissingColumn', message: `the codebook's ${role} column "${column}" is not in the file`, column });
      return -1;
    }
    return index;
  };

  const idIndex = need(codebook.respondentId, 'respondent-id');
  const weightIndex = codebook.weight ? need(codebook.weight, 'weight') : -1;
  const attributeIndex = codebook.attributes.map((a) => need(a.column, `attribute "${a.id}"`));
  const itemIndex = codebook.items.map((it) => need(it.column, `item "${it.id}"`));
  if (rows.length === 0) problems.push({ type: 'error', code: 'NoRows', message: 'the file has a header but no respondents' });
  if (problems.some((p) => p.type === 'error')) throw new DatasetError(problems);

  const n = rows.length;
  const cell = (r: number, index: number) => (rows[r][index] ?? '').trim();
  rows.forEach((row, r) => {
    if (row.length !== header.length) report({ type: 'error', code: 'RaggedRow', message: `has ${row.length} fields, the header has ${header.length}`, row: r + 1 });
  });

  const respondentIds = new Array<string>(n);
  const seenIds = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const id = cell(r, idIndex);
    respondentIds[r] = id;
    if (id === '') report({ type: 'error', code: 'MissingId', message: 'the respondent id is blank', row: r + 1, column: codebook.respondentId });
    else if (seenIds.has(id)) report({ type: 'error', code: 'DuplicateId', message: `respondent id "${id}" also appears on row ${seenIds.get(id)}`, row: r + 1, column: codebook.respondentId });
    else seenIds.set(id, r + 1);
  }

  const weights = new Float64Array(n).fill(1);
  if (weightIndex >= 0) {
    const column = codebook.weight!;
    for (let r = 0; r < n; r++) {
      const raw = cell(r, weightIndex);
      const w = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(w)) report({ type: 'error', code: 'BadWeight', message: raw === '' ? 'the weight is blank' : `the weight "${raw}" is not a number`, row: r + 1, column });
      else if (w < 0) report({ type: 'error', code: 'NegativeWeight', message: `the weight ${raw} is negative`, row: r + 1, column });
      else weights[r] = w;
    }
  }

  const attributes = new Map<string, AttributeColumn>();
  codebook.attributes.forEach((attribute, a) => {
    const index = attributeIndex[a];
    const levelOf = new Int32Array(n).fill(-1);
    if (attribute.kind === 'categorical') {
      const lookup = new Map(attribute.codes.map((c, i) => [c.code, i] as const));
      for (let r = 0; r < n; r++) {
        const raw = cell(r, index);
        if (raw === '') continue;
        const level = lookup.get(raw);
        if (level === undefined) report({ type: 'error', code: 'UnknownCode', message: `"${raw}" is not a code of ${attribute.label.en} (${attribute.codes.map((c) => c.code).join(', ')})`, row: r + 1, column: attribute.column });
        else levelOf[r] = level;
      }
      attributes.set(attribute.id, { id: attribute.id, label: attribute.label, kind: 'categorical', levels: attribute.codes, levelOf });
    } else {
      const values = new Float64Array(n).fill(NaN);
      for (let r = 0; r < n; r++) {
        const raw = cell(r, index);
        if (raw === '') continue;
        const v = Number(raw);
        if (!Number.isFinite(v) || v < attribute.min || v > attribute.max) {
          report({ type: 'error', code: 'OutOfScale', message: `"${raw}" is outside the scale ${attribute.min}-${attribute.max}`, row: r + 1, column: attribute.column });
          continue;
        }
        values[r] = v;
        levelOf[r] = attribute.bands.findIndex((b) => v >= b.min && v <= b.max);
      }
      const levels = attribute.bands.map((b) => ({ code: b.id, label: b.label }));
      attributes.set(attribute.id, { id: attribute.id, label: attribute.label, kind: 'scale', levels, levelOf, values });
    }
  });

  const items = new Map<string, ItemColumn>();
  codebook.items.forEach((item, i) => {
    const scale = codebook.scales.find((s) => s.id === item.scale)!;
    const lookup = new Map(scale.codes.map((c, k) => [c.code, k] as const));
    const positive = new Set(positiveCodes(codebook, item));
    const conditionIndex = item.askedIf ? columnIndex.get(item.askedIf.column) : undefined;
    if (item.askedIf && conditionIndex === undefined)
      problems.push({ type: 'error', code: 'MissingColumn', message: `item "${item.id}" is asked only if column "${item.askedIf.column}" matches, but that column is not in the file`, column: item.askedIf.column });
    const askedValues = new Set(item.askedIf?.in ?? []);
    const answerOf = new Int32Array(n).fill(-1);
    const index = itemIndex[i];
    for (let r = 0; r < n; r++) {
      const raw = cell(r, index);
      if (raw === '') continue;
      const answer = lookup.get(raw);
      if (answer === undefined) {
        report({ type: 'error', code: 'UnknownCode', message: `"${raw}" is not a code of the scale ${scale.codes.map((c) => c.code).join(', ')}`, row: r + 1, column: item.column });
        continue;
      }
      if (conditionIndex !== undefined && !askedValues.has(cell(r, conditionIndex))) {
        // Answered although not asked: kept out of the base, since the base is who was asked.
        report({ type: 'warning', code: 'AnsweredNotAsked', message: `answered, but the item is asked only if "${item.askedIf!.column}" is ${[...askedValues].join(' or ')}; left out of the base`, row: r + 1, column: item.column });
        continue;
      }
      answerOf[r] = answer;
    }
    items.set(item.id, { item, codes: scale.codes, answerOf, positive: scale.codes.map((c) => positive.has(c.code)) });
  });

  if (problems.some((p) => p.type === 'error')) throw new DatasetError(problems);
  return { codebook, rowCount: n, respondentIds, weights, weighted: weightIndex >= 0, attributes, items };
}

/** Reads a CSV text against a codebook. */
export function loadSurveyFromCsv(codebook: Codebook, csvText: string): SurveyData {
  const { header, rows } = parseCsv(csvText);
  if (header.length === 0) throw new DatasetError([{ type: 'error', code: 'EmptyFile', message: 'the file is empty' }]);
  return buildSurveyData(codebook, header, rows);
}

export function attributeColumn(data: SurveyData, id: string): AttributeColumn {
  const column = data.attributes.get(id);
  if (!column) throw new RangeError(`unknown attribute "${id}"; this dataset has: ${[...data.attributes.keys()].join(', ')}`);
  return column;
}

export function itemColumn(data: SurveyData, id: string): ItemColumn {
  const column = data.items.get(id);
  if (!column) throw new RangeError(`unknown item "${id}"; this dataset has: ${[...data.items.keys()].join(', ')}`);
  return column;
}
