import type en from '../messages/en.json';

// next-intl checks message keys against the English catalog: a key missing from it fails the
// typecheck instead of showing its path on the page. (lib/i18n/catalog.test.ts keeps nl in step.)
declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof en;
  }
}
