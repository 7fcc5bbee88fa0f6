import PDFDocument from 'pdfkit';
import { formatNumber, pStatement, signedPoints, appText } from '../i18n/messages';
import type { Locale } from '../survey/codebook';
import { barLabel, formatDate, headlineFigure, headlineFootnote, methodsLines, respondentsLine, precise, takeawayLine } from './format';
import type { ExecutiveSummary, Figure, Headline, Tone } from './model';
import { summaryText } from './text';

/**
 * The summary as an A4 PDF, drawn with pdfkit on the server (no browser): title, the headline
 * figures with their "so what", vector bars with intervals, footnotes, the key takeaways, methods
 * and the synthetic-data notice. Helvetica's WinAnsi encoding covers Dutch (ë, ü, é, ’, –); the
 * few characters it lacks are replaced first (pdfText).
 */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const INK = '#1c2430';
const MUTED = '#5a6472';
const SMALL = '#8a929c';
const SMALL_FILL = '#c3c9d1';
const ACCENT = '#1d5fb8';
const TONE: Record<Tone, string> = { focus: ACCENT, base: '#8d9bb0', ok: '#2e8540', nogo: '#b42318' };
const FIGURE_COLOUR: Record<string, string> = { 'g-nogo-types': '#a11d12', 'p-creepy': '#a11d12', 'p-too-personal': '#a11d12', 'g-ok-types': '#136128', 'p-valued': '#136128' };

/** Characters Helvetica's encoding lacks, written with ones it has. */
export function pdfText(text: string): string {
  return text.replace(/\u2212/g, '-').replace(/[\u202f\u2009]/g, ' ').replace(/\u2192/g, '->').replace(/\u2265/g, '>=').replace(/\u2264/g, '<=');
}

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > A4.height - MARGIN) doc.addPage();
}

const BAR = { label: 128, bar: 52, gap: 5, value: 32 };
const BAR_FONT = 7;

function barsHeight(doc: Doc, bars: Figure[], locale: Locale): number {
  return bars.reduce((h, b) => {
    doc.font(b.tone === 'base' ? 'Helvetica' : 'Helvetica-Bold').fontSize(BAR_FONT);
    return h + Math.max(9, doc.heightOfString(pdfText(barLabel(b, locale)), { width: BAR.label })) + 3;
  }, 0);
}

function drawBars(doc: Doc, bars: Figure[], x: number, y: number, locale: Locale) {
  let cursor = y;
  for (const bar of bars) {
    // A bar under the minimum base: greyed, marked in its label, never an interval (lib/analysis/smallBase.ts).
    const ink = bar.smallBase ? SMALL : INK;
    doc.font(bar.tone === 'base' ? 'Helvetica' : 'Helvetica-Bold').fontSize(BAR_FONT).fillColor(ink);
    const label = pdfText(barLabel(bar, locale));
    const rowHeight = Math.max(9, doc.heightOfString(label, { width: BAR.label }));
    doc.text(label, x, cursor, { width: BAR.label });
    const bx = x + BAR.label + BAR.gap;
    const by = cursor + 1;
    doc.rect(bx, by, BAR.bar, 6).fill('#eceff3');
    doc.rect(bx, by, Math.max(0.5, BAR.bar * bar.share), 6).fill(bar.smallBase ? SMALL_FILL : TONE[bar.tone]);
    if (bar.ci && !bar.smallBase) {
      const lo = bx + BAR.bar * bar.ci.lower;
      const hi = bx + BAR.bar * bar.ci.upper;
      doc.lineWidth(0.6).strokeColor(INK).moveTo(lo, by + 3).lineTo(hi, by + 3).moveTo(lo, by + 1).lineTo(lo, by + 5).moveTo(hi, by + 1).lineTo(hi, by + 5).stroke();
    }
    doc.font('Helvetica-Bold').fontSize(BAR_FONT).fillColor(ink).text(pdfText(precise(bar.share, locale)), bx + BAR.bar + BAR.gap, cursor, { width: BAR.value, align: 'right', lineBreak: false });
    cursor += rowHeight + 3;
  }
}

