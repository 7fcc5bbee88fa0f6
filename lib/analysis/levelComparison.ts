import type { Label } from '../survey/codebook';
import type { Level, SurveyData } from '../survey/dataset';
import { findCell } from './acceptance';
import { calibratedDifferenceVariance } from './calibratedCell';
import { DEFAULT_POOLED_FAMILIES } from './benchmark';
import { adjustForMultipleTests, compareSides, type ComparedSides, type ComparisonSide, sideOf } from './comparisonRow';
import { memoAcceptance } from './memo';
import { ALPHA, DEFAULT_CONF_LEVEL, DEFAULT_MIN_BASE } from './conventions';

/**
 * Two levels of one attribute of one dataset compared item by item: study P's 2018 wave against
 * its 2017 wave, one file of an upload against another (its source column), women against men.
 * With more than two levels, every level's share per item too, for a trend chart.
 *
 * The two levels are independent samples of one design. Per item, the design is the respondents
 * with an answer and a level of the attribute (a blank level belongs to neither side, as in the
 * explorer, whose bars show the same shares and SEs):
 *   one item:   des <- svydesign(ids = ~1,          weights = ~w, data = <rows with an answer>)
 *   a family:   des <- svydesign(ids = ~respondent, weights = ~w, data = <one row per rating>)
 *   the rates:  svyby(~y, ~g, des, svymean)
 *   the test:   svyttest(y ~ g, subset(des, g %in% c(A, B)))
 * The domain variances are the acceptance engine's SEs of the two cells of a table grouped by the
 * attribute, and they add up (no respondent is in both levels); the subset's degrees of freedom
 * are n_A + n_B − 2 (lib/analysis/comparisonRow.ts makes the test; BH over the rows).
 * Under a raked weight the design is the rake()d one of every respondent, `rdes`: the shares and SEs
 * are `svymean(~y, subset(rdes, asked & g == A))` and the test `svyttest(y ~ g, subset(rdes, asked &
 * g %in% c(A, B)))`, whose variance is the calibrated variance of the difference (the two levels
 * share the raking, so it is not the sum of the two: lib/analysis/calibratedCell.ts); df as above.
 * lib/analysis/fixtures/compare_levels.R produces the expected values the tests compare with.
 */

export interface LevelComparisonQuery {
  /** The attribute whose levels are compared (a wave, a source file, a country). */
  attribute: string;
  /** The first level (the difference is a − b) and the second. */
  a: string;
  b: string;
  /** Only the items of this family. */
  family?: string;
  /** Families whose items are also pooled into one row (respondents as clusters); default the scenarios, as the benchmark. */
  pool?: string[];
  minBase?: number;
  confLevel?: number;
}

export interface LevelPoint {
  code: string;
  label: Label;
  side: ComparisonSide;
}

export interface LevelComparisonRow extends ComparedSides {
  /** "item:q1" or "family:scenario". */
  key: string;
  /** The item id, or null for a family's items pooled. */
  item: string | null;
  family: string;
  items: number;
  label: Label;
  a: ComparisonSide;
  b: ComparisonSide;
  /** Every level of the attribute, in the codebook's order: the trend. */
  levels: LevelPoint[];
}

export interface LevelComparison {
  datasetId: string;
  attribute: { id: string; label: Label };
  a: Level;
  b: Level;
  levels: Level[];
  family: string | null;
  /** The items (and pooled families) rated in both levels: the comparison. */
  rows: LevelComparisonRow[];
  /** Every item and pooled family, in the codebook's order, whether rated in both levels or not: the trend. */
  trend: LevelComparisonRow[];
  /** Items nobody in one of the two levels rated (asked in one wave only), with why. */
  leftOut: { key: string; label: Label; reason: Label }[];
  families: { id: string; label: Label }[];
  minBase: number;
  confLevel: number;
  alpha: number;
}

export type LevelComparisonErrorCode = 'UnknownAttribute' | 'UnknownLevel' | 'SameLevel' | 'UnknownFamily';

/** A request the dataset cannot answer; `label` says it to the reader. */
export class LevelComparisonError extends RangeError {
  constructor(
    message: string,
    readonly label: Label,
    readonly code: LevelComparisonErrorCode,
  ) {
    super(message);
    this.name = 'LevelComparisonError';
  }
}

/** The attributes whose levels can be compared: at least two levels. */
export function comparableAttributes(data: SurveyData): { id: string; label: Label; levels: Level[] }[] {
  return [...data.attributes.values()].filter((a) => a.levels.length >= 2).map((a) => ({ id: a.id, label: a.label, levels: a.levels }));
}

/** The families that have items, in the codebook's order. */
export function familiesWithItems(data: SurveyData): { id: string; label: Label }[] {
  const used = new Set(data.codebook.items.map((it) => it.family));
  return data.codebook.families.filter((f) => used.has(f.id)).map((f) => ({ id: f.id, label: f.label }));
}

