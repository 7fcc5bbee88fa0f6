import { translator } from '@/lib/i18n/messages';

/** The not-found page's texts (app/not-found.tsx). */
export const notFoundText = translator({
  title: { en: 'Page not found', nl: 'Pagina niet gevonden' },
  text: {
    en: 'There is no page at this address. The link may be out of date, or the address may have a typo.',
    nl: 'Op dit adres staat geen pagina. Misschien is de link verouderd, of zit er een tikfout in het adres.',
  },
  waysBack: { en: 'Where to go from here', nl: 'Waar je verder kunt' },
  summary: { en: 'The summary', nl: 'De samenvatting' },
  explore: { en: 'Explore the studies', nl: 'De onderzoeken verkennen' },
  datasets: { en: 'Datasets', nl: 'Datasets' },
});
