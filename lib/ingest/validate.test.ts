import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { validateUpload } from './validator';
import type { Delimiter, Encoding, ValidateOptions } from './types';

const dir = path.join(__dirname, 'fixtures');
const bytesOf = (file: string) => new Uint8Array(readFileSync(path.join(dir, file)));
const parsed = parseCodebook(JSON.parse(readFileSync(path.join(dir, 'upload.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error(`fixture codebook is invalid: ${JSON.stringify(parsed.problems)}`);
export const codebook: Codebook = parsed.codebook;

/** [type, code, row, column] of one expected problem, in report order. */
type Expected = [type: 'error' | 'warning', code: string, row?: number, column?: string];

interface Case {
  file: string;
  /** Validate against the fixture codebook (default true). */
  withCodebook?: boolean;
  options?: Omit<ValidateOptions, 'codebook'>;
  encoding?: Encoding;
  delimiter?: Delimiter;
  rowCount: number;
  header?: string[];
  problems: Expected[];
  /** Substrings each listed problem's message must contain, in the same order (optional). */
  messages?: string[];
}

const H = ['id', 'country', 'bond', 'weight', 'q1', 'q2', 'q3'];

const cases: Case[] = [
  { file: 'bom.csv', encoding: 'utf-8-bom', rowCount: 2, header: H, problems: [] },
  { file: 'semicolon.csv', delimiter: ';', rowCount: 3, header: H, problems: [['error', 'BadWeight', 2, 'weight']], messages: ['use a decimal point (1.5)'] },
  { file: 'tab.tsv', delimiter: '\t', rowCount: 2, header: H, problems: [] },
  { file: 'quoted-newlines.csv', rowCount: 3, header: [...H, 'comment'], problems: [] },
  { file: 'ragged.csv', rowCount: 4, problems: [['error', 'RaggedRow', 2], ['error', 'RaggedRow', 4]], messages: ['has 6 fields; the header has 7', 'has 8 fields; the header has 7'] },
  { file: 'duplicate-headers.csv', rowCount: 1, problems: [['error', 'DuplicateHeader', 0, 'q1']], messages: ['positions 5 and 8'] },
  {
    file: 'blank-header.csv',
    withCodebook: false,
    rowCount: 2,
    header: ['id', '', 'q1', ''],
    problems: [['error', 'BlankHeader', 0], ['warning', 'EmptyUnnamedColumn', 0]],
    messages: ['column 2 has values', 'column 4 has no name and no values'],
  },
  { file: 'non-utf8.csv', rowCount: 3, problems: [['error', 'InvalidUtf8', 2, 'comment']], messages: ['byte 79 (0xE9) is not valid UTF-8 (2 invalid sequences in all)'] },
  { file: 'empty.csv', rowCount: 0, header: [], problems: [['error', 'EmptyFile']] },
  { file: 'header-only.csv', rowCount: 0, header: H, problems: [['error', 'HeaderOnly', 0]] },
  { file: 'single-row.csv', rowCount: 1, header: H, problems: [] },
  {
    file: 'huge-numbers.csv',
    rowCount: 5,
    problems: [['warning', 'HugeWeight', 1, 'weight'], ['warning', 'HugeWeight', 2, 'weight'], ['error', 'BadWeight', 3, 'weight'], ['error', 'BadWeight', 4, 'weight']],
    messages: ['"1e308" is implausibly large', '"99999999999999999999" is implausibly large', '"1e400" is too large for a number', '"Infinity" is too large'],
  },
  {
    file: 'personal-data.csv',
    rowCount: 3,
    options: { keepPersonalColumns: ['postcode'] },
    problems: [
      ['warning', 'PersonalDataColumn', undefined, 'email'],
      ['warning', 'PersonalDataColumn', undefined, 'Telefoon'],
      ['warning', 'PersonalDataColumn', undefined, 'First name'],
      ['warning', 'PersonalDataColumn', undefined, 'adres'],
      ['warning', 'PersonalDataKept', undefined, 'postcode'],
      ['warning', 'PersonalDataColumn', undefined, 'ip'],
      ['warning', 'PersonalDataColumn', undefined, 'contact'],
    ],
  },
  {
    file: 'zero-weights.csv',
    rowCount: 6,
    problems: [['error', 'ZeroWeight', 1, 'weight'], ['error', 'ZeroWeight', 2, 'weight'], ['error', 'NegativeWeight', 3, 'weight'], ['error', 'BadWeight', 4, 'weight'], ['error', 'BadWeight', 5, 'weight']],
    messages: ['the weight is 0', 'the weight is 0', 'negative', 'blank', '"abc" is not a number'],
  },
  {
    file: 'duplicate-ids.csv',
    rowCount: 5,
    problems: [['error', 'DuplicateId', 3, 'id'], ['error', 'MissingId', 4, 'id'], ['error', 'DuplicateId', 5, 'id']],
    messages: ['"1" also appears in data row 1', 'blank', '"2" also appears in data row 2'],
  },
  {
    file: 'out-of-scale.csv',
    rowCount: 4,
    problems: [['error', 'UnknownCode', 1, 'country'], ['error', 'OutOfScale', 2, 'bond'], ['error', 'UnknownCode', 3, 'q3'], ['warning', 'AnsweredNotAsked', 4, 'q2']],
    messages: ['"FR"', '"7" is outside the scale 1-5', '"6"', 'asked only if "q1" is "yes"'],
  },
  { file: 'missing-columns.csv', rowCount: 1, problems: [['error', 'MissingColumn', undefined, 'weight'], ['error', 'MissingColumn', undefined, 'q3']] },
  {
    file: 'unclosed-quote.csv',
    rowCount: 2,
    problems: [['error', 'UnclosedQuote', 2], ['error', 'RaggedRow', 2], ['error', 'UnknownCode', 2, 'q1']],
  },
];

describe('validateUpload over the fixture corpus', () => {
  it.each(cases)('$file', (c) => {
    const report = validateUpload(bytesOf(c.file), { ...(c.withCodebook === false ? {} : { codebook }), ...c.options });
    expect(report.encoding).toBe(c.encoding ?? 'utf-8');
    expect(report.delimiter).toBe(c.delimiter ?? ',');
    expect(report.rowCount).toBe(c.rowCount);
    if (c.header) expect(report.header).toEqual(c.header);
    expect(report.problems.map((p) => [p.type, p.code, p.row, p.column])).toEqual(c.problems.map(([type, code, row, column]) => [type, code, row, column]));
    const counts: Record<string, number> = {};
    for (const [, code] of c.problems) counts[code] = (counts[code] ?? 0) + 1;
    expect(report.counts).toEqual(counts);
    expect(report.ok).toBe(!c.problems.some(([type]) => type === 'error'));
    if (c.messages) {
      expect(c.messages).toHaveLength(report.problems.length);
      report.problems.forEach((p, i) => expect(p.message).toContain(c.messages![i]));
    }
  });

  it('names the personal columns with their kind, keep flag and evidence', () => {
    const report = validateUpload(bytesOf('personal-data.csv'), { codebook, keepPersonalColumns: ['postcode'] });
    expect(report.personalColumns.map((p) => [p.column, p.kind, p.keep])).toEqual([
      ['email', 'email', false],
      ['Telefoon', 'phone', false],
      ['First name', 'name', false],
      ['adres', 'street-address', false],
      ['postcode', 'postcode', true],
      ['ip', 'ip-address', false],
      ['contact', 'email', false],
    ]);
    expect(report.personalColumns.find((p) => p.column === 'contact')!.evidence).toBe('2 of 3 sampled values look like e-mail addresses');
    expect(report.personalColumns.find((p) => p.column === 'First name')!.evidence).toContain('header "First name"');
  });

  it('checks the same file without a codebook: file-level checks only', () => {
    const report = validateUpload(bytesOf('zero-weights.csv'));
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(validateUpload(bytesOf('ragged.csv')).counts).toEqual({ RaggedRow: 2 });
  });
});
