import { SavError } from './sav';

/**
 * The case data of a ZLIB-compressed SPSS file (`.zsav`, "$FL3", compression code 2), inflated.
 *
 * After the dictionary such a file holds a zheader (where it and the ztrailer are), the case data
 * in zlib blocks (each the bytecode-compressed cases of a plain `.sav`, cut every `block_size`
 * bytes), and the ztrailer: the bias, the block size and, per block, where it starts and how long
 * it is compressed and inflated ("System File Format", GNU PSPP's developers' guide). Inflated,
 * the blocks are the bytes a "compressed" `.sav` holds after its dictionary, and sav.ts reads them
 * as such.
 *
 * Hostile files: every offset and size of the zheader and ztrailer is checked against the file and
 * against each other before anything is inflated; the output is allocated once, from the sizes the
 * ztrailer declares, capped at what a plain `.sav` upload may be (`maxBytes`); and each block is
 * inflated to at most its declared size, so a block that inflates to more (a decompression bomb,
 * or a ztrailer that lies) or to less is refused without inflating the rest of it.
 */

/** Inflates one zlib stream (RFC 1950) to at most `max` bytes; throws InflateOverflow past that, any other error when the stream is broken. */
export type Inflate = (block: Uint8Array, max: number) => Promise<Uint8Array>;

export class InflateOverflow extends Error {}

/** The browser worker's inflate (and the default anywhere): the platform's DecompressionStream, read chunk by chunk and stopped past `max`. */
export const inflateWithStreams: Inflate = async (block, max) => {
  const reader = new Blob([block as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new InflateOverflow();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** One block as the ztrailer lists it. */
interface Block {
  uncompressedAt: number;
  compressedAt: number;
  uncompressedSize: number;
  compressedSize: number;
}

const broken = (detail: string) => new SavError('SavZlib', `the compressed data of the .zsav file are damaged: ${detail}`, { detail });
const truncated = () => new SavError('SavTruncated', 'the file ends inside its compressed data', { what: 'data' });

/** A little- or big-endian int64 that must be a safe integer (an offset or a size). */
function int64(view: DataView, at: number, little: boolean): number {
  const v = view.getBigInt64(at, little);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw broken('an offset is out of range');
  return Number(v);
}

/**
 * The inflated case data of a `.zsav` whose zheader starts at `at` (where sav.ts found the
 * dictionary's end). `maxBytes`: what the blocks may inflate to in all.
 */
export async function inflateZsav(bytes: Uint8Array, at: number, little: boolean, inflate: Inflate, maxBytes: number): Promise<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 24 > bytes.length) throw truncated();
  const zheaderAt = int64(view, at, little);
  const ztrailerAt = int64(view, at + 8, little);
  const ztrailerLength = int64(view, at + 16, little);
  if (zheaderAt !== at) throw broken('the zlib header is not where it says it is');
  if (ztrailerAt < at + 24 || ztrailerLength < 24) throw broken('the zlib trailer is not after the zlib header');
  // The trailer is the file's last part: a file cut off anywhere after its dictionary loses (part of) it.
  if (ztrailerAt + ztrailerLength > bytes.length) throw truncated();
  const blockSize = view.getInt32(ztrailerAt + 16, little);
  const count = view.getInt32(ztrailerAt + 20, little);
  if (count < 0 || ztrailerLength !== 24 + 24 * count) throw broken('the zlib trailer’s length does not match its number of blocks');
  if (blockSize <= 0) throw broken('the zlib block size is not positive');

  // Every block checked against the one before it and the file, before anything is inflated.
  const blocks: Block[] = [];
  let uncompressedAt = at;
  let compressedAt = at + 24;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const e = ztrailerAt + 24 + 24 * k;
    const block: Block = { uncompressedAt: int64(view, e, little), compressedAt: int64(view, e + 8, little), uncompressedSize: view.getInt32(e + 16, little), compressedSize: view.getInt32(e + 20, little) };
    if (block.uncompressedAt !== uncompressedAt || block.compressedAt !== compressedAt) throw broken(`block ${k + 1} is not where the blocks before it end`);
    if (block.compressedSize <= 0 || block.uncompressedSize <= 0 || block.uncompressedSize > blockSize) throw broken(`block ${k + 1} declares an impossible size`);
    if (k < count - 1 && block.uncompressedSize !== blockSize) throw broken(`block ${k + 1} is shorter than the block size, but not the last`);
    if (block.compressedAt + block.compressedSize > ztrailerAt) throw broken(`block ${k + 1} runs into the zlib trailer`);
    total += block.uncompressedSize;
    if (total > maxBytes) throw new SavError('SavZlibTooLarge', `the .zsav file's data inflate to more than ${maxBytes} bytes`, { limit: maxBytes });
    uncompressedAt += block.uncompressedSize;
    compressedAt += block.compressedSize;
    blocks.push(block);
  }
  if (compressedAt !== ztrailerAt) throw broken('the blocks do not end where the zlib trailer starts');

  const out = new Uint8Array(total);
  let written = 0;
  for (const [k, block] of blocks.entries()) {
    let inflated: Uint8Array;
    try {
      inflated = await inflate(bytes.subarray(block.compressedAt, block.compressedAt + block.compressedSize), block.uncompressedSize);
    } catch (e) {
      if (e instanceof InflateOverflow) throw broken(`block ${k + 1} inflates to more than the ${block.uncompressedSize} bytes the zlib trailer declares`);
      throw broken(`block ${k + 1} cannot be inflated (${e instanceof Error ? e.message : String(e)})`.slice(0, 200));
    }
    if (inflated.length !== block.uncompressedSize) throw broken(`block ${k + 1} inflates to ${inflated.length} bytes, not the ${block.uncompressedSize} the zlib trailer declares`);
    out.set(inflated, written);
    written += inflated.length;
  }
  return out;
}
