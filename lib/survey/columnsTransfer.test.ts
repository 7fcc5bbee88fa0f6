import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { loadReferenceDataset } from '../storage/referenceDatasets';
import { decodeSurveyColumns, encodeSurveyColumns } from './columnsTransfer';

/** A copy of the message in a buffer of its own, as the browser receives it from fetch(). */
const received = (bytes: Uint8Array) => bytes.slice().buffer;

describe('survey columns transfer', () => {
  for (const id of ['study-g', 'study-p']) {
    it(`${id}: every column comes back equal, and the engine gives the same table`, () => {
      const data = loadReferenceDataset(id);
      const back = decodeSurveyColumns(received(encodeSurveyColumns(data)));
      expect(back.rowCount).toBe(data.rowCount);
      expect(back.weighted).toBe(data.weighted);
      expect(back.codebook).toEqual(data.codebook);
      expect(Array.from(back.weights)).toEqual(Array.from(data.weights));
      expect([...back.attributes.keys()]).toEqual([...data.attributes.keys()]);
      for (const [key, column] of data.attributes) {
        const copy = back.attributes.get(key)!;
        expect(Array.from(copy.levelOf)).toEqual(Array.from(column.levelOf));
        expect(copy.levels).toEqual(column.levels);
        expect(copy.values && Array.from(copy.values)).toEqual(column.values && Array.from(column.values));
      }
      for (const [key, column] of data.items) {
        const copy = back.items.get(key)!;
        expect(Array.from(copy.answerOf)).toEqual(Array.from(column.answerOf));
        expect(copy.positive).toEqual(column.positive);
        expect(copy.item).toEqual(column.item);
      }
      const family = id === 'study-g' ? 'scenario' : 'tactic';
      const by = id === 'study-g' ? ['country', 'gender'] : ['wave'];
      expect(acceptance(back, { family, by })).toEqual(acceptance(data, { family, by }));
    });
  }

  it('keeps indexes that do not fit in a byte', () => {
    const data = loadReferenceDataset('study-g');
    const column = data.attributes.get('country')!;
    const wide = new Int32Array(column.levelOf);
    wide[0] = 1000;
    const copy = { ...data, attributes: new Map([['country', { ...column, levelOf: wide }]]) };
    expect(decodeSurveyColumns(received(encodeSurveyColumns(copy))).attributes.get('country')!.levelOf[0]).toBe(1000);
  });

  it('refuses a truncated message', () => {
    const bytes = encodeSurveyColumns(loadReferenceDataset('study-g'));
    expect(() => decodeSurveyColumns(received(bytes.subarray(0, 2)))).toThrow(/too short/);
    expect(() => decodeSurveyColumns(received(bytes.subarray(0, bytes.length - 100)))).toThrow(/past the end/);
  });
});
