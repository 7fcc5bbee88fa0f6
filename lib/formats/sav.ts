import type { SourceMetadata, SourceVariable } from './metadata';

/**
 * Reads an SPSS system file (`.sav`) from its bytes: the dictionary (variables, their labels,
 * value labels, user-missing values, the weight, multiple-response sets, the character encoding)
 * and then the cases, one at a time, each as strings (a code as its string form, "1", "2"; a
 * system-missing value as ""; a date as "2026-05-01"), the records every upload's checks read.
 *
 * Written from PSPP's description of the format ("System File Format", GNU PSPP's developers'
 * guide) and tested against files PSPP writes (fixtures/make-fixtures.ts). Why not a library:
 * sav-reader 2.0.8, the one maintained reader on npm, decodes every string as UTF-8 whatever the
 * file's encoding (a Windows-1252 file's "België" comes out garbled), does not read
 * multiple-response sets, needs Node's streams (not a browser worker) and awaits a promise per
 * value (see the README's "SPSS and Excel files").
 *
 * Hostile files: every count in the dictionary is checked against the bytes that are left before
 * anything is allocated for it, so a header that claims 10^9 cases or 10^6 variables costs
 * nothing; a problem is thrown as a SavError with a code the report words.
 */

/** The problem codes this reader throws (each worded in lib/ingest/problemMessages.ts). */
export type SavProblemCode = 'SavTruncated' | 'SavBadHeader' | 'SavZlib' | 'SavZlibTooLarge' | 'SavEncoding' | 'SavTooManyVariables';

