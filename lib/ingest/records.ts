import Papa from 'papaparse';
import { SpanRecord, StringRecord, type CsvRecord } from '../survey/csvRecord';
import { REPORTED_CONTROL } from '../survey/quoteValue';
import type { Delimiter } from './types';

/**
 * Reads the records of an upload's text, one at a time, for the single validating pass.
 *
 * A text without a double quote anywhere (most survey exports) is read by `scanUnquoted`, a tight
 * scanner that hands out each record as spans of the text: the checks then turn one-character
 * answers into codes without making a string per field, which is most of what papaparse spends.
 * Without quotes, papaparse itself splits the text at every line break and each line at every
 * delimiter (its "fast mode"); the scanner does exactly that, at the same line break, so the
 * records, and where each ends, are papaparse's. Any text with a quote goes to papaparse, which
 * knows quoted delimiters, quoted line breaks and quote errors.
 */

/**
 * Called per record (blank ones included) with where the record ends in `text` (past its line
 * break, as papaparse's cursor), papaparse's errors for it, and whether it may hold a control
 * character (controlCharacters.ts; false means it surely holds none); returning false stops the
 * reading. The record is reused for the next one: read it during the call.
 */
export type RecordSink = (record: CsvRecord, end: number, errors: readonly Papa.ParseError[], controls: boolean) => boolean | void;

const NO_ERRORS: readonly Papa.ParseError[] = [];
/** papaparse guesses the line break from the first 1 MB of the text (after a leading U+FEFF). */
const LINEBREAK_SAMPLE_CHARS = 1024 * 1024 + 1;

/** Reads every record of `text`, split at `linebreak` (see `guessLinebreak`). */
export function readRecords(text: string, delimiter: Delimiter, linebreak: string, onRecord: RecordSink): void {
  if (text.indexOf('"') === -1) {
    scanUnquoted(text, delimiter, linebreak, (record, end, controls) => onRecord(record, end, NO_ERRORS, controls));
    return;
  }
  // papaparse drops one leading U+FEFF from the text it is given, so its offsets start after it.
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const record = new StringRecord();
  // Where the next control character is: a record ending past it may hold it.
  const search = new RegExp(REPORTED_CONTROL.source, 'g');
  const nextControl = (from: number) => {
    search.lastIndex = from;
    return search.exec(text)?.index ?? Infinity;
  };
  let control = nextControl(0);
  Papa.parse<string[]>(text, {
    delimiter,
    newline: linebreak as Papa.ParseConfig['newline'],
    step: (result, parser) => {
      const end = result.meta.cursor + offset;
      const controls = control < end;
      if (controls) control = nextControl(end);
      if (onRecord(record.of(result.data), end, result.errors, controls) === false) parser.abort();
    },
  });
}

/**
 * The line break papaparse splits this text at when not told: its own guess (from the first 1 MB
 * after a leading U+FEFF, quoted parts left out), asked on that part of the text only.
 */
export function guessLinebreak(text: string, delimiter: Delimiter): string {
  return Papa.parse<string[]>(text.slice(0, LINEBREAK_SAMPLE_CHARS), { delimiter, preview: 1 }).meta.linebreak;
}

/**
 * Splits a text without quotes into records at `linebreak` and into fields at `delimiter`, as
 * papaparse does (`text.split(linebreak)`, then `line.split(delimiter)`, after dropping a leading
 * U+FEFF), and hands each record to `onRecord` as spans with where it ends, and whether it holds a
 * control character (quoteValue.ts `isReportedControl`). A text ending in a line break has a last,
 * empty record, as with papaparse; an empty text has none. Returning false stops the scan.
 */
export function scanUnquoted(text: string, delimiter: Delimiter, linebreak: string, onRecord: (record: SpanRecord, end: number, controls: boolean) => boolean | void): void {
  const record = new SpanRecord();
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const lf = linebreak === '\n';
  const cr = linebreak === '\r';
  const crlf = linebreak === '\r\n';
  // No character above both the delimiter and the C0 controls ends a field or is a control
  // character, except DEL and the C1 controls (U+007F..U+009F): two comparisons pass most characters.
  const top = Math.max(d, 31);
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // papaparse reads nothing from an empty text.
  if (start === n) return;
  for (;;) {
    record.reset(text);
    let fieldStart = start;
    let i = start;
    /** Where the next record starts; -1 when this one runs to the end of the text. */
    let next = -1;
    let controls = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > top) {
        if (c >= 0x7f && c <= 0x9f) controls = true;
        continue;
      }
      if (c === d) {
        record.push(fieldStart, i);
        fieldStart = i + 1;
      } else if (c === 10) {
        if (lf) {
          next = i + 1;
          break;
        }
      } else if (c === 13) {
        if (cr) {
          next = i + 1;
          break;
        }
        if (crlf && text.charCodeAt(i + 1) === 10) {
          next = i + 2;
          break;
        }
      } else if (c < 32 && c !== 9) controls = true;
    }
    record.push(fieldStart, i);
    if (onRecord(record, next < 0 ? n : next, controls) === false || next < 0) return;
    start = next;
  }
}
