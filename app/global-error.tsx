'use client';
import { useSearchParams } from 'next/navigation';
import { ErrorScreen, localeOfUrl } from './components/ErrorScreen';

/**
 * When a root layout itself fails: the same error page, in its own document (this replaces the
 * layout, so it brings the html and body). Without the global styles on purpose: Next.js loads this
 * component's styles and scripts with every page, the bare yardstick (app/(yardstick)) included, so
 * a stylesheet here was a preload no page used; the page reads fine in the browser's own styles.
 */
export default function GlobalError({ error, retry, reset }: { error: Error & { digest?: string }; retry?: () => void; reset?: () => void }) {
  const locale = localeOfUrl(useSearchParams());
  return (
    <html lang={locale}>
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '1rem', lineHeight: 1.5 }}>
        <title>{locale === 'nl' ? 'Er ging iets mis' : 'Something went wrong'}</title>
        <ErrorScreen error={error} retry={retry ?? reset} locale={locale} />
      </body>
    </html>
  );
}
