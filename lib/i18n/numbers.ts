import type { Locale } from '../survey/codebook';

/*
 * Numbers as each language writes them (decimal comma in Dutch, the percent and point units). Kept
 * apart from the message catalogs (./catalog, ./messages): client components format numbers on every
 * redraw, and importing the catalogs there put both languages' messages (159 KB) into the first load
 * of eight pages.
 */

/**
 * Number formats are made once per locale, style and digits: building an Intl.NumberFormat costs
 * far more than using one, and a chart redraw formats hundreds of numbers.
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, style: 'percent' | 'decimal', digits: number): Intl.NumberFormat {
  const key = `${locale}/${style}/${digits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style, minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format;
}

/** Percent with one decimal, formatted for the locale (decimal comma in Dutch). */
export function formatPercent(share: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, 'percent', digits).format(share);
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return numberFormat(locale, 'decimal', digits).format(value);
}

/** A difference of shares as signed points: "+19.0", "−3.2"; no sign on one that rounds to 0.0. */
export function signedPoints(diff: number, locale: Locale, digits = 1): string {
  const text = formatNumber(Math.abs(100 * diff), locale, digits);
  const rounded = Number((100 * diff).toFixed(digits));
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${text}`;
}

/** The same with its unit, the one way every page writes a difference: "+5.2 pp", Dutch "+5,2 %-punt". */
export function formatPoints(diff: number, locale: Locale, digits = 1): string {
  return `${signedPoints(diff, locale, digits)} ${locale === 'nl' ? '%-punt' : 'pp'}`;
}

/** A p-value as people read it: "< 0.001", "0.034" (Dutch "0,034"). */
export function formatP(p: number, locale: Locale): string {
  return p < 0.001 ? `< ${formatNumber(0.001, locale, 3)}` : formatNumber(p, locale, 3);
}

/** A p-value as a statement: "p < 0.001", "p = 0.034". */
export function pStatement(p: number, locale: Locale): string {
  return p < 0.001 ? `p ${formatP(p, locale)}` : `p = ${formatP(p, locale)}`;
}

/**
 * Builds the number formats a page's redraw uses, ahead of time. The first Intl.NumberFormat of a
 * browser tab also loads the locale data (tens of milliseconds); a page rendered on the server has
 * not formatted anything in the browser yet, so without this its first filter change would pay it.
 */
export function prepareNumberFormats(locale: Locale): void {
  for (const digits of [0, 1]) {
    formatPercent(0, locale, digits);
    formatNumber(0, locale, digits);
  }
}
