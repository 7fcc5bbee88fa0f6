import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { OWN_SURVEY_HEADERS, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { buildCodebook } from '../mapping/build';
import type { MappingDraft } from '../mapping/draft';
import { profileColumns } from '../mapping/profile';
import { proposeDraft } from '../mapping/propose';
import { loadSurveyFromCsv } from '../survey/dataset';
import { crossTable } from './crossTable';
import { choiceSpec, resolveTablesChoice } from './state';
import { tabBook } from './tabBook';

/**
 * /tables on an upload that matches no template, with the codebook the mapping screen builds from
 * it once its five confirmations are given (as e2e/own-survey.spec.ts uploads it): the default
 * table, the tab book and every item's answers with NETs are made, and every label a reader sees
 * is a label, never a column name or a bare code.
 */

const files = ownSurveyFiles({ counts: { NL: 300, DE: 250, UK: 200 } });
const [header, ...rows] = Papa.parse<string[]>(files.a.csv, { skipEmptyLines: 'greedy' }).data;
const confirmAll = (draft: MappingDraft): MappingDraft => ({
  ...draft,
  scales: draft.scales.map((s) => ({ ...s, confirmed: true })),
  columns: draft.columns.map((c) => (c.attribute?.kind === 'scale' ? { ...c, attribute: { ...c.attribute, confirmed: true } } : c)),
});
const built = buildCodebook(confirmAll(proposeDraft(profileColumns(header, rows))), { name: 'Own survey' });
if (!built.ok) throw new Error(JSON.stringify(built.problems));
const data = loadSurveyFromCsv({ ...built.codebook, id: 'own' }, files.a.csv);
const columnNames = new Set([...OWN_SURVEY_HEADERS.a, ...OWN_SURVEY_HEADERS.b]);

describe('/tables on an upload mapped on the mapping screen', () => {
  it('opens on a table of its first question group by a banner of its own segments, labelled', () => {
    const choice = resolveTablesChoice({}, 'own', data);
    const table = crossTable(data, choiceSpec(choice));
    expect(table.rowsLabel.en).toBe('Acceptability');
    // Up to four segments, 16 columns at most: country, gender, the age groups the analyst confirmed, education.
    expect(table.groups.map((g) => g.attributes.map((a) => a.label.en).join('>'))).toEqual(['Country', 'Gender', 'Age', 'Education']);
    expect(table.columns).toHaveLength(16);
    expect(table.columns.slice(0, 3).map((c) => c.label.en)).toEqual(['Total', 'Germany', 'Netherlands']);
    for (const label of [...table.rows.map((r) => r.label.en), ...table.columns.map((c) => c.label.en)]) expect(columnNames.has(label)).toBe(false);
    expect(table.columns[0].base.n).toBe(550);
    expect(table.rows.every((r) => r.cells.every((c) => c.share !== null))).toBe(true);
    expect(table.pairs.filter((p) => p.tested).length).toBeGreaterThan(0);
  });

  it('makes the tab book of every question group, and every item’s answers with NETs on the side its positive answers are', () => {
    const book = tabBook(data, { banner: [['country'], ['gender']] });
    expect(book.map((t) => t.rowsLabel.en)).toEqual(['Acceptability', 'Scenario', 'Trust', 'Channels']);
    for (const item of data.codebook.items) {
      const table = crossTable(data, { rows: { kind: 'answers', item: item.id }, banner: [['country']] });
      const scale = data.items.get(item.id)!;
      // Each answer row has its label from the scale (TRUE/FALSE read as Selected / Not selected), never a column name.
      expect(table.rows.filter((r) => r.kind === 'answer').map((r) => r.label.en)).toEqual(scale.codes.map((c) => c.label.en));
      for (const row of table.rows) expect(columnNames.has(row.label.en) || /^(TRUE|FALSE)$/.test(row.label.en)).toBe(false);
    }
    const channels = data.codebook.items.find((it) => it.family === 'channels')!;
    expect(crossTable(data, { rows: { kind: 'answers', item: channels.id }, banner: [] }).rows.map((r) => r.label.en)).toEqual(['Selected', 'Not selected']);
    // The 1 = very likely scale: its top is its start.
    const trust = data.codebook.items.find((it) => it.family === 'trust')!;
    const nets = crossTable(data, { rows: { kind: 'answers', item: trust.id }, banner: [] }).rows.filter((r) => r.kind === 'net');
    expect(nets.map((r) => [r.id.split(':')[1], r.codes, r.label.en])).toEqual([
      ['top2', ['1', '2'], 'Top 2 box (1 = very likely + 2)'],
      ['bottom2', ['4', '5'], 'Bottom 2 box (4 + 5 = very unlikely)'],
    ]);
  });

  it('nests its numeric age groups within country', () => {
    const table = crossTable(data, { rows: { kind: 'family', family: 'acceptability' }, banner: [['country', 'age']] });
    expect(table.columns.slice(1, 3).map((c) => `${c.outer!.label.en} ${c.label.en}`)).toEqual(['Germany 18-29', 'Germany 30-44']);
    expect(table.pairs.every((p) => p.within !== null)).toBe(true);
  });
});
