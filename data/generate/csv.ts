/**
 * A fast ASCII CSV builder: writes bytes into a fixed buffer and hands out the text in chunks
 * (string concatenation of millions of short pieces is far slower). LF line ends; values must be
 * plain ASCII without commas or quotes, which holds for every code the generator writes.
 */
const decoder = new TextDecoder();

export class CsvChunker {
  private buf: Uint8Array;
  private pos = 0;

  constructor(private readonly chunkBytes = 1 << 22) {
    this.buf = new Uint8Array(chunkBytes + 4096);
  }

  /** Appends an ASCII string. */
  text(s: string): void {
    if (this.pos + s.length + 2 > this.buf.length) this.grow(s.length);
    const b = this.buf;
    let p = this.pos;
    for (let k = 0; k < s.length; k++) b[p++] = s.charCodeAt(k);
    this.pos = p;
  }

  /** Appends a comma and then an ASCII string (possibly empty: a blank cell). */
  cell(s: string): void {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = 44;
    if (s.length) this.text(s);
  }

  /** Ends a row; returns a chunk of text when the buffer is full, else undefined. */
  endRow(): string | undefined {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = 10;
    if (this.pos >= this.chunkBytes) return this.flush();
    return undefined;
  }

  private grow(extra: number): void {
    const next = new Uint8Array(2 * this.buf.length + extra);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** The text written since the last chunk. */
  flush(): string {
    const s = decoder.decode(this.buf.subarray(0, this.pos));
    this.pos = 0;
    return s;
  }
}
