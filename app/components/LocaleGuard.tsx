'use client';
import { useLocale } from 'next-intl';
import { useEffect } from 'react';
import type { Locale } from '@/lib/survey/codebook';

/**
 * Reloads the page when the language of the page just rendered (`locale`, the request's) is not the
 * one the client components read (the layout's NextIntlClientProvider, rendered with the first page
 * of a visit and kept by Next.js on in-app navigation). They differ only when the language changed
 * without a page load: the reader chose Dutch in another tab, then followed a link in this one, and
 * the server redirected it to ?lang=nl (proxy.ts). A fresh load renders the layout in that language.
 */
export function LocaleGuard({ locale }: { locale: Locale }) {
  const shell = useLocale();
  useEffect(() => {
    if (shell !== locale) window.location.reload();
  }, [shell, locale]);
  return null;
}
