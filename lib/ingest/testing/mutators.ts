/**
 * Input generators for fuzzing the upload validator and the codebook parser: random bytes, and
 * mutations of valid files of the kinds real uploads go wrong in (flipped bytes, cut-off files,
 * repeated or lost lines, stray quotes, NULs, byte-order marks, invalid UTF-8, huge numbers).
 * Deterministic for a seed, so that a failure is replayed from its seed alone.
 */

/** A small seeded generator (mulberry32): the same seed gives the same inputs on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Random bytes: uniform ones, or text made of CSV's own characters, which reaches deeper into the parser. */
export function randomBytes(rng: Rng, maxLength = 512): Uint8Array {
  const n = rng.int(maxLength + 1);
  if (rng.next() < 0.5) return Uint8Array.from({ length: n }, () => rng.int(256));
  const alphabet = [',', ';', '\t', '"', '\n', '\r', ' ', 'a', 'id', '1', '0', 'yes', 'NL', '\u00e9', '\ufeff', '\0', '1e400', '-'];
  let s = '';
  while (s.length < n) s += rng.pick(alphabet);
  return bytesOf(s);
}

/** Fragments spliced into files: each a classic way for an upload to be broken. */
const INSERTS: readonly Uint8Array[] = [
  bytesOf('"'),
  bytesOf('""'),
  new Uint8Array([0]),
  new Uint8Array([0xef, 0xbb, 0xbf]), // a UTF-8 byte-order mark in the middle
  new Uint8Array([0xff, 0xfe]), // a UTF-16 byte-order mark
  new Uint8Array([0xff]), // never valid in UTF-8
  new Uint8Array([0xc0, 0x80]), // an overlong NUL
  new Uint8Array([0x80]), // a lone continuation byte
  new Uint8Array([0xe2, 0x82]), // a cut three-byte sequence
  new Uint8Array([0xed, 0xa0, 0x80]), // an encoded UTF-16 surrogate
  new Uint8Array([0xe9]), // Latin-1 é
  bytesOf('\r'),
  bytesOf('\n'),
  bytesOf('\r\n'),
  bytesOf(','),
  bytesOf(';'),
  bytesOf('\t'),
  bytesOf('1e400'),
  bytesOf('99999999999999999999999999'),
  bytesOf('-0'),
  bytesOf('NaN'),
  bytesOf('Infinity'),
  bytesOf('1e-400'),
  bytesOf('0x10'),
  bytesOf('\u2028'),
  bytesOf('\ud83d\ude00'),
  bytesOf('=cmd()'),
];

/** Line starts of a file (offsets after each \n, plus 0). */
function lineStarts(b: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 0x0a && i + 1 < b.length) starts.push(i + 1);
  return starts;
}

function lineAt(b: Uint8Array, rng: Rng): [number, number] {
  const starts = lineStarts(b);
  const k = rng.int(starts.length);
  return [starts[k], k + 1 < starts.length ? starts[k + 1] : b.length];
}

export type Mutator = (b: Uint8Array, rng: Rng) => Uint8Array;

/** Each mutation by name, so that a failure report can say what was done. */
export const MUTATORS: Record<string, Mutator> = {
  flipBit: (b, rng) => {
    if (b.length === 0) return b;
    const out = b.slice();
    out[rng.int(b.length)] ^= 1 << rng.int(8);
    return out;
  },
  randomByte: (b, rng) => {
    if (b.length === 0) return b;
    const out = b.slice();
    out[rng.int(b.length)] = rng.int(256);
    return out;
  },
  truncate: (b, rng) => b.slice(0, rng.int(b.length + 1)),
  dropHead: (b, rng) => b.slice(rng.int(Math.min(b.length, 8) + 1)),
  duplicateLine: (b, rng) => {
    const [s, e] = lineAt(b, rng);
    const times = rng.next() < 0.1 ? 50 : 1;
    return concat(b.subarray(0, e), ...Array.from({ length: times }, () => b.subarray(s, e)), b.subarray(e));
  },
  removeLine: (b, rng) => {
    const [s, e] = lineAt(b, rng);
    return concat(b.subarray(0, s), b.subarray(e));
  },
  swapLines: (b, rng) => {
    const [s1, e1] = lineAt(b, rng);
    const [s2, e2] = lineAt(b, rng);
    if (s1 === s2) return b;
    const [a, c] = s1 < s2 ? [[s1, e1], [s2, e2]] : [[s2, e2], [s1, e1]];
    if (a[1] > c[0]) return b;
    return concat(b.subarray(0, a[0]), b.subarray(c[0], c[1]), b.subarray(a[1], c[0]), b.subarray(a[0], a[1]), b.subarray(c[1]));
  },
  insert: (b, rng) => {
    const at = rng.int(b.length + 1);
    return concat(b.subarray(0, at), rng.pick(INSERTS), b.subarray(at));
  },
  replaceField: (b, rng) => {
    // Overwrites the text between two separators with one fragment: a value that is a huge number, a quote, a NUL...
    const text = b;
    const seps = [];
    for (let i = 0; i < text.length; i++) if (text[i] === 0x2c || text[i] === 0x3b || text[i] === 0x09 || text[i] === 0x0a) seps.push(i);
    if (seps.length < 2) return b;
    const k = rng.int(seps.length - 1);
    return concat(b.subarray(0, seps[k] + 1), rng.pick(INSERTS), b.subarray(seps[k + 1]));
  },
  replaceSeparator: (b, rng) => {
    const from = rng.pick([0x2c, 0x3b, 0x09]);
    const to = rng.pick([0x2c, 0x3b, 0x09, 0x20, 0x7c]);
    const out = b.slice();
    for (let i = 0; i < out.length; i++) if (out[i] === from && rng.next() < 0.5) out[i] = to;
    return out;
  },
  lineEndings: (b, rng) => {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(b);
    const to = rng.pick(['\r\n', '\r', '\n', '\n\n']);
    return bytesOf(text.replace(/\r?\n/g, to));
  },
  bomAtStart: (b) => concat(new Uint8Array([0xef, 0xbb, 0xbf]), b),
  splice: (b, rng) => {
    // Repeats a random slice somewhere else: shifted columns, half records.
    if (b.length === 0) return b;
    const s = rng.int(b.length);
    const e = Math.min(b.length, s + 1 + rng.int(64));
    const at = rng.int(b.length + 1);
    return concat(b.subarray(0, at), b.subarray(s, e), b.subarray(at));
  },
};
const NAMES = Object.keys(MUTATORS);

