import Papa from 'papaparse';
import { CodeIndex, FirstOccurrence, NOT_A_CODE as IMPORTED_NOT_A_CODE } from './cells';
import { StringRecord, type CsvRecord } from './csvRecord';
import { type Codebook, type Item, type Label, positiveCodes } from './codebook';
import { codeOfKey, dataProblemMessage, type DataProblemKey, type ProblemValues } from './problemText';
import { quoted, shownList, shownValue } from './quoteValue';
import { datasetWeights, defaultWeightId, inUse, unweightedInUse, type WeightInUse } from './weights';

/**
 * Read once into a module constant: where modules are compiled to CommonJS (tsx, vitest), every
 * read of an imported binding is a getter call, which a loop over every cell cannot afford.
 */
const NOT_A_CODE = IMPORTED_NOT_A_CODE;

/**
 * A survey held column by column, ready for the engine: every attribute and item is turned into
 * small integer codes once, so that analyses are tight loops over typed arrays.
 */

/**
 * Small indexes per respondent (a level, an answer code; -1 for none): bytes whenever every index
 * fits (up to 128 levels, i.e. nearly always: scales and categories are short), else Int32. A
 * million respondents by 35 columns is then 35 MB instead of 140 MB, and filling them is faster.
 */
export type CodeArray = Int8Array | Int32Array;

/** Levels up to which a column's indexes (-1 .. levels - 1) are held as bytes. */
export const INT8_LEVELS = 128;

/** A column of `length` indexes for a column with this many levels. */
export function codeArray(levels: number, length: number): CodeArray {
  return levels <= INT8_LEVELS ? new Int8Array(length) : new Int32Array(length);
}

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
  levelOf: CodeArray;
  /** The raw numeric value of a scale attribute (NaN when blank); absent for categorical ones. */
  values?: Float64Array;
}

export interface ItemColumn {
  item: Item;
  /** The item's answer codes, in scale order. */
  codes: Level[];
  /** Answer index per respondent into `codes`; -1 when blank or not asked. */
  answerOf: CodeArray;
  /** Whether each answer index counts as positive. */
  positive: boolean[];
}

export interface SurveyData {
  codebook: Codebook;
  rowCount: number;
  respondentIds: string[];
  /** The weight in use (all 1 when unweighted); `weight` says which one it is (lib/survey/weights.ts). */
  weights: Float64Array;
  weighted: boolean;
  weight: WeightInUse;
  /** Every weight the dataset holds, by id ("unweighted" is not listed): what selectWeight chooses from. */
  weightColumns: Map<string, Float64Array>;
  attributes: Map<string, AttributeColumn>;
  items: Map<string, ItemColumn>;
  /** Problems that did not stop the data from being read (answered although not asked, ...). */
  warnings: DataProblem[];
}

/** A problem found while reading a CSV: errors as data, so one report can list them all. */
export interface DataProblem {
  type: 'error' | 'warning';
  code: string;
  message: string;
  /** 1-based data row (the header is row 0), when the problem belongs to a row. */
  row?: number;
  /**
   * The line of the file where that row's record starts (1-based, as an editor counts lines). It
   * differs from row + 1 after a quoted field with line breaks, a header over several lines or
   * blank lines. Set by the upload's validators, which read the file's lines.
   */
  line?: number;
  column?: string;
  /** For a limit that was passed: the limit, its unit and, when known, what the file has. */
  limit?: { max: number; unit: 'bytes' | 'rows' | 'columns' | 'characters'; found?: number };
  /** Which wording of the code the message is, when the code has several ("MissingColumn.id"; see problemText.ts). */
  key?: string;
  /** The values the message quotes, already shortened (quoteValue.ts): the page words the problem in the reader's language from them. */
  values?: ProblemValues;
}

/** One of the engine's problems, worded from its catalog entry (problemText.ts). */
function dataProblem(type: DataProblem['type'], key: DataProblemKey, values: ProblemValues | undefined, place: { row?: number; column?: string } = {}): DataProblem {
  const code = codeOfKey(key);
  return { type, code, message: dataProblemMessage(key, values), ...place, ...(key !== code ? { key } : {}), ...(values ? { values } : {}) };
}

