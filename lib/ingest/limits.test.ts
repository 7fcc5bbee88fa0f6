import { describe, expect, it } from 'vitest';
import { problemMessage } from './problemMessages';
import { UploadValidator } from './validator';
import { DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_HEADER_CHARS, DEFAULT_MAX_ROWS, type ValidateOptions, type ValidationReport } from './types';
import { validateUpload } from './validator';

/**
 * Every upload limit at its boundary, in the server's validator and the browser's (streamed in
 * chunks): exactly at the limit passes, one over fails with a problem naming the limit.
 */
const enc = (s: string) => new TextEncoder().encode(s);

function both(text: string, options: ValidateOptions = {}): ValidationReport {
  const bytes = enc(text);
  const server = validateUpload(bytes, options);
  const v = new UploadValidator({ ...options, totalBytes: bytes.length });
  for (let i = 0; i < bytes.length && !v.stopped; i += 65_536) v.push(bytes.subarray(i, i + 65_536));
  expect(v.finish()).toEqual(server);
  return server;
}

const codes = (r: ValidationReport) => r.problems.map((p) => p.code);
const columns = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

describe('upload limits', () => {
  it('the limits are 200 MB, 2,000,000 rows, 1,000 columns, 1 MB per field, 1,000 characters per column name', () => {
    expect([DEFAULT_MAX_ROWS, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_HEADER_CHARS]).toEqual([2_000_000, 1000, 1_048_576, 1000]);
  });

  it('columns: 1,000 pass, 1,001 stop reading with TooManyColumns', () => {
    const at = both(`${columns(1000).join(',')}\n${columns(1000).map(() => '1').join(',')}\n`);
    expect(at.ok).toBe(true);
    expect(at.header).toHaveLength(1000);
    const over = both(`${columns(1001).join(',')}\n${columns(1001).map(() => '1').join(',')}\n`);
    expect(over.ok).toBe(false);
    expect(codes(over)).toEqual(['TooManyColumns']);
    expect(over.problems[0]).toMatchObject({ row: 0, limit: { max: 1000, unit: 'columns', found: 1001 }, message: 'the file has 1,001 columns; the limit is 1,000' });
    expect(over.header).toEqual([]);
  });

  it('a column name: 1,000 characters pass, 1,001 fail with HeaderTooLong (the name shortened in the problem)', () => {
    expect(both(`id,${'h'.repeat(1000)}\n1,2\n`).ok).toBe(true);
    const over = both(`id,${'h'.repeat(1001)}\n1,2\n`);
    expect(codes(over)).toEqual(['HeaderTooLong']);
    expect(over.problems[0].column).toBe(`${'h'.repeat(79)}…`);
    expect(over.problems[0].limit).toEqual({ max: 1000, unit: 'characters', found: 1001 });
  });

  it('a field: 1 MB (1,048,576 characters) passes, one more fails with FieldTooLong naming row and column', () => {
    expect(both(`id,text\n1,${'a'.repeat(DEFAULT_MAX_FIELD_CHARS)}\n`).ok).toBe(true);
    const over = both(`id,text\n1,ok\n2,"${'a'.repeat(DEFAULT_MAX_FIELD_CHARS + 1)}"\n`);
    expect(codes(over)).toEqual(['FieldTooLong']);
    expect(over.problems[0]).toMatchObject({ row: 2, column: 'text', limit: { max: DEFAULT_MAX_FIELD_CHARS, found: DEFAULT_MAX_FIELD_CHARS + 1 } });
  });

  it('rows: exactly 2,000,000 pass, 2,000,001 fail with TooManyRows', () => {
    const rows = (n: number) => `q,r\n${'1,2\n'.repeat(n)}`;
    const at = validateUpload(enc(rows(DEFAULT_MAX_ROWS)));
    expect([at.ok, at.rowCount]).toEqual([true, DEFAULT_MAX_ROWS]);
    const over = validateUpload(enc(rows(DEFAULT_MAX_ROWS + 1)));
    expect(codes(over)).toEqual(['TooManyRows']);
    expect(over.problems[0].limit).toEqual({ max: DEFAULT_MAX_ROWS, unit: 'rows' });
    // The browser's validator stops at the same row (a smaller limit keeps this quick).
    expect(both(rows(10), { maxRows: 10 }).ok).toBe(true);
    expect(codes(both(rows(11), { maxRows: 10 }))).toEqual(['TooManyRows']);
  });

  it('bytes: exactly the limit passes, one byte more fails with FileTooLarge; 200 MB + 1 byte is refused unread', () => {
    const text = 'q\n1\n2\n';
    expect(both(text, { maxBytes: text.length }).ok).toBe(true);
    const over = both(text, { maxBytes: text.length - 1 });
    expect(codes(over)).toEqual(['FileTooLarge']);
    expect(over.problems[0].limit).toEqual({ max: text.length - 1, unit: 'bytes', found: text.length });
    const huge = validateUpload(new Uint8Array(200 * 1024 * 1024 + 1));
    expect(huge.problems[0]).toMatchObject({ code: 'FileTooLarge', limit: { max: 200 * 1024 * 1024, found: 200 * 1024 * 1024 + 1 } });
  });

  it('limit problems read in English and Dutch', () => {
    const over = both(`${columns(1001).join(',')}\n`);
    expect(problemMessage(over.problems[0], 'en')).toBe('The file has 1,001 columns; the limit is 1,000.');
    expect(problemMessage(over.problems[0], 'nl')).toBe('Het bestand heeft 1.001 kolommen; de limiet is 1.000.');
    const big = validateUpload(new Uint8Array(200 * 1024 * 1024 + 1));
    expect(problemMessage(big.problems[0], 'nl')).toBe('Het bestand is 200,0 MB; de limiet is 200 MB.');
    // A problem the catalog cannot word (no values for its wording) keeps its own message, as a sentence.
    expect(problemMessage({ type: 'error', code: 'RaggedRow', message: 'has 2 fields' }, 'nl')).toBe('Has 2 fields.');
  });
});
