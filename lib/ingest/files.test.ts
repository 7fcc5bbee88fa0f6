import { describe, expect, it } from 'vitest';
import { parseCodebook, type Codebook } from '../survey/codebook';
import { buildSurveyData } from '../survey/dataset';
import {
  canonicalHeader,
  codebookForFile,
  filePlanProblems,
  mergedHeader,
  planCodebookProblems,
  prefixedId,
  RespondentIds,
  rowProjection,
  sourceAttributeOf,
  withSourceCode,
  withSourceColumn,
} from './files';
import { OWN_SURVEY_HEADERS, ownSurveyCodebook, ownSurveyFiles } from './testing/ownSurvey';
import { validateUpload } from './validator';

const same = (text: string) => ({ en: text, nl: text });
/** The codebook without a source column. */
const withoutSource = (cb: Codebook): Codebook => {
  const copy = { ...cb };
  delete copy.sourceColumn;
  return copy;
};

/** A small codebook in canonical names, with a source attribute, an asked-if condition and a weight. */
const codebook: Codebook = {
  id: 'small',
  title: same('Small'),
  studyStyle: 'custom',
  synthetic: false,
  respondentId: 'id',
  weight: 'w',
  attributes: [
    { id: 'country', column: 'country', label: same('Country'), kind: 'categorical', codes: [{ code: 'NL', label: same('NL') }, { code: 'UK', label: same('UK') }] },
    { id: 'source', column: 'source', label: { en: 'File', nl: 'Bestand' }, kind: 'categorical', codes: [{ code: 'a', label: same('a') }, { code: 'b', label: same('b') }] },
  ],
  scales: [{ id: 'yn', label: same('Yes/no'), codes: [{ code: 'yes', label: same('Yes') }, { code: 'no', label: same('No') }], positive: ['yes'] }],
  families: [{ id: 'f', label: same('F') }],
  itemDimensions: [],
  items: [
    { id: 'q1', column: 'q1', label: same('Q1'), family: 'f', scale: 'yn', meta: {} },
    { id: 'q2', column: 'q2', label: same('Q2'), family: 'f', scale: 'yn', askedIf: { column: 'q1', in: ['yes'] }, meta: {} },
  ],
  sourceColumn: 'source',
};

describe('canonicalHeader and codebookForFile', () => {
  const columns = { 'Respondent ID': 'id', 'Q1: do you?': 'q1', 'Weight (final)': 'w' };

  it('names a file header in the codebook\'s names; names not listed stay', () => {
    expect(canonicalHeader(['Respondent ID', 'country', 'Q1: do you?', 'q2', 'Weight (final)', 'extra'], columns)).toEqual(['id', 'country', 'q1', 'q2', 'w', 'extra']);
  });

  it('renames every column reference to the file\'s own header and leaves the source attribute out', () => {
    const projected = codebookForFile(codebook, columns);
    expect(projected.respondentId).toBe('Respondent ID');
    expect(projected.weight).toBe('Weight (final)');
    expect(projected.attributes.map((a) => [a.id, a.column])).toEqual([['country', 'country']]);
    expect(projected.items.map((i) => [i.id, i.column, i.askedIf?.column])).toEqual([
      ['q1', 'Q1: do you?', undefined],
      ['q2', 'q2', 'Q1: do you?'],
    ]);
    expect(projected.sourceColumn).toBeUndefined();
    expect('sourceColumn' in projected).toBe(false);
    expect(parseCodebook(projected).ok).toBe(true);
    // The codebook given is not changed.
    expect(codebook.items[1].askedIf!.column).toBe('q1');
    expect(codebook.attributes).toHaveLength(2);
  });

  it('handles columns swapped between files, and an unweighted codebook', () => {
    const unweighted = { ...codebook, weight: undefined };
    delete unweighted.weight;
    const projected = codebookForFile(unweighted, { q1: 'q2', q2: 'q1' });
    expect(projected.items.map((i) => i.column)).toEqual(['q2', 'q1']);
    expect('weight' in projected).toBe(false);
  });

  it('a map key "__proto__" (as JSON.parse makes it) is an ordinary column name', () => {
    const columns = JSON.parse('{"__proto__": "q1"}') as Record<string, string>;
    expect(canonicalHeader(['id', '__proto__'], columns)).toEqual(['id', 'q1']);
    expect(codebookForFile(codebook, columns).items[0].column).toBe('__proto__');
    expect(({} as Record<string, unknown>).q1).toBeUndefined();
  });
});

