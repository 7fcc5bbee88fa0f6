import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { crossTable } from './crossTable';
import { tabBook } from './tabBook';
import type { CrossTable, TablePair, TableRows } from './model';

/**
 * Banner tables against R's survey package (R 4.2.2, survey 4.1.1). Every expected number comes
 * from fixtures/tables_expected.json, written by fixtures/tables.R (rerun: cd fixtures && Rscript
 * tables.R): a weighted fixture (two weights of 0) with blank answers, a "NA" missing marker, blank
 * banner values and a column under the minimum base (region W, 20 respondents). The R calls:
 *   des <- svydesign(ids = ~1, weights = ~w, data = <rows with an answer and a value of the banner variable>)
 *   cells:  svymean(~y, subset(des, <column>)); Total: svymean(~y, svydesign(ids = ~1, weights = ~w, data = <rows with an answer>))
 *   pairs:  svyttest(y ~ g2, subset(des, g %in% c(A, B))), g2 = factor(g, levels = c(B, A)) (diff = A − B, SE, t, df, p);
 *           nested: subset(des, outer == X & inner %in% c(A, B))
 *   BH:     p.adjust(p, "BH") over the table's pairs whose columns both have 30 or more respondents
 *   letters: from R's BH p-values, upper case < 0.01, lower case < 0.05, in the higher column
 */

