import { describe, expect, it } from 'vitest';
import { composeChartSvg, escapeXml, wrapText } from './chartExport';

const chart = '<svg class="bar-chart-svg" width="400" height="200" viewBox="0 0 400 200"><rect width="10" height="10" fill="url(#explore-hatch)"/></svg>';

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
});
