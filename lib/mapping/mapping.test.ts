import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { applyKeepChoices } from '../ingest/personalProblems';
import { readSample } from '../ingest/sample';
import { validateUpload } from '../ingest/validator';
import { parseCodebook } from '../survey/codebook';
import { buildSurveyData } from '../survey/dataset';
import { buildCodebook } from './build';
import { slugify, type MappingDraft } from './draft';
import { setPositiveEnd, setRole } from './edit';
import { orderCodes, profileColumns } from './profile';
import { factsOf, proposeDraft } from './propose';
import { matchTemplateHeader } from './templates';

const csv = (text: string) => {
  const [header, ...rows] = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' }).data;
  return { header, rows };
};

/** An own survey: nothing matches a template. */
const OWN = csv(`
Resp_ID,Land,Geslacht,wave_date,E-mail,Gewicht,Q1 Gepersonaliseerde mail,Q2 Aanbieding op locatie,q3_welcome,opmerking,empty
r1,NL,F,2024-01-03,a@x.nl,1.2,5,2,yes,fijn,
r2,BE,M,2024-01-04,b@x.nl,0.8,4,1,no,,
r3,NL,M,2024-01-05,c@x.nl,1.0,3,2,yes,te veel,
r4,BE,F,2024-01-06,d@x.nl,1.1,1,1,no,ok,
r5,NL,F,2024-01-07,e@x.nl,0.9,2,2,yes,prima,
`);

