import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { incompleteTailStart, UploadValidator, validateBlob } from './validator';
import { validateUpload } from './validator';
import type { ValidateOptions } from './types';

/**
 * The streaming validator must give exactly the report of validateUpload for the same bytes,
 * however the bytes are cut into chunks: a chunk boundary inside a multi-byte character, a quoted
 * newline or a CRLF must change nothing.
 */
const dir = path.join(__dirname, 'fixtures');
const parsed = parseCodebook(JSON.parse(readFileSync(path.join(dir, 'upload.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error('fixture codebook is invalid');
const codebook: Codebook = parsed.codebook;
const fixtures = readdirSync(dir).filter((f) => /\.(csv|tsv)$/.test(f));

function streamed(bytes: Uint8Array, chunk: number, options: ValidateOptions) {
  const v = new UploadValidator({ ...options, totalBytes: bytes.length });
  for (let i = 0; i < bytes.length && !v.stopped; i += chunk) v.push(bytes.subarray(i, i + chunk));
  return v.finish();
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('UploadValidator gives validateUpload’s report', () => {
  for (const file of fixtures)
    for (const withCodebook of [true, false])
      it(`${file} ${withCodebook ? 'with' : 'without'} the codebook, in chunks of 1, 5, 64 and all bytes`, () => {
        const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
        const options: ValidateOptions = withCodebook ? { codebook } : {};
        const expected = validateUpload(bytes, options);
        for (const chunk of [1, 5, 64, bytes.length || 1]) expect(streamed(bytes, chunk, options)).toEqual(expected);
      });

  const cases: [string, Uint8Array, ValidateOptions][] = [
    ['multi-byte characters and CRLF', enc('id,naam_merk,q1\r\n1,Café Ünïcode 😀,yes\r\n2,"a\r\nb",no\r\n'), {}],
    ['a Latin-1 byte deep in a later row', new Uint8Array([...enc('id,country,q1\n1,NL,yes\n2,NL,yes\n3,'), 0xe9, ...enc('x,no\n4,DE,no\n')]), {}],
    ['two bad bytes and a truncated sequence at the end', new Uint8Array([...enc('a,b\n1,'), 0xff, ...enc('\n2,'), 0xfe, ...enc('\n3,x'), 0xe2, 0x82]), {}],
    ['a UTF-16 file', new Uint8Array([0xff, 0xfe, ...enc('a\0,\0b\0\n\0')]), {}],
    ['only blank space', enc(' \n\n  \r\n'), {}],
    ['an empty file', new Uint8Array(0), {}],
    ['too many rows', enc(`id,q1\n${Array.from({ length: 30 }, (_, i) => `${i},yes`).join('\n')}\n`), { maxRows: 10 }],
    ['too many bytes', enc('id,q1\n1,yes\n2,no\n'), { maxBytes: 8 }],
    ['kept personal columns', enc('id,email,q1\n1,a@b.nl,yes\n2,c@d.nl,no\n'), { keepPersonalColumns: ['email', 'phone'] }],
  ];
  for (const [name, bytes, options] of cases)
    it(name, () => {
      const expected = validateUpload(bytes, options);
      for (const chunk of [1, 2, 3, 7, Math.max(1, bytes.length)]) expect(streamed(bytes, chunk, options)).toEqual(expected);
    });

  it('a large file with a delimiter sample longer than one chunk, read from a Blob with progress', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i + 1};${i % 2 ? 'NL' : 'DE'};${(i % 5) + 1};1.5;${i % 3 ? 'yes' : 'no'};;${(i % 5) + 1}`);
    rows[4321] = '4322;NL;9;1.5;yes;;3'; // bond outside 1-5
    const bytes = enc(`id;country;bond;weight;q1;q2;q3\n${rows.join('\n')}\n`);
    const expected = validateUpload(bytes, { codebook });
    expect(expected.problems).toEqual([expect.objectContaining({ code: 'OutOfScale', row: 4322, column: 'bond' })]);
    const seen: number[] = [];
    const report = await validateBlob(new Blob([bytes]), { codebook }, { chunkSize: 4096, onProgress: (p) => seen.push(p.bytes) });
    expect(report).toEqual(expected);
    expect(seen.length).toBe(Math.ceil(bytes.length / 4096));
    expect(seen.at(-1)).toBe(bytes.length);
  });
});

describe('incompleteTailStart', () => {
  it('finds a multi-byte character cut at the end', () => {
    const euro = [0xe2, 0x82, 0xac];
    expect(incompleteTailStart(new Uint8Array([0x41, ...euro]))).toBe(4);
    expect(incompleteTailStart(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
    expect(incompleteTailStart(new Uint8Array([0x41, 0xe2]))).toBe(1);
    expect(incompleteTailStart(new Uint8Array([0x41, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(incompleteTailStart(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]))).toBe(4);
    expect(incompleteTailStart(new Uint8Array([]))).toBe(0);
  });
});

describe('a file that opens with two byte-order marks', () => {
  it('is read as validateUpload reads it: the second mark is dropped like papaparse drops it (found by npm run fuzz, seed 196805475)', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = new Uint8Array([...bom, ...bom, ...enc('"id",q1\n1,yes\n')]);
    const expected = validateUpload(bytes);
    expect(expected.header).toEqual(['id', 'q1']);
    for (const chunk of [1, 2, 7, bytes.length]) expect(streamed(bytes, chunk, {}), `chunks of ${chunk}`).toEqual(expected);
  });
});
