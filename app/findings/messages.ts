import { translator } from '@/lib/i18n/messages';
import type { Label } from '@/lib/survey/codebook';

/** Texts of the findings page on a stored dataset (?dataset=), in English and Dutch; the reference page's texts are in lib/i18n/messages.ts. */
export const findingsMessages = {
  datasetTitle: { en: 'Published findings on “{name}”', nl: 'Gepubliceerde bevindingen op “{name}”' },
  datasetIntro: {
    en: 'Each published figure this dataset can answer, computed from its respondents and shown beside the published value: how your survey compares with the studies. The rule for “agrees” is the same as for the reference data.',
    nl: 'Elk gepubliceerd cijfer dat deze dataset kan beantwoorden, berekend uit de respondenten en naast de gepubliceerde waarde gezet: hoe uw enquête zich verhoudt tot de onderzoeken. De regel voor “komt overeen” is dezelfde als voor de referentiedata.',
  },
  claimsG: { en: 'Published by study G (Google/Ipsos), computed on this dataset', nl: 'Gepubliceerd door onderzoek G (Google/Ipsos), berekend op deze dataset' },
  claimsP: { en: 'Published by study P (Accenture), computed on this dataset', nl: 'Gepubliceerd door onderzoek P (Accenture), berekend op deze dataset' },
  colDataset: { en: 'This dataset', nl: 'Deze dataset' },
  agrees: { en: 'Agrees', nl: 'Komt overeen' },
  differs: { en: 'Differs', nl: 'Wijkt af' },
  datasetCount: { en: '{ok} of {total} answerable claims agree with the published figure; {skipped} skipped', nl: '{ok} van {total} te beantwoorden beweringen komen overeen met het gepubliceerde cijfer; {skipped} overgeslagen' },
  skippedTitle: { en: 'Skipped: claims this dataset cannot answer', nl: 'Overgeslagen: beweringen die deze dataset niet kan beantwoorden' },
  skippedIntro: { en: 'Each claim needs questions and respondent attributes of the study it comes from. This dataset lacks:', nl: 'Elke bewering heeft vragen en kenmerken van respondenten nodig uit het onderzoek waar die vandaan komt. Deze dataset mist:' },
  noneAnswerable: { en: 'This dataset can answer none of the published claims.', nl: 'Deze dataset kan geen van de gepubliceerde beweringen beantwoorden.' },
  unknownTitle: { en: 'This dataset does not exist (any more)', nl: 'Deze dataset bestaat niet (meer)' },
  unknownText: { en: 'There is no dataset with the id “{id}”.', nl: 'Er is geen dataset met de id “{id}”.' },
  backToReference: { en: 'See the published findings on the reference data', nl: 'Bekijk de gepubliceerde bevindingen op de referentiedata' },
  chooseLabel: { en: 'Check the published figures on', nl: 'Controleer de gepubliceerde cijfers op' },
  chooseReference: { en: 'The reference data (both studies)', nl: 'De referentiedata (beide onderzoeken)' },
  chooseSubmit: { en: 'Show', nl: 'Toon' },
  uploadedMark: { en: '{name} (uploaded)', nl: '{name} (geüpload)' },
  notComputed: { en: 'not computed', nl: 'niet berekend' },
  notComputedWhy: {
    en: 'This figure could not be computed on these data: nobody in the base answered, or a group it compares is empty.',
    nl: 'Dit cijfer kon op deze data niet worden berekend: niemand in de basis antwoordde, of een groep die het vergelijkt is leeg.',
  },
  benchmarkLink: { en: 'Compare this dataset item by item with a reference study', nl: 'Vergelijk deze dataset per item met een referentieonderzoek' },
} satisfies Record<string, Label>;

export const findingsText = translator(findingsMessages);
