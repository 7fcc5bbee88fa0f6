/**
 * A label cut to at most `max` characters at a word boundary, ending in an ellipsis when cut. For
 * places where a long label (a question text an export used as its header) cannot wrap: a select's
 * option, a sentence; the full text goes beside it (a title to hover, the data table).
 */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away most of the room.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.·–-]+$/, '')}…`;
}

/** Whether shorten() would change the text (the full text then needs a place to be read). */
export const isLong = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().length > max;
