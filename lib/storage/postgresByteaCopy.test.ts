import { describe, expect, it } from 'vitest';
import { ByteaCopyReader } from './postgresByteaCopy';

/**
 * The parser of a binary COPY of one bytea column (the PostgreSQL store reads stored columns so).
 * The streams are built here as the format documents them; the store's contract suite reads real
 * ones from PostgreSQL.
 */

const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const header = (extension = Buffer.alloc(0)) => Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int32(0), int32(extension.length), extension]);
const row = (value: Buffer | null) => Buffer.concat([int16(1), value === null ? int32(-1) : Buffer.concat([int32(value.length), value])]);
const TRAILER = int16(-1);

/** Feeds `stream` in pieces of `size` bytes (the last shorter). */
function read(stream: Buffer, size = stream.length): Buffer | null {
  const reader = new ByteaCopyReader();
  for (let at = 0; at < stream.length; at += size) reader.write(stream.subarray(at, at + size));
  return reader.end();
}

describe('ByteaCopyReader', () => {
  const value = Buffer.from(Array.from({ length: 120 }, (_, i) => (i * 37 + 11) % 256));
  const stream = Buffer.concat([header(Buffer.from('ext')), row(value), TRAILER]);

  it('gives the value byte for byte however the stream is cut (every piece size from 1 byte)', () => {
    for (let size = 1; size <= stream.length; size++) expect(read(stream, size)).toEqual(value);
  });

  it('gives null for no row and for a NULL, and an empty buffer for an empty value', () => {
    expect(read(Buffer.concat([header(), TRAILER]))).toBeNull();
    expect(read(Buffer.concat([header(), row(null), TRAILER]), 3)).toBeNull();
    expect(read(Buffer.concat([header(), row(Buffer.alloc(0)), TRAILER]), 1)).toEqual(Buffer.alloc(0));
  });

  it('refuses a stream that is cut short, is not binary COPY, has two rows or two fields, or goes on after its trailer', () => {
    expect(() => read(stream.subarray(0, stream.length - 1))).toThrow(/ended before its trailer/);
    expect(() => read(stream.subarray(0, stream.length - 40))).toThrow(/ended before its trailer/);
    expect(() => read(Buffer.from('id\tdata\n'))).toThrow();
    expect(() => read(Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\x01', 'latin1'), int32(0), int32(0), TRAILER]))).toThrow(/signature/);
    expect(() => read(Buffer.concat([header(), row(value), row(value), TRAILER]))).toThrow(/more than one row/);
    expect(() => read(Buffer.concat([header(), int16(2), int32(1), Buffer.from('a'), int32(1), Buffer.from('b'), TRAILER]))).toThrow(/2 fields/);
    expect(() => read(Buffer.concat([stream, Buffer.from('x')]))).toThrow(/after the trailer/);
  });
});
