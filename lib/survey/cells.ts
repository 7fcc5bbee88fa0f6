/**
 * Fast checks on CSV cells, for loops that run once per cell of a file with millions of rows.
 * Each has the exact meaning of the plain expression it replaces (`s.trim()`, `s.trim() === ''`,
 * `map.get(s)`), with a shortcut for the common case: a cell that starts (and ends) with a
 * printable ASCII character, which String.prototype.trim would leave alone. Every character trim
 * removes is either at most U+0020 or outside ASCII, so the shortcut never changes a result.
 */
import type { CsvRecord } from './csvRecord';

const printable = (c: number) => c > 32 && c < 127;

/** `s.trim()`, without a call when nothing is to trim. */
export function trimCell(s: string): string {
  const n = s.length;
  if (n === 0 || (printable(s.charCodeAt(0)) && printable(s.charCodeAt(n - 1)))) return s;
  return s.trim();
}

/** `s.trim() === ''`, without a call for the usual non-blank cell. */
export function isBlankCell(s: string): boolean {
  return s.length === 0 || (!printable(s.charCodeAt(0)) && s.trim() === '');
}

/**
 * True when every field of a record is blank: the lines papaparse's `skipEmptyLines: 'greedy'`
 * skips (it tests `fields.join('').trim() === ''`, which holds exactly when each field is blank).
 */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (let i = 0; i < fields.length; i++) if (!isBlankCell(fields[i])) return false;
  return true;
}

/** What `CodeIndex.ofCell` answers for a blank cell, and for a cell holding no code. */
export const BLANK = -1;
export const NOT_A_CODE = -2;

/** What `CsvRecord.single` answers for an empty or missing field, and for a field of two or more characters. */
export const EMPTY_FIELD = -1;
export const LONGER_FIELD = -2;

/** Up to this many longer codes, a field is compared with each of them before it is hashed. */
const MAX_COMPARED_CODES = 8;

/** The characters a one-character cell is blank for (String.prototype.trim's ASCII whitespace). */
const ASCII_SPACES = [9, 10, 11, 12, 13, 32];

/**
 * The position of a code in a list of codes: `new Map(codes.map((c, i) => [c, i])).get(s)`, with a
 * table for one-character ASCII cells (answer scales are "1".."5"), which skips trimming and hashing.
 */
export class CodeIndex {
  private readonly single = new Int32Array(128).fill(NOT_A_CODE);
  private readonly map = new Map<string, number>();
  /** The codes of two or more characters that trimming leaves alone, and their positions: compared in place (see ofField). */
  private readonly long: string[] = [];
  private readonly longAt: number[] = [];

  /** `missing`: values read as blank (missing markers such as "NA" or "99"); they are not codes. */
  constructor(codes: readonly string[], missing: readonly string[] = []) {
    // A repeated code maps to its last position, as the Map constructor would.
    const entries: [string, number][] = [...missing.map((m): [string, number] => [m, BLANK]), ...codes.map((code, i): [string, number] => [code, i])];
    for (const [code, i] of entries) {
      this.map.set(code, i);
      if (code.length === 1 && code.charCodeAt(0) < 128) this.single[code.charCodeAt(0)] = i;
    }
    // A lone space trims to nothing: blank, whatever the codes say.
    for (const c of ASCII_SPACES) this.single[c] = BLANK;
    for (const [code, i] of this.map)
      if (code.length > 1 && code === code.trim()) {
        this.long.push(code);
        this.longAt.push(i);
      }
    // Many codes are found faster by hashing than by comparing each.
    if (this.long.length > MAX_COMPARED_CODES) this.long.length = this.longAt.length = 0;
  }

  /** The distinct codes, in order of first appearance (for messages); missing markers are not codes. */
  keys(): string[] {
    return [...this.map].filter(([, i]) => i !== BLANK).map(([code]) => code);
  }

  /**
   * The code's position for a raw cell (trimmed first; a missing cell is blank): BLANK for a blank
   * cell, NOT_A_CODE for one that holds something else.
   */
  ofCell(cell: string | undefined): number {
    if (cell === undefined) return BLANK;
    if (cell.length === 1) {
      const c = cell.charCodeAt(0);
      if (c < 128) return this.single[c];
    }
    const s = trimCell(cell);
    if (s === '') return BLANK;
    return this.map.get(s) ?? NOT_A_CODE;
  }

  /**
   * `ofCell` of a record's field i, without making a string of it when it is one character or
   * exactly one of a few longer codes (a field equal to a code that trimming leaves alone trims to
   * that code).
   */
  ofField(record: CsvRecord, i: number): number {
    const c = record.single(i);
    if (c >= 0 && c < 128) return this.single[c];
    if (c === EMPTY_FIELD) return BLANK;
    const long = this.long;
    for (let k = 0; k < long.length; k++) if (record.equals(i, long[k])) return this.longAt[k];
    const s = record.trimmed(i);
    if (s === '') return BLANK;
    return this.map.get(s) ?? NOT_A_CODE;
  }
}

/**
 * Finds repeated values (respondent ids) in a list that grows as rows stream past: after pushing
 * row r's value to `values`, `firstRow(r)` returns the earlier row holding the same value, or 0.
 * The same answers as a Map<string, number> from value to first row, at a fraction of its cost for
 * millions of rows. Exports usually list respondents in id order: while every value comes after
 * the previous one (shorter first, then by character), none can repeat, and one comparison per
 * row settles it. From the first value out of order on, an open-addressing table of row numbers
 * over a hash of the characters answers; it reads the values from the caller's list instead of
 * keeping its own copy.
 */
export class FirstOccurrence {
  /** Two Int32 per slot: the value's hash, then its row (0: empty). One cache line answers most probes. Empty while the values are in order. */
  private slots = new Int32Array(0);
  private mask = -1;
  private count = 0;
  /** True while every value so far came after the one before it: all are distinct. */
  private ordered = true;

  constructor(
    private readonly values: readonly string[],
    /** About how many values will come: the table, if it is needed, is sized for them at once. */
    private readonly expected = 0,
  ) {}

  /** Row numbers are 1-based: row r's value is values[r - 1]. */
  firstRow(row: number): number {
    if (this.ordered) {
      if (row === 1 || comesAfter(this.values[row - 1], this.values[row - 2])) return 0;
      this.ordered = false;
      this.build(row - 1);
    }
    return this.findOrAdd(row);
  }

  /** Puts rows 1..rows, all distinct, into a new table. */
  private build(rows: number): void {
    let size = 1024;
    while (size < Math.max(this.expected, rows) * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (let r = 1; r <= rows; r++) this.findOrAdd(r);
  }

  private findOrAdd(row: number): number {
    const value = this.values[row - 1];
    const hash = hashOf(value);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const at = slots[2 * slot + 1];
      if (at === 0) break;
      if (slots[2 * slot] === hash && this.values[at - 1] === value) return at;
      slot = (slot + 1) & this.mask;
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = row;
    if (++this.count * 2 > this.mask + 1) this.grow();
    return 0;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 2 - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === 0) continue;
      let slot = old[k] & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[k];
      slots[2 * slot + 1] = old[k + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Shortlex order (shorter first, then by UTF-16 code units): ids numbered 1, 2, ..., 10 come in order, padded or not. */
function comesAfter(value: string, previous: string): boolean {
  return value.length > previous.length || (value.length === previous.length && value > previous);
}

/** FNV-1a over the UTF-16 code units, mixed at the end so that nearby ids spread over the table. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
