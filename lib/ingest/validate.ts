import Papa from 'papaparse';
import { CodebookChecks } from './codebookChecks';
import { decodeUpload, type InvalidUtf8 } from './encoding';
import { detectDelimiter } from './delimiter';
import { headerProblems } from './header';
import { PersonalDataDetector } from './personal';
import { ProblemCollector } from './problems';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PROBLEMS_PER_CODE,
  DEFAULT_MAX_ROWS,
  type Delimiter,
  type Problem,
  type ValidateOptions,
  type ValidationReport,
} from './types';

/**
 * Validates an uploaded CSV file, byte for byte, and returns a report instead of throwing: the
 * browser runs it to show the analyst what is wrong, and the server runs it again on what it
 * receives before storing anything. It reads the bytes once, row by row, and never holds the rows.
 *
 * Order of work: size limit, encoding, empty file, delimiter, then one streaming pass over the
 * records (ragged rows, quoting, row limit, codebook checks, personal-data sampling), then the
 * checks that need the whole file (header only, blank header cells, personal columns).
 */
export function validateUpload(bytes: Uint8Array, options: ValidateOptions = {}): ValidationReport {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const keep = options.keepPersonalColumns ?? [];
  const out = new ProblemCollector(Math.max(1, options.maxProblemsPerCode ?? DEFAULT_MAX_PROBLEMS_PER_CODE));
  const bomAt0 = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const partial = (delimiter: Delimiter = ',', header: string[] = [], rowCount = 0): ValidationReport =>
    finishReport(out, { encoding: bomAt0 ? 'utf-8-bom' : 'utf-8', delimiter, header, rowCount, personalColumns: [] });

  if (bytes.length > maxBytes) {
    out.add({ type: 'error', code: 'FileTooLarge', message: `the file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}` });
    return partial();
  }

  const { text, encoding, invalid } = decodeUpload(bytes);
  if (text.trim() === '') {
    out.add({ type: 'error', code: 'EmptyFile', message: bytes.length === 0 ? 'the file is empty' : 'the file has no text, only blank space' });
    return partial();
  }

  const guess = detectDelimiter(text);
  const delimiter = guess.delimiter;

  let header: string[] = [];
  let rowCount = 0;
  let nonBlank = new Uint32Array(0);
  let personal: PersonalDataDetector | undefined;
  let codebookChecks: CodebookChecks | undefined;
  let tooMany = false;
  let seenHeader = false;

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      const fields = result.data;
      const row = seenHeader ? rowCount + 1 : 0;
      for (const e of result.errors) quoteProblem(out, e, row);
      if (row === 0) {
        seenHeader = true;
        header = fields.map((h) => h.trim());
        nonBlank = new Uint32Array(header.length);
        personal = new PersonalDataDetector(header);
        if (options.codebook) codebookChecks = new CodebookChecks(options.codebook, header, out);
        return;
      }
      if (row > maxRows) {
        tooMany = true;
        out.add({ type: 'error', code: 'TooManyRows', message: `the file has more than ${maxRows.toLocaleString('en')} rows, the limit; reading stopped at row ${row}`, row });
        parser.abort();
        return;
      }
      rowCount = row;
      if (fields.length !== header.length)
        out.add({ type: 'error', code: 'RaggedRow', message: `has ${fields.length} field${fields.length === 1 ? '' : 's'}; the header has ${header.length}`, row });
      const n = Math.min(fields.length, nonBlank.length);
      for (let i = 0; i < n; i++) if (fields[i].trim() !== '') nonBlank[i]++;
      personal!.add(fields);
      codebookChecks?.add(fields);
    },
  });

  if (invalid) out.add(invalidUtf8Problem(bytes, invalid, encoding === 'utf-8-bom' ? 3 : 0, delimiter, header));
  if (!guess.detected && header.length <= 1)
    out.add({ type: 'warning', code: 'DelimiterNotDetected', message: 'found a single column: no comma, semicolon or tab separates the fields; read as comma-separated' });
  for (const p of headerProblems(header, nonBlank)) out.add(p);
  if (rowCount === 0 && !tooMany) out.add({ type: 'error', code: 'HeaderOnly', message: 'the file has a header but no data rows', row: 0 });
  codebookChecks?.finish();

  const present = new Set(header);
  for (const column of keep)
    if (!present.has(column)) out.add({ type: 'warning', code: 'UnknownKeepColumn', message: `asked to keep column "${column}", which is not in the file`, column });

  const skip = options.codebook ? CodebookChecks.mappedColumns(options.codebook) : new Set<string>();
  const personalColumns = personal ? personal.result(keep, skip) : [];
  for (const p of personalColumns) {
    const what = `looks like ${KIND_WORDS[p.kind]} (${p.evidence})`;
    if (options.codebook && p.column === options.codebook.respondentId && !p.keep)
      out.add({ type: 'error', code: 'PersonalRespondentId', message: `the respondent id ${what}; replace the ids with pseudonymous ones (the column cannot be dropped)`, column: p.column });
    else if (p.keep) out.add({ type: 'warning', code: 'PersonalDataKept', message: `${what}; kept because you chose to keep it`, column: p.column });
    else out.add({ type: 'warning', code: 'PersonalDataColumn', message: `${what}; it will be dropped before storing unless you choose to keep it`, column: p.column });
  }

  return finishReport(out, { encoding, delimiter, header, rowCount, personalColumns });
}

