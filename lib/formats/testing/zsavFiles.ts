import { deflateSync } from 'node:zlib';

/**
 * `.zsav` files built in tests from a PSPP fixture's dictionary and inflated case data: cut into
 * blocks of any size, and damaged on purpose (a ztrailer that lies, a block that is no zlib data).
 */
export interface Tamper {
  /** Declared inflated size of block k (default: its real size). */
  declared?: (k: number, real: number) => number;
  /** The bytes of block k as stored (default: the deflated block). */
  stored?: (k: number, deflated: Uint8Array) => Uint8Array;
  blockSize?: number;
}

/** A .zsav of `prefix` (the dictionary) and `data` cut into blocks of `blockSize`, laid out as PSPP lays one out. */
export function makeZsav(prefix: Uint8Array, data: Uint8Array, blockSize: number, tamper: Tamper = {}): Uint8Array {
  const blocks: { raw: number; stored: Uint8Array; declared: number }[] = [];
  for (let k = 0, at = 0; at < data.length; k++, at += blockSize) {
    const raw = data.subarray(at, at + blockSize);
    const deflated = new Uint8Array(deflateSync(raw));
    blocks.push({ raw: raw.length, stored: tamper.stored?.(k, deflated) ?? deflated, declared: tamper.declared?.(k, raw.length) ?? raw.length });
  }
  const zheaderAt = prefix.length;
  const ztrailerAt = zheaderAt + 24 + blocks.reduce((n, b) => n + b.stored.length, 0);
  const ztrailerLength = 24 + 24 * blocks.length;
  const out = new Uint8Array(ztrailerAt + ztrailerLength);
  const view = new DataView(out.buffer);
  out.set(prefix);
  view.setBigInt64(zheaderAt, BigInt(zheaderAt), true);
  view.setBigInt64(zheaderAt + 8, BigInt(ztrailerAt), true);
  view.setBigInt64(zheaderAt + 16, BigInt(ztrailerLength), true);
  let compressedAt = zheaderAt + 24;
  let uncompressedAt = zheaderAt;
  view.setBigInt64(ztrailerAt, -100n, true);
  view.setInt32(ztrailerAt + 16, tamper.blockSize ?? blockSize, true);
  view.setInt32(ztrailerAt + 20, blocks.length, true);
  blocks.forEach((b, k) => {
    out.set(b.stored, compressedAt);
    const e = ztrailerAt + 24 + 24 * k;
    view.setBigInt64(e, BigInt(uncompressedAt), true);
    view.setBigInt64(e + 8, BigInt(compressedAt), true);
    view.setInt32(e + 16, b.declared, true);
    view.setInt32(e + 20, b.stored.length, true);
    compressedAt += b.stored.length;
    uncompressedAt += b.declared;
  });
  return out;
}

