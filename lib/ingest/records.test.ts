import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateStudyGColumns, studyGCsv } from '../../data/generate';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { CodeIndex } from '../survey/cells';
import { fieldsOf, SpanRecord, StringRecord, type CsvRecord } from '../survey/csvRecord';
import { loadSurveyFromCsv } from '../survey/dataset';
import { guessLinebreak, readRecords } from './records';
import { UploadValidator } from './validator';
import type { Delimiter, ValidateOptions } from './types';
import { ingestUpload, validateUpload } from './validator';

/**
 * The upload's own scanner must read a quote-free text exactly as papaparse does (the same
 * records, ending at the same places, split at the same line break), and a record read as spans
 * must answer every question as the same record read as strings. The fixtures and the streaming
 * validator's tests compare whole reports; these compare the parts on many small texts.
 */

/** A small seeded generator (mulberry32), so that a failing case can be reproduced. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];

/** The records papaparse gives for a text (the product's options), with where each ends. */
function papaparseRecords(text: string, delimiter: Delimiter) {
  const records: { fields: string[]; end: number; errors: number }[] = [];
  let linebreak = '';
  // papaparse drops one leading U+FEFF, so its offsets start after it.
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (r) => {
      linebreak = r.meta.linebreak;
      records.push({ fields: r.data, end: r.meta.cursor + offset, errors: r.errors.length });
    },
  });
  return { records, linebreak };
}

function scannedRecords(text: string, delimiter: Delimiter) {
  const records: { fields: string[]; end: number; errors: number }[] = [];
  const linebreak = guessLinebreak(text, delimiter);
  readRecords(text, delimiter, linebreak, (record, end, errors) => {
    records.push({ fields: fieldsOf(record), end, errors: errors.length });
  });
  // papaparse tells its line break with a record only.
  return { records, linebreak: records.length > 0 ? linebreak : '' };
}

const PIECES = ['a', 'b', 'NL', '1', '5', '0.5', ' ', '  x ', '\t', ',', ';', '\n', '\r', '\r\n', '\r\n', 'é', '😀', '\u00a0', '\ufeff', ''];

describe('readRecords reads a quote-free text as papaparse does', () => {
  const cases: [string, string][] = [
    ['LF, trailing line break', 'id,q1\n1,yes\n2,no\n'],
    ['no trailing line break', 'id,q1\n1,yes\n2,no'],
    ['CRLF', 'id,q1\r\n1,yes\r\n2,no\r\n'],
    ['CR only', 'id,q1\r1,yes\r2,no\r'],
    ['mostly CRLF with a lone LF and a lone CR inside fields', 'id,q1\r\n1,y\nes\r\n2,n\ro\r\n3,x\r\n'],
    ['LF file with stray CRs', 'id,q1\n1,yes\r\n2,no\r\n3,x\n'],
    ['a leading U+FEFF (a second byte-order mark)', '\ufeffid,q1\n1,yes\n'],
    ['two leading U+FEFF', '\ufeff\ufeffid,q1\n1,yes\n'],
    ['blank lines and blank records', '\n\nid,q1\n\n , \n1,yes\n\n\n'],
    ['ragged rows and a trailing delimiter', 'id,q1,\n1\n2,yes,no,extra\n3,,\n'],
    ['white space and non-ASCII', 'id,naam\n 1 ,Café Ünïcode 😀\n\u00a02\u00a0,\t\n'],
    ['a single field', 'x'],
    ['only line breaks and a field', '\r\n\r\nx\r\n'],
  ];
  for (const [name, text] of cases)
    for (const delimiter of [',', ';', '\t'] as const)
      it(`${name} (delimiter ${JSON.stringify(delimiter)})`, () => {
        expect(scannedRecords(text, delimiter)).toEqual(papaparseRecords(text, delimiter));
      });

  it('on 3,000 random texts of delimiters, line breaks, spaces and non-ASCII', () => {
    const next = random(20240601);
    for (let n = 0; n < 3000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(next() * 40) }, () => pick(next, PIECES));
      const text = parts.join('');
      if (text === '') continue;
      const delimiter = pick(next, [',', ';', '\t'] as const);
      expect(scannedRecords(text, delimiter), JSON.stringify(text)).toEqual(papaparseRecords(text, delimiter));
    }
  });

  it('leaves a text with quotes to papaparse: quoted delimiters, line breaks and quote errors', () => {
    for (const text of ['id,q1\n1,"a,b"\n2,"x\ny"\n', 'id,q1\r\n1,"a""b"\r\n2,"open\r\n', 'id,q1\n1,a"b\n']) expect(scannedRecords(text, ',')).toEqual(papaparseRecords(text, ','));
  });

  it('guesses the line break as papaparse does, also past its 1 MB sample', () => {
    const long = `${'x'.repeat(1024 * 1024 - 1)}\r\n1\r\n`;
    for (const text of ['a\r\nb\nc\r\n', 'a\nb\r\nc\r\n', 'a\rb\r\nc\r', long, `\ufeff${long}`, `${'y'.repeat(1024 * 1024)}\r\n`])
      expect(guessLinebreak(text, ',')).toBe(papaparseRecords(text, ',').linebreak);
  });
});

