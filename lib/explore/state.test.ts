import { describe, expect, it } from 'vitest';
import type { Codebook } from '../survey/codebook';
import { datasetCatalog, uploadCatalog } from './catalog';
import { DEFAULT_MIN_BASE } from '../analysis/conventions';
import { clearFilters, filterParam, parseExploreState, serialiseExploreState, switchBy, switchDataset, switchView, toggleFilter } from './state';

const label = (en: string) => ({ en, nl: `${en} (nl)` });
const codebookG = {
  id: 'g',
  title: label('Study G: test'),
  studyStyle: 'G',
  synthetic: true,
  respondentId: 'id',
  attributes: [
    { id: 'country', column: 'country', label: label('Country'), kind: 'categorical', codes: [{ code: 'NL', label: label('Netherlands') }, { code: 'DE', label: label('Germany') }, { code: 'A,B', label: label('Comma') }] },
    { id: 'gender', column: 'gender', label: label('Gender'), kind: 'categorical', codes: [{ code: 'F', label: label('Women') }, { code: 'M', label: label('Men') }] },
    { id: 'age_band', column: 'age', label: label('Age'), kind: 'categorical', codes: [{ code: '18-34', label: label('18-34') }, { code: '50+', label: label('50+') }] },
    { id: 'bond', column: 'bond', label: label('Bond'), kind: 'scale', min: 1, max: 5, bands: [{ id: 'weak', label: label('Weak'), min: 1, max: 2 }, { id: 'strong', label: label('Strong'), min: 3, max: 5 }] },
    { id: 'view', column: 'v', label: label('A clashing name'), kind: 'categorical', codes: [{ code: 'x', label: label('X') }] },
  ],
  scales: [{ id: 'ok3', label: label('OK'), codes: [{ code: '1', label: label('OK') }, { code: '3', label: label('Not OK') }], positive: ['1'] }],
  families: [{ id: 'dataType', label: label('Data') }, { id: 'scenario', label: label('Scenarios') }],
  itemDimensions: [
    { id: 'tier', label: label('Tier'), values: [{ code: 'ok', label: label('OK') }] },
    { id: 'place', label: label('Place'), values: [{ code: 'public', label: label('Public') }, { code: 'private', label: label('Private') }] },
    { id: 'situation', label: label('Situation'), values: [{ code: 'pressed', label: label('Pressed') }] },
  ],
  items: [
    { id: 'dt_a', column: 'dt_a', label: label('A'), family: 'dataType', scale: 'ok3', meta: { tier: 'ok' } },
    { id: 'sc_1', column: 'sc_1', label: label('S1'), family: 'scenario', scale: 'ok3', meta: { place: 'public', situation: 'pressed' } },
  ],
} as unknown as Codebook;
const codebookP = {
  ...codebookG,
  id: 'p',
  studyStyle: 'P',
  title: label('Study P'),
  attributes: [
    { id: 'wave', column: 'wave', label: label('Wave'), kind: 'categorical', codes: [{ code: '2017', label: label('2017') }, { code: '2018', label: label('2018') }] },
    { id: 'country', column: 'country', label: label('Country'), kind: 'categorical', codes: [{ code: 'US', label: label('US') }] },
  ],
  families: [{ id: 'tactic', label: label('Tactics') }],
  itemDimensions: [{ id: 'tactic', label: label('Tactic'), values: [{ code: 'creepy', label: label('Creepy') }] }],
  items: [{ id: 't1', column: 't1', label: label('T1'), family: 'tactic', scale: 'ok3', meta: { tactic: 'creepy' } }],
} as unknown as Codebook;
const g = datasetCatalog(codebookG);
const p = datasetCatalog(codebookP);
const catalogs = [g, p];
const parse = (query: string) => parseExploreState(new URLSearchParams(query), catalogs);