const KIND_WORDS = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  name: 'names of people',
  'street-address': 'street addresses',
  postcode: 'postcodes',
  'ip-address': 'IP addresses',
} as const;

/** papaparse's quote errors: an unclosed quote swallows the rest of the file, a stray one splits fields wrongly. */
function quoteProblem(out: ProblemCollector, e: Papa.ParseError, row: number): void {
  if (e.code === 'MissingQuotes') out.add({ type: 'error', code: 'UnclosedQuote', message: 'a quoted field is never closed; everything after it was read as one field', row });
  else if (e.code === 'InvalidQuotes') out.add({ type: 'error', code: 'MalformedQuote', message: 'a quoted field has text after its closing quote', row });
}

/**
 * The first bad byte named by byte offset, row and column. The row is found by parsing the valid
 * text before the byte plus one marker character: the marker's record and field are where the
 * bad byte is, quoted newlines included.
 */
function invalidUtf8Problem(bytes: Uint8Array, invalid: InvalidUtf8, bomLength: number, delimiter: Delimiter, header: string[]): Problem {
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bomLength, invalid.offset));
  const records = Papa.parse<string[]>(`${before}\u0001`, { delimiter, skipEmptyLines: 'greedy' }).data;
  const row = Math.max(0, records.length - 1);
  const fieldIndex = Math.max(0, (records[records.length - 1]?.length ?? 1) - 1);
  const column = header[fieldIndex] || undefined;
  const hex = bytes[invalid.offset].toString(16).toUpperCase().padStart(2, '0');
  const more = invalid.count > 1 ? ` (${invalid.count} invalid sequences in all)` : '';
  const hint = invalid.utf16 ? 'the file is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8"' : 'the file is probably saved as Latin-1 or Windows-1252; save it as "CSV UTF-8"';
  return { type: 'error', code: 'InvalidUtf8', message: `byte ${invalid.offset} (0x${hex}) is not valid UTF-8${more}: ${hint}`, row, ...(column ? { column } : {}) };
}

function finishReport(out: ProblemCollector, rest: Omit<ValidationReport, 'ok' | 'problems' | 'counts'>): ValidationReport {
  // File-level problems first, then by row; the sort is stable, so the order found is kept within a row.
  const problems = out.problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.row ?? -1) - (b.p.row ?? -1) || a.i - b.i).map(({ p }) => p);
  return { ok: !problems.some((p) => p.type === 'error'), problems, counts: { ...out.counts }, ...rest };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}
