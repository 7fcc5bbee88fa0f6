import { translator } from '@/lib/i18n/messages';
import type { Label } from '@/lib/survey/codebook';

/** The texts of the error pages (app/error.tsx, app/global-error.tsx), in English and Dutch. */
export const errorMessages = {
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

export const errorText = translator(errorMessages);
