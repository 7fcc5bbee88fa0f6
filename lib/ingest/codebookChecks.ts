import type { Codebook } from '../survey/codebook';
import { StringRecord, type CsvRecord } from '../survey/csvRecord';
import { SurveyDataBuilder, type SurveyData } from '../survey/dataset';
import { quoted, shownValue } from '../survey/quoteValue';
import { ingestProblem } from './problemMessages';
import type { ProblemCollector } from './problems';
import type { Problem } from './types';

/**
 * Checks rows against a codebook by feeding them to the engine's own SurveyDataBuilder, so that an
 * upload is judged by exactly the rules that will later read it (missing columns, blank and
 * duplicate respondent ids, codes outside a scale, non-numeric and negative weights, answers given
 * though not asked). Only what is specific to uploads is added here: a zero weight is an error
 * (the engine accepts it, but in an upload it almost always means a broken weighting step), an
 * absurdly large weight is a warning, and a weight total that overflows is an error.
 *
 * The builder lists at most 20 problems per column and kind but counts them all (`counts`), so the
 * report's counts stay complete.
 */

/** A weight above this is finite but absurd: no survey weights a respondent a billion times. */
export const HUGE_WEIGHT = 1e9;
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

export class CodebookChecks {
  private readonly builder: SurveyDataBuilder;
  private readonly weightIndex: number;
  private readonly builderReadsWeight: boolean;
  /** The weight column the builder reads: the last of that name (a Map of the header keeps the last). */
  private readonly builderWeightIndex: number;
  private seen = 0;
  private row = 0;
  private weightSum = 0;
  private sumOverflowRow = 0;
  /** Wraps the string rows given to `add`. */
  private readonly strings = new StringRecord();

  constructor(
    private readonly codebook: Codebook,
    header: string[],
    private readonly out: ProblemCollector,
    options: { build?: boolean; expectedRows?: number } = {},
  ) {
    // Without `build` the builder only checks: the validator needs its problems, not its columns.
    this.builder = new SurveyDataBuilder(codebook, header, { columns: options.build === true, expectedRows: options.expectedRows });
    this.weightIndex = codebook.weight ? header.indexOf(codebook.weight) : -1;
    this.builderWeightIndex = codebook.weight ? header.lastIndexOf(codebook.weight) : -1;
    this.builderReadsWeight = this.weightIndex >= 0 && this.builderWeightIndex === this.weightIndex;
    this.drain();
  }

  /** True when the header lacks a column the codebook needs; rows are then not checked. */
  get headerFailed(): boolean {
    return this.builder.headerFailed;
  }

  /** The columns the codebook gives a meaning other than the respondent id: answers, segments, weight, conditions. */
  static mappedColumns(codebook: Codebook): Set<string> {
    const columns = new Set<string>();
    if (codebook.weight) columns.add(codebook.weight);
    codebook.attributes.forEach((a) => columns.add(a.column));
    codebook.items.forEach((it) => {
      columns.add(it.column);
      if (it.askedIf) columns.add(it.askedIf.column);
    });
    return columns;
  }

  add(fields: readonly string[]): void {
    this.addRecord(this.strings.of(fields));
  }

  addRecord(record: CsvRecord): void {
    if (this.builder.headerFailed) return;
    this.row++;
    this.builder.addRecord(record);
    this.drain(record);
    if (this.weightIndex < 0) return;
    // The builder has parsed the weight already (NaN when blank), unless a repeated header name made it read another cell.
    const w = this.builderReadsWeight ? this.builder.lastWeight : parseWeight(record.trimmed(this.weightIndex));
    this.checkWeight(w, record);
  }

  private checkWeight(w: number, record: CsvRecord): void {
    const column = this.codebook.weight;
    const row = this.row;
    if (w === 0) this.out.addLazy('ZeroWeight', () => ingestProblem('ZeroWeight', undefined, { row, column }));
    else if (Number.isFinite(w) && Math.abs(w) > HUGE_WEIGHT) this.out.addLazy('HugeWeight', () => ingestProblem('HugeWeight', { value: quoted(record.trimmed(this.weightIndex)), limit: HUGE_WEIGHT }, { row, column }));
    if (Number.isFinite(w) && w > 0) {
      this.weightSum += w;
      if (!Number.isFinite(this.weightSum) && !this.sumOverflowRow) {
        this.sumOverflowRow = row;
        this.out.add(ingestProblem('WeightSumOverflow', undefined, { row, column }));
      }
    }
  }

  /** Moves the builder's new problems into the report, refining two weight messages from the row's own weight. */
  private drain(record?: CsvRecord): void {
    const report = this.builder.report;
    for (; this.seen < report.length; this.seen++) {
      const p = report[this.seen];
      // Ragged rows are checked for every upload, codebook or not, by the validator itself.
      if (p.code === 'RaggedRow') continue;
      this.out.list(p.code === 'BadWeight' && record && this.builderWeightIndex >= 0 ? refine(p, record.trimmed(this.builderWeightIndex)) : p);
    }
  }

  /** The engine's columns (built with `build`); null when the rows have an error. */
  data(): SurveyData | null {
    try {
      return this.builder.finish();
    } catch {
      return null;
    }
  }

  /** Adds the builder's complete counts to the report. Call once, after the last row. */
  finish(): void {
    for (const [code, n] of this.builder.counts) if (code !== 'RaggedRow') this.out.count(code, n);
  }
}

/** A trimmed cell as a weight: NaN when blank. */
function parseWeight(raw: string): number {
  return raw === '' ? NaN : Number(raw);
}

/** Clearer messages for weights that overflow ("1e400") or use a decimal comma ("1,5"), from the weight as written. */
function refine(p: Problem, raw: string): Problem {
  if (raw === '') return p;
  const place = { row: p.row, column: p.column };
  if (NUMERIC.test(raw) || /^[+-]?infinity$/i.test(raw)) return ingestProblem('BadWeight.overflow', { value: quoted(raw) }, place);
  if (DECIMAL_COMMA.test(raw)) return ingestProblem('BadWeight.decimalComma', { value: quoted(raw), fixed: shownValue(raw.replace(',', '.')) }, place);
  return p;
}

