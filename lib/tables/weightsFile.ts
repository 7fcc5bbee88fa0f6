import { parseCsv, type SurveyData } from '../survey/dataset';
import { quoted } from '../survey/quoteValue';
import { TableError } from './model';
import type { TableWeighting } from './weighting';

/**
 * A weights file for the CLI (`--weights WEIGHTS.csv`): the respondent id column (named as in the
 * codebook) and one weight column (or the one named), one row per respondent. Every respondent of
 * the data needs exactly one finite weight >= 0; an id the data does not have is an error, so a file
 * meant for another dataset is never half applied. The weight is named after its column.
 */
export function weightsFromCsv(data: SurveyData, text: string, column?: string): TableWeighting {
  const { header, rows } = parseCsv(text);
  const idColumn = data.codebook.respondentId;
  const fail = (message: string) => new TableError(`weights file: ${message}`, { en: `The weights file cannot be used: ${message}.`, nl: `Het gewichtenbestand is niet bruikbaar: ${message}.` }, 'BadWeights');
  const idIndex = header.indexOf(idColumn);
  if (idIndex < 0) throw fail(`it has no respondent id column ${quoted(idColumn)}`);
  const others = header.map((h, i) => ({ h, i })).filter(({ i }) => i !== idIndex);
  const chosen = column === undefined ? (others.length === 1 ? others[0] : undefined) : others.find((o) => o.h === column);
  if (!chosen) throw fail(column === undefined ? `name its weight column (it has ${others.length} besides ${quoted(idColumn)})` : `it has no column ${quoted(column)}`);
  const rowOf = new Map(data.respondentIds.map((id, r) => [id, r]));
  const values = new Float64Array(data.rowCount).fill(NaN);
  rows.forEach((fields, k) => {
    const id = (fields[idIndex] ?? '').trim();
    const r = rowOf.get(id);
    if (r === undefined) throw fail(`row ${k + 1}: respondent ${quoted(id)} is not in the data`);
    if (!Number.isNaN(values[r])) throw fail(`respondent ${quoted(id)} has two weights`);
    const raw = (fields[chosen.i] ?? '').trim();
    const w = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(w) || w < 0) throw fail(`row ${k + 1}: the weight ${quoted(raw)} is not a number >= 0`);
    values[r] = w;
  });
  const missing = values.findIndex((w) => Number.isNaN(w));
  if (missing >= 0) throw fail(`respondent ${quoted(data.respondentIds[missing])} has no weight`);
  return { kind: 'custom', values, label: { en: chosen.h, nl: chosen.h } };
}
