import { describe, expect, it } from 'vitest';
import { streamReport } from './testing/checkUpload';
import { countLineBreaks, TextLines } from './lines';
import { problemMessage, problemPlace } from './problemMessages';
import type { ValidationReport } from './types';
import { validateUpload } from './validator';

/**
 * Problems name the data row and the file line where the row's record starts. The two differ
 * after a quoted line break, a header over several lines and blank lines; both validators (the
 * one-shot and the streaming one, fed in any chunks) and both record readers (the quote-free
 * scanner and papaparse) must give the same lines.
 */
const enc = (s: string) => new TextEncoder().encode(s);

/** The one-shot report, checked against the streaming one at several chunk sizes. */
function report(text: string): ValidationReport {
  const bytes = enc(text);
  const oneShot = validateUpload(bytes);
  for (const chunk of [1, 2, 3, 7, 64, bytes.length]) expect(streamReport(bytes, [chunk]), `chunks of ${chunk}`).toEqual(oneShot);
  return oneShot;
}

const places = (r: ValidationReport, code: string) => r.problems.filter((p) => p.code === code).map((p) => [p.row, p.line]);

describe('counting lines', () => {
  it('ends a line at "\\r\\n", "\\n" and a lone "\\r", as an editor does', () => {
    const text = 'a\nb\r\nc\rd';
    expect(countLineBreaks(text, 0, text.length, NaN)).toBe(3);
    // Split inside a "\r\n": the "\r" counts, the "\n" after it does not.
    expect(countLineBreaks(text, 0, 4, NaN) + countLineBreaks(text, 4, text.length, text.charCodeAt(3))).toBe(3);
    const lines = new TextLines(text);
    expect([0, 2, 5, 7].map((at) => lines.lineAt(at))).toEqual([1, 2, 3, 4]);
  });
});

describe('problems name the data row and the line where it starts', () => {
  it('the same when nothing is quoted: data row n on line n + 1', () => {
    expect(places(report('id,q1\n1,a\n2\n3,b,c\n'), 'RaggedRow')).toEqual([
      [2, 3],
      [3, 4],
    ]);
  });

  it('after a quoted line break, blank lines and a header over two lines', () => {
    const text = ['"id","q', '1"', '1,"two', 'lines"', '', '   ', '2', '3,x,y'].join('\n');
    const r = report(text);
    expect(r.header).toEqual(['id', 'q\n1']);
    expect(places(r, 'RaggedRow')).toEqual([
      [2, 7],
      [3, 8],
    ]);
    expect(problemPlace(r.problems[0], 'en')).toBe('data row 2, line 7');
    expect(problemPlace(r.problems[0], 'nl')).toBe('datarij 2, regel 7');
  });

  it('in a CRLF file with bare line feeds inside quoted fields (as Excel writes them)', () => {
    const r = report('id,comment\r\n1,"a\nb\nc"\r\n2,"d"\r\n3\r\n');
    expect(places(r, 'RaggedRow')).toEqual([[3, 6]]);
  });

  it('in a file split at lone "\\r"s, and where a stray "\\r\\n" starts a record with its "\\n"', () => {
    expect(places(report('id,q1\r1,a\r2\r'), 'RaggedRow')).toEqual([[2, 3]]);
    // The file's line break is "\r": the "\n" of the stray "\r\n" opens the next record, which is on the next line.
    expect(places(report('id,q1\r\n1,a\r2,b\r3\r'), 'RaggedRow')).toEqual([[3, 4]]);
  });

  it('the quote-free scanner and papaparse give the same lines', () => {
    const rows = ['id,q1,q2', '', '1,a', '2', '', '', '3,b,c,d', '4,e,f'];
    const plain = report(rows.join('\n'));
    // A quoted field anywhere sends the whole text to papaparse.
    const quoted = report([...rows.slice(0, -1), '4,"e",f'].join('\n'));
    expect(places(plain, 'RaggedRow')).toEqual([
      [1, 3],
      [2, 4],
      [3, 7],
    ]);
    expect(places(quoted, 'RaggedRow')).toEqual(places(plain, 'RaggedRow'));
  });

  it('a header problem names the line the header starts on, after blank lines', () => {
    const r = report('\n\nid,id\n1,2\n');
    expect(r.problems[0]).toMatchObject({ code: 'DuplicateHeader', row: 0, line: 3 });
    expect(problemPlace(r.problems[0], 'en')).toBe('header, line 3');
    expect(problemPlace(r.problems[0], 'nl')).toBe('kopregel, regel 3');
  });

  it('an invalid byte is placed on its row and line too', () => {
    const bytes = new Uint8Array([...enc('id,comment\n1,"two\nlines"\n2,caf'), 0xe9, ...enc('\n')]);
    const oneShot = validateUpload(bytes);
    expect(oneShot.problems).toEqual([expect.objectContaining({ code: 'InvalidUtf8', row: 2, line: 4, column: 'comment' })]);
    for (const chunk of [1, 3, bytes.length]) expect(streamReport(bytes, [chunk])).toEqual(oneShot);
  });
});

describe('control characters inside values', () => {
  it('a NUL byte is named with its data row, line and column, in English and Dutch, never copied', () => {
    const r = report('id,country,q1\n1,NL,a\n2,"D\nE",a\n3,BE,a\n4,FR,a\n5,N\u0000L,a\n');
    const nul = r.problems.find((p) => p.code === 'NulByte')!;
    expect(nul).toMatchObject({ type: 'warning', row: 5, line: 7, column: 'country' });
    expect(`${problemMessage(nul, 'en')} (${problemPlace(nul, 'en')}, column ${nul.column})`).toMatch(/^A NUL byte \(0x00\) in this field: .* \(data row 5, line 7, column country\)$/);
    expect(problemMessage(nul, 'nl')).toMatch(/^Een NUL-byte \(0x00\) in dit veld: /);
    expect(JSON.stringify(r)).not.toContain('\\u0000');
    expect(r.problems.every((p) => !p.message.includes('\u0000'))).toBe(true);
    // Kept: the file can be stored.
    expect(r.ok).toBe(true);
  });

  it('other control characters are named by code point and name, in both record readers', () => {
    for (const text of ['id,q1\n1,a\u001bb\n2,c\u007f\n3,\u0085\n', 'id,q1\n1,a\u001bb\n2,c\u007f\n3,"\u0085"\n']) {
      const r = report(text);
      expect(r.problems.map((p) => [p.code, p.row, p.line, (p.values as { character: string }).character])).toEqual([
        ['ControlCharacter', 1, 2, 'U+001B ESCAPE'],
        ['ControlCharacter', 2, 3, 'U+007F DELETE'],
        ['ControlCharacter', 3, 4, 'U+0085 NEXT LINE'],
      ]);
      expect(problemMessage(r.problems[0], 'en')).toMatch(/^The control character U\+001B ESCAPE in this field/);
      expect(problemMessage(r.problems[0], 'nl')).toMatch(/^Het stuurteken U\+001B ESCAPE in dit veld/);
    }
  });

  it('tab and line breaks inside a quoted field are text, not control characters', () => {
    expect(report('id,q1\n1,"a\tb\r\nc"\n').problems).toEqual([]);
  });
});
