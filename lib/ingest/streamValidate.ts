import Papa from 'papaparse';
import { isBlankRecord } from '../survey/cells';
import { StringRecord } from '../survey/csvRecord';
import { REPORTED_CONTROL } from '../survey/quoteValue';
import { CodebookChecks } from './codebookChecks';
import { controlCharacterProblems } from './controlCharacters';
import { detectDelimiter } from './delimiter';
import { scanUtf8 } from './encoding';
import { finishReport, placedInvalidUtf8, quoteProblem, raggedRow, tooManyRows, unknownKeepProblems } from './fileProblems';
import { headerProblems } from './header';
import { checkFieldLengths, headerLimitProblems, shapeLimits, type ShapeLimits } from './limits';
import { countLineBreaks } from './lines';
import { PersonalDataDetector } from './personal';
import { personalProblems } from './personalProblems';
import { ingestProblem } from './problemMessages';
import { ProblemCollector } from './problems';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PROBLEMS_PER_CODE,
  DEFAULT_MAX_ROWS,
  type Delimiter,
  type Encoding,
  type ValidateOptions,
  type ValidationReport,
} from './types';

/**
 * The validator of `validate.ts`, fed in chunks: the browser's upload worker reads a file of up
 * to 200 MB slice by slice and reports progress, instead of holding the whole file as bytes and
 * text at once. It runs the same checks in the same order and gives the same report for the same
 * bytes (streamValidate.test.ts compares the two on every fixture, at several chunk sizes).
 *
 * Bytes become text through a streaming TextDecoder, so a character split between two slices is
 * decoded whole (papaparse's own File reader decodes each slice on its own and would not). The
 * text goes to papaparse through its stream interface, which keeps the partial last line of one
 * chunk for the next. Invalid UTF-8 is found by a strict decoder beside the lenient one, and
 * located byte by byte only once the strict one fails, so valid files pay nothing extra.
 */

export interface StreamValidateOptions extends ValidateOptions {
  /** The file's size, when known: an oversized file is refused before any byte is read. */
  totalBytes?: number;
}

/** How much text is collected before the delimiter is guessed (the guess reads the first 64 K characters). */
const DELIMITER_SAMPLE_CHARS = 64 * 1024;

/** A minimal readable stream for papaparse's stream input: data is pushed by calling `emit`. */
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

