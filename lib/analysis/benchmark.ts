import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { benjaminiHochberg } from '../stats/benjaminiHochberg';
import { differenceTest } from '../stats/differenceTest';
import { criticalValue } from '../stats/distributions';
import type { Interval } from '../stats/wilsonInterval';
import { type AcceptanceCell, findCell } from './acceptance';
import { memoAcceptance } from './memo';
import { DEFAULT_CONF_LEVEL, DEFAULT_MIN_BASE } from './query';

/**
 * The benchmark: an uploaded dataset's acceptance rates beside a reference study's, for the items
 * (and groups) both have, with the difference, its interval and its significance.
 *
 * The two datasets are independent samples, modelled as two strata of one design. In R: stack the
 * rated rows of both with a `source` column, then
 *   one item:      des <- svydesign(ids = ~1,   strata = ~source, weights = ~w, data = stacked)
 *   a family:      des <- svydesign(ids = ~uid, strata = ~source, weights = ~w, data = stacked, nest = TRUE)
 *   a group:       subset(des, country == "NL")
 *   the rates:     svyby(~y, ~source, des, svymean)
 *   the test:      svyttest(y ~ source, des)   (= svyglm(y ~ source, des): coefficient, SE, t, df.residual, confint)
 * With the strata independent, the variance of the difference is the sum of the two domain
 * variances, and each is exactly the acceptance engine's SE of that cell in its own dataset (a
 * domain of the design of the respondents with a rating). So the rows are read off two acceptance
 * tables: diff = p_u − p_r, se = √(se_u² + se_r²), t = diff/se with df = n_u + n_r − 3 (svyglm's
 * df.residual: respondents less two strata less one more coefficient), p two-sided from Student's
 * t, interval diff ± qt(0.975, df)·se (svyttest's conf.int); p-values adjusted with
 * Benjamini-Hochberg over the table's rows at or above the minimum base on both sides.
 * lib/analysis/fixtures/benchmark.R produces the expected values the tests compare with.
 */

export const BENCHMARK_ALPHA = 0.05;

export interface BenchmarkQuery {
  /** An attribute both datasets have: one row per item and shared level. */
  by?: string;
  /** Only the items of this family (both datasets must have it). */
  family?: string;
  /** Respondent filters per side (the reference's latest wave, for instance). */
  uploadFilter?: Record<string, string[]>;
  referenceFilter?: Record<string, string[]>;
  /**
   * Families whose items are also pooled into one row (respondents as clusters). Default: the
   * scenarios, whose pooled rate is study G's headline (46% positive about automated services).
   */
  pool?: string[];
  minBase?: number;
  confLevel?: number;
}

export const DEFAULT_POOLED_FAMILIES = ['scenario'];

export interface BenchmarkSide {
  share: number | null;
  se: number | null;
  /** Wilson interval on the effective base, as everywhere else in the product. */
  ci: Interval | null;
  respondents: number;
  ratings: number;
  sumWeights: number;
  effectiveBase: number;
  smallBase: boolean;
}

export interface BenchmarkDifference {
  /** Upload minus reference, as a share (0.05 = 5 points). */
  diff: number;
  se: number;
  t: number;
  df: number;
  pValue: number;
  ci: Interval;
  /** Benjamini-Hochberg over the table's tested rows; null when the row is not in the family (small base). */
  pAdjusted: number | null;
  significant: boolean;
}

export interface BenchmarkRow {
  /** Unique within the table: "item:q1", "family:scenario", with "|country:NL" for a group. */
  key: string;
  /** The item id, or null for a family's items pooled. */
  item: string | null;
  family: string;
  /** How many items the row pools (1 for a single item). */
  items: number;
  label: Label;
  group: { code: string; label: Label } | null;
  upload: BenchmarkSide;
  reference: BenchmarkSide;
  /** Null when either side has no rating. */
  difference: BenchmarkDifference | null;
  /** Either side under the minimum base: flagged, and left out of the multiple-comparison family. */
  smallBase: boolean;
}

export interface LeftOut {
  id: string;
  label: Label;
  reason: Label;
}

export interface BenchmarkOption {
  id: string;
  label: Label;
}