export class DatasetError extends Error {
  constructor(readonly problems: DataProblem[]) {
    const errors = problems.filter((p) => p.type === 'error');
    const shown = errors.slice(0, 5).map((p) => `  - ${p.row !== undefined ? `row ${p.row}, ` : ''}${p.column ? `column ${quoted(p.column)}: ` : ''}${p.message}`);
    super(`The data cannot be read (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${shown.join('\n')}${errors.length > 5 ? `\n  ... and ${errors.length - 5} more` : ''}`);
    this.name = 'DatasetError';
  }
}

const MAX_PROBLEMS_PER_COLUMN = 20;
/**
 * Problems listed in all: 20 per column and kind of a 1,000-column file could be 100,000 messages
 * held while a broken file is read. Past this, problems are still counted (`counts`), not listed.
 */
const MAX_PROBLEMS = 1000;

/** Parses CSV text (comma, semicolon or tab; a byte-order mark is ignored) into a header and string rows. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const [header = [], ...rows] = result.data;
  return { header: header.map((h) => h.trim()), rows };
}

/** The same kind of column, longer, with the values of `data` first. */
function grown<T extends CodeArray | Float64Array>(data: T, length: number): T {
  const next = (data instanceof Int8Array ? new Int8Array(length) : data instanceof Int32Array ? new Int32Array(length) : new Float64Array(length)) as T;
  next.set(data);
  return next;
}

/** The first `length` values: a view when little would be wasted (no copy of a full column), else a copy. */
function fitted<T extends CodeArray | Float64Array>(data: T, length: number): T {
  return (data.length - length <= data.length / 64 ? data.subarray(0, length) : data.slice(0, length)) as T;
}

/** How one attribute column is read: categorical ones by code, scale ones by value and band. */
interface AttributePlan {
  index: number;
  header: string;
  column: AttributeColumn;
  /** Written in place, row by row; replaced by a longer copy when the builder grows its columns. */
  levelOf: CodeArray;
  /** Categorical attributes only. */
  codes: CodeIndex | null;
  /** Scale attributes only (NaN for categorical ones). */
  values: Float64Array | null;
  min: number;
  max: number;
  bandMin: Float64Array;
  bandMax: Float64Array;
  /** Scale attributes: values read as blank (missing markers); null when there are none. */
  missing: Set<string> | null;
}

interface ItemPlan {
  index: number;
  header: string;
  /** The askedIf column's index, -1 when the item is asked of everyone. */
  conditionIndex: number;
  asked: Set<string>;
  codes: CodeIndex;
  answerOf: CodeArray;
  column: Omit<ItemColumn, 'answerOf'>;
  scaleCodes: string;
}

export interface SurveyDataBuilderOptions {
  /**
   * False to check the rows without keeping the engine's columns (the upload validator only needs
   * the problems); `finish` is then not available. Default true.
   */
  columns?: boolean;
  /** About how many rows will come (an upper bound such as the line count is best): the columns are then allocated once. */
  expectedRows?: number;
}

/**
 * Turns rows into the engine's columns one row at a time, so that a large file can stream through
 * without being held as strings. Checks each value against the codebook and collects problems
 * (capped per column and kind); `finish` throws a DatasetError if any is an error.
 *
 * `add` runs once per row of files with millions of rows, so it allocates nothing for a valid row:
 * no closures, no per-cell regular expressions, codes found through a table (see cells.ts).
 */
export class SurveyDataBuilder {
  private readonly problems: DataProblem[] = [];
  private readonly perColumn = new Map<string, number>();
  /** Problems reported once, outside the per-column cap (missing columns, no rows), counted per code. */
  private readonly once = new Map<string, number>();
  private readonly idIndex: number;
  private readonly weightIndex: number;
  /** The dataset's other weights (codebook `weights` besides the default), read and checked as the default is. */
  private readonly otherWeights: { id: string; column: string; index: number; values: Float64Array }[];
  private readonly attributes: AttributePlan[];
  private readonly items: ItemPlan[];
  private readonly ids: string[] = [];
  private readonly seenIds: FirstOccurrence;
  private weights: Float64Array;
  /** Rows the columns have room for: they grow together, so one check per row suffices. */
  private capacity: number;
  private readonly keepColumns: boolean;
  private readonly failed: boolean;
  private rows = 0;
  private rowWeight = NaN;
  /** Wraps the string rows given to `add`. */
  private readonly strings = new StringRecord();

