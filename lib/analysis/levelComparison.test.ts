import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import type { ComparisonSide } from './comparisonRow';
import { comparableAttributes, compareLevels, LevelComparisonError, type LevelComparisonRow } from './levelComparison';

/**
 * Two levels of one attribute against R's survey package (R 4.2.2, survey 4.1.1). Every expected
 * number comes from fixtures/compare_levels_expected.json, written by fixtures/compare_levels.R
 * (rerun: cd fixtures && Rscript compare_levels.R). The R calls, per row:
 *   one item:  des <- svydesign(ids = ~1, weights = ~w, data = <rows with an answer and a wave>)
 *   a family:  des <- svydesign(ids = ~resp, weights = ~w, data = <one row per rating, with a wave>)
 *   shares, SEs: svyby(~y, ~wave, des, svymean)
 *   diff, SE, t, df, p, interval: svyttest(y ~ g, subset(des, wave %in% c(A, B))), g = factor(wave, levels = c(B, A))
 *   p adjusted: p.adjust(p, "BH") over the rows of one comparison
 *   intervals of the shares: Wilson on the Kish effective base (qnorm(0.975))
 */

interface RSide {
  share: number;
  se: number;
  respondents: number;
  ratings: number;
  sumWeights: number;
  effectiveBase: number;
  ci: [number, number];
}
interface RRow {
  label: string;
  a: RSide;
  b: RSide;
  diff: number;
  se: number;
  t: number;
  df: number;
  pValue: number;
  ci: [number, number];
  pAdjusted: number;
}
interface RTrend {
  label: string;
  levels: (RSide & { level: string })[];
}

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const expected = JSON.parse(readFileSync(fixture('compare_levels_expected.json'), 'utf8')) as { latest: RRow[]; small: RRow[]; trend: RTrend[] };
const parsed = parseCodebook(JSON.parse(readFileSync(fixture('compare_levels.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const data = loadSurveyFromCsv(parsed.codebook, readFileSync(fixture('compare_levels.csv'), 'utf8'));

function close(actual: number | null | undefined, want: number, what: string, tol = 1e-10) {
  expect(actual, `${what}: got ${actual}, R has ${want}`).toEqual(expect.any(Number));
  expect(Math.abs((actual as number) - want), `${what}: ${actual} vs R ${want}`).toBeLessThanOrEqual(tol);
}

function checkSide(actual: ComparisonSide, want: RSide, what: string) {
  close(actual.share, want.share, `${what} share`);
  close(actual.se, want.se, `${what} se`);
  expect(actual.respondents, `${what} respondents`).toBe(want.respondents);
  expect(actual.ratings, `${what} ratings`).toBe(want.ratings);
  close(actual.sumWeights, want.sumWeights, `${what} sum of weights`, 1e-9);
  close(actual.effectiveBase, want.effectiveBase, `${what} effective base`, 1e-9);
  close(actual.ci?.lower, want.ci[0], `${what} interval lower`);
  close(actual.ci?.upper, want.ci[1], `${what} interval upper`);
}

function checkRow(row: LevelComparisonRow | undefined, want: RRow) {
  expect(row, `${want.label}: no row`).toBeDefined();
  checkSide(row!.a, want.a, `${want.label} a`);
  checkSide(row!.b, want.b, `${want.label} b`);
  const d = row!.difference!;
  close(row!.gap, want.diff, `${want.label} gap`);
  close(d.diff, want.diff, `${want.label} diff`);
  close(d.se, want.se, `${want.label} se of the difference`);
  close(d.t, want.t, `${want.label} t`, 1e-8);
  expect(d.df, `${want.label} df`).toBe(want.df);
  close(d.pValue, want.pValue, `${want.label} p`, 1e-10 + 1e-8 * want.pValue);
  close(d.ci.lower, want.ci[0], `${want.label} interval lower`);
  close(d.ci.upper, want.ci[1], `${want.label} interval upper`);
  close(d.pAdjusted, want.pAdjusted, `${want.label} p (BH)`, 1e-10 + 1e-8 * want.pAdjusted);
  expect(d.significant, `${want.label} significant`).toBe(want.pAdjusted < 0.05);
}

const keyOf = (label: string) => (label.startsWith('family:') ? label : `item:${label}`);

describe('two levels of one attribute against R (fixtures/compare_levels.R)', () => {
  it('2018 against 2017: every item and the pooled family, svyttest on the subset of the two waves', () => {
    const result = compareLevels(data, { attribute: 'wave', a: '2018', b: '2017', minBase: 0 });
    expect(result.rows.map((r) => r.key)).toEqual(expected.latest.map((r) => keyOf(r.label)));
    for (const want of expected.latest) checkRow(result.rows.find((r) => r.key === keyOf(want.label)), want);
    expect([result.a.code, result.b.code, result.attribute.label.en]).toEqual(['2018', '2017', 'Wave']);
  });

  it('2018 against the small 2016 wave, with no minimum base', () => {
    const result = compareLevels(data, { attribute: 'wave', a: '2018', b: '2016', minBase: 0 });
    for (const want of expected.small) checkRow(result.rows.find((r) => r.key === keyOf(want.label)), want);
  });

  it('every level per item for the trend: shares, SEs and intervals as svyby', () => {
    const result = compareLevels(data, { attribute: 'wave', a: '2018', b: '2017', minBase: 0 });
    expect(result.trend.map((r) => r.key)).toEqual(result.rows.map((r) => r.key));
    expect(result.leftOut).toEqual([]);
    for (const want of expected.trend) {
      const row = result.trend.find((r) => r.key === keyOf(want.label))!;
      expect(row.levels.map((l) => l.code)).toEqual(['2016', '2017', '2018']);
      for (const level of want.levels) checkSide(row.levels.find((l) => l.code === level.level)!.side, level, `${want.label} ${level.level}`);
    }
  });

  it('under the minimum base: the share stays, with no interval, no test and no place in the BH family', () => {
    const result = compareLevels(data, { attribute: 'wave', a: '2018', b: '2016', minBase: 30 });
    for (const row of result.rows) {
      const want = expected.small.find((r) => keyOf(r.label) === row.key)!;
      expect(row.smallBase, row.key).toBe(true);
      expect(row.difference, row.key).toBeNull();
      close(row.gap, want.diff, `${row.key} plain difference`);
      close(row.b.share, want.b.share, `${row.key} 2016 share`);
      expect(row.b.ci, row.key).toBeNull();
      expect(row.a.ci, row.key).not.toBeNull();
      // In the trend too: 2016 has no interval, the other waves have theirs.
      expect(row.levels.map((l) => l.side.ci === null)).toEqual([true, false, false]);
    }
    // The family of the 2018-2017 comparison is untouched by a minimum base the two waves reach.
    const latest = compareLevels(data, { attribute: 'wave', a: '2018', b: '2017', minBase: 30 });
    for (const want of expected.latest) close(latest.rows.find((r) => r.key === keyOf(want.label))!.difference!.pAdjusted, want.pAdjusted, want.label, 1e-10);
  });

  it('one family only; BH over its rows', () => {
    const result = compareLevels(data, { attribute: 'wave', a: '2018', b: '2017', family: 'scenario', minBase: 0 });
    expect(result.rows.map((r) => r.key)).toEqual(['item:s1', 'item:s2', 'item:s3', 'family:scenario']);
    for (const row of result.rows) close(row.difference!.diff, expected.latest.find((r) => keyOf(r.label) === row.key)!.diff, row.key);
  });

  it('refuses what the dataset cannot answer, with a reason for the reader', () => {
    expect(() => compareLevels(data, { attribute: 'country', a: 'NL', b: 'DE' })).toThrow(expect.objectContaining({ code: 'UnknownAttribute' }));
    expect(() => compareLevels(data, { attribute: 'wave', a: '2018', b: '1999' })).toThrow(expect.objectContaining({ code: 'UnknownLevel' }));
    expect(() => compareLevels(data, { attribute: 'wave', a: '2018', b: '2018' })).toThrow(expect.objectContaining({ code: 'SameLevel' }));
    expect(() => compareLevels(data, { attribute: 'wave', a: '2018', b: '2017', family: 'tactic' })).toThrow(LevelComparisonError);
  });
});

describe('study P: the 2018 wave against 2017', () => {
  const p = loadReferenceDataset('study-p');
  it('P1 rose from about 40% to 48% (the published figures), significantly', () => {
    const result = compareLevels(p, { attribute: 'wave', a: '2018', b: '2017' });
    const p1 = result.rows.find((r) => r.item === 'p1_left_poorly_curated')!;
    expect(p1.a.share).toBeCloseTo(0.48, 2);
    expect(p1.b.share).toBeCloseTo(0.4, 2);
    expect(p1.difference!.significant).toBe(true);
    expect(p1.difference!.df).toBe(p1.a.respondents + p1.b.respondents - 2);
    expect(comparableAttributes(p).map((a) => a.id)).toContain('wave');
    // The synthetic 2017 wave asked P1 only (the published 40%): the other items are left out, with why.
    expect(result.rows.map((r) => r.item)).toEqual(['p1_left_poorly_curated']);
    expect(result.leftOut).toHaveLength(10);
    expect(result.leftOut[0].reason).toEqual({ en: 'no answers in 2017', nl: 'geen antwoorden in 2017' });
    expect(result.trend).toHaveLength(11);
  });
});
