import PptxGenJS from 'pptxgenjs';
import { pStatement, signedPoints, appText } from '../i18n/messages';
import type { Locale } from '../survey/codebook';
import { barLabel, formatDate, headlineFigure, headlineFootnote, methodsLines, respondentsLine, takeawayLine } from './format';
import type { ExecutiveSummary, Headline, Tone } from './model';
import { summaryText } from './text';

/**
 * The summary as a slide deck (pptxgenjs): a title slide with the key takeaways, one slide per
 * headline (the figure, its "so what", a native bar chart the audience can restyle, the footnote),
 * and a methods slide. Exactly headlines + 2 slides.
 */
const INK = '1C2430';
const MUTED = '5A6472';
const ACCENT = '1D5FB8';
const TONE: Record<Tone, string> = { focus: ACCENT, base: '8D9BB0', ok: '2E8540', nogo: 'B42318' };
const FIGURE_COLOUR: Record<string, string> = { 'g-nogo-types': 'A11D12', 'p-creepy': 'A11D12', 'p-too-personal': 'A11D12', 'g-ok-types': '136128', 'p-valued': '136128' };
const FONT = 'Arial';

function headlineSlide(pptx: PptxGenJS, headline: Headline, summary: ExecutiveSummary, locale: Locale, index: number) {
  const slide = pptx.addSlide();
  const figure = headlineFigure(headline, locale);
  const colour = FIGURE_COLOUR[headline.id] ?? ACCENT;
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: 13.33, h: 0.12, fill: { color: colour }, line: { color: colour } });
  slide.addText(`${summaryText(locale, 'headlinesTitle')} ${index + 1}/${summary.headlines.length} · ${summary.title[locale]}`, { x: 0.5, y: 0.3, w: 12.3, h: 0.35, fontFace: FONT, fontSize: 11, color: MUTED });
  slide.addText(
    [
      { text: figure.main, options: { fontSize: 60, bold: true, color: colour } },
      ...(figure.unit ? [{ text: ` ${figure.unit}`, options: { fontSize: 20, bold: true, color: colour } }] : []),
    ],
    { x: 0.5, y: 0.75, w: 5.2, h: 1.3, fontFace: FONT, valign: 'middle', margin: 0 },
  );
  slide.addText(headline.title[locale], { x: 0.5, y: 2.05, w: 5.2, h: 1.5, fontFace: FONT, fontSize: 20, bold: true, color: INK, valign: 'top', margin: 0 });
  slide.addText(
    [
      { text: `${summaryText(locale, 'soWhat')}: `, options: { bold: true } },
      { text: headline.soWhat[locale], options: {} },
    ],
    { x: 0.5, y: 3.75, w: 5.2, h: 1.4, fontFace: FONT, fontSize: 15, color: INK, fill: { color: 'F4F6F9' }, valign: 'middle', margin: 8 },
  );
  const bars = [...headline.bars].reverse(); // PowerPoint draws horizontal bars bottom-up
  slide.addText(headline.chartTitle[locale], { x: 6.2, y: 0.8, w: 6.6, h: 0.45, fontFace: FONT, fontSize: 13, bold: true, color: MUTED, margin: 0 });
  slide.addChart(pptx.ChartType.bar, [{ name: headline.chartTitle[locale], labels: bars.map((b) => barLabel(b, locale)), values: bars.map((b) => b.share) }], {
    x: 6.2,
    y: 1.3,
    w: 6.6,
    h: Math.min(4.6, 0.75 + 0.62 * bars.length),
    barDir: 'bar',
    chartColors: [TONE[headline.bars.find((b) => b.tone !== 'base')?.tone ?? 'focus']],
    showValue: true,
    dataLabelFormatCode: '0.0%',
    dataLabelFontSize: 11,
    dataLabelColor: INK,
    valAxisMinVal: 0,
    valAxisMaxVal: 1,
    valAxisLabelFormatCode: '0%',
    valAxisHidden: true,
    valGridLine: { style: 'none' },
    catAxisLabelFontSize: 11,
    catAxisLabelColor: INK,
    catAxisLabelFontFace: FONT,
    barGapWidthPct: 45,
    showLegend: false,
  });
  const footnote = `${headlineFootnote(headline, summary, locale)}${headline.claimIds.length ? ` · ${headline.claimIds.join(', ')}` : ''}`;
  slide.addText(footnote, { x: 0.5, y: 6.55, w: 12.3, h: 0.6, fontFace: FONT, fontSize: 10, color: MUTED, valign: 'bottom', margin: 0 });
  slide.addNotes(`${headline.title[locale]}\n${headline.soWhat[locale]}\n${footnote}`);
}