  constructor(
    private readonly codebook: Codebook,
    private readonly header: string[],
    options: SurveyDataBuilderOptions = {},
  ) {
    this.keepColumns = options.columns ?? true;
    // Given a good guess of the row count (an upper bound such as the file's line count), the
    // columns are allocated once and handed out without a copy.
    const capacity = this.keepColumns ? Math.max(1024, options.expectedRows ?? 0) : 0;
    this.capacity = capacity;
    this.weights = new Float64Array(capacity);
    this.seenIds = new FirstOccurrence(this.ids, options.expectedRows ?? 0);
    const columnIndex = new Map(header.map((h, i) => [h, i] as const));
    // The codebook's column names may be anything up to its size limit: the problem names them shortened.
    const need = (column: string, key: DataProblemKey, id?: string): number => {
      const index = columnIndex.get(column);
      if (index === undefined) this.noteOnce(dataProblem('error', key, { column: quoted(column), ...(id !== undefined ? { id: quoted(id) } : {}) }, { column: shownValue(column) }));
      return index ?? -1;
    };
    this.idIndex = need(codebook.respondentId, 'MissingColumn.id');
    this.weightIndex = codebook.weight ? need(codebook.weight, 'MissingColumn.weight') : -1;
    this.otherWeights = datasetWeights(codebook)
      .filter((w) => w.column !== codebook.weight)
      .map((w) => ({ id: w.id, column: w.column, index: need(w.column, 'MissingColumn.weight'), values: new Float64Array(capacity) }));
    this.attributes = codebook.attributes.map((attribute): AttributePlan => {
      const index = need(attribute.column, 'MissingColumn.attribute', attribute.id);
      if (attribute.kind === 'categorical')
        return {
          index,
          header: header[index],
          levelOf: codeArray(attribute.codes.length, capacity),
          codes: new CodeIndex(attribute.codes.map((c) => c.code), attribute.missing),
          values: null,
          min: NaN,
          max: NaN,
          bandMin: new Float64Array(0),
          bandMax: new Float64Array(0),
          missing: null,
          column: { id: attribute.id, label: attribute.label, kind: 'categorical', levels: attribute.codes, levelOf: new Int32Array(0) },
        };
      return {
        index,
        header: header[index],
        levelOf: codeArray(attribute.bands.length, capacity),
        codes: null,
        values: new Float64Array(capacity),
        min: attribute.min,
        max: attribute.max,
        bandMin: Float64Array.from(attribute.bands, (b) => b.min),
        bandMax: Float64Array.from(attribute.bands, (b) => b.max),
        missing: attribute.missing?.length ? new Set(attribute.missing) : null,
        column: { id: attribute.id, label: attribute.label, kind: 'scale', levels: attribute.bands.map((b) => ({ code: b.id, label: b.label })), levelOf: new Int32Array(0) },
      };
    });
    this.items = codebook.items.map((item): ItemPlan => {
      const scale = codebook.scales.find((s) => s.id === item.scale)!;
      const positive = new Set(positiveCodes(codebook, item));
      const conditionIndex = item.askedIf ? columnIndex.get(item.askedIf.column) : undefined;
      if (item.askedIf && conditionIndex === undefined)
        this.noteOnce(dataProblem('error', 'MissingColumn.askedIf', { id: quoted(item.id), column: quoted(item.askedIf.column) }, { column: shownValue(item.askedIf.column) }));
      const index = need(item.column, 'MissingColumn.item', item.id);
      return {
        index,
        header: header[index],
        conditionIndex: conditionIndex ?? -1,
        asked: new Set(item.askedIf?.in ?? []),
        codes: new CodeIndex(scale.codes.map((c) => c.code), item.missing),
        answerOf: codeArray(scale.codes.length, capacity),
        column: { item, codes: scale.codes, positive: scale.codes.map((c) => positive.has(c.code)) },
        scaleCodes: shownList(scale.codes.map((c) => c.code)),
      };
    });
    // Only the constructor reports missing columns, so this is known once and for all here.
    this.failed = this.problems.some((p) => p.code === 'MissingColumn');
  }

