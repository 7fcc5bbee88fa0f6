import { describe, expect, it } from 'vitest';
import { loadReferenceDataset } from '../../storage/referenceDatasets';
import { datasetCatalog } from '../catalog';
import { parseExploreState } from '../state';
import { buildExplore, type ExploreResult } from '.';
import { withoutPrefix } from './tactics';

const g = loadReferenceDataset('study-g');
const p = loadReferenceDataset('study-p');
const catalogs = [datasetCatalog(g.codebook), datasetCatalog(p.codebook)];
const explore = (query: string): ExploreResult => {
  const state = parseExploreState(new URLSearchParams(query), catalogs);
  return buildExplore(state.dataset === 'study-g' ? g : p, catalogs.find((c) => c.id === state.dataset)!, state);
};
const content = <V extends string>(result: ExploreResult, view: V) => {
  if (result.content?.view !== view) throw new Error(`expected the ${view} view`);
  return result.content as Extract<ExploreResult['content'], { view: V }>;
};

describe('explorer views on the reference data', () => {
  it('data types: sorted OK shares, tiers from the codebook and computed (G2-G4), the split adding up to 100%', () => {
    const { model } = content(explore('view=datatypes'), 'datatypes');
    const shares = model.ok.rows.map((r) => model.ok.cells.find((c) => c.row === r.key)!.share!);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(model.ok.rows[0].tier).toBe('ok');
    const tierOf = (item: string) => model.split.rows.find((r) => r.key === item)!.computedTier;
    expect(['dt_gender', 'dt_age_group', 'dt_past_purchases', 'dt_places_visited'].map(tierOf)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(['dt_insurance', 'dt_medical_history', 'dt_political_preference', 'dt_photos', 'dt_race'].map(tierOf)).toEqual(Array(5).fill('nogo'));
    expect(['dt_address', 'dt_websites_visited', 'dt_purchase_value', 'dt_social_likes'].map(tierOf)).toEqual(Array(4).fill('grey'));
    for (const row of model.split.rows) expect(row.parts.reduce((s, c) => s + c.share!, 0)).toBeCloseTo(1, 12);
    expect(model.split.parts.map((part) => part.role)).toEqual(['ok', 'grey', 'nogo']);
  });

  it('data types crossed by country: one series per country, a computed tier per cell', () => {
    const { model } = content(explore('view=datatypes&cross=country'), 'datatypes');
    expect(model.ok.series.map((s) => s.key)).toEqual(['NL', 'SE', 'DE', 'UK']);
    expect(model.ok.cells).toHaveLength(17 * 4);
    expect(model.ok.cells.every((c) => c.tier !== undefined)).toBe(true);
  });

  it('data types crossed by country: the whole answer follows the crossing, a row per data type and country', () => {
    const { model } = content(explore('view=datatypes&cross=country'), 'datatypes');
    const rows = model.split.crossedRows!;
    expect(rows).toHaveLength(17 * 4);
    // In the order of the uncrossed split, each data type's countries in the codebook's order.
    expect(rows.map((r) => r.key.split('|')[0])).toEqual(model.split.rows.flatMap((r) => Array(4).fill(r.key)));
    expect(rows.slice(0, 4).map((r) => r.label.en)).toEqual(['Netherlands', 'Sweden', 'Germany', 'United Kingdom'].map((c) => `${model.split.rows[0].label.en} · ${c}`));
    for (const row of rows) expect(row.parts.reduce((s, c) => s + c.share!, 0)).toBeCloseTo(1, 12);
    // Its OK share is the crossed OK chart's, cell by cell; the whole audience's split is kept for the tiers in words.
    for (const row of rows) {
      const [item, country] = row.key.split('|');
      expect(row.parts[0].share).toBe(model.ok.cells.find((c) => c.row === item && c.series === country)!.share);
    }
    expect(model.split.crossDim?.en).toBe('Country');
    expect(model.split.rows).toHaveLength(17);
    expect(content(explore('view=datatypes'), 'datatypes').model.split.crossedRows).toBeUndefined();
  });

  it('context: situation, place and industry side by side, with the expected orderings (G9-G11)', () => {
    const charts = content(explore('view=context'), 'context').model;
    expect(charts.map((c) => c.id)).toEqual(['context-situation', 'context-place', 'context-industry']);
    const share = (chart: number, row: string) => charts[chart].cells.find((c) => c.row === row)!.share!;
    expect(share(0, 'pressed')).toBeGreaterThan(share(0, 'relaxed'));
    expect(share(1, 'public')).toBeGreaterThan(share(1, 'private'));
    expect(share(2, 'banking')).toBeGreaterThan(Math.max(share(2, 'travel'), share(2, 'clothing')));
    expect(charts[0].cells.find((c) => c.row === 'pressed')!.mark).toBe('up');
    expect(charts[0].pooled).toBe(true);
    expect(charts[0].reference!.share).toBeCloseTo(0.46, 2);
  });

  it('context crossed: one context dimension by another', () => {
    const [chart] = content(explore('view=context&dim=situation&cross=place'), 'context').model;
    expect(chart.rows.map((r) => r.key)).toEqual(['pressed', 'relaxed']);
    expect(chart.series.map((s) => s.key)).toEqual(['public', 'private']);
    expect(chart.cells).toHaveLength(4);
  });

  it('bond: the strong band at 65% is 19 points above the overall 46% (G5), high trust 17 points (G6), rising with the bond (G8)', () => {
    const { model } = content(explore('view=bond'), 'bond');
    const [bond, trust] = model.bands;
    const strong = bond.cells.find((c) => c.row === 'strong')!;
    expect(Math.round(strong.share! * 100)).toBe(65);
    expect(Math.round(strong.uplift! * 100)).toBe(19);
    expect(strong.mark).toBe('up');
    expect(Math.round(trust.cells.find((c) => c.row === 'high')!.uplift! * 100)).toBe(17);
    const bandShares = bond.rows.map((r) => bond.cells.find((c) => c.row === r.key)!.share!);
    expect(bandShares).toEqual([...bandShares].sort((a, b) => a - b));
  });

  it('bond: the data types a strong bond unlocks from grey to OK (G7), websites visited with trust', () => {
    const { model } = content(explore('view=bond'), 'bond');
    const [bond, trust] = model.unlock;
    const unlocked = (u: typeof bond) => u.unlocked.map((l) => l.en);
    expect(unlocked(bond)).toEqual(expect.arrayContaining(['Date of birth', 'Spending budget', 'Clothing size', 'Current location']));
    expect(unlocked(trust)).toContain('Websites visited');
    expect(bond.chart.series.map((s) => s.key)).toEqual(['low', 'high']);
    expect(bond.low.codes).toEqual(['weak', 'neutral']);
    const birth = bond.chart.cells.filter((c) => c.row === 'dt_birth_date');
    expect(birth.map((c) => c.tier)).toEqual(['grey', 'ok']);
    expect(birth[1].mark).toBe('up');
  });

  it('segments: women 18-34 with young children most welcoming, men 50+ without least (G12), small cells out of the ranking', () => {
    const { model } = content(explore('view=segments'), 'segments');
    expect(model.most!.cell.row).toBe('F|18-34|yes');
    expect(model.least!.cell.row).toBe('M|50+|no');
    expect(model.excluded).toBe(0);
    const strict = content(explore('view=segments&minBase=50'), 'segments').model;
    expect(strict.excluded).toBe(2); // the two 50+ with young children cells (46 respondents each)
    expect(strict.grid!.cells.filter((c) => c.small).every((c) => c.mark === null)).toBe(true);
    expect(model.country!.rows).toHaveLength(4);
  });

  it('segments filtered to Dutch women 18-34 with young children: above the overall 46%', () => {
    const result = explore('view=segments&country=NL&gender=F&age_band=18-34&young_children=yes');
    expect(result.audience).toBe(85);
    expect(result.headline!.filtered).toBe(true);
    expect(result.headline!.audience.share!).toBeGreaterThan(result.headline!.everyone.share!);
    expect(Math.round(result.headline!.everyone.share! * 100)).toBe(46);
    const { model } = content(result, 'segments');
    expect(model.grid!.rows.map((r) => r.key)).toEqual(['F|18-34|yes']);
    expect(model.grid!.omittedRows).toHaveLength(11);
  });

  it('a filter that leaves nobody: no tables computed', () => {
    const result = explore('view=segments&country=SE&gender=M&age_band=50%2B&young_children=yes&bond=weak&trust=low');
    expect(result.audience).toBe(0);
    expect(result.content).toBeNull();
  });

  it('tactics (study P, wave 2018 by default): the creepy text message ranked first (P7-P9), the apology e-mail valued most (P10)', () => {
    const result = explore('dataset=study-p');
    expect(result.audience).toBe(8000);
    const groups = content(result, 'tactics').model;
    expect(groups.map((g) => g.code)).toEqual(['creepy', 'valued']);
    expect(groups[0].chart.rows.map((r) => r.key)).toEqual(['p7_creepy_text_passing_store', 'p8_creepy_message_after_store', 'p9_creepy_social_ads']);
    expect(groups[0].chart.rows[0].label.en).toBe('A text message from a brand when walking past its store');
    expect(Math.round(groups[0].chart.cells[0].share! * 100)).toBe(41);
    expect(groups[1].chart.rows[0].key).toBe('p10_valued_apology_email');
  });

  it('strips a group prefix from a label, in both languages', () => {
    expect(withoutPrefix({ en: 'Creepy: a text', nl: 'Griezelig: een sms' }, { en: 'Creepy', nl: 'Griezelig' })).toEqual({ en: 'A text', nl: 'Een sms' });
    expect(withoutPrefix({ en: 'Other', nl: 'Ander' }, { en: 'Creepy', nl: 'Griezelig' })).toEqual({ en: 'Other', nl: 'Ander' });
  });
});
