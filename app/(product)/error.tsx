'use client';
import { useSearchParams } from 'next/navigation';
import { ErrorScreen, localeOfUrl } from '@/app/components/ErrorScreen';

/**
 * The error page of every route (inside the root layout): an unexpected error on a page shows a
 * real page in the reader's language with a way back, never a broken screen.
 */
export default function Error({ error, retry, reset }: { error: Error & { digest?: string }; retry?: () => void; reset?: () => void }) {
  const locale = localeOfUrl(useSearchParams());
  return <ErrorScreen error={error} retry={retry ?? reset} locale={locale} />;
}
