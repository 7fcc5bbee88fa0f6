import type en from '../messages/en.json';
import type { Locale } from '../lib/survey/codebook';

// next-intl checks message keys against the English catalog: a key missing from it fails the
// typecheck instead of showing its path on the page. (lib/i18n/catalog.test.ts keeps nl in step.)
// Its locale is the app's own: useLocale() and getLocale() return 'en' | 'nl', no cast needed.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
