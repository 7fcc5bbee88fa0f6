import { describe, expect, it } from 'vitest';
import { planFor } from './planner';
import { loadReferenceDataset } from '../storage/referenceDatasets';

const g = loadReferenceDataset('study-g');
const p = loadReferenceDataset('study-p');

describe('the audience planner', () => {
  it('everyone at every moment: the 46% of G1, the published tiers, creepy text message first', () => {
    const answer = planFor(g, p, { audience: {}, moment: {} });
    expect(answer.modelled).toBeNull();
    expect(Math.round(100 * answer.raw.share!)).toBe(46);
    const advice = Object.fromEntries(answer.dataTypes.map((d) => [d.item, d.advice]));
    expect(advice).toMatchObject({ dt_gender: 'use', dt_places_visited: 'use', dt_medical_history: 'avoid', dt_race: 'avoid', dt_address: 'ask', dt_clothing_size: 'ask' });
    expect(answer.creepyTactics.map((t) => t.item)).toEqual(['p7_creepy_text_passing_store', 'p8_creepy_message_after_store', 'p9_creepy_social_ads']);
    expect(answer.guidelines.map((x) => x.id)).toEqual(['firstDate', 'relationship', 'timePressed', 'public', 'industry']);
  });

  it('men 50+ at home in a relaxed moment: lower acceptance, red data types, cautions', () => {
    const answer = planFor(g, p, { audience: { gender: 'M', age_band: '50+' }, moment: { place: 'private', situation: 'relaxed' } });
    const share = answer.modelled?.share ?? answer.raw.share!;
    expect(share).toBeLessThan(answer.momentOverall.share!);
    expect(share).toBeLessThan(answer.overall.share!);
    expect(answer.dataTypes.filter((d) => d.advice === 'avoid').length).toBeGreaterThanOrEqual(5);
    const guideline = Object.fromEntries(answer.guidelines.map((x) => [x.id, x.applies]));
    expect(guideline).toMatchObject({ timePressed: false, public: false });
    expect(answer.tacticsAudience).toEqual({ gender: 'M', age_band: '50+' });
  });

  it('a strong bond unlocks the bond-gated data types (G7)', () => {
    const answer = planFor(g, p, { audience: { bond: 'strong' }, moment: {} });
    const advice = Object.fromEntries(answer.dataTypes.map((d) => [d.item, d.advice]));
    expect(advice).toMatchObject({ dt_clothing_size: 'use', dt_birth_date: 'use', dt_spending_budget: 'use', dt_current_location: 'use' });
    expect(answer.raw.share!).toBeGreaterThan(0.6);
  });

  it('an audience under the minimum base gets the modelled estimate with the raw cell beside it', () => {
    const answer = planFor(g, p, { audience: { country: 'NL', gender: 'M', age_band: '50+', young_children: 'yes', bond: 'strong' }, moment: { industry: 'banking', situation: 'pressed', place: 'public' } });
    expect(answer.raw.respondents).toBeLessThan(30);
    expect(answer.modelled).not.toBeNull();
    expect(answer.modelled!.ci.lower).toBeLessThan(answer.modelled!.share);
    expect(answer.modelled!.ci.upper).toBeGreaterThan(answer.modelled!.share);
  });

  it('study P has no Dutch respondents: the tactics use the attributes it shares', () => {
    const answer = planFor(g, p, { audience: { country: 'NL', gender: 'F' }, moment: {} });
    expect(answer.tacticsAudience).toEqual({ gender: 'F' });
  });

  it('rejects an unknown attribute or level with a clear message', () => {
    expect(() => planFor(g, p, { audience: { country: 'FR' }, moment: {} })).toThrow(/"FR" is not a level of country/);
    expect(() => planFor(g, p, { audience: {}, moment: { weather: 'rain' } })).toThrow(/unknown moment "weather"/);
  });
});
