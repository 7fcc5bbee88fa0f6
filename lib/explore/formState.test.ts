import { describe, expect, it } from 'vitest';
import type { Codebook } from '../survey/codebook';
import { datasetCatalog } from './catalog';
import { stateFromForm } from './formState';
import { parseExploreState, serialiseExploreState } from './state';

const label = (en: string) => ({ en, nl: `${en} (nl)` });
const scales = [{ id: 'ok3', label: label('OK'), codes: [{ code: '1', label: label('OK') }, { code: '3', label: label('Not OK') }], positive: ['1'] }];
const codebookP = {
  id: 'p',
  title: label('Study P'),
  studyStyle: 'P',
  synthetic: true,
  respondentId: 'id',
  attributes: [
    { id: 'wave', column: 'wave', label: label('Wave'), kind: 'categorical', codes: [{ code: '2017', label: label('2017') }, { code: '2018', label: label('2018') }] },
    { id: 'gender', column: 'gender', label: label('Gender'), kind: 'categorical', codes: [{ code: 'F', label: label('Women') }, { code: 'M', label: label('Men') }] },
  ],
  scales,
  families: [{ id: 'tactic', label: label('Tactics') }],
  itemDimensions: [{ id: 'tactic', label: label('Tactic'), values: [{ code: 'creepy', label: label('Creepy') }] }],
  items: [{ id: 't1', column: 't1', label: label('T1'), family: 'tactic', scale: 'ok3', meta: { tactic: 'creepy' } }],
} as unknown as Codebook;
const codebookQ = { ...codebookP, id: 'q', title: label('Q'), attributes: [codebookP.attributes[1]] } as unknown as Codebook;
const p = datasetCatalog(codebookP);
const q = datasetCatalog(codebookQ);
const catalogs = [p, q];

/** The fields the explorer's form sends: its selects, the ticked boxes, the hidden view and an empty value per default filter. */
const form = (pairs: [string, string][]) => new URLSearchParams([['dataset', 'p'], ['view', 'tactics'], ['minBase', '30'], ['cross', ''], ['wave', ''], ...pairs]);
const current = parseExploreState(new URLSearchParams('dataset=p&view=tactics'), catalogs);

describe('the explorer form read back as a state', () => {
  it('is the state on screen when nothing was changed', () => {
    expect(current.filter).toEqual({ wave: ['2018'] });
    expect(stateFromForm(form([['wave', '2018']]), current, catalogs)).toEqual(current);
  });

  it('keeps a ticked box and an unticked default filter (everyone, not the default wave)', () => {
    const ticked = stateFromForm(form([['wave', '2018'], ['gender', 'F']]), current, catalogs);
    expect(ticked.filter).toEqual({ wave: ['2018'], gender: ['F'] });
    const cleared = stateFromForm(form([]), current, catalogs);
    expect(cleared.filter).toEqual({});
    expect(serialiseExploreState(cleared, p)).toBe('dataset=p&view=tactics&wave=');
  });

  it('opens another dataset with its own defaults, whatever the old fields say', () => {
    const other = stateFromForm(new URLSearchParams([['dataset', 'q'], ['view', 'tactics'], ['gender', 'M'], ['minBase', '50']]), { ...current, minBase: 50 }, catalogs);
    expect(other.dataset).toBe('q');
    expect(other.filter).toEqual({});
    expect(other.minBase).toBe(50);
  });
});
