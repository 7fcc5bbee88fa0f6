import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { buildSurveyData, DatasetError } from '../survey/dataset';
import { codeOfKey } from '../survey/problemText';
import { codebookTooLargeProblem, countsOk, ingestProblem, PROBLEM_KIND_LABELS, PROBLEM_TEXT, problemMessage, problemType, UPLOAD_ANSWER_TEXT, uploadAnswerMessage, WARNING_CODES } from './problemMessages';
import { streamReport } from './testing/checkUpload';
import type { Problem } from './types';
import { validateUpload } from './validator';

/**
 * Every problem an upload can get has its message in English and Dutch, and a label for its kind:
 * the validators', the engine builder's, the codebook checks', and the upload route's. The codes
 * are those of the catalog (problemMessages.ts, lib/survey/problemText.ts); this test fails when
 * a wording lacks a language, when the two languages name different values, when a module makes a
 * problem outside the catalog, or when a file produces a code the catalog does not know.
 */
const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Every code the catalog words: the codes of the problems an upload can get. */
const CODES = [...new Set(Object.keys(PROBLEM_TEXT).map(codeOfKey))].sort();

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the problem catalog', () => {
  it('lists every code the validators, the builder, the codebook checks and the upload route make', () => {
    expect(CODES).toEqual(
      [
        // The engine's builder (lib/survey/dataset.ts).
        'AnsweredNotAsked', 'BadWeight', 'DuplicateId', 'EmptyFile', 'MissingColumn', 'MissingId', 'NegativeWeight', 'NoRows', 'OutOfScale', 'RaggedRow', 'UnknownCode',
        // The validators and their limits.
        'BlankHeader', 'CodebookTooLarge', 'ControlCharacter', 'DelimiterNotDetected', 'DuplicateHeader', 'EmptyUnnamedColumn', 'FieldTooLong', 'FileTooLarge', 'HeaderOnly', 'HeaderTooLong',
        'InvalidUtf8', 'MalformedQuote', 'NulByte', 'TooManyColumns', 'TooManyRows', 'UnclosedQuote',
        // The personal-data guard.
        'PersonalDataColumn', 'PersonalDataKept', 'PersonalRespondentId', 'UnknownKeepColumn',
        // The codebook checks.
        'HugeWeight', 'WeightSumOverflow', 'ZeroWeight',
        // Several files, one dataset (ids across files share DuplicateId).
        'BadPlan',
        // The upload route.
        'BadCodebook', 'PersonalColumnNeeded',
        // SPSS and Excel files (lib/formats).
        'FormatMismatch', 'SavBadHeader', 'SavEncoding', 'SavTooManyVariables', 'SavTruncated', 'SavZlib', 'SavZlibTooLarge',
        'XlsxBroken', 'XlsxEncrypted', 'XlsxMergedHeader', 'XlsxNoSheet', 'XlsxNotZip', 'XlsxTooLarge', 'XlsxTooLargeBrowser', 'XlsxUnknownSheet',
      ].sort(),
    );
  });

  it('words every code in English and Dutch, naming the same values in both', () => {
    for (const [key, label] of Object.entries(PROBLEM_TEXT)) {
      expect(label.en.trim(), key).not.toBe('');
      expect(label.nl.trim(), key).not.toBe('');
      expect(label.nl, `${key}: the Dutch is the English`).not.toBe(label.en);
      expect(placeholders(label.nl), key).toEqual(placeholders(label.en).map((p) => (p === 'attribute' || (p === 'detail' && key === 'BadCodebook') ? `${p}Nl` : p)).sort());
    }
    for (const [code, label] of Object.entries(UPLOAD_ANSWER_TEXT)) {
      expect(label.nl, code).not.toBe(label.en);
      expect(placeholders(label.en), code).toEqual([]);
    }
  });

  it('labels every kind in both languages, and knows whether each is an error or a warning', () => {
    expect(Object.keys(PROBLEM_KIND_LABELS).sort()).toEqual(CODES);
    for (const [code, label] of Object.entries(PROBLEM_KIND_LABELS)) expect([label.en.trim() !== '', label.nl.trim() !== '', label.nl !== label.en || code === 'NulByte'], code).toEqual([true, true, true]);
    for (const code of WARNING_CODES) expect(CODES).toContain(code);
    expect(countsOk({ PersonalDataColumn: 3, NulByte: 1 })).toBe(true);
    expect(countsOk({ PersonalDataColumn: 3, RaggedRow: 1 })).toBe(false);
  });

  it('is the only maker of the upload’s problems: no module writes a problem code of its own', () => {
    const dirs = ['lib/ingest', 'lib/formats', 'lib/survey', 'lib/api', 'app/api/datasets', 'app/(product)/datasets/upload'];
    const files = dirs.flatMap((d) => readdirSync(path.join(root, d), { recursive: true, encoding: 'utf8' }).map((f) => path.join(d, f)));
    // The mapping screen's own problems (lib/ingest/mapping.ts) are being rewritten with the screen.
    const sources = files.filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$|\/testing\/|\/fixtures\/|mapping\.ts$/.test(f));
    const literal = /\bcode: '([A-Z]\w+)'/g;
    const found = sources.flatMap((f) => [...read(f).matchAll(literal)].map((m) => `${f}: ${m[1]}`));
    expect(found).toEqual([]);
  });

  it('words every answer of the upload route that the page shows', () => {
    const route = `${read('lib/api/upload.ts')}\n${read('app/api/datasets/route.ts')}\n${read('app/server/request.ts')}`;
    const codes = new Set([...route.matchAll(/new ApiError\(\d+, '(\w+)'/g)].map((m) => m[1]));
    for (const m of route.matchAll(/parseField\([^)]*'(\w+)'\)/g)) codes.add(m[1]);
    expect(codes.size).toBeGreaterThan(8);
    for (const code of codes) expect(code in UPLOAD_ANSWER_TEXT || code === 'FileTooLarge' || code === 'CodebookTooLarge', code).toBe(true);
    expect(uploadAnswerMessage({ code: 'FileTooLarge', message: 'the upload is 250 MB; the limit is 200 MB', limit: { max: 200 * 1024 * 1024, unit: 'bytes', found: 250 * 1024 * 1024 } }, 'nl')).toBe(
      'Het bestand is 250 MB; de limiet is 200 MB.',
    );
    expect(uploadAnswerMessage({ code: 'InvalidData', message: 'the file has errors; nothing was stored' }, 'nl')).toBe('Het bestand bevat fouten; er is niets bewaard.');
    // A code the page does not know (a newer server) is shown with the server's message.
    expect(uploadAnswerMessage({ code: 'Unheard', message: 'something new' }, 'nl')).toBe('Something new.');
  });
});

