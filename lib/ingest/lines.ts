/**
 * The lines of an upload's text, as an editor numbers them, so that a problem names both its data
 * row and the line where that row's record starts ("data row 2, line 3"). The two differ after a
 * quoted field with line breaks (a multi-line answer, often a bare line feed inside an Excel
 * export's CRLF lines), a header over several lines, and blank lines, which are not data rows.
 *
 * A line ends at "\r\n", "\n" or a lone "\r", whatever line break the records are split at. Both
 * validators count the same text between the same record starts, so they agree on every line.
 */

/** Line breaks in text[from, to). A "\r" just before `to` looks at text[to] to tell a "\r\n". */
export function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * The line of positions of one text, asked in order (each offset at or after the one before):
 * counts only what lies between, so a file's lines are counted at most once, and only as far as a
 * problem needs them.
 */
export class TextLines {
  private at = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The 1-based line that the character at `offset` starts. */
  lineAt(offset: number): number {
    if (offset > this.at) {
      this.line += countLineBreaks(this.text, this.at, offset);
      this.at = offset;
    }
    return this.line;
  }
}