  /** Problems found so far (errors and warnings). */
  get report(): readonly DataProblem[] {
    return this.problems;
  }

  /** How many problems of each code were found, including those past the listing caps. */
  get counts(): Map<string, number> {
    const counts = new Map(this.once);
    for (const [key, n] of this.perColumn) {
      const code = key.slice(key.lastIndexOf(':') + 1);
      counts.set(code, (counts.get(code) ?? 0) + n);
    }
    return counts;
  }

  /** The last row's weight as a number (NaN when blank or not a number), before any check. */
  get lastWeight(): number {
    return this.rowWeight;
  }

  /** True when the header lacks a column the codebook needs: rows cannot be read. */
  get headerFailed(): boolean {
    return this.failed;
  }

  /** Counts a problem of a column and kind; true while it is still to be listed (under the caps). */
  private tally(column: string | undefined, code: string): boolean {
    const key = `${column}:${code}`;
    const count = (this.perColumn.get(key) ?? 0) + 1;
    this.perColumn.set(key, count);
    return count <= MAX_PROBLEMS_PER_COLUMN && this.problems.length < MAX_PROBLEMS;
  }

  private note(p: DataProblem) {
    if (this.tally(p.column, p.code)) this.problems.push(p);
  }

  /** A problem reported once (not per row): always listed, there are few. */
  private noteOnce(p: DataProblem) {
    this.once.set(p.code, (this.once.get(p.code) ?? 0) + 1);
    this.problems.push(p);
  }

  /** Adds one data row (fields as strings, in header order). */
  add(fields: readonly string[]): void {
    this.addRecord(this.strings.of(fields));
  }

  /**
   * Adds one data row, read through a CsvRecord (fields in header order). The work is split into
   * small methods, with the problems built in methods of their own: the compiler then inlines the
   * per-cell lookups and column writes into each loop (one large method exhausts its inlining budget).
   */
  addRecord(record: CsvRecord): void {
    if (this.failed) return;
    const row = ++this.rows;
    if (this.keepColumns && row > this.capacity) this.growColumns();
    if (record.length !== this.header.length) this.note(dataProblem('error', record.length === 1 ? 'RaggedRow.one' : 'RaggedRow', { fields: record.length, headerFields: this.header.length }, { row }));
    this.readId(record, row);
    this.readWeight(record, row);
    this.readAttributes(record, row);
    this.readItems(record, row);
  }

  /** Doubles the room of every column (the row count outgrew the guess). */
  private growColumns(): void {
    const capacity = this.capacity * 2;
    this.weights = grown(this.weights, capacity);
    for (const other of this.otherWeights) other.values = grown(other.values, capacity);
    for (const plan of this.attributes) {
      plan.levelOf = grown(plan.levelOf, capacity);
      if (plan.values) plan.values = grown(plan.values, capacity);
    }
    for (const plan of this.items) plan.answerOf = grown(plan.answerOf, capacity);
    this.capacity = capacity;
  }

  private readId(record: CsvRecord, row: number): void {
    // Kept in check-only mode too: the repeated-id table reads them from this list.
    const id = record.trimmed(this.idIndex);
    this.ids.push(id);
    if (id === '') this.note(dataProblem('error', 'MissingId', undefined, { row, column: this.codebook.respondentId }));
    else {
      const first = this.seenIds.firstRow(row);
      if (first !== 0) this.duplicateId(id, first, row);
    }
  }

  private duplicateId(id: string, first: number, row: number): void {
    if (this.tally(this.codebook.respondentId, 'DuplicateId')) this.problems.push(dataProblem('error', 'DuplicateId', { id: quoted(id), first }, { row, column: this.codebook.respondentId }));
  }