describe('SpanRecord answers as StringRecord does', () => {
  const CELL_PIECES = ['1', '5', '9', '0', '.', '-', 'e', 'NL', 'yes', ' ', '\t', '\u00a0', '\u2003', 'é', '\ufeff', '+', 'x'];
  const codes = new CodeIndex(['1', '2', 'NL', 'DE', 'yes', 'no', ' padded ', '35-49', 'é']);
  const bigCodes = new CodeIndex(Array.from({ length: 20 }, (_, i) => `c${i}`));

  function both(fields: string[]): [CsvRecord, CsvRecord] {
    const span = new SpanRecord();
    const text = `#${fields.join('')}`;
    span.reset(text);
    let at = 1;
    for (const f of fields) {
      span.push(at, at + f.length);
      at += f.length;
    }
    return [new StringRecord().of(fields), span];
  }

  it('on random fields: raw, trimmed, blank, one character, equality, number and code', () => {
    const next = random(7);
    for (let n = 0; n < 2000; n++) {
      const fields = Array.from({ length: 1 + Math.floor(next() * 6) }, () => Array.from({ length: Math.floor(next() * 5) }, () => pick(next, CELL_PIECES)).join(''));
      const [strings, spans] = both(fields);
      expect(spans.length).toBe(strings.length);
      // One index past the end: a missing field.
      for (let i = 0; i <= fields.length; i++) {
        if (i < fields.length) expect(spans.raw(i)).toBe(strings.raw(i));
        expect(spans.trimmed(i)).toBe(strings.trimmed(i));
        expect(spans.isBlank(i)).toBe(strings.isBlank(i));
        expect(spans.single(i)).toBe(strings.single(i));
        expect(Object.is(spans.numberOf(i), strings.numberOf(i)), JSON.stringify(fields[i])).toBe(true);
        for (const s of ['NL', 'yes', '', fields[i] ?? 'x']) expect(spans.equals(i, s)).toBe(strings.equals(i, s));
        expect(codes.ofField(spans, i)).toBe(codes.ofCell(fields[i]));
        expect(codes.ofField(strings, i)).toBe(codes.ofCell(fields[i]));
        expect(bigCodes.ofField(spans, i)).toBe(bigCodes.ofCell(fields[i]));
      }
    }
  });

  it('reads plain decimals exactly as Number() does', () => {
    const next = random(11);
    for (let n = 0; n < 20000; n++) {
      const digits = Array.from({ length: 1 + Math.floor(next() * 17) }, () => String(Math.floor(next() * 10))).join('');
      const point = Math.floor(next() * (digits.length + 1));
      const cell = next() < 0.7 ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits;
      const [, spans] = both([cell]);
      expect(Object.is(spans.numberOf(0), Number(cell)), cell).toBe(true);
    }
    for (const cell of ['0.825721', '1.5', '000.5', '123456789012345', '1234567890123456', '0.1', '9007199254740993', '.5', '5.', '1e3', '-1', '+2', ' 3 ', '1.2.3', '0.30000000000000004'])
      expect(Object.is(both([cell])[1].numberOf(0), Number(cell.trim())), cell).toBe(true);
  });
});

