import { toCsv, type CsvValue } from '../csv/writer';
import type { Label, Locale } from '../survey/codebook';
import { shownValue } from '../survey/quoteValue';
import { delimiterName } from './delimiter';
import { personalEvidence, personalKindWords, problemMessage } from './problemMessages';
import { personalValues } from './personal';
import type { ValidationReport } from './types';

/**
 * The downloadable report, in the reader's language: a few "info" lines (result, encoding,
 * delimiter, rows, counts per code, personal columns), then every listed problem with its data row,
 * file line and column, then a line per code saying how many more there were than listed. The
 * page shows the first 100 problems; this has every problem the validator kept (at most 100 per
 * code, problems.ts), and the counts of all.
 *
 * It reuses the product's CSV writer (lib/csv/writer.ts): byte-order mark for Excel, RFC 4180
 * quoting, and formula neutralising, which matters here because messages quote the uploaded
 * file's own cells and headers ("=HYPERLINK(...)" must not run when the report is opened).
 */
const WORDS = {
  type: { en: 'type', nl: 'type' },
  code: { en: 'code', nl: 'code' },
  row: { en: 'data row', nl: 'datarij' },
  line: { en: 'line', nl: 'regel' },
  column: { en: 'column', nl: 'kolom' },
  message: { en: 'message', nl: 'melding' },
  info: { en: 'info', nl: 'info' },
  error: { en: 'error', nl: 'fout' },
  warning: { en: 'warning', nl: 'waarschuwing' },
  Result: { en: 'Result', nl: 'Resultaat' },
  ok: { en: 'no errors: the file can be stored', nl: 'geen fouten: het bestand kan worden bewaard' },
  notOk: { en: 'errors: the file cannot be stored until they are fixed', nl: 'fouten: het bestand kan pas worden bewaard als ze zijn hersteld' },
  Encoding: { en: 'Encoding', nl: 'Codering' },
  bom: { en: 'UTF-8 with byte-order mark', nl: 'UTF-8 met byte-order mark' },
  Delimiter: { en: 'Delimiter', nl: 'Scheidingsteken' },
  Rows: { en: 'Rows', nl: 'Rijen' },
  Count: { en: 'Count', nl: 'Aantal' },
  PersonalColumn: { en: 'PersonalColumn', nl: 'PersonalColumn' },
  kept: { en: 'kept', nl: 'behouden' },
  dropped: { en: 'dropped before storing', nl: 'verwijderd vóór het bewaren' },
  more: { en: '{n} more {code} problems not listed', nl: 'nog {n} problemen met code {code}, niet afzonderlijk vermeld' },
  moreOne: { en: '1 more {code} problem not listed', nl: 'nog 1 probleem met code {code}, niet afzonderlijk vermeld' },
} satisfies Record<string, Label>;

export function reportHeader(locale: Locale): string[] {
  return [WORDS.type[locale], WORDS.code[locale], WORDS.row[locale], WORDS.line[locale], WORDS.column[locale], WORDS.message[locale]];
}

export function reportToCsv(report: ValidationReport, locale: Locale = 'en'): string {
  const w = (key: keyof typeof WORDS) => WORDS[key][locale];
  const info = (label: keyof typeof WORDS, text: string, column: string | null = null): CsvValue[] => [w('info'), w(label), null, null, column, text];
  const rows: CsvValue[][] = [
    info('Result', report.ok ? w('ok') : w('notOk')),
    info('Encoding', report.encoding === 'utf-8-bom' ? w('bom') : 'UTF-8'),
    info('Delimiter', delimiterName(report.delimiter, locale)),
    info('Rows', String(report.rowCount)),
  ];
  for (const [code, n] of Object.entries(report.counts)) rows.push(info('Count', `${code}: ${n}`));
  for (const p of report.personalColumns)
    rows.push(info('PersonalColumn', `${personalKindWords(p.kind, locale)}; ${p.keep ? w('kept') : w('dropped')}; ${personalEvidence(personalValues(p.column, p.basis), locale)}`, shownValue(p.column)));
  for (const p of report.problems) rows.push([w(p.type), p.code, p.row ?? null, p.line ?? null, p.column === undefined ? null : shownValue(p.column), problemMessage(p, locale)]);
  const listed = new Map<string, number>();
  for (const p of report.problems) listed.set(p.code, (listed.get(p.code) ?? 0) + 1);
  for (const [code, n] of Object.entries(report.counts)) {
    const more = n - (listed.get(code) ?? 0);
    if (more > 0) rows.push([w('info'), code, null, null, null, (more === 1 ? w('moreOne') : w('more')).replace('{n}', String(more)).replace('{code}', code)]);
  }
  return toCsv(reportHeader(locale), rows, { digits: 0 });
}
