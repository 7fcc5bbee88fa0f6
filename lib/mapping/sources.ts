import type { DraftColumn, MappingDraft } from './draft';
import type { ColumnProfile } from './profile';

/**
 * The value each file gets in the column that tells several files apart, proposed from the file
 * names: what differs between them ("personalisation_survey_NL_DE.csv" and
 * "personalisation_survey_UK.csv" give "NL_DE" and "UK"); the analyst can type others (wave = 2).
 */
export function sourceValues(fileNames: readonly string[]): string[] {
  const stems = fileNames.map((n) => n.replace(/\.[a-z0-9]{1,5}$/i, '').trim());
  if (stems.length < 2) return stems.map((s) => s || 'file 1');
  let prefix = 0;
  while (prefix < Math.min(...stems.map((s) => s.length)) && stems.every((s) => s[prefix] === stems[0][prefix])) prefix++;
  let suffix = 0;
  while (suffix < Math.min(...stems.map((s) => s.length)) - prefix && stems.every((s) => s[s.length - 1 - suffix] === stems[0][stems[0].length - 1 - suffix])) suffix++;
  const cut = stems.map((s) => s.slice(prefix, s.length - suffix).replace(/^[\s._-]+|[\s._-]+$/g, ''));
  // Names that differ only in what was cut, or not at all, are numbered instead.
  const values = cut.map((c, i) => c || `file ${i + 1}`);
  return new Set(values).size === values.length ? values : stems.map((_, i) => `file ${i + 1}`);
}

/** A name for the source column that no column of the file uses: "source", else "source_2", ... */
export function freeColumnName(header: readonly string[], base = 'source'): string {
  const taken = new Set(header);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * The draft and profiles with the column the merge adds: a segment whose codes are the files'
 * values ("File" / "Bestand"), so every page can compare the files.
 */
export function withSourceColumn(draft: MappingDraft, profiles: ColumnProfile[], column: string, sources: readonly string[], rowsPerFile: readonly number[]): { draft: MappingDraft; profiles: ColumnProfile[] } {
  const profile: ColumnProfile = {
    column,
    values: sources.map((value, i) => ({ value, count: rowsPerFile[i] ?? 0 })),
    manyValues: false,
    nonBlank: rowsPerFile.reduce((a, b) => a + b, 0),
    rows: rowsPerFile.reduce((a, b) => a + b, 0),
    numeric: false,
    integers: false,
    min: NaN,
    max: NaN,
    unique: false,
  };
  const source: DraftColumn = {
    column,
    role: 'attribute',
    reason: 'files',
    label: { en: 'File', nl: 'Bestand' },
    text: column,
    missing: [],
    attribute: { kind: 'categorical', codes: sources.map((code) => ({ code, label: { en: code, nl: code } })) },
  };
  return { draft: { ...draft, columns: [...draft.columns, source] }, profiles: [...profiles, profile] };
}
