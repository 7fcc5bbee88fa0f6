import type { Label } from '../survey/codebook';
import type { SurveyData } from '../survey/dataset';
import { classifyTier } from '../findings/evaluate';
import type { Tier } from '../findings/claims';
import { findCell, type AcceptanceCell } from './acceptance';
import { memoAcceptance } from './memo';
import { modelledAcceptance, type ModelledAcceptance } from './acceptanceModel';
import { DEFAULT_MIN_BASE } from './query';
import { CONTEXT_DIMENSIONS, DATA_TYPE_FAMILY, SCENARIO_FAMILY } from './views';

/**
 * "Which personalization is welcome for my audience?": the planner's answer for an audience (one
 * level per chosen attribute) at a moment (industry, situation, place), computed from study G's
 * respondents, with study P's creepy tactics and the source article's five guidelines.
 */
export interface PlannerRequest {
  /** Attribute id -> level code (band ids for bond and trust); absent = everyone. */
  audience: Record<string, string>;
  /** Context dimension -> code; absent = every moment. */
  moment: Record<string, string>;
  minBase?: number;
}

export type Advice = 'use' | 'ask' | 'avoid';

export interface DataTypeAdvice {
  item: string;
  label: Label;
  advice: Advice;
  tier: Tier;
  ok: AcceptanceCell;
  notOk: AcceptanceCell;
  /** True when the audience is under the minimum base and the whole sample decided the tier. */
  fromWholeSample: boolean;
}

export interface TacticAdvice {
  item: string;
  label: Label;
  cell: AcceptanceCell;
}

export interface Guideline {
  id: 'firstDate' | 'relationship' | 'timePressed' | 'public' | 'industry';
  applies: boolean;
  /** The figure that supports it: label and value(s), computed on the reference data. */
  evidence: { label: Label; share: number; against?: { label: Label; share: number } };
  note: Label;
}

export interface PlannerAnswer {
  /** Pooled acceptance of automated services for the audience at the moment (the raw cell). */
  raw: AcceptanceCell;
  /** The model's estimate, when the raw cell is under the minimum base. */
  modelled: ModelledAcceptance | null;
  /** The same moment for everyone, and every moment for everyone (the 46%). */
  momentOverall: AcceptanceCell;
  overall: AcceptanceCell;
  dataTypes: DataTypeAdvice[];
  creepyTactics: TacticAdvice[];
  /** The audience attributes study P could filter on (it has country, gender and age only). */
  tacticsAudience: Record<string, string>;
  guidelines: Guideline[];
  minBase: number;
}

const ADVICE: Record<Tier, Advice> = { ok: 'use', grey: 'ask', nogo: 'avoid' };
const filterOf = (selection: Record<string, string>) => Object.fromEntries(Object.entries(selection).map(([k, v]) => [k, [v]]));

function dataTypeAdvice(g: SurveyData, audience: Record<string, string>, minBase: number): DataTypeAdvice[] {
  const items = g.codebook.items.filter((it) => it.family === DATA_TYPE_FAMILY);
  const filter = filterOf(audience);
  const ok = memoAcceptance(g, { family: DATA_TYPE_FAMILY, by: ['item'], filter, minBase });
  const notOk = memoAcceptance(g, { family: DATA_TYPE_FAMILY, by: ['item'], filter, minBase, outcome: ['3'] });
  const whole = ok.overall.respondents < minBase ? { ok: memoAcceptance(g, { family: DATA_TYPE_FAMILY, by: ['item'], minBase }), notOk: memoAcceptance(g, { family: DATA_TYPE_FAMILY, by: ['item'], minBase, outcome: ['3'] }) } : null;
  return items
    .map((item) => {
      const source = whole ?? { ok, notOk };
      const okCell = findCell(source.ok, { item: item.id })!;
      const notOkCell = findCell(source.notOk, { item: item.id })!;
      const tier = classifyTier(okCell, notOkCell);
      return { item: item.id, label: item.label, advice: ADVICE[tier], tier, ok: okCell, notOk: notOkCell, fromWholeSample: whole !== null };
    })
    .sort((a, b) => (b.ok.share ?? 0) - (a.ok.share ?? 0));
}