describe('problems as files produce them', () => {
  const cb = parseCodebook(JSON.parse(read('lib/ingest/fixtures/upload.codebook.json')));
  if (!cb.ok) throw new Error('fixture codebook is invalid');
  const codebook: Codebook = cb.codebook;
  const fixtures = readdirSync(path.join(root, 'lib/ingest/fixtures')).filter((f) => /\.(csv|tsv)$/.test(f));
  const enc = (s: string) => new TextEncoder().encode(s);
  const extra: [string, Uint8Array][] = [
    ['control characters', enc('id,country,q1\n1,N\u0000L,yes\n2,\u001bNL,yes\n')],
    ['a header only', enc('id,q1\n')],
    ['blank space', enc('  \n \n')],
    ['a stray quote', enc('id,q1\n1,"yes\n2,no\n')],
    ['text after a closing quote', enc('id,q1\n1,"yes"x\n')],
    ['UTF-16', new Uint8Array([0xff, 0xfe, ...enc('i\0d\0\n\0')])],
  ];

  it('gives only catalogued codes, each worded in both languages with every value it names', () => {
    const seen = new Set<string>();
    const check = (p: Problem, where: string) => {
      seen.add(p.code);
      expect(CODES, where).toContain(p.code);
      expect(p.type, where).toBe(problemType(p.code));
      for (const locale of ['en', 'nl'] as const) expect(problemMessage(p, locale), `${where} ${p.code} ${locale}`).not.toMatch(/\{\w+\}/);
      // The English message of the API is the catalog's English.
      expect(problemMessage(p, 'en').toLowerCase(), where).toContain(p.message.slice(1, 20).toLowerCase());
    };
    for (const file of fixtures)
      for (const options of [{}, { codebook }, { codebook, keepPersonalColumns: ['email', 'nope'] }]) {
        const bytes = new Uint8Array(readFileSync(path.join(root, 'lib/ingest/fixtures', file)));
        const r = validateUpload(bytes, options);
        r.problems.forEach((p) => check(p, file));
        expect(streamReport(bytes, [5], options), file).toEqual(r);
      }
    for (const [name, bytes] of extra) validateUpload(bytes, { codebook }).problems.forEach((p) => check(p, name));
    for (const limit of [validateUpload(enc('a,b\n1,2\n'), { maxBytes: 3 }), validateUpload(enc('a,b\n1,2\n2,3\n'), { maxRows: 1 }), validateUpload(enc('a,b\n1,2\n'), { maxColumns: 1 })])
      limit.problems.forEach((p) => check(p, 'limits'));
    check(codebookTooLargeProblem(6 * 1024 * 1024, 5 * 1024 * 1024), 'codebook');
    check(ingestProblem('PersonalColumnNeeded', undefined, { column: 'email' }), 'route');
    try {
      buildSurveyData(codebook, ['x'], [['1']]);
    } catch (e) {
      (e as DatasetError).problems.forEach((p) => check(p, 'builder'));
    }
    // The inputs reach most of the catalog (the rest are reached by validate.test.ts and limits.test.ts).
    expect(seen.size).toBeGreaterThan(28);
  });

  it('words quoted values, numbers and limits in the reader’s language', () => {
    const r = validateUpload(enc('id,country,bond,weight,q1,q2,q3\n1,XX,9,1.5,yes,no,5\n2,NL,3,1,yes,no,5\n'), { codebook });
    const [unknown, outOfScale] = r.problems;
    expect(problemMessage(unknown, 'en')).toBe('"XX" is not a code of Country (NL, DE).');
    expect(problemMessage(unknown, 'nl')).toBe('"XX" is geen code van Land (NL, DE).');
    expect(problemMessage(outOfScale, 'nl')).toBe('"9" valt buiten de schaal 1-5.');
    const ragged = validateUpload(enc('id,q1\n1\n'));
    expect(problemMessage(ragged.problems[0], 'en')).toBe('The row has 1 field; the header has 2.');
    expect(problemMessage(ragged.problems[0], 'nl')).toBe('De rij heeft 1 veld; de kopregel heeft er 2.');
    const personal = validateUpload(enc('id,E-mail\n1,a@b.nl\n2,c@d.nl\n'));
    expect(problemMessage(personal.problems[0], 'en')).toBe(
      'Looks like e-mail addresses (header "E-mail"; 2 of 2 sampled values look like e-mail addresses); it will be dropped before storing unless you choose to keep it.',
    );
    expect(problemMessage(personal.problems[0], 'nl')).toBe(
      'Lijkt op e-mailadressen (kolomnaam "E-mail"; 2 van 2 waarden in de steekproef lijken op e-mailadressen); de kolom wordt vóór het bewaren verwijderd, tenzij je ervoor kiest haar te behouden.',
    );
  });
});
