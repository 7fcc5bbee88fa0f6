import * as cells from './cells';

/**
 * Read once into module constants: where modules are compiled to CommonJS (tsx, vitest), every
 * read of an imported binding is a getter call, which a loop over every field cannot afford.
 */
const { EMPTY_FIELD, LONGER_FIELD, isBlankCell, trimCell } = cells;

/**
 * One CSV record, read field by field. The rules that check and convert cells (the personal-data
 * guard, the codebook checks, the engine's columns) read records through this interface, so that
 * they run unchanged on papaparse's arrays of strings (`StringRecord`) and on the upload scanner's
 * spans of the decoded text (`SpanRecord`), which turns a one-character answer into its code
 * without ever making a string of it.
 *
 * Every method means exactly what the same expression on the array of field strings means; the
 * tests compare both implementations on the same records.
 */
export interface CsvRecord {
  /** The number of fields. */
  readonly length: number;
  /** Field i as written (untrimmed); only for i < length. */
  raw(i: number): string;
  /** Field i trimmed; '' for a missing field (a short row). */
  trimmed(i: number): string;
  /** `trimmed(i) === ''`. */
  isBlank(i: number): boolean;
  /**
   * The character code of field i when it is exactly one character (untrimmed), EMPTY_FIELD when
   * it is empty or missing, LONGER_FIELD otherwise: the shortcut for one-character answer codes.
   */
  single(i: number): number;
  /** `raw(i) === s` (false for a missing field). */
  equals(i: number, s: string): boolean;
  /** `Number(trimmed(i))`, but NaN for a blank field. */
  numberOf(i: number): number;
}

/** True when every field is blank: the records papaparse's `skipEmptyLines: 'greedy'` skips (see isBlankRecord). */
export function isBlankCsvRecord(record: CsvRecord): boolean {
  for (let i = 0; i < record.length; i++) if (!record.isBlank(i)) return false;
  return true;
}

/** The fields as strings (untrimmed). */
export function fieldsOf(record: CsvRecord): string[] {
  const fields: string[] = new Array(record.length);
  for (let i = 0; i < record.length; i++) fields[i] = record.raw(i);
  return fields;
}

/** A record held as papaparse gives it: an array of strings. Reusable: set `fields` per record. */
export class StringRecord implements CsvRecord {
  fields: readonly string[] = [];

  of(fields: readonly string[]): this {
    this.fields = fields;
    return this;
  }

  get length(): number {
    return this.fields.length;
  }

  raw(i: number): string {
    return this.fields[i];
  }

  trimmed(i: number): string {
    const v = this.fields[i];
    return v === undefined ? '' : trimCell(v);
  }

  isBlank(i: number): boolean {
    const v = this.fields[i];
    return v === undefined || isBlankCell(v);
  }

  single(i: number): number {
    const v = this.fields[i];
    if (v === undefined || v.length === 0) return EMPTY_FIELD;
    return v.length === 1 ? v.charCodeAt(0) : LONGER_FIELD;
  }

  equals(i: number, s: string): boolean {
    return this.fields[i] === s;
  }

  numberOf(i: number): number {
    const s = this.trimmed(i);
    return s === '' ? NaN : Number(s);
  }
}

/**
 * A record as spans of a text: field i is `text.slice(starts[i], ends[i])`. Reusable: a scanner
 * fills it record after record (see `push` and `reset`), and only the fields a rule asks for as
 * strings become strings.
 */
export class SpanRecord implements CsvRecord {
  text = '';
  length = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  /** Starts a new record over `text`. */
  reset(text: string): void {
    this.text = text;
    this.length = 0;
  }

  /** Appends the field text[start, end). */
  push(start: number, end: number): void {
    if (this.length === this.starts.length) {
      const starts = new Int32Array(this.length * 2);
      const ends = new Int32Array(this.length * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.length] = start;
    this.ends[this.length++] = end;
  }

  raw(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  trimmed(i: number): string {
    return i < this.length ? trimCell(this.raw(i)) : '';
  }

  isBlank(i: number): boolean {
    if (i >= this.length) return true;
    const start = this.starts[i];
    const end = this.ends[i];
    if (start === end) return true;
    // A printable ASCII first character is never trimmed away: the usual non-blank cell, decided without a string.
    const c = this.text.charCodeAt(start);
    if (c > 32 && c < 127) return false;
    return isBlankCell(this.raw(i));
  }

  single(i: number): number {
    if (i >= this.length) return EMPTY_FIELD;
    const start = this.starts[i];
    const length = this.ends[i] - start;
    if (length === 1) return this.text.charCodeAt(start);
    return length === 0 ? EMPTY_FIELD : LONGER_FIELD;
  }

  equals(i: number, s: string): boolean {
    if (i >= this.length) return false;
    const start = this.starts[i];
    return this.ends[i] - start === s.length && this.text.startsWith(s, start);
  }

  numberOf(i: number): number {
    if (i < this.length) {
      const value = plainDecimal(this.text, this.starts[i], this.ends[i]);
      if (value >= 0) return value;
    }
    const s = this.trimmed(i);
    return s === '' ? NaN : Number(s);
  }
}

/** Powers of ten that are exact doubles. */
const TENS = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * The value of text[start, end) when it is digits with an optional decimal point between digits
 * ("0.825721", "12") and at most 15 digits in all, else -1. Then the digits without the point are
 * an integer m below 2^53 and the value is m / 10^k with 10^k exact: one correctly rounded division
 * of two exact numbers gives the double nearest the decimal, which is what Number() returns.
 */
function plainDecimal(text: string, start: number, end: number): number {
  if (end === start || end - start > 16) return -1;
  let m = 0;
  let point = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) m = m * 10 + (c - 48);
    else if (c === 46 && point < 0 && i > start && i < end - 1) point = i;
    else return -1;
  }
  const digits = end - start - (point < 0 ? 0 : 1);
  if (digits > 15) return -1;
  return point < 0 ? m : m / TENS[end - 1 - point];
}
