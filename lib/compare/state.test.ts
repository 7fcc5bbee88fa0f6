import { describe, expect, it } from 'vitest';
import { ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { buildSurveyData, parseCsv } from '../survey/dataset';
import { chooseDataset, choiceQuery, chosenFamily, type CompareListing, defaultAttribute, resolveChoice } from './state';

const listings: CompareListing[] = [
  { id: 'study-g', reference: true, studyStyle: 'G' },
  { id: 'study-p', reference: true, studyStyle: 'P' },
  { id: 'u1', reference: false, studyStyle: 'custom' },
  { id: 'u2', reference: false, studyStyle: 'G' },
];
const p = loadReferenceDataset('study-p');
const g = loadReferenceDataset('study-g');
const own = (() => {
  const { header, rows } = parseCsv(ownSurveyFiles({ counts: { NL: 10, DE: 10, UK: 1 } }).a.csv);
  return buildSurveyData(ownSurveyCodebook(), header, rows);
})();

describe('the /compare page state', () => {
  it('opens on the issue’s first example: study P, 2018 against 2017', () => {
    expect(chooseDataset({}, listings)).toEqual({ dataset: 'study-p', unknown: null });
    expect(resolveChoice({}, listings, 'study-p', p)).toEqual({ dataset: 'study-p', mode: 'levels', by: 'wave', a: '2018', b: '2017', with: 'u2', family: '', minBase: 30, weight: null });
    // A weight of the dataset other than its default is kept (and written); the default and an unknown one are not.
    expect(resolveChoice({ weight: 'unweighted' }, listings, 'study-p', p).weight).toBe('unweighted');
    expect(choiceQuery(resolveChoice({ weight: 'unweighted' }, listings, 'study-p', p))).toContain('weight=unweighted');
    expect(resolveChoice({ weight: 'nope' }, listings, 'study-p', p).weight).toBeNull();
    expect(resolveChoice({ weight: 'weight' }, listings, 'study-p', p).weight).toBeNull();
  });

  it('an unknown dataset falls back to the default and is reported', () => {
    expect(chooseDataset({ dataset: 'nonsense' }, listings)).toEqual({ dataset: 'study-p', unknown: 'nonsense' });
    expect(chooseDataset({ dataset: ['u1', 'u2'] }, listings)).toEqual({ dataset: 'u1', unknown: null });
  });

  it('invalid levels, attributes, modes and bases fall back to their defaults', () => {
    const choice = resolveChoice({ by: '__proto__', a: '1999', b: '<img>', mode: 'sideways', minBase: '-3', family: 'all' }, listings, 'study-p', p);
    expect(choice).toMatchObject({ by: 'wave', a: '2018', b: '2017', mode: 'levels', minBase: 30, family: '' });
    expect(resolveChoice({ minBase: '1e9' }, listings, 'study-p', p).minBase).toBe(30);
    expect(resolveChoice({ minBase: '0' }, listings, 'study-p', p).minBase).toBe(0);
  });

  it('two equal levels: the side not asked for moves', () => {
    expect(resolveChoice({ a: '2017', b: '2017' }, listings, 'study-p', p)).toMatchObject({ a: '2017', b: '2018' });
    expect(resolveChoice({ b: '2018' }, listings, 'study-p', p)).toMatchObject({ a: '2017', b: '2018' });
  });

  it('any attribute with two or more levels can be picked; a dataset without waves opens against another dataset', () => {
    expect(resolveChoice({ by: 'country', a: 'NL' }, listings, 'study-g', g)).toMatchObject({ by: 'country', a: 'NL', b: 'DE', mode: 'datasets', with: 'u2' });
    expect(defaultAttribute(g)).toBe('country');
    // The own survey: no wave, no source column; against the reference of another style (study G, the first).
    expect(resolveChoice({}, listings, 'u1', own)).toMatchObject({ mode: 'datasets', with: 'study-g', by: 'country' });
    expect(resolveChoice({ with: 'u1' }, listings, 'u1', own).with).toBe('study-g');
    expect(resolveChoice({ with: 'u2' }, listings, 'u1', own).with).toBe('u2');
  });

  it('an upload with a source column compares its files; one mapped to a reference opens against it', () => {
    // File A's rows with the source column the product adds when two files make one dataset.
    const { header, rows } = parseCsv(ownSurveyFiles({ counts: { NL: 10, DE: 10, UK: 1 } }).a.csv);
    const sourced = buildSurveyData(ownSurveyCodebook({ source: true }), [...header, 'source'], rows.map((row, i) => [...row, i < 15 ? 'NL_DE' : 'UK']));
    expect(resolveChoice({}, listings, 'u1', sourced)).toMatchObject({ mode: 'levels', by: 'source', a: 'UK', b: 'NL_DE' });
    const mapped = { ...own, codebook: { ...own.codebook, benchmark: { 'study-p': { acceptability_location: 'p5_too_personal' } } } };
    expect(resolveChoice({ mode: 'datasets' }, listings, 'u1', mapped).with).toBe('study-p');
  });

  it('the family falls back to every item when the comparison has none of it; the query keeps only what the mode uses', () => {
    expect(chosenFamily('tactic', [{ id: 'pulse' }, { id: 'tactic' }])).toBe('tactic');
    expect(chosenFamily('dataType', [{ id: 'pulse' }])).toBe('');
    const choice = resolveChoice({ family: 'tactic', minBase: '50' }, listings, 'study-p', p);
    expect(choiceQuery(choice)).toBe('dataset=study-p&mode=levels&by=wave&a=2018&b=2017&family=tactic&minBase=50');
    expect(choiceQuery({ ...choice, mode: 'datasets', family: '', minBase: 30 })).toBe('dataset=study-p&mode=datasets&with=u2');
  });
});
