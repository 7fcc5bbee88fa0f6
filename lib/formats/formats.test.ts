import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkSource } from './checkSource';
import { readSav, SavError } from './sav';
import { detectFormat, readSource, sourceProblem } from './source';
import { readXlsx, XlsxError } from './xlsx';

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
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(100_000);
    await expect(readXlsx(bomb, { maxInflatedBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'XlsxTooLarge' });
    expect(await problemOf(() => readXlsx(bomb, { maxInflatedBytes: 1024 * 1024 }))).toBe('XlsxTooLarge');
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
  it('a ZLIB-compressed file', async () => {
    const z = savBytes.slice();
    z[3] = 0x33;
    expect(await problemOf(() => readSav(z))).toBe('SavZlib');
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