  private readWeight(record: CsvRecord, row: number): void {
    let weight = 1;
    if (this.weightIndex >= 0) {
      const w = record.numberOf(this.weightIndex);
      this.rowWeight = w;
      if (Number.isFinite(w) && w >= 0) weight = w;
      else this.badWeight(record, row, w, this.weightIndex, this.codebook.weight!);
    }
    if (this.keepColumns) this.weights[row - 1] = weight;
    for (let k = 0; k < this.otherWeights.length; k++) {
      const other = this.otherWeights[k];
      const v = record.numberOf(other.index);
      if (!(Number.isFinite(v) && v >= 0)) this.badWeight(record, row, v, other.index, other.column);
      if (this.keepColumns) other.values[row - 1] = Number.isFinite(v) && v >= 0 ? v : 1;
    }
  }

  private badWeight(record: CsvRecord, row: number, w: number, index: number, column: string): void {
    const raw = record.trimmed(index);
    const place = { row, column };
    if (!this.tally(column, Number.isFinite(w) ? 'NegativeWeight' : 'BadWeight')) return;
    if (!Number.isFinite(w)) this.problems.push(raw === '' ? dataProblem('error', 'BadWeight.blank', undefined, place) : dataProblem('error', 'BadWeight', { value: quoted(raw) }, place));
    else this.problems.push(dataProblem('error', 'NegativeWeight', { value: quoted(raw) }, place));
  }

  private readAttributes(record: CsvRecord, row: number): void {
    const attributes = this.attributes;
    const keep = this.keepColumns;
    for (let a = 0; a < attributes.length; a++) {
      const plan = attributes[a];
      let level = -1;
      if (plan.codes !== null) {
        const code = plan.codes.ofField(record, plan.index);
        if (code >= 0) level = code;
        else if (code === NOT_A_CODE) this.unknownAttributeCode(plan, record, row);
      } else {
        // A one-digit value, the usual scale answer, is read without a string.
        const c = record.single(plan.index);
        // A missing marker ("NA", or a number such as 99 for don't know) is blank, before any number is read.
        const v = plan.missing !== null && plan.missing.has(record.trimmed(plan.index)) ? NaN : c >= 48 && c <= 57 ? c - 48 : scaleValue(record.trimmed(plan.index));
        let value = NaN;
        if (v === v) {
          if (v >= plan.min && v <= plan.max) {
            value = v;
            level = bandOf(v, plan.bandMin, plan.bandMax);
          } else this.outOfScale(plan, record, row);
        } else if (!record.isBlank(plan.index) && !(plan.missing !== null && plan.missing.has(record.trimmed(plan.index)))) this.outOfScale(plan, record, row);
        if (keep) plan.values![row - 1] = value;
      }
      if (keep) plan.levelOf[row - 1] = level;
    }
  }

  private unknownAttributeCode(plan: AttributePlan, record: CsvRecord, row: number): void {
    if (this.tally(plan.header, 'UnknownCode'))
      this.problems.push(
        dataProblem(
          'error',
          'UnknownCode.attribute',
          { value: quoted(record.trimmed(plan.index)), attribute: shownValue(plan.column.label.en), attributeNl: shownValue(plan.column.label.nl), codes: shownList(plan.codes!.keys()) },
          { row, column: plan.header },
        ),
      );
  }

  private outOfScale(plan: AttributePlan, record: CsvRecord, row: number): void {
    if (this.tally(plan.header, 'OutOfScale')) this.problems.push(dataProblem('error', 'OutOfScale', { value: quoted(record.trimmed(plan.index)), min: plan.min, max: plan.max }, { row, column: plan.header }));
  }

  private readItems(record: CsvRecord, row: number): void {
    const items = this.items;
    const keep = this.keepColumns;
    for (let k = 0; k < items.length; k++) {
      const plan = items[k];
      const code = plan.codes.ofField(record, plan.index);
      let answer = -1;
      if (code >= 0) {
        // Answered although not asked: kept out of the base, since the base is who was asked.
        if (plan.conditionIndex >= 0 && !plan.asked.has(record.trimmed(plan.conditionIndex))) this.answeredNotAsked(plan, row);
        else answer = code;
      } else if (code === NOT_A_CODE) this.unknownItemCode(plan, record, row);
      if (keep) plan.answerOf[row - 1] = answer;
    }
  }