export class SavError extends Error {
  constructor(
    readonly code: SavProblemCode,
    message: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** "$FL2" and "$FL3" (ZLIB-compressed, `.zsav`) open every system file. */
export function isSav(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x24 && bytes[1] === 0x46 && bytes[2] === 0x4c && (bytes[3] === 0x32 || bytes[3] === 0x33);
}

/** At most this many variables (8-byte units) in a dictionary: 1,000 columns of long strings fit, a claim of a million is refused before allocating. */
const MAX_UNITS = 200_000;
const SYSMIS = -Number.MAX_VALUE;

/** One variable of the dictionary as stored: its first 8-byte unit, width and segments. */
interface RawVariable {
  shortName: string;
  name: string;
  /** 0: numeric; else the string width in bytes. */
  width: number;
  /** Index of its first unit in a case. */
  unit: number;
  /** Units it takes in a case (a very long string: all its segments). */
  units: number;
  label?: string;
  missing: { values: number[]; strings: Uint8Array[]; range?: [number, number] };
  format: number;
  /** For a very long string: the units at which each segment starts and the bytes each holds. */
  segments?: { unit: number; bytes: number }[];
}

export interface SavFile {
  header: string[];
  metadata: SourceMetadata;
  /** Cases the header claims (-1: not said). */
  claimedCases: number;
  /** The cases, each as strings in the header's order. */
  rows(): Generator<string[]>;
  /** A ZLIB-compressed file (`.zsav`) read without its inflated case data: where its zheader starts (zsav.ts inflates from there) and the byte order. */
  zlib?: { at: number; little: boolean };
}

class Bytes {
  pos = 0;
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public little = true,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get left(): number {
    return this.bytes.length - this.pos;
  }
  need(n: number, what: string): void {
    if (n < 0 || n > this.left) throw new SavError('SavTruncated', `the file ends inside its ${what}`, { what });
  }
  int(what = 'dictionary'): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  double(what = 'dictionary'): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.little);
    this.pos += 8;
    return v;
  }
  doubleAt(at: number): number {
    return this.view.getFloat64(at, this.little);
  }
  take(n: number, what = 'dictionary'): Uint8Array {
    this.need(n, what);
    const v = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
}

/** The file's encoding from its code page number (machine integer info), when it names none. */
function codePageEncoding(page: number): string | undefined {
  if (page === 65001) return 'utf-8';
  if (page === 28591) return 'iso-8859-1';
  if (page === 2 || page === 3 || page === 4) return 'windows-1252';
  if (page >= 1250 && page <= 1258) return `windows-${page}`;
  return undefined;
}

function decoderFor(name: string): TextDecoder {
  try {
    return new TextDecoder(name.trim().toLowerCase());
  } catch {
    throw new SavError('SavEncoding', `the file's character encoding ${name} is not one this reader knows`, { encoding: name.slice(0, 40) });
  }
}

const FORMAT_DATE = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const FORMAT_DATETIME = 22;
/** Seconds from the Gregorian calendar's start (1582-10-14), SPSS's day zero, to 1970-01-01. */
const SPSS_EPOCH_SECONDS = 12219379200;
/** The strings of the codes most cases hold (0-255), made once: a million cases by tens of coded variables would otherwise make a string per cell. */
const SMALL_CODES = Array.from({ length: 256 }, (_, i) => String(i));

/** A numeric value as the records carry it: "" for system-missing, a date as ISO text, else the shortest form that reads back as the same number. */
function numberText(v: number, format: number): string {
  if (v === SYSMIS || Number.isNaN(v)) return '';
  if (format === FORMAT_DATETIME || FORMAT_DATE.has(format)) {
    const ms = (v - SPSS_EPOCH_SECONDS) * 1000;
    if (Number.isFinite(ms) && Math.abs(ms) < 8.64e15) {
      const iso = new Date(ms).toISOString();
      return format === FORMAT_DATETIME ? iso.slice(0, 19).replace('T', ' ') : iso.slice(0, 10);
    }
  }
  return String(v);
}

/**
 * `caseData`: a `.zsav`'s case data, inflated (zsav.ts); without it such a file's dictionary is
 * read and `zlib` says where its compressed data start.
 */
export function readSav(bytes: Uint8Array, caseData?: Uint8Array): SavFile {
  if (!isSav(bytes)) throw new SavError('SavBadHeader', 'the file does not start as an SPSS data file ("$FL2")');
  const r = new Bytes(bytes);
  r.pos = 4;
  r.take(60, 'header');
  // The layout code is 2 or 3 in the file's byte order: it tells the order.
  const layout = r.int('header');
  if (layout !== 2 && layout !== 3) {
    r.little = false;
    r.pos -= 4;
    const big = r.int('header');
    if (big !== 2 && big !== 3) throw new SavError('SavBadHeader', 'the file header is not an SPSS one (its layout code is neither 2 nor 3)');
  }
  const nominalUnits = r.int('header');
  const compression = r.int('header');
  const weightUnit = r.int('header');
  const claimedCases = r.int('header');
  const bias = r.double('header');
  r.take(9 + 8 + 64 + 3, 'header');
  // 0: cases as they are; 1: bytecode-compressed; 2: bytecode-compressed, then in zlib blocks (".zsav", "$FL3").
  if (compression !== 0 && compression !== 1 && compression !== 2) throw new SavError('SavBadHeader', `the file header names an unknown compression (${compression})`);
  // A claim of more variables than the bytes could describe is refused before anything is allocated.
  if (nominalUnits > MAX_UNITS) throw new SavError('SavTooManyVariables', `the file header claims ${nominalUnits} variables`, { claimed: nominalUnits });

  const units: (RawVariable | null)[] = [];
  const variables: RawVariable[] = [];
  const rawVarLabels = new Map<RawVariable, Uint8Array>();
  const rawMissing = new Map<RawVariable, Uint8Array[]>();
  const valueLabelSets: { entries: { value: Uint8Array; label: Uint8Array }[]; units: number[] }[] = [];
  let encoding: string | undefined;
  let codePage: number | undefined;
  let longNames: Uint8Array | undefined;
  let veryLong: Uint8Array | undefined;
  const mrSets: Uint8Array[] = [];
  let longLabels: Uint8Array | undefined;
  let longMissing: Uint8Array | undefined;
  const shortName = (b: Uint8Array) => new TextDecoder('windows-1252').decode(b).trim();

  for (;;) {
    const type = r.int();
    if (type === 2) {
      const width = r.int();
      const hasLabel = r.int();
      const nMissing = r.int();
      const print = r.int();
      r.int();
      const name = shortName(r.take(8));
      if (units.length >= MAX_UNITS) throw new SavError('SavTooManyVariables', 'the file has too many variables', { claimed: units.length });
      const v: RawVariable = { shortName: name, name, width: width > 0 ? width : 0, unit: units.length, units: 1, missing: { values: [], strings: [] }, format: (print >> 16) & 0xff };
      if (hasLabel === 1) {
        const length = r.int();
        r.need(length, 'variable label');
        rawVarLabels.set(v, r.take(length));
        r.take((4 - (length % 4)) % 4);
      }
      if (nMissing !== 0) {
        const n = Math.abs(nMissing);
        if (n > 3) throw new SavError('SavBadHeader', 'a variable declares more than 3 missing values');
        if (width === 0) {
          const values: number[] = [];
          for (let k = 0; k < n; k++) values.push(r.double());
          if (nMissing < 0) {
            v.missing.range = [values[0], values[1]];
            v.missing.values = values.slice(2);
          } else v.missing.values = values;
        } else rawMissing.set(v, Array.from({ length: n }, () => r.take(8)));
      }
      if (width === -1) {
        // A continuation of the string before it: one more unit of it.
        const owner = variables[variables.length - 1];
        if (!owner) throw new SavError('SavBadHeader', 'the dictionary starts with a string continuation');
        owner.units++;
        units.push(null);
      } else {
        variables.push(v);
        units.push(v);
      }
    } else if (type === 3) {
      const count = r.int();
      r.need(count * 16, 'value labels');
      const entries: { value: Uint8Array; label: Uint8Array }[] = [];
      for (let k = 0; k < count; k++) {
        const value = r.take(8);
        r.need(1, 'value labels');
        const length = bytes[r.pos];
        const label = r.take(1 + length).subarray(1);
        r.take((8 - ((length + 1) % 8)) % 8);
        entries.push({ value, label });
      }
      if (r.int() !== 4) throw new SavError('SavBadHeader', 'value labels are not followed by the variables they label');
      const n = r.int();
      r.need(n * 4, 'value labels');
      const at: number[] = [];
      for (let k = 0; k < n; k++) at.push(r.int() - 1);
      valueLabelSets.push({ entries, units: at });
    } else if (type === 6) {
      const lines = r.int();
      r.take(lines * 80, 'documents');
    } else if (type === 7) {
      const subtype = r.int();
      const size = r.int();
      const count = r.int();
      if (size < 0 || count < 0 || size * count > r.left) throw new SavError('SavTruncated', 'the file ends inside its dictionary', { what: 'dictionary' });
      const data = r.take(size * count);
      if (subtype === 3 && size === 4 && count >= 8) codePage = new DataView(data.buffer, data.byteOffset, data.byteLength).getInt32(28, r.little);
      else if (subtype === 20) encoding = new TextDecoder('windows-1252').decode(data).trim();
      else if (subtype === 13) longNames = data;
      else if (subtype === 14) veryLong = data;
      else if (subtype === 7 || subtype === 19) mrSets.push(data);
      else if (subtype === 21) longLabels = data;
      else if (subtype === 22) longMissing = data;
    } else if (type === 999) {
      r.int();
      break;
    } else throw new SavError('SavBadHeader', `the dictionary has a record of unknown type ${type}`, { type });
  }

  const decoder = decoderFor(encoding ?? codePageEncoding(codePage ?? 0) ?? 'windows-1252');
  const text = (b: Uint8Array) => decoder.decode(b).replace(/\0+$/, '').trimEnd();

  // Long names (SHORT=Long, tab-separated) and very long strings (SHORT=width, "\0\t"-separated).
  if (longNames)
    for (const pair of text(longNames).split('\t')) {
      const eq = pair.indexOf('=');
      const v = variables.find((x) => x.shortName === pair.slice(0, eq));
      if (v && eq > 0) v.name = pair.slice(eq + 1);
    }
  let dictionary = variables;
  if (veryLong) {
    const drop = new Set<RawVariable>();
    for (const entry of text(veryLong).split(/\0?\t/)) {
      const eq = entry.indexOf('=');
      if (eq <= 0) continue;
      const v = variables.find((x) => x.shortName === entry.slice(0, eq));
      const width = Number(entry.slice(eq + 1).replace(/\0/g, ''));
      if (!v || !Number.isFinite(width) || width <= 255) continue;
      // A string over 255 bytes is stored as ceil(width / 252) segments, each its own variable of 255 bytes of data but the last.
      const count = Math.ceil(width / 252);
      const at = variables.indexOf(v);
      v.segments = [];
      for (let k = 0; k < count && at + k < variables.length; k++) {
        const seg = variables[at + k];
        v.segments.push({ unit: seg.unit, bytes: k < count - 1 ? 255 : Math.max(0, width - 255 * (count - 1)) });
        if (k > 0) drop.add(seg);
      }
      v.width = width;
    }
    dictionary = variables.filter((v) => !drop.has(v));
  }

  const byUnit = new Map<number, RawVariable>();
  for (const v of variables) byUnit.set(v.unit, v);
  const metaVars = new Map<RawVariable, SourceVariable>();
  for (const v of dictionary) {
    const label = rawVarLabels.get(v);
    const meta: SourceVariable = { name: v.name, numeric: v.width === 0, ...(label ? { label: text(label) } : {}) };
    const missing: string[] = [];
    if (v.width === 0) {
      for (const x of v.missing.values) missing.push(numberText(x, v.format));
      if (v.missing.range) meta.missingRange = v.missing.range.map((x) => (Math.abs(x) >= Number.MAX_VALUE * 0.99 ? Math.sign(x) * Infinity : x)) as [number, number];
    } else for (const b of rawMissing.get(v) ?? []) missing.push(text(b));
    if (missing.length) meta.missing = missing;
    metaVars.set(v, meta);
  }
  for (const set of valueLabelSets) {
    const owners = set.units.map((u) => byUnit.get(u)).filter((v): v is RawVariable => !!v && metaVars.has(v));
    if (owners.length === 0) continue;
    const numeric = owners[0].width === 0;
    const labels = set.entries.map((e) => ({
      code: numeric ? numberText(new DataView(e.value.buffer, e.value.byteOffset, 8).getFloat64(0, r.little), owners[0].format) : text(e.value),
      label: text(e.label),
    }));
    for (const v of owners) metaVars.get(v)!.valueLabels = labels;
  }
  if (longLabels) readLongStringLabels(longLabels, r.little, text, dictionary, metaVars);
  if (longMissing) readLongStringMissing(longMissing, r.little, text, dictionary, metaVars);

  const weightVar = weightUnit > 0 ? byUnit.get(weightUnit - 1) : undefined;
  const metadata: SourceMetadata = {
    variables: dictionary.map((v) => metaVars.get(v)!),
    ...(weightVar ? { weight: weightVar.name } : {}),
    multipleResponseSets: mrSets.flatMap((d) => parseMrSets(text(d), dictionary)),
    encoding: decoder.encoding,
  };

  const caseUnits = units.length;
  const dataStart = r.pos;
  const header = dictionary.map((v) => v.name);
  const zlib = compression === 2 && !caseData ? { at: dataStart, little: r.little } : undefined;
  const rows = function* (): Generator<string[]> {
    if (zlib) throw new SavError('SavZlib', 'the .zsav file was read without inflating its data');
    // A .zsav's inflated blocks are the bytecode-compressed cases a "compressed" .sav holds after its dictionary.
    const data = new Bytes(caseData ?? bytes, r.little);
    data.pos = caseData ? 0 : dataStart;
    const unitBytes = new Uint8Array(caseUnits * 8);
    const unitNumber = new Float64Array(caseUnits);
    const spaces = new Uint8Array(8).fill(0x20);
    const stringUnit = Uint8Array.from(units, (u) => (u === null || u.width > 0 ? 1 : 0));
    const dated = dictionary.map((v) => v.format === FORMAT_DATETIME || FORMAT_DATE.has(v.format));
    // The bytes are read in place (no subarray per 8 bytes): a million cases are tens of millions of units.
    const raw = data.bytes;
    const copy8 = (from: number, to: number) => {
      for (let i = 0; i < 8; i++) unitBytes[to + i] = raw[from + i];
    };
    let commandsAt = 0;
    let command = 8;
    const nextCase = (): boolean => {
      for (let u = 0; u < caseUnits; u++) {
        const isString = stringUnit[u] === 1;
        if (compression === 0) {
          if (data.left < 8) {
            if (u === 0 && data.left === 0) return false;
            throw new SavError('SavTruncated', 'the file ends inside a case', { what: 'data' });
          }
          if (isString) copy8(data.pos, u * 8);
          else unitNumber[u] = data.doubleAt(data.pos);
          data.pos += 8;
          continue;
        }
        let code = 0;
        for (;;) {
          if (command === 8) {
            if (data.left === 0) {
              if (u === 0) return false;
              throw new SavError('SavTruncated', 'the file ends inside a case', { what: 'data' });
            }
            data.need(8, 'data');
            commandsAt = data.pos;
            data.pos += 8;
            command = 0;
          }
          code = raw[commandsAt + command++];
          if (code !== 0) break;
        }
        if (code === 252) {
          if (u === 0) return false;
          throw new SavError('SavTruncated', 'the file ends inside a case', { what: 'data' });
        }
        if (code === 253) {
          data.need(8, 'data');
          if (isString) copy8(data.pos, u * 8);
          else unitNumber[u] = data.doubleAt(data.pos);
          data.pos += 8;
        } else if (code === 254) unitBytes.set(spaces, u * 8);
        else if (code === 255) unitNumber[u] = SYSMIS;
        else if (isString) unitBytes.set(spaces, u * 8);
        else unitNumber[u] = code - bias;
      }
      return true;
    };
    for (;;) {
      if (!nextCase()) return;
      const row = new Array<string>(dictionary.length);
      for (let k = 0; k < dictionary.length; k++) {
        const v = dictionary[k];
        if (v.width === 0) {
          const x = unitNumber[v.unit];
          row[k] = !dated[k] && x >= 0 && x < 256 && Number.isInteger(x) ? SMALL_CODES[x] : numberText(x, v.format);
        }
        else if (v.segments) {
          const parts: Uint8Array[] = v.segments.map((s) => unitBytes.subarray(s.unit * 8, s.unit * 8 + s.bytes));
          const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) {
            joined.set(p, at);
            at += p.length;
          }
          row[k] = text(joined);
        } else row[k] = text(unitBytes.subarray(v.unit * 8, v.unit * 8 + Math.min(v.width, v.units * 8)));
      }
      yield row;
    }
  };
  return { header, metadata, claimedCases, rows, ...(zlib ? { zlib } : {}) };
}

