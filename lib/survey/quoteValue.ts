/**
 * A value of an uploaded file (a cell, a column name, a code of a codebook) as a message shows it:
 * at most 80 characters, cut with an ellipsis, and with every control character named instead of
 * copied. Messages are read in a table, a CSV report and a terminal: a cell of 50 MB must not make
 * a report of 50 MB (the JSON answer of an upload once ran out of string length), a NUL byte or an
 * escape sequence must not reach a terminal or a spreadsheet, and a right-to-left override must not
 * turn the message around. Every message that quotes an uploaded value goes through this module.
 */

/** The most characters a quoted value shows, the ellipsis included (the quotes not). */
export const MAX_QUOTED_CHARS = 80;

const ELLIPSIS = '…';

/** Abbreviations of the C0 control characters (U+0000..U+001F), as in the Unicode name aliases. */
const C0_ABBREVIATIONS = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
/** Their Unicode names (the name aliases: control characters have no name of their own). */
const C0_NAMES = [
  'NULL', 'START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY', 'ACKNOWLEDGE', 'BELL',
  'BACKSPACE', 'CHARACTER TABULATION', 'LINE FEED', 'LINE TABULATION', 'FORM FEED', 'CARRIAGE RETURN', 'SHIFT OUT', 'SHIFT IN',
  'DATA LINK ESCAPE', 'DEVICE CONTROL ONE', 'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE', 'DEVICE CONTROL FOUR', 'NEGATIVE ACKNOWLEDGE', 'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK',
  'CANCEL', 'END OF MEDIUM', 'SUBSTITUTE', 'ESCAPE', 'INFORMATION SEPARATOR FOUR', 'INFORMATION SEPARATOR THREE', 'INFORMATION SEPARATOR TWO', 'INFORMATION SEPARATOR ONE',
];
/** The C1 control characters (U+0080..U+009F): left by text converted from Windows-1252 the wrong way. */
const C1_ABBREVIATIONS = ['PAD', 'HOP', 'BPH', 'NBH', 'IND', 'NEL', 'SSA', 'ESA', 'HTS', 'HTJ', 'VTS', 'PLD', 'PLU', 'RI', 'SS2', 'SS3', 'DCS', 'PU1', 'PU2', 'STS', 'CCH', 'MW', 'SPA', 'EPA', 'SOS', 'SGC', 'SCI', 'CSI', 'ST', 'OSC', 'PM', 'APC'];
const C1_NAMES = [
  'PADDING CHARACTER', 'HIGH OCTET PRESET', 'BREAK PERMITTED HERE', 'NO BREAK HERE', 'INDEX', 'NEXT LINE', 'START OF SELECTED AREA', 'END OF SELECTED AREA',
  'CHARACTER TABULATION SET', 'CHARACTER TABULATION WITH JUSTIFICATION', 'LINE TABULATION SET', 'PARTIAL LINE FORWARD', 'PARTIAL LINE BACKWARD', 'REVERSE LINE FEED', 'SINGLE SHIFT TWO', 'SINGLE SHIFT THREE',
  'DEVICE CONTROL STRING', 'PRIVATE USE ONE', 'PRIVATE USE TWO', 'SET TRANSMIT STATE', 'CANCEL CHARACTER', 'MESSAGE WAITING', 'START OF GUARDED AREA', 'END OF GUARDED AREA',
  'START OF STRING', 'SINGLE GRAPHIC CHARACTER INTRODUCER', 'SINGLE CHARACTER INTRODUCER', 'CONTROL SEQUENCE INTRODUCER', 'STRING TERMINATOR', 'OPERATING SYSTEM COMMAND', 'PRIVACY MESSAGE', 'APPLICATION PROGRAM COMMAND',
];

/** A control character: C0 (tab and line breaks included), DEL or C1. */
export function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/**
 * Characters that are not control characters but change how the text around them reads or hide
 * themselves: bidirectional embeddings, overrides and isolates (which can reverse a message),
 * zero-width characters, the line and paragraph separators, and a byte-order mark inside text.
 */
function isInvisibleFormat(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff;
}

/** "U+001B": a code point as Unicode writes it. */
export function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The short name of a character that a message names rather than shows: "NUL", "ESC", "DEL", "U+202E". */
export function characterAbbreviation(c: number): string {
  if (c < 0x20) return C0_ABBREVIATIONS[c];
  if (c === 0x7f) return 'DEL';
  if (c >= 0x80 && c <= 0x9f) return C1_ABBREVIATIONS[c - 0x80];
  return codePoint(c);
}

/** A control character by its code point and Unicode name: "U+001B ESCAPE". */
export function controlName(c: number): string {
  const name = c < 0x20 ? C0_NAMES[c] : c === 0x7f ? 'DELETE' : c >= 0x80 && c <= 0x9f ? C1_NAMES[c - 0x80] : undefined;
  return name ? `${codePoint(c)} ${name}` : codePoint(c);
}

/** True when the character is shown by name in a quoted value. */
function named(c: number): boolean {
  return isControl(c) || isInvisibleFormat(c);
}

/**
 * The value as a message shows it, without quotes: control and invisible formatting characters
 * as "[NUL]", "[ESC]", "[U+202E]", cut to `max` characters with an ellipsis. Reads at most about
 * `max` characters of the value, however long it is.
 */
export function shownValue(value: string, max = MAX_QUOTED_CHARS): string {
  let out = '';
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    let piece: string;
    let width = 1;
    if (named(c)) piece = `[${characterAbbreviation(c)}]`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair is one character: never cut between its halves.
      piece = value.slice(i, i + 2);
      width = 2;
    } else piece = value[i];
    // Room for the ellipsis stays, unless this piece ends the value.
    const last = i + width >= n;
    if (out.length + piece.length > (last ? max : max - ELLIPSIS.length)) return out + ELLIPSIS;
    out += piece;
    i += width - 1;
  }
  return out;
}

/** The value in double quotes, as `shownValue` shows it: "NL[NUL]". */
export function quoted(value: string, max = MAX_QUOTED_CHARS): string {
  return `"${shownValue(value, max)}"`;
}

/**
 * Values one after another ("1, 2, 3"), each shown as `shownValue` shows it, cut as a whole to
 * `max` characters: a scale of 300 codes is named by its first ones.
 */
export function shownList(values: readonly string[], max = MAX_QUOTED_CHARS, separator = ', '): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const piece = shownValue(values[i], max);
    const candidate = i === 0 ? piece : `${out}${separator}${piece}`;
    // While more values follow, room is kept for the separator and an ellipsis after this one.
    const more = i + 1 < values.length ? separator.length + ELLIPSIS.length : 0;
    if (candidate.length + more > max) return i === 0 ? shownValue(values[0], max - more) + (more ? separator + ELLIPSIS : '') : `${out}${separator}${ELLIPSIS}`;
    out = candidate;
  }
  return out;
}

/** The first control character of the value that a problem names (tab and line breaks are text), or -1. */
export function firstReportedControl(value: string): number {
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isReportedControl(c)) return c;
  }
  return -1;
}

/**
 * The control characters that an upload's check reports: all of C0, DEL and C1 except tab, line
 * feed and carriage return, which are ordinary text in a quoted field (a multi-line answer).
 */
export function isReportedControl(c: number): boolean {
  return isControl(c) && c !== 0x09 && c !== 0x0a && c !== 0x0d;
}

/** A pattern finding the characters `isReportedControl` accepts, for searching long texts. */
export const REPORTED_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
