'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import type { Locale } from '@/lib/survey/codebook';
import { t } from '@/lib/i18n/messages';

/** English / Nederlands, each keeping the page's own state (`query`, without lang). */
export function LanguageLinks({ path, locale, query }: { path: string; locale: Locale; query: string }) {
  // Not prefetched: these links change with every filter, and prefetching them would compete with the filter's own request.
  return (
    <nav aria-label={t(locale, 'language')} className="lang-switch">
      <Link href={`${path}${query ? `?${query}` : ''}`} prefetch={false} hrefLang="en" lang="en" aria-current={locale === 'en' ? 'true' : undefined}>
        English
      </Link>
      <Link href={`${path}?${query ? `${query}&` : ''}lang=nl`} prefetch={false} hrefLang="nl" lang="nl" aria-current={locale === 'nl' ? 'true' : undefined}>
        Nederlands
      </Link>
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