describe('mergedHeader and rowProjection', () => {
  it('the union of the canonical columns in first-seen order, then the source column', () => {
    expect(mergedHeader([['id', 'q1', 'w'], ['id', 'extra', 'q1', 'q2'], ['q2', 'id']], 'source')).toEqual(['id', 'q1', 'w', 'extra', 'q2', 'source']);
  });

  it('projects a row into the merged header: fields by canonical name, blank where the file lacks one, the source value', () => {
    const merged = ['id', 'q1', 'w', 'extra', 'q2', 'source'];
    const project = rowProjection(['Q2', 'Respondent ID', 'Q1'], { Q2: 'q2', 'Respondent ID': 'id', Q1: 'q1' }, merged, { sourceColumn: 'source', source: 'b' });
    expect(project(['no', 'R7', 'yes'])).toEqual(['R7', 'yes', '', '', 'no', 'b']);
    // A short (ragged) row reads as blanks, never undefined.
    expect(project(['no'])).toEqual(['', '', '', '', 'no', 'b']);
  });

  it('prefixes respondent ids with the source when asked', () => {
    const project = rowProjection(['id', 'q1'], {}, ['id', 'q1', 'source'], { sourceColumn: 'source', source: 'UK', respondentId: 'id', prefixIds: true });
    expect(project([' R1 ', 'yes'])).toEqual(['UK:R1', 'yes', 'UK']);
    expect(prefixedId('wave 2', '17')).toBe('wave 2:17');
  });

  it('leaves out a file column the merged header does not have (a dropped personal column)', () => {
    const project = rowProjection(['id', 'email', 'q1'], {}, ['id', 'q1', 'source'], { sourceColumn: 'source', source: 'a' });
    expect(project(['R1', 'x@example.com', 'no'])).toEqual(['R1', 'no', 'a']);
  });
});

