import { describe, expect, it } from 'vitest';
import { BLANK, CodeIndex, FirstOccurrence, isBlankCell, isBlankRecord, NOT_A_CODE, trimCell } from './cells';

/** Cells that trip a shortcut: every kind of space trim removes, at either end, alone and around text. */
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const CELLS = ['', 'a', '1', 'NL', '35-49', '\u0000', '\u0001', '\u007f', 'é', '"', ...SPACES, ...SPACES.flatMap((s) => [`${s}1`, `1${s}`, `${s}yes${s}`, `${s}${s}`])];

describe('cell shortcuts mean exactly what trim means', () => {
  it('trimCell and isBlankCell agree with String.prototype.trim on every kind of space', () => {
    for (const cell of CELLS) {
      expect(trimCell(cell)).toBe(cell.trim());
      expect(isBlankCell(cell)).toBe(cell.trim() === '');
    }
  });

  it('isBlankRecord is papaparse\'s greedy test', () => {
    for (const record of [[''], [' ', '\t'], ['', '', ''], ['\u00a0', ''], ['', 'x'], ['1', ''], [' a ']])
      expect(isBlankRecord(record)).toBe(record.join('').trim() === '');
  });
});

describe('CodeIndex', () => {
  const codes = ['1', '2', '3', 'NL', 'é', 'x'];
  const index = new CodeIndex(codes);
  const expected = (cell: string | undefined) => {
    const s = (cell ?? '').trim();
    if (s === '') return BLANK;
    const at = codes.lastIndexOf(s);
    return at >= 0 ? at : NOT_A_CODE;
  };

  it('finds a raw cell\'s code after trimming, tells blank from unknown', () => {
    for (const cell of [...CELLS, undefined, ' NL ', 'nl', '4', '\u00a02', 'é', ' x']) expect(index.ofCell(cell)).toBe(expected(cell));
  });

  it('maps a repeated code to its last position, as a Map would', () => {
    expect(new CodeIndex(['a', 'b', 'a']).ofCell('a')).toBe(2);
    expect(new CodeIndex(['a', 'b', 'a']).keys()).toEqual(['a', 'b']);
  });
});

describe('FirstOccurrence', () => {
  it('answers as a Map from value to first row would, through many table growths', () => {
    // Deterministic values with plenty of repeats and near-identical strings.
    const values: string[] = [];
    const table = new FirstOccurrence(values);
    const reference = new Map<string, number>();
    for (let row = 1; row <= 20000; row++) {
      const v = row % 7 === 0 ? `R${(row * 7919) % 3001}` : `R${row}`;
      values.push(v);
      const first = reference.get(v);
      if (first === undefined) reference.set(v, row);
      expect(table.firstRow(row)).toBe(first ?? 0);
    }
  });

  it('answers the same when the values come in order for a long stretch first (the shortcut), then repeat', () => {
    // 1..3000 unpadded (shortlex order: "9" before "10"), then earlier values and new ones mixed.
    const stream = [...Array.from({ length: 3000 }, (_, i) => `${i + 1}`), '17', '3001', '2999', '3001', '1', 'x'];
    const values: string[] = [];
    const table = new FirstOccurrence(values, 10);
    const reference = new Map<string, number>();
    stream.forEach((v, i) => {
      const row = i + 1;
      values.push(v);
      const first = reference.get(v);
      if (first === undefined) reference.set(v, row);
      expect(table.firstRow(row)).toBe(first ?? 0);
    });
  });

  it('does not take equal neighbours for ordered ones', () => {
    const values = ['a', 'b', 'b'];
    const table = new FirstOccurrence(values);
    expect([1, 2, 3].map((row) => table.firstRow(row))).toEqual([0, 0, 2]);
  });
});
