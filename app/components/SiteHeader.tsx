import Link from 'next/link';
import type { Locale } from '@/lib/survey/codebook';
import { useLocale, useTranslations } from 'next-intl';
import { appText, type MessageKey } from '@/lib/i18n/messages';
import { LanguageLinks } from './LanguageLinks';
import { LiveLanguageLinks } from './LiveLanguageLinks';
import { AccountMenu } from '@/app/(product)/account/AccountMenu';
import { MenuButton } from './MenuButton';
import { LocaleGuard } from './LocaleGuard';

const HEADER_WORDS = {
  skip: { en: 'Skip to content', nl: 'Naar inhoud' },
  menu: { en: 'Menu', nl: 'Menu' },
} as const;

/**
 * Top bar with navigation and the language switch; the language travels in the URL (?lang=nl).
 * `query` is the page's own state (without lang), kept when the language is switched. Pages that
 * change their URL in the browser without asking the server (the explorer) set `followUrl`, so the
 * links follow the address bar instead. On a phone the links fold behind a menu button.
 *
 * The language is the request's (?lang, next-intl). `locale` overrides it for the 404 page only:
 * that page has no search params and shows the reader's remembered or browser language, which
 * next-intl does not know (app/(product)/not-found.tsx); the override goes on to the parts that
 * follow the page's language (the links' ?lang, the language switch, the account corner).
 */
export function SiteHeader({ path, query = '', followUrl = false, locale: shown }: { path: string; query?: string; followUrl?: boolean; locale?: Locale }) {
  const intl = useTranslations('app');
  const current = useLocale();
  const locale = shown ?? current;
  // The 404 page's language may not be next-intl's: its words then come from the catalog directly.
  const t = (key: MessageKey) => (locale === current ? intl(key) : appText(locale, key));
  const withLang = (href: string) => (locale === 'nl' ? `${href}?lang=nl` : href);
  return (
    <header className="site-header">
      {/* The first tab stop: past the header's links to the page's own content (<main id="main">). */}
      <a href="#main" className="skip-link">
        {HEADER_WORDS.skip[locale]}
      </a>
      <Link href={withLang('/')} className="brand">
        {t('appName')}
      </Link>
      <MenuButton label={HEADER_WORDS.menu[locale]} key={path} />
      <nav aria-label={t('mainNav')}>
        <Link href={withLang('/')} aria-current={path === '/' ? 'page' : undefined}>
          {t('navSummary')}
        </Link>
        <Link href={withLang('/explore')} aria-current={path === '/explore' ? 'page' : undefined}>
          {t('navExplore')}
        </Link>
        <Link href={withLang('/planner')} aria-current={path === '/planner' ? 'page' : undefined}>
          {t('navPlanner')}
        </Link>
        <Link href={withLang('/findings')} aria-current={path === '/findings' ? 'page' : undefined}>
          {t('navFindings')}
        </Link>
        <Link href={withLang('/benchmark')} aria-current={path === '/benchmark' ? 'page' : undefined}>
          {t('navBenchmark')}
        </Link>
        <Link href={withLang('/compare')} aria-current={path === '/compare' ? 'page' : undefined}>
          {t('navCompare')}
        </Link>
        <Link href={withLang('/tables')} aria-current={path === '/tables' ? 'page' : undefined}>
          {t('navTables')}
        </Link>
        <Link href={withLang('/datasets')} aria-current={path === '/datasets' ? 'page' : undefined}>
          {t('navDatasets')}
        </Link>
        <Link href={withLang('/help')} aria-current={path === '/help' ? 'page' : undefined}>
          {t('navHelp')}
        </Link>
      </nav>
      {followUrl ? (
        <LiveLanguageLinks path={path} initialQuery={query} label={t('language')} />
      ) : (
        <LanguageLinks path={path} query={query} label={t('language')} locale={shown} />
      )}
      <AccountMenu locale={shown} />
      <LocaleGuard locale={current} />
    </header>
  );
}

export function SyntheticNotice() {
  const locale = useLocale();
  return (
    <p className="synthetic-notice" role="note" data-testid="synthetic-notice">
      <strong>{appText(locale, 'syntheticLead')} </strong>
      {appText(locale, 'syntheticNotice')}
    </p>
  );
}
