import { describe, expect, it } from 'vitest';
import { assertInertMarkup, composeChartSvg, escapeXml, legendSvg, wrapText } from './chartExport';

const chart = '<svg class="recharts-surface" width="400" height="200" viewBox="0 0 400 200"><rect width="10" height="10" fill="url(#explore-hatch)"/></svg>';

describe('chart image', () => {
  it('wraps footnotes to the width and keeps every word', () => {
    const text = 'Design-based t test against the rest of the base; Benjamini-Hochberg correction over the cells of the chart; 95% Wilson intervals.';
    const lines = wrapText(text, 40);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('draws the title, the chart and every footnote line, with the defs the chart uses', () => {
    const svg = composeChartSvg({ chartSvg: chart, width: 400, height: 200, title: 'Data types', footnote: ['Dataset: Study G (synthetic data).', 'Weighted.'], defs: '<defs><pattern id="explore-hatch"/></defs>' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>Data types</text>');
    expect(svg).toContain('>Dataset: Study G (synthetic data).</text>');
    expect(svg).toContain('>Weighted.</text>');
    expect(svg).toContain('<pattern id="explore-hatch"/>');
    expect(svg).toContain('fill="url(#explore-hatch)"');
    // The image grows with the footnote: two lines of 15 px below a 200 px chart.
    expect(Number(svg.match(/height="(\d+)"/)![1])).toBe(16 + 16 + 12 + 200 + 14 + 2 * 15 + 16);
  });

  it('draws the colour key under the title: a swatch and a label per entry, wrapped to the width', () => {
    const legend = [
      { label: 'OK', colour: '#1e7b3c' },
      { label: 'Grey zone', colour: '#b86e00' },
      { label: 'Under the minimum base', kind: 'hatch' as const },
      { label: 'Overall rate', kind: 'line' as const, colour: '#1c2430' },
    ];
    const svg = composeChartSvg({ chartSvg: chart, width: 400, height: 200, title: 'Data types', footnote: [], legend });
    for (const item of legend) expect(svg).toContain(`>${item.label}</text>`);
    expect(svg).toContain('<rect x="16" y="42" width="12" height="12" rx="2" fill="#1e7b3c"/>');
    expect(svg).toMatch(/<rect [^>]*fill="url\(#explore-hatch\)" stroke="#9aa3ad"\/>/);
    expect(svg).toMatch(/<line [^>]*stroke="#1c2430" stroke-width="2" stroke-dasharray="4 3"\/>/);
    // Four entries do not fit one 400 px line: two lines of 18 px push the chart down by 40 px.
    const { height } = legendSvg(legend, 16, 42, 400);
    expect(height).toBe(36);
    expect(svg).toContain(`<svg x="16" y="${16 + 16 + 12 + 36 + 4}"`);
    // Without a key the chart sits under the title as before.
    expect(legendSvg([], 0, 0, 400)).toEqual({ markup: '', height: 0 });
  });

  it('escapes text from labels and codebooks, so no markup can get in', () => {
    const svg = composeChartSvg({ chartSvg: chart, width: 400, height: 200, title: '<script>alert(1)</script>', footnote: ['A & B "quoted"'] });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('A &amp; B &quot;quoted&quot;');
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('refuses markup that is not one svg element', () => {
    expect(() => composeChartSvg({ chartSvg: '<div></div>', width: 1, height: 1, title: '', footnote: [] })).toThrow(/not one <svg>/);
  });

  it('a hostile column name or label in the title, the footnote and the chart comes out as escaped text', () => {
    const hostile = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "' onload='alert(1)"];
    // A chart whose axis shows a hostile label: XMLSerializer has escaped it as text.
    const labelled = `<svg class="recharts-surface" width="400" height="200"><g name="${escapeXml(hostile[0])}"><text x="1" y="2">${escapeXml(hostile[0])}</text></g></svg>`;
    const svg = composeChartSvg({ chartSvg: labelled, width: 400, height: 200, title: hostile[1], footnote: hostile });
    expect(svg).not.toMatch(/<img|<script|onload='|onerror=alert\(1\)>/);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&apos; onload=&apos;alert(1)');
    // Every tag in the image is one the composer or the chart wrote: no element from the text.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['g', 'line', 'rect', 'svg', 'text']);
  });

  it('refuses chart markup that could run, and sizes that are not numbers', () => {
    for (const active of ['<svg><script>alert(1)</script></svg>', '<svg><image href="x" onerror="alert(1)"/></svg>', '<svg><foreignObject><div/></foreignObject></svg>', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'])
      expect(() => composeChartSvg({ chartSvg: active, width: 400, height: 200, title: '', footnote: [] })).toThrow(/active content/);
    expect(() => assertInertMarkup('<defs><pattern id="p" onload="x"/></defs>')).toThrow(/active content/);
    const svg = composeChartSvg({ chartSvg: chart, width: Number.NaN, height: -5, title: '', footnote: [] });
    expect(svg).not.toContain('NaN');
    expect(svg).toMatch(/^<svg [^>]*width="320"/);
  });
});
