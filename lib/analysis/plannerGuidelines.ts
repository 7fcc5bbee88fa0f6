import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { answerSides } from './tiers';
import type { AcceptanceQuery } from './query';
import { memoAcceptance } from './memo';
import { DATA_TYPE_FAMILY, SCENARIO_FAMILY } from './namedAnalyses';

/**
 * The source article's five guidelines ("Vijf tips", Marketingfacts, on the Google/Ipsos study),
 * for a dataset with study G's structure (see guidelineGaps): whether each applies to the chosen
 * audience and moment, and the figures behind it, for the chosen audience (with its base) beside
 * the whole study.
 */
export type GuidelineId = 'firstDate' | 'relationship' | 'timePressed' | 'public' | 'industry';

export interface PlannerFigure {
  share: number | null;
  respondents: number;
  smallBase: boolean;
}

export interface GuidelineFigure {
  /** The row's label: a codebook label, or 'anyBond' (the planner's message) for the whole bond range. */
  label: Label | 'anyBond';
  /** The chosen audience's figure; null when no audience is chosen (it is the whole study's). */
  audience: PlannerFigure | null;
  whole: PlannerFigure;
}

export interface Guideline {
  id: GuidelineId;
  applies: boolean;
  /** What the figures count: positive answers to the scenarios, or "not OK" to a data type. */
  measure: 'positive' | 'notOk';
  figures: GuidelineFigure[];
  note: GuidelineNote;
}

/**
 * Which of the source article's pieces of advice fits the audience and moment. Its words are the
 * planner's messages (`note_<id>`, messages/*.json): lib/ chooses, the page says it.
 */
export type GuidelineNote =
  | { id: 'firstDate'; dataType: Label; rankedBy: 'audience' | 'whole' }
  | { id: 'bondStrong' | 'bondBuild' | 'timePressed' | 'relaxed' | 'public' | 'private' | 'banking' | 'otherIndustry' };


const figure = (data: SurveyData, query: AcceptanceQuery): PlannerFigure => {
  const cell = memoAcceptance(data, query).overall;
  return { share: cell.share, respondents: cell.respondents, smallBase: cell.smallBase };
};

const asFilter = (selection: Record<string, string>) => Object.fromEntries(Object.entries(selection).map(([k, v]) => [k, [v]]));

export function guidelines(data: SurveyData, audience: Record<string, string>, moment: Record<string, string>, minBase: number): Guideline[] {
  const chosen = Object.keys(audience).length > 0;
  const scenarios = (filter: Record<string, string>, itemWhere: Record<string, string> = {}) => figure(data, { family: SCENARIO_FAMILY, filter: asFilter(filter), itemWhere: asFilter(itemWhere), minBase });
  /** A figure for the audience with `change` applied, beside the same for the whole study. */
  const pair = (label: Label | 'anyBond', change: Record<string, string>, itemWhere: Record<string, string> = {}, without: string[] = []): GuidelineFigure => {
    const mine = Object.fromEntries(Object.entries({ ...audience, ...change }).filter(([k]) => !without.includes(k)));
    return { label, audience: chosen ? scenarios(mine, itemWhere) : null, whole: scenarios(change, itemWhere) };
  };
  const valueLabel = (dimension: string, code: string) => data.codebook.itemDimensions.find((d) => d.id === dimension)!.values.find((v) => v.code === code)!.label;
  const context = (id: GuidelineId, dimension: string, favoured: string, other: string, notes: { favoured: GuidelineNote; other: GuidelineNote }): Guideline => ({
    id,
    // It applies unless the moment is the less welcoming side of its comparison.
    applies: moment[dimension] !== other,
    measure: 'positive',
    figures: [pair(valueLabel(dimension, favoured), {}, { [dimension]: favoured }), pair(valueLabel(dimension, other), {}, { [dimension]: other })],
    note: moment[dimension] === other ? notes.other : notes.favoured,
  });
  const industry = moment.industry;
  const industryOther = industry === 'banking' || !industry ? 'clothing' : 'banking';
  const worst = worstDataType(data, audience, minBase);
  return [
    {
      id: 'firstDate',
      applies: true,
      measure: 'notOk',
      figures: [{ label: worst.label, audience: chosen ? worst.audience : null, whole: worst.whole }],
      note: { id: 'firstDate', dataType: worst.label, rankedBy: worst.rankedBy },
    },
    {
      id: 'relationship',
      // A strong bond is to be kept, not only built: the guideline applies to every audience.
      applies: true,
      measure: 'positive',
      figures: [
        pair(bondLabel(data), { bond: 'strong' }),
        pair('anyBond', {}, {}, ['bond']),
      ],
      note: { id: audience.bond === 'strong' ? 'bondStrong' : 'bondBuild' },
    },
    context('timePressed', 'situation', 'pressed', 'relaxed', { favoured: { id: 'timePressed' }, other: { id: 'relaxed' } }),
    context('public', 'place', 'public', 'private', { favoured: { id: 'public' }, other: { id: 'private' } }),
    {
      id: 'industry',
      applies: true,
      measure: 'positive',
      figures: [pair(valueLabel('industry', industry ?? 'banking'), {}, { industry: industry ?? 'banking' }), pair(valueLabel('industry', industryOther), {}, { industry: industryOther })],
      note: { id: industry === 'banking' || !industry ? 'banking' : 'otherIndustry' },
    },
  ];
}

/** "Emotional bond with the brand: Strong (4-5)". */
function bondLabel(data: SurveyData): Label {
  const bond = data.attributes.get('bond')!;
  const strong = bond.levels.find((l) => l.code === 'strong')!.label;
  return { en: `${bond.label.en}: ${strong.en}`, nl: `${bond.label.nl}: ${strong.nl}` };
}

/**
 * The data type most often "not OK": for the audience when its base allows a ranking, else for the
 * whole study (a ranking of cells under the minimum base would be noise).
 */
function worstDataType(data: SurveyData, audience: Record<string, string>, minBase: number) {
  const items = data.codebook.items.filter((it) => it.family === DATA_TYPE_FAMILY);
  const notOk = (itemId: string, filter: Record<string, string>) => {
    return figure(data, { items: [itemId], filter: asFilter(filter), outcome: answerSides(data.items.get(itemId)!).negative, minBase });
  };
  const ranked = items.map((it) => ({ label: it.label, audience: notOk(it.id, audience), whole: notOk(it.id, {}) }));
  const rankedBy: 'audience' | 'whole' = ranked.some((r) => r.audience.smallBase) ? 'whole' : 'audience';
  return { ...ranked.reduce((best, r) => ((r[rankedBy].share ?? -1) > (best[rankedBy].share ?? -1) ? r : best)), rankedBy };
}