describe('the explorer catalog', () => {
  it('offers the views the codebook supports, and the latest wave as default filter', () => {
    expect(g.views).toEqual(['datatypes', 'context', 'bond', 'segments', 'items', 'answers', 'groups']);
    expect(g.unavailable).toEqual(['tactics']);
    expect(g.families.map((f) => [f.id, f.items])).toEqual([
      ['dataType', 1],
      ['scenario', 1],
    ]);
    expect(g.contextDims.map((d) => d.id)).toEqual(['place', 'situation']);
    expect(g.bondAttributes).toEqual(['bond']);
    expect(p.views).toEqual(['tactics', 'items', 'answers', 'groups']);
    expect(p.unavailable).toEqual(['datatypes', 'context', 'bond', 'segments']);
    expect(p.defaultFilter).toEqual({ wave: ['2018'] });
    expect(g.shortTitle.en).toBe('Study G · Study G');
  });
});

describe('URL state', () => {
  it('falls back to defaults for an empty or broken URL', () => {
    const empty = parse('');
    expect(empty).toEqual({ dataset: 'g', view: 'datatypes', dim: '', family: '', by: '', cross: '', minBase: DEFAULT_MIN_BASE, filter: {}, lang: 'en' });
    const broken = parse('dataset=nope&view=tactics&cross=nonsense&minBase=-3&country=XX&lang=fr&dim=zzz');
    expect(broken).toEqual(empty);
    expect(parse('minBase=2.5').minBase).toBe(DEFAULT_MIN_BASE);
    expect(parse('minBase=abc').minBase).toBe(DEFAULT_MIN_BASE);
  });

  it('reads filters (repeated or comma-separated), in codebook order, and keeps a code with a comma whole', () => {
    const s = parse('view=segments&country=DE&country=NL&gender=F,M&age_band=&f.view=x&minBase=50&lang=nl&cross=place');
    expect(s.filter).toEqual({ country: ['NL', 'DE'], gender: ['F', 'M'], view: ['x'] });
    expect(s).toMatchObject({ view: 'segments', minBase: 50, lang: 'nl', cross: 'place' });
    expect(parse('country=A,B').filter).toEqual({ country: ['A,B'] });
  });

  it('accepts Next.js searchParams objects', () => {
    const s = parseExploreState({ view: 'context', dim: 'place', country: ['NL', 'DE'], gender: 'F' }, catalogs);
    expect(s).toMatchObject({ view: 'context', dim: 'place', filter: { country: ['NL', 'DE'], gender: ['F'] } });
  });

  it('round-trips: serialise then parse gives the same state', () => {
    const states = [
      parse('dataset=g&view=segments&country=NL&gender=F&age_band=18-34&cross=place&minBase=30&lang=nl'),
      parse('view=context&dim=situation&cross=place&minBase=0'),
      parse('view=bond&bond=strong&f.view=x'),
      parse('dataset=p&view=tactics&wave='),
      parse('dataset=p&wave=2017&wave=2018&cross=country'),
      parse('view=items&family=scenario&cross=gender&country=NL'),
      parse('view=answers&family=dataType'),
      parse('view=groups&family=scenario&by=bond&cross=country&lang=nl'),
    ];
    for (const s of states) {
      const catalog = catalogs.find((c) => c.id === s.dataset)!;
      expect(parse(serialiseExploreState(s, catalog))).toEqual(s);
    }
  });

  it('writes a short, readable URL: defaults left out, dataset and view always in', () => {
    const s = parse('view=segments&country=NL&gender=F&cross=place&lang=nl');
    expect(serialiseExploreState(s, g)).toBe('dataset=g&view=segments&country=NL&gender=F&cross=place&lang=nl');
    expect(serialiseExploreState(s, g, { lang: false })).toBe('dataset=g&view=segments&country=NL&gender=F&cross=place');
    expect(serialiseExploreState(parse('view=context&dim=place'), g)).toBe('dataset=g&view=context&dim=place');
  });

  it('keeps the default wave out of the URL, and an explicitly cleared one in it', () => {
    const s = parse('dataset=p');
    expect(s.view).toBe('tactics');
    expect(s.filter).toEqual({ wave: ['2018'] });
    expect(serialiseExploreState(s, p)).toBe('dataset=p&view=tactics');
    const cleared = clearFilters(s);
    expect(serialiseExploreState(cleared, p)).toBe('dataset=p&view=tactics&wave=');
    expect(parse(serialiseExploreState(cleared, p)).filter).toEqual({});
  });

  it('names a filter on an attribute that clashes with a reserved parameter f.<id>', () => {
    expect(filterParam('view')).toBe('f.view');
    expect(filterParam('country')).toBe('country');
    expect(serialiseExploreState(parse('f.view=x'), g)).toBe('dataset=g&view=datatypes&f.view=x');
  });

  it('drops a crossing the view does not allow', () => {
    expect(parse('view=segments&cross=gender').cross).toBe('');
    expect(parse('view=context&cross=place').cross).toBe(''); // all three context dimensions side by side: cross by an attribute only
    expect(parse('view=context&dim=situation&cross=place').cross).toBe('place');
    expect(parse('view=bond&cross=bond').cross).toBe('');
  });

  it('switches view, dataset and filters as a strategist expects', () => {
    const s = parse('view=segments&country=NL&cross=place&minBase=50');
    expect(switchView(s, g, 'context')).toMatchObject({ view: 'context', dim: 'all', cross: '', filter: { country: ['NL'] } });
    expect(switchView(s, g, 'bond')).toMatchObject({ view: 'bond', cross: 'place' });
    expect(switchDataset(s, p)).toEqual({ dataset: 'p', view: 'tactics', dim: '', family: '', by: '', cross: '', minBase: 50, filter: { wave: ['2018'] }, lang: 'en' });
    const on = toggleFilter(s, g, 'country', 'DE', true);
    expect(on.filter.country).toEqual(['NL', 'DE']);
    expect(toggleFilter(toggleFilter(on, g, 'country', 'NL', false), g, 'country', 'DE', false).filter).toEqual({});
    expect(toggleFilter(s, g, 'unknown', 'x', true)).toBe(s);
  });

  it('reads the generic views: a family (the first by default), the attribute of the groups view, a cross by another attribute', () => {
    expect(parse('view=items')).toMatchObject({ view: 'items', family: 'dataType', by: '', cross: '' });
    expect(parse('view=items&family=scenario&cross=country')).toMatchObject({ family: 'scenario', cross: 'country' });
    expect(parse('view=items&family=nope&cross=place')).toMatchObject({ family: 'dataType', cross: '' }); // a context dimension is no attribute
    expect(parse('view=answers&family=scenario&cross=country')).toMatchObject({ family: 'scenario', cross: '' }); // the answers view is not crossed
    expect(parse('view=groups')).toMatchObject({ family: 'dataType', by: 'country', cross: '' });
    expect(parse('view=groups&by=gender&cross=gender').cross).toBe('');
    expect(parse('view=groups&by=gender&cross=bond')).toMatchObject({ by: 'gender', cross: 'bond' });
    expect(parse('view=segments&family=scenario&by=gender')).toMatchObject({ family: '', by: '' });
    // Defaults stay out of the URL.
    expect(serialiseExploreState(parse('view=groups&family=dataType&by=country'), g)).toBe('dataset=g&view=groups');
    expect(serialiseExploreState(parse('view=groups&family=scenario&by=bond&cross=gender'), g)).toBe('dataset=g&view=groups&family=scenario&by=bond&cross=gender');
  });

  it('keeps the family among the generic views, and drops a crossing that would equal the rows', () => {
    const items = parse('view=items&family=scenario&cross=gender');
    expect(switchView(items, g, 'answers')).toMatchObject({ view: 'answers', family: 'scenario', cross: '' });
    // The groups view takes an attribute other than the crossing for its rows.
    expect(switchView(items, g, 'groups')).toMatchObject({ view: 'groups', family: 'scenario', by: 'country', cross: 'gender' });
    expect(switchView(items, g, 'segments')).toMatchObject({ view: 'segments', family: '', by: '' });
    expect(switchBy(parse('view=groups&by=country&cross=gender'), g, 'gender')).toMatchObject({ by: 'gender', cross: '' });
  });

  it('offers an upload its generic views first', () => {
    const upload = uploadCatalog(codebookG, 'My survey');
    expect(upload.views).toEqual(['items', 'answers', 'groups', 'datatypes', 'context', 'bond', 'segments']);
    expect(parseExploreState(new URLSearchParams(''), [upload]).view).toBe('items');
  });
});
