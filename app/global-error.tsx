'use client';
import { useSearchParams } from 'next/navigation';
import { ErrorScreen, localeOfUrl } from './components/ErrorScreen';
import './globals.css';

/**
 * When the root layout itself fails: the same error page, in its own document (this replaces the
 * layout, so it brings the html and body, and the global styles).
 */
export default function GlobalError({ error, retry, reset }: { error: Error & { digest?: string }; retry?: () => void; reset?: () => void }) {
  const locale = localeOfUrl(useSearchParams());
  return (
    <html lang={locale}>
      <body>
        <title>{locale === 'nl' ? 'Er ging iets mis' : 'Something went wrong'}</title>
        <ErrorScreen error={error} retry={retry ?? reset} locale={locale} />
      </body>
    </html>
  );
}