describe('the scanned ingest gives what papaparse would', () => {
  const dir = path.join(__dirname, 'fixtures');
  const parsed = parseCodebook(JSON.parse(readFileSync(path.join(dir, 'upload.codebook.json'), 'utf8')));
  if (!parsed.ok) throw new Error('fixture codebook is invalid');
  const codebook: Codebook = parsed.codebook;
  const enc = (s: string) => new TextEncoder().encode(s);

  /** The streaming validator reads with papaparse always: its report must equal the one-shot validator's, which scans. */
  function streamed(bytes: Uint8Array, options: ValidateOptions) {
    const v = new UploadValidator({ ...options, totalBytes: bytes.length });
    for (let i = 0; i < bytes.length; i += 7) v.push(bytes.subarray(i, i + 7));
    return v.finish();
  }

  const files: [string, string][] = [
    ['CRLF with padded cells', 'id,country,bond,weight,q1,q2,q3\r\n1, NL ,4, 1.5 ,yes,no,5\r\n2,DE,2,0.8,no,,3\r\n'],
    ['CR only', 'id,country,bond,weight,q1,q2,q3\r1,NL,4,1.5,yes,no,5\r2,DE,2,0.8,no,,3\r'],
    ['a second byte-order mark in the text', '\ufeffid,country,bond,weight,q1,q2,q3\n1,NL,4,1.5,yes,no,5\n'],
    ['unknown codes, bad weights, duplicate ids and blank lines', 'id,country,bond,weight,q1,q2,q3\n\n1,FR,7,1e400,maybe,no,6\n1,NL,x,-2,yes,yes,0\n , , , , , , \n3,NL,3,,no,yes,4\n4,DE,2,1.0000000000000002,yes,,35\n'],
    ['ragged rows, a short row and non-ASCII', 'id,country,bond,weight,q1,q2,q3,\n1,NL,4,1.5,yes,no,5,\n2,DE\n3,NL,4,1.5,jà,no,5,é\n'],
  ];
  for (const [name, text] of files)
    for (const withCodebook of [true, false])
      it(`${name} ${withCodebook ? 'with' : 'without'} the codebook: the streaming validator's report`, () => {
        const bytes = enc(text);
        const options: ValidateOptions = withCodebook ? { codebook } : {};
        expect(validateUpload(bytes, options)).toEqual(streamed(bytes, options));
      });

  it("study G's shape: the engine's columns equal those built from papaparse's rows", () => {
    const csv = studyGCsv(generateStudyGColumns(3000, 5));
    const studyG = parseCodebook(JSON.parse(readFileSync(path.join(__dirname, '../../data/study-g.codebook.json'), 'utf8')));
    if (!studyG.ok) throw new Error('study G codebook is invalid');
    const { data } = ingestUpload(enc(csv), { codebook: studyG.codebook });
    const expected = loadSurveyFromCsv(studyG.codebook, csv);
    expect(data).not.toBeNull();
    expect(data!.rowCount).toBe(3000);
    expect(data!.respondentIds).toEqual(expected.respondentIds);
    expect(Array.from(data!.weights)).toEqual(Array.from(expected.weights));
    for (const [id, column] of expected.attributes) {
      expect(Array.from(data!.attributes.get(id)!.levelOf), id).toEqual(Array.from(column.levelOf));
      expect(data!.attributes.get(id)!.values && Array.from(data!.attributes.get(id)!.values!)).toEqual(column.values && Array.from(column.values));
    }
    for (const [id, column] of expected.items) expect(Array.from(data!.items.get(id)!.answerOf), id).toEqual(Array.from(column.answerOf));
    expect(data!.attributes.get('country')!.levelOf).toBeInstanceOf(Int8Array);
  });
});