describe('profileColumns', () => {
  const profiles = profileColumns(OWN.header, OWN.rows);
  const by = (c: string) => profiles.find((p) => p.column === c)!;
  it('collects the values of each column with their counts, numbers ascending', () => {
    expect(by('Q1 Gepersonaliseerde mail').values.map((v) => v.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(by('Land').values).toEqual([{ value: 'BE', count: 2 }, { value: 'NL', count: 3 }]);
    expect(by('Gewicht')).toMatchObject({ numeric: true, integers: false, unique: true, min: 0.8, max: 1.2 });
    expect(by('Resp_ID')).toMatchObject({ unique: true, nonBlank: 5, rows: 5, numeric: false });
    expect(by('empty')).toMatchObject({ nonBlank: 0, values: [], numeric: false });
  });
  it('flags what the personal-data guard flags', () => {
    expect(by('E-mail').personal).toBe('email');
    expect(by('Land').personal).toBeUndefined();
  });
  it('counts numbers with NA among them as numbers, and caps the values of a column with many', () => {
    const [age] = profileColumns(['age'], [['34'], ['NA'], ['71']]);
    expect(age).toMatchObject({ numeric: true, integers: true, min: 34, max: 71 });
    const [p] = profileColumns(['amount'], Array.from({ length: 50 }, (_, i) => [String(i)]));
    expect(p.manyValues).toBe(true);
    expect(p.values.length).toBe(41);
  });
  it('orders codes as an analyst reads them', () => {
    expect(orderCodes(['10', '9', '1', '9'])).toEqual(['1', '9', '10']);
    expect(orderCodes(['nee', 'ja'])).toEqual(['ja', 'nee']);
  });
});

describe('a small panel export, mapped', () => {
  const profiles = profileColumns(OWN.header, OWN.rows);
  const facts = factsOf(profiles);
  const draft = proposeDraft(profiles);
  const role = (c: string) => draft.columns.find((m) => m.column === c)!;

  it('gives each column a role from its name and values', () => {
    expect(Object.fromEntries(draft.columns.map((m) => [m.column, [m.role, m.reason]]))).toEqual({
      Resp_ID: ['respondentId', 'idHeader'],
      Land: ['attribute', 'demographic'],
      Geslacht: ['attribute', 'demographic'],
      wave_date: ['ignore', 'manyValues'],
      'E-mail': ['ignore', 'personal'],
      Gewicht: ['weight', 'weightHeader'],
      'Q1 Gepersonaliseerde mail': ['item', 'answerScale'],
      'Q2 Aanbieding op locatie': ['item', 'answerScale'],
      q3_welcome: ['item', 'yesNo'],
      opmerking: ['ignore', 'manyValues'],
      empty: ['ignore', 'blank'],
    });
    expect(role('q3_welcome').scale).not.toBe(role('Q1 Gepersonaliseerde mail').scale);
  });

  it('without an id-like name, takes the first column whose values never repeat', () => {
    const { header, rows } = csv('code,q1\nA7,yes\nB2,no\nC9,yes\n');
    expect(proposeDraft(profileColumns(header, rows)).columns.map((m) => [m.role, m.reason])).toEqual([
      ['respondentId', 'uniqueValues'],
      ['item', 'yesNo'],
    ]);
  });

  /** The analyst's answers: 5 is best on Q1, 1 on Q2, every scale confirmed. */
  const answered = (): MappingDraft => {
    const q1 = draft.scales.find((s) => s.id === role('Q1 Gepersonaliseerde mail').scale)!;
    const q2 = draft.scales.find((s) => s.id === role('Q2 Aanbieding op locatie').scale)!;
    return {
      ...draft,
      scales: draft.scales.map((s) => (s.id === q1.id ? setPositiveEnd(s, 'high') : s.id === q2.id ? setPositiveEnd(s, 'low') : { ...s, confirmed: true })),
    };
  };

  it('builds a codebook parseCodebook accepts, that reads the file and gives acceptance rates', () => {
    const result = buildCodebook(answered(), { name: 'Klantpanel 2024' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const cb = result.codebook;
    expect(parseCodebook(JSON.parse(JSON.stringify(cb))).ok).toBe(true);
    expect(cb).toMatchObject({ id: 'upload-klantpanel_2024', title: { en: 'Klantpanel 2024', nl: 'Klantpanel 2024' }, studyStyle: 'custom', synthetic: false, respondentId: 'Resp_ID', weight: 'Gewicht' });
    expect(cb.attributes.map((a) => [a.id, a.column, a.label.nl])).toEqual([['country', 'Land', 'Land'], ['gender', 'Geslacht', 'Geslacht']]);
    expect(cb.scales.map((s) => [s.codes.map((c) => c.code), s.positive])).toEqual([
      [['1', '2', '3', '4', '5'], ['4', '5']],
      [['1', '2'], ['1']],
      [['yes', 'no'], ['yes']],
    ]);
    // The file validates against its own mapping once the e-mail column is dropped, and the engine reads it.
    const bytes = new TextEncoder().encode(Papa.unparse([OWN.header, ...OWN.rows]));
    const report = validateUpload(bytes, { codebook: cb });
    expect(report.problems.filter((p) => p.type === 'error')).toEqual([]);
    expect(report.personalColumns.map((p) => p.column)).toEqual(['E-mail']);
    const data = buildSurveyData(cb, OWN.header, OWN.rows);
    const table = acceptance(data, { items: [cb.items[0].id], by: ['country'] });
    const nl = table.cells.find((c) => c.key.country === 'NL')!;
    // NL: r1 (5, w 1.2), r3 (3, w 1.0), r5 (2, w 0.9): positive (4-5) weight 1.2 of 3.1.
    expect(nl.share).toBeCloseTo(1.2 / 3.1, 12);
  });

  it('names what keeps a mapping from being a codebook', () => {
    const codes = (d: MappingDraft) => {
      const r = buildCodebook(d, { name: 'x' });
      return r.ok ? [] : r.problems.map((p) => [p.code, p.column]);
    };
    const at = (c: string) => draft.columns.findIndex((m) => m.column === c);
    expect(codes(setRole(answered(), facts, [at('Resp_ID')], 'ignore'))).toEqual([['NoRespondentId', undefined]]);
    expect(codes(draft)).toEqual([
      ['NoPositive', role('Q1 Gepersonaliseerde mail').scale],
      ['NoPositive', role('Q2 Aanbieding op locatie').scale],
      ['ScaleNotConfirmed', role('q3_welcome').scale],
    ]);
    const noItems = { ...answered(), columns: answered().columns.map((m) => (m.role === 'item' ? { ...m, role: 'ignore' as const } : m)) };
    expect(codes(noItems)).toEqual([['NoItems', undefined]]);
    const twoWeights = { ...answered(), columns: answered().columns.map((m) => (m.column === 'wave_date' ? { ...m, role: 'weight' as const } : m)) };
    expect(codes(twoWeights)).toEqual([['SeveralWeights', 'Gewicht']]);
  });

  it('makes ids unique and readable', () => {
    expect(slugify('Q3 – Trust (brand)')).toBe('q3_trust_brand');
    expect(slugify('Één')).toBe('een');
    expect(slugify('–')).toBe('column');
    const { header, rows } = csv('id,Q 1,q-1\n1,yes,no\n2,no,yes\n');
    const d = proposeDraft(profileColumns(header, rows));
    const r = buildCodebook({ ...d, scales: d.scales.map((s) => ({ ...s, confirmed: true })) }, { name: '' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.codebook.items.map((i) => i.id)).toEqual(['q_1', 'q_1_2']);
    expect(r.codebook.title.en).toBe('Uploaded dataset');
  });
});

describe('matchTemplateHeader', () => {
  const g = readFileSync(path.join(__dirname, '..', '..', 'data', 'study-g.csv'), 'utf8').split('\n')[0].split(',');
  const templates = [{ study: 'study-g', header: g }];
  it('matches a header equal to a template, names and order', () => {
    expect(matchTemplateHeader([...g], templates)?.study).toBe('study-g');
    expect(matchTemplateHeader([...g].reverse(), templates)).toBeUndefined();
    expect(matchTemplateHeader(g.slice(1), templates)).toBeUndefined();
  });
});

describe('readSample', () => {
  it('reads the header and first rows of a large file from its first bytes, dropping a cut last line', async () => {
    const lines = ['id;q1', ...Array.from({ length: 1000 }, (_, i) => `${i};${'é'.repeat(i % 3)}`)];
    const blob = new Blob([lines.join('\n') + '\n']);
    const sample = await readSample(blob, 1000, 5000);
    expect(sample.delimiter).toBe(';');
    expect(sample.header).toEqual(['id', 'q1']);
    expect(sample.complete).toBe(false);
    sample.rows.forEach((r, i) => expect(r).toEqual([String(i), 'é'.repeat(i % 3)]));
    const whole = await readSample(new Blob(['a,b\n1,2\n']));
    expect(whole).toEqual({ header: ['a', 'b'], rows: [['1', '2']], delimiter: ',', complete: true });
    expect((await readSample(blob, 10_000_000, 10)).rows).toHaveLength(10);
  });
});

describe('applyKeepChoices', () => {
  it('redoes the personal-data problems when the analyst keeps a column, as the validator would', () => {
    const bytes = new TextEncoder().encode('id,email,telefoon,q1\n1,a@b.nl,0612345678,yes\n2,c@d.nl,0687654321,no\n3,e@f.nl,,yes\n');
    const base = validateUpload(bytes);
    for (const keep of [[], ['email'], ['email', 'telefoon']]) expect(applyKeepChoices(base, keep)).toEqual(validateUpload(bytes, { keepPersonalColumns: keep }));
    const { header, rows } = csv('email,q1\na@b.nl,yes\nc@d.nl,no\n');
    const profiles = profileColumns(header, rows);
    let d = proposeDraft(profiles);
    d = setRole(d, factsOf(profiles), [0], 'respondentId');
    const mapped = buildCodebook({ ...d, scales: d.scales.map((s) => ({ ...s, confirmed: true })) }, { name: 'x' });
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
    const b2 = new TextEncoder().encode('email,q1\na@b.nl,yes\nc@d.nl,no\n');
    const report = validateUpload(b2, { codebook: mapped.codebook });
    expect(report.ok).toBe(false);
    expect(applyKeepChoices(report, ['email'], mapped.codebook)).toEqual(validateUpload(b2, { codebook: mapped.codebook, keepPersonalColumns: ['email'] }));
    expect(applyKeepChoices(report, ['email'], mapped.codebook).ok).toBe(true);
  });
});
