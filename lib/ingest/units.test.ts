import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { decodeUpload, scanUtf8 } from './encoding';
import { classifyColumn, dropPersonalColumns, kindFromHeader } from './personal';
import { reportToCsv } from './reportCsv';
import { validateUpload } from './validator';

const parsed = parseCodebook(JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'upload.codebook.json'), 'utf8')));
const codebook = (parsed as { codebook: Codebook }).codebook;
const utf8 = (s: string) => new TextEncoder().encode(s);
const H = 'id,country,bond,weight,q1,q2,q3';
const row = (id: number | string, weight: string | number = 1) => `${id},NL,4,${weight},yes,no,5`;

describe('limits', () => {
  it('refuses a file over maxBytes without reading it', () => {
    const report = validateUpload(utf8(`${H}\n${row(1)}\n`), { maxBytes: 10 });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['FileTooLarge']);
    expect(report.problems[0].message).toBe('the file is 50 bytes; the limit is 10 bytes');
    expect(report.header).toEqual([]);
  });

  it('accepts a file of exactly maxBytes', () => {
    const bytes = utf8(`${H}\n${row(1)}\n`);
    expect(validateUpload(bytes, { maxBytes: bytes.length }).ok).toBe(true);
  });

  it('stops at maxRows with an error naming the limit; maxRows itself is fine', () => {
    const text = `${H}\n${[1, 2, 3, 4].map((i) => row(i)).join('\n')}\n`;
    expect(validateUpload(utf8(text), { maxRows: 4 }).ok).toBe(true);
    const report = validateUpload(utf8(text), { maxRows: 3, codebook });
    expect(report.problems.map((p) => [p.code, p.row])).toEqual([['TooManyRows', 4]]);
    expect(report.problems[0].message).toContain('more than 3 rows');
    expect(report.rowCount).toBe(3);
  });
});

describe('problem caps and counts', () => {
  it('lists at most maxProblemsPerCode per code but counts all, for its own and the builder\'s checks', () => {
    const lines = [H];
    for (let i = 1; i <= 150; i++) lines.push(`7,NL,4,0,yes,no,5,extra`); // ragged, zero weight, duplicate id (from row 2)
    const report = validateUpload(utf8(lines.join('\n')), { codebook });
    expect(report.counts).toEqual({ RaggedRow: 150, ZeroWeight: 150, DuplicateId: 149 });
    const listed = (code: string) => report.problems.filter((p) => p.code === code).length;
    expect(listed('RaggedRow')).toBe(100);
    expect(listed('ZeroWeight')).toBe(100);
    expect(listed('DuplicateId')).toBe(20); // the builder's own cap per column
    expect(validateUpload(utf8(lines.join('\n')), { codebook, maxProblemsPerCode: 5 }).problems.filter((p) => p.code === 'RaggedRow')).toHaveLength(5);
  });

  it('reports a weight total that overflows', () => {
    const report = validateUpload(utf8(`${H}\n${row(1, '1e308')}\n${row(2, '1e308')}\n`), { codebook });
    expect(report.problems.map((p) => [p.type, p.code, p.row])).toEqual([
      ['warning', 'HugeWeight', 1],
      ['warning', 'HugeWeight', 2],
      ['error', 'WeightSumOverflow', 2],
    ]);
  });

  it('treats a weight of exactly one billion as plausible and just above it as huge', () => {
    expect(validateUpload(utf8(`${H}\n${row(1, 1e9)}\n`), { codebook }).problems).toEqual([]);
    expect(validateUpload(utf8(`${H}\n${row(1, 1000000001)}\n`), { codebook }).counts).toEqual({ HugeWeight: 1 });
  });
});

