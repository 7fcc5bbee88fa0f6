import { describe, expect, it } from 'vitest';
import { DatasetError, loadSurveyFromCsv, type DataProblem } from './dataset';
import { parseCodebook, type Codebook } from './codebook';

const label = (en: string) => ({ en, nl: en });
const codebook: Codebook = {
  id: 'mini',
  title: label('Mini survey'),
  studyStyle: 'custom',
  synthetic: false,
  respondentId: 'id',
  weight: 'w',
  attributes: [
    { id: 'country', column: 'country', label: label('Country'), kind: 'categorical', codes: [{ code: 'NL', label: label('Netherlands') }, { code: 'DE', label: label('Germany') }] },
    { id: 'bond', column: 'bond', label: label('Bond'), kind: 'scale', min: 1, max: 5, bands: [{ id: 'weak', label: label('weak'), min: 1, max: 2 }, { id: 'neutral', label: label('neutral'), min: 3, max: 3 }, { id: 'strong', label: label('strong'), min: 4, max: 5 }] },
  ],
  scales: [{ id: 'yesno', label: label('Yes/no'), codes: [{ code: 'yes', label: label('yes') }, { code: 'no', label: label('no') }], positive: ['yes'] }],
  families: [{ id: 'pulse', label: label('Pulse') }],
  itemDimensions: [],
  items: [
    { id: 'q1', column: 'q1', label: label('Q1'), family: 'pulse', scale: 'yesno', meta: {} },
    { id: 'q2', column: 'q2', label: label('Q2'), family: 'pulse', scale: 'yesno', askedIf: { column: 'q1', in: ['yes'] }, meta: {} },
  ],
};

const errorsOf = (csv: string): DataProblem[] => {
  try {
    loadSurveyFromCsv(codebook, csv);
  } catch (error) {
    if (error instanceof DatasetError) return error.problems.filter((p) => p.type === 'error');
    throw error;
  }
  return [];
};

describe('loading a CSV against a codebook', () => {
  it('reads codes, bands, weights and blanks', () => {
    const data = loadSurveyFromCsv(codebook, 'id,country,bond,w,q1,q2\n1,NL,4,1.5,yes,no\n2,DE,2,0.5,no,\n3,NL,,1,,\n');
    expect(data.rowCount).toBe(3);
    expect([...data.weights]).toEqual([1.5, 0.5, 1]);
    expect([...data.attributes.get('country')!.levelOf]).toEqual([0, 1, 0]);
    expect([...data.attributes.get('bond')!.levelOf]).toEqual([2, 0, -1]);
    expect([...data.items.get('q1')!.answerOf]).toEqual([0, 1, -1]);
    expect([...data.items.get('q2')!.answerOf]).toEqual([1, -1, -1]);
  });

  it('ignores a byte-order mark and reads semicolons and tabs', () => {
    for (const sep of [';', '\t']) {
      const csv = '\uFEFF' + ['id', 'country', 'bond', 'w', 'q1', 'q2'].join(sep) + '\n' + ['1', 'NL', '3', '1', 'yes', 'yes'].join(sep) + '\n';
      expect(loadSurveyFromCsv(codebook, csv).attributes.get('bond')!.levelOf[0]).toBe(1);
    }
  });

  it('names the row and column of every bad value', () => {
    const errors = errorsOf('id,country,bond,w,q1,q2\n1,FR,4,1,yes,no\n1,NL,9,-2,maybe,no\n3,NL,3,abc,yes\n');
    const summary = errors.map((e) => `${e.code}@${e.row}:${e.column ?? ''}`);
    expect(summary).toEqual(
      expect.arrayContaining(['UnknownCode@1:country', 'DuplicateId@2:id', 'OutOfScale@2:bond', 'NegativeWeight@2:w', 'UnknownCode@2:q1', 'RaggedRow@3:', 'BadWeight@3:w']),
    );
    expect(errors.find((e) => e.code === 'DuplicateId')!.message).toBe('respondent id "1" also appears in data row 1');
  });

  it('reports a missing column, a header without rows and an empty file', () => {
    expect(errorsOf('id,country,bond,w,q1\n1,NL,3,1,yes\n').map((e) => e.code)).toContain('MissingColumn');
    expect(errorsOf('id,country,bond,w,q1,q2\n').map((e) => e.code)).toEqual(['NoRows']);
    expect(errorsOf('').map((e) => e.code)).toEqual(['EmptyFile']);
  });

  it('keeps an answer given although not asked out of the base, with a warning', () => {
    const data = loadSurveyFromCsv(codebook, 'id,country,bond,w,q1,q2\n1,NL,3,1,no,yes\n2,NL,3,1,yes,yes\n');
    expect([...data.items.get('q2')!.answerOf]).toEqual([-1, 0]);
    expect(data.warnings.map((w) => `${w.code}@${w.row}`)).toEqual(['AnsweredNotAsked@1']);
  });

  it('a DatasetError message lists the first problems with rows and columns', () => {
    expect(() => loadSurveyFromCsv(codebook, 'id,country,bond,w,q1,q2\n1,XX,3,1,yes,yes\n')).toThrow(/row 1, column "country": "XX" is not a code of Country/);
  });
});

