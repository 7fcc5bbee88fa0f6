import { createTranslator, type AbstractIntlMessages } from 'use-intl/core';
import en from '../../messages/en.json';
import nl from '../../messages/nl.json';
import type { Label, Locale } from '../survey/codebook';

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

type Values = Record<string, string | number>;
type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * A number is formatted by the caller (it knows the digits and the unit) unless the message
 * counts with it (`{n, plural, ...}`): ICU would otherwise group a year ("2,018") or re-round a
 * figure. Numbers that a plural needs stay numbers; the others become text as they are.
 */
function argumentsFor(message: string | undefined, values: Values): Values {
  const out: Values = {};
  for (const [name, value] of Object.entries(values))
    out[name] = typeof value === 'number' && !(message && new RegExp(`\\{\\s*${name}\\s*,\\s*(plural|selectordinal)`).test(message)) ? String(value) : value;
  return out;
}

const translators = new Map<string, Translate>();

function translatorOf(messages: AbstractIntlMessages, locale: Locale, cacheKey: string): Translate {
  let t = translators.get(cacheKey);
  if (!t) {
    t = createTranslator({
      locale,
      messages,
      // A missing or broken message shows its key rather than break the page; the catalog test
      // (lib/i18n/catalog.test.ts) keeps both languages complete and every message parseable.
      onError: () => undefined,
      getMessageFallback: ({ key }) => key,
    }) as unknown as Translate;
    translators.set(cacheKey, t);
  }
  return t;
}

/** The text of `key` in `messages[locale]`, its {arguments} filled in and its plurals chosen. */
function format(messages: Record<string, string>, locale: Locale, cacheKey: string, key: string, values: Values = {}): string {
  const message = messages[key];
  // A message without arguments is its own text: no formatter needed (most interface labels).
  if (message !== undefined && !message.includes('{') && !message.includes("'")) return message;
  return translatorOf({ m: messages } as AbstractIntlMessages, locale, cacheKey)(`m.${key}`, argumentsFor(message, values));
}

/**
 * A namespace's messages as a function of locale and key: `uploadText(locale, 'stored', {...})`.
 * For the callers that pass the locale (server and client components alike); a component inside
 * next-intl's provider can use `useTranslations(namespace)` with the same keys.
 */
export function messageTranslator<N extends Namespace>(namespace: N): (locale: Locale, key: keyof Catalog[N] & string, values?: Values) => string {
  return (locale, key, values) => format(CATALOGS[locale][namespace] as Record<string, string>, locale, `${namespace}/${locale}`, key, values);
}

let tables = 0;

/**
 * The same for a table still written in TypeScript (`{ key: { en, nl } }`): ICU syntax too, so a
 * table moves to the catalogs unchanged.
 */
export function tableTranslator<K extends string>(table: Record<K, { en: string; nl: string }>): (locale: Locale, key: K, values?: Values) => string {
  const id = ++tables;
  const byLocale: Record<Locale, Record<string, string>> = { en: {}, nl: {} };
  for (const [key, label] of Object.entries(table) as [string, { en: string; nl: string }][]) {
    byLocale.en[key] = label.en;
    byLocale.nl[key] = label.nl;
  }
  return (locale, key, values) => format(byLocale[locale], locale, `table:${id}/${locale}`, key, values);
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
    return format(CATALOGS[locale][namespace] as Record<string, string>, locale, `${namespace}/${locale}`, key, inLocale);
  };
  return { en: write('en'), nl: write('nl') };
}
