import { inflateSync } from 'node:zlib';
import { InflateOverflow, type Inflate } from './zsav';

/**
 * The server's inflate of a `.zsav`'s zlib blocks: Node's zlib in one call, its output capped
 * (`maxOutputLength`), so a block that inflates to more than the ztrailer declares stops there.
 * Node only (as xlsxStream.ts): the browser's worker uses DecompressionStream (zsav.ts) and never imports it.
 */
export const inflateWithZlib: Inflate = async (block, max) => {
  try {
    return inflateSync(block, { maxOutputLength: Math.max(1, max) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateOverflow();
    throw e;
  }
};
