import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import '@/app/globals.css';

// Titles and description in the reader's language (messages: titles); pages name themselves (app/pageTitle.ts).
export async function generateMetadata(): Promise<Metadata> {
  const [titles, app] = await Promise.all([getTranslations('titles'), getTranslations('app')]);
  return {
    title: { default: app('appName'), template: titles('template', { page: '%s', app: app('appName') }) },
    description: titles('description'),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The document's language is the page's (?lang, i18n/request.ts): the header and the browser's
  // hyphenation and screen readers follow it, not only the <main lang> of each page.
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body>
        {/* Client components get the shared namespace only: every page's payload would otherwise carry the whole catalog. */}
        <NextIntlClientProvider messages={{ app: messages.app }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
