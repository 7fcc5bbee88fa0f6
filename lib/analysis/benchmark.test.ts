import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv, type SurveyData } from '../survey/dataset';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { benchmark, BenchmarkError, type BenchmarkRow, type BenchmarkSide } from './benchmark';

/**
 * The benchmark against R's survey package (R 4.2.2, survey 4.1.1). Every expected number comes from
 * fixtures/benchmark_expected.json, written by fixtures/benchmark.R (rerun: cd fixtures && Rscript
 * benchmark.R). The R calls, per row:
 *   one item:   des <- svydesign(ids = ~1, strata = ~source, weights = ~w, data = <rated rows of both, stacked>)
 *   a family:   des <- svydesign(ids = ~uid, strata = ~source, weights = ~w, data = <rated rows of its items>, nest = TRUE)
 *   by country: the same on subset(des, country == c)
 *   shares, SEs: svyby(~y, ~source, des, svymean)
 *   diff, SE, t, df, p, interval: svyttest(y ~ source, des) (statistic, parameter, p.value, conf.int)
 *   p adjusted: p.adjust(p, "BH") over the rows of the table
 *   effective base: Kish, per respondent summed weights
 *   paired:     the same on the stacked rows of an upload item and the reference item a correspondence
 *               maps it to, each side with its own positive codes (expected.paired)
 */

interface RSide {
  share: number;
  se: number;
  respondents: number;
  ratings: number;
  sumWeights: number;
  effectiveBase: number;
}
interface RRow {
  label: string;
  group: string | null;
  upload: RSide;
  reference: RSide;
  diff: number;
  se: number;
  t: number;
  df: number;
  pValue: number;
  ci: [number, number];
  pAdjusted: number;
}

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const expected = JSON.parse(readFileSync(fixture('benchmark_expected.json'), 'utf8')) as { overall: RRow[]; byCountry: RRow[]; pairs: Record<string, string>; paired: RRow[] };

function load(csv: string, codebookFile: string): SurveyData {
  const parsed = parseCodebook(JSON.parse(readFileSync(fixture(codebookFile), 'utf8')));
  if (!parsed.ok) throw new Error(`bad codebook ${codebookFile}: ${JSON.stringify(parsed.problems)}`);
  return loadSurveyFromCsv(parsed.codebook, readFileSync(fixture(csv), 'utf8'));
}

const upload = load('benchmark_upload.csv', 'benchmark_upload.codebook.json');
const reference = load('benchmark_reference.csv', 'benchmark_reference.codebook.json');

function close(actual: number | null | undefined, want: number, what: string, tol = 1e-10) {
  expect(actual, `${what}: got ${actual}, R has ${want}`).toEqual(expect.any(Number));
  expect(Math.abs((actual as number) - want), `${what}: ${actual} vs R ${want}`).toBeLessThanOrEqual(tol);
}

function checkSide(actual: BenchmarkSide, want: RSide, what: string) {
  close(actual.share, want.share, `${what} share`);
  close(actual.se, want.se, `${what} se`);
  expect(actual.respondents, `${what} respondents`).toBe(want.respondents);
  expect(actual.ratings, `${what} ratings`).toBe(want.ratings);
  close(actual.sumWeights, want.sumWeights, `${what} sum of weights`, 1e-9);
  close(actual.effectiveBase, want.effectiveBase, `${what} effective base`, 1e-9);
}

function checkRow(row: BenchmarkRow | undefined, want: RRow) {
  const what = `${want.label}${want.group ? ` ${want.group}` : ''}`;
  expect(row, `${what}: no row`).toBeDefined();
  checkSide(row!.upload, want.upload, `${what} upload`);
  checkSide(row!.reference, want.reference, `${what} reference`);
  const d = row!.difference!;
  close(d.diff, want.diff, `${what} diff`);
  close(d.se, want.se, `${what} se of the difference`);
  close(d.t, want.t, `${what} t`, 1e-8);
  expect(d.df, `${what} df`).toBe(want.df);
  close(d.pValue, want.pValue, `${what} p`, 1e-10 + 1e-8 * want.pValue);
  close(d.ci.lower, want.ci[0], `${what} interval lower`);
  close(d.ci.upper, want.ci[1], `${what} interval upper`);
  close(d.pAdjusted, want.pAdjusted, `${what} p (BH)`, 1e-10 + 1e-8 * want.pAdjusted);
  expect(d.significant, `${what} significant`).toBe(want.pAdjusted < 0.05);
}

