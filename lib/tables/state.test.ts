import { describe, expect, it } from 'vitest';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { choiceQuery, chooseTablesDataset, defaultBanner, optionsChanged, resolveTablesChoice } from './state';

const g = loadReferenceDataset('study-g');
const p = loadReferenceDataset('study-p');

describe('the state of /tables in the URL', () => {
  it('defaults: the first family, a banner of up to four attributes under 16 columns, study P on its latest wave', () => {
    const choice = resolveTablesChoice({}, 'study-g', g);
    expect(choice).toMatchObject({ rows: { kind: 'family', family: 'dataType' }, banner: [['country'], ['gender'], ['age_band'], ['young_children']], weight: null, filter: {}, minBase: 30, alpha: [0.05, 0.01], correction: 'bh', small: 'warn' });
    const onP = resolveTablesChoice({}, 'study-p', p);
    expect(onP.filter).toEqual({ wave: ['2018'] });
    expect(onP.banner).toEqual([['country'], ['gender'], ['age_band']]);
    expect(defaultBanner(p, {})).toEqual([['wave'], ['country'], ['gender'], ['age_band']]);
    expect(optionsChanged(onP, p)).toBe(false);
  });

  it('reads every choice, and falls back to the default for anything unknown', () => {
    const choice = resolveTablesChoice(
      { rows: 'items', items: ['dt_gender', 'nope', 'dt_photos', 'dt_gender'], banner: ['', 'country', 'nope', 'gender>age_band', 'country'], filter: ['', 'country:NL', 'country:ZZ', 'nope:1'], weight: 'none', minBase: '50', alpha: '0.1,0.05', correction: 'none', small: 'suppress' },
      'study-g',
      g,
    );
    expect(choice).toEqual({ dataset: 'study-g', rows: { kind: 'items', items: ['dt_gender', 'dt_photos'] }, banner: [['country'], ['gender', 'age_band']], weight: 'unweighted', filter: { country: ['NL'] }, minBase: 50, alpha: [0.1, 0.05], correction: 'none', small: 'suppress' });
    expect(optionsChanged(choice, g)).toBe(true);
    const odd = resolveTablesChoice({ rows: 'family:nope', minBase: '-3', alpha: '0.5', correction: 'x', small: 'x', weight: 'x' }, 'study-g', g);
    expect(odd).toMatchObject({ rows: { kind: 'family', family: 'dataType' }, minBase: 30, alpha: [0.05, 0.01], correction: 'bh', small: 'warn', weight: null });
    // Weight ids as on every page; `none` (above) is the older name of "unweighted", the default's id is no choice.
    expect(resolveTablesChoice({ weight: 'unweighted' }, 'study-g', g).weight).toBe('unweighted');
    expect(resolveTablesChoice({ weight: 'weight' }, 'study-g', g).weight).toBeNull();
    expect(choiceQuery(resolveTablesChoice({ weight: 'none' }, 'study-g', g))).toContain('weight=unweighted');
    expect(resolveTablesChoice({ rows: 'answers:dt_photos' }, 'study-g', g).rows).toEqual({ kind: 'answers', item: 'dt_photos' });
  });

  it('an empty banner is Total only; the form’s nested pair is one more banner entry', () => {
    expect(resolveTablesChoice({ banner: '' }, 'study-g', g).banner).toEqual([]);
    expect(resolveTablesChoice({ banner: ['', 'country'], nestOuter: 'gender', nestInner: 'age_band' }, 'study-g', g).banner).toEqual([['country'], ['gender', 'age_band']]);
    expect(resolveTablesChoice({ banner: '', nestOuter: 'gender', nestInner: 'gender' }, 'study-g', g).banner).toEqual([]);
  });

  it('a form made for another dataset is not read: the new dataset opens on its defaults', () => {
    const choice = resolveTablesChoice({ dataset: 'study-p', from: 'study-g', rows: 'family:dataType', banner: ['', 'country'], filter: ['', 'country:NL'] }, 'study-p', p);
    expect(choice).toEqual(resolveTablesChoice({}, 'study-p', p));
  });

  it('the query round-trips', () => {
    const choice = resolveTablesChoice({ rows: 'items', items: ['dt_gender', 'dt_photos'], banner: ['country', 'gender>age_band'], filter: ['gender:F'], alpha: '0.05', small: 'suppress' }, 'study-g', g);
    const query = choiceQuery(choice);
    expect(resolveTablesChoice(Object.fromEntries([...new URLSearchParams(query).keys()].map((k) => [k, new URLSearchParams(query).getAll(k)])), 'study-g', g)).toEqual(choice);
  });

  it('an unknown dataset falls back to study G and is named', () => {
    expect(chooseTablesDataset({ dataset: 'nope' }, [{ id: 'study-p' }, { id: 'study-g' }])).toEqual({ dataset: 'study-g', unknown: 'nope' });
    expect(chooseTablesDataset({}, [{ id: 'study-p' }])).toEqual({ dataset: 'study-p', unknown: null });
  });
});
