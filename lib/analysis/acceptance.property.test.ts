import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { buildSurveyData, type SurveyData } from '../survey/dataset';
import { propertyOptions } from '../testing/propertyOptions';
import { type AcceptanceCell, type AcceptanceTable, acceptance } from './acceptance';
import type { AcceptanceQuery } from './query';

/**
 * The acceptance engine on generated small datasets: every cell's figures are in range, and its
 * respondents, ratings, weight sums and share equal a naive count over the rows (so the cells add
 * up to the totals); scaling the weights or reordering respondents changes nothing.
 *
 * Seeds are fixed so that CI is deterministic; to run with a random seed:
 *   FC_SEED=random npx vitest run lib/analysis/acceptance.property.test.ts
 * (see lib/testing/propertyOptions.ts for replaying a seed and running more cases).
 */

const label = (en: string) => ({ en, nl: en });
const codes = (...cs: string[]) => cs.map((code) => ({ code, label: label(code) }));

/** Two attributes (a categorical one and a banded scale), two answer scales, items on two places. */
const parsed = parseCodebook({
  id: 'property',
  title: label('Property test'),
  studyStyle: 'custom',
  synthetic: true,
  respondentId: 'id',
  weight: 'w',
  attributes: [
    { id: 'country', column: 'country', label: label('Country'), kind: 'categorical', codes: codes('A', 'B', 'C') },
    {
      id: 'bond',
      column: 'bond',
      label: label('Bond'),
      kind: 'scale',
      min: 1,
      max: 5,
      bands: [
        { id: 'weak', label: label('weak'), min: 1, max: 2 },
        { id: 'neutral', label: label('neutral'), min: 3, max: 3 },
        { id: 'strong', label: label('strong'), min: 4, max: 5 },
      ],
    },
  ],
  scales: [
    { id: 'agree', label: label('Agree'), codes: codes('1', '2', '3', '4', '5'), positive: ['4', '5'] },
    { id: 'yn', label: label('Yes/no'), codes: codes('yes', 'no'), positive: ['yes'] },
  ],
  families: [{ id: 'f', label: label('Family') }],
  itemDimensions: [{ id: 'place', label: label('Place'), values: codes('home', 'public') }],
  items: [
    { id: 'q1', column: 'q1', label: label('Q1'), family: 'f', scale: 'agree', meta: { place: 'home' } },
    { id: 'q2', column: 'q2', label: label('Q2'), family: 'f', scale: 'agree', meta: { place: 'public' } },
    { id: 'q3', column: 'q3', label: label('Q3'), family: 'f', scale: 'yn', meta: { place: 'home' } },
    { id: 'q4', column: 'q4', label: label('Q4'), family: 'f', scale: 'yn', meta: { place: 'public' } },
  ],
});
if (!parsed.ok) throw new Error(`the test codebook is invalid: ${JSON.stringify(parsed.problems)}`);
const codebook: Codebook = parsed.codebook;
const HEADER = ['id', 'w', 'country', 'bond', 'q1', 'q2', 'q3', 'q4'];
const ITEMS = ['q1', 'q2', 'q3', 'q4'];
const POSITIVE: Record<string, string[]> = { q1: ['4', '5'], q2: ['4', '5'], q3: ['yes'], q4: ['yes'] };
const PLACE: Record<string, string> = { q1: 'home', q2: 'public', q3: 'home', q4: 'public' };

interface Row {
  w: number;
  country: string;
  bond: string;
  answers: Record<string, string>;
}

const blankOr = (arb: fc.Arbitrary<string>) => fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: arb });
const agree = blankOr(fc.constantFrom('1', '2', '3', '4', '5'));
const yn = blankOr(fc.constantFrom('yes', 'no'));

/** Rows with blanks everywhere but the id and weight; weights from `weight`. */
const rowsArb = (weight: fc.Arbitrary<number>) =>
  fc.array(
    fc.record({
      w: weight,
      country: blankOr(fc.constantFrom('A', 'B', 'C')),
      bond: blankOr(fc.integer({ min: 1, max: 5 }).map(String)),
      answers: fc.record({ q1: agree, q2: agree, q3: yn, q4: yn }),
    }),
    { minLength: 1, maxLength: 40 },
  );
/** 1e-6 .. 1e6, log-uniform: for the range checks. */
const wideWeight = fc.double({ min: -6, max: 6, noNaN: true }).map((e) => 10 ** e);
/** 0.2 .. 5, as survey weights are: for comparing two runs to a tight tolerance (see the stats properties for wide weights). */
const surveyWeight = fc.double({ min: 0.2, max: 5, noNaN: true });

const build = (rows: Row[], scale = 1): SurveyData =>
  buildSurveyData(
    codebook,
    HEADER,
    rows.map((r, i) => [`R${i + 1}`, String(r.w * scale), r.country, r.bond, ...ITEMS.map((q) => r.answers[q])]),
  );

