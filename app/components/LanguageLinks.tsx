'use client';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import type { Locale } from '@/lib/survey/codebook';
import { appText } from '@/lib/i18n/messages';

/** English / Nederlands, each keeping the page's own state (`query`, without lang); both say their language, so the choice is remembered (proxy.ts). */
export function LanguageLinks({ path, locale, query }: { path: string; locale: Locale; query: string }) {
  // Plain links, a whole-page load: every label changes anyway, and the browser reliably stores the
  // remembered language from a page response (it did not from Next.js's client-side fetch).
  return (
    <nav aria-label={appText(locale, 'language')} className="lang-switch">
      <a href={`${path}?${query ? `${query}&` : ''}lang=en`} hrefLang="en" lang="en" aria-current={locale === 'en' ? 'true' : undefined}>
        English
      </a>
      <a href={`${path}?${query ? `${query}&` : ''}lang=nl`} hrefLang="nl" lang="nl" aria-current={locale === 'nl' ? 'true' : undefined}>
        Nederlands
      </a>
    </nav>
  );
}

function FromAddressBar({ path, locale }: { path: string; locale: Locale }) {
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete('lang');
  return <LanguageLinks path={path} locale={locale} query={params.toString()} />;
}

/** The language links built from the address bar, for pages whose URL changes in the browser. */
export function LiveLanguageLinks({ path, locale, initialQuery }: { path: string; locale: Locale; initialQuery: string }) {
  return (
    <Suspense fallback={<LanguageLinks path={path} locale={locale} query={initialQuery} />}>
      <FromAddressBar path={path} locale={locale} />
    </Suspense>
  );
}