/** One to four mutations in a row; returns the result and their names. */
export function mutate(b: Uint8Array, rng: Rng): { bytes: Uint8Array; steps: string[] } {
  const steps: string[] = [];
  let out = b;
  const n = 1 + rng.int(4);
  for (let k = 0; k < n; k++) {
    const name = rng.pick(NAMES);
    out = MUTATORS[name](out, rng);
    steps.push(name);
  }
  return { bytes: out, steps };
}

/** Chunk sizes for the streaming validator: tiny, odd and large ones. */
export function chunkSizes(rng: Rng): number[] {
  return Array.from({ length: 1 + rng.int(3) }, () => rng.pick([1, 2, 3, 7, 64, 1000, 65536]));
}

// ---------------------------------------------------------------------------------------------
// Codebooks
// ---------------------------------------------------------------------------------------------

/** A random JSON value, nested up to `depth`. */
export function randomJson(rng: Rng, depth = 3): unknown {
  const kind = rng.int(depth > 0 ? 8 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return rng.pick([0, -1, 1, 1.5, 1e308, -1e308, 5e-324, 2 ** 53]);
    case 3:
      return rng.pick(['', ' ', 'id', 'yes', 'weight', 'country', '__proto__', 'constructor', 'toString', '1', '\u0000', '\ud800']);
    case 4:
      return String(rng.int(10));
    case 5:
      return rng.pick(['categorical', 'scale', 'en', 'nl', 'hasOwnProperty']);
    case 6:
      return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let k = rng.int(5); k > 0; k--) o[String(randomJson(rng, 0))] = randomJson(rng, depth - 1);
      return o;
    }
  }
}

/** Every path (keys and indices) to a value inside `root`. */
function paths(root: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(root)) root.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (root !== null && typeof root === 'object') for (const [k, v] of Object.entries(root)) paths(v, [...prefix, k], out);
  return out;
}

/** A mutated copy of a (valid) codebook: values replaced, keys deleted, array items duplicated or dropped, strings swapped. */
export function mutateJson(value: unknown, rng: Rng): unknown {
  const copy = structuredClone(value);
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const all = paths(copy).filter((p) => p.length > 0);
    if (all.length === 0) return randomJson(rng);
    const path = rng.pick(all);
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
    const key = path[path.length - 1];
    const holder = parent as Record<string | number, unknown>;
    const strings = all.map((p) => p.reduce<unknown>((v, s) => (v as Record<string | number, unknown>)[s], copy)).filter((v): v is string => typeof v === 'string');
    switch (rng.int(5)) {
      case 0:
        holder[key] = randomJson(rng, 2);
        break;
      case 1:
        if (Array.isArray(holder)) holder.splice(Number(key), 1);
        else delete holder[key];
        break;
      case 2:
        if (Array.isArray(holder)) holder.push(structuredClone(holder[Number(key)]));
        else holder[key] = [holder[key]];
        break;
      case 3:
        // Another string of the codebook: breaks cross-references (a scale id, a column) plausibly.
        if (strings.length) holder[key] = rng.pick(strings);
        break;
      default:
        if (typeof holder[key] === 'string') holder[key] = `${holder[key]}${rng.pick(['', ' ', 'x', '\u00e9'])}`;
        else if (typeof holder[key] === 'number') holder[key] = rng.pick([-(holder[key] as number), (holder[key] as number) + 1, 0, String(holder[key])]);
        else holder[key] = randomJson(rng, 1);
    }
  }
  return copy;
}