const QUERIES: AcceptanceQuery[] = [
  {},
  { items: ['q1'], by: ['country'] },
  { by: ['item', 'country'] },
  { by: ['item', 'bond', 'country'], minBase: 2 },
  { by: ['place'] },
  { by: ['place', 'bond'], minBase: 3 },
  { by: ['country', 'bond'], filter: { country: ['A', 'B'] }, items: ['q2', 'q4'] },
  { by: ['item', 'country'], items: ['q1', 'q2'], outcome: ['3'] },
];

const BANDS: Record<string, string> = { '1': 'weak', '2': 'weak', '3': 'neutral', '4': 'strong', '5': 'strong' };

/** The cell's figures counted row by row, the slow and obvious way. */
function naiveCell(rows: Row[], query: AcceptanceQuery, key: Record<string, string>) {
  const items = query.items ?? ITEMS;
  let respondents = 0;
  let ratings = 0;
  let sumW = 0;
  let sumWY = 0;
  for (const r of rows) {
    const levels: Record<string, string> = { country: r.country, bond: r.bond === '' ? '' : BANDS[r.bond] };
    if (Object.entries(query.filter ?? {}).some(([a, allowed]) => !allowed.includes(levels[a]))) continue;
    let mine = 0;
    for (const q of items) {
      const answer = r.answers[q];
      if (answer === '') continue;
      const dims: Record<string, string> = { ...levels, item: q, place: PLACE[q] };
      if (!Object.entries(key).every(([d, code]) => dims[d] === code)) continue;
      mine++;
      sumW += r.w;
      if ((query.outcome ?? POSITIVE[q]).includes(answer)) sumWY += r.w;
    }
    if (mine > 0) respondents++;
    ratings += mine;
  }
  return { respondents, ratings, sumW, share: sumW > 0 ? sumWY / sumW : null };
}

const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= 1e-300 + rel * Math.max(Math.abs(a), Math.abs(b));

function expectCellInRange(cell: AcceptanceCell, where: string) {
  if (cell.share === null) {
    expect(cell.ratings === 0 || cell.sumWeights === 0, `${where}: no share but ratings`).toBe(true);
    return;
  }
  const p = cell.share;
  expect(p, where).toBeGreaterThanOrEqual(0);
  expect(p, where).toBeLessThanOrEqual(1);
  expect(cell.effectiveBase, where).toBeGreaterThanOrEqual(1 - 1e-12);
  expect(cell.effectiveBase, where).toBeLessThanOrEqual(cell.respondents * (1 + 1e-12));
  expect(cell.ci, where).not.toBeNull();
  expect(cell.ci!.lower, where).toBeGreaterThanOrEqual(0);
  expect(cell.ci!.lower, where).toBeLessThanOrEqual(p);
  expect(cell.ci!.upper, where).toBeGreaterThanOrEqual(p);
  expect(cell.ci!.upper, where).toBeLessThanOrEqual(1);
  if (cell.se !== null) expect(cell.se, where).toBeGreaterThanOrEqual(0);
  if (cell.ciLogit) {
    expect(cell.ciLogit.lower, where).toBeGreaterThanOrEqual(0);
    expect(cell.ciLogit.lower, where).toBeLessThanOrEqual(p);
    expect(cell.ciLogit.upper, where).toBeGreaterThanOrEqual(p);
    expect(cell.ciLogit.upper, where).toBeLessThanOrEqual(1);
  }
  const test = cell.vsRest;
  if (test) {
    expect(test.pValue, where).toBeGreaterThanOrEqual(0);
    expect(test.pValue, where).toBeLessThanOrEqual(1);
    expect(test.restShare, `${where}: rest share`).toBeGreaterThanOrEqual(0);
    expect(test.restShare, `${where}: rest share`).toBeLessThanOrEqual(1);
    if (test.pAdjusted !== null) {
      expect(test.pAdjusted, where).toBeGreaterThanOrEqual(test.pValue);
      expect(test.pAdjusted, where).toBeLessThanOrEqual(1);
    }
    expect(cell.smallBase || test.pAdjusted !== null, `${where}: tested cell at the minimum base without an adjusted p`).toBe(true);
  }
}

function expectMatchesRows(table: AcceptanceTable, rows: Row[], query: AcceptanceQuery) {
  for (const cell of [table.overall, ...table.cells]) {
    const where = `cell ${JSON.stringify(cell.key)} of ${JSON.stringify(query)}`;
    expectCellInRange(cell, where);
    const naive = naiveCell(rows, query, cell.key);
    expect(cell.respondents, `${where}: respondents`).toBe(naive.respondents);
    expect(cell.ratings, `${where}: ratings`).toBe(naive.ratings);
    expect(close(cell.sumWeights, naive.sumW), `${where}: sum of weights ${cell.sumWeights} vs ${naive.sumW}`).toBe(true);
    if (naive.share === null) expect(cell.share, where).toBeNull();
    else expect(close(cell.share!, naive.share), `${where}: share ${cell.share} vs ${naive.share}`).toBe(true);
  }
  // The cells partition the ratings that have every grouping level: they add up to those totals.
  if (table.dimensions.length > 0) {
    const attributes = table.dimensions.filter((d) => d.kind === 'attribute').map((d) => d.id);
    const placed = rows.filter((r) => attributes.every((a) => (a === 'country' ? r.country : r.bond) !== ''));
    const total = naiveCell(placed, query, {});
    const sum = (f: (c: AcceptanceCell) => number) => table.cells.reduce((s, c) => s + f(c), 0);
    expect(sum((c) => c.ratings)).toBe(total.ratings);
    expect(close(sum((c) => c.sumWeights), total.sumW)).toBe(true);
    if (attributes.length > 0) {
      // One cell per respondent per slice: respondents add up slice by slice, and those left out had a blank level.
      expect(table.missingAttribute).toBe(naiveCell(rows, query, {}).respondents - total.respondents);
    }
  }
}

