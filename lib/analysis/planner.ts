import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { answerSides, classifyTier, type Tier } from './tiers';
import { findCell, type AcceptanceCell } from './acceptance';
import { modelFit, modelledAcceptance, type ModelFit } from './acceptanceModel';
import { memoAcceptance } from './memo';
import { guidelines, type Guideline } from './plannerGuidelines';
import { guidelineGaps, plannerFields, type PlannerFields } from './plannerSupport';
import { creepyTactics, type TacticsAnswer } from './plannerTactics';
import { DEFAULT_MIN_BASE } from './conventions';
import { labelOf } from '../i18n/catalog';
import { withoutInference } from './smallBase';

export type { Guideline, GuidelineFigure, GuidelineNote, PlannerFigure } from './plannerGuidelines';
export type { TacticsAnswer } from './plannerTactics';

/**
 * "Which personalization is welcome for my audience?", on any dataset: for an audience (one level
 * per chosen attribute) at a moment (one value per chosen item dimension), each item family's
 * expected share of positive answers with its interval and base (modelled when the audience is
 * under the minimum base), and its items to use, to ask about first and to avoid. Where the dataset
 * has what they need, the study-specific parts: study P's creepy tactics and the source article's
 * five guidelines (study G's structure).
 */
export interface PlannerRequest {
  /** Attribute id -> level code (band ids for scale attributes); absent = everyone. */
  audience: Record<string, string>;
  /** Item dimension -> code; absent = every moment. */
  moment: Record<string, string>;
  minBase?: number;
}

export type Advice = 'use' | 'ask' | 'avoid';

export interface ItemAdvice {
  item: string;
  label: Label;
  /** Null when even the whole dataset has too few answers to place the item. */
  advice: Advice | null;
  tier: Tier | null;
  /** Share of positive answers, and of answers on the other side of the scale (null: it has none). */
  ok: AcceptanceCell;
  notOk: AcceptanceCell | null;
  /** True when the audience is under the minimum base for this item and the whole dataset placed it. */
  fromWholeSample: boolean;
}

export interface ModelledEstimate {
  share: number;
  /** Under a raked weight, the interval of the raked design (svyglm on R's rake()d design), else the fixed-weight one. */
  ci: { lower: number; upper: number };
  /** The interval with the weights taken as fixed (the same as ci unless `calibrated`). */
  ciFixed: { lower: number; upper: number };
  calibrated: boolean;
  respondents: number;
  ratings: number;
  /** The model's main effects, as the labels of the chosen attributes and moment dimensions. */
  effects: Label[];
  /** Whether the audience's own answers contradict the model (acceptanceModel's modelFit). */
  fit: ModelFit;
}

export interface FamilyAnswer {
  family: string;
  label: Label;
  /** Labels of the answers that count as positive and of those on the other side, when the family's items share them. */
  positive: Label[] | null;
  negative: Label[] | null;
  /** Chosen moment dimensions this family's items do not have: the moment does not narrow them. */
  momentNotApplied: Label[];
  /** Whether the chosen moment narrows this family's items at all. */
  momentApplied: boolean;
  /** Everyone at every moment. */
  overall: AcceptanceCell;
  /** The answer at the chosen moment; null when none of the family's items is set at it. */
  atMoment: {
    /** The audience at the moment (no interval or test when under the minimum base). */
    raw: AcceptanceCell;
    /** The model's estimate, when the audience is under the minimum base; null otherwise or when it cannot be fitted. */
    modelled: ModelledEstimate | null;
    /** True when the audience is under the minimum base and the model could not estimate it either. */
    modelFailed: boolean;
    /** Everyone at the moment. */
    momentOverall: AcceptanceCell;
    /** The family's items at the moment, highest share of positive answers first. */
    items: ItemAdvice[];
  } | null;
}

export interface PlannerAnswer {
  families: FamilyAnswer[];
  /** Study P's creepy tactics for this audience, when the dataset can carry them. */
  tactics: TacticsAnswer | null;
  /** The five guidelines, when the dataset has study G's structure; else what it lacks for them. */
  guidelines: Guideline[] | null;
  guidelinesMissing: Label[];
  minBase: number;
}

