import type { Locale } from '../survey/codebook';

/**
 * The language choice is remembered in a cookie, and the URL stays the authority: a link with
 * ?lang=en or ?lang=nl always shows that language (and updates the cookie), and a page asked for
 * without ?lang is sent to its Dutch URL when the cookie says Dutch. So every view has one URL per
 * language that works for anyone, and a Dutch reader who follows a bare link still reads Dutch.
 */
export const LANGUAGE_COOKIE = 'lang';
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/**
 * The request header proxy.ts sets to the page's language (from ?lang, the URL being the
 * authority), for next-intl's request configuration (i18n/request.ts), which cannot read the
 * search params. Set on every page request, so a header sent by the browser never counts.
 */
export const LOCALE_HEADER = 'x-pad-locale';

/** The language a URL's search asks for: Dutch with ?lang=nl, English otherwise. */
export function localeOfSearch(search: string): Locale {
  return new URLSearchParams(search).get('lang') === 'nl' ? 'nl' : 'en';
}

export type LanguageDecision =
  | { action: 'remember'; locale: Locale }
  | { action: 'redirect'; search: string }
  | { action: 'none' };

/**
 * `pageLoad`: the request loads a page the reader asked for (not a router prefetch or payload
 * fetch). Only those change the remembered language: a page that is being left may still prefetch
 * its own-language links, and must not undo the choice just made.
 */
export function decideLanguage(search: string, cookie: string | undefined, pageLoad = true): LanguageDecision {
  const params = new URLSearchParams(search);
  const asked = params.get('lang');
  if (asked === 'en' || asked === 'nl') return asked === cookie || !pageLoad ? { action: 'none' } : { action: 'remember', locale: asked };
  if (asked === null && cookie === 'nl') {
    params.set('lang', 'nl');
    return { action: 'redirect', search: `?${params.toString()}` };
  }
  return { action: 'none' };
}

/**
 * The reader's language where the URL cannot say it (the not-found page has no search params): the
 * remembered choice, else the browser's first preference of Dutch or English, else English.
 */
export function preferredLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (cookie === 'nl' || cookie === 'en') return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t) => (t.lang === 'nl' || t.lang === 'en') && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang === 'nl' ? 'nl' : 'en';
}