describe('the acceptance engine on generated datasets', () => {
  it('gives cells within range whose n, ratings, weight sums and shares add up to the rows', () => {
    fc.assert(
      fc.property(rowsArb(wideWeight), fc.constantFrom(...QUERIES), (rows, query) => {
        expectMatchesRows(acceptance(build(rows), query), rows, query);
      }),
      propertyOptions(401, 120),
    );
  });

  it('gives the same table when every weight is multiplied by a power of two (exactly) or any constant (to 1e-9)', () => {
    fc.assert(
      fc.property(
        rowsArb(surveyWeight),
        fc.constantFrom(...QUERIES),
        fc.oneof(fc.integer({ min: -20, max: 20 }).map((k) => 2 ** k), fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
        (rows, query, c) => {
          const a = acceptance(build(rows), query);
          const b = acceptance(build(rows, c), query);
          if (Number.isInteger(Math.log2(c))) {
            // Every sum scales without rounding, so all but the weight sums are bit-identical.
            const unscaled = (t: AcceptanceTable) => ({ ...t, overall: { ...t.overall, sumWeights: 0 }, cells: t.cells.map((cell) => ({ ...cell, sumWeights: 0 })) });
            expect(unscaled(b)).toEqual(unscaled(a));
            b.cells.forEach((cell, i) => expect(cell.sumWeights).toBe(a.cells[i].sumWeights * c));
          } else expectSameTable(b, a, 1e-9);
        },
      ),
      propertyOptions(402, 60),
    );
  });

  it('gives the same table when the respondents come in another order', () => {
    fc.assert(
      fc.property(rowsArb(surveyWeight), fc.constantFrom(...QUERIES), fc.array(fc.nat(), { minLength: 1 }), (rows, query, keys) => {
        const shuffled = rows.map((r, i) => ({ r, k: keys[i % keys.length] * 1000 + i })).sort((x, y) => x.k - y.k).map((e) => e.r);
        expectSameTable(acceptance(build(shuffled), query), acceptance(build(rows), query), 1e-9);
      }),
      propertyOptions(403, 100),
    );
  });
});

/**
 * Two tables of the same data up to rounding: counts exactly, the rest to `rel`. With weights in
 * 0.2..5 and at most 40 respondents, the sums' relative rounding error is below 1e-13 and the
 * variance's cancellation (see lib/stats/invariants.property.test.ts) costs at most two digits, so
 * 1e-9 is wide of rounding and far below any real difference. p-values are compared through t.
 */
function expectSameTable(actual: AcceptanceTable, expected: AcceptanceTable, rel: number) {
  expect(actual.cells.length).toBe(expected.cells.length);
  [actual.overall, ...actual.cells].forEach((cell, i) => {
    const want = i === 0 ? expected.overall : expected.cells[i - 1];
    const where = `cell ${JSON.stringify(want.key)}`;
    expect(cell.key).toEqual(want.key);
    expect([cell.respondents, cell.ratings, cell.smallBase], where).toEqual([want.respondents, want.ratings, want.smallBase]);
    const pairs: [string, number | null | undefined, number | null | undefined][] = [
      ['share', cell.share, want.share],
      ['effective base', cell.effectiveBase, want.effectiveBase],
      ['SE', cell.se, want.se],
      ['Wilson lower', cell.ci?.lower, want.ci?.lower],
      ['Wilson upper', cell.ci?.upper, want.ci?.upper],
      ['logit lower', cell.ciLogit?.lower, want.ciLogit?.lower],
      ['logit upper', cell.ciLogit?.upper, want.ciLogit?.upper],
      ['diff', cell.vsRest?.diff, want.vsRest?.diff],
      ['t', cell.vsRest?.t, want.vsRest?.t],
      ['rest share', cell.vsRest?.restShare, want.vsRest?.restShare],
    ];
    for (const [what, a, b] of pairs) {
      if (a == null || b == null) expect(a ?? null, `${where}: ${what}`).toBe(b ?? null);
      // Differences and t near 0 are differences of nearly equal shares: compare them absolutely.
      else expect(close(a, b, rel) || Math.abs(a - b) < 1e-12, `${where}: ${what} ${a} vs ${b}`).toBe(true);
    }
    expect(cell.vsRest === null).toBe(want.vsRest === null);
  });
}