export function compareLevels(data: SurveyData, query: LevelComparisonQuery): LevelComparison {
  const minBase = query.minBase ?? DEFAULT_MIN_BASE;
  const confLevel = query.confLevel ?? DEFAULT_CONF_LEVEL;
  const attribute = data.attributes.get(query.attribute);
  if (!attribute || attribute.levels.length < 2)
    throw new LevelComparisonError(`cannot compare the levels of "${query.attribute}": not an attribute of this dataset with two or more levels`, { en: 'This dataset has no such attribute with two or more groups.', nl: 'Deze dataset heeft zo’n kenmerk met twee of meer groepen niet.' }, 'UnknownAttribute');
  const level = (code: string) => attribute.levels.find((l) => l.code === code);
  const a = level(query.a);
  const b = level(query.b);
  if (!a || !b)
    throw new LevelComparisonError(`"${!a ? query.a : query.b}" is not a level of ${attribute.id}`, { en: `Choose two groups of “${attribute.label.en}”.`, nl: `Kies twee groepen van “${attribute.label.nl}”.` }, 'UnknownLevel');
  if (a.code === b.code)
    throw new LevelComparisonError('the two levels are the same', { en: 'Choose two different groups to compare.', nl: 'Kies twee verschillende groepen om te vergelijken.' }, 'SameLevel');
  const families = familiesWithItems(data);
  if (query.family && !families.some((f) => f.id === query.family))
    throw new LevelComparisonError(`no items of family "${query.family}"`, { en: 'This dataset has no items of that family.', nl: 'Deze dataset heeft geen items van die groep.' }, 'UnknownFamily');

  const items = data.codebook.items.filter((it) => !query.family || it.family === query.family);
  const units = [
    ...items.map((it) => ({ key: `item:${it.id}`, item: it.id as string | null, family: it.family, ids: [it.id], label: it.label })),
    ...families
      .filter((f) => (!query.family || f.id === query.family) && (query.pool ?? DEFAULT_POOLED_FAMILIES).includes(f.id))
      .map((f) => ({ f, ids: items.filter((it) => it.family === f.id).map((it) => it.id) }))
      .filter(({ ids }) => ids.length > 1)
      .map(({ f, ids }) => ({ key: `family:${f.id}`, item: null, family: f.id, ids, label: { en: `${f.label.en}: all ${ids.length} pooled`, nl: `${f.label.nl}: alle ${ids.length} samen` } })),
  ];

  const trend: LevelComparisonRow[] = units.map((unit) => {
    const table = memoAcceptance(data, { items: unit.ids, by: [attribute.id], minBase, confLevel });
    const cellOf = (code: string) => findCell(table, { [attribute.id]: code });
    const levels = attribute.levels.map((l) => ({ code: l.code, label: l.label, side: sideOf(cellOf(l.code), minBase) }));
    const sideA = levels.find((l) => l.code === a.code)!.side;
    const sideB = levels.find((l) => l.code === b.code)!.side;
    const [cellA, cellB] = [cellOf(a.code), cellOf(b.code)];
    // Under a raked weight: the calibrated variance of the difference (null with fixed weights: the sum).
    const differenceVariance = cellA && cellB ? calibratedDifferenceVariance(cellA, cellB) : null;
    return { key: unit.key, item: unit.item, family: unit.family, items: unit.ids.length, label: unit.label, a: sideA, b: sideB, levels, ...compareSides(sideA, sideB, sideA.respondents + sideB.respondents - 2, confLevel, differenceVariance) };
  });
  // An item nobody in a level rated (study P asked only P1 in its 2017 wave) is no comparison: it is listed with why.
  const rows = trend.filter((row) => row.a.share !== null && row.b.share !== null);
  const notRated = (side: ComparisonSide, level: Level): Label | null => (side.share === null ? { en: `no answers in ${level.label.en}`, nl: `geen antwoorden in ${level.label.nl}` } : null);
  const leftOut = trend
    .filter((row) => !rows.includes(row))
    .map((row) => {
      const reasons = [notRated(row.a, a), notRated(row.b, b)].filter((r): r is Label => r !== null);
      return { key: row.key, label: row.label, reason: { en: reasons.map((r) => r.en).join('; '), nl: reasons.map((r) => r.nl).join('; ') } };
    });
  adjustForMultipleTests(rows, ALPHA);

  return {
    datasetId: data.codebook.id,
    attribute: { id: attribute.id, label: attribute.label },
    a,
    b,
    levels: attribute.levels,
    family: query.family ?? null,
    rows,
    trend,
    leftOut,
    families,
    minBase,
    confLevel,
    alpha: ALPHA,
  };
}
