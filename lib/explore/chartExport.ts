/**
 * A chart as a stand-alone image: the chart's own SVG with its title above and a methods footnote
 * drawn below it (dataset, weighting, base, test, correction, confidence level, synthetic or not),
 * so a chart pasted into a deck still says where its numbers come from. Builds SVG text only; the
 * browser turns it into a PNG (chartImage.ts in the explorer's components).
 */

export interface ChartImageInput {
  /** The chart's <svg> element as markup (XMLSerializer output). */
  chartSvg: string;
  width: number;
  height: number;
  title: string;
  /** Footnote lines, drawn in order below the chart; long lines are wrapped. */
  footnote: string[];
  /** Markup of <defs> the chart refers to (patterns), copied into the image. */
  defs?: string;
  /** The chart's key (what each colour, the hatching and the dashed line mean), drawn under the title. */
  legend?: readonly LegendItem[];
}

/** One entry of a chart's key: a coloured bar, the hatching of small cells, or a dashed reference line. */
export interface LegendItem {
  label: string;
  colour?: string;
  kind?: 'bar' | 'hatch' | 'line';
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const PAD = 16;
const TITLE_SIZE = 16;
const NOTE_SIZE = 11;
const NOTE_LINE = 15;
/** Average advance of an 11 px sans-serif character, a little generous so lines never overflow. */
const NOTE_CHAR_WIDTH = 6.1;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Greedy word wrap to at most `maxChars` characters per line (a longer word gets a line of its own). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart's markup without its outer <svg> tag, so it can be placed inside another SVG. */
function innerOf(svg: string): { attributes: string; inner: string } {
  const open = svg.match(/^<svg\b([^>]*)>/);
  if (!open || !svg.endsWith('</svg>')) throw new Error('chart image: the chart markup is not one <svg> element');
  return { attributes: open[1], inner: svg.slice(open[0].length, -'</svg>'.length) };
}

/**
 * The chart's markup comes from the page's own <svg> through XMLSerializer, so every label in it
 * is already escaped text. Still, the image may be opened in a browser straight from the download:
 * markup that could run (a script, an event handler, foreign HTML, a javascript: link) is refused
 * rather than carried into it. Escaped text ("&lt;img onerror=…&gt;") has no "<" and passes.
 */
const ACTIVE_ELEMENT = /<\s*(script|foreignObject|iframe|object|embed)\b/i;
const TAG = /<[a-zA-Z][^\s/>]*((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

export function assertInertMarkup(markup: string): void {
  let active = ACTIVE_ELEMENT.test(markup);
  // Attribute by attribute, so that a label inside a value ("&lt;img onerror=…&gt;") is only text.
  for (const tag of markup.matchAll(TAG))
    for (const [, name, value = ''] of tag[1].matchAll(ATTRIBUTE))
      if (/^on/i.test(name) || /^["']?\s*javascript:/i.test(value)) active = true;
  if (active) throw new Error('chart image: the chart markup contains active content (script, event handler or foreign HTML)');
}

const LEGEND_SIZE = 11;
const LEGEND_LINE = 18;
/** The hatching of cells under the minimum base, as the page defines it (HatchDefs). */
const HATCH_FILL = 'url(#explore-hatch)';

/**
 * The key as SVG, flowed left to right and wrapped to the width: a swatch (bar, hatching or dashed
 * line) and its label per entry. Returns the markup and its height.
 */
export function legendSvg(items: readonly LegendItem[], left: number, top: number, width: number): { markup: string; height: number } {
  if (!items.length) return { markup: '', height: 0 };
  const parts: string[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const advance = 12 + 5 + Math.ceil(item.label.length * NOTE_CHAR_WIDTH) + 16;
    if (x > left && x + advance > left + width) {
      x = left;
      row += 1;
    }
    const y = top + row * LEGEND_LINE;
    const colour = escapeXml(item.colour ?? '#1c2430');
    if (item.kind === 'line') parts.push(`<line x1="${x}" x2="${x + 12}" y1="${y + 6}" y2="${y + 6}" stroke="${colour}" stroke-width="2" stroke-dasharray="4 3"/>`);
    else if (item.kind === 'hatch') parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${HATCH_FILL}" stroke="#9aa3ad"/>`);
    else parts.push(`<rect x="${x}" y="${y}" width="12" height="12" rx="2" fill="${colour}"/>`);
    parts.push(`<text x="${x + 17}" y="${y + 10}" font-size="${LEGEND_SIZE}" fill="#1b2430">${escapeXml(item.label)}</text>`);
    x += advance;
  }
  return { markup: `<g class="chart-legend">${parts.join('')}</g>`, height: (row + 1) * LEGEND_LINE };
}

/** A size in pixels for an attribute: a finite, non-negative whole number. */
const pixels = (n: number) => (Number.isFinite(n) && n > 0 ? Math.round(n) : 0);

export function composeChartSvg(input: ChartImageInput): string {
  assertInertMarkup(input.chartSvg);
  if (input.defs) assertInertMarkup(input.defs);
  input = { ...input, width: pixels(input.width), height: pixels(input.height) };
  const width = Math.max(320, Math.round(input.width) + 2 * PAD);
  const maxChars = Math.floor((width - 2 * PAD) / NOTE_CHAR_WIDTH);
  const noteLines = input.footnote.flatMap((line) => wrapText(line, maxChars));
  const legend = legendSvg(input.legend ?? [], PAD, PAD + TITLE_SIZE + 10, width - 2 * PAD);
  const chartTop = PAD + TITLE_SIZE + 12 + (legend.height ? legend.height + 4 : 0);
  const notesTop = chartTop + Math.round(input.height) + 14;
  const height = notesTop + noteLines.length * NOTE_LINE + PAD;
  const { inner } = innerOf(input.chartSvg);
  const notes = noteLines.map((line, i) => `<text x="${PAD}" y="${notesTop + (i + 1) * NOTE_LINE - 4}" font-size="${NOTE_SIZE}" fill="#4a5563">${escapeXml(line)}</text>`).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}'>`,
    input.defs ?? '',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="600" fill="#1b2430">${escapeXml(input.title)}</text>`,
    legend.markup,
    `<svg x="${PAD}" y="${chartTop}" width="${Math.round(input.width)}" height="${Math.round(input.height)}" viewBox="0 0 ${Math.round(input.width)} ${Math.round(input.height)}">${inner}</svg>`,
    `<line x1="${PAD}" x2="${width - PAD}" y1="${notesTop}" y2="${notesTop}" stroke="#d5dae1"/>`,
    notes,
    '</svg>',
  ].join('');
}