  private unknownItemCode(plan: ItemPlan, record: CsvRecord, row: number): void {
    if (this.tally(plan.header, 'UnknownCode'))
      this.problems.push(dataProblem('error', 'UnknownCode', { value: quoted(record.trimmed(plan.index)), codes: plan.scaleCodes }, { row, column: plan.header }));
  }

  private answeredNotAsked(plan: ItemPlan, row: number): void {
    if (!this.tally(plan.header, 'AnsweredNotAsked')) return;
    const condition = plan.column.item.askedIf!;
    const values: ProblemValues = condition.in.length === 1 ? { column: quoted(condition.column), code: quoted(condition.in[0]) } : { column: quoted(condition.column), codes: shownList(condition.in) };
    this.problems.push(dataProblem('warning', condition.in.length === 1 ? 'AnsweredNotAsked' : 'AnsweredNotAsked.many', values, { row, column: plan.header }));
  }

  /** The finished dataset; throws a DatasetError listing every error found. */
  finish(): SurveyData {
    if (!this.keepColumns) throw new Error('this builder only checks rows (columns: false); it has no dataset to finish');
    if (!this.headerFailed && this.rows === 0) this.noteOnce(dataProblem('error', 'NoRows', undefined));
    if (this.problems.some((p) => p.type === 'error')) throw new DatasetError(this.problems);
    const attributes = new Map<string, AttributeColumn>();
    const rows = this.rows;
    for (const plan of this.attributes) attributes.set(plan.column.id, { ...plan.column, levelOf: fitted(plan.levelOf, rows), ...(plan.values ? { values: fitted(plan.values, rows) } : {}) });
    const items = new Map<string, ItemColumn>();
    for (const plan of this.items) items.set(plan.column.item.id, { ...plan.column, answerOf: fitted(plan.answerOf, rows) });
    const weights = fitted(this.weights, rows);
    const defaultId = defaultWeightId(this.codebook);
    const weightColumns = new Map<string, Float64Array>(this.otherWeights.map((w) => [w.id, fitted(w.values, rows)]));
    if (this.weightIndex >= 0) weightColumns.set(defaultId, weights);
    const data: SurveyData = {
      codebook: this.codebook,
      rowCount: this.rows,
      respondentIds: this.ids,
      weights,
      weighted: this.weightIndex >= 0,
      weight: unweightedInUse(),
      weightColumns,
      attributes,
      items,
      warnings: this.problems.filter((p) => p.type === 'warning'),
    };
    const definition = datasetWeights(this.codebook).find((w) => w.id === defaultId);
    if (definition && this.weightIndex >= 0) data.weight = inUse(data, definition, weights, true);
    return data;
  }
}

/** A trimmed scale cell as a number: NaN when blank or not a finite number. */
function scaleValue(s: string): number {
  if (s === '') return NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}

/** The first band holding v, or -1 (bands may overlap or leave gaps; the first match wins). */
function bandOf(v: number, min: Float64Array, max: Float64Array): number {
  for (let b = 0; b < min.length; b++) if (v >= min[b] && v <= max[b]) return b;
  return -1;
}

/**
 * Builds the engine's columns from a header and rows, checking each value against the codebook.
 * Throws a DatasetError listing every error (row and column named) when the data do not fit.
 */
export function buildSurveyData(codebook: Codebook, header: string[], rows: string[][]): SurveyData {
  const builder = new SurveyDataBuilder(codebook, header);
  for (const row of rows) builder.add(row);
  return builder.finish();
}

/** Reads a CSV text against a codebook. */
export function loadSurveyFromCsv(codebook: Codebook, csvText: string): SurveyData {
  const { header, rows } = parseCsv(csvText);
  if (header.length === 0) throw new DatasetError([dataProblem('error', 'EmptyFile', undefined)]);
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
