import type { Label } from '../survey/codebook';

/**
 * Dutch for the words survey exports use most (demographic headers, genders, countries, yes/no,
 * the common five-point answers), so that a mapped dataset reads in Dutch on the Dutch pages
 * without the analyst typing every label. Anything not listed keeps its own text in both languages;
 * the analyst can change every label on the mapping screen.
 */
const DUTCH: Record<string, string> = {
  // demographics
  country: 'Land', gender: 'Geslacht', age: 'Leeftijd', region: 'Regio', education: 'Opleiding', income: 'Inkomen', urbanisation: 'Stedelijkheid',
  household: 'Huishouden', employment: 'Werk', 'age group': 'Leeftijdsgroep', wave: 'Meting', file: 'Bestand', 'brand bond': 'Band met het merk', trust: 'Vertrouwen',
  female: 'Vrouw', male: 'Man', women: 'Vrouwen', men: 'Mannen', woman: 'Vrouw', man: 'Man', 'non-binary': 'Non-binair', 'non-binary / third gender': 'Non-binair / anders',
  other: 'Anders', 'prefer not to say': 'Zeg ik liever niet',
  netherlands: 'Nederland', 'the netherlands': 'Nederland', germany: 'Duitsland', 'united kingdom': 'Verenigd Koninkrijk', uk: 'Verenigd Koninkrijk', sweden: 'Zweden',
  belgium: 'België', france: 'Frankrijk', spain: 'Spanje', italy: 'Italië', 'united states': 'Verenigde Staten', usa: 'Verenigde Staten', canada: 'Canada', japan: 'Japan',
  denmark: 'Denemarken', norway: 'Noorwegen', finland: 'Finland', poland: 'Polen', austria: 'Oostenrijk', switzerland: 'Zwitserland', ireland: 'Ierland', portugal: 'Portugal',
  urban: 'Stedelijk', rural: 'Landelijk', suburban: 'Voorstedelijk',
  // answers
  yes: 'Ja', no: 'Nee', selected: 'Gekozen', 'not selected': 'Niet gekozen', ok: 'OK', 'not ok': 'Niet OK', depends: 'Hangt ervan af',
  'very acceptable': 'Zeer acceptabel', 'somewhat acceptable': 'Enigszins acceptabel', 'neither acceptable nor unacceptable': 'Niet acceptabel en niet onacceptabel',
  'somewhat unacceptable': 'Enigszins onacceptabel', 'very unacceptable': 'Zeer onacceptabel', 'not acceptable at all': 'Helemaal niet acceptabel',
  'strongly agree': 'Helemaal eens', agree: 'Eens', 'somewhat agree': 'Enigszins eens', 'neither agree nor disagree': 'Niet eens en niet oneens', 'somewhat disagree': 'Enigszins oneens',
  disagree: 'Oneens', 'strongly disagree': 'Helemaal oneens',
  'very likely': 'Zeer waarschijnlijk', 'somewhat likely': 'Enigszins waarschijnlijk', likely: 'Waarschijnlijk', 'neither likely nor unlikely': 'Niet waarschijnlijk en niet onwaarschijnlijk',
  'somewhat unlikely': 'Enigszins onwaarschijnlijk', unlikely: 'Onwaarschijnlijk', 'very unlikely': 'Zeer onwaarschijnlijk', 'not at all likely': 'Helemaal niet waarschijnlijk',
  'very satisfied': 'Zeer tevreden', satisfied: 'Tevreden', neutral: 'Neutraal', dissatisfied: 'Ontevreden', 'very dissatisfied': 'Zeer ontevreden',
  'very important': 'Zeer belangrijk', important: 'Belangrijk', 'not important': 'Niet belangrijk', 'not at all important': 'Helemaal niet belangrijk',
  low: 'Laag', middle: 'Midden', high: 'Hoog', weak: 'Zwak', strong: 'Sterk', 'other questions': 'Overige vragen',
};

/** The label of a text: its Dutch where the list has it ("Female" → "Vrouw"), its own text otherwise. */
export function labelOf(text: string): Label {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const dutch = DUTCH[key];
  if (!dutch) return { en: text, nl: text };
  // Keep the export's own capitals in English; the Dutch list is written in sentence case.
  return { en: text, nl: /^[a-z]/.test(text) ? dutch.toLowerCase() : dutch };
}

/** Dutch for a band label such as "Strong (4-5)": the word translated, the range kept. */
export function bandLabelOf(text: string): Label {
  const m = /^(.*?)\s*(\([^)]*\))$/.exec(text);
  if (!m) return labelOf(text);
  const word = labelOf(m[1]);
  return { en: text, nl: `${word.nl} ${m[2]}` };
}
