import { describe, expect, it } from 'vitest';
import { acceptance } from '../../analysis/acceptance';
import { ownSurveyCodebook, ownSurveyFiles, OWN_SURVEY_HEADERS } from '../../ingest/testing/ownSurvey';
import { loadReferenceDataset } from '../../storage/referenceDatasets';
import { loadSurveyFromCsv } from '../../survey/dataset';
import { datasetCatalog, uploadCatalog } from '../catalog';
import { parseExploreState } from '../state';
import { buildExplore, type ExploreResult } from '.';
import { orientParts } from './answers';

/**
 * The generic views on an upload that matches no template (file A of the own-survey material with
 * the codebook a good mapping gives it) and on study G. The views only arrange acceptance() cells
 * (tested against R's survey package in lib/analysis); these tests check the arrangement, and one
 * share of each kind against a count made here from the CSV.
 */
const files = ownSurveyFiles();
const codebook = ownSurveyCodebook();
const own = loadSurveyFromCsv(codebook, files.a.csv);
const ownCatalog = uploadCatalog(codebook, 'Own survey');
const g = loadReferenceDataset('study-g');
const gCatalog = datasetCatalog(g.codebook);

const explore = (query: string, data = own, catalog = ownCatalog): ExploreResult => buildExplore(data, catalog, parseExploreState(new URLSearchParams(query), [catalog]));
const content = <V extends string>(result: ExploreResult, view: V) => {
  if (result.content?.view !== view) throw new Error(`expected the ${view} view, got ${result.content?.view ?? 'none'}`);
  return result.content as Extract<ExploreResult['content'], { view: V }>;
};

/** Weighted share of `positive` answers over the answered (not NA), counted from file A's rows. */
function countShare(column: string, positive: string[], where: (row: string[]) => boolean = () => true): { share: number; n: number } {
  const col = OWN_SURVEY_HEADERS.a.indexOf(column);
  const w = OWN_SURVEY_HEADERS.a.indexOf('weight');
  let yes = 0;
  let all = 0;
  let n = 0;
  for (const row of files.a.rows) {
    if (!where(row) || row[col] === 'NA' || row[col] === '') continue;
    all += Number(row[w]);
    n++;
    if (positive.includes(row[col])) yes += Number(row[w]);
  }
  return { share: yes / all, n };
}
const columnOf = (item: string) => codebook.items.find((it) => it.id === item)!.column;
const countryIs = (name: string) => (row: string[]) => row[OWN_SURVEY_HEADERS.a.indexOf(codebook.attributes[0].column)] === name;

describe('the catalog of an upload that matches no template', () => {
  it('opens on the generic views; offers the study views it can support and names the others', () => {
    expect(ownCatalog.views).toEqual(['items', 'answers', 'groups', 'segments']);
    expect(ownCatalog.unavailable).toEqual(['datatypes', 'context', 'bond', 'tactics']);
    expect(ownCatalog.families.map((f) => [f.id, f.items])).toEqual([
      ['acceptability', 14],
      ['scenario', 6],
      ['trust', 3],
      ['channels', 6],
    ]);
    // A scale attribute offers its bands, by their labels.
    expect(ownCatalog.attributes.find((a) => a.id === 'brand_bond')!.levels.map((l) => l.label.en)).toEqual(['Weak (1-2)', 'Neutral (3)', 'Strong (4-5)']);
    expect(explore('').content?.view).toBe('items');
  });

  it('computes nothing for a study view the codebook cannot support, instead of failing', () => {
    for (const view of ['datatypes', 'context', 'bond', 'tactics']) {
      const state = { ...parseExploreState(new URLSearchParams(''), [ownCatalog]), view: view as 'datatypes' };
      expect(buildExplore(own, ownCatalog, state).content).toBeNull();
    }
  });
});

