import Link from 'next/link';
import type { Locale } from '@/lib/survey/codebook';
import { appText } from '@/lib/i18n/messages';
import { LanguageLinks, LiveLanguageLinks } from './LanguageLinks';
import { AccountMenu } from '../account/AccountMenu';

/**
 * Top bar with navigation and the language switch; the language travels in the URL (?lang=nl).
 * `query` is the page's own state (without lang), kept when the language is switched. Pages that
 * change their URL in the browser without asking the server (the explorer) set `followUrl`, so the
 * links follow the address bar instead.
 */
export function SiteHeader({ locale, path, query = '', followUrl = false }: { locale: Locale; path: string; query?: string; followUrl?: boolean }) {
  const withLang = (href: string) => (locale === 'nl' ? `${href}?lang=nl` : href);
  return (
    <header className="site-header">
      <Link href={withLang('/')} className="brand">
        {appText(locale, 'appName')}
      </Link>
      <nav aria-label="Main">
        <Link href={withLang('/')} aria-current={path === '/' ? 'page' : undefined}>
          {appText(locale, 'navSummary')}
        </Link>
        <Link href={withLang('/explore')} aria-current={path === '/explore' ? 'page' : undefined}>
          {appText(locale, 'navExplore')}
        </Link>
        <Link href={withLang('/planner')} aria-current={path === '/planner' ? 'page' : undefined}>
          {appText(locale, 'navPlanner')}
        </Link>
        <Link href={withLang('/findings')} aria-current={path === '/findings' ? 'page' : undefined}>
          {appText(locale, 'navFindings')}
        </Link>
        <Link href={withLang('/benchmark')} aria-current={path === '/benchmark' ? 'page' : undefined}>
          {appText(locale, 'navBenchmark')}
        </Link>
        <Link href={withLang('/compare')} aria-current={path === '/compare' ? 'page' : undefined}>
          {appText(locale, 'navCompare')}
        </Link>
        <Link href={withLang('/tables')} aria-current={path === '/tables' ? 'page' : undefined}>
          {appText(locale, 'navTables')}
        </Link>
        <Link href={withLang('/datasets')} aria-current={path === '/datasets' ? 'page' : undefined}>
          {appText(locale, 'navDatasets')}
        </Link>
        <Link href={withLang('/help')} aria-current={path === '/help' ? 'page' : undefined}>
          {appText(locale, 'navHelp')}
        </Link>
      </nav>
      {followUrl ? <LiveLanguageLinks path={path} locale={locale} initialQuery={query} /> : <LanguageLinks path={path} locale={locale} query={query} />}
      <AccountMenu locale={locale} />
    </header>
  );
}

export function SyntheticNotice({ locale }: { locale: Locale }) {
  return (
    <p className="synthetic-notice" role="note" data-testid="synthetic-notice">
      <strong>{locale === 'nl' ? 'Synthetische data. ' : 'Synthetic data. '}</strong>
      {appText(locale, 'syntheticNotice')}
    </p>
  );
}
