import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_HEADER } from '@/lib/http/languagePreference';
import { localeFrom } from '@/lib/i18n/messages';
import { catalogOf } from '@/lib/i18n/catalog';

/**
 * next-intl without locale routing: the language is the page's ?lang, which proxy.ts puts in a
 * request header (server components cannot read the search params from here). Pages keep their
 * URLs; English is the default.
 */
export default getRequestConfig(async () => {
  const locale = localeFrom((await headers()).get(LOCALE_HEADER) ?? undefined);
  return { locale, messages: catalogOf(locale) };
});
