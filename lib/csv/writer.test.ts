import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvFileName, csvOptionsFor, neutraliseFormula, toCsv } from './writer';

describe('CSV of a data table', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+31 6', '-2+3', '@cmd', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('Women · 18-34')).toBe('Women · 18-34');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes fields with the separator, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a,b', { separator: ';' })).toBe('a,b');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
  });

  it('writes numbers as numbers, negative ones too, with the locale decimal separator', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(57.84313, { digits: 2 })).toBe('57.84');
    expect(csvCell(0.000012)).toBe('1.20E-5');
    expect(csvCell(6.553645e-153, csvOptionsFor('nl'))).toBe('6,55E-153');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(1e-7, { digits: 9 })).toBe('0.0000001');
    expect(csvCell(-12.5, csvOptionsFor('nl'))).toBe('-12,5');
    expect(csvCell(1234.5, { separator: ',', decimal: ',' })).toBe('"1234,5"');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['Segment', 'Share (%)'], [['Vrouwen · 18-34', 57.8], ['-ish', -1]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}Segment,Share (%)\r\nVrouwen · 18-34,57.8\r\n'-ish,-1\r\n`);
    expect(toCsv(['a', 'b'], [[1.5, 'x;y']], csvOptionsFor('nl'))).toBe(`${BOM}a;b\r\n1,5;"x;y"\r\n`);
  });

  it('makes safe file names', () => {
    expect(csvFileName('study-g', 'country-NL+DE', 'Données €')).toBe('study-g-country-nl-de-donnees.csv');
    expect(csvFileName('', '')).toBe('table.csv');
  });
});
