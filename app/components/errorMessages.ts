import type { Label } from '@/lib/survey/codebook';

/**
 * The texts of the error pages (app/(product)/error.tsx, app/global-error.tsx), in English and
 * Dutch. Kept apart from the message catalogs on purpose: the error pages' scripts are part of every
 * page's first load (Next.js loads the error boundaries with the page), and reading the catalogs
 * here put both languages' whole catalogs and the ICU formatter in every page's scripts.
 */
export const errorMessages = {
  // The product's name, as app.appName says it (messages/*.json), for the error page's header.
  appName: { en: 'Personalization acceptance', nl: 'Acceptatie van personalisatie' },
  title: { en: 'Something went wrong on this page', nl: 'Er ging iets mis op deze pagina' },
  text: {
    en: 'The page could not be shown because of an unexpected error. Your data are safe: nothing was changed or lost. The error has been logged on the server.',
    nl: 'De pagina kon niet worden getoond door een onverwachte fout. Je data zijn veilig: er is niets gewijzigd of verloren gegaan. De fout is op de server vastgelegd.',
  },
  reference: { en: 'Reference for the administrator: {digest}', nl: 'Kenmerk voor de beheerder: {digest}' },
  retry: { en: 'Try again', nl: 'Opnieuw proberen' },
  back: { en: 'Go back', nl: 'Terug' },
  home: { en: 'Go to the summary', nl: 'Naar de samenvatting' },
  datasets: { en: 'See every dataset', nl: 'Bekijk alle datasets' },
} satisfies Record<string, Label>;

/** The text of `key` with its {placeholders} filled in (no plurals here, so no ICU formatter). */
export function errorText(locale: keyof Label, key: keyof typeof errorMessages, values: Record<string, string> = {}): string {
  return errorMessages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
