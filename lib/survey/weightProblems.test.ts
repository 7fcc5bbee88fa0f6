import { describe, expect, it } from 'vitest';
import { parseCodebook } from './codebook';
import { codebookProblemMessage } from './problemText';

/** The checks of a codebook's `weights` list speak the reader's language, as every other codebook check does. */
const label = { en: 'x', nl: 'x' };
const codebook = (extra: Record<string, unknown>) => ({
  id: 'c',
  title: label,
  studyStyle: 'custom',
  synthetic: false,
  respondentId: 'id',
  attributes: [{ id: 'gender', label, kind: 'categorical', column: 'gender', codes: [{ code: 'F', label }, { code: 'M', label }] }],
  scales: [{ id: 'agree', label, codes: ['1', '2'].map((code) => ({ code, label })), positive: ['2'] }],
  families: [{ id: 'f', label }],
  itemDimensions: [],
  items: [{ id: 'q1', column: 'q1', label, family: 'f', scale: 'agree', meta: {} }],
  ...extra,
});

const problemsOf = (extra: Record<string, unknown>) => {
  const parsed = parseCodebook(codebook(extra));
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems.filter((p) => p.path === 'weight' || p.path.startsWith('weights'));
};

describe("a codebook's weights list", () => {
  it('is not a list: one problem, worded in both languages', () => {
    const [problem] = problemsOf({ weights: 'w' });
    expect(problem.message).toBe('must be a list of weights: [{"id", "label", "column", "kind"}]');
    expect(codebookProblemMessage(problem, 'nl')).toBe('moet een lijst van gewichten zijn: [{"id", "label", "column", "kind"}]');
  });

  it('gives every problem of its weights and their raking a catalog key, so the Dutch page reads Dutch', () => {
    const problems = problemsOf({
      weight: 'nowhere',
      weights: [
        'not an object',
        { id: 'unweighted', label: { en: 'W' }, column: 'w', kind: 'other' },
        { id: 'a', label, column: 'w', kind: 'raked' },
        { id: 'a', label, column: 'v', kind: 'raked', spec: { margins: [] } },
        {
          id: 'b',
          label,
          column: 'u',
          kind: 'raked',
          spec: { base: 'unweighted', bounds: [2, 3], margins: [{ attribute: 'age' }, { attribute: 'gender', targets: [] }, { attribute: 'gender', targets: [{ level: 'X', share: 2 }, { level: 'F', share: 0.5 }, { level: 'F', share: 0.5 }] }] },
        },
      ],
    });
    const keys = problems.map((p) => p.key);
    expect(keys).toEqual([
      'object',
      'weightId',
      'weightLabel',
      'weightKind',
      'weightColumnShared',
      'rakingSpec',
      'idTwice',
      'rakingBase',
      'rakingMargins',
      'rakingAttribute',
      'rakingTargets',
      'rakingNotLevel',
      'rakingShare',
      'rakingLevelTwice',
      'rakingBounds',
      'defaultWeight',
    ]);
    const dutch = problems.map((p) => codebookProblemMessage(p, 'nl'));
    expect(dutch.filter((text, i) => text === problems[i].message)).toEqual([]);
    expect(dutch).toContain('"X" is geen niveau van gender');
    expect(dutch).toContain('twee gewichten kunnen niet dezelfde kolom "w" hebben');
    expect(problems.find((p) => p.key === 'rakingNotLevel')?.message).toBe('"X" is not a level of gender');
  });
});
