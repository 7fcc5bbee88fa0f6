'use client';
import { useEffect } from 'react';
import type { Locale } from '@/lib/survey/codebook';
import { errorText } from './errorMessages';

/**
 * What a reader sees when a page fails unexpectedly: what happened in plain words, in their
 * language, with ways back (try again, the previous page, the summary, the datasets). The error
 * itself is logged on the server (instrumentation.ts); its digest is shown so that the reader can
 * quote it, never its message (which may hold internal details).
 *
 * The language: the URL's ?lang=, which the proxy adds for a reader who chose Dutch before
 * (lib/http/languagePreference.ts), read from the address bar because an error page may have lost
 * the page's own state. A prop, not next-intl's useLocale(): global-error.tsx renders this in place of
 * the root layout, so outside the NextIntlClientProvider, where the hook has no language to give.
 */
export function ErrorScreen({ error, retry, locale }: { error: Error & { digest?: string }; retry?: () => void; locale: Locale }) {
  useEffect(() => {
    // In the browser's console too, for whoever is looking there.
    console.error(error);
  }, [error]);
  const lang = locale === 'nl' ? '?lang=nl' : '';
  return (
    <>
      <header className="site-header">
        <a href={`/${lang}`} className="brand">
          {errorText(locale, 'appName')}
        </a>
      </header>
      <main id="main" tabIndex={-1} lang={locale} className="page error-page" data-testid="error-page">
        <h1>{errorText(locale, 'title')}</h1>
        <p className="lead">{errorText(locale, 'text')}</p>
        {error.digest && <p className="muted small">{errorText(locale, 'reference', { digest: error.digest })}</p>}
        <p className="error-actions">
          {retry && (
            <button type="button" className="button" onClick={() => retry()}>
              {errorText(locale, 'retry')}
            </button>
          )}{' '}
          <button type="button" className="button button-secondary" onClick={() => history.back()}>
            {errorText(locale, 'back')}
          </button>{' '}
          {/* Plain links: a full page load, so a broken client state cannot follow the reader. */}
          <a href={`/${lang}`}>{errorText(locale, 'home')}</a> · <a href={`/datasets${lang}`}>{errorText(locale, 'datasets')}</a>
        </p>
      </main>
    </>
  );
}

/** The reader's language from the address bar (the error pages have no server props). */
export function localeOfUrl(search: URLSearchParams | null): Locale {
  return search?.get('lang') === 'nl' ? 'nl' : 'en';
}