describe('parseCodebook', () => {
  it('accepts the reference codebooks', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of ['data/study-g.codebook.json', 'data/study-p.codebook.json']) expect(parseCodebook(JSON.parse(readFileSync(file, 'utf8'))).ok).toBe(true);
  });

  it('lists every problem of a broken codebook', () => {
    const broken = { ...codebook, weight: '', items: [{ ...codebook.items[0], scale: 'nope', meta: { tier: 'ok' } }, codebook.items[0]] };
    const result = parseCodebook(broken);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['weight', 'items[0].scale', 'items[0].meta.tier', 'items[1].id']));
  });

  it('rejects a non-object', () => {
    expect(parseCodebook([]).ok).toBe(false);
  });
});

describe('missing markers', () => {
  const withMissing: Codebook = {
    ...codebook,
    attributes: [
      { ...(codebook.attributes[0] as Extract<Codebook['attributes'][number], { kind: 'categorical' }>), missing: ['NA'] },
      { ...(codebook.attributes[1] as Extract<Codebook['attributes'][number], { kind: 'scale' }>), missing: ['NA', '9'] },
    ],
    items: [{ ...codebook.items[0], missing: ['NA', "don't know"] }, codebook.items[1]],
  };

  it('reads a declared marker as blank in categorical, scale and item columns, and only there', () => {
    const data = loadSurveyFromCsv(withMissing, "id,country,bond,w,q1,q2\n1,NA,9,1,NA,\n2,DE,NA,1,don't know,\n3,NL,4,1,yes,no\n");
    expect([...data.attributes.get('country')!.levelOf]).toEqual([-1, 1, 0]);
    expect([...data.attributes.get('bond')!.levelOf]).toEqual([-1, -1, 2]);
    expect([...data.attributes.get('bond')!.values!]).toEqual([NaN, NaN, 4]);
    expect([...data.items.get('q1')!.answerOf]).toEqual([-1, -1, 0]);
    // q2 declares no marker: NA there is still an unknown code.
    expect(() => loadSurveyFromCsv(withMissing, 'id,country,bond,w,q1,q2\n1,NL,4,1,yes,NA\n')).toThrow(/"NA" is not a code of the scale yes, no/);
  });

  it('a marker that is also a code is refused by the codebook check', () => {
    const bad = { ...withMissing, items: [{ ...codebook.items[0], missing: ['yes'] }, codebook.items[1]] };
    const result = parseCodebook(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ path: 'items[0].missing', message: '"yes" is both a code and a missing marker' }));
  });

  it('checks the source column and the benchmark correspondence', () => {
    const result = parseCodebook({ ...codebook, sourceColumn: 'nope', benchmark: { 'study-g': { q1: 'dt_gender', q9: 'dt_age_group' } } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.path)).toEqual(['sourceColumn', 'benchmark.study-g.q9']);
    expect(parseCodebook({ ...codebook, sourceColumn: 'country', benchmark: { 'study-g': { q1: 'dt_gender' } } }).ok).toBe(true);
  });
});
