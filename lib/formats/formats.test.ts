import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkSource } from './checkSource';
import { readSav, SavError } from './sav';
import { detectFormat, readSource, sourceProblem } from './source';
import { MAX_INFLATED_BYTES, readXlsx, workbookSheetNames, XlsxError } from './xlsx';
import { readRowsStreaming } from './xlsxStream';

const dir = path.join(__dirname, 'fixtures');
const file = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const savBytes = file('survey-utf8.sav');

async function problemOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (e) {
    return sourceProblem(e)?.code;
  }
  return undefined;
}

describe('an Excel sheet (written by exceljs, fixtures/make-fixtures.ts)', () => {
  it('reads the first sheet: its header, numbers as values, dates as ISO dates, formulas as their cached values', async () => {
    const x = await readXlsx(file('survey.xlsx'));
    expect(x.sheets).toEqual(['Antwoorden', 'Toelichting']);
    expect(x.header).toEqual(['resp_id', 'land', 'geslacht', 'leeftijd', 'q5_1', 'q5_2', 'q5_3', 'q5_4', 'interviewdatum', 'gewicht']);
    expect(x.rows).toHaveLength(60);
    const sav = readSav(savBytes);
    const savRows = [...sav.rows()];
    x.rows.forEach((row, i) => {
      expect(row[0]).toBe(savRows[i][0]);
      expect(row[3]).toBe(savRows[i][3]);
      expect(row[8]).toBe(`2026-05-${String(1 + (i % 28)).padStart(2, '0')}`);
      expect(Number(row[9])).toBeCloseTo(Number(savRows[i][13]), 12);
    });
    expect(x.rows[0][1]).toMatch(/^(Nederland|België|Duitsland)$/);
  });

  it('reads a chosen sheet, and names a missing one', async () => {
    expect((await readXlsx(file('survey.xlsx'), { sheet: 'Toelichting' })).header).toEqual(['Synthetische testgegevens']);
    expect(await problemOf(() => readXlsx(file('survey.xlsx'), { sheet: 'Nope' }))).toBe('XlsxUnknownSheet');
  });

  it('skips wholly blank rows, as a CSV\'s blank lines are skipped, and keeps a row with any value', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(['id', 'q1']);
    sheet.addRow(['1', 2]);
    sheet.addRow(['', '']);
    sheet.addRow(['3', null]);
    sheet.addRow([' ', null]);
    const x = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(x.rows).toEqual([['1', '2'], ['3', '']]);
  });

  it('flags a header over merged rows instead of guessing', async () => {
    const problem = await readXlsx(file('merged-header.xlsx')).catch((e) => sourceProblem(e));
    expect(problem).toMatchObject({ code: 'XlsxMergedHeader', type: 'error' });
    expect((problem as { message: string }).message).toMatch(/merged cells \([A-D]1:[A-D][12]\)/);
  });

  it('refuses a zip bomb while inflating, whatever its directory declares, before exceljs sees it', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(100_000);
    // Its directory declares 8 MB at a ratio of about 1,000: refused before inflating.
    const rowsReader = readRowsStreaming;
    await expect(readXlsx(bomb, { maxInflatedBytes: 1024 * 1024, rowsReader })).rejects.toMatchObject({ code: 'XlsxTooLarge' });
    // Under the total limit, its ratio gives it away (in the browser too).
    await expect(readXlsx(bomb, { maxInflatedBytes: 64 * 1024 * 1024, rowsReader })).rejects.toMatchObject({ code: 'XlsxTooLarge', message: expect.stringMatching(/zip bomb/) });
    await expect(readXlsx(bomb, { maxInflatedBytes: 64 * 1024 * 1024 })).rejects.toMatchObject({ code: 'XlsxTooLarge' });
    expect(await problemOf(() => readXlsx(bomb, { maxInflatedBytes: 1024 * 1024, rowsReader }))).toBe('XlsxTooLarge');
    // A directory that understates the sizes (see formats.routes.test.ts) is caught while inflating.
  });

  it('names an encrypted workbook and a zip that is no workbook', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await problemOf(() => readXlsx(ole))).toBe('XlsxEncrypted');
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    expect(await problemOf(async () => readXlsx(await zip.generateAsync({ type: 'uint8array' })))).toBe('XlsxNotZip');
    expect(new XlsxError('XlsxBroken', 'x').code).toBe('XlsxBroken');
  });
});

