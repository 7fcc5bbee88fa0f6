import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readSav } from './sav';

/**
 * The reader against files PSPP wrote (fixtures/make-fixtures.ts): every value equals the one
 * PSPP's own SAVE TRANSLATE wrote as CSV, and the dictionary reads as the syntax declared it, in a
 * UTF-8 file and in a Windows-1252 one alike.
 */
const dir = path.join(__dirname, 'fixtures');
const twin = Papa.parse<string[]>(readFileSync(path.join(dir, 'survey-utf8.pspp.csv'), 'utf8').trim(), { delimiter: ',' }).data;

describe('readSav on PSPP files', () => {
  for (const name of ['survey-utf8', 'survey-latin1'])
    it(`${name}: values as PSPP writes them, labels in the file's encoding`, () => {
      const sav = readSav(new Uint8Array(readFileSync(path.join(dir, `${name}.sav`))));
      expect(sav.header).toEqual(twin[0]);
      const rows = [...sav.rows()];
      expect(rows.length).toBe(twin.length - 1);
      // PSPP writes the weight with its print format (F8.4): compare it as a number.
      const w = sav.header.indexOf('gewicht');
      rows.forEach((row, i) => {
        const expected = twin[i + 1];
        expect(row.filter((_, k) => k !== w)).toEqual(expected.filter((_, k) => k !== w));
        expect(Number(row[w])).toBeCloseTo(Number(expected[w]), 10);
      });
      // A long answer (over 255 bytes: stored in segments) reads whole.
      expect(rows[0][sav.header.indexOf('opmerking')]).toMatch(/^Lange opmerking 0: (privacy is belangrijk; ){14}einde$/);

      const m = sav.metadata;
      expect(m.encoding).toBe(name === 'survey-utf8' ? 'utf-8' : 'windows-1252');
      expect(m.weight).toBe('gewicht');
      const v = (n: string) => m.variables.find((x) => x.name === n)!;
      expect(v('land').valueLabels).toEqual([
        { code: '1', label: 'Nederland' },
        { code: '2', label: 'België' },
        { code: '3', label: 'Duitsland' },
      ]);
      expect(v('q5_2').label).toBe('Hoe acceptabel vindt u het dat een merk uw locatie gebruikt?');
      expect(v('q5_2').valueLabels?.map((l) => l.label)).toEqual(['Zeer acceptabel', 'Acceptabel', 'Neutraal', 'Niet acceptabel', 'Helemaal niet acceptabel', 'Weet niet']);
      expect(v('q5_2').missing).toEqual(['9']);
      expect(v('q6').missingRange).toEqual([97, 99]);
      expect(v('resp_id').numeric).toBe(false);
      expect(m.multipleResponseSets).toEqual([{ name: 'q7', label: 'Welke kanalen gebruikt u?', dichotomy: true, countedValue: '1', variables: ['q7_1', 'q7_2', 'q7_3'] }]);
    });

  it('reads the two encodings to the same text, from different bytes', () => {
    const utf8 = readFileSync(path.join(dir, 'survey-utf8.sav'));
    const latin1 = readFileSync(path.join(dir, 'survey-latin1.sav'));
    expect(utf8.includes(Buffer.from('België', 'utf8'))).toBe(true);
    expect(latin1.includes(Buffer.from('België', 'latin1'))).toBe(true);
    expect(readSav(new Uint8Array(latin1)).metadata.variables).toEqual(readSav(new Uint8Array(utf8)).metadata.variables);
  });
});
