import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * How a chunk of rows is stored in one BLOB: fields joined by U+001F (unit separator), rows by
 * U+001E (record separator), UTF-8, then deflate (level 1). Survey exports are mostly short codes,
 * so this is close to the CSV's size before compression and several times smaller after it.
 *
 * Escapes keep every field exact: "\" -> "\\", U+001F -> "\f", U+001E -> "\e", and an unpaired
 * surrogate (which UTF-8 cannot hold) -> "\u" + 4 hex digits. After escaping, a raw separator is
 * always a real separator, so decoding is two splits plus an unescape of fields holding a "\".
 *
 * A row of width 1 holding "" and a row of width 0 look alike; the store only accepts rows as wide
 * as the header (at least 1), so that never arises.
 */

const FIELD = '\x1f';
const RECORD = '\x1e';
const FORMAT_DEFLATE = 1;

const NEEDS_ESCAPE = /[\\\x1e\x1f\ud800-\udfff]/;
const ESCAPE = /[\\\x1e\x1f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNESCAPE = /\\(?:(\\)|(e)|(f)|u([0-9a-f]{4}))/g;

function escapeField(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ESCAPE, (c) => {
    if (c === '\\') return '\\\\';
    if (c === RECORD) return '\\e';
    if (c === FIELD) return '\\f';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function unescapeField(s: string): string {
  return s.replace(UNESCAPE, (_m, backslash, e, f, hex) => (backslash ? '\\' : e ? RECORD : f ? FIELD : String.fromCharCode(parseInt(hex, 16))));
}

/** One row as a line of the chunk text (fields escaped and joined). */
export function encodeRow(row: readonly string[]): string {
  let line = escapeField(row[0]);
  for (let i = 1; i < row.length; i++) line += FIELD + escapeField(row[i]);
  return line;
}

/** Packs encoded rows (from encodeRow) into one BLOB. */
export function packChunk(lines: readonly string[]): Buffer {
  const body = deflateRawSync(Buffer.from(lines.join(RECORD), 'utf8'), { level: 1 });
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = FORMAT_DEFLATE;
  body.copy(out, 1);
  return out;
}

export function encodeChunk(rows: readonly string[][]): Buffer {
  return packChunk(rows.map(encodeRow));
}

export function decodeChunk(blob: Uint8Array): string[][] {
  if (blob[0] !== FORMAT_DEFLATE) throw new Error(`unknown row chunk format ${blob[0]}`);
  const text = inflateRawSync(blob.subarray(1)).toString('utf8');
  const lines = text.split(RECORD);
  const rows = new Array<string[]>(lines.length);
  const escaped = text.includes('\\');
  for (let r = 0; r < lines.length; r++) {
    const fields = lines[r].split(FIELD);
    if (escaped) for (let i = 0; i < fields.length; i++) if (fields[i].includes('\\')) fields[i] = unescapeField(fields[i]);
    rows[r] = fields;
  }
  return rows;
}
