import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../survey/codebook';
import { buildSurveyData } from '../survey/dataset';
import { acceptance } from '../analysis/acceptance';
import { buildCodebook, defaultPositive, matchTemplateHeader, orderCodes, profileColumns, proposeMapping, slugify, withRole, type ColumnMapping } from './mapping';
import { applyKeepChoices } from './personalProblems';
import { readSample } from './sample';
import { validateUpload } from './validate';

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
  it('collects the codes of each column in reading order, numbers ascending', () => {
    expect(by('Q1 Gepersonaliseerde mail').values).toEqual(['1', '2', '3', '4', '5']);
    expect(by('Land').values).toEqual(['BE', 'NL']);
    expect(by('Gewicht')).toMatchObject({ numeric: true, integers: false, unique: true });
    expect(by('Resp_ID')).toMatchObject({ unique: true, nonBlank: 5, rows: 5, numeric: false });
    expect(by('empty')).toMatchObject({ nonBlank: 0, values: [], numeric: false });
    expect(by('opmerking').nonBlank).toBe(4);
  });
  it('flags what the personal-data guard flags', () => {
    expect(by('E-mail').personal).toBe('email');
    expect(by('Land').personal).toBeUndefined();
  });
  it('caps the codes of a column with many values', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [String(i)]);
    const [p] = profileColumns(['amount'], rows);
    expect(p.manyValues).toBe(true);
    expect(p.values.length).toBe(31);
  });
});

describe('proposeMapping', () => {
  const mapping = proposeMapping(profileColumns(OWN.header, OWN.rows));
  const role = (c: string) => mapping.find((m) => m.column === c)!;
  it('gives each column a role from its name and values', () => {
    expect(Object.fromEntries(mapping.map((m) => [m.column, [m.role, m.reason]]))).toEqual({
      Resp_ID: ['respondentId', 'idHeader'],
      Land: ['attribute', 'segmentHeader'],
      Geslacht: ['attribute', 'segmentHeader'],
      wave_date: ['context', 'manyValues'],
      'E-mail': ['ignore', 'personal'],
      Gewicht: ['weight', 'weightHeader'],
      'Q1 Gepersonaliseerde mail': ['item', 'scaleCodes'],
      'Q2 Aanbieding op locatie': ['item', 'scaleCodes'],
      q3_welcome: ['item', 'answerWords'],
      opmerking: ['context', 'manyValues'],
      empty: ['ignore', 'blank'],
    });
  });
  it('sets default positive codes: the top two of five points, the top one of fewer, the yes', () => {
    expect(role('Q1 Gepersonaliseerde mail').positive).toEqual(['4', '5']);
    expect(role('Q2 Aanbieding op locatie').positive).toEqual(['2']);
    expect(role('q3_welcome').positive).toEqual(['yes']);
  });
  it('without an id-like name, takes the first column whose values never repeat', () => {
    const { header, rows } = csv('code,q1\nA7,1\nB2,2\nC9,1\n');
    expect(proposeMapping(profileColumns(header, rows)).map((m) => [m.role, m.reason])).toEqual([
      ['respondentId', 'uniqueValues'],
      ['item', 'scaleCodes'],
    ]);
  });
});

describe('defaultPositive and orderCodes', () => {
  it('orders numbers as numbers and text alphabetically', () => {
    expect(orderCodes(['10', '9', '1', '9'])).toEqual(['1', '9', '10']);
    expect(orderCodes(['nee', 'ja'])).toEqual(['ja', 'nee']);
  });
  it('picks the top box(es) or the answers that read as yes', () => {
    expect(defaultPositive(['0', '1'])).toEqual(['1']);
    expect(defaultPositive(['1', '2', '3', '4', '5', '6', '7'])).toEqual(['6', '7']);
    expect(defaultPositive(['Ja', 'Nee'])).toEqual(['Ja']);
    expect(defaultPositive(['low', 'high'])).toEqual(['high']);
    expect(defaultPositive([])).toEqual([]);
  });
});

