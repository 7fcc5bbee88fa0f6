/**
 * How one data row is stored in PostgreSQL: one `text` value per respondent, its fields joined by
 * U+001F (unit separator). PostgreSQL text cannot hold U+0000 and UTF-8 cannot hold an unpaired
 * surrogate, so a field is escaped first: "\" -> "\\", and every control character (U+0000-U+001F)
 * and unpaired surrogate -> "\u" + 4 hex digits. After escaping, a stored line holds no control
 * character except the separators, so:
 * - in COPY's text format (tab-separated columns, one line per row) only "\" needs doubling;
 * - a raw U+001F in a stored line is always a field separator.
 */

const FIELD = '\x1f';

const NEEDS_ESCAPE = /[\\\x00-\x1f\ud800-\udfff]/;
const ESCAPE = /[\\\x00-\x1f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNESCAPE = /\\(?:(\\)|u([0-9a-f]{4}))/g;

function escapeField(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(ESCAPE, (c) => (c === '\\' ? '\\\\' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function unescapeField(s: string): string {
  return s.replace(UNESCAPE, (_m, backslash, hex) => (backslash ? '\\' : String.fromCharCode(parseInt(hex, 16))));
}

/** One row as the stored line. */
export function encodeLine(row: readonly string[]): string {
  let line = escapeField(row[0]);
  for (let i = 1; i < row.length; i++) line += FIELD + escapeField(row[i]);
  return line;
}

/** The row back from a stored line. */
export function decodeLine(line: string): string[] {
  const fields = line.split(FIELD);
  if (line.includes('\\')) for (let i = 0; i < fields.length; i++) if (fields[i].includes('\\')) fields[i] = unescapeField(fields[i]);
  return fields;
}

/** A value for a column of COPY's text format (the line holds no tab, newline or other control). */
export const copyTextValue = (line: string): string => (line.includes('\\') ? line.replace(/\\/g, '\\\\') : line);

const COPY_ESCAPES: Record<string, string> = { '\\': '\\', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A column value from COPY ... TO STDOUT in text format (undoes COPY's backslash sequences). */
export function fromCopyText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\(.)/g, (_m, c: string) => {
    const out = COPY_ESCAPES[c];
    if (out === undefined) throw new Error(`unexpected COPY escape "\\${c}"`);
    return out;
  });
}