/** Renders the deck to PPTX bytes. */
export async function summaryPptx(summary: ExecutiveSummary, locale: Locale, now = new Date()): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = appText(locale, 'appName');
  pptx.title = `${summaryText(locale, 'title')}: ${summary.title[locale]}`;

  // Title slide with the key takeaways: the three things that matter.
  const title = pptx.addSlide();
  title.background = { color: INK };
  title.addText(summaryText(locale, 'title').toUpperCase(), { x: 0.6, y: 0.5, w: 12, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: '9CC2F5', charSpacing: 2 });
  title.addText(summary.title[locale], { x: 0.6, y: 0.95, w: 12, h: 1.1, fontFace: FONT, fontSize: 32, bold: true, color: 'FFFFFF', valign: 'top' });
  title.addText(`${appText(locale, 'homeTitle')} ${respondentsLine(summary, locale)} · ${summaryText(locale, 'generatedOn', { date: formatDate(now, locale) })}`, {
    x: 0.6,
    y: 2.05,
    w: 12,
    h: 0.5,
    fontFace: FONT,
    fontSize: 14,
    color: 'D9DEE5',
  });
  title.addText(summaryText(locale, 'takeawaysTitle'), { x: 0.6, y: 2.85, w: 12, h: 0.45, fontFace: FONT, fontSize: 18, bold: true, color: 'FFFFFF' });
  const takeawayRows = summary.takeaways.length
    ? summary.takeaways.flatMap((tk, i) => [
        { text: `${i + 1}.  ${signedPoints(tk.diff, locale)} ${summaryText(locale, 'pointsShort')}   `, options: { bold: true, color: '9CC2F5', breakLine: false } },
        { text: takeawayLine(tk, locale), options: { bold: true, color: 'FFFFFF', breakLine: true } },
        { text: `      ${summaryText(locale, 'takeawayScope', { scope: tk.scope[locale] })} · ${pStatement(tk.pAdjusted, locale)} (BH)`, options: { fontSize: 11, color: 'D9DEE5', breakLine: true } },
      ])
    : [{ text: summaryText(locale, 'noTakeaways'), options: { color: 'FFFFFF' } }];
  title.addText(takeawayRows, { x: 0.6, y: 3.3, w: 12.1, h: 2.6, fontFace: FONT, fontSize: 15, valign: 'top', paraSpaceAfter: 4 });
  if (summary.synthetic) title.addText(summaryText(locale, 'syntheticShort'), { x: 0.6, y: 6.5, w: 12.1, h: 0.6, fontFace: FONT, fontSize: 12, color: 'FFD27A', italic: true });

  summary.headlines.forEach((h, i) => headlineSlide(pptx, h, summary, locale, i));

  // Methods and sources.
  const methods = pptx.addSlide();
  methods.addText(summaryText(locale, 'methodsSlide'), { x: 0.6, y: 0.4, w: 12, h: 0.7, fontFace: FONT, fontSize: 28, bold: true, color: INK });
  const lines = [
    ...methodsLines(summary, locale),
    summaryText(locale, 'takeawaysIntro', { k: summary.comparisonsTested, minBase: summary.minBase }),
    ...summary.omitted.map((o) => `${summaryText(locale, 'omittedTitle')}: ${o.title[locale]} (${o.reason[locale]})`),
    `${summaryText(locale, 'datasetLabel')}: ${summary.title[locale]} · ${respondentsLine(summary, locale)}`,
  ];
  methods.addText(
    lines.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
    { x: 0.6, y: 1.3, w: 12.1, h: 5.6, fontFace: FONT, fontSize: 15, color: INK, valign: 'top', paraSpaceAfter: 8 },
  );

  const bytes = await pptx.write({ outputType: 'nodebuffer' });
  return bytes as Buffer;
}