function creepyTactics(p: SurveyData, audience: Record<string, string>, minBase: number) {
  // Study P shares only some attributes (and levels) with study G; use those that fit.
  const tacticsAudience = Object.fromEntries(
    Object.entries(audience).filter(([attribute, level]) => p.attributes.get(attribute)?.levels.some((l) => l.code === level)),
  );
  const table = memoAcceptance(p, { family: 'tactic', itemWhere: { tactic: ['creepy'] }, by: ['item'], filter: { ...filterOf(tacticsAudience), wave: ['2018'] }, minBase });
  const tactics = table.cells
    .filter((c) => c.share !== null)
    .map((cell) => ({ item: cell.key.item, label: cell.labels.item, cell }))
    .sort((a, b) => b.cell.share! - a.cell.share!);
  return { tactics, tacticsAudience };
}

const shareOf = (g: SurveyData, query: Parameters<typeof memoAcceptance>[1]) => memoAcceptance(g, { family: SCENARIO_FAMILY, ...query }).overall.share ?? NaN;

function guidelines(g: SurveyData, request: PlannerRequest, dataTypes: DataTypeAdvice[]): Guideline[] {
  const { audience, moment } = request;
  const worstNoGo = [...dataTypes].sort((a, b) => (b.notOk.share ?? 0) - (a.notOk.share ?? 0))[0];
  const bond = (level: string) => shareOf(g, { filter: { bond: [level] } });
  const context = (dimension: string, code: string) => shareOf(g, { itemWhere: { [dimension]: [code] } });
  const label = (dimension: string, code: string) => g.codebook.itemDimensions.find((d) => d.id === dimension)!.values.find((v) => v.code === code)!.label;
  // A context guideline applies unless the moment is the less welcoming side of its dimension.
  const contextGuideline = (id: Guideline['id'], dimension: string, favoured: string, other: string, notes: { favoured: Label; other: Label }): Guideline => ({
    id,
    applies: moment[dimension] !== other,
    evidence: { label: label(dimension, favoured), share: context(dimension, favoured), against: { label: label(dimension, other), share: context(dimension, other) } },
    note: moment[dimension] === other ? notes.other : notes.favoured,
  });
  const industry = moment.industry;
  const industryOther = industry === 'banking' ? 'clothing' : 'banking';
  return [
    {
      id: 'firstDate',
      applies: true,
      evidence: { label: worstNoGo.label, share: worstNoGo.notOk.share ?? NaN },
      note: {
        en: `Act only on generic data; sensitive data is a no-go: ${worstNoGo.label.en.toLowerCase()} is "not OK" for most of this audience.`,
        nl: `Handel alleen op generieke gegevens; gevoelige gegevens zijn een no-go: ${worstNoGo.label.nl.toLowerCase()} is voor het grootste deel van deze doelgroep "niet oké".`,
      },
    },
    {
      id: 'relationship',
      // A strong bond is to be kept, not only built: the guideline applies to every audience.
      applies: true,
      evidence: { label: { en: 'Strong emotional bond', nl: 'Sterke emotionele band' }, share: bond('strong'), against: { label: { en: 'Everyone', nl: 'Iedereen' }, share: shareOf(g, {}) } },
      note: {
        en: audience.bond === 'strong' ? 'This audience already has a strong bond: it welcomes more, including data such as clothing size or birth date.' : 'A stronger bond opens the door: acceptance rises steeply with the emotional bond, and trust unlocks websites visited.',
        nl: audience.bond === 'strong' ? 'Deze doelgroep heeft al een sterke band: die verwelkomt meer, ook gegevens als kledingmaat of geboortedatum.' : 'Een sterkere band opent de deur: de acceptatie stijgt sterk met de emotionele band, en vertrouwen maakt bezochte websites bespreekbaar.',
      },
    },
    contextGuideline('timePressed', 'situation', 'pressed', 'relaxed', {
      favoured: {
        en: 'Offer to save time and effort when people are busy: that is when automated help is most welcome.',
        nl: 'Bied tijd- en moeitebesparing aan als mensen het druk hebben: dan is geautomatiseerde hulp het meest welkom.',
      },
      other: {
        en: 'A calm, relaxed moment: automated help is less welcome now; let people act for themselves.',
        nl: 'Een rustig, ontspannen moment: geautomatiseerde hulp is nu minder welkom; laat mensen zelf handelen.',
      },
    }),
    contextGuideline('public', 'place', 'public', 'private', {
      favoured: { en: 'In public settings (transit, work, a shop) quick, accurate help is welcome.', nl: 'In openbare omgevingen (ov, werk, winkel) is snelle, nauwkeurige hulp welkom.' },
      other: { en: 'At home people need less help and value their autonomy: hold back.', nl: 'Thuis hebben mensen minder hulp nodig en hechten ze aan autonomie: wees terughoudend.' },
    }),
    {
      id: 'industry',
      applies: true,
      evidence: {
        label: label('industry', industry ?? 'banking'),
        share: context('industry', industry ?? 'banking'),
        against: { label: label('industry', industry ? industryOther : 'clothing'), share: context('industry', industry ? industryOther : 'clothing') },
      },
      note: {
        en: industry === 'banking' || !industry ? 'Help is most welcome with banking and saving, tasks people find complex or dull.' : 'Travel and clothing are personal choices: people welcome automated help less than for banking.',
        nl: industry === 'banking' || !industry ? 'Hulp is het meest welkom bij bankieren en sparen, taken die mensen complex of saai vinden.' : 'Reizen en kleding zijn persoonlijke keuzes: mensen verwelkomen er minder geautomatiseerde hulp dan bij bankieren.',
      },
    },
  ];
}

