'use client';
import { useLocale } from 'next-intl';
import { ErrorScreen } from '@/app/components/ErrorScreen';

/**
 * The error page of every route (inside the root layout): an unexpected error on a page shows a
 * real page in the reader's language with a way back, never a broken screen. Inside the layout's
 * NextIntlClientProvider, so the language comes from next-intl; ErrorScreen still takes it as a
 * prop because global-error.tsx renders it without the provider.
 */
export default function Error({ error, retry, reset }: { error: Error & { digest?: string }; retry?: () => void; reset?: () => void }) {
  const locale = useLocale();
  return <ErrorScreen error={error} retry={retry ?? reset} locale={locale} />;
}
