import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { crossTable } from './crossTable';
import { tableCsv } from './csv';
import { crossTableJson } from './json';
import { tablePptx } from './pptx';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const parsed = parseCodebook(JSON.parse(readFileSync(fixture('tables.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const data = loadSurveyFromCsv(parsed.codebook, readFileSync(fixture('tables.csv'), 'utf8'));
const table = crossTable(data, { rows: { kind: 'family', family: 'att' }, banner: [['gender'], ['region'], ['gender', 'age']] });

describe('CSV of a banner table', () => {
  it('has a percentage and a letters field per column, the bases and the footnote; Dutch with ";" and decimal commas', () => {
    const csv = tableCsv(table, 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0].slice(0, 5)).toEqual(['Attitudes', 'Total %', 'Total Sig.', 'Gender: Women (A) %', 'Gender: Women (A) Sig.']);
    expect(rows[0][15]).toBe('Gender × Age: Women: 18-34 (G) %');
    expect(rows[1][0]).toBe('Base (n)');
    expect(rows[1][1]).toBe(String(table.columns[0].base.n));
    const a1 = rows.find((r) => r[0] === 'Attitude one')!;
    table.rows[0].cells.forEach((cell, c) => {
      if (cell.smallBase) expect(a1[2 + 2 * c]).toBe('');
      else expect(a1[2 + 2 * c]).toBe(cell.letters);
      expect(Number(a1[1 + 2 * c])).toBeCloseTo(cell.share! * 100, 1);
    });
    expect(rows.some((r) => r[0].startsWith('Letters: the column is significantly higher'))).toBe(true);
    const nl = tableCsv(table, 'nl');
    expect(nl.split('\r\n')[0]).toContain('Houdingen;Totaal %;Totaal Sig.');
    expect(nl).toMatch(/;\d+,\d;/);
  });

  it('neutralises a label a spreadsheet would run as a formula', () => {
    const hostile = { ...data, codebook: { ...data.codebook, families: data.codebook.families.map((f) => ({ ...f, label: { en: '=1+1', nl: '=1+1' } })) } };
    const csv = tableCsv(crossTable(hostile, { rows: { kind: 'family', family: 'att' }, banner: [['gender']] }), 'en');
    expect(csv.split('\r\n')[0].startsWith("\uFEFF'=1+1,")).toBe(true);
  });
});

describe('JSON of a banner table (the CLI and the API)', () => {
  it('lists every cell and every pair with the fields the issue names', () => {
    const json = crossTableJson(table);
    expect(json.cells).toHaveLength(table.rows.length * table.columns.length);
    expect(Object.keys(json.cells[1])).toEqual(expect.arrayContaining(['n', 'weighted_n', 'effective_n', 'share', 'se', 'se_fixed', 'letters']));
    expect(json.pairs).toHaveLength(table.pairs.length);
    const nested = json.pairs.find((p) => p.within)!;
    expect(nested).toMatchObject({ row: 'a1', banner: 'gender>age', within: { gender: 'F' }, a: 'young', b: 'mid' });
    expect(Object.keys(json.pairs[0])).toEqual(['row', 'banner', 'within', 'a', 'b', 'diff', 'se', 'se_fixed', 't', 'df', 'p', 'p_adjusted', 'small_base']);
    const small = json.pairs.find((p) => p.small_base)!;
    expect(small.p_adjusted).toBeNull();
    expect(small.p).toEqual(expect.any(Number));
    const answers = crossTableJson(crossTable(data, { rows: { kind: 'answers', item: 'a1' }, banner: [['gender']] }));
    expect(answers.pairs.map((p) => [p.row, p.answer])).toContainEqual(['a1', 'top2']);
  });
});

describe('PPTX of a banner table', () => {
  it('is a slide with a native table holding the percentages and letters, and the footnote in the notes', async () => {
    const zip = await JSZip.loadAsync(await tablePptx(table, 'en', { datasetName: { en: 'Fixture', nl: 'Testdata' } }));
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide).toContain('<a:tbl>');
    const texts = [...slide.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
    expect(texts).toContain('Attitudes');
    const a1 = table.rows[0];
    const lettered = a1.cells.findIndex((c) => c.letters && !c.smallBase);
    expect(texts).toContain(`${Math.round(a1.cells[lettered].share! * 100)}% ${a1.cells[lettered].letters}`);
    const notes = Object.keys(zip.files).filter((f) => f.startsWith('ppt/notesSlides/') && f.endsWith('.xml'));
    expect(await zip.file(notes[0])!.async('string')).toContain('Benjamini-Hochberg');
  });
});
