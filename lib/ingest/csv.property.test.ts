import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { propertyOptions } from '../testing/propertyOptions';
import { ingestUpload, validateUpload } from './validator';
import { checkUpload, streamReport } from './testing/checkUpload';
import { reportViolations } from './testing/reportInvariants';
import type { Delimiter } from './types';

/**
 * CSV ingest on generated tables: any table of strings written out by papaparse (each delimiter,
 * with and without a UTF-8 byte-order mark, LF or CRLF) is read back with the right delimiter,
 * header, row and column counts, by the one-shot and the streaming validator alike; and any file
 * shaped like a study template with valid answers is ingested into columns of one row per data row.
 *
 * Seeds are fixed so that CI is deterministic; to run with a random seed:
 *   FC_SEED=random npx vitest run lib/ingest/csv.property.test.ts
 * (see lib/testing/propertyOptions.ts for replaying a seed and running more cases).
 */

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

/** Cells: unicode, ASCII control characters (NUL included), CSV's own special characters, blanks. */
const cellArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(',', ';', '\t', '"', '\n', '\r', '\r\n', ' ', '\uFEFF', '', 'a', 'é', '😀', '0', '1.5'), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.constant('') },
);

/** A header of distinct, non-blank names (a blank first record would not be the header). */
const headerArb = (columns: number) =>
  fc.uniqueArray(
    cellArb.filter((s) => s.trim() !== ''),
    { minLength: columns, maxLength: columns, selector: (s) => s.trim() },
  );

const tableArb = fc.integer({ min: 2, max: 6 }).chain((columns) =>
  fc.record({
    header: headerArb(columns),
    rows: fc.array(fc.array(cellArb, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 12 }),
    delimiter: fc.constantFrom(...DELIMITERS),
    bom: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n'),
    trailingNewline: fc.boolean(),
    chunks: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }),
  }),
);

const encoder = new TextEncoder();

/**
 * The file's bytes. Any cell holding one of the three candidate delimiters is quoted: otherwise a
 * column of "1;2" values in a comma file is honestly ambiguous, and no guess can be required.
 */
