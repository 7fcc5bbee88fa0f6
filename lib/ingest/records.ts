import Papa from 'papaparse';
import { SpanRecord, StringRecord, type CsvRecord } from '../survey/csvRecord';
import { REPORTED_CONTROL } from '../survey/quoteValue';
import { countLineBreaks } from './lines';
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
  const reader = new RecordReader(delimiter, linebreak, onRecord, { keepText: true });
  reader.push(text);
  reader.end();
}

/** A minimal readable stream for papaparse's stream input: text is pushed by calling `emit`. */
function pushSource() {
  const listeners = new Map<string, (arg?: unknown) => void>();
  const source = {
    readable: true,
    read: () => null,
    on: (event: string, fn: (arg?: unknown) => void) => listeners.set(event, fn),
    removeListener: (event: string) => listeners.delete(event),
    pause: () => {},
    resume: () => {},
  };
  return { source, emit: (event: 'data' | 'end', arg?: string) => listeners.get(event)?.(arg) };
}

/**
 * The records of a text that arrives in pieces (the browser reads a file slice by slice; the
 * server gives its whole text at once), each handed to the sink with where it ends in the whole
 * text. Records are read by `scanUnquotedFrom` while the text has had no double quote, and by
 * papaparse (fed as a stream) from the record where the first quote appears: both read a
 * quote-free record alike, so the records are those papaparse gives for the whole text, however it
 * is cut.
 *
 * The text is kept from the start of the earliest record still needed (`retain`), for the records'
 * spans and their lines (lines.ts); with `keepText`, all of it (the server stores the rows again
 * from it, see `recordsOf`).
 */
export class RecordReader {
  /** The text from `windowStart` on. */
  private window = '';
  private windowStart = 0;
  /** Where the next record starts (while scanning without papaparse). */
  private from = 0;
  private started = false;
  private papa: ReturnType<typeof pushSource> | undefined;
  private papaBase = 0;
  /** The last record papaparse gave had an unclosed quote (it ran to the end of the text). */
  private papaUnclosed = false;
  /** A control character was in the text fed to papaparse so far: its records are searched for one from then on. */
  private controls = false;
  stopped = false;
  /** Lines (lines.ts): counted up to `countedTo`, where the line is `line`. */
  private countedTo = 0;
  private beforeCounted = NaN;
  private line = 1;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly linebreak: string,
    private readonly onRecord: RecordSink,
    private readonly options: { keepText?: boolean; retain?: () => number } = {},
  ) {}

  /** The whole text, when kept (`keepText`). */
  get text(): string {
    return this.window;
  }

  /** More text. */
  push(text: string): void {
    if (this.stopped || text === '') return;
    if (!this.started) {
      this.started = true;
      // papaparse drops one U+FEFF opening the text it is given.
      if (text.charCodeAt(0) === 0xfeff) this.from = 1;
    }
    this.window += text;
    if (this.papa) this.feedPapa(text);
    else this.scan(false);
    this.trim();
  }

  /** The end of the text: the last record is read (an empty text has none, as with papaparse). */
  end(): void {
    if (this.stopped || !this.started) return;
    if (!this.papa) {
      const firstStart = this.windowStart === 0 && this.window.charCodeAt(0) === 0xfeff ? 1 : 0;
      if (this.windowStart + this.window.length > firstStart) this.scan(true);
    }
    if (!this.papa || this.stopped) return;
    this.papa.emit('end');
    // Fed as a stream, papaparse gives no last, empty record after a final line break; given the whole text, it does.
    const total = this.windowStart + this.window.length;
    if (!this.stopped && !this.papaUnclosed && this.window.endsWith(this.linebreak)) this.onRecord(new StringRecord().of(['']), total, NO_ERRORS, false);
  }

  /** The 1-based line that the character at `offset` starts (offsets asked in order, at or after the retained start). */
  lineAt(offset: number): number {
    if (offset > this.countedTo) {
      this.line += countLineBreaks(this.window, this.countedTo - this.windowStart, offset - this.windowStart, this.beforeCounted);
      this.beforeCounted = this.window.charCodeAt(offset - this.windowStart - 1);
      this.countedTo = offset;
    }
    return this.line;
  }

  private scan(final: boolean): void {
    const base = this.windowStart;
    const start = this.from - base;
    if (this.window.indexOf('"', start) >= 0) {
      this.startPapa();
      return;
    }
    const next = scanUnquotedFrom(this.window, start, final, this.delimiter, this.linebreak, (record, end, controls) => this.onRecord(record, base + end, NO_ERRORS, controls));
    if (next < 0) this.stopped = true;
    else this.from = base + next;
  }

  private startPapa(): void {
    const papa = pushSource();
    this.papa = papa;
    this.papaBase = this.from;
    const record = new StringRecord();
    Papa.parse<string[]>(papa.source as unknown as File, {
      delimiter: this.delimiter,
      newline: this.linebreak as Papa.ParseConfig['newline'],
      step: (result, parser) => {
        if (this.stopped) return;
        this.papaUnclosed = result.errors.some((e) => e.code === 'MissingQuotes');
        if (this.onRecord(record.of(result.data), this.papaBase + result.meta.cursor, result.errors, this.controls) === false) {
          this.stopped = true;
          parser.abort();
        }
      },
    });
    this.feedPapa(this.window.slice(this.from - this.windowStart));
  }

  private feedPapa(text: string): void {
    if (!this.controls && REPORTED_CONTROL.test(text)) this.controls = true;
    this.papa!.emit('data', text);
  }

  /** Drops the text before the earliest record still needed, once that is worth a copy of the rest. */
  private trim(): void {
    if (this.options.keepText) return;
    const keepFrom = Math.min(this.papa ? Infinity : this.from, this.options.retain?.() ?? Infinity);
    if (!Number.isFinite(keepFrom)) return;
    const drop = keepFrom - this.windowStart;
    if (drop <= 65536 && drop < this.window.length) return;
    this.lineAt(keepFrom);
    this.window = this.window.slice(drop);
    this.windowStart = keepFrom;
  }
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
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // papaparse reads nothing from an empty text.
  if (start === text.length) return;
  scanUnquotedFrom(text, start, true, delimiter, linebreak, onRecord);
}

/**
 * The records of `text` from `start` (where a record starts), as `scanUnquoted` reads them. With
 * `final` false the text is a prefix of what is to come: the record that the text ends inside (or
 * that a "\r" at its very end may end, when lines end at "\r\n") is left for the next call, and
 * its start is returned. Returns -1 when `onRecord` stopped the scan, else the text's length.
 */
export function scanUnquotedFrom(text: string, start: number, final: boolean, delimiter: Delimiter, linebreak: string, onRecord: (record: SpanRecord, end: number, controls: boolean) => boolean | void): number {
  const record = new SpanRecord();
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const lf = linebreak === '\n';
  const cr = linebreak === '\r';
  const crlf = linebreak === '\r\n';
  // No character above both the delimiter and the C0 controls ends a field or is a control
  // character, except DEL and the C1 controls (U+007F..U+009F): two comparisons pass most characters.
  const top = Math.max(d, 31);
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
        if (crlf && i + 1 === n && !final) break;
        if (crlf && text.charCodeAt(i + 1) === 10) {
          next = i + 2;
          break;
        }
      } else if (c < 32 && c !== 9) controls = true;
    }
    if (next < 0 && !final) return start;
    record.push(fieldStart, i);
    if (onRecord(record, next < 0 ? n : next, controls) === false) return -1;
    if (next < 0) return n;
    start = next;
  }
}
