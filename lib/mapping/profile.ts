import { classifyColumn } from '../ingest/personal';
import type { PersonalKind } from '../ingest/types';
import { looksMissing } from './answerWords';

/**
 * What each column of a sample holds: its distinct values with their counts, whether they are
 * numbers, whether they repeat. The detectors (scales, roles, missing markers, bands) read only
 * this, so they are plain functions of a profile, tested without files.
 */

/** Past this many distinct values a column is not a set of codes, but free text, dates, amounts or ages. */
export const MAX_DISTINCT = 40;

export interface ValueCount {
  value: string;
  count: number;
}

export interface ColumnProfile {
  column: string;
  /** Distinct non-blank values with their counts (numbers ascending, text alphabetically), at most MAX_DISTINCT + 1. */
  values: ValueCount[];
  /** More than MAX_DISTINCT distinct values. */
  manyValues: boolean;
  /** Non-blank values seen. */
  nonBlank: number;
  /** Rows seen. */
  rows: number;
  /** Every non-blank value that does not read as missing (NA, "-", "don't know") is a number. */
  numeric: boolean;
  /** ... and a whole number. */
  integers: boolean;
  /** Smallest and largest of those numbers (NaN when not numeric). */
  min: number;
  max: number;
  /** No non-blank value repeats. */
  unique: boolean;
  /** The personal-data guard's verdict, when the column looks like a direct identifier. */
  personal?: PersonalKind;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;
/** Uniqueness is tracked up to this many distinct values (a respondent id column), then assumed from there. */
const MAX_TRACKED = 250_000;

export const isNumber = (v: string) => NUMBER.test(v);

/** Orders codes as an analyst reads them: numbers ascending, text alphabetically. */
export function orderCodes(codes: Iterable<string>): string[] {
  const list = [...new Set(codes)];
  if (list.every((c) => NUMBER.test(c))) return list.sort((a, b) => Number(a) - Number(b));
  return list.sort((a, b) => a.localeCompare(b, 'en'));
}

class ColumnTally {
  readonly counts = new Map<string, number>();
  many = false;
  nonBlank = 0;
  numeric = true;
  integers = true;
  min = Infinity;
  max = -Infinity;
  repeats = false;
  readonly seen = new Set<string>();
  readonly sample: string[] = [];

  add(raw: string | undefined): void {
    const v = (raw ?? '').trim();
    if (v === '') return;
    this.nonBlank++;
    if (this.sample.length < 100) this.sample.push(v);
    const known = this.counts.get(v);
    if (known !== undefined) this.counts.set(v, known + 1);
    else if (this.counts.size <= MAX_DISTINCT) this.counts.set(v, 1);
    else this.many = true;
    if (!this.repeats && this.seen.size < MAX_TRACKED) {
      if (this.seen.has(v)) this.repeats = true;
      else this.seen.add(v);
    }
    if (this.numeric) {
      if (NUMBER.test(v)) {
        const n = Number(v);
        if (n < this.min) this.min = n;
        if (n > this.max) this.max = n;
        if (this.integers && !INTEGER.test(v)) this.integers = false;
      } else if (!looksMissing(v)) this.numeric = false;
    }
  }
}

/** Profiles columns as rows stream past; `profiles()` summarises what was seen. */
export class Profiler {
  private readonly tallies: ColumnTally[];
  private rows = 0;

  constructor(private readonly header: readonly string[]) {
    this.tallies = header.map(() => new ColumnTally());
  }

  add(row: readonly string[]): void {
    this.rows++;
    for (let i = 0; i < this.tallies.length; i++) this.tallies[i].add(row[i]);
  }

  profiles(): ColumnProfile[] {
    return this.header.map((column, i) => {
      const t = this.tallies[i];
      const numbers = t.nonBlank > 0 && t.numeric && Number.isFinite(t.min);
      const personal = column.trim() === '' ? undefined : classifyColumn(column, t.sample)?.kind;
      const order = orderCodes(t.counts.keys());
      return {
        column,
        values: order.map((value) => ({ value, count: t.counts.get(value)! })),
        manyValues: t.many,
        nonBlank: t.nonBlank,
        rows: this.rows,
        numeric: numbers,
        integers: numbers && t.integers,
        min: numbers ? t.min : NaN,
        max: numbers ? t.max : NaN,
        unique: t.nonBlank > 0 && !t.repeats,
        ...(personal ? { personal } : {}),
      };
    });
  }
}

/** Profiles a header and its rows in one go. */
export function profileColumns(header: readonly string[], rows: readonly (readonly string[])[]): ColumnProfile[] {
  const profiler = new Profiler(header);
  for (const row of rows) profiler.add(row);
  return profiler.profiles();
}

/** The values of a profile that read as missing markers, and the others. */
export function splitMissing(profile: ColumnProfile): { markers: ValueCount[]; values: ValueCount[] } {
  const markers: ValueCount[] = [];
  const values: ValueCount[] = [];
  for (const v of profile.values) (looksMissing(v.value) ? markers : values).push(v);
  return { markers, values };
}
