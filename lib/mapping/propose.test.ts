import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { ownSurveyCodebook, ownSurveyFiles } from '../ingest/testing/ownSurvey';
import { loadSurveyFromCsv } from '../survey/dataset';
import { buildCodebook } from './build';
import { pendingConfirmations, type MappingDraft } from './draft';
import { setFamily, setPositiveEnd, setRole } from './edit';
import { draftFromCodebook } from './fromCodebook';
import { profileColumns } from './profile';
import { factsOf, proposeDraft } from './propose';

const parse = (csv: string) => {
  const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: 'greedy' }).data;
  return { header, rows };
};
const files = ownSurveyFiles({ counts: { NL: 300, DE: 250, UK: 200 } });
const A = parse(files.a.csv);

/** Everything the analyst is asked to confirm, confirmed as proposed. */
const confirmAll = (draft: MappingDraft): MappingDraft => ({
  ...draft,
  scales: draft.scales.map((s) => ({ ...s, confirmed: true })),
  columns: draft.columns.map((c) => (c.attribute?.kind === 'scale' ? { ...c, attribute: { ...c.attribute, confirmed: true } } : c)),
});

describe('the proposal for an export that matches no template', () => {
  const draft = proposeDraft(profileColumns(A.header, A.rows));
  const expected = ownSurveyCodebook();

  it('gives every column the role a good mapping gives it', () => {
    const role = new Map(draft.columns.map((c) => [c.column, c.role]));
    expect(role.get('ResponseId')).toBe('respondentId');
    expect(role.get('weight')).toBe('weight');
    for (const a of expected.attributes) expect([a.column, role.get(a.column)]).toEqual([a.column, 'attribute']);
    for (const it of expected.items) expect([it.column, role.get(it.column)]).toEqual([it.column, 'item']);
    // The all-NA comments column is set aside, not made a segment with code "NA".
    expect(draft.columns.find((c) => c.column.includes('[comments]'))).toMatchObject({ role: 'ignore', reason: 'allMissing' });
  });

  it('asks only for confirmations: three scale directions and two sets of bands', () => {
    const pending = pendingConfirmations(draft);
    expect(pending.scales.map((s) => s.label.en)).toEqual(['Very acceptable … Not acceptable at all', '1 = very likely … 5 = very unlikely', 'Selected / Not selected']);
    expect(pending.bands.map((c) => c.label.en)).toEqual(['Age', 'Brand bond']);
    expect(buildCodebook(draft, { name: 'x' })).toMatchObject({ ok: false });
  });

  it('builds, once confirmed, the codebook of the expected mapping: same families, positive answers, missing markers and bands', () => {
    const built = buildCodebook(confirmAll(draft), { name: 'Own survey' });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const cb = built.codebook;
    const positiveOf = (c: typeof cb, column: string) => {
      const item = c.items.find((it) => it.column === column)!;
      return [...(item.positive ?? c.scales.find((s) => s.id === item.scale)!.positive)].sort();
    };
    for (const it of expected.items) {
      const mine = cb.items.find((x) => x.column === it.column)!;
      // The same families, and never one of the reference studies' family ids by accident.
      expect(mine.family).toBe(it.family === 'scenario' ? 'scenario_questions' : it.family);
      expect(positiveOf(cb, it.column)).toEqual(positiveOf(expected, it.column));
      expect(mine.missing ?? []).toEqual(it.missing ?? []);
      expect(mine.label.en).toBe(it.label.en);
    }
    const age = cb.attributes.find((a) => a.label.en === 'Age')!;
    expect(age).toMatchObject({ kind: 'scale', missing: ['NA'] });
    expect(age.kind === 'scale' && age.bands.map((b) => b.label.en)).toEqual(['18-29', '30-44', '45-59', '60+']);
    expect(cb.families.map((f) => f.label.en)).toEqual(['Acceptability', 'Scenario', 'Trust', 'Channels']);
    // The same answers, read with either codebook, give the same acceptance.
    const mine = loadSurveyFromCsv(cb, files.a.csv);
    const theirs = loadSurveyFromCsv(expected, files.a.csv);
    for (const family of ['acceptability', 'trust', 'channels']) {
      const a = acceptance(mine, { family, by: ['item'] }).cells.map((c) => c.share);
      const b = acceptance(theirs, { family, by: ['item'] }).cells.map((c) => c.share);
      expect(a).toEqual(b);
    }
  });

  it('labels in Dutch where the words are common ones', () => {
    const country = draft.columns.find((c) => c.label.en === 'Country')!;
    expect(country.label.nl).toBe('Land');
    expect(country.attribute?.kind === 'categorical' && country.attribute.codes.map((c) => c.label.nl)).toEqual(['Duitsland', 'Nederland']);
    expect(draft.scales[0].codes.map((c) => c.label.nl)[0]).toBe('Zeer acceptabel');
  });
});