/** A request the dataset cannot answer (unknown attribute, level, dimension or value), in words. */
export class PlannerRequestError extends RangeError {
  constructor(readonly label: Label) {
    super(label.en);
    this.name = 'PlannerRequestError';
  }
}

/** Checks a request against the dataset's planner fields; throws a PlannerRequestError naming what is unknown. */
export function validatePlannerRequest(data: SurveyData, request: PlannerRequest, fields: PlannerFields = plannerFields(data)): void {
  const check = (kind: 'audience' | 'moment', chosen: Record<string, string>) => {
    for (const [id, code] of Object.entries(chosen)) {
      const field = fields[kind].find((f) => f.id === id);
      // The words are messages/*.json's (namespace plannerLacks); the request's own text is quoted and cut short.
      const shown = JSON.stringify(id.slice(0, 80));
      if (!field) throw new PlannerRequestError(labelOf('plannerLacks', kind === 'audience' ? 'noAudienceAttribute' : 'noMoment', { name: shown }));
      if (!field.options.some((o) => o.code === code)) throw new PlannerRequestError(labelOf('plannerLacks', 'noValue', { field: field.label, value: JSON.stringify(code.slice(0, 80)) }));
    }
  };
  check('audience', request.audience);
  check('moment', request.moment);
}

const asFilter = (selection: Record<string, string>) => Object.fromEntries(Object.entries(selection).map(([k, v]) => [k, [v]]));

/** The positive codes of an item and the codes on the other side of its scale (classifyTier's not-OK). */
function sidesOf(data: SurveyData, itemId: string) {
  const column = data.items.get(itemId)!;
  return { column, ...answerSides(column) };
}

/** The family's positive and negative answer labels, when every item has the same ones. */
function familySides(data: SurveyData, itemIds: string[]) {
  const sides = itemIds.map((id) => sidesOf(data, id));
  const key = (s: (typeof sides)[number]) => JSON.stringify([s.positive, s.negative, s.column.codes]);
  if (!sides.length || sides.some((s) => key(s) !== key(sides[0]))) return { positive: null, negative: null };
  const labelsOf = (codes: string[]) => codes.map((code) => sides[0].column.codes.find((c) => c.code === code)!.label);
  return { positive: labelsOf(sides[0].positive), negative: sides[0].negative.length ? labelsOf(sides[0].negative) : null };
}

