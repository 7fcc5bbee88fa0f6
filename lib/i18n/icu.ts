import { createTranslator, type AbstractIntlMessages } from 'use-intl/core';
import type { Locale } from '../survey/codebook';

/*
 * ICU messages (plurals, {arguments}) formatted with use-intl/core, next-intl's formatter without
 * React. Kept apart from the catalogs (./catalog imports both languages' messages/*.json): a client
 * component that formats a table of its own texts (tableTranslator) must not carry the catalogs.
 */

export type Values = Record<string, string | number>;
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
export function formatMessage(messages: Record<string, string>, locale: Locale, cacheKey: string, key: string, values: Values = {}): string {
  const message = messages[key];
  // A message without arguments is its own text: no formatter needed (most interface labels).
  if (message !== undefined && !message.includes('{') && !message.includes("'")) return message;
  return translatorOf({ m: messages } as AbstractIntlMessages, locale, cacheKey)(`m.${key}`, argumentsFor(message, values));
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
  return (locale, key, values) => formatMessage(byLocale[locale], locale, `table:${id}/${locale}`, key, values);
}

