import type { Label } from '../survey/codebook';
import type { ItemColumn, SurveyData } from '../survey/dataset';
import { findCell } from './acceptance';
import { adjustForMultipleTests, compareSides, type ComparisonDifference, type ComparisonSide, sideOf } from './comparisonRow';
import { positiveLabels } from './itemAnswers';
import { memoAcceptance } from './memo';
import { ALPHA, DEFAULT_CONF_LEVEL, DEFAULT_MIN_BASE } from './conventions';

/**
 * The benchmark: one dataset's acceptance rates beside another's (an upload beside a reference
 * study, or any two datasets on /compare), for the items both have, with the difference, its
 * interval and its significance.
 *
 * Items are paired by a correspondence (the upload's codebook `benchmark` entry for the reference:
 * upload item id -> reference item id, which an analyst maps on /benchmark), or, without one, by
 * id where both items have the same answer codes, positive codes and family (two uploads of one
 * template). A mapped pair is compared as mapped: each side counts its own positive answers (the
 * page shows both by label, so that the analyst judges whether they are the same kind of answer).
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
 * tables (lib/analysis/comparisonRow.ts makes the test): diff = p_u − p_r, se = √(se_u² + se_r²),
 * t = diff/se with df = n_u + n_r − 3 (svyglm's df.residual: respondents less two strata less one
 * more coefficient), p two-sided from Student's t, interval diff ± qt(0.975, df)·se (svyttest's
 * conf.int); p-values adjusted with Benjamini-Hochberg over the table's rows at or above the
 * minimum base on both sides. Rows under it have no test (comparisonRow.ts).
 * lib/analysis/fixtures/benchmark.R produces the expected values the tests compare with.
 */

export interface BenchmarkQuery {
  /** An attribute both datasets have: one row per item and shared level. */
  by?: string;
  /** Only the items of this family (of the upload: both datasets must have items of it paired). */
  family?: string;
  /** Respondent filters per side (the reference's latest wave, for instance). */
  uploadFilter?: Record<string, string[]>;
  referenceFilter?: Record<string, string[]>;
  /**
   * Which upload item corresponds to which reference item (upload item id -> reference item id):
   * the codebook's `benchmark` entry for this reference. Without it, items are paired by id.
   */
  pairs?: Record<string, string>;
  /**
   * Families whose items are also pooled into one row (respondents as clusters). Default: the
   * scenarios, whose pooled rate is study G's headline (46% positive about automated services).
   */
  pool?: string[];
  minBase?: number;
  confLevel?: number;
}

export const DEFAULT_POOLED_FAMILIES = ['scenario'];

/** One side of a row (lib/analysis/comparisonRow.ts): share, SE, interval (none under the minimum base), bases. */
export type BenchmarkSide = ComparisonSide;
/** Upload minus reference, with its test (none when a side is under the minimum base). */
export type BenchmarkDifference = ComparisonDifference;

