import type { Codebook } from '../survey/codebook';
import { StringRecord, type CsvRecord } from '../survey/csvRecord';
import { SurveyDataBuilder, type SurveyData } from '../survey/dataset';
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
    this.builderReadsWeight = this.weightIndex >= 0 && header.lastIndexOf(codebook.weight!) === this.weightIndex;
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
    this.drain();
    if (this.weightIndex < 0) return;
    // The builder has parsed the weight already (NaN when blank), unless a repeated header name made it read another cell.
    const w = this.builderReadsWeight ? this.builder.lastWeight : parseWeight(record.trimmed(this.weightIndex));
    this.checkWeight(w, record);
  }

  private checkWeight(w: number, record: CsvRecord): void {
    const column = this.codebook.weight;
    const row = this.row;
    if (w === 0) this.out.add({ type: 'error', code: 'ZeroWeight', message: 'the weight is 0: a respondent with no weight would count in no base; remove the row or fix the weighting', row, column });
    else if (Number.isFinite(w) && Math.abs(w) > HUGE_WEIGHT)
      this.out.add({ type: 'warning', code: 'HugeWeight', message: `the weight ${record.trimmed(this.weightIndex)} is implausibly large (over ${HUGE_WEIGHT.toLocaleString('en')}); it would dominate every result`, row, column });
    if (Number.isFinite(w) && w > 0) {
      this.weightSum += w;
      if (!Number.isFinite(this.weightSum) && !this.sumOverflowRow) {
        this.sumOverflowRow = row;
        this.out.add({ type: 'error', code: 'WeightSumOverflow', message: 'the weights add up to more than a number can hold; every weighted result would be infinite', row, column });
      }
    }
  }

  /** Moves the builder's new problems into the report, refining two weight messages. */
  private drain(): void {
    const report = this.builder.report;
    for (; this.seen < report.length; this.seen++) {
      const p = report[this.seen];
      // Ragged rows are checked for every upload, codebook or not, by the validator itself.
      if (p.code === 'RaggedRow') continue;
      this.out.list(refine(p));
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

/** Clearer messages for weights that overflow ("1e400") or use a decimal comma ("1,5"). */
function refine(p: Problem): Problem {
  if (p.code !== 'BadWeight') return p;
  const raw = /"(.*)"/.exec(p.message)?.[1];
  if (raw === undefined) return p;
  if (NUMERIC.test(raw) || /^[+-]?infinity$/i.test(raw)) return { ...p, message: `the weight "${raw}" is too large for a number (it overflows to infinity)` };
  if (DECIMAL_COMMA.test(raw)) return { ...p, message: `${p.message}; use a decimal point (${raw.replace(',', '.')})` };
  return p;
}

