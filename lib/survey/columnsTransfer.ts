import type { AttributeColumn, CodeArray, ItemColumn, SurveyData } from './dataset';
import type { WeightInUse } from './weights';

/**
 * The engine's columns as one binary message, so the browser can compute a view itself instead of
 * asking the server for every filter change (the explorer redraws without a network round trip).
 *
 * Layout: a 4-byte little-endian length, a JSON header (codebook, levels, which block is which),
 * zero padding to a multiple of 8, then the typed-array blocks, each starting on an 8-byte
 * boundary so they can be viewed in place without copying. Answer and level indexes travel as
 * Int8 when every index fits (nearly always: scales and categories are short), else as Int32.
 * Respondent ids are not sent: the engine never reads them.
 */

type BlockType = 'f64' | 'i32' | 'i8';

interface BlockRef {
  type: BlockType;
  offset: number;
  length: number;
}

interface TransferHeader {
  version: 1;
  codebook: SurveyData['codebook'];
  rowCount: number;
  weighted: boolean;
  weights: BlockRef;
  /** The weight in use; its calibration design's typed arrays as blocks. */
  weight: Omit<WeightInUse, 'calibration'> & { calibration: Record<string, unknown> | null };
  attributes: (Omit<AttributeColumn, 'levelOf' | 'values'> & { levelOf: BlockRef; values?: BlockRef })[];
  items: (Omit<ItemColumn, 'answerOf'> & { answerOf: BlockRef })[];
  /** The dataset's other weights (stored columns: any of them can be chosen after opening); absent in the browser's message, which carries the one in use. */
  otherWeights?: { id: string; values: BlockRef }[];
}

const BYTES: Record<BlockType, number> = { f64: 8, i32: 4, i8: 1 };
const align8 = (n: number) => Math.ceil(n / 8) * 8;

function fitsInt8(values: Int32Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] < -128 || values[i] > 127) return false;
  return true;
}

export function encodeSurveyColumns(data: SurveyData, options: { allWeights?: boolean } = {}): Uint8Array {
  const arrays: (Float64Array | CodeArray)[] = [];
  let offset = 0;
  const block = (array: Float64Array | CodeArray): BlockRef => {
    const stored = array instanceof Int32Array && fitsInt8(array) ? Int8Array.from(array) : array;
    const type: BlockType = stored instanceof Float64Array ? 'f64' : stored instanceof Int32Array ? 'i32' : 'i8';
    const ref = { type, offset, length: stored.length };
    arrays.push(stored);
    offset = align8(offset + stored.byteLength);
    return ref;
  };
  const header: TransferHeader = {
    version: 1,
    codebook: data.codebook,
    rowCount: data.rowCount,
    weighted: data.weighted,
    weights: block(data.weights),
    weight: {
      ...data.weight,
      calibration: data.weight.calibration && Object.fromEntries(Object.entries(data.weight.calibration).map(([key, value]) => [key, ArrayBuffer.isView(value) ? { block: block(value as Float64Array | Int32Array) } : value])),
    },
    attributes: [...data.attributes.values()].map(({ levelOf, values, ...rest }) => ({ ...rest, levelOf: block(levelOf), ...(values ? { values: block(values) } : {}) })),
    items: [...data.items.values()].map(({ answerOf, ...rest }) => ({ ...rest, answerOf: block(answerOf) })),
    ...(options.allWeights && { otherWeights: [...data.weightColumns].filter(([id]) => id !== data.weight.id).map(([id, values]) => ({ id, values: block(values) })) }),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(4 + json.length);
  const out = new Uint8Array(start + offset);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  let at = start;
  for (const array of arrays) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = align8(at + array.byteLength);
  }
  return out;
}

/** Reads what encodeSurveyColumns wrote; throws on a message that is not one. */
export function decodeSurveyColumns(buffer: ArrayBuffer): SurveyData {
  if (buffer.byteLength < 4) throw new Error('survey columns: the message is too short');
  const length = new DataView(buffer).getUint32(0, true);
  if (4 + length > buffer.byteLength) throw new Error('survey columns: the header runs past the end of the message');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length))) as TransferHeader;
  if (header.version !== 1) throw new Error(`survey columns: unknown version ${String(header.version)}`);
  const start = align8(4 + length);
  const view = (ref: BlockRef) => {
    const at = start + ref.offset;
    if (at + ref.length * BYTES[ref.type] > buffer.byteLength) throw new Error('survey columns: a block runs past the end of the message');
    if (ref.type === 'f64') return new Float64Array(buffer, at, ref.length);
    if (ref.type === 'i32') return new Int32Array(buffer, at, ref.length);
    // Viewed in place, not widened: the engine reads Int8 and Int32 indexes alike (CodeArray), and a
    // stored 2,000,000-row dataset's answers then take 2 MB per item instead of 8.
    return new Int8Array(buffer, at, ref.length);
  };
  const calibration = header.weight.calibration
    ? (Object.fromEntries(Object.entries(header.weight.calibration).map(([key, value]) => [key, value !== null && typeof value === 'object' && 'block' in value ? view((value as { block: BlockRef }).block) : value])) as unknown as WeightInUse['calibration'])
    : null;
  const weights = view(header.weights) as Float64Array;
  const attributes = new Map<string, AttributeColumn>();
  for (const { levelOf, values, ...rest } of header.attributes)
    attributes.set(rest.id, { ...rest, levelOf: view(levelOf) as CodeArray, ...(values ? { values: view(values) as Float64Array } : {}) });
  const items = new Map<string, ItemColumn>();
  for (const { answerOf, ...rest } of header.items) items.set(rest.item.id, { ...rest, answerOf: view(answerOf) as CodeArray });
  return {
    codebook: header.codebook,
    rowCount: header.rowCount,
    respondentIds: [],
    weights,
    weighted: header.weighted,
    weight: { ...header.weight, calibration },
    weightColumns: new Map([...(header.weighted ? ([[header.weight.id, weights]] as [string, Float64Array][]) : []), ...(header.otherWeights ?? []).map((w) => [w.id, view(w.values) as Float64Array] as [string, Float64Array])]),
    attributes,
    items,
    warnings: [],
  };
}