describe('filePlanProblems and planCodebookProblems', () => {
  const plan = (files: { source: string; columns: Record<string, string> }[]) => ({ sourceColumn: 'source', files });

  it('finds nothing wrong with a good plan', () => {
    expect(filePlanProblems(plan([{ source: 'a', columns: {} }, { source: 'b', columns: { ID: 'id' } }]), [['id', 'q1'], ['ID', 'q1']])).toEqual([]);
    expect(planCodebookProblems(plan([{ source: 'a', columns: {} }, { source: 'b', columns: {} }]), codebook)).toEqual([]);
  });

  it('names a column the file lacks, two columns matched to one, a column named like the source column, blank and repeated sources', () => {
    const problems = filePlanProblems(plan([{ source: 'a', columns: { Idd: 'id' } }, { source: 'a', columns: { ID: 'id' } }, { source: ' ', columns: { origin: 'source' } }]), [
      ['id', 'q1'],
      ['ID', 'id', 'q1'],
      ['id', 'origin'],
    ]);
    expect(problems).toEqual([
      { file: 0, column: 'Idd', message: 'file 1 has no column "Idd" to rename' },
      { file: 1, message: 'files 1 and 2 have the same source value "a"; each file needs its own' },
      { file: 1, column: 'id', message: 'file 2: the columns "ID" and "id" are both matched to "id"' },
      { file: 2, message: 'file 3 needs a source value (the value its rows get in the column "source")' },
      { file: 2, column: 'origin', message: 'file 3 has a column "origin" read as "source", the source column the files are told apart by; rename one of them' },
    ]);
  });

  it('asks for a codebook source column that is the plan\'s, categorical, with every file\'s source as a code', () => {
    expect(planCodebookProblems(plan([{ source: 'a', columns: {} }]), withoutSource(codebook))[0].message).toMatch(/need a codebook with a source column/);
    expect(planCodebookProblems({ sourceColumn: 'wave', files: [] }, codebook)[0].message).toMatch(/"wave" is not the codebook's \("source"\)/);
    expect(planCodebookProblems(plan([{ source: 'a', columns: {} }, { source: 'c', columns: {} }]), codebook)).toEqual([
      { file: 1, message: 'file 2\'s source value "c" is not a code of the attribute "source" (a, b)' },
    ]);
  });
});

describe('a source column for a dataset that had none', () => {
  it('adds the attribute "source" (File / Bestand) with the existing rows\' code, then a code per appended file', () => {
    const rest = withoutSource(codebook);
    const without = { ...rest, attributes: rest.attributes.filter((a) => a.id !== 'source') };
    const added = withSourceColumn(without, ['id', 'country', 'q1', 'q2', 'w'], 'wave 1');
    expect(added.sourceColumn).toBe('source');
    expect(sourceAttributeOf(added)).toEqual({ id: 'source', column: 'source', label: { en: 'File', nl: 'Bestand' }, kind: 'categorical', codes: [{ code: 'wave 1', label: same('wave 1') }] });
    const next = withSourceCode(added, 'wave 2');
    expect(sourceAttributeOf(next)!.codes.map((c) => c.code)).toEqual(['wave 1', 'wave 2']);
    expect(withSourceCode(next, 'wave 2')).toBe(next);
    expect(parseCodebook(next).ok).toBe(true);
    expect(sourceAttributeOf(without)).toBeUndefined();
  });

  it('picks another name when the header or the attributes already use "source"', () => {
    const added = withSourceColumn(withoutSource(codebook), ['id', 'source', 'source_2'], 'old');
    expect(added.sourceColumn).toBe('source_3');
    expect(sourceAttributeOf(added)!.id).toBe('source_2');
    expect(parseCodebook(added).ok).toBe(true);
  });
});

describe('the own-survey files: two header styles, one codebook', () => {
  const files = ownSurveyFiles({ counts: { NL: 60, DE: 50, UK: 70 } });
  const full = ownSurveyCodebook({ source: true });
  // File B's dotted names to file A's long headers.
  const columnsB = Object.fromEntries(OWN_SURVEY_HEADERS.b.map((short, i) => [short, OWN_SURVEY_HEADERS.a[i]]).filter(([short, long]) => short !== long));
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('each file validates against the codebook projected onto its own header', () => {
    const a = validateUpload(bytes(files.a.csv), { codebook: codebookForFile(full, {}) });
    const b = validateUpload(bytes(files.b.csv), { codebook: codebookForFile(full, columnsB) });
    expect(a.problems.filter((p) => p.type === 'error')).toEqual([]);
    expect(b.problems.filter((p) => p.type === 'error')).toEqual([]);
    expect([a.rowCount, b.rowCount]).toEqual([110, 70]);
    // Against file A's codebook unprojected, file B's dotted header lacks every column.
    expect(validateUpload(bytes(files.b.csv), { codebook: codebookForFile(full, {}) }).counts.MissingColumn).toBeGreaterThan(20);
  });

  it('the projected rows make one dataset the engine reads with the full codebook: both sources, every respondent', () => {
    const plan = { sourceColumn: 'source', files: [{ source: 'NL_DE', columns: {} }, { source: 'UK', columns: columnsB }] };
    expect(filePlanProblems(plan, [OWN_SURVEY_HEADERS.a, OWN_SURVEY_HEADERS.b])).toEqual([]);
    expect(planCodebookProblems(plan, full)).toEqual([]);
    const merged = mergedHeader([canonicalHeader(OWN_SURVEY_HEADERS.a, {}), canonicalHeader(OWN_SURVEY_HEADERS.b, columnsB)], 'source');
    expect(merged).toEqual([...OWN_SURVEY_HEADERS.a, 'source']);
    const rows = [
      ...files.a.rows.map(rowProjection(OWN_SURVEY_HEADERS.a, {}, merged, { sourceColumn: 'source', source: 'NL_DE' })),
      ...files.b.rows.map(rowProjection(OWN_SURVEY_HEADERS.b, columnsB, merged, { sourceColumn: 'source', source: 'UK' })),
    ];
    const data = buildSurveyData(full, merged, rows);
    expect(data.rowCount).toBe(180);
    const source = data.attributes.get('source')!;
    expect(source.levels.map((l) => l.code)).toEqual(['NL_DE', 'UK']);
    expect([...source.levelOf].filter((l) => l === 0)).toHaveLength(110);
    expect([...source.levelOf].filter((l) => l === 1)).toHaveLength(70);
    const country = data.attributes.get('country')!;
    const uk = country.levels.findIndex((l) => l.code === 'United Kingdom');
    expect([...country.levelOf].filter((l) => l === uk)).toHaveLength(70);
    expect(data.respondentIds.slice(110)).toEqual(files.b.rows.map((r) => r[0]));
  });
});

describe('RespondentIds', () => {
  it('finds an id of one origin that another had, naming both and their rows; repeats within one origin are left to the validator', () => {
    const ids = new RespondentIds(['the stored dataset', 'file "b.csv"', 'file "c.csv"'], [undefined, 'b.csv', 'c.csv'], 'id', 2);
    expect(ids.add('R1', 0, 1)).toBe(true);
    expect(ids.add('R2', 0, 2)).toBe(true);
    expect(ids.add('R2', 0, 3)).toBe(true);
    expect(ids.add(' R1 ', 1, 7)).toBe(false);
    expect(ids.add('R3', 1, 8)).toBe(true);
    expect(ids.add('R3', 2, 1)).toBe(false);
    expect(ids.add('R2', 2, 2)).toBe(false);
    expect(ids.count).toBe(3);
    expect(ids.problems).toMatchObject([
      { type: 'error', code: 'DuplicateId', message: 'respondent id "R1" of file "b.csv" (data row 7) also appears in the stored dataset (data row 1)', row: 7, column: 'id', file: 'b.csv' },
      { type: 'error', code: 'DuplicateId', message: 'respondent id "R3" of file "c.csv" (data row 1) also appears in file "b.csv" (data row 8)', row: 1, column: 'id', file: 'c.csv' },
    ]);
    // Worded from the problem catalog, so the page says it in Dutch too.
    expect(ids.problems[0]).toMatchObject({ key: 'DuplicateId.files', values: { id: '"R1"', row: 7, first: 1 } });
  });

  it('quotes at most 80 characters of an id, control characters named', () => {
    const ids = new RespondentIds(['file "a"', 'file "b"'], ['a', 'b'], 'id');
    const long = `${'x'.repeat(100)}\u0000`;
    ids.add(long, 0, 1_999_999);
    ids.add(long, 1, 2_000_000);
    expect(ids.problems[0].message).toBe(`respondent id "${'x'.repeat(79)}…" of file "b" (data row 2,000,000) also appears in file "a" (data row 1,999,999)`);
    const nul = new RespondentIds(['file "a"', 'file "b"'], ['a', 'b'], 'id');
    nul.add('a\u0000b', 0, 1);
    nul.add('a\u0000b', 1, 1);
    expect(nul.problems[0].message).toContain('"a[NUL]b"');
  });
});