const rowKey = (want: RRow) => `${want.label.startsWith('family:') ? want.label : `item:${want.label}`}${want.group ? `|country:${want.group}` : ''}`;

describe('benchmark against R (fixtures/benchmark.R)', () => {
  it('each shared item and the pooled family, whole samples: svyby + svyttest on the stacked two-strata design', () => {
    const result = benchmark(upload, reference, { minBase: 0 });
    expect(result.rows.map((r) => r.key)).toEqual(expected.overall.map(rowKey));
    for (const want of expected.overall) checkRow(result.rows.find((r) => r.key === rowKey(want)), want);
  });

  it('by country, on the codes both have (subset(des, country == c))', () => {
    const result = benchmark(upload, reference, { by: 'country', minBase: 0 });
    expect(result.rows.map((r) => r.key)).toEqual(expected.byCountry.map(rowKey));
    for (const want of expected.byCountry) checkRow(result.rows.find((r) => r.key === rowKey(want)), want);
    expect(result.leftOutLevels.map((l) => `${l.id}: ${l.reason.en}`)).toEqual(['SE: only in the uploaded dataset', 'BE: only in the reference dataset']);
  });

  it('says which items were left out and why', () => {
    const result = benchmark(upload, reference);
    const reasons = Object.fromEntries(result.leftOutItems.map((l) => [l.id, l.reason.en]));
    expect(reasons.u_only).toBe('only in the uploaded dataset');
    expect(reasons.r_only).toBe('only in the reference dataset');
    expect(reasons.q3).toMatch(/answer scales differ/);
    expect(Object.keys(reasons).sort()).toEqual(['q3', 'r_only', 'u_only']);
    expect(result.sharedFamilies.map((f) => f.id)).toEqual(['questions', 'scenario']);
    expect(result.sharedAttributes.map((a) => a.id)).toEqual(['country', 'gender']);
  });

  it('restricts to one family', () => {
    const result = benchmark(upload, reference, { family: 'scenario', minBase: 0 });
    expect(result.rows.map((r) => r.key)).toEqual(['item:s1', 'item:s2', 'item:s3', 'item:s4', 'family:scenario']);
    // The family's rows agree with R's; BH runs over these five rows only.
    const pooled = expected.overall.find((r) => r.label === 'family:scenario')!;
    close(result.rows[4].difference!.diff, pooled.diff, 'pooled diff');
    close(result.rows[4].difference!.se, pooled.se, 'pooled se');
  });

  it('rows under the minimum base: no test, no interval, out of the Benjamini-Hochberg family; the plain difference kept', () => {
    const result = benchmark(upload, reference, { by: 'country', minBase: 60 });
    const small = result.rows.filter((r) => r.smallBase);
    expect(small.length).toBeGreaterThan(0);
    expect(small.length).toBeLessThan(result.rows.length);
    for (const row of small) {
      expect(row.difference, row.key).toBeNull();
      expect(row.gap, row.key).toBe(row.upload.share! - row.reference.share!);
      for (const side of [row.upload, row.reference]) {
        expect(side.smallBase).toBe(side.respondents < 60);
        if (side.smallBase) expect(side.ci, row.key).toBeNull();
        else expect(side.ci, row.key).not.toBeNull();
      }
    }
    const tested = result.rows.filter((r) => !r.smallBase);
    for (const row of tested) expect(row.difference!.pAdjusted).toEqual(expect.any(Number));
    // BH over the tested rows only: the same adjusted p-values as a table of those rows alone.
    const alone = benchmark(upload, reference, { by: 'country', minBase: 0 }).rows.filter((r) => tested.some((t) => t.key === r.key));
    const adjustedAlone = benjaminiHochberg(alone.map((r) => r.difference!.pValue));
    tested.forEach((row, i) => close(row.difference!.pAdjusted, adjustedAlone[i], `${row.key} p (BH) over the tested rows`, 1e-15));
  });

  it('pairs items by a correspondence: each side with its own positive codes, a pooled family against the distinct items it maps to', () => {
    const result = benchmark(upload, reference, { pairs: expected.pairs, minBase: 0 });
    expect(result.pairing).toBe('correspondence');
    const keyOf = (want: RRow) => (want.label.startsWith('family:') ? want.label : `item:${want.label}`);
    expect(result.rows.map((r) => r.key)).toEqual(expected.paired.map(keyOf));
    for (const want of expected.paired) checkRow(result.rows.find((r) => r.key === keyOf(want)), want);
    const q1 = result.rows.find((r) => r.key === 'item:q1')!;
    expect([q1.item, q1.referenceItem, q1.label.en, q1.referenceLabel.en]).toEqual(['q1', 'q2', 'Question 1', 'Question 2']);
    const q3 = result.rows.find((r) => r.key === 'item:q3')!;
    expect(q3.positive).toEqual({ upload: [{ en: '5', nl: '5' }], reference: [{ en: '4', nl: '4' }, { en: '5', nl: '5' }] });
    const pooled = result.rows.find((r) => r.key === 'family:scenario')!;
    expect([pooled.items, pooled.positive]).toEqual([3, null]);
    // The upload's s4 is mapped to nothing, and nothing is mapped to the reference's s1 and s2.
    const reasons = Object.fromEntries(result.leftOutItems.map((l) => [l.id, l.reason.en]));
    expect(reasons).toEqual({ s4: 'not mapped to an item of the other study', s1: 'no item of the uploaded dataset is mapped to it', s2: 'no item of the uploaded dataset is mapped to it' });
  });

  it('a correspondence naming items that do not exist, or none at all', () => {
    const result = benchmark(upload, reference, { pairs: { q1: 'gone', q2: 'q2' }, minBase: 0 });
    expect(result.rows.map((r) => r.key)).toEqual(['item:q2']);
    expect(result.leftOutItems.find((l) => l.id === 'q1')!.reason.en).toBe('mapped to an item the other study does not have');
    expect(() => benchmark(upload, reference, { pairs: {} })).toThrow(expect.objectContaining({ code: 'NoSharedItems' }));
    expect(() => benchmark(upload, reference, { pairs: { q1: 'gone' } })).toThrow(/no item of the upload is mapped/);
  });

  it('answers a request the datasets cannot serve with a BenchmarkError naming the problem', () => {
    expect(() => benchmark(upload, reference, { by: 'age' })).toThrow(BenchmarkError);
    expect(() => benchmark(upload, reference, { by: 'age' })).toThrow(/cannot group by "age"/);
    expect(() => benchmark(upload, reference, { family: 'dataType' })).toThrow(/no shared item of family "dataType"/);
  });
});