describe('encoding', () => {
  it('locates the first invalid byte of several kinds of bad UTF-8', () => {
    expect(scanUtf8(utf8('héllo €'))).toEqual({ first: -1, count: 0 });
    expect(scanUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toMatchObject({ first: 1 }); // overlong
    expect(scanUtf8(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]))).toMatchObject({ first: 2 }); // surrogate
    expect(scanUtf8(new Uint8Array([0xe2, 0x82]))).toMatchObject({ first: 0 }); // truncated
    expect(scanUtf8(new Uint8Array([0x41, 0xf4, 0x90, 0x80, 0x80]))).toMatchObject({ first: 1 }); // above U+10FFFF
    expect(scanUtf8(new Uint8Array([0x80, 0x41, 0xff]))).toEqual({ first: 0, count: 2 });
  });

  it('counts the byte offset from the start of the file, byte-order mark included, and finds the header row', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('id,caf'), 0xe9, ...utf8('\n1,x\n')]);
    const decoded = decodeUpload(bytes);
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.invalid).toEqual({ offset: 9, count: 1, utf16: false });
    const report = validateUpload(bytes);
    expect(report.problems.map((p) => [p.code, p.row, p.column])).toEqual([['InvalidUtf8', 0, 'caf\uFFFD']]);
    expect(report.problems[0].message).toContain('byte 9 (0xE9)');
  });

  it('names the row of a bad byte after a quoted newline, and the first column of a line', () => {
    const bytes = new Uint8Array([...utf8('id,note\n1,"a\nb"\n'), 0xe9, ...utf8(',x\n')]);
    expect(validateUpload(bytes).problems.map((p) => [p.code, p.row, p.column])).toEqual([['InvalidUtf8', 2, 'id']]);
  });

  it('says so when the file is UTF-16', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]);
    const report = validateUpload(bytes);
    expect(report.counts.InvalidUtf8).toBe(1);
    expect(report.problems.find((p) => p.code === 'InvalidUtf8')!.message).toContain('UTF-16');
  });

  it('treats a file holding only a byte-order mark and blank lines as empty', () => {
    const report = validateUpload(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x0d, 0x0a]));
    expect(report.encoding).toBe('utf-8-bom');
    expect(report.problems.map((p) => p.code)).toEqual(['EmptyFile']);
  });
});

describe('delimiter', () => {
  it('prefers semicolon when commas are decimal separators, and warns on a single column', () => {
    expect(validateUpload(utf8('a;b;c\n1,5;2,5;3\n4,1;5;6,2\n')).delimiter).toBe(';');
    const single = validateUpload(utf8('id\n1\n2\n'));
    expect(single.delimiter).toBe(',');
    expect(single.problems.map((p) => p.code)).toEqual(['DelimiterNotDetected']);
  });
});

