/**
 * Row labels of the charts wrapped to a few lines, free of React. recharts draws the charts; its
 * own <Text> wraps by measuring every word in the DOM, which costs a layout per label on every
 * redraw, so the row labels are wrapped here by character count (13 px type: about 7 px a character).
 */

/**
 * Greedy word wrap to lines of at most `maxChars` characters and at most `maxLines` lines; text that
 * does not fit ends in an ellipsis. A word longer than a line is cut.
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  const ellipsis = () => {
    const last = lines[maxLines - 1];
    lines[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
    return lines;
  };
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (lines.length === maxLines) return ellipsis();
    line = word.length > maxChars ? word.slice(0, maxChars) : word;
  }
  if (line) {
    if (lines.length === maxLines) return ellipsis();
    lines.push(line);
  }
  return lines;
}