describe('levels nobody in one dataset belongs to', () => {
  it('are left out with the reason instead of giving empty rows', () => {
    const g = loadReferenceDataset('study-g');
    const nlOnly = { ...g, attributes: new Map(g.attributes) };
    const country = g.attributes.get('country')!;
    const nl = country.levels.findIndex((l) => l.code === 'NL');
    // Everyone not in NL gets a blank country: the upload has Dutch respondents only.
    nlOnly.attributes.set('country', { ...country, levelOf: country.levelOf.map((level) => (level === nl ? level : -1)) });
    const result = benchmark(nlOnly, g, { family: 'scenario', by: 'country' });
    expect([...new Set(result.rows.map((r) => r.group!.code))]).toEqual(['NL']);
    expect(result.leftOutLevels.map((l) => `${l.id}: ${l.reason.en}`)).toEqual(['SE: no respondents in the uploaded dataset', 'DE: no respondents in the uploaded dataset', 'UK: no respondents in the uploaded dataset']);
    for (const row of result.rows) expect(row.difference!.diff, row.key).toBe(0);
  });
});

describe('benchmark of a dataset against itself', () => {
  it('study G against study G: every difference is zero and nothing is significant', () => {
    const g = loadReferenceDataset('study-g');
    for (const query of [{ family: 'scenario' }, { family: 'dataType', by: 'country' }]) {
      const result = benchmark(g, g, query);
      expect(result.rows.length).toBeGreaterThan(5);
      expect(result.leftOutItems).toEqual([]);
      for (const row of result.rows) {
        expect(row.difference, row.key).not.toBeNull();
        expect(row.difference!.diff, row.key).toBe(0);
        expect(row.difference!.significant, row.key).toBe(false);
        expect(row.difference!.pValue, row.key).toBe(1);
        expect(row.difference!.ci.lower, row.key).toBeLessThan(0);
        expect(row.difference!.ci.upper, row.key).toBeGreaterThan(0);
      }
    }
  });
});