function itemAdvice(data: SurveyData, itemIds: string[], audience: Record<string, string>, minBase: number): ItemAdvice[] {
  // Items grouped by their not-OK codes: one query per group counts them for every item of it.
  const groups = new Map<string, string[]>();
  for (const id of itemIds) {
    const key = JSON.stringify(sidesOf(data, id).negative);
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  const cellsFor = (filter: Record<string, string>) => {
    const query = { by: ['item'], filter: asFilter(filter), minBase };
    const ok = memoAcceptance(data, { ...query, items: itemIds });
    const notOk = new Map<string, AcceptanceCell>();
    for (const [key, ids] of groups) {
      const outcome = JSON.parse(key) as string[];
      if (!outcome.length) continue;
      const table = memoAcceptance(data, { ...query, items: ids, outcome });
      for (const id of ids) notOk.set(id, findCell(table, { item: id })!);
    }
    return (id: string) => ({ ok: findCell(ok, { item: id })!, notOk: notOk.get(id) ?? null });
  };
  const mine = cellsFor(audience);
  const whole = Object.keys(audience).length ? cellsFor({}) : mine;
  const advice: Record<Tier, Advice> = { ok: 'use', grey: 'ask', nogo: 'avoid' };
  return itemIds
    .map((id) => {
      // An item the audience answers too rarely is placed by the whole dataset, and says so.
      const own = mine(id);
      const fromWholeSample = own.ok.smallBase;
      const { ok, notOk } = fromWholeSample ? whole(id) : own;
      const tier = ok.smallBase || ok.share === null ? null : classifyTier(ok, notOk);
      return {
        item: id,
        label: data.items.get(id)!.item.label,
        advice: tier && advice[tier],
        tier,
        ok: withoutInference(ok),
        notOk: notOk && withoutInference(notOk),
        fromWholeSample,
      };
    })
    .sort((a, b) => (b.ok.share ?? -1) - (a.ok.share ?? -1));
}

function familyAnswer(data: SurveyData, family: { id: string; label: Label }, request: Required<PlannerRequest>, momentLabels: Map<string, Label>): FamilyAnswer {
  const { audience, minBase } = request;
  const items = data.codebook.items.filter((it) => it.family === family.id && it.meta.tactic !== 'creepy');
  const itemIds = items.map((it) => it.id);
  // The moment narrows a family only on the dimensions its items have.
  const moment = Object.fromEntries(Object.entries(request.moment).filter(([dimension]) => items.some((it) => it.meta[dimension] !== undefined)));
  const momentNotApplied = Object.keys(request.moment)
    .filter((d) => !(d in moment))
    .map((d) => momentLabels.get(d)!);
  const inMoment = items.filter((it) => Object.entries(moment).every(([d, code]) => it.meta[d] === code)).map((it) => it.id);
  const base = { family: family.id, label: family.label, ...familySides(data, itemIds), momentNotApplied, momentApplied: Object.keys(moment).length > 0, overall: withoutInference(memoAcceptance(data, { items: itemIds, minBase }).overall) };
  if (!inMoment.length) return { ...base, atMoment: null };
  const scope = { items: inMoment, minBase };
  const raw = memoAcceptance(data, { ...scope, filter: asFilter(audience) }).overall;
  let modelled: ModelledEstimate | null = null;
  let modelFailed = false;
  if (raw.respondents < minBase && Object.keys(audience).length + Object.keys(moment).length > 0) {
    try {
      const m = modelledAcceptance(data, { attributes: audience, context: moment }, { family: family.id, items: itemIds });
      const effects = [...Object.keys(audience).map((id) => data.attributes.get(id)!.label), ...Object.keys(moment).map((id) => momentLabels.get(id)!)];
      modelled = { share: m.share, ci: m.ci, ciFixed: m.ciFixed, calibrated: m.calibrated, respondents: m.respondents, ratings: m.ratings, effects, fit: modelFit(m, raw) };
    } catch (e) {
      // A level without answers, answers that never vary, a fit that does not converge: no estimate.
      if (!(e instanceof RangeError)) throw e;
      modelFailed = true;
    }
  }
  return {
    ...base,
    atMoment: {
      raw: withoutInference(raw),
      modelled,
      modelFailed,
      momentOverall: withoutInference(memoAcceptance(data, scope).overall),
      items: itemAdvice(data, inMoment, audience, minBase),
    },
  };
}

/**
 * The planner's answer for a request on `data`. `studyP` is study P's data, for its creepy tactics
 * on a dataset that shares audience attributes with it (null: no tactics from study P).
 */
export function planFor(data: SurveyData, studyP: SurveyData | null, request: PlannerRequest): PlannerAnswer {
  const fields = plannerFields(data);
  validatePlannerRequest(data, request, fields);
  const full = { audience: request.audience, moment: request.moment, minBase: request.minBase ?? DEFAULT_MIN_BASE };
  const momentLabels = new Map(fields.moment.map((f) => [f.id, f.label]));
  const missing = guidelineGaps(data);
  const families = data.codebook.families
    .filter((f) => data.codebook.items.some((it) => it.family === f.id && it.meta.tactic !== 'creepy'))
    .map((f) => familyAnswer(data, f, full, momentLabels))
    // Families the moment narrows come first: for study G the scenarios, before the data types.
    .sort((a, b) => Number(hasMoment(data, b.family, fields)) - Number(hasMoment(data, a.family, fields)));
  return {
    families,
    tactics: creepyTactics(data, studyP, full.audience, full.minBase),
    guidelines: missing.length ? null : guidelines(data, full.audience, full.moment, full.minBase),
    guidelinesMissing: missing,
    minBase: full.minBase,
  };
}

function hasMoment(data: SurveyData, family: string, fields: PlannerFields): boolean {
  return data.codebook.items.some((it) => it.family === family && fields.moment.some((m) => it.meta[m.id] !== undefined));
}
