import type { Label, Locale } from '../survey/codebook';
import { type Catalog, messageTranslator, tableTranslator } from './catalog';

/** The texts the whole app shares (the header, the reference findings, the summary's heading): messages/*.json, namespace `app`. */
export type MessageKey = keyof Catalog['app'];

/** Fills {name} placeholders of a message; an unknown name stays visible rather than vanishing. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/**
 * A page's message lookup: the text of `key` in the reader's language, with its {arguments} filled
 * in (ICU syntax, plurals included, as in the next-intl catalogs of lib/i18n/catalog.ts). The tables
 * still written in TypeScript use it; a table moved to messages/*.json uses `messageTranslator`.
 */
export function translator<K extends string>(table: Record<K, Label>): (locale: Locale, key: K, vars?: Record<string, string | number>) => string {
  return tableTranslator(table);
}

export const appText = messageTranslator('app');

export function localeFrom(value: string | string[] | undefined): Locale {
  return value === 'nl' ? 'nl' : 'en';
}

// The number formats live in ./numbers (no catalogs there, so the browser code that formats numbers
// does not carry both languages' messages); re-exported for the callers that read both.
export { formatNumber, formatP, formatPercent, formatPoints, prepareNumberFormats, pStatement, signedPoints } from './numbers';