function drawHeadline(doc: Doc, headline: Headline, summary: ExecutiveSummary, locale: Locale) {
  const contentWidth = A4.width - 2 * MARGIN;
  const figureWidth = 100;
  const barsWidth = BAR.label + BAR.gap + BAR.bar + BAR.gap + BAR.value;
  const textWidth = contentWidth - figureWidth - barsWidth - 24;
  const textX = MARGIN + figureWidth + 10;
  const barsX = MARGIN + contentWidth - barsWidth;
  const figure = headlineFigure(headline, locale);
  const title = pdfText(headline.title[locale]);
  const soWhat = pdfText(headline.soWhat[locale]);
  const chartTitle = pdfText(headline.chartTitle[locale]);
  const footnote = pdfText(`${headlineFootnote(headline, summary, locale)}${headline.claimIds.length ? ` · ${headline.claimIds.join(', ')}` : ''}`);

  doc.font('Helvetica-Bold').fontSize(10);
  const titleHeight = doc.heightOfString(title, { width: textWidth });
  // Measured in bold: the lead-in is bold, and an overestimate only adds white space.
  doc.font('Helvetica-Bold').fontSize(8.5);
  const soWhatHeight = doc.heightOfString(`${summaryText(locale, 'soWhat')}: ${soWhat}`, { width: textWidth }) + 2;
  doc.font('Helvetica-Bold').fontSize(7);
  const chartTitleHeight = doc.heightOfString(chartTitle, { width: barsWidth });
  const chartHeight = chartTitleHeight + 3 + barsHeight(doc, headline.bars, locale);
  doc.font('Helvetica').fontSize(6.5);
  const footHeight = doc.heightOfString(footnote, { width: contentWidth - figureWidth - 10 });
  const bodyHeight = Math.max(46, titleHeight + 4 + soWhatHeight, chartHeight);
  const blockHeight = 7 + bodyHeight + 3 + footHeight + 6;
  ensureSpace(doc, blockHeight);

  const top = doc.y;
  doc.moveTo(MARGIN, top).lineTo(MARGIN + contentWidth, top).lineWidth(0.5).strokeColor('#d9dee5').stroke();
  const y = top + 7;
  // The big figure, its unit under it.
  // As large as fits the column on one line (a range like "64–70%" must not wrap).
  let size = 28;
  doc.font('Helvetica-Bold');
  while (size > 12 && doc.fontSize(size).widthOfString(pdfText(figure.main)) > figureWidth - 4) size -= 1;
  doc.fillColor(FIGURE_COLOUR[headline.id] ?? ACCENT).text(pdfText(figure.main), MARGIN, y, { lineBreak: false });
  if (figure.unit) doc.font('Helvetica-Bold').fontSize(8).text(pdfText(figure.unit), MARGIN, y + 32, { width: figureWidth });
  // What it means and what to do.
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(title, textX, y, { width: textWidth });
  doc.font('Helvetica-Bold').fontSize(8.5).fillColor(INK).text(`${summaryText(locale, 'soWhat')}: `, textX, y + titleHeight + 4, { width: textWidth, continued: true });
  doc.font('Helvetica').fillColor('#333d4a').text(soWhat);
  // The chart.
  doc.font('Helvetica-Bold').fontSize(7).fillColor(MUTED).text(chartTitle, barsX, y, { width: barsWidth });
  drawBars(doc, headline.bars, barsX, y + chartTitleHeight + 3, locale);
  // The footnote.
  doc.font('Helvetica').fontSize(6.5).fillColor(MUTED).text(footnote, textX, y + bodyHeight + 3, { width: contentWidth - figureWidth - 10 });
  doc.x = MARGIN;
  doc.y = top + blockHeight;
}

