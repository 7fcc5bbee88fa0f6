import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/**
 * One bytea value read through `COPY (...) TO STDOUT (FORMAT binary)`: its bytes as PostgreSQL
 * holds them, streamed into one buffer of the value's own length.
 *
 * Why not a SELECT: pg returns bytea as hex text in one protocol message, so a 20 MB value
 * (a 2,000,000-row dataset's stored columns) arrived as a 40 MB message gathered in a buffer that
 * grows by doubling (64 MB), then a 40 MB string, then the 20 MB of bytes decoded from it: the
 * slowest part of opening a stored dataset on PostgreSQL, and a transient several times the value.
 * pg's binary results do not help (pg 8 decodes every field as UTF-8 text first, mangling bytes).
 * A binary COPY sends the raw bytes in pieces as they are read, each copied once into place.
 *
 * The binary COPY format (PostgreSQL's "COPY ... Binary Format"): an 11-byte signature, a 32-bit
 * flags field, a 32-bit header-extension length and that many bytes; then per row a 16-bit field
 * count and per field a 32-bit length (-1: NULL) and its bytes; then a 16-bit -1. Integers are
 * big-endian.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const EMPTY = Buffer.alloc(0);

type State = 'header' | 'extension' | 'fieldCount' | 'length' | 'value' | 'done';

/** Parses the binary COPY of a query giving one bytea column and at most one row. */
export class ByteaCopyReader {
  private state: State = 'header';
  /** Bytes of a fixed-size part (header, count, length) not yet whole: parts may be cut between two messages. */
  private head: Buffer = EMPTY;
  private extensionLength = 0;
  private rows = 0;
  private value: Buffer | null = null;
  private filled = 0;

  write(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === 'value') {
        const value = this.value!;
        const n = Math.min(value.length - this.filled, chunk.length - at);
        chunk.copy(value, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === value.length) this.state = 'fieldCount';
        continue;
      }
      if (this.state === 'done') throw new Error('binary COPY: data after the trailer');
      const want = this.partLength();
      const n = Math.min(want - this.head.length, chunk.length - at);
      this.head = this.head.length === 0 && n === want ? chunk.subarray(at, at + n) : Buffer.concat([this.head, chunk.subarray(at, at + n)]);
      at += n;
      if (this.head.length < want) return;
      const part = this.head;
      this.head = EMPTY;
      this.read(part);
    }
  }

  /** The value; null when the query gave no row or a NULL. Throws on a truncated stream. */
  end(): Buffer | null {
    if (this.state !== 'done') throw new Error('binary COPY: the stream ended before its trailer');
    return this.value;
  }

  private partLength(): number {
    switch (this.state) {
      case 'header':
        return SIGNATURE.length + 8;
      case 'extension':
        return this.extensionLength;
      case 'fieldCount':
        return 2;
      default:
        return 4;
    }
  }

  private read(part: Buffer): void {
    switch (this.state) {
      case 'header':
        if (!part.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('binary COPY: no PGCOPY signature');
        this.extensionLength = part.readUInt32BE(SIGNATURE.length + 4);
        this.state = this.extensionLength > 0 ? 'extension' : 'fieldCount';
        return;
      case 'extension':
        this.state = 'fieldCount';
        return;
      case 'fieldCount': {
        const fields = part.readInt16BE(0);
        if (fields === -1) this.state = 'done';
        else if (fields !== 1) throw new Error(`binary COPY: ${fields} fields in a row, 1 expected`);
        else if (++this.rows > 1) throw new Error('binary COPY: more than one row');
        else this.state = 'length';
        return;
      }
      case 'length': {
        const length = part.readInt32BE(0);
        if (length === -1) this.state = 'fieldCount';
        else {
          this.value = Buffer.allocUnsafe(length);
          this.filled = 0;
          this.state = length === 0 ? 'fieldCount' : 'value';
        }
        return;
      }
      default:
        throw new Error(`binary COPY: unexpected state ${this.state}`);
    }
  }
}

/**
 * The bytea of the one row and column `select` gives (null for no row or NULL), via binary COPY,
 * on the caller's connection (and inside its transaction, if any). `select` is SQL text: COPY
 * takes no parameters, so anything in it must be checked by the caller.
 */
export async function readByteaByCopy(client: pg.PoolClient, select: string): Promise<Buffer | null> {
  const reader = new ByteaCopyReader();
  const stream = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`));
  for await (const chunk of stream as AsyncIterable<Buffer>) reader.write(chunk);
  return reader.end();
}
