import en from '../../messages/en.json';
import nl from '../../messages/nl.json';
import type { Label, Locale } from '../survey/codebook';
import { formatMessage, type Values } from './icu';

export { tableTranslator } from './icu';

/**
 * The message catalogs (messages/en.json, messages/nl.json: a namespace per page or area, ICU
 * message syntax with plurals), read by next-intl on the pages (i18n/request.ts) and, through
 * `messageTranslator`, by code that is handed a locale: server components that thread one, client
 * components, and lib/ code whose text also goes to the API and the command line (the problems of
 * an upload). use-intl/core is next-intl's formatter without React, so lib/ stays free of React.
 */
export type Catalog = typeof en;
export type Namespace = keyof Catalog;

const CATALOGS: Record<Locale, Catalog> = { en, nl };

export function catalogOf(locale: Locale): Catalog {
  return CATALOGS[locale];
}

/**
 * A namespace's messages as a function of locale and key: `uploadText(locale, 'stored', {...})`.
 * For the callers that pass the locale (server and client components alike); a component inside
 * next-intl's provider can use `useTranslations(namespace)` with the same keys.
 */
export function messageTranslator<N extends Namespace>(namespace: N): (locale: Locale, key: keyof Catalog[N] & string, values?: Values) => string {
  return (locale, key, values) => inCatalog(namespace, locale, key, values);
}

/** The text of `key` in a namespace of one language's catalog (cached per namespace and language). */
function inCatalog(namespace: Namespace, locale: Locale, key: string, values?: Values): string {
  return formatMessage(CATALOGS[locale][namespace] as Record<string, string>, locale, `${namespace}/${locale}`, key, values);
}

/** Whether `namespace` has a message `key` (for codes that come from elsewhere: a newer server's, a problem's). */
export function hasMessage(namespace: Namespace, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOGS.en[namespace], key);
}

/** A namespace as a table of labels (`{ key: { en, nl } }`), for code that holds both languages of a text at once. */
export function labelsOf<N extends Namespace>(namespace: N): Record<keyof Catalog[N] & string, { en: string; nl: string }> {
  const nlMessages = CATALOGS.nl[namespace] as Record<string, string>;
  return Object.fromEntries(Object.entries(CATALOGS.en[namespace] as Record<string, string>).map(([key, en]) => [key, { en, nl: nlMessages[key] ?? en }])) as Record<keyof Catalog[N] & string, { en: string; nl: string }>;
}

/** An argument of `labelOf`: a label goes in in the language being written, anything else as it is. */
export type LabelValues = Record<string, string | number | Label>;

/**
 * The text of `key` in both languages at once, its {arguments} filled in: for lib/ code whose
 * result carries both languages (the summary's headlines, which the page, the PDF and the slides
 * read in theirs; the planner's refusals). A value that is itself a label (a codebook's name, a
 * share formatted per locale) fills the English text with its English and the Dutch with its Dutch.
 */
export function labelOf<N extends Namespace>(namespace: N, key: keyof Catalog[N] & string, values: LabelValues = {}): Label {
  const write = (locale: Locale) => {
    const inLocale: Values = {};
    for (const [name, value] of Object.entries(values)) inLocale[name] = typeof value === 'object' ? value[locale] : value;
    return inCatalog(namespace, locale, key, inLocale);
  };
  return { en: write('en'), nl: write('nl') };
}