/** Multiple-response sets: "$name=D1 1 label_length label var var\n" (dichotomies, counted value 1) or "$name=C label_length label var var". */
function parseMrSets(source: string, dictionary: RawVariable[]) {
  const byShort = new Map(dictionary.map((v) => [v.shortName.toLowerCase(), v.name] as const));
  const byName = new Map(dictionary.map((v) => [v.name.toLowerCase(), v.name] as const));
  const sets: NonNullable<SourceMetadata['multipleResponseSets']> = [];
  for (const line of source.split('\n')) {
    const m = /^\$?([^=]+)=([CDE])(.*)$/.exec(line.trim());
    if (!m) continue;
    let rest = m[3];
    let counted: string | undefined;
    if (m[2] === 'D' || m[2] === 'E') {
      if (m[2] === 'E') rest = rest.replace(/^\s*\d+\s+/, ' ');
      const c = /^(\d+) (\S*)(.*)$/.exec(rest.trimStart());
      if (!c) continue;
      counted = c[2].slice(0, Number(c[1]));
      rest = c[2].slice(Number(c[1])) + c[3];
    }
    const l = /^\s*(\d+) ([\s\S]*)$/.exec(rest);
    if (!l) continue;
    const length = Number(l[1]);
    const label = l[2].slice(0, length);
    const names = l[2]
      .slice(length)
      .trim()
      .split(/\s+/)
      .map((n) => byName.get(n.toLowerCase()) ?? byShort.get(n.toLowerCase()))
      .filter((n): n is string => !!n);
    sets.push({ name: m[1], label, dichotomy: m[2] !== 'C', ...(counted !== undefined ? { countedValue: counted } : {}), variables: names });
  }
  return sets;
}

