import type { CodeLabel, Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { answerSides } from './tiers';
import { DATA_TYPE_FAMILY, SCENARIO_FAMILY } from './namedAnalyses';
import { type Catalog, labelOf } from '../i18n/catalog';

/**
 * What the planner offers on a dataset: the audience fields (every attribute, scale attributes by
 * their bands), the moment fields (the item dimensions that describe when or where an item
 * applies) and which of the study-specific parts the dataset can carry.
 */
export interface PlannerField {
  id: string;
  label: Label;
  options: CodeLabel[];
}

export interface PlannerFields {
  audience: PlannerField[];
  moment: PlannerField[];
}

/**
 * Item dimensions that say what an item is in the reference studies' own classification, not when
 * or where it is used: study G's published tier of a data type and what unlocks it, study P's
 * creepy / valued tactic. Choosing one as a "moment" would filter the items by the answer the
 * planner is meant to compute (the tier) or mix the creepy tactics into the generic advice.
 */
const NOT_MOMENTS = new Set(['tier', 'unlockedBy', 'tactic']);

export function plannerFields(data: SurveyData): PlannerFields {
  const { codebook } = data;
  const audience = [...data.attributes.values()].filter((a) => a.levels.length > 0).map((a) => ({ id: a.id, label: a.label, options: a.levels }));
  const moment = codebook.itemDimensions
    .filter((d) => !NOT_MOMENTS.has(d.id))
    // Only the values some item carries: another would leave no item to answer from.
    .map((d) => ({ id: d.id, label: d.label, options: d.values.filter((v) => codebook.items.some((it) => it.meta[d.id] === v.code)) }))
    .filter((d) => d.options.length > 0);
  return { audience, moment };
}

/**
 * The codes of the five guidelines' comparisons (the source article's tips 3 to 5): time-pressed
 * against relaxed, public against private, banking against clothing.
 */
export const GUIDELINE_MOMENTS: Record<string, string[]> = {
  situation: ['pressed', 'relaxed'],
  place: ['public', 'private'],
  industry: ['banking', 'clothing'],
};

/** What a dataset lacks for the planner, in both languages: messages/*.json, namespace `plannerLacks`. */
type LackKey = keyof Catalog['plannerLacks'] & string;
const lack = (key: LackKey): Label => labelOf('plannerLacks', key);

/**
 * What the source article's five guidelines need and a dataset lacks (empty: they can be shown).
 * They read study G's structure: rated scenarios described by situation, place and industry, data
 * types rated with a not-OK side, and the emotional bond in bands with a "strong" band.
 */
export function guidelineGaps(data: SurveyData): Label[] {
  const gaps: Label[] = [];
  const { codebook } = data;
  const scenarios = codebook.items.filter((it) => it.family === SCENARIO_FAMILY);
  if (!scenarios.length) gaps.push(lack('ratedScenarios'));
  else
    for (const [dimension, codes] of Object.entries(GUIDELINE_MOMENTS)) {
      const declared = codebook.itemDimensions.find((d) => d.id === dimension);
      const missing = codes.filter((code) => !scenarios.some((it) => it.meta[dimension] === code) || !declared?.values.some((v) => v.code === code));
      if (missing.length) gaps.push(lack(MOMENT_NEEDS[dimension]));
    }
  const dataTypes = codebook.items.filter((it) => it.family === DATA_TYPE_FAMILY);
  if (!dataTypes.length) gaps.push(lack('ratedDataTypes'));
  else if (dataTypes.some((it) => !hasNotOkSide(data, it.id))) gaps.push(lack('notOkAnswer'));
  const bond = data.attributes.get('bond');
  if (!bond || !bond.levels.some((l) => l.code === 'strong')) gaps.push(lack('strongBond'));
  return gaps;
}

const MOMENT_NEEDS: Record<string, LackKey> = {
  situation: 'situationScenarios',
  place: 'placeScenarios',
  industry: 'industryScenarios',
};

/** Whether an item's answer scale has a not-OK side (tiers.ts): the "avoid" tier needs one. */
export function hasNotOkSide(data: SurveyData, itemId: string): boolean {
  const column = data.items.get(itemId);
  return column ? answerSides(column).negative.length > 0 : false;
}

/**
 * Where the creepy tactics come from: the dataset's own (items whose tactic is "creepy", as study P
 * has them), study P's when the dataset shares an audience attribute with study P (same id, some
 * same level: study G's gender and age), or nowhere.
 */
export function tacticsSource(data: SurveyData, studyPAttributes: ReadonlyMap<string, { levels: CodeLabel[] }> | null): 'own' | 'study-p' | null {
  if (data.codebook.items.some((it) => it.meta.tactic === 'creepy')) return 'own';
  if (!studyPAttributes) return null;
  for (const attribute of data.attributes.values()) {
    const inP = studyPAttributes.get(attribute.id);
    if (inP && attribute.levels.some((l) => inP.levels.some((m) => m.code === l.code))) return 'study-p';
  }
  return null;
}