export interface BenchmarkRow {
  /** Unique within the table: "item:q1", "family:scenario", with "|country:NL" for a group. */
  key: string;
  /** The upload's item id, or null for a family's items pooled. */
  item: string | null;
  /** The reference item it is compared with (the same id unless a correspondence maps it), or null when pooled. */
  referenceItem: string | null;
  /** The upload's family. */
  family: string;
  /** How many of the upload's items the row pools (1 for a single item). */
  items: number;
  label: Label;
  /** The reference item's label (the pooled row's label when pooled). */
  referenceLabel: Label;
  /** The answers each side counts as positive, by label (single items only). */
  positive: { upload: Label[]; reference: Label[] } | null;
  group: { code: string; label: Label } | null;
  upload: BenchmarkSide;
  reference: BenchmarkSide;
  /** Upload share minus reference share; null when either side has no rating. Shown greyed when the row has no test. */
  gap: number | null;
  /** Null when either side has no rating or is under the minimum base. */
  difference: BenchmarkDifference | null;
  /** Either side under the minimum base: flagged, no test, and left out of the multiple-comparison family. */
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

/** How the items were paired: by a correspondence, or by id. */
export type Pairing = 'correspondence' | 'id';

export interface BenchmarkResult {
  uploadId: string;
  referenceId: string;
  pairing: Pairing;
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

export type BenchmarkErrorCode = 'NoSharedItems' | 'NoSharedFamily' | 'NotShared';

/** A request the two datasets cannot answer (no common item, a family or attribute not shared); `code` tells the page which. */
export class BenchmarkError extends RangeError {
  constructor(
    message: string,
    readonly label: Label,
    readonly code: BenchmarkErrorCode = 'NotShared',
  ) {
    super(message);
    this.name = 'BenchmarkError';
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const joined = (labels: Label[], locale: 'en' | 'nl') => labels.map((l) => l[locale]).join(', ');

function familyLabelIn(data: SurveyData, id: string): Label | undefined {
  return data.codebook.families.find((f) => f.id === id)?.label;
}

/** Why an item of one dataset cannot be paired by id with the other's, or null when it can. */
function itemMismatch(upload: SurveyData, reference: SurveyData, id: string): Label | null {
  const u = upload.items.get(id);
  const r = reference.items.get(id);
  if (!u) return { en: 'only in the reference dataset', nl: 'alleen in de referentiedataset' };
  if (!r) return { en: 'only in the uploaded dataset', nl: 'alleen in de geüploade dataset' };
  const positive = (c: ItemColumn) => c.codes.filter((_, i) => c.positive[i]).map((l) => l.code);
  if (
    !sameSet(
      u.codes.map((c) => c.code),
      r.codes.map((c) => c.code),
    ) ||
    !sameSet(positive(u), positive(r))
  )
    return {
      en: `the answer scales differ (counted as positive: ${joined(positiveLabels(u), 'en')} against ${joined(positiveLabels(r), 'en')})`,
      nl: `de antwoordschalen verschillen (als positief geteld: ${joined(positiveLabels(u), 'nl')} tegenover ${joined(positiveLabels(r), 'nl')})`,
    };
  if (u.item.family !== r.item.family) {
    const fu = familyLabelIn(upload, u.item.family) ?? { en: u.item.family, nl: u.item.family };
    const fr = familyLabelIn(reference, r.item.family) ?? { en: r.item.family, nl: r.item.family };
    return { en: `in different families (${fu.en}, ${fr.en})`, nl: `in verschillende groepen (${fu.nl}, ${fr.nl})` };
  }
  return null;
}

/** A compared pair: the upload's item and the reference item it stands beside. */
interface Pair {
  upload: string;
  reference: string;
}

/** The pairs of items to compare, and every item of either dataset that is left out, with why. */
function pairItems(upload: SurveyData, reference: SurveyData, correspondence: Record<string, string> | undefined): { pairs: Pair[]; leftOutItems: LeftOut[] } {
  const leftOutItems: LeftOut[] = [];
  const pairs: Pair[] = [];
  if (!correspondence) {
    for (const id of new Set([...upload.items.keys(), ...reference.items.keys()])) {
      const reason = itemMismatch(upload, reference, id);
      const label = (upload.items.get(id) ?? reference.items.get(id))!.item.label;
      if (reason) leftOutItems.push({ id, label, reason });
      else pairs.push({ upload: id, reference: id });
    }
    return { pairs, leftOutItems };
  }
  for (const [id, column] of upload.items) {
    const other = Object.hasOwn(correspondence, id) ? correspondence[id] : undefined;
    if (other === undefined) leftOutItems.push({ id, label: column.item.label, reason: { en: 'not mapped to an item of the other study', nl: 'niet gekoppeld aan een item van het andere onderzoek' } });
    else if (!reference.items.has(other))
      leftOutItems.push({ id, label: column.item.label, reason: { en: 'mapped to an item the other study does not have', nl: 'gekoppeld aan een item dat het andere onderzoek niet heeft' } });
    else pairs.push({ upload: id, reference: other });
  }
  const mapped = new Set(pairs.map((p) => p.reference));
  for (const [id, column] of reference.items)
    if (!mapped.has(id)) leftOutItems.push({ id, label: column.item.label, reason: { en: 'no item of the uploaded dataset is mapped to it', nl: 'geen item van de geüploade dataset is eraan gekoppeld' } });
  return { pairs, leftOutItems };
}

/** Codes of an attribute that both datasets have, in the upload's order. */
function sharedCodes(upload: SurveyData, reference: SurveyData, id: string): string[] {
  const u = upload.attributes.get(id);
  const r = reference.attributes.get(id);
  if (!u || !r || u.kind !== r.kind) return [];
  const theirs = new Set(r.levels.map((l) => l.code));
  return u.levels.map((l) => l.code).filter((c) => theirs.has(c));
}

/**
 * What two datasets share: the compared item pairs (and the items left out, with why), their
 * families (the upload's) and the attributes with common codes. Cheap: codebooks only.
 */
export function benchmarkOptions(
  upload: SurveyData,
  reference: SurveyData,
  correspondence?: Record<string, string>,
): { pairs: Pair[]; leftOutItems: LeftOut[]; sharedFamilies: BenchmarkOption[]; sharedAttributes: BenchmarkOption[] } {
  const { pairs, leftOutItems } = pairItems(upload, reference, correspondence);
  const familyLabel = (id: string): Label => familyLabelIn(upload, id) ?? familyLabelIn(reference, id) ?? { en: id, nl: id };
  const sharedFamilies = [...new Set(pairs.map((p) => upload.items.get(p.upload)!.item.family))].map((id) => ({ id, label: familyLabel(id) }));
  const sharedAttributes = [...upload.attributes.values()].filter((a) => sharedCodes(upload, reference, a.id).length > 0).map((a) => ({ id: a.id, label: a.label }));
  return { pairs, leftOutItems, sharedFamilies, sharedAttributes };
}

/** The benchmark table; throws BenchmarkError when the request does not fit the two datasets. */
export function benchmark(upload: SurveyData, reference: SurveyData, query: BenchmarkQuery = {}): BenchmarkResult {
  const minBase = query.minBase ?? DEFAULT_MIN_BASE;
  const confLevel = query.confLevel ?? DEFAULT_CONF_LEVEL;

  const { pairs: allPairs, leftOutItems, sharedFamilies, sharedAttributes } = benchmarkOptions(upload, reference, query.pairs);
  const familyLabel = (id: string): Label => sharedFamilies.find((f) => f.id === id)?.label ?? { en: id, nl: id };

  if (allPairs.length === 0)
    throw new BenchmarkError(
      query.pairs ? 'no item of the upload is mapped to an item of the reference' : 'the two datasets have no item in common (items are matched by id)',
      query.pairs
        ? { en: 'None of the items is mapped to an item of the other study yet.', nl: 'Nog geen enkel item is gekoppeld aan een item van het andere onderzoek.' }
        : { en: 'The two datasets have no item in common yet: no item has the same name and answers in both.', nl: 'De twee datasets hebben nog geen item gemeen: geen item heeft in beide dezelfde naam en antwoorden.' },
      'NoSharedItems',
    );
  if (query.family && !sharedFamilies.some((f) => f.id === query.family))
    throw new BenchmarkError(
      `no shared item of family "${query.family}"; shared families: ${sharedFamilies.map((f) => f.id).join(', ')}`,
      {
        en: `The two datasets have no items of this family in common. Choose one of: ${sharedFamilies.map((f) => f.label.en).join(', ')}.`,
        nl: `De datasets hebben geen items van deze groep gemeen. Kies uit: ${sharedFamilies.map((f) => f.label.nl).join(', ')}.`,
      },
      'NoSharedFamily',
    );

  let by: BenchmarkOption | null = null;
  const leftOutLevels: LeftOut[] = [];
  let codes: string[] = [];
  if (query.by) {
    codes = sharedCodes(upload, reference, query.by);
    const attribute = upload.attributes.get(query.by) ?? reference.attributes.get(query.by);
    if (!codes.length) {
      const oneSide = !upload.attributes.has(query.by) || !reference.attributes.has(query.by);
      const why = oneSide ? 'only one of the datasets has it' : 'the two datasets share none of its codes';
      const whyNl = oneSide ? 'maar één van de datasets heeft het' : 'de twee datasets delen geen van de codes';
      throw new BenchmarkError(`cannot group by "${query.by}": ${why}; shared attributes: ${sharedAttributes.map((a) => a.id).join(', ') || 'none'}`, {
        en: `Cannot compare by “${attribute?.label.en ?? 'this attribute'}”: ${why}.`,
        nl: `Kan niet vergelijken naar “${attribute?.label.nl ?? 'dit kenmerk'}”: ${whyNl}.`,
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

  const familyOf = (id: string) => upload.items.get(id)!.item.family;
  const pairs = query.family ? allPairs.filter((p) => familyOf(p.upload) === query.family) : allPairs;
  const families = query.family ? [query.family] : sharedFamilies.map((f) => f.id);
  const groupLevels = by ? upload.attributes.get(by.id)!.levels.filter((l) => codes.includes(l.code)) : [];

  // One acceptance table per pair (its own design: the respondents who rated it) and per pooled
  // family: the upload's items of it against the distinct reference items they are paired with.
  interface Unit {
    key: string;
    pair: Pair | null;
    family: string;
    uploadItems: string[];
    referenceItems: string[];
    label: Label;
    referenceLabel: Label;
  }
  const units: Unit[] = [
    ...pairs.map((p) => ({
      key: `item:${p.upload}`,
      pair: p,
      family: familyOf(p.upload),
      uploadItems: [p.upload],
      referenceItems: [p.reference],
      label: upload.items.get(p.upload)!.item.label,
      referenceLabel: reference.items.get(p.reference)!.item.label,
    })),
    ...families
      .map((f) => ({ f, members: pairs.filter((p) => familyOf(p.upload) === f) }))
      .filter(({ f, members }) => members.length > 1 && (query.pool ?? DEFAULT_POOLED_FAMILIES).includes(f))
      .map(({ f, members }) => {
        const fl = familyLabel(f);
        const label = { en: `${fl.en}: all ${members.length} pooled`, nl: `${fl.nl}: alle ${members.length} samen` };
        return { key: `family:${f}`, pair: null, family: f, uploadItems: members.map((p) => p.upload), referenceItems: [...new Set(members.map((p) => p.reference))], label, referenceLabel: label };
      }),
  ];

  const rows: BenchmarkRow[] = [];
  for (const unit of units) {
    const table = (data: SurveyData, items: string[], filter: Record<string, string[]> | undefined) => memoAcceptance(data, { items, filter: filter ?? {}, by: by ? [by.id] : [], minBase, confLevel });
    const u = table(upload, unit.uploadItems, query.uploadFilter);
    const r = table(reference, unit.referenceItems, query.referenceFilter);
    const groups: ({ code: string; label: Label } | null)[] = by ? groupLevels.map((l) => ({ code: l.code, label: l.label })) : [null];
    for (const group of groups) {
      const uSide = sideOf(group ? findCell(u, { [by!.id]: group.code }) : u.overall, minBase);
      const rSide = sideOf(group ? findCell(r, { [by!.id]: group.code }) : r.overall, minBase);
      // Two strata: one degree of freedom fewer than two levels of one design (comparisonRow.ts).
      const compared = compareSides(uSide, rSide, uSide.respondents + rSide.respondents - 3, confLevel);
      rows.push({
        key: group ? `${unit.key}|${by!.id}:${group.code}` : unit.key,
        item: unit.pair?.upload ?? null,
        referenceItem: unit.pair?.reference ?? null,
        family: unit.family,
        items: unit.uploadItems.length,
        label: unit.label,
        referenceLabel: unit.referenceLabel,
        positive: unit.pair ? { upload: positiveLabels(upload.items.get(unit.pair.upload)!), reference: positiveLabels(reference.items.get(unit.pair.reference)!) } : null,
        group,
        upload: uSide,
        reference: rSide,
        ...compared,
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

  adjustForMultipleTests(rows, ALPHA);

  return {
    uploadId: upload.codebook.id,
    referenceId: reference.codebook.id,
    pairing: query.pairs ? 'correspondence' : 'id',
    by,
    family: query.family ?? null,
    rows,
    leftOutItems,
    leftOutLevels,
    sharedAttributes,
    sharedFamilies,
    minBase,
    confLevel,
    alpha: ALPHA,
  };
}
