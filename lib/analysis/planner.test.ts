import { describe, expect, it } from 'vitest';
import { acceptance } from './acceptance';
import { planFor, PlannerRequestError, type FamilyAnswer, type PlannerAnswer } from './planner';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { ACCEPT_LABELS, OWN_SURVEY_HEADERS, ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { loadSurveyFromCsv } from '../survey/dataset';

const g = loadReferenceDataset('study-g');
const p = loadReferenceDataset('study-p');
const files = ownSurveyFiles();
const own = loadSurveyFromCsv(ownSurveyCodebook(), files.a.csv);

const family = (answer: PlannerAnswer, id: string): FamilyAnswer => answer.families.find((f) => f.family === id)!;

/** Every acceptance cell anywhere in an answer (objects with a smallBase flag and a ci field). */
function cellsIn(value: unknown): { smallBase: boolean; ci: unknown; ciLogit: unknown; se: unknown; vsRest: unknown }[] {
  if (Array.isArray(value)) return value.flatMap(cellsIn);
  if (!value || typeof value !== 'object') return [];
  const own = 'smallBase' in value && 'ci' in value ? [value as ReturnType<typeof cellsIn>[number]] : [];
  return [...own, ...Object.values(value).flatMap(cellsIn)];
}

/** No cell under the minimum base carries an interval, SE or test anywhere in the answer. */
function expectNoSmallBaseInference(answer: PlannerAnswer) {
  const cells = cellsIn(answer);
  const small = cells.filter((c) => c.smallBase);
  expect(small.length).toBeGreaterThan(0);
  for (const c of small) expect([c.ci, c.ciLogit, c.se, c.vsRest]).toEqual([null, null, null, null]);
  return cells;
}
const adviceOf = (f: FamilyAnswer) => Object.fromEntries(f.atMoment!.items.map((d) => [d.item, d.advice]));

describe('the planner on study G', () => {
  it('everyone at every moment: the scenarios first at 46% (G1), the published data-type tiers, creepy text message first', () => {
    const answer = planFor(g, p, { audience: {}, moment: {} });
    expect(answer.families.map((f) => f.family)).toEqual(['scenario', 'dataType']);
    const scenarios = family(answer, 'scenario').atMoment!;
    expect(scenarios.modelled).toBeNull();
    expect(Math.round(100 * scenarios.raw.share!)).toBe(46);
    expect(family(answer, 'scenario').positive!.map((l) => l.en)).toEqual(['Positive', 'Very positive']);
    expect(family(answer, 'dataType').negative!.map((l) => l.en)).toEqual(['Not OK']);
    expect(adviceOf(family(answer, 'dataType'))).toMatchObject({ dt_gender: 'use', dt_places_visited: 'use', dt_medical_history: 'avoid', dt_race: 'avoid', dt_address: 'ask', dt_clothing_size: 'ask' });
    // The codebook's published tier (item meta "tier") agrees with the computed one for every data type.
    for (const d of family(answer, 'dataType').atMoment!.items) expect(d.tier, d.item).toBe(g.items.get(d.item)!.item.meta.tier);
    expect(answer.tactics!.source).toBe('study-p');
    expect(answer.tactics!.tactics.map((t) => t.item)).toEqual(['p7_creepy_text_passing_store', 'p8_creepy_message_after_store', 'p9_creepy_social_ads']);
    expect(answer.guidelines!.map((x) => x.id)).toEqual(['firstDate', 'relationship', 'timePressed', 'public', 'industry']);
    // No audience chosen: each guideline's figure is the whole study's only.
    expect(answer.guidelines!.every((x) => x.figures.every((f) => f.audience === null))).toBe(true);
    expect(answer.guidelines!.find((x) => x.id === 'relationship')!.figures.map((f) => Math.round(100 * f.whole.share!))).toEqual([65, 46]);
  });

  it('men 50+ at home in a relaxed moment: lower acceptance, red data types, cautions, and the guidelines quote this audience beside the whole study', () => {
    const answer = planFor(g, p, { audience: { gender: 'M', age_band: '50+' }, moment: { place: 'private', situation: 'relaxed' } });
    const scenarios = family(answer, 'scenario').atMoment!;
    expect(scenarios.raw.share!).toBeLessThan(scenarios.momentOverall.share!);
    expect(scenarios.momentOverall.share!).toBeLessThan(family(answer, 'scenario').overall.share!);
    // Only the scenarios at home in a relaxed moment, ranked by this audience's share.
    expect(scenarios.items.map((i) => i.item)).toEqual(['sc_relaxed_private_banking', 'sc_relaxed_private_travel', 'sc_relaxed_private_clothing']);
    const dataTypes = family(answer, 'dataType');
    expect(dataTypes.momentNotApplied.map((l) => l.en).sort()).toEqual(['Place', 'Situation']);
    expect(dataTypes.atMoment!.items.filter((d) => d.advice === 'avoid').length).toBeGreaterThanOrEqual(5);
    const shares = dataTypes.atMoment!.items.map((d) => d.ok.share!);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    const guideline = Object.fromEntries(answer.guidelines!.map((x) => [x.id, x]));
    expect(guideline.timePressed.applies).toBe(false);
    expect(guideline.public.applies).toBe(false);
    // The audience's figure is the engine's cell for men 50+ in time-pressed scenarios.
    const pressed = acceptance(g, { family: 'scenario', filter: { gender: ['M'], age_band: ['50+'] }, itemWhere: { situation: ['pressed'] } }).overall;
    expect(guideline.timePressed.figures[0].audience).toEqual({ share: pressed.share, respondents: pressed.respondents, smallBase: false });
    expect(guideline.timePressed.figures[0].whole.share).toBe(acceptance(g, { family: 'scenario', itemWhere: { situation: ['pressed'] } }).overall.share);
    expect(guideline.relationship.figures[0].label).toMatchObject({ en: 'Emotional bond with the brand: Strong (4-5)' });
    expect(guideline.relationship.figures[1].label).toBe('anyBond');
    expect(answer.tactics!.used.map((u) => `${u.attribute.en}: ${u.level.en}`)).toEqual(['Gender: Men', 'Age: 50 and over']);
    expect(answer.tactics!.dropped).toEqual([]);
  });

  it('a strong bond unlocks the bond-gated data types (G7)', () => {
    const answer = planFor(g, p, { audience: { bond: 'strong' }, moment: {} });
    expect(adviceOf(family(answer, 'dataType'))).toMatchObject({ dt_clothing_size: 'use', dt_birth_date: 'use', dt_spending_budget: 'use', dt_current_location: 'use' });
    expect(family(answer, 'scenario').atMoment!.raw.share!).toBeGreaterThan(0.6);
  });

  it("issue 13's 7-respondent audience: modelled, with the raw cell shown without interval or test, and no misfit warning", () => {
    const answer = planFor(g, p, {
      audience: { country: 'NL', gender: 'F', age_band: '18-34', young_children: 'yes', bond: 'strong', trust: 'high' },
      moment: { situation: 'relaxed', place: 'private', industry: 'banking' },
    });
    const scenarios = family(answer, 'scenario').atMoment!;
    expect(scenarios.raw.respondents).toBe(7);
    expect(scenarios.raw.smallBase).toBe(true);
    expect([scenarios.raw.ci, scenarios.raw.ciLogit, scenarios.raw.se, scenarios.raw.vsRest]).toEqual([null, null, null, null]);
    // The model's figures are checked against svyglm in acceptanceModel.test.ts (small_audience.R).
    const m = scenarios.modelled!;
    expect([m.share, m.ci.lower, m.ci.upper].map((x) => (100 * x).toFixed(1))).toEqual(['80.4', '78.2', '82.4']);
    expect(m.effects.map((l) => l.en)).toEqual(['Country', 'Gender', 'Age', 'Young children', 'Emotional bond with the brand', 'Trust in the brand', 'Situation', 'Place', 'Industry']);
    expect(m.fit).toBe('fits');
    // Too few for the audience's own data-type tiers: the whole study places them, without intervals for the audience.
    const dataTypes = family(answer, 'dataType').atMoment!;
    expect(dataTypes.items.every((d) => d.fromWholeSample)).toBe(true);
    // A guideline figure for an audience under the minimum base is flagged.
    expect(answer.guidelines!.find((x) => x.id === 'timePressed')!.figures[0].audience).toMatchObject({ respondents: 18, smallBase: true });
    expect(answer.tactics!.dropped.map((l) => l.en)).toEqual(['Country', 'Young children', 'Emotional bond with the brand', 'Trust in the brand']);
    expectNoSmallBaseInference(answer);
  });

  it('warns when the model does not fit the audience', () => {
    const answer = planFor(g, p, { audience: { country: 'SE', age_band: '50+', young_children: 'yes' }, moment: { place: 'public', industry: 'banking' } });
    expect(family(answer, 'scenario').atMoment!.modelled!.fit).toBe('misfit');
  });

  it('rejects an unknown attribute, level or moment in words, with labels', () => {
    const refusal = (request: Parameters<typeof planFor>[2]) => {
      try {
        planFor(g, p, request);
      } catch (e) {
        expect(e).toBeInstanceOf(PlannerRequestError);
        return (e as PlannerRequestError).label;
      }
      throw new Error('not refused');
    };
    expect(refusal({ audience: { country: 'FR' }, moment: {} })).toEqual({ en: 'Country has no value "FR".', nl: 'Land heeft geen waarde "FR".' });
    expect(refusal({ audience: {}, moment: { weather: 'rain' } }).en).toBe('This dataset has no moment "weather".');
    // The published tier is not a moment: choosing it would filter by the answer.
    expect(refusal({ audience: {}, moment: { tier: 'ok' } }).en).toBe('This dataset has no moment "tier".');
  });
});

describe('the planner on study P', () => {
  it('its own creepy tactics for the audience, its families without them, no guidelines', () => {
    const answer = planFor(p, null, { audience: { gender: 'F' }, moment: {} });
    expect(answer.families.map((f) => f.family)).toEqual(['pulse', 'tactic']);
    expect(family(answer, 'tactic').atMoment!.items.map((i) => i.item).sort()).toEqual(['p10_valued_apology_email', 'p11_valued_apology_website']);
    expect(answer.tactics!.source).toBe('own');
    const creepy = acceptance(p, { items: ['p7_creepy_text_passing_store'], filter: { gender: ['F'] } }).overall;
    expect(answer.tactics!.tactics.find((t) => t.item === 'p7_creepy_text_passing_store')!.cell.share).toBe(creepy.share);
    expect(answer.guidelines).toBeNull();
    expect(adviceOf(family(answer, 'pulse'))).toMatchObject({ p2_prefer_recognising_brands: 'use', p5_too_personal: 'avoid' });
  });
});

describe('the planner on an upload that matches no template', () => {
  it('answers every family for an audience chosen by label-coded attributes and age bands; no study-specific parts', () => {
    const answer = planFor(own, p, { audience: { gender: 'Female', age: '60+' }, moment: {} });
    expect(answer.families.map((f) => f.family)).toEqual(['acceptability', 'scenario', 'trust', 'channels']);
    expect(answer.tactics).toBeNull();
    expect(answer.guidelines).toBeNull();
    expect(family(answer, 'trust').positive!.map((l) => l.en)).toEqual(['1 = very likely', '2']);
    expect(family(answer, 'trust').negative!.map((l) => l.en)).toEqual(['4', '5 = very unlikely']);
    expect(family(answer, 'channels').negative!.map((l) => l.en)).toEqual(['Not selected']);
    expect(adviceOf(family(answer, 'acceptability'))).toMatchObject({ acceptability_gender: 'use', acceptability_medical: 'avoid', acceptability_address: 'ask' });

    // The acceptability figure, counted here from file A's rows: every rating of the 14 questions by
    // women aged 60 and over, weighted, "NA" left out, the top two answers positive.
    const header = OWN_SURVEY_HEADERS.a;
    const col = (key: string) => header.findIndex((h) => h.includes(`[${key}]`));
    const questions = header.map((h, i) => (h.includes('[acceptability.') ? i : -1)).filter((i) => i >= 0);
    let positive = 0;
    let answered = 0;
    let respondents = 0;
    for (const row of files.a.rows) {
      const age = Number(row[col('age')]);
      if (row[col('gender')] !== 'Female' || row[col('age')] === 'NA' || age < 60) continue;
      const w = Number(row[header.indexOf('weight')]);
      const rated = questions.filter((i) => row[i] !== 'NA');
      if (rated.length) respondents++;
      for (const i of rated) {
        answered += w;
        if (row[i] === ACCEPT_LABELS[0] || row[i] === ACCEPT_LABELS[1]) positive += w;
      }
    }
    const raw = family(answer, 'acceptability').atMoment!.raw;
    expect(raw.respondents).toBe(respondents);
    expect(Math.abs(raw.share! - positive / answered)).toBeLessThanOrEqual(1e-12);
    expect(raw.smallBase).toBe(false);
  });

  it('models an audience under the minimum base in every family', () => {
    const answer = planFor(own, p, { audience: { gender: 'Prefer not to say', age: '60+', country: 'Germany' }, moment: {} });
    for (const f of answer.families) {
      expect(f.atMoment!.raw.respondents, f.family).toBeLessThan(30);
      expect(f.atMoment!.modelled, f.family).not.toBeNull();
      expect(f.atMoment!.modelled!.effects.map((l) => l.en)).toEqual(['Gender', 'Age', 'Country']);
    }
    // The raw cells and the audience's item cells are small; the whole-sample ones keep their intervals.
    const cells = expectNoSmallBaseInference(answer);
    expect(cells.some((c) => !c.smallBase && c.ci !== null)).toBe(true);
  });
});