describe('a renamed copy of the study G template', () => {
  const text = readFileSync(path.join(__dirname, '../../data/study-g.csv'), 'utf8').split('\n').slice(0, 600).join('\n');
  const { header, rows } = parse(text);
  const renamed = header.map((h) => (h === 'respondent_id' ? 'RespID' : h.replace(/^dt_/, 'data_').replace(/^sc_/, 'scen_')));
  const draft = proposeDraft(profileColumns(renamed, rows));

  it('never proposes a positive code for its bare 1-3 items: the direction is asked, not guessed', () => {
    const dataTypes = draft.columns.filter((c) => c.column.startsWith('data_'));
    expect(dataTypes.length).toBe(17);
    expect(new Set(dataTypes.map((c) => c.role))).toEqual(new Set(['item']));
    const scale = draft.scales.find((s) => s.id === dataTypes[0].scale)!;
    expect(scale).toMatchObject({ direction: 'unknown', positive: [] });
    const built = buildCodebook(confirmAll(draft), { name: 'renamed' });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.map((p) => p.code)).toContain('NoPositive');
    // The analyst says 1 is best (1 = OK in study G): only code 1 counts.
    expect(setPositiveEnd(scale, 'low').positive).toEqual(['1']);
  });

  it('takes bond and trust for segments in bands, country and gender for demographics', () => {
    const role = (c: string) => draft.columns.find((x) => x.column === c)!;
    expect(role('bond')).toMatchObject({ role: 'attribute', attribute: { kind: 'scale' } });
    expect(role('trust')).toMatchObject({ role: 'attribute', attribute: { kind: 'scale' } });
    expect(role('country')).toMatchObject({ role: 'attribute', attribute: { kind: 'categorical' } });
    expect(role('RespID').role).toBe('respondentId');
  });
});

describe('editing a mapping', () => {
  const draft = proposeDraft(profileColumns(A.header, A.rows));
  const facts = factsOf(profileColumns(A.header, A.rows));
  const at = (key: string) => draft.columns.findIndex((c) => c.column.includes(key));

  it('sets several columns at once: channels made segments, then questions again in their family and scale', () => {
    const channels = draft.columns.map((c, i) => (c.column.includes('[channels.') ? i : -1)).filter((i) => i >= 0);
    const asAttributes = setRole(draft, facts, channels, 'attribute');
    expect(channels.map((i) => asAttributes.columns[i].role)).toEqual(channels.map(() => 'attribute'));
    const back = setRole(asAttributes, facts, channels, 'item');
    expect(channels.map((i) => back.columns[i].scale)).toEqual(channels.map((i) => draft.columns[i].scale));
    expect(channels.map((i) => back.columns[i].family)).toEqual(channels.map(() => 'channels'));
  });

  it('keeps one respondent id and one weight', () => {
    const next = setRole(draft, facts, [at('[education]')], 'respondentId');
    expect(next.columns.filter((c) => c.role === 'respondentId').map((c) => c.label.en)).toEqual(['Education']);
  });

  it('moves items to a new family and drops the family left empty', () => {
    const trust = draft.columns.map((c, i) => (c.family === 'trust' ? i : -1)).filter((i) => i >= 0);
    const next = setFamily(draft, trust, { label: 'Trust in organisations' });
    expect(next.families.map((f) => f.id)).toEqual(['acceptability', 'scenario_questions', 'channels', 'trust_in_organisations']);
  });

  it('reads a stored codebook back as a draft that builds to the same codebook', () => {
    const built = buildCodebook(confirmAll(draft), { name: 'Own survey' });
    if (!built.ok) throw new Error('did not build');
    const { draft: again, options } = draftFromCodebook(built.codebook, A.header);
    const rebuilt = buildCodebook(again, options);
    expect(rebuilt).toEqual({ ok: true, codebook: built.codebook });
  });
});