interface RCell {
  row: string;
  column: number;
  n: number;
  weightedN: number;
  effectiveN: number;
  share: number;
  se: number;
}
/** A pair as R wrote it: the engine's fields, with the outer level of a nested pair as a code. */
type RPair = Pick<TablePair, 'row' | 'group' | 'a' | 'b' | 'columnA' | 'columnB' | 'diff' | 'se' | 't' | 'df' | 'p' | 'pAdjusted' | 'smallBase'> & { within: string | null };
interface RTable {
  name: string;
  banner: (string | string[])[];
  rows: string[];
  columns: { key: Record<string, string>; letter: string | null }[];
  bases: { n: number; weightedN: number; effectiveN: number }[];
  cells: RCell[];
  pairs: RPair[];
  letters: { row: string; letters: string[] }[];
}

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const expected = JSON.parse(readFileSync(fixture('tables_expected.json'), 'utf8')) as { minBase: number; tables: RTable[] };
const parsed = parseCodebook(JSON.parse(readFileSync(fixture('tables.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const data = loadSurveyFromCsv(parsed.codebook, readFileSync(fixture('tables.csv'), 'utf8'));

function close(actual: number | null | undefined, want: number, what: string, tol = 1e-10) {
  expect(actual, `${what}: got ${actual}, R has ${want}`).toEqual(expect.any(Number));
  expect(Math.abs((actual as number) - want), `${what}: ${actual} vs R ${want}`).toBeLessThanOrEqual(tol);
}

const rowsOf: Record<string, TableRows> = {
  items: { kind: 'family', family: 'att' },
  answers: { kind: 'answers', item: 'a1' },
  best_first: { kind: 'answers', item: 'r1' },
};
const tableOf = (want: RTable, options: Partial<Parameters<typeof crossTable>[1]> = {}) =>
  crossTable(data, { rows: rowsOf[want.name], banner: want.banner.map((g) => (typeof g === 'string' ? [g] : g)), minBase: expected.minBase, ...options });

function checkTable(table: CrossTable, want: RTable) {
  expect(table.rows.map((r) => r.id)).toEqual(want.rows);
  expect(table.columns.map((c) => ({ key: c.key, letter: c.letter }))).toEqual(want.columns);
  want.bases.forEach((base, c) => {
    expect(table.columns[c].base.n, `column ${c} n`).toBe(base.n);
    close(table.columns[c].base.weightedN, base.weightedN, `column ${c} weighted n`, 1e-9);
    close(table.columns[c].base.effectiveN, base.effectiveN, `column ${c} effective n`, 1e-9);
  });
  for (const cell of want.cells) {
    const got = table.rows.find((r) => r.id === cell.row)!.cells[cell.column];
    const what = `${want.name} ${cell.row} column ${cell.column}`;
    expect(got.n, `${what} n`).toBe(cell.n);
    close(got.weightedN, cell.weightedN, `${what} weighted n`, 1e-9);
    close(got.effectiveN, cell.effectiveN, `${what} effective n`, 1e-9);
    close(got.share, cell.share, `${what} share`);
    close(got.se, cell.se, `${what} se`);
    expect(got.smallBase, `${what} small base`).toBe(cell.n < expected.minBase);
  }
  // Every cell R has, and no other non-empty one.
  expect(table.rows.flatMap((r) => r.cells.filter((c) => c.share !== null))).toHaveLength(want.cells.length);
  expect(table.pairs).toHaveLength(want.pairs.length);
  for (const pair of want.pairs) {
    const what = `${want.name} ${pair.row} ${pair.within ?? ''} ${pair.a}-${pair.b}`;
    const got = table.pairs.find((p) => p.row === pair.row && p.columnA === pair.columnA && p.columnB === pair.columnB);
    expect(got, what).toBeDefined();
    expect([got!.group, got!.a, got!.b, got!.within && Object.values(got!.within)[0]], what).toEqual([pair.group, pair.a, pair.b, pair.within]);
    close(got!.diff, pair.diff, `${what} diff`);
    close(got!.se, pair.se, `${what} se`);
    close(got!.t, pair.t, `${what} t`, 1e-9);
    expect(got!.df, `${what} df`).toBe(pair.df);
    close(got!.p, pair.p, `${what} p`, 1e-10 + 1e-9 * pair.p);
    expect(got!.smallBase, `${what} small base`).toBe(pair.smallBase);
    if (pair.pAdjusted === null) expect(got!.pAdjusted, `${what} not tested`).toBeNull();
    else close(got!.pAdjusted, pair.pAdjusted, `${what} p (BH)`, 1e-10 + 1e-9 * pair.pAdjusted);
  }
  for (const { row, letters } of want.letters)
    expect(
      table.rows.find((r) => r.id === row)!.cells.map((c) => c.letters),
      `${want.name} ${row} letters`,
    ).toEqual(letters);
}

describe('banner tables against R (fixtures/tables.R)', () => {
  for (const want of expected.tables)
    it(`${want.name}: bases, shares, SEs, every pair's diff, SE, t, df, p and BH p, and the letters`, () => {
      checkTable(tableOf(want), want);
    });

  it('the fixture exercises what it should: blanks, weights of 0, a small column, nested columns, both cases of letters', () => {
    const items = tableOf(expected.tables[0]);
    expect(items.pairs.some((p) => p.smallBase)).toBe(true);
    expect(items.pairs.some((p) => p.within !== null)).toBe(true);
    const letters = items.rows.flatMap((r) => r.cells.map((c) => c.letters)).join('');
    expect(letters).toMatch(/[A-Z]/);
    expect(letters).toMatch(/[a-z]/);
    // A pair's df counts respondents with a positive weight: two weigh 0.
    expect(items.pairs.some((p) => p.df < items.rows.find((r) => r.id === p.row)!.cells[p.columnA].n + items.rows.find((r) => r.id === p.row)!.cells[p.columnB].n - 2)).toBe(true);
  });
});

describe('options', () => {
  const want = expected.tables[0];
  it('without correction the letters use the raw p-values', () => {
    const table = tableOf(want, { correction: 'none' });
    for (const pair of table.pairs.filter((p) => p.tested)) expect(pair.pAdjusted).toBe(pair.p);
    const raw = table.rows.flatMap((r) => r.cells.map((c) => c.letters)).join('').length;
    const bh = tableOf(want).rows.flatMap((r) => r.cells.map((c) => c.letters)).join('').length;
    expect(raw).toBeGreaterThan(bh);
  });

  it('a minimum base of 0 tests the small column too', () => {
    const table = tableOf(want, { minBase: 0 });
    expect(table.pairs.every((p) => p.tested && !p.smallBase)).toBe(true);
  });

  it('one significance level: upper case letters only', () => {
    const table = tableOf(want, { alpha: [0.05] });
    const letters = table.rows.flatMap((r) => r.cells.map((c) => c.letters)).join('');
    expect(letters).toMatch(/^[A-Z]+$/);
    expect(letters.length).toBe(tableOf(want).rows.flatMap((r) => r.cells.map((c) => c.letters)).join('').length);
  });

  it('no letter in or against a cell under the minimum base', () => {
    const table = tableOf(want);
    const west = table.columns.find((c) => c.key.region === 'W')!;
    for (const row of table.rows) {
      expect(row.cells[west.index].smallBase).toBe(true);
      expect(row.cells[west.index].letters).toBe('');
      for (const cell of row.cells) expect(cell.letters).not.toMatch(new RegExp(west.letter!, 'i'));
    }
  });

  it('custom weights of 1 give the unweighted table', () => {
    const ones = crossTable(data, { rows: { kind: 'family', family: 'att' }, banner: [['gender']], weighting: { kind: 'custom', values: new Float64Array(data.rowCount).fill(1), label: { en: 'ones', nl: 'enen' } } });
    const none = crossTable(data, { rows: { kind: 'family', family: 'att' }, banner: [['gender']], weighting: { kind: 'weight', id: 'unweighted' } });
    expect(ones.rows.map((r) => r.cells.map((c) => c.share))).toEqual(none.rows.map((r) => r.cells.map((c) => c.share)));
    expect(none.columns[1].base.weightedN).toBe(none.columns[1].base.n);
    expect(ones.weighting).toEqual({ id: null, kind: 'custom', label: { en: 'ones', nl: 'enen' }, calibrated: false });
    expect(none.weighting).toEqual({ id: 'unweighted', kind: 'unweighted', label: { en: 'Unweighted', nl: 'Ongewogen' }, calibrated: false });
    expect(crossTable(data, { rows: { kind: 'family', family: 'att' }, banner: [] }).weighting).toEqual({ id: 'weight', kind: 'column', label: { en: 'Supplied weight', nl: 'Meegeleverd gewicht' }, calibrated: false });
    // Fixed weights: the SE beside the test's is the same one.
    for (const pair of ones.pairs) expect(pair.seFixed).toBeCloseTo(pair.se, 15);
  });

  it('a weight the dataset does not have is refused, naming the ones it has', () => {
    expect(() => crossTable(data, { rows: { kind: 'family', family: 'att' }, banner: [['gender']], weighting: { kind: 'weight', id: 'census' } })).toThrow(/no weight "census"; choose one of weight, unweighted/);
  });

  it('a tab book computes each family’s table as it would be on its own (one shared pass, one BH family per table)', () => {
    const banner = [['gender'], ['region'], ['gender', 'age']];
    const book = tabBook(data, { banner });
    expect(book.map((t) => t.rowsSpec)).toEqual([{ kind: 'family', family: 'att' }, { kind: 'family', family: 'other' }]);
    for (const table of book) expect(table).toEqual(crossTable(data, { rows: table.rowsSpec, banner }));
    checkTable(book[0], expected.tables[0]);
  });

  it('refuses what the dataset cannot answer, with a reason for the reader', () => {
    const base = { rows: { kind: 'family', family: 'att' } as TableRows, banner: [['gender']] };
    expect(() => crossTable(data, { ...base, rows: { kind: 'family', family: 'nope' } })).toThrow(expect.objectContaining({ code: 'UnknownFamily' }));
    expect(() => crossTable(data, { ...base, rows: { kind: 'answers', item: 'nope' } })).toThrow(expect.objectContaining({ code: 'UnknownItem' }));
    expect(() => crossTable(data, { ...base, banner: [['nope']] })).toThrow(expect.objectContaining({ code: 'UnknownAttribute' }));
    expect(() => crossTable(data, { ...base, banner: [['gender', 'gender']] })).toThrow(expect.objectContaining({ code: 'BadBanner' }));
    expect(() => crossTable(data, { ...base, banner: [['gender'], ['gender']] })).toThrow(expect.objectContaining({ code: 'BadBanner' }));
    expect(() => crossTable(data, { ...base, alpha: [0.05, 2] })).toThrow(expect.objectContaining({ code: 'BadOption' }));
    expect(() => crossTable(data, { ...base, weighting: { kind: 'custom', values: new Float64Array(3), label: { en: 'x', nl: 'x' } } })).toThrow(expect.objectContaining({ code: 'BadWeights' }));
  });
});