/** Where an incomplete multi-byte sequence starts at the end of `b` (b.length if none). */
export function incompleteTailStart(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const x = b[b.length - k];
    if ((x & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    if (x < 0xc0) return b.length; // ASCII: nothing pending
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
    return k < need ? b.length - k : b.length;
  }
  return b.length;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class StreamingValidator {
  private readonly maxBytes: number;
  private readonly maxRows: number;
  private readonly limits: ShapeLimits;
  private readonly keep: string[];
  private readonly out: ProblemCollector;

  private bytesRead = 0;
  private head = new Uint8Array(0);
  private headDone = false;
  private encoding: Encoding = 'utf-8';
  private utf16 = false;
  private tooLargeAt = -1;

  private readonly lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  private strict: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Bytes of an incomplete sequence at the end of the previous chunk, for the byte scan. */
  private carry = new Uint8Array(0);
  private invalid: { offset: number; count: number; byte: number } | undefined;
  /**
   * The bad byte is placed by the U+FFFD the lenient decoder puts in for it. Genuine U+FFFD
   * characters (EF BF BD, valid UTF-8) may come before it, so their bytes are counted up to the bad
   * byte: its U+FFFD is the next one after them in the records.
   */
  private locating = false;
  private genuineReplacements = 0;
  private replacementsInRecords = 0;
  private badPlace: { row: number; line: number; column?: string } | undefined;

  private sawText = false;
  private pending = '';
  private parser: ReturnType<typeof pushSource> | undefined;
  private delimiter: Delimiter = ',';
  private delimiterDetected = true;

  private header: string[] = [];
  private rows = 0;
  private seenHeader = false;
  private tooMany = false;
  /** The header passed a shape limit (limits.ts): reading stops there. */
  private badHeader = false;
  private nonBlank = new Uint32Array(0);
  private personal: PersonalDataDetector | undefined;
  private codebookChecks: CodebookChecks | undefined;
  /** Wraps the fields of a record for the checks that read records. */
  private readonly strings = new StringRecord();

  /**
   * Lines (lines.ts): the text given to papaparse from `windowStart` on is kept in `window` until
   * the records in it are read, and its line breaks counted up to each record's start, so that
   * both validators count the same text between the same record starts.
   */
  private window = '';
  private windowStart = 0;
  /** Where the last record papaparse gave ended (its cursor): where the next one starts. */
  private lastEnd = 0;
  /** Line breaks are counted up to here (a record's start), where the line is `line`; the character before it. */
  private countedTo = 0;
  private beforeCounted = NaN;
  private line = 1;
  private recordLine = 1;
  private headerLine = 1;
  /** A control character was in the text so far: records are searched for one from then on. */
  private controls = false;

  constructor(private readonly options: StreamValidateOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
    this.limits = shapeLimits(options);
    this.keep = options.keepPersonalColumns ?? [];
    this.out = new ProblemCollector(Math.max(1, options.maxProblemsPerCode ?? DEFAULT_MAX_PROBLEMS_PER_CODE));
    // Problems are listed while their record is read, or (the header's) after the pass.
    this.out.lineOf = (row) => (row === 0 ? this.headerLine : row === this.rows + 1 || row === this.rows ? this.recordLine : undefined);
    if (options.totalBytes !== undefined && options.totalBytes > this.maxBytes) this.tooLargeAt = options.totalBytes;
  }

  /** Data rows read so far. */
  get rowCount(): number {
    return this.rows;
  }

  get bytes(): number {
    return this.bytesRead;
  }

  /** True once reading further is pointless: the file is too large or has too many rows. */
  get stopped(): boolean {
    return this.tooLargeAt >= 0 || this.tooMany || this.badHeader;
  }

  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) return;
    this.bytesRead += chunk.length;
    if (this.bytesRead > this.maxBytes) {
      this.tooLargeAt = this.options.totalBytes ?? this.bytesRead;
      return;
    }
    if (!this.headDone) {
      // The byte-order marks are recognised on the first bytes, which may arrive in pieces.
      const joined = new Uint8Array(this.head.length + chunk.length);
      joined.set(this.head);
      joined.set(chunk, this.head.length);
      if (joined.length < 3) {
        this.head = joined;
        return;
      }
      this.startBody(joined);
      return;
    }
    this.body(chunk, this.bytesRead - chunk.length);
  }

  private startBody(first: Uint8Array): void {
    this.headDone = true;
    this.head = new Uint8Array(0);
    const bom = first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
    this.encoding = bom ? 'utf-8-bom' : 'utf-8';
    this.utf16 = first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff));
    this.body(bom ? first.subarray(3) : first, bom ? 3 : 0);
  }

  /** Decodes one chunk of the body; `at` is its byte offset in the file. */
  private body(chunk: Uint8Array, at: number): void {
    this.checkUtf8(chunk, at, false);
    this.text(this.lenient.decode(chunk, { stream: true }));
  }

  private checkUtf8(chunk: Uint8Array, at: number, last: boolean): void {
    if (this.strict) {
      try {
        this.strict.decode(chunk, { stream: !last });
        // The pending sequence may have begun chunks ago (E2 | 82 | ","): keep all of it, so that the
        // byte scan sees the whole sequence if the strict decoder then fails on it.
        const joined = this.carry.length > 0 ? concatBytes(this.carry, chunk) : chunk;
        const tail = incompleteTailStart(joined);
        this.genuineReplacements += countEncodedReplacements(joined.subarray(0, tail));
        this.carry = joined.subarray(tail).slice();
        return;
      } catch {
        this.strict = undefined; // from here on, every chunk is scanned byte by byte
      }
    }
    const bytes = new Uint8Array(this.carry.length + chunk.length);
    bytes.set(this.carry);
    bytes.set(chunk, this.carry.length);
    const end = last ? bytes.length : incompleteTailStart(bytes);
    const { first, count } = scanUtf8(bytes.subarray(0, end));
    this.carry = bytes.subarray(end).slice();
    if (count === 0) return;
    if (!this.invalid) {
      this.invalid = { offset: at - (bytes.length - chunk.length) + first, count, byte: bytes[first] };
      this.locating = true;
      this.genuineReplacements += countEncodedReplacements(bytes.subarray(0, first));
    } else this.invalid.count += count;
  }

  private text(t: string): void {
    if (t === '') return;
    if (!this.sawText && /\S/.test(t)) this.sawText = true;
    if (this.parser) return this.feed(t);
    this.pending += t;
    if (this.pending.length >= DELIMITER_SAMPLE_CHARS) this.startParser();
  }

  /** Gives papaparse more text, kept in the window until its records are read. */
  private feed(t: string): void {
    if (!this.controls && REPORTED_CONTROL.test(t)) this.controls = true;
    this.window += t;
    this.parser!.emit('data', t);
    // Text before the last record's start is counted: drop it (once it is worth a copy of the rest).
    const counted = this.countedTo - this.windowStart;
    if (counted > 65536 || counted === this.window.length) {
      this.window = this.window.slice(counted);
      this.windowStart = this.countedTo;
    }
  }

  private startParser(): void {
    const guess = detectDelimiter(this.pending);
    this.delimiter = guess.delimiter;
    this.delimiterDetected = guess.detected;
    this.parser = pushSource();
    // Blank records are skipped here (as validate.ts skips them), not by papaparse: every record's
    // end is then known, and with it where the next one starts, for its line.
    Papa.parse<string[]>(this.parser.source as unknown as File, {
      delimiter: this.delimiter,
      step: (result, parser) => this.record(result, parser),
    });
    // Papa.parse drops one U+FEFF opening the text it is given (so do validateUpload and the
    // ingest's record scanner); fed as a stream, it does not. A second byte-order mark, left after
    // the first was taken off the bytes, would otherwise stay in the first field.
    const text = this.pending.charCodeAt(0) === 0xfeff ? this.pending.slice(1) : this.pending;
    this.pending = '';
    this.feed(text);
  }

  /** The line where the record that ends at `end` starts (the previous record's end). */
  private startLine(end: number): number {
    const start = this.lastEnd;
    if (start > this.countedTo) {
      this.line += countLineBreaks(this.window, this.countedTo - this.windowStart, start - this.windowStart, this.beforeCounted);
      this.beforeCounted = this.window.charCodeAt(start - this.windowStart - 1);
      this.countedTo = start;
    }
    this.lastEnd = end;
    return this.line;
  }

  private record(result: Papa.ParseStepResult<string[]>, parser: Papa.Parser): void {
    if (this.tooMany || this.badHeader) return;
    const fields = result.data;
    const line = this.startLine(result.meta.cursor);
    // A blank record's quote errors are dropped with it, as papaparse's skipEmptyLines drops them.
    if (isBlankRecord(fields)) return;
    const row = this.seenHeader ? this.rows + 1 : 0;
    this.recordLine = line;
    if (row === 0) this.headerLine = line;
    for (const e of result.errors) quoteProblem(this.out, e, row);
    if (row === 0) {
      this.seenHeader = true;
      const header = fields.map((h) => h.trim());
      const limitProblems = headerLimitProblems(header, this.limits);
      // A header over the limits is not kept, so a bad byte in it is placed by row alone.
      this.locate(fields, 0, limitProblems.length === 0 ? header : []);
      if (limitProblems.length > 0) {
        for (const p of limitProblems) this.out.add(p);
        this.badHeader = true;
        parser.abort();
        return;
      }
      if (this.controls) controlCharacterProblems(this.strings.of(fields), 0, header, this.out);
      this.header = header;
      this.nonBlank = new Uint32Array(this.header.length);
      this.personal = new PersonalDataDetector(this.header);
      if (this.options.codebook) this.codebookChecks = new CodebookChecks(this.options.codebook, this.header, this.out);
      return;
    }
    // The first row past the row limit is searched too: the one-shot validator places the byte in the whole text.
    this.locate(fields, row, this.header);
    if (row > this.maxRows) {
      this.tooMany = true;
      this.out.add(tooManyRows(this.maxRows, row));
      parser.abort();
      return;
    }
    this.rows = row;
    const header = this.header;
    if (fields.length !== header.length) this.out.addLazy('RaggedRow', () => raggedRow(fields.length, header.length, row));
    checkFieldLengths(fields, row, header, this.limits.maxFieldChars, this.out);
    if (this.controls) controlCharacterProblems(this.strings.of(fields), row, header, this.out);
    const n = Math.min(fields.length, this.nonBlank.length);
    for (let i = 0; i < n; i++) if (fields[i].trim() !== '') this.nonBlank[i]++;
    this.personal!.add(fields);
    this.codebookChecks?.add(fields);
  }

  /** Finds the bad byte's U+FFFD (see locating); records are searched once a U+FFFD may be in them, and most files have none. */
  private locate(fields: readonly string[], row: number, header: readonly string[]): void {
    if (!this.locating && (this.genuineReplacements === 0 || this.badPlace)) return;
    for (let index = 0; index < fields.length; index++) {
      this.replacementsInRecords += countReplacements(fields[index]);
      if (this.locating && this.replacementsInRecords > this.genuineReplacements) {
        this.locating = false;
        this.badPlace = { row, line: this.recordLine, column: header[index] || undefined };
        return;
      }
    }
  }

  /** Ends the input and returns the report. */
  finish(): ValidationReport {
    if (this.tooLargeAt >= 0) {
      this.out.add(ingestProblem('FileTooLarge', undefined, { limit: { max: this.maxBytes, unit: 'bytes', found: this.tooLargeAt } }));
      return this.partial();
    }
    if (!this.headDone) this.startBody(this.head);
    if (!this.tooMany && !this.badHeader) {
      this.checkUtf8(new Uint8Array(0), this.bytesRead, true);
      this.text(this.lenient.decode());
      if (!this.sawText) {
        this.out.add(ingestProblem(this.bytesRead === 0 ? 'EmptyFile' : 'EmptyFile.blank'));
        return this.partial();
      }
      if (!this.parser) this.startParser();
      this.parser!.emit('end');
    }
    const { out, header, options } = this;

    if (this.invalid) out.add(this.invalidUtf8Problem());
    if (!this.delimiterDetected && header.length <= 1 && !this.badHeader) out.add(ingestProblem('DelimiterNotDetected'));
    for (const p of headerProblems(header, this.nonBlank)) out.add(p);
    if (this.rows === 0 && !this.tooMany && !this.badHeader) out.add(ingestProblem('HeaderOnly', undefined, { row: 0 }));
    this.codebookChecks?.finish();
    for (const p of unknownKeepProblems(header, this.keep)) out.add(p);

    const skip = options.codebook ? CodebookChecks.mappedColumns(options.codebook) : new Set<string>();
    const personalColumns = this.personal ? this.personal.result(this.keep, skip) : [];
    for (const p of personalProblems(personalColumns, options.codebook)) out.add(p);
    return finishReport(out, { encoding: this.encoding, delimiter: this.delimiter, header, rowCount: this.rows, personalColumns });
  }

  private partial(): ValidationReport {
    return finishReport(this.out, { encoding: this.encoding, delimiter: ',', header: [], rowCount: 0, personalColumns: [] });
  }

  private invalidUtf8Problem() {
    const { offset, count, byte } = this.invalid!;
    const place = this.badPlace ?? { row: this.rows, line: this.recordLine };
    return placedInvalidUtf8({ offset, count, utf16: this.utf16 }, byte, { row: place.row, line: place.line, ...(place.column ? { column: place.column } : {}) });
  }
}

