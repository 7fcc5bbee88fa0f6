import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { crossTable } from './crossTable';
import { tabBook } from './tabBook';
import { readWorkbook } from './testing/readWorkbook';
import { tabBookXlsx, tableXlsx } from './xlsx';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const parsed = parseCodebook(JSON.parse(readFileSync(fixture('tables.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const data = loadSurveyFromCsv(parsed.codebook, readFileSync(fixture('tables.csv'), 'utf8'));
const context = { datasetName: { en: 'Fixture', nl: 'Testdata' }, generated: new Date('2026-12-01T00:00:00Z') };
const expected = JSON.parse(readFileSync(fixture('tables_expected.json'), 'utf8')) as { tables: { name: string; letters: { row: string; letters: string[] }[] }[] };

describe('the tab book in Excel, read back with exceljs', () => {
  const banner = [['gender'], ['region'], ['gender', 'age']];
  const tables = tabBook(data, { banner, minBase: 30 });

  it('has a contents sheet linking every table, one sheet per table and a methods sheet', async () => {
    const { book, tables: read } = await readWorkbook(await tabBookXlsx(tables, 'en', context));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Contents', '1 Attitudes', '2 Other questions', 'Methods']);
    const contents = book.getWorksheet('Contents')!;
    const links = [6, 7].map((r) => contents.getCell(r, 2).value as { text: string; hyperlink: string });
    expect(links).toEqual([
      { text: 'Attitudes', hyperlink: "#'1 Attitudes'!A1" },
      { text: 'Other questions', hyperlink: "#'2 Other questions'!A1" },
    ]);
    expect((contents.getCell(9, 2).value as { hyperlink: string }).hyperlink).toBe("#'Methods'!A1");
    const methods = book.getWorksheet('Methods')!;
    const how = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(methods.getCell(4 + i, 1).value), String(methods.getCell(4 + i, 2).value)]));
    expect(how.Weight).toBe('weighted by “Supplied weight”');
    expect(how.Data).toMatch(/not synthetic/);
    expect(how.Test).toMatch(/svyttest\(y ~ g, subset\(design, g %in% c\(A, B\)\)\)/);
    expect(how.Correction).toMatch(/Benjamini-Hochberg over the pairs of each table/);
    expect(how['Confidence levels']).toBe('95% and 99% (p < 0.05 and 0.01)');
    expect(how['Minimum base']).toMatch(/fewer than 30 respondents are greyed/);
    expect(read.map((t) => t.title)).toEqual(['Attitudes', 'Other questions']);
  });

  it('each cell holds the percentage as a number with a percent format, the letters in their own cell, as computed (and as R has them)', async () => {
    const { book, tables: read } = await readWorkbook(await tabBookXlsx(tables, 'en', context));
    const sheet = read[0];
    const table = tables[0];
    expect(sheet.columns.map((c) => c.letter)).toEqual(table.columns.map((c) => c.letter ?? ''));
    expect(sheet.columns.slice(0, 3).map((c) => c.label)).toEqual(['Total', 'Women', 'Men']);
    // Frozen through the base rows: title, subtitle, synthetic line, group, outer, column, letter, three bases.
    expect(sheet.frozen).toEqual({ xSplit: 1, ySplit: 10 });
    const [n, weighted, effective] = sheet.rows;
    expect([n.label, weighted.label, effective.label]).toEqual(['Base (n)', 'Weighted base', 'Effective base']);
    expect(n.values).toEqual(table.columns.map((c) => c.base.n));
    expect(effective.values).toEqual(table.columns.map((c) => c.base.effectiveN));
    const want = expected.tables.find((t) => t.name === 'items')!;
    for (const row of table.rows) {
      const read = sheet.rows.find((r) => r.label === row.label.en)!;
      expect(read.values, row.id).toEqual(row.cells.map((c) => c.share));
      expect(read.letters, row.id).toEqual(row.cells.map((c) => c.letters));
      // R's letters (fixtures/tables.R), straight from the file.
      expect(read.letters, `${row.id} against R`).toEqual(want.letters.find((l) => l.row === row.id)!.letters);
      expect(read.bold, row.id).toEqual(row.cells.map((c) => !c.smallBase && c.letters !== ''));
      expect(read.grey, row.id).toEqual(row.cells.map((c) => c.smallBase));
    }
    // a3 was not asked of everyone: its own n follows it.
    const a3 = sheet.rows.findIndex((r) => r.label === 'Attitude three');
    expect(sheet.rows[a3 + 1].label).toBe('n');
    expect(sheet.rows[a3 + 1].values).toEqual(table.rows[2].cells.map((c) => c.n));
    const ws = book.getWorksheet(sheet.sheet)!;
    const shareCell = ws.getCell(13, 2);
    expect(shareCell.numFmt).toBe('0%');
  });

  it('suppressed small cells are a dash; Dutch labels; a single table without contents', async () => {
    const table = crossTable(data, { rows: { kind: 'answers', item: 'a1' }, banner: [['gender'], ['region']], smallCells: 'suppress' });
    const { book, tables: read } = await readWorkbook(await tableXlsx(table, 'nl', context));
    expect(book.worksheets.map((s) => s.name)).toEqual(['1 Attitude one (nl)', 'Methode']);
    const west = table.columns.findIndex((c) => c.key.region === 'W');
    const rows = read[0].rows.slice(3);
    expect(rows.map((r) => r.label)).toEqual(['Zeer oneens', 'Oneens', 'Neutraal', 'Eens', 'Zeer eens', 'Top 2 (Eens + Zeer eens)', 'Bottom 2 (Zeer oneens + Oneens)']);
    for (const row of rows) expect([row.values[west], row.letters[west]]).toEqual(['–', '']);
    expect(read[0].columns[0].label).toBe('Totaal');
    expect(rows.map((r) => r.letters)).toEqual(expected.tables.find((t) => t.name === 'answers')!.letters.map((l) => l.letters));
  });

  it('a label that looks like a formula is text, neutralised', async () => {
    const g = loadReferenceDataset('study-g');
    const item = g.codebook.items[0];
    const hostile = { ...g, items: new Map(g.items), codebook: { ...g.codebook, families: g.codebook.families.map((f) => (f.id === item.family ? { ...f, label: { en: '=HYPERLINK("x")', nl: '=HYPERLINK("x")' } } : f)) } };
    const table = crossTable(hostile, { rows: { kind: 'family', family: item.family }, banner: [['gender']] });
    const { tables: read } = await readWorkbook(await tableXlsx(table, 'en', { datasetName: { en: '@SUM(1)', nl: '@SUM(1)' } }));
    expect(read[0].title).toBe('\'=HYPERLINK("x")');
  });
});
