import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptance } from '../analysis/acceptance';
import { checkSource } from '../formats/checkSource';
import { readSource } from '../formats/source';
import { buildCodebook } from './build';
import { pendingConfirmations, type MappingDraft } from './draft';
import { applyMetadata } from './fromMetadata';
import { profileColumns } from './profile';
import { proposeDraft } from './propose';

/**
 * A labelled SPSS file (written by PSPP: lib/formats/fixtures/make-fixtures.ts) needs only
 * confirmations: its scales come from the shared value-label sets with the accepting end read
 * from the labels, its missing codes, weight, families and question texts from the dictionary.
 */
const bytes = new Uint8Array(readFileSync(path.join(__dirname, '../formats/fixtures/survey-latin1.sav')));

const confirmAll = (draft: MappingDraft): MappingDraft => ({
  ...draft,
  scales: draft.scales.map((s) => ({ ...s, confirmed: true })),
  columns: draft.columns.map((c) => (c.attribute?.kind === 'scale' ? { ...c, attribute: { ...c.attribute, confirmed: true } } : c)),
});

async function proposal() {
  const source = await readSource(bytes, 'sav');
  const rows = [...source.rows()];
  const profiles = profileColumns(source.header, rows);
  const seen = Object.fromEntries(profiles.map((p) => [p.column, p.values.map((v) => v.value)]));
  return { source, draft: applyMetadata(proposeDraft(profiles), source.metadata!, seen) };
}

describe('the proposal for a labelled .sav', () => {
  it('proposes roles, the declared weight, labelled scales with their accepting end, missing codes and families', async () => {
    const { draft } = await proposal();
    const col = (name: string) => draft.columns.find((c) => c.column === name)!;
    expect(col('resp_id').role).toBe('respondentId');
    expect(col('gewicht')).toMatchObject({ role: 'weight', reason: 'fileWeight' });
    expect(col('land')).toMatchObject({ role: 'attribute' });
    expect(col('land').attribute).toEqual({ kind: 'categorical', codes: [
      { code: '1', label: { en: 'Nederland', nl: 'Nederland' } },
      { code: '2', label: { en: 'België', nl: 'België' } },
      { code: '3', label: { en: 'Duitsland', nl: 'Duitsland' } },
    ] });
    for (const q of ['q5_1', 'q5_2', 'q5_3', 'q5_4']) expect(col(q)).toMatchObject({ role: 'item', missing: ['9'] });
    const acceptScale = draft.scales.find((s) => s.id === col('q5_1').scale)!;
    expect(acceptScale.codes.map((c) => [c.code, c.label.en])).toEqual([
      ['1', 'Zeer acceptabel'], ['2', 'Acceptabel'], ['3', 'Neutraal'], ['4', 'Niet acceptabel'], ['5', 'Helemaal niet acceptabel'],
    ]);
    expect([acceptScale.positive, acceptScale.direction]).toEqual([['1', '2'], 'labels']);
    // One scale for the four questions that share the value labels; one family, named by what the questions share.
    expect(new Set(['q5_1', 'q5_2', 'q5_3', 'q5_4'].map((q) => col(q).scale)).size).toBe(1);
    expect(col('q5_2').text).toBe('Hoe acceptabel vindt u het dat een merk uw locatie gebruikt?');
    expect(col('q5_2').label.en).toBe('locatie');
    expect(draft.families.find((f) => f.id === col('q5_1').family)!.label.en).toBe('Hoe acceptabel vindt u het dat een merk uw … gebruikt?');
    // The multiple-response set is a family of chosen / not chosen items.
    for (const q of ['q7_1', 'q7_2', 'q7_3']) expect(col(q)).toMatchObject({ role: 'item' });
    expect(draft.families.find((f) => f.id === col('q7_1').family)!.label.en).toBe('Welke kanalen gebruikt u?');
    expect(draft.scales.find((s) => s.id === col('q7_1').scale)).toMatchObject({ kind: 'binary', positive: ['1'] });
    expect(col('q7_2').label.en).toBe('sms');
    // The trust rating with its missing range (97 thru 99): 98 is missing; its labelled ends label its codes.
    expect(col('q6').missing).toContain('98');
    expect(draft.scales.find((s) => s.id === col('q6').scale)!.codes.map((c) => c.label.en)).toEqual(['1 = Helemaal geen vertrouwen', '2', '3', '4', '5', '6', '7 = Volledig vertrouwen']);
  });

  it('needs only confirmations, then builds a codebook the file passes, with labels for every code', async () => {
    const { source, draft } = await proposal();
    const pending = pendingConfirmations(draft);
    expect(pending.scales.map((s) => s.label.en).sort()).toEqual(['1-7', 'Gekozen / Niet gekozen', 'Zeer acceptabel … Helemaal niet acceptabel']);
    expect(pending.bands.map((c) => c.column)).toEqual(['leeftijd']);
    // The analyst says which end of the 1-7 trust rating accepts (its labels' words are not answer words).
    const trust = draft.scales.find((s) => s.label.en === '1-7')!;
    trust.positive = ['6', '7'];
    const built = buildCodebook(confirmAll(draft), { name: 'Labelled survey' });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const cb = built.codebook;
    expect(cb.weight).toBe('gewicht');
    const { report, data } = checkSource(source, { codebook: cb }, { build: true });
    expect(report.problems.filter((p) => p.type === 'error')).toEqual([]);
    expect(data!.rowCount).toBe(60);
    const land = cb.attributes.find((a) => a.column === 'land')!;
    const table = acceptance(data!, { by: [land.id], items: [cb.items.find((i) => i.column === 'q5_1')!.id] });
    expect(table.cells.length).toBe(3);
    expect('codes' in land && land.codes.map((c) => c.label.en)).toEqual(['Nederland', 'België', 'Duitsland']);
  });
});