/** How many U+FFFD characters a string holds. */
function countReplacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) n++;
  return n;
}

/** How many U+FFFD characters (EF BF BD) valid UTF-8 bytes encode. */
function countEncodedReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(0xef); at >= 0 && at + 2 < bytes.length; at = bytes.indexOf(0xef, at + 1)) if (bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) n++;
  return n;
}

export interface BlobProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ValidateBlobOptions {
  /** Bytes read per slice. Default 1 MB. */
  chunkSize?: number;
  /** Called after every slice (the caller throttles what it passes on). */
  onProgress?: (progress: BlobProgress) => void;
}

/** Validates a File or Blob slice by slice (see StreamingValidator). */
export async function validateBlob(blob: Blob, options: ValidateOptions = {}, run: ValidateBlobOptions = {}): Promise<ValidationReport> {
  const chunkSize = run.chunkSize ?? 1024 * 1024;
  const validator = new StreamingValidator({ ...options, totalBytes: blob.size });
  for (let start = 0; start < blob.size && !validator.stopped; start += chunkSize) {
    const bytes = new Uint8Array(await blob.slice(start, Math.min(blob.size, start + chunkSize)).arrayBuffer());
    validator.push(bytes);
    run.onProgress?.({ rows: validator.rowCount, bytes: validator.bytes, totalBytes: blob.size });
  }
  return validator.finish();
}
