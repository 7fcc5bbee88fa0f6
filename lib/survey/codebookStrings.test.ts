import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { parseCodebook } from './codebook';
import { loadSurveyFromCsv } from './dataset';

/**
 * Regressions found by fuzzing the codebook parser (lib/ingest/fuzz.test.ts): codes and ids were
 * checked through String(), so 4 passed for "4" and ["agree"] for "agree"; the engine then compares
 * exactly, and no answer counted as positive (or the ingest threw on the unknown scale).
 */
const label = { en: 'x', nl: 'x' };
const codebook = (scale: Record<string, unknown>, item: Record<string, unknown> = {}) => ({
  id: 'c',
  title: label,
  studyStyle: 'custom',
  synthetic: false,
  respondentId: 'id',
  attributes: [],
  scales: [{ id: 'agree', label, codes: ['1', '2', '3', '4', '5'].map((code) => ({ code, label })), positive: ['4', '5'], ...scale }],
  families: [{ id: 'f', label }],
  itemDimensions: [{ id: 'place', label, values: [{ code: '1', label }] }],
  items: [{ id: 'q1', column: 'q1', label, family: 'f', scale: 'agree', meta: {}, ...item }],
});

describe('codebook codes must be strings', () => {
  it('the sound codebook gives a 50% share on answers 4 and 2', () => {
    const parsed = parseCodebook(codebook({}));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(acceptance(loadSurveyFromCsv(parsed.codebook, 'id,q1\n1,4\n2,2\n')).overall.share).toBe(0.5);
  });

  it('numeric positive codes are refused (were accepted, and then no answer was positive: a 0% share)', () => {
    const parsed = parseCodebook(codebook({ positive: [4, 5] }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toEqual(expect.objectContaining({ path: 'scales[0].positive', message: 'positive code 4 must be a string, as the scale\'s codes are ("4")' }));
    expect(parseCodebook(codebook({}, { positive: [5] })).ok).toBe(false);
  });

  it('a scale id given as ["agree"] is refused (was accepted, and the ingest threw "refers to unknown scale")', () => {
    const parsed = parseCodebook(codebook({}, { scale: ['agree'] }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(['items[0].scale']);
  });

  it('numeric askedIf codes and item-dimension values are refused', () => {
    expect(parseCodebook(codebook({}, { askedIf: { column: 'q0', in: [1] } })).ok).toBe(false);
    expect(parseCodebook(codebook({}, { meta: { place: 1 } })).ok).toBe(false);
    expect(parseCodebook(codebook({}, { meta: { place: '1' }, askedIf: { column: 'q0', in: ['1'] } })).ok).toBe(true);
  });
});

describe('a codebook value that cannot be turned into text', () => {
  it('{"toString": 1} as a scale or family is refused with problems (parseCodebook threw "Cannot convert object to primitive value")', () => {
    const value = JSON.parse('{"toString": 1}');
    const parsed = parseCodebook(codebook({}, { scale: value, family: value, meta: { place: value } }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(['items[0].family', 'items[0].scale', 'items[0].meta.place']);
  });
});

describe('codebook ids cannot be names of Object.prototype', () => {
  it('refuses __proto__, constructor and prototype as item or scale ids, with the path', () => {
    for (const id of ['__proto__', 'constructor', 'prototype']) {
      const item = parseCodebook(codebook({}, { id }));
      expect(item.ok).toBe(false);
      if (!item.ok) expect(item.problems).toContainEqual(expect.objectContaining({ path: 'items[0].id', message: `"${id}" cannot be an id: choose another name` }));
      expect(parseCodebook(codebook({ id })).ok).toBe(false);
    }
  });
});