describe('buildCodebook', () => {
  const profiles = profileColumns(OWN.header, OWN.rows);
  const mapping = proposeMapping(profiles);

  it('builds a codebook parseCodebook accepts, that reads the file and gives acceptance rates', () => {
    const result = buildCodebook(mapping, { name: 'Klantpanel 2024' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const cb = result.codebook;
    expect(parseCodebook(JSON.parse(JSON.stringify(cb))).ok).toBe(true);
    expect(cb).toMatchObject({ id: 'upload-klantpanel_2024', title: { en: 'Klantpanel 2024', nl: 'Klantpanel 2024' }, studyStyle: 'custom', synthetic: false, respondentId: 'Resp_ID', weight: 'Gewicht' });
    expect(cb.attributes.map((a) => [a.id, a.column])).toEqual([['land', 'Land'], ['geslacht', 'Geslacht']]);
    expect(cb.items.map((i) => [i.id, i.scale, i.positive])).toEqual([
      ['q1_gepersonaliseerde_mail', 'scale_1', undefined],
      ['q2_aanbieding_op_locatie', 'scale_2', undefined],
      ['q3_welcome', 'scale_3', undefined],
    ]);
    expect(cb.scales.map((s) => [s.codes.map((c) => c.code), s.positive])).toEqual([
      [['1', '2', '3', '4', '5'], ['4', '5']],
      [['1', '2'], ['2']],
      [['no', 'yes'], ['yes']],
    ]);
    expect(cb.description!.en).toContain('wave_date, opmerking');

    // The file validates against its own mapping once the e-mail column is dropped, and the engine reads it.
    const bytes = new TextEncoder().encode(Papa.unparse([OWN.header, ...OWN.rows]));
    const report = validateUpload(bytes, { codebook: cb });
    expect(report.problems.filter((p) => p.type === 'error')).toEqual([]);
    expect(report.personalColumns.map((p) => p.column)).toEqual(['E-mail']);
    const data = buildSurveyData(cb, OWN.header, OWN.rows);
    const table = acceptance(data, { items: ['q1_gepersonaliseerde_mail'], by: ['land'] });
    const nl = table.cells.find((c) => c.key.land === 'NL')!;
    // NL: r1 (5, w 1.2), r3 (3, w 1.0), r5 (2, w 0.9): positive (4-5) weight 1.2 of 3.1.
    expect(nl.share).toBeCloseTo(1.2 / 3.1, 12);
  });

  it('items sharing codes share a scale; a different choice of positive codes overrides it per item', () => {
    const { header, rows } = csv('id,a,b\n1,1,2\n2,2,1\n');
    const m = proposeMapping(profileColumns(header, rows));
    m[2] = { ...m[2], positive: ['1'] };
    const r = buildCodebook(m, { name: 'x' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.codebook.scales).toHaveLength(1);
    expect(r.codebook.items.map((i) => i.positive)).toEqual([undefined, ['1']]);
  });

  it('names what keeps a mapping from being a codebook', () => {
    const set = (column: string, change: Partial<ColumnMapping>) => mapping.map((m) => (m.column === column ? { ...m, ...change } : m));
    const codes = (r: ReturnType<typeof buildCodebook>) => (r.ok ? [] : r.problems.map((p) => [p.code, p.column]));
    expect(codes(buildCodebook(set('Resp_ID', { role: 'context' }), { name: 'x' }))).toEqual([['NoRespondentId', undefined]]);
    expect(codes(buildCodebook(set('Land', withRole(profiles[1], 'respondentId')), { name: 'x' }))).toEqual([['SeveralRespondentIds', 'Land']]);
    expect(codes(buildCodebook(set('wave_date', { role: 'weight' }), { name: 'x' }))).toEqual([['SeveralWeights', 'Gewicht']]);
    expect(codes(buildCodebook(set('q3_welcome', { positive: [] }), { name: 'x' }))).toEqual([['NoPositive', 'q3_welcome']]);
    expect(codes(buildCodebook(set('q3_welcome', { positive: ['maybe'] }), { name: 'x' }))).toEqual([['BadPositive', 'q3_welcome']]);
    expect(codes(buildCodebook(set('empty', withRole(profiles[10], 'item')), { name: 'x' }))).toEqual([['NoCodes', 'empty']]);
    const noItems = mapping.map((m) => (m.role === 'item' ? { ...m, role: 'ignore' as const } : m));
    expect(codes(buildCodebook(noItems, { name: 'x' }))).toEqual([['NoItems', undefined]]);
  });

  it('makes ids unique and readable', () => {
    expect(slugify('Q3 – Trust (brand)')).toBe('q3_trust_brand');
    expect(slugify('Één')).toBe('een');
    expect(slugify('–')).toBe('column');
    const { header, rows } = csv('id,Q 1,q-1\n1,1,2\n2,2,1\n');
    const r = buildCodebook(proposeMapping(profileColumns(header, rows)), { name: '' });
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
    // Every sampled row is a whole line of the file.
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
    const { header, rows } = csv('email,q1\na@b.nl,1\nc@d.nl,2\n');
    const mapped = buildCodebook([withRole(profileColumns(header, rows)[0], 'respondentId'), withRole(profileColumns(header, rows)[1], 'item')], { name: 'x' });
    if (!mapped.ok) throw new Error('mapping');
    const b2 = new TextEncoder().encode('email,q1\na@b.nl,1\nc@d.nl,2\n');
    const report = validateUpload(b2, { codebook: mapped.codebook });
    expect(report.ok).toBe(false);
    expect(applyKeepChoices(report, ['email'], mapped.codebook)).toEqual(validateUpload(b2, { codebook: mapped.codebook, keepPersonalColumns: ['email'] }));
    expect(applyKeepChoices(report, ['email'], mapped.codebook).ok).toBe(true);
  });
});
