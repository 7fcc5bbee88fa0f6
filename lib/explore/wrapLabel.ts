/**
 * Row labels of the charts wrapped to a few lines, free of React. recharts draws the charts; its
 * own <Text> wraps by measuring every word in the DOM, which costs a layout per label on every
 * redraw, so the row labels are wrapped here by character count (13 px type: about 7 px a character).
 */

/**
 * Greedy word wrap to lines of at most `maxChars` characters and at most `maxLines` lines; text that
 * does not fit ends in an ellipsis. A word longer than a line (a Dutch compound such as
 * "Verzekeringsgegevens") goes on over the next lines with a hyphen at each break, as CSS
 * `hyphens` would: never a letter silently dropped, never a break without a mark.
 */
/**
 * Where to break a word too long for a line, at most `room` letters in: after a Dutch compound's
 * joint ("verzekerings|gegevens", "veiligheids|", "universiteits|", "gezelschaps|") when there is
 * one in the second half of the room, else where the room ends.
 */
function breakAt(word: string, room: number): number {
  for (let i = room; i >= Math.ceil(room / 2); i--) if (/(ings|heids|teits|schaps)$/i.test(word.slice(0, i))) return i;
  return room;
}

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
    let rest = word;
    while (rest.length > maxChars && maxChars > 1) {
      const cut = breakAt(rest, maxChars - 1);
      lines.push(`${rest.slice(0, cut)}-`);
      rest = rest.slice(cut);
      if (lines.length === maxLines) return ellipsis();
    }
    line = rest;
  }
  if (line) {
    if (lines.length === maxLines) return ellipsis();
    lines.push(line);
  }
  return lines;
}
