import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from './components/SiteHeader';
import { localeFrom, t } from '@/lib/i18n/messages';

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = localeFrom((await searchParams).lang);
  return (
    <>
      <SiteHeader locale={locale} path="/" />
      <main lang={locale} className="page">
        <h1>{t(locale, 'homeTitle')}</h1>
        <p className="lead">{t(locale, 'homeIntro')}</p>
        <SyntheticNotice locale={locale} />
        <p>
          <Link className="button" href={locale === 'nl' ? '/findings?lang=nl' : '/findings'}>
            {t(locale, 'homeFindingsLink')} →
          </Link>
        </p>
      </main>
    </>
  );
}