describe('items view', () => {
  it('one row per item of the chosen family, highest share first, each the item’s own acceptance, short label and full question', () => {
    const { model } = content(explore('view=items&family=acceptability'), 'items');
    const { chart } = model;
    expect(model.family.label.en).toBe('Acceptability');
    expect(chart.rows).toHaveLength(14);
    const shares = chart.rows.map((r) => chart.cells.find((c) => c.row === r.key)!.share!);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    for (const row of chart.rows) {
      const cell = chart.cells.find((c) => c.row === row.key)!;
      const alone = acceptance(own, { items: [row.key] }).overall;
      expect(cell.share).toBe(alone.share);
      expect(cell.respondents).toBe(alone.respondents);
    }
    const location = chart.rows.find((r) => r.key === 'acceptability_location')!;
    expect(location.label.en).toBe('Your current location');
    expect(location.text!.en).toMatch(/^How acceptable or unacceptable is it .* Your current location$/);
    // The line: the family's pooled rate, respondents as clusters.
    expect(chart.reference!.share).toBe(acceptance(own, { family: 'acceptability' }).overall.share);
    expect(chart.seriesDim).toBeNull();
  });

  it('a share counted from the CSV: weighted positive answers over the weighted answered, NA left out', () => {
    const { chart } = content(explore('view=items&family=acceptability'), 'items').model;
    const cell = chart.cells.find((c) => c.row === 'acceptability_location')!;
    const counted = countShare(columnOf('acceptability_location'), ['Very acceptable', 'Somewhat acceptable']);
    expect(cell.share).toBeCloseTo(counted.share, 12);
    expect(cell.respondents).toBe(counted.n);
  });

  it('crossed by country under a filter: one series per country in the audience, tested within the item', () => {
    const { chart } = content(explore('view=items&family=trust&cross=country&gender=Female'), 'items').model;
    // File A holds the Netherlands and Germany only: the United Kingdom gets no empty series.
    expect(chart.series.map((s) => s.key)).toEqual(['Netherlands', 'Germany']);
    expect(chart.cells).toHaveLength(3 * 2);
    expect(chart.comparison.groups.map((l) => l.en)).toEqual(['Country']);
    const banksNl = chart.cells.find((c) => c.row === 'trust_banks' && c.series === 'Netherlands')!;
    // The 1 = very likely scale: 1 and 2 count as positive.
    const counted = countShare(columnOf('trust_banks'), ['1', '2'], (row) => countryIs('Netherlands')(row) && row[OWN_SURVEY_HEADERS.a.indexOf(codebook.attributes[1].column)] === 'Female');
    expect(banksNl.share).toBeCloseTo(counted.share, 12);
    expect(banksNl.respondents).toBe(counted.n);
  });
});

describe('answers view', () => {
  it('every answer code with its label, positive answers first, adding up to 100% per item', () => {
    const { model } = content(explore('view=answers&family=acceptability'), 'answers');
    expect(model.groups).toHaveLength(1);
    const [group] = model.groups;
    expect(group.parts.map((p) => [p.label.en, p.tone])).toEqual([
      ['Very acceptable', 'positive'],
      ['Somewhat acceptable', 'positive'],
      ['Neither acceptable nor unacceptable', 'middle'],
      ['Somewhat unacceptable', 'negative'],
      ['Not acceptable at all', 'negative'],
    ]);
    expect(group.rows).toHaveLength(14);
    for (const row of group.rows) {
      expect(row.parts.reduce((sum, c) => sum + c.share!, 0)).toBeCloseTo(1, 12);
      expect(row.parts[0].share! + row.parts[1].share!).toBeCloseTo(row.positive.share!, 12);
      expect(row.parts.every((c) => c.mark === null)).toBe(true);
    }
    const positives = group.rows.map((r) => r.positive.share!);
    expect(positives).toEqual([...positives].sort((a, b) => b - a));
    // One part counted from the CSV: "Neither" for the photos item.
    const photos = group.rows.find((r) => r.key === 'acceptability_photos')!;
    const counted = countShare(columnOf('acceptability_photos'), ['Neither acceptable nor unacceptable']);
    expect(photos.parts[2].share).toBeCloseTo(counted.share, 12);
  });

  it('a yes/no family: selected, then not selected', () => {
    const [group] = content(explore('view=answers&family=channels'), 'answers').model.groups;
    expect(group.parts.map((p) => [p.label.en, p.tone])).toEqual([
      ['Selected', 'positive'],
      ['Not selected', 'middle'],
    ]);
  });

  it('turns a scale whose positive codes come last, so the positive side comes first', () => {
    const label = (code: string) => ({ code, label: { en: code, nl: code } });
    const parts = orientParts(['1', '2', '3', '4', '5'].map(label), [false, false, false, true, true]);
    expect(parts.map((p) => [p.code, p.tone, p.strength])).toEqual([
      ['5', 'positive', 1],
      ['4', 'positive', 0.5],
      ['3', 'middle', 1],
      ['2', 'negative', 0.5],
      ['1', 'negative', 1],
    ]);
    // OK / depends / not OK, as the data-types split reads it.
    expect(orientParts(['1', '2', '3'].map(label), [true, false, false]).map((p) => p.tone)).toEqual(['positive', 'middle', 'negative']);
  });

  it('items on different scales in one family get a chart each', () => {
    const mixed = { ...codebook, items: codebook.items.map((it) => (it.id === 'trust_banks' ? { ...it, family: 'channels' } : it)) };
    const data = loadSurveyFromCsv(mixed, files.a.csv);
    const catalog = uploadCatalog(mixed, 'Mixed');
    const { model } = content(explore('view=answers&family=channels', data, catalog), 'answers');
    // In the codebook's order of the items: the moved trust item comes first.
    expect(model.groups.map((gr) => gr.rows.length)).toEqual([1, 6]);
    expect(model.groups[0].scale.en).toBe('1 = very likely … 5 = very unlikely');
  });
});