function serialise(t: { header: string[]; rows: string[][]; delimiter: Delimiter; bom: boolean; newline: string; trailingNewline: boolean }): Uint8Array {
  const text = Papa.unparse([t.header, ...t.rows], {
    delimiter: t.delimiter,
    newline: t.newline,
    quotes: (value: unknown) => /[,;\t"\r\n]|^\s|\s$|^\uFEFF/.test(String(value)),
  });
  const body = encoder.encode(text + (t.trailingNewline ? t.newline : ''));
  if (!t.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

const isBlankRow = (row: string[]) => row.every((cell) => cell.trim() === '');

describe('CSV ingest of generated tables', () => {
  it('reads back the delimiter, encoding, header and counts, without any error, streamed or not', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const bytes = serialise(t);
        const report = validateUpload(bytes);
        expect(reportViolations(report)).toEqual([]);
        // Rows whose every cell is blank are skipped, as an export's empty lines are.
        const dataRows = t.rows.filter((r) => !isBlankRow(r)).length;
        // A lone header line can be honestly ambiguous (é<tab>",0" is two fields either way); a
        // file with data is not.
        if (dataRows > 0) expect(report.delimiter).toBe(t.delimiter);
        expect(report.encoding).toBe(t.bom ? 'utf-8-bom' : 'utf-8');
        if (report.delimiter === t.delimiter) expect(report.header).toEqual(t.header.map((h) => h.trim()));
        expect(report.rowCount).toBe(dataRows);
        const errors = report.problems.filter((p) => p.type === 'error').map((p) => p.code);
        expect(errors).toEqual(dataRows === 0 ? ['HeaderOnly'] : []);
        expect(streamReport(bytes, t.chunks)).toEqual(report);
        expect(ingestUpload(bytes).report).toEqual(report);
      }),
      propertyOptions(501, 200),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Template-shaped files with valid answers
// ---------------------------------------------------------------------------------------------

const root = path.join(__dirname, '..', '..');
function codebookAt(file: string): Codebook {
  const parsed = parseCodebook(JSON.parse(readFileSync(path.join(root, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is not a valid codebook`);
  return parsed.codebook;
}
/** The two study templates' codebooks (lib/api/templates.ts serves them) and the fixtures' one. */
const CODEBOOKS: [string, Codebook][] = [
  ['study-g', codebookAt('data/study-g.codebook.json')],
  ['study-p', codebookAt('data/study-p.codebook.json')],
  ['upload fixtures', codebookAt('lib/ingest/fixtures/upload.codebook.json')],
];

/** The template's header: the codebook's columns (id, weight, attributes, items), as the template CSV has them. */
function headerOf(cb: Codebook): string[] {
  return [...new Set([cb.respondentId, ...(cb.weight ? [cb.weight] : []), ...cb.attributes.map((a) => a.column), ...cb.items.map((i) => i.column)])];
}

/** A valid row: every value a code of its column (or blank), conditional items answered only when asked. */
function validRowArb(cb: Codebook, index: number): fc.Arbitrary<Record<string, string>> {
  const blankOr = (arb: fc.Arbitrary<string>) => fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 5, arbitrary: arb });
  const parts: Record<string, fc.Arbitrary<string>> = {};
  if (cb.weight) parts[cb.weight] = fc.double({ min: 0.01, max: 50, noNaN: true }).map((w) => String(Math.round(w * 1e4) / 1e4 || 0.01));
  for (const a of cb.attributes)
    parts[a.column] = blankOr(a.kind === 'categorical' ? fc.constantFrom(...a.codes.map((c) => c.code)) : fc.integer({ min: Math.ceil(a.min), max: Math.floor(a.max) }).map(String));
  for (const item of cb.items) {
    const scale = cb.scales.find((s) => s.id === item.scale)!;
    parts[item.column] = blankOr(fc.constantFrom(...scale.codes.map((c) => c.code)));
  }
  return fc.record(parts).map((row) => {
    const out: Record<string, string> = { ...row, [cb.respondentId]: `R${index + 1}` };
    // An answer to an item not asked is only a warning, but the columns would leave it out: keep it blank.
    for (const item of cb.items) if (item.askedIf && !item.askedIf.in.includes(out[item.askedIf.column] ?? '')) out[item.column] = '';
    return out;
  });
}

const templateFileArb = fc.constantFrom(...CODEBOOKS).chain(([name, cb]) =>
  fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.record({
      name: fc.constant(name),
      codebook: fc.constant(cb),
      rows: fc.tuple(...Array.from({ length: n }, (_, i) => validRowArb(cb, i))),
      delimiter: fc.constantFrom(...DELIMITERS),
      bom: fc.boolean(),
      newline: fc.constantFrom('\n', '\r\n'),
      trailingNewline: fc.boolean(),
      chunks: fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 4 }),
    }),
  ),
);

describe('template-shaped files with valid answers', () => {
  it('are ingested without errors into columns of one row per data row, with every answer kept', () => {
    fc.assert(
      fc.property(templateFileArb, (f) => {
        const header = headerOf(f.codebook);
        const bytes = serialise({ ...f, header, rows: f.rows.map((r) => header.map((h) => r[h] ?? '')) });
        const { report, data } = ingestUpload(bytes, { codebook: f.codebook });
        expect(reportViolations(report)).toEqual([]);
        expect(report.problems.filter((p) => p.type === 'error')).toEqual([]);
        expect(report.rowCount).toBe(f.rows.length);
        expect(report.header).toEqual(header);
        expect(data).not.toBeNull();
        expect(data!.rowCount).toBe(f.rows.length);
        expect(data!.respondentIds).toEqual(f.rows.map((r) => r[f.codebook.respondentId]));
        for (const item of f.codebook.items) {
          const answered = f.rows.filter((r) => r[item.column] !== '').length;
          expect(data!.items.get(item.id)!.answerOf.filter((a) => a >= 0).length, item.id).toBe(answered);
        }
        expect(streamReport(bytes, f.chunks, { codebook: f.codebook })).toEqual(report);
      }),
      propertyOptions(502, 60),
    );
  });

  it('never break the validator when one cell is replaced by anything (every report well formed)', () => {
    fc.assert(
      fc.property(templateFileArb, fc.nat(), fc.nat(), cellArb, (f, r, c, value) => {
        const header = headerOf(f.codebook);
        const rows = f.rows.map((row) => header.map((h) => row[h] ?? ''));
        rows[r % rows.length][c % header.length] = value;
        const { failures } = checkUpload(serialise({ ...f, header, rows }), f.codebook, f.chunks);
        expect(failures).toEqual([]);
      }),
      propertyOptions(503, 60),
    );
  });
});
