import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { loadSurveyFromCsv } from '../survey/dataset';
import { crossTable } from './crossTable';
import { weightsFromCsv } from './weightsFile';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const parsed = parseCodebook(JSON.parse(readFileSync(fixture('tables.codebook.json'), 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const data = loadSurveyFromCsv(parsed.codebook, readFileSync(fixture('tables.csv'), 'utf8'));

/** The fixture's own weights written as a weights file, in reverse order. */
const ownWeights = (extra = '') => ['resp,my_weight', ...data.respondentIds.map((id, r) => `${id},${data.weights[r]}`).reverse()].join('\n') + extra;

describe('a weights file for the CLI', () => {
  it('matches weights to respondents by id, whatever their order, and names the weight after its column', () => {
    const weighting = weightsFromCsv(data, ownWeights());
    expect(weighting.kind === 'custom' && [...weighting.values]).toEqual([...data.weights]);
    const table = crossTable(data, { rows: { kind: 'family', family: 'att' }, banner: [['gender']], weighting });
    const own = crossTable(data, { rows: { kind: 'family', family: 'att' }, banner: [['gender']] });
    expect(table.rows.map((r) => r.cells.map((c) => c.share))).toEqual(own.rows.map((r) => r.cells.map((c) => c.share)));
    expect(table.weighting).toEqual({ id: null, kind: 'custom', label: { en: 'my_weight', nl: 'my_weight' }, calibrated: false });
  });

  it('refuses a file that does not fit, with the reason', () => {
    expect(() => weightsFromCsv(data, 'id,w\nR001,1')).toThrow(/no respondent id column "resp"/);
    expect(() => weightsFromCsv(data, 'resp,w,v\nR001,1,2')).toThrow(/name its weight column/);
    expect(() => weightsFromCsv(data, 'resp,w,v\nR001,1,2', 'x')).toThrow(/no column "x"/);
    expect(() => weightsFromCsv(data, ownWeights('\nZZZ,1'))).toThrow(/respondent "ZZZ" is not in the data/);
    expect(() => weightsFromCsv(data, ownWeights('\nR001,1'))).toThrow(/"R001" has two weights/);
    expect(() => weightsFromCsv(data, 'resp,w\nR001,1')).toThrow(/"R002" has no weight/);
    expect(() => weightsFromCsv(data, ownWeights().replace(/R005,[^\n]*/, 'R005,-1'))).toThrow(/not a number >= 0/);
  });
});
