import { promisify } from 'node:util';
import { deflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Codebook } from '../survey/codebook';
import { decodeSurveyColumns, encodeSurveyColumns } from '../survey/columnsTransfer';
import { DatasetError, SurveyDataBuilder, type SurveyData } from '../survey/dataset';

/**
 * The engine's typed columns as a store keeps them beside a dataset's rows, so that opening a
 * stored dataset reads one compressed value instead of parsing every row's text again (a
 * 1,900,000-row upload took 37 s and 1.3 GB to answer its first query that way).
 *
 * Format 1, one BLOB / bytea:
 *   byte 0      the format version (1)
 *   bytes 1-3   zero
 *   bytes 4-7   the length of the message below, uncompressed (uint32, little-endian)
 *   bytes 8-    that message, raw deflate (level 6): the columns transfer message of
 *               lib/survey/columnsTransfer.ts (its own version 1), i.e. a JSON header (codebook,
 *               levels, where each block is) and the typed arrays (weights and scale values as
 *               Float64, level and answer indexes as Int8, or Int32 past 128 codes), each block
 *               on an 8-byte boundary. Respondent ids and the builder's warnings are not kept:
 *               the engine reads neither.
 * Decoding inflates into ONE buffer of the known length and views the arrays in place, so an
 * opened dataset costs the columns' own size and no copy of them.
 *
 * A change of this layout gets a new version: a reader that finds another version treats the
 * dataset as having no stored columns, builds them from the rows and stores them anew (the same
 * lazy path as for datasets stored before columns were; see DatasetRegistry).
 */
export const STORED_COLUMNS_FORMAT = 1;
const PREFIX_BYTES = 8;
/** Level 6 (zlib's default): on study-G-shaped answers it is about a third smaller than level 1, and inflating is as fast. */
const LEVEL = 6;

const deflate = promisify(deflateRaw);

/** The columns as stored (format 1). Compresses off the event loop (zlib's thread pool). */
export async function encodeStoredColumns(data: SurveyData): Promise<Buffer> {
  const message = encodeSurveyColumns(data, { allWeights: true });
  return withPrefix(message.length, await deflate(message, { level: LEVEL }));
}

/** The same, compressed on this thread: for a transaction that must not yield (see SqliteDatasetStore). */
export function encodeStoredColumnsNow(data: SurveyData): Buffer {
  const message = encodeSurveyColumns(data, { allWeights: true });
  return withPrefix(message.length, deflateRawSync(message, { level: LEVEL }));
}

function withPrefix(length: number, body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(PREFIX_BYTES + body.length);
  out.writeUInt32LE(0, 0);
  out[0] = STORED_COLUMNS_FORMAT;
  out.writeUInt32LE(length, 4);
  body.copy(out, PREFIX_BYTES);
  return out;
}

/** The version a stored value says it is in (0 when it is too short to say). */
export const storedColumnsFormat = (stored: Uint8Array): number => (stored.length >= PREFIX_BYTES ? stored[0] : 0);

/** The engine's columns from a stored value of this format; throws on another format or a damaged value. */
export function decodeStoredColumns(stored: Uint8Array): SurveyData {
  const format = storedColumnsFormat(stored);
  if (format !== STORED_COLUMNS_FORMAT) throw new Error(`stored columns: format ${format}, this program reads ${STORED_COLUMNS_FORMAT}`);
  const view = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const length = view.readUInt32LE(4);
  // One output chunk a little larger than the message: zlib then fills a single buffer (offset 0,
  // so the Float64 blocks stay 8-byte aligned) and never concatenates chunks (which would double the peak).
  const message = inflateRawSync(view.subarray(PREFIX_BYTES), { chunkSize: Math.max(64, length + 64) });
  if (message.length !== length) throw new Error(`stored columns: ${message.length} bytes inflated, ${length} expected`);
  const buffer = message.byteOffset === 0 ? message.buffer : message.buffer.slice(message.byteOffset, message.byteOffset + message.length);
  return decodeSurveyColumns(buffer as ArrayBuffer);
}

/**
 * Builds the columns of rows on their way into a store: `add` each row as it is written, then
 * `finish` gives the stored value, or null when the rows do not fit the codebook (a store keeps
 * any rows under any codebook JSON; the engine refuses such a dataset when it is opened, as it
 * always did).
 */
export class StoredColumnsBuilder {
  private readonly builder: SurveyDataBuilder | null;

  constructor(codebook: Codebook, header: string[], expectedRows?: number) {
    let builder: SurveyDataBuilder | null = null;
    try {
      builder = new SurveyDataBuilder(codebook, header, { expectedRows });
    } catch {
      // Not a codebook the engine can read at all (a store test's stand-in): no columns.
    }
    this.builder = builder;
  }

  add(row: readonly string[]): void {
    this.builder?.add(row);
  }

  /** The stored value, compressed off the event loop; null when the engine cannot read the rows. */
  async finish(): Promise<Buffer | null> {
    const data = this.data();
    return data && encodeStoredColumns(data);
  }

  /** The same, compressed on this thread. */
  finishNow(): Buffer | null {
    const data = this.data();
    return data && encodeStoredColumnsNow(data);
  }

  private data(): SurveyData | null {
    if (!this.builder) return null;
    try {
      return this.builder.finish();
    } catch (e) {
      if (e instanceof DatasetError) return null;
      throw e;
    }
  }
}