export interface BenchmarkResult {
  uploadId: string;
  referenceId: string;
  by: BenchmarkOption | null;
  family: string | null;
  rows: BenchmarkRow[];
  /** Items of either dataset that are not compared, with why. */
  leftOutItems: LeftOut[];
  /** Levels of the grouping attribute that only one dataset has. */
  leftOutLevels: LeftOut[];
  /** What the page can offer: attributes both datasets share (with at least one common code), families with shared items. */
  sharedAttributes: BenchmarkOption[];
  sharedFamilies: BenchmarkOption[];
  minBase: number;
  confLevel: number;
  alpha: number;
}

/** A request the two datasets cannot answer (unknown family, attribute not shared, no common item). */
export class BenchmarkError extends RangeError {
  constructor(
    message: string,
    readonly label: Label,
  ) {
    super(message);
    this.name = 'BenchmarkError';
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Why an item of one dataset cannot be compared with the other's, or null when it can. */
function itemMismatch(upload: SurveyData, reference: SurveyData, id: string): Label | null {
  const u = upload.items.get(id);
  const r = reference.items.get(id);
  if (!u) return { en: 'only in the reference dataset', nl: 'alleen in de referentiedataset' };
  if (!r) return { en: 'only in the uploaded dataset', nl: 'alleen in de geüploade dataset' };
  const positive = (c: typeof u) => c.codes.filter((_, i) => c.positive[i]).map((l) => l.code);
  if (
    !sameSet(
      u.codes.map((c) => c.code),
      r.codes.map((c) => c.code),
    ) ||
    !sameSet(positive(u), positive(r))
  )
    return {
      en: `the answer scales differ (positive: ${positive(u).join(', ')} against ${positive(r).join(', ')})`,
      nl: `de antwoordschalen verschillen (positief: ${positive(u).join(', ')} tegenover ${positive(r).join(', ')})`,
    };
  if (u.item.family !== r.item.family)
    return { en: `in different families (${u.item.family}, ${r.item.family})`, nl: `in verschillende families (${u.item.family}, ${r.item.family})` };
  return null;
}

/** Codes of an attribute that both datasets have, in the upload's order. */
function sharedCodes(upload: SurveyData, reference: SurveyData, id: string): string[] {
  const u = upload.attributes.get(id);
  const r = reference.attributes.get(id);
  if (!u || !r || u.kind !== r.kind) return [];
  const theirs = new Set(r.levels.map((l) => l.code));
  return u.levels.map((l) => l.code).filter((c) => theirs.has(c));
}

function side(cell: AcceptanceCell | undefined, minBase: number): BenchmarkSide {
  if (!cell) return { share: null, se: null, ci: null, respondents: 0, ratings: 0, sumWeights: 0, effectiveBase: 0, smallBase: true };
  return {
    share: cell.share,
    se: cell.se,
    ci: cell.ci,
    respondents: cell.respondents,
    ratings: cell.ratings,
    sumWeights: cell.sumWeights,
    effectiveBase: cell.effectiveBase,
    smallBase: cell.respondents < minBase,
  };
}

/** svyttest(y ~ source, des) from the two sides' shares and domain SEs (see the module comment). */
export function differenceOf(upload: BenchmarkSide, reference: BenchmarkSide, confLevel = DEFAULT_CONF_LEVEL): Omit<BenchmarkDifference, 'pAdjusted' | 'significant'> | null {
  if (upload.share === null || reference.share === null || upload.se === null || reference.se === null) return null;
  const df = upload.respondents + reference.respondents - 3;
  if (df < 1) return null;
  const test = differenceTest({ p: upload.share, variance: upload.se ** 2 }, { p: reference.share, variance: reference.se ** 2 }, df);
  const half = criticalValue(confLevel, df) * test.se;
  return { diff: test.diff, se: test.se, t: test.t, df, pValue: test.pValue, ci: { lower: test.diff - half, upper: test.diff + half } };
}

/** What two datasets share: the comparable items (and those left out, with why), their families, and the attributes with common codes. Cheap: codebooks only. */
export function benchmarkOptions(upload: SurveyData, reference: SurveyData): { shared: string[]; leftOutItems: LeftOut[]; sharedFamilies: BenchmarkOption[]; sharedAttributes: BenchmarkOption[] } {
  // Items: matched by id; the rest is listed with the reason.
  const allIds = [...new Set([...upload.items.keys(), ...reference.items.keys()])];
  const leftOutItems: LeftOut[] = [];
  const shared: string[] = [];
  for (const id of allIds) {
    const reason = itemMismatch(upload, reference, id);
    const label = (upload.items.get(id) ?? reference.items.get(id))!.item.label;
    if (reason) leftOutItems.push({ id, label, reason });
    else shared.push(id);
  }
  const familyLabel = (id: string): Label => upload.codebook.families.find((f) => f.id === id)?.label ?? reference.codebook.families.find((f) => f.id === id)?.label ?? { en: id, nl: id };
  const sharedFamilies = [...new Set(shared.map((id) => upload.items.get(id)!.item.family))].map((id) => ({ id, label: familyLabel(id) }));
  const sharedAttributes = [...upload.attributes.values()].filter((a) => sharedCodes(upload, reference, a.id).length > 0).map((a) => ({ id: a.id, label: a.label }));

  return { shared, leftOutItems, sharedFamilies, sharedAttributes };
}

/** The benchmark table; throws BenchmarkError when the request does not fit the two datasets. */
export function benchmark(upload: SurveyData, reference: SurveyData, query: BenchmarkQuery = {}): BenchmarkResult {
  const minBase = query.minBase ?? DEFAULT_MIN_BASE;
  const confLevel = query.confLevel ?? DEFAULT_CONF_LEVEL;

  const { shared, leftOutItems, sharedFamilies, sharedAttributes } = benchmarkOptions(upload, reference);
  const familyLabel = (id: string): Label => sharedFamilies.find((f) => f.id === id)?.label ?? { en: id, nl: id };

  if (shared.length === 0)
    throw new BenchmarkError('the two datasets have no item in common (items are matched by id)', {
      en: 'The two datasets have no item in common (items are matched by their id).',
      nl: 'De twee datasets hebben geen item gemeen (items worden op hun id gekoppeld).',
    });
  if (query.family && !sharedFamilies.some((f) => f.id === query.family))
    throw new BenchmarkError(`no shared item of family "${query.family}"; shared families: ${sharedFamilies.map((f) => f.id).join(', ')}`, {
      en: `The two datasets have no items of the family “${query.family}” in common. Choose one of: ${sharedFamilies.map((f) => f.label.en).join(', ')}.`,
      nl: `De datasets hebben geen items van de familie “${query.family}” gemeen. Kies uit: ${sharedFamilies.map((f) => f.label.nl).join(', ')}.`,
    });

  let by: BenchmarkOption | null = null;
  const leftOutLevels: LeftOut[] = [];
  let codes: string[] = [];
  if (query.by) {
    codes = sharedCodes(upload, reference, query.by);
    const attribute = upload.attributes.get(query.by) ?? reference.attributes.get(query.by);
    if (!codes.length) {
      const why = !upload.attributes.has(query.by) || !reference.attributes.has(query.by) ? 'only one of the datasets has it' : 'the two datasets share none of its codes';
      const whyNl = !upload.attributes.has(query.by) || !reference.attributes.has(query.by) ? 'maar één van de datasets heeft het' : 'de twee datasets delen geen van de codes';
      throw new BenchmarkError(`cannot group by "${query.by}": ${why}; shared attributes: ${sharedAttributes.map((a) => a.id).join(', ') || 'none'}`, {
        en: `Cannot compare by “${attribute?.label.en ?? query.by}”: ${why}.`,
        nl: `Kan niet vergelijken naar “${attribute?.label.nl ?? query.by}”: ${whyNl}.`,
      });
    }
    by = { id: query.by, label: attribute!.label };
    for (const [data, en, nl] of [
      [upload, 'only in the uploaded dataset', 'alleen in de geüploade dataset'],
      [reference, 'only in the reference dataset', 'alleen in de referentiedataset'],
    ] as const)
      for (const level of data.attributes.get(query.by)!.levels)
        if (!codes.includes(level.code) && !leftOutLevels.some((l) => l.id === level.code)) leftOutLevels.push({ id: level.code, label: level.label, reason: { en, nl } });
  }

  const items = query.family ? shared.filter((id) => upload.items.get(id)!.item.family === query.family) : shared;
  const families = query.family ? [query.family] : sharedFamilies.map((f) => f.id);
  const groupLevels = by ? upload.attributes.get(by.id)!.levels.filter((l) => codes.includes(l.code)) : [];

  // One acceptance table per item (its own design: the respondents who rated it) and per pooled family.
  const units: { key: string; item: string | null; family: string; items: string[]; label: Label }[] = [
    ...items.map((id) => ({ key: `item:${id}`, item: id, family: upload.items.get(id)!.item.family, items: [id], label: upload.items.get(id)!.item.label })),
    ...families
      .map((f) => ({ f, ids: items.filter((id) => upload.items.get(id)!.item.family === f) }))
      .filter(({ f, ids }) => ids.length > 1 && (query.pool ?? DEFAULT_POOLED_FAMILIES).includes(f))
      .map(({ f, ids }) => {
        const fl = familyLabel(f);
        return { key: `family:${f}`, item: null, family: f, items: ids, label: { en: `${fl.en}: all ${ids.length} pooled`, nl: `${fl.nl}: alle ${ids.length} samen` } };
      }),
  ];

  const rows: BenchmarkRow[] = [];
  for (const unit of units) {
    const table = (data: SurveyData, filter: Record<string, string[]> | undefined) =>
      memoAcceptance(data, { items: unit.items, filter: filter ?? {}, by: by ? [by.id] : [], minBase, confLevel });
    const u = table(upload, query.uploadFilter);
    const r = table(reference, query.referenceFilter);
    const groups: ({ code: string; label: Label } | null)[] = by ? groupLevels.map((l) => ({ code: l.code, label: l.label })) : [null];
    for (const group of groups) {
      const uSide = side(group ? findCell(u, { [by!.id]: group.code }) : u.overall, minBase);
      const rSide = side(group ? findCell(r, { [by!.id]: group.code }) : r.overall, minBase);
      const difference = differenceOf(uSide, rSide, confLevel);
      rows.push({
        key: group ? `${unit.key}|${by!.id}:${group.code}` : unit.key,
        item: unit.item,
        family: unit.family,
        items: unit.items.length,
        label: unit.label,
        group,
        upload: uSide,
        reference: rSide,
        difference: difference && { ...difference, pAdjusted: null, significant: false },
        smallBase: uSide.smallBase || rSide.smallBase,
      });
    }
  }

  // A shared level nobody in one of the datasets belongs to (an upload of two countries out of four)
  // gives empty rows only: the level is listed as left out instead.
  if (by)
    for (const level of groupLevels) {
      const of = rows.filter((row) => row.group?.code === level.code);
      const emptySide = of.every((row) => row.upload.respondents === 0) ? 'upload' : of.every((row) => row.reference.respondents === 0) ? 'reference' : null;
      if (!emptySide) continue;
      leftOutLevels.push({
        id: level.code,
        label: level.label,
        reason: emptySide === 'upload' ? { en: 'no respondents in the uploaded dataset', nl: 'geen respondenten in de geüploade dataset' } : { en: 'no respondents in the reference dataset', nl: 'geen respondenten in de referentiedataset' },
      });
      rows.splice(0, rows.length, ...rows.filter((row) => row.group?.code !== level.code));
    }

  const tested = rows.filter((row) => row.difference && !row.smallBase);
  const adjusted = benjaminiHochberg(tested.map((row) => row.difference!.pValue));
  tested.forEach((row, i) => {
    row.difference!.pAdjusted = adjusted[i];
    row.difference!.significant = adjusted[i] < BENCHMARK_ALPHA;
  });

  return {
    uploadId: upload.codebook.id,
    referenceId: reference.codebook.id,
    by,
    family: query.family ?? null,
    rows,
    leftOutItems,
    leftOutLevels,
    sharedAttributes,
    sharedFamilies,
    minBase,
    confLevel,
    alpha: BENCHMARK_ALPHA,
  };
}
