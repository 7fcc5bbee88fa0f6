import { describe, expect, it } from 'vitest';
import { UploadValidator } from './validator';
import { validateUpload } from './validator';

/** The streaming validator, fed `bytes` in chunks of each size, gives `expected` every time. */
function expectStreamedReport(bytes: Uint8Array, sizes: number[], expected: ReturnType<typeof validateUpload>) {
  for (const size of sizes) {
    const v = new UploadValidator({ totalBytes: bytes.length });
    for (let i = 0; i < bytes.length; i += size) v.push(bytes.subarray(i, i + size));
    expect(v.finish(), `chunks of ${size}`).toEqual(expected);
  }
}

/** Regression found by the fuzz run (fuzz.test.ts): the one-shot and streaming validators placed a bad byte differently. */
describe('where an invalid byte is reported', () => {
  it('a bad byte right after a lone "\\r" in a CRLF file is on that row, not the next (was row 2, column "id")', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const bytes = new Uint8Array([...enc('id,country,bond,weight,q1,q2,q3\r\n1,NL,4,1.2,yes,no,5\r'), 0xf2, ...enc('2,DE,2,0.8,no,,3\r\n')]);
    const report = validateUpload(bytes);
    // The lone "\r" is no line break in a CRLF file: row 1 runs on to the end, and the byte is in its last field.
    expect(report.rowCount).toBe(1);
    expect(report.problems.find((p) => p.code === 'InvalidUtf8')).toMatchObject({ row: 1, column: 'q3' });
    const streamed = new UploadValidator({ totalBytes: bytes.length });
    streamed.push(bytes);
    expect(streamed.finish()).toEqual(report);
  });
});

describe('an invalid sequence cut over several chunks', () => {
  it('a cut three-byte sequence arriving one byte per chunk is still found (was missed: the report was ok)', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const bytes = new Uint8Array([...enc('id,q2'), 0xe2, 0x82, ...enc(',q3\n1,yes,5\n')]);
    const expected = validateUpload(bytes);
    expect(expected.problems.map((p) => p.code)).toEqual(['InvalidUtf8']);
    expectStreamedReport(bytes, [1, 2, 3], expected);
  });
});

describe('a real replacement character before the invalid byte', () => {
  it('the report names the bad byte\'s row and column, not an earlier genuine U+FFFD (was row 1, column "name")', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    // Row 1 holds a genuine U+FFFD (EF BF BD, valid UTF-8); the invalid byte 0xE9 is in row 3, column "city".
    const bytes = new Uint8Array([...enc('id,name,city\n1,A\uFFFDB,Oslo\n2,\uFFFD\uFFFD,Bergen\n3,Cx,Li'), 0xe9, ...enc('ge\n4,D,Bonn\n')]);
    const expected = validateUpload(bytes);
    expect(expected.problems.find((p) => p.code === 'InvalidUtf8')).toMatchObject({ row: 3, column: 'city' });
    expectStreamedReport(bytes, [1, 2, 5, 7, bytes.length], expected);
  });
});

describe('an invalid byte in a header over the limits', () => {
  it('is placed by row alone, in both validators (the streaming one named the whole over-long column)', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const long = 'x'.repeat(1200);
    const bytes = new Uint8Array([...enc(`id,${long}`), 0xe9, ...enc(',q1\n1,2,3\n')]);
    const expected = validateUpload(bytes);
    expect(expected.problems.map((p) => p.code).sort()).toEqual(['HeaderTooLong', 'InvalidUtf8']);
    expect(expected.problems.find((p) => p.code === 'InvalidUtf8')).toMatchObject({ row: 0 });
    expect(expected.problems.find((p) => p.code === 'InvalidUtf8')).not.toHaveProperty('column');
    expectStreamedReport(bytes, [1, 7, bytes.length], expected);
  });
});