describe('groups view', () => {
  it('a family pooled over its items by the bands of a scale attribute, in scale order, respondents as clusters', () => {
    const { model } = content(explore('view=groups&family=scenario&by=brand_bond'), 'groups');
    const { chart } = model;
    expect(chart.rows.map((r) => r.label.en)).toEqual(['Weak (1-2)', 'Neutral (3)', 'Strong (4-5)']);
    expect(chart.pooled).toBe(true);
    const table = acceptance(own, { family: 'scenario', by: ['brand_bond'] });
    for (const cell of chart.cells) {
      const engine = table.cells.find((c) => c.key.brand_bond === cell.row)!;
      expect(cell.share).toBe(engine.share);
      expect(cell.respondents).toBe(engine.respondents);
      expect(cell.ratings).toBe(engine.ratings);
      expect(cell.uplift).toBeCloseTo(engine.share! - table.overall.share!, 15);
    }
    // Bond raises acceptance in the material: strong above weak, both marked against the rest.
    const share = (code: string) => chart.cells.find((c) => c.row === code)!;
    expect(share('strong').share!).toBeGreaterThan(share('weak').share!);
    expect(share('strong').mark).toBe('up');
    expect(share('weak').mark).toBe('down');
  });

  it('crossed by a second attribute, under a filter', () => {
    const { chart } = content(explore('view=groups&family=acceptability&by=age&cross=country&education=Secondary'), 'groups').model;
    expect(chart.rows.map((r) => r.key)).toEqual(['18-29', '30-44', '45-59', '60+']);
    expect(chart.series.map((s) => s.key)).toEqual(['Netherlands', 'Germany']);
    expect(chart.comparison.groups.map((l) => l.en)).toEqual(['Age', 'Country']);
  });

  it('a group under the minimum base shows its share without interval, test or mark', () => {
    const { chart } = content(explore('view=groups&family=acceptability&by=gender'), 'groups').model;
    const small = chart.cells.filter((c) => c.small);
    expect(small.map((c) => c.row)).toEqual(['Prefer not to say']);
    for (const cell of small) expect([cell.lower, cell.upper, cell.diff, cell.pAdjusted, cell.mark]).toEqual([null, null, null, null, null]);
    expect(chart.cells.filter((c) => !c.small).every((c) => c.lower !== null)).toBe(true);
  });
});

describe('generic views on study G', () => {
  it('the items view of the data types shows the same OK shares as the data-types view', () => {
    const generic = content(explore('view=items&family=dataType&country=NL', g, gCatalog), 'items').model.chart;
    const specific = content(explore('view=datatypes&country=NL', g, gCatalog), 'datatypes').model.ok;
    expect(generic.rows.map((r) => r.key)).toEqual(specific.rows.map((r) => r.key));
    expect(generic.cells.map((c) => c.share)).toEqual(specific.cells.map((c) => c.share));
  });

  it('the answers view of the data types holds the data-types split', () => {
    const [group] = content(explore('view=answers&family=dataType', g, gCatalog), 'answers').model.groups;
    const split = content(explore('view=datatypes', g, gCatalog), 'datatypes').model.split;
    expect(group.rows.map((r) => r.key)).toEqual(split.rows.map((r) => r.key));
    expect(group.rows.map((r) => r.parts.map((c) => c.share))).toEqual(split.rows.map((r) => r.parts.map((c) => c.share)));
  });

  it('the groups view of the scenarios by bond shows the bond view’s bands', () => {
    const generic = content(explore('view=groups&family=scenario&by=bond', g, gCatalog), 'groups').model.chart;
    const bond = content(explore('view=bond', g, gCatalog), 'bond').model.bands[0];
    expect(generic.cells.map((c) => [c.row, c.share])).toEqual(bond.cells.map((c) => [c.row, c.share]));
  });
});