/** Renders the summary to PDF bytes. */
export function summaryPdf(summary: ExecutiveSummary, locale: Locale, now = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: pdfText(`${summaryText(locale, 'title')}: ${summary.title[locale]}`), Author: pdfText(appText(locale, 'appName')), Subject: pdfText(appText(locale, 'homeTitle')) },
    lang: locale === 'nl' ? 'nl-NL' : 'en-GB',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = A4.width - 2 * MARGIN;

  // Title block.
  doc.font('Helvetica-Bold').fontSize(8).fillColor(ACCENT).text(pdfText(summaryText(locale, 'title').toUpperCase()), MARGIN, MARGIN, { characterSpacing: 1 });
  doc.moveDown(0.2);
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(pdfText(summary.title[locale]), { width });
  doc.moveDown(0.15);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(pdfText(`${appText(locale, 'homeTitle')} ${respondentsLine(summary, locale)} · ${summaryText(locale, 'generatedOn', { date: formatDate(now, locale) })}`), { width });
  doc.moveDown(0.6);

  if (summary.synthetic) {
    const notice = pdfText(appText(locale, 'syntheticNotice'));
    const label = locale === 'nl' ? 'Synthetische data. ' : 'Synthetic data. ';
    doc.font('Helvetica').fontSize(8);
    const h = doc.heightOfString(label + notice, { width: width - 16 }) + 10;
    const y = doc.y;
    doc.rect(MARGIN, y, width, h).fill('#fff6e0');
    doc.rect(MARGIN, y, 3, h).fill('#d99a00');
    doc.font('Helvetica-Bold').fontSize(8).fillColor(INK).text(label, MARGIN + 10, y + 5, { width: width - 16, continued: true });
    doc.font('Helvetica').text(notice);
    doc.x = MARGIN;
    doc.y = y + h + 8;
  }
  if (summary.headlineSet === 'generic') {
    doc.font('Helvetica').fontSize(8).fillColor(INK).text(pdfText(summaryText(locale, 'genericNote')), MARGIN, doc.y, { width });
    doc.moveDown(0.5);
  }

  for (const headline of summary.headlines) drawHeadline(doc, headline, summary, locale);

  // Key takeaways.
  ensureSpace(doc, 80);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor('#d9dee5').stroke();
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(pdfText(summaryText(locale, 'takeawaysTitle')), MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  if (!summary.takeaways.length) doc.font('Helvetica').fontSize(9).text(pdfText(summaryText(locale, 'noTakeaways')), { width });
  summary.takeaways.forEach((tk, i) => {
    ensureSpace(doc, 30);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).fillColor(ACCENT).text(pdfText(`${i + 1}. ${signedPoints(tk.diff, locale)} ${summaryText(locale, 'pointsShort')}`), MARGIN, y, { width: 90, lineBreak: false });
    doc.font('Helvetica-Bold').fontSize(9).fillColor(INK).text(pdfText(takeawayLine(tk, locale)), MARGIN + 95, y + 1, { width: width - 95 });
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(pdfText(`${summaryText(locale, 'takeawayScope', { scope: tk.scope[locale] })} · ${pStatement(tk.pAdjusted, locale)} (BH) · n = ${formatNumber(tk.top.respondents, locale)} / ${formatNumber(tk.bottom.respondents, locale)}`), MARGIN + 95, doc.y, { width: width - 95 });
    doc.x = MARGIN;
    doc.moveDown(0.3);
  });
  doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(pdfText(summaryText(locale, 'takeawaysIntro', { k: summary.comparisonsTested, minBase: summary.minBase })), MARGIN, doc.y, { width });

  // Omitted headlines and methods.
  if (summary.omitted.length) {
    doc.moveDown(0.6);
    doc.font('Helvetica-Bold').fontSize(9).fillColor(INK).text(pdfText(summaryText(locale, 'omittedTitle')), MARGIN, doc.y, { width });
    for (const o of summary.omitted) doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(pdfText(`${o.title[locale]}: ${o.reason[locale]}`), { width });
  }
  doc.moveDown(0.6);
  ensureSpace(doc, 45);
  doc.font('Helvetica-Bold').fontSize(8).fillColor(INK).text(pdfText(summaryText(locale, 'methodsTitle')), MARGIN, doc.y, { width });
  for (const line of methodsLines(summary, locale)) doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(pdfText(line), { width });

  doc.end();
  return done;
}
