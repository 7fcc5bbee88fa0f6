/**
 * The lines of an upload's text, as an editor numbers them, so that a problem names both its data
 * row and the line where that row's record starts ("data row 2, line 3"). The two differ after a
 * quoted field with line breaks (a multi-line answer, often a bare line feed inside an Excel
 * export's CRLF lines), a header over several lines, and blank lines, which are not data rows.
 *
 * A line ends at "\r\n", "\n" or a lone "\r", whatever line break the records are split at. Both
 * validators count the same text between the same record starts, so they agree on every line.
 */

/**
 * Line breaks in text[from, to): each "\r", and each "\n" not right after a "\r" (`before` is the
 * character before `from`). Counted at the "\r" of a "\r\n", so that a record starting between
 * the two (a file split at "\r" with a stray "\r\n") is on the line after it, and so that the
 * count up to a position needs no character past it (the streaming validator may not have it yet).
 */
export function countLineBreaks(text: string, from: number, to: number, before: number): number {
  let n = 0;
  let previous = before;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || (c === 10 && previous !== 13)) n++;
    previous = c;
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
      this.line += countLineBreaks(this.text, this.at, offset, this.text.charCodeAt(this.at - 1));
      this.at = offset;
    }
    return this.line;
  }
}
