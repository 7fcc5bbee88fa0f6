import type { Label } from '@/lib/survey/codebook';
import { tableTranslator } from '@/lib/i18n/icu';

/** The help page's and the "?" buttons' own words (the terms themselves are in lib/help/glossary.ts). */
export const helpMessages = {
  whatIs: { en: 'What is “{term}”?', nl: 'Wat is “{term}”?' },
  more: { en: 'More in the glossary', nl: 'Meer in de woordenlijst' },
  title: { en: 'Help: the words on these pages', nl: 'Hulp: de woorden op deze pagina’s' },
  intro: {
    en: 'The pages use a few statistical words. Here each is explained in plain words. On the pages, the small “?” beside a word opens the same explanation in place.',
    nl: 'De pagina’s gebruiken een paar statistische woorden. Hier lees je wat elk betekent, in gewone woorden. Op de pagina’s opent het kleine “?” naast een woord dezelfde uitleg ter plekke.',
  },
  contents: { en: 'Terms', nl: 'Begrippen' },
  where: {
    en: 'Every figure is computed from respondent-level data as R’s survey package computes it; the README of the project gives the formulas.',
    nl: 'Elk cijfer is berekend uit gegevens per respondent, zoals het survey-pakket van R het berekent; de README van het project geeft de formules.',
  },
  backToTop: { en: 'Back to the list', nl: 'Terug naar de lijst' },
} satisfies Record<string, Label>;

export const helpText = tableTranslator(helpMessages);
