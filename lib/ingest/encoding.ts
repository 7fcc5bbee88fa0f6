import type { Encoding } from './types';

/**
 * Turns the uploaded bytes into text. Survey exports arrive as UTF-8, with or without a byte-order
 * mark (Excel writes one), and sometimes as Latin-1 or Windows-1252 from older tools: those bytes
 * are not UTF-8, and silently decoding them would store "Ã©" or "\uFFFD" in place of "é". So
 * invalid UTF-8 is an error that names where the first bad byte is; the text is still decoded
 * (with replacement characters) so that every other check can run in the same report.
 */

export interface InvalidUtf8 {
  /** Byte offset (0-based, counted from the start of the file including any byte-order mark) of the first bad byte. */
  offset: number;
  /** How many invalid sequences the file has. */
  count: number;
  /** The file starts with a UTF-16 byte-order mark: saved as "Unicode" rather than UTF-8. */
  utf16: boolean;
}

export interface DecodedUpload {
  text: string;
  encoding: Encoding;
  invalid?: InvalidUtf8;
}

const hasUtf8Bom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const hasUtf16Bom = (b: Uint8Array) => b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/**
 * Decodes with the platform's strict decoder (fast, native) and only on failure scans the bytes
 * to locate the first bad one, since TextDecoder does not say where it failed.
 */
export function decodeUpload(bytes: Uint8Array): DecodedUpload {
  const bom = hasUtf8Bom(bytes);
  const encoding: Encoding = bom ? 'utf-8-bom' : 'utf-8';
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    const { first, count } = scanUtf8(body);
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
    return { text, encoding, invalid: { offset: first + (bom ? 3 : 0), count, utf16: hasUtf16Bom(bytes) } };
  }
}

/**
 * Finds invalid UTF-8 sequences (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF). Returns the offset of the first one (-1 if none) and how many there are.
 */
export function scanUtf8(b: Uint8Array): { first: number; count: number } {
  let first = -1;
  let count = 0;
  let i = 0;
  const bad = (at: number) => {
    if (first < 0) first = at;
    count++;
  };
  const cont = (k: number) => k < b.length && (b[k] & 0xc0) === 0x80;
  while (i < b.length) {
    const x = b[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead byte, and the allowed range of the second byte (RFC 3629, table 3-7).
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (x >= 0xc2 && x <= 0xdf) need = 1;
    else if (x >= 0xe0 && x <= 0xef) need = 2;
    else if (x >= 0xf0 && x <= 0xf4) need = 3;
    if (x === 0xe0) lo = 0xa0;
    else if (x === 0xed) hi = 0x9f;
    else if (x === 0xf0) lo = 0x90;
    else if (x === 0xf4) hi = 0x8f;
    if (need === 0) {
      bad(i++);
      continue;
    }
    // The second byte has a narrower range for some lead bytes; the rest are plain continuations.
    const second = b[i + 1];
    if (i + 1 >= b.length || second < lo || second > hi) {
      bad(i++);
      continue;
    }
    let ok = true;
    for (let k = 2; k <= need; k++) if (!cont(i + k)) ok = false;
    if (!ok) {
      bad(i++);
      continue;
    }
    i += need + 1;
  }
  return { first, count };
}
