import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { buildSurveyData } from '../survey/dataset';
import { acceptance, findCell } from './acceptance';

/**
 * Regressions found by the property tests (acceptance.property.test.ts): the rest of a comparison
 * base is the base's sums minus the cell's, and the rounding noise of those differences leaked
 * into the results.
 */
const label = (en: string) => ({ en, nl: en });
const codes = (...cs: string[]) => cs.map((code) => ({ code, label: label(code) }));
const parsed = parseCodebook({
  id: 'noise',
  title: label('Noise'),
  studyStyle: 'custom',
  synthetic: true,
  respondentId: 'id',
  weight: 'w',
  attributes: [{ id: 'country', column: 'country', label: label('Country'), kind: 'categorical', codes: codes('A', 'B') }],
  scales: [{ id: 'yn', label: label('Yes/no'), codes: codes('yes', 'no'), positive: ['yes'] }],
  families: [{ id: 'f', label: label('F') }],
  itemDimensions: [{ id: 'place', label: label('Place'), values: codes('home', 'public') }],
  items: [
    { id: 'q1', column: 'q1', label: label('Q1'), family: 'f', scale: 'yn', meta: { place: 'home' } },
    { id: 'q2', column: 'q2', label: label('Q2'), family: 'f', scale: 'yn', meta: { place: 'public' } },
    { id: 'q3', column: 'q3', label: label('Q3'), family: 'f', scale: 'yn', meta: { place: 'home' } },
    { id: 'q4', column: 'q4', label: label('Q4'), family: 'f', scale: 'yn', meta: { place: 'public' } },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const codebook: Codebook = parsed.codebook;
const data = (rows: string[][]) => buildSurveyData(codebook, ['id', 'w', 'country', 'q1', 'q2', 'q3', 'q4'], rows);

describe('rounding noise of the rest of a base', () => {
  it('an all-positive rest beside a cell with a negative answer has a rest share of exactly 1 (was 1.0000000000000002)', () => {
    const table = acceptance(
      data([
        ['1', '1', 'A', 'yes', '', '', ''],
        ['2', '0.9999999915490141', 'A', 'yes', '', '', ''],
        ['3', '1', 'B', 'yes', '', '', ''],
        ['4', '1', 'A', 'no', '', '', ''],
      ]),
      { items: ['q1'], by: ['country'], minBase: 0 },
    );
    const a = findCell(table, { country: 'A' })!;
    expect(a.vsRest).not.toBeNull();
    expect(a.vsRest!.restShare).toBe(1);
  });

  it('a rest whose respondents all answer alike has no variance, so a cell of one alike answer gets no test (was SE 1.8e-8)', () => {
    const rows = [
      ['1', '0.2', 'A', 'yes', '', '', ''],
      ['2', '0.2', 'B', 'yes', '', '', ''],
      ['3', '0.8263313286717587', 'B', 'yes', '', '', ''],
    ];
    const b = findCell(acceptance(data(rows), { items: ['q1'], by: ['country'], minBase: 0 }), { country: 'A' })!;
    expect(b.share).toBe(1);
    expect(b.vsRest).toBeNull();
  });

  it('a difference with no variance gets no test whatever the order of respondents (was a test with p = 0 in one order)', () => {
    // Every respondent's home and public shares differ by the same linearised amount: Var(diff) = 0.
    const rows = [
      ['1', '0.2', '', 'yes', 'no', 'yes', 'yes'],
      ['2', '0.2', '', 'yes', 'no', 'no', 'no'],
      ['3', '0.444039197834625', 'A', 'no', 'no', 'yes', 'no'],
    ];
    for (const order of [rows, [...rows].reverse(), [rows[1], rows[2], rows[0]]]) {
      const home = findCell(acceptance(data(order), { by: ['place'], minBase: 0 }), { place: 'home' })!;
      expect(home.vsRest).toBeNull();
    }
  });
});