function readLongStringLabels(data: Uint8Array, little: boolean, text: (b: Uint8Array) => string, dictionary: RawVariable[], meta: Map<RawVariable, SourceVariable>): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  const int = () => {
    if (at + 4 > data.length) throw new SavError('SavTruncated', 'the file ends inside its dictionary', { what: 'dictionary' });
    const v = view.getInt32(at, little);
    at += 4;
    return v;
  };
  const take = (n: number) => {
    if (n < 0 || at + n > data.length) throw new SavError('SavTruncated', 'the file ends inside its dictionary', { what: 'dictionary' });
    const b = data.subarray(at, at + n);
    at += n;
    return b;
  };
  while (at < data.length) {
    const name = text(take(int()));
    int();
    const count = int();
    const labels: { code: string; label: string }[] = [];
    for (let k = 0; k < count; k++) {
      const code = text(take(int()));
      labels.push({ code, label: text(take(int())) });
    }
    const v = dictionary.find((x) => x.name === name);
    if (v) meta.get(v)!.valueLabels = labels;
  }
}

function readLongStringMissing(data: Uint8Array, little: boolean, text: (b: Uint8Array) => string, dictionary: RawVariable[], meta: Map<RawVariable, SourceVariable>): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  while (at + 4 <= data.length) {
    const nameLength = view.getInt32(at, little);
    at += 4;
    if (nameLength < 0 || at + nameLength + 1 > data.length) return;
    const name = text(data.subarray(at, at + nameLength));
    at += nameLength;
    const count = data[at++];
    const values: string[] = [];
    if (at + 4 > data.length) return;
    const width = view.getInt32(at, little);
    at += 4;
    for (let k = 0; k < count && at + width <= data.length; k++) {
      values.push(text(data.subarray(at, at + width)));
      at += width;
    }
    const v = dictionary.find((x) => x.name === name);
    if (v && values.length) meta.get(v)!.missing = values;
  }
}