describe('a workbook of several sheets, read by the server (exceljs streaming) and the browser (exceljs in memory) alike', () => {
  const several = file('survey-sheets.xlsx');
  it('lists the sheets in the workbook’s order, for the upload panel’s choice', async () => {
    expect(await workbookSheetNames(several)).toEqual(['Toelichting', 'Antwoorden', 'Tabel']);
    expect(await workbookSheetNames(savBytes)).toEqual([]);
  });

  it('reads the first sheet by default and a chosen one on request, the same rows by either reader', async () => {
    for (const rowsReader of [undefined, readRowsStreaming]) {
      const first = await readXlsx(several, { rowsReader });
      expect([first.sheet, first.header, first.rows]).toEqual(['Toelichting', ['Onderzoek naar personalisatie, juni 2026'], [['Synthetische testgegevens: de antwoorden staan op het werkblad Antwoorden.']]]);
      const chosen = await readXlsx(several, { sheet: 'Antwoorden', rowsReader });
      expect(chosen.header).toEqual(['resp_id', 'land', 'leeftijd', 'q5_1', 'q5_2']);
      expect(chosen.rows).toHaveLength(60);
      expect(await problemOf(() => readXlsx(several, { sheet: 'Tabel', rowsReader }))).toBe('XlsxMergedHeader');
    }
    const streamed = await readXlsx(file('survey.xlsx'), { rowsReader: readRowsStreaming });
    expect(streamed).toEqual(await readXlsx(file('survey.xlsx')));
    expect(streamed.rows[0][8]).toBe('2026-05-01');
  });

  it('the browser’s reader refuses a workbook past its lower limit with its own message; the server’s reads it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(['id', 'q1', 'note']);
    for (let i = 0; i < 3000; i++) sheet.addRow([i, i % 5, `respondent ${i} said something of a few words`]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const limit = 64 * 1024;
    expect(await problemOf(() => readXlsx(bytes, { maxInflatedBytes: limit }))).toBe('XlsxTooLargeBrowser');
    expect((await readXlsx(bytes, { rowsReader: readRowsStreaming })).rows).toHaveLength(3000);
    expect(MAX_INFLATED_BYTES).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('which format a file is read as', () => {
  const csv = new TextEncoder().encode('id,q1\n1,2\n');
  it('goes by the bytes, and refuses a name that says otherwise', () => {
    expect(detectFormat(savBytes, 'data.sav')).toEqual({ format: 'sav' });
    expect(detectFormat(savBytes, 'export')).toEqual({ format: 'sav' });
    expect(detectFormat(csv, 'data.csv')).toEqual({ format: 'csv' });
    const renamed = detectFormat(savBytes, 'data.csv');
    expect(renamed).toMatchObject({ problem: { code: 'FormatMismatch', type: 'error' } });
    expect((renamed as { problem: { message: string } }).problem.message).toBe('the file is named ".csv" but holds an SPSS data file; give it the extension of what it holds (.sav)');
    expect(detectFormat(csv, 'data.sav')).toMatchObject({ problem: { code: 'FormatMismatch' } });
    expect(detectFormat(file('survey.xlsx'), 'data.csv')).toMatchObject({ problem: { code: 'FormatMismatch' } });
  });
});

describe('hostile SPSS files: a clear problem, nothing allocated from a claim', () => {
  const withInt = (offset: number, value: number) => {
    const b = savBytes.slice();
    new DataView(b.buffer).setInt32(offset, value, true);
    return b;
  };
  it('a wrong magic number, a cut-off dictionary, cut-off data', async () => {
    const wrong = savBytes.slice();
    wrong[3] = 0x39;
    expect(await problemOf(() => readSav(wrong))).toBe('SavBadHeader');
    expect(await problemOf(() => readSav(savBytes.subarray(0, 1000)))).toBe('SavTruncated');
    const cut = readSav(savBytes.subarray(0, savBytes.length - 333));
    expect(await problemOf(() => [...cut.rows()])).toBe('SavTruncated');
  });
  it('a header claiming a million variables, or a billion cases', async () => {
    expect(await problemOf(() => readSav(withInt(68, 1_000_000)))).toBe('SavTooManyVariables');
    const billion = readSav(withInt(80, 1_000_000_000));
    expect(billion.claimedCases).toBe(1_000_000_000);
    expect([...billion.rows()]).toHaveLength(60);
  });
  it('a header naming a compression other than none, bytecode or ZLIB (zsav.test.ts reads ZLIB)', async () => {
    expect(await problemOf(() => readSav(withInt(72, 7)))).toBe('SavBadHeader');
  });
  it('random damage anywhere never throws anything but a SavError', () => {
    for (let k = 0; k < 400; k++) {
      const b = savBytes.slice();
      for (let j = 0; j < 4; j++) b[(k * 7919 + j * 104729) % b.length] = (k * 31 + j) & 0xff;
      try {
        const sav = readSav(b.subarray(0, b.length - (k % 50)));
        for (const row of sav.rows()) expect(row.length).toBe(sav.header.length);
      } catch (e) {
        expect(e).toBeInstanceOf(SavError);
      }
    }
  });
});

describe('an SPSS file through the upload checks', () => {
  it('checks the records as a CSV is checked: a truncated file is an error at the row where it breaks off', async () => {
    const source = await readSource(savBytes.subarray(0, savBytes.length - 333), 'sav');
    const { report } = checkSource(source);
    expect(report.ok).toBe(false);
    expect(report.format).toBe('sav');
    expect(report.problems[report.problems.length - 1]).toMatchObject({ code: 'SavTruncated' });
    expect(report.problems.find((p) => p.code === 'SavTruncated')!.row).toBe(report.rowCount + 1);
  });
});