describe('personal-data guard', () => {
  it('reads identifier kinds from headers in English and Dutch, whole words only', () => {
    const kinds = Object.fromEntries(
      ['E-mail', 'emailadres', 'Telefoonnummer', 'mobile phone number', 'first_name', 'lastName', 'Naam', 'Straat', 'huisnummer', 'Home address', 'ZIP', 'Postal code', 'IP address', 'zipper', 'tip', 'smartphone', 'phone_use', 'email_opt_in', 'brand name', 'street name'].map((h) => [h, kindFromHeader(h)]),
    );
    expect(kinds).toEqual({
      'E-mail': 'email', emailadres: 'email', Telefoonnummer: 'phone', 'mobile phone number': 'phone', first_name: 'name', lastName: 'name', Naam: 'name', Straat: 'street-address', huisnummer: 'street-address',
      'Home address': 'street-address', ZIP: 'postcode', 'Postal code': 'postcode', 'IP address': 'ip-address',
      zipper: undefined, tip: undefined, smartphone: undefined, phone_use: undefined, email_opt_in: undefined, 'brand name': undefined, 'street name': 'street-address',
    });
  });

  it('reads identifier kinds from values under neutral headers', () => {
    const kind = (values: string[]) => classifyColumn('x', values)?.kind;
    expect(kind(['+31 6 12345678', '+31612345678', '06-12345678'])).toBe('phone');
    expect(kind(['0044 20 7946 0958'])).toBe('phone');
    expect(kind(['fe80::1', '2001:db8:0:0:0:0:2:1'])).toBe('ip-address');
    expect(kind(['1011 AB', '9999ZZ'])).toBe('postcode');
    expect(kind(['SW1A 1AA', 'EC1A 1BB'])).toBe('postcode');
    expect(kind(['Keizersgracht 123', 'Laan van Meerdervoort 5-2', 'Stationsweg 1a'])).toBe('street-address');
    expect(kind(['221 Baker Street'])).toBe('street-address');
    expect(kind(['Anna de Vries', 'Bert Jansen'])).toBeUndefined(); // names need a name header
    expect(classifyColumn('naam', ['Anna de Vries'])).toEqual({
      kind: 'name',
      evidence: 'header "naam"; 1 of 1 sampled values look like first and last names',
      basis: { header: true, hits: 1, sampled: 1, looksLike: 'full-name' },
    });
  });

  it('does not flag ordinary survey values', () => {
    for (const values of [['0.123456789', '1.5'], ['1000000001', '1000000002'], ['12:30:00'], ['Wave 1', 'Group 2'], ['1', '2', '3'], ['NL', 'DE'], ['Albert Heijn', 'Jumbo Markt'], ['2024-03-01']])
      expect(classifyColumn('x', values), values.join()).toBeUndefined();
  });

  it('needs half of the sampled values to match', () => {
    expect(classifyColumn('x', ['a@b.nl', 'no', 'no'])).toBeUndefined();
    expect(classifyColumn('x', ['a@b.nl', 'c@d.nl', 'no', 'no'])?.kind).toBe('email');
  });

  it('leaves the codebook\'s answer columns alone but calls e-mail respondent ids an error', () => {
    const text = `${H}\nanna@example.nl,NL,4,1,yes,no,5\nbert@example.nl,DE,2,1,no,,3\n`;
    const report = validateUpload(utf8(text), { codebook });
    expect(report.problems.map((p) => [p.type, p.code, p.column])).toEqual([['error', 'PersonalRespondentId', 'id']]);
    const kept = validateUpload(utf8(text), { codebook, keepPersonalColumns: ['id', 'nope'] });
    expect(kept.problems.map((p) => [p.type, p.code, p.column])).toEqual([['warning', 'UnknownKeepColumn', 'nope'], ['warning', 'PersonalDataKept', 'id']]);
    expect(kept.ok).toBe(true);
  });

  it('drops the flagged columns that are not kept, without touching its arguments', () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'personal-data.csv')));
    const report = validateUpload(bytes, { codebook, keepPersonalColumns: ['postcode'] });
    const { data } = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
    const [header, ...rows] = data;
    const before = JSON.stringify(data);
    const result = dropPersonalColumns(header, rows, report);
    expect(result.header).toEqual(['id', 'country', 'bond', 'weight', 'q1', 'q2', 'q3', 'postcode', 'brand', 'notes', 'phone_use']);
    expect(result.dropped).toEqual(['email', 'Telefoon', 'First name', 'adres', 'ip', 'contact']);
    expect(result.rows[0]).toEqual(['1', 'NL', '4', '1', 'yes', 'no', '5', '1234 AB', 'Albert Heijn', 'Wave 1', '3']);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('reportToCsv', () => {
  it('writes info lines, every listed problem, and how many more there were, formula-safe', () => {
    const lines = ['id,=cmd', ...Array.from({ length: 103 }, (_, i) => `${i},x,extra`)];
    const report = validateUpload(utf8(lines.join('\n')));
    const csv = reportToCsv(report);
    expect(csv.startsWith('\uFEFFtype,code,data row,line,column,message\r\n')).toBe(true);
    const { data } = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(data).toContainEqual(['info', 'Delimiter', '', '', '', 'comma']);
    expect(data).toContainEqual(['info', 'Count', '', '', '', 'RaggedRow: 103']);
    expect(data).toContainEqual(['error', 'RaggedRow', '1', '2', '', 'The row has 3 fields; the header has 2.']);
    expect(data.filter((r) => r[0] === 'error')).toHaveLength(100);
    expect(data[data.length - 1]).toEqual(['info', 'RaggedRow', '', '', '', '3 more RaggedRow problems not listed']);
    // In Dutch: the header, the types and every message.
    const dutch = Papa.parse<string[]>(reportToCsv(report, 'nl').slice(1), { skipEmptyLines: true }).data;
    expect(dutch[0]).toEqual(['type', 'code', 'datarij', 'regel', 'kolom', 'melding']);
    expect(dutch).toContainEqual(['info', 'Scheidingsteken', '', '', '', 'komma']);
    expect(dutch).toContainEqual(['fout', 'RaggedRow', '1', '2', '', 'De rij heeft 3 velden; de kopregel heeft er 2.']);
    expect(dutch[dutch.length - 1]).toEqual(['info', 'RaggedRow', '', '', '', 'nog 3 problemen met code RaggedRow, niet afzonderlijk vermeld']);
  });

  it('neutralises cells of the uploaded file that a spreadsheet would run as formulas', () => {
    const report = validateUpload(utf8('id,=HYPERLINK("x"),=HYPERLINK("x")\n1,2,3\n'));
    const csv = reportToCsv(report);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});

describe('never throws on bad input', () => {
  it('survives random bytes and random CSV-ish text', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = utf8('ab1,;\t"\n\r é0-9@.');
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(rand() * 200);
      const bytes = new Uint8Array(length).map(() => (n % 2 ? Math.floor(rand() * 256) : alphabet[Math.floor(rand() * alphabet.length)]));
      const report = validateUpload(bytes, { codebook });
      expect(report.ok).toBe(!report.problems.some((p) => p.type === 'error'));
      for (const p of report.problems) expect(report.counts[p.code]).toBeGreaterThan(0);
    }
  });
});