/** Checks a request against study G's codebook; throws a RangeError naming what is unknown. */
export function validatePlannerRequest(g: SurveyData, request: PlannerRequest): void {
  for (const [attribute, level] of Object.entries(request.audience)) {
    const column = g.attributes.get(attribute);
    if (!column) throw new RangeError(`unknown audience attribute "${attribute}"`);
    if (!column.levels.some((l) => l.code === level)) throw new RangeError(`"${level}" is not a level of ${attribute}`);
  }
  for (const [dimension, code] of Object.entries(request.moment)) {
    if (!(CONTEXT_DIMENSIONS as readonly string[]).includes(dimension)) throw new RangeError(`unknown moment "${dimension}"`);
    if (!g.codebook.itemDimensions.find((d) => d.id === dimension)?.values.some((v) => v.code === code)) throw new RangeError(`"${code}" is not a value of ${dimension}`);
  }
}

export function planFor(g: SurveyData, p: SurveyData, request: PlannerRequest): PlannerAnswer {
  validatePlannerRequest(g, request);
  const minBase = request.minBase ?? DEFAULT_MIN_BASE;
  const itemWhere = filterOf(request.moment);
  const raw = memoAcceptance(g, { family: SCENARIO_FAMILY, filter: filterOf(request.audience), itemWhere, minBase }).overall;
  const modelled = raw.respondents < minBase ? modelledAcceptance(g, { attributes: request.audience, context: request.moment }) : null;
  const dataTypes = dataTypeAdvice(g, request.audience, minBase);
  const { tactics, tacticsAudience } = creepyTactics(p, request.audience, minBase);
  return {
    raw,
    modelled,
    momentOverall: memoAcceptance(g, { family: SCENARIO_FAMILY, itemWhere, minBase }).overall,
    overall: memoAcceptance(g, { family: SCENARIO_FAMILY, minBase }).overall,
    dataTypes,
    creepyTactics: tactics,
    tacticsAudience,
    guidelines: guidelines(g, request, dataTypes),
    minBase,
  };
}
