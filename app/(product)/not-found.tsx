import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import Link from 'next/link';
import { SiteHeader } from '@/app/components/SiteHeader';
import { notFoundText } from '@/app/notFoundMessages';
import { LANGUAGE_COOKIE, preferredLocale } from '@/lib/http/languagePreference';
import type { Locale } from '@/lib/survey/codebook';

/**
 * The page for an address that has none: branded, in the reader's language, with ways back.
 *
 * Rendered per request, never prerendered: a page prerendered at build time carries no nonce, so
 * the Content-Security-Policy the proxy sends with it (a fresh nonce per request) blocked every one
 * of its scripts. Reading the request (the language cookie) makes Next.js render it on demand,
 * with the request's nonce on its scripts.
 */
async function readerLocale(): Promise<Locale> {
  return preferredLocale((await cookies()).get(LANGUAGE_COOKIE)?.value, (await headers()).get('accept-language'));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: notFoundText(await readerLocale(), 'title') };
}

export default async function NotFound() {
  const locale = await readerLocale();
  const lang = locale === 'nl' ? '?lang=nl' : '';
  return (
    <>
      {/* The language links lead to this page again (/404 has no page either), in the other language.
          The header is told the language: next-intl's is the URL's ?lang, this page's the reader's preference. */}
      <SiteHeader locale={locale} path="/404" />
      <main id="main" tabIndex={-1} lang={locale} className="page error-page" data-testid="not-found">
        <h1>{notFoundText(locale, 'title')}</h1>
        <p className="lead">{notFoundText(locale, 'text')}</p>
        <h2>{notFoundText(locale, 'waysBack')}</h2>
        <ul>
          <li>
            <Link href={`/${lang}`} prefetch={false}>
              {notFoundText(locale, 'summary')}
            </Link>
          </li>
          <li>
            <Link href={`/explore${lang}`} prefetch={false}>
              {notFoundText(locale, 'explore')}
            </Link>
          </li>
          <li>
            <Link href={`/datasets${lang}`} prefetch={false}>
              {notFoundText(locale, 'datasets')}
            </Link>
          </li>
        </ul>
      </main>
    </>
  );
}
