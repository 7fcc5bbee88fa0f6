/** The codebooks of the two synthetic reference studies (written next to their CSVs). */
import type { Attribute, Codebook, CodeLabel, Item, ItemMeta, Label } from '../../lib/survey/codebook';
import { AGE_BANDS, DATA_TYPES, INDUSTRIES, PLACES, SCENARIOS, SITUATIONS } from './studyG';
import { P_COUNTRIES, P_ITEMS } from './studyP';

const L = (en: string, nl: string): Label => ({ en, nl });
const code = (c: string, en: string, nl: string): CodeLabel => ({ code: c, label: L(en, nl) });

const COUNTRY_NAMES: Record<string, Label> = {
  NL: L('Netherlands', 'Nederland'),
  SE: L('Sweden', 'Zweden'),
  DE: L('Germany', 'Duitsland'),
  UK: L('United Kingdom', 'Verenigd Koninkrijk'),
  CA: L('Canada', 'Canada'),
  FR: L('France', 'Frankrijk'),
  IT: L('Italy', 'Italië'),
  JP: L('Japan', 'Japan'),
  ES: L('Spain', 'Spanje'),
  US: L('United States', 'Verenigde Staten'),
};

const countryAttr = (codes: readonly string[]): Attribute => ({
  id: 'country',
  column: 'country',
  label: L('Country', 'Land'),
  kind: 'categorical',
  codes: codes.map((c) => ({ code: c, label: COUNTRY_NAMES[c] })),
});
const genderAttr: Attribute = {
  id: 'gender',
  column: 'gender',
  label: L('Gender', 'Geslacht'),
  kind: 'categorical',
  codes: [code('F', 'Women', 'Vrouwen'), code('M', 'Men', 'Mannen')],
};
const ageAttr: Attribute = {
  id: 'age_band',
  column: 'age_band',
  label: L('Age', 'Leeftijd'),
  kind: 'categorical',
  codes: AGE_BANDS.map((a) => code(a, a === '50+' ? '50 and over' : `${a}`, a === '50+' ? '50 en ouder' : `${a}`)),
};

const SYNTHETIC_NOTE_EN =
  'Synthetic respondents generated to match the published aggregates; no respondent-level data was published. Figures that were not published (splits by country, segment, data type, scenario) are assumptions of the generator (data/generate/ASSUMPTIONS.md).';
const SYNTHETIC_NOTE_NL =
  'Synthetische respondenten, gegenereerd om de gepubliceerde totalen te evenaren; er zijn geen gegevens per respondent gepubliceerd. Cijfers die niet gepubliceerd zijn (uitsplitsingen naar land, segment, gegevenstype, scenario) zijn aannames van de generator (data/generate/ASSUMPTIONS.md).';

const DATA_TYPE_LABELS: Record<string, Label> = {
  dt_gender: L('Gender', 'Geslacht'),
  dt_age_group: L('Age group', 'Leeftijdsgroep'),
  dt_past_purchases: L('Past purchases', 'Eerdere aankopen'),
  dt_places_visited: L('Places physically visited', 'Fysiek bezochte plekken'),
  dt_insurance: L('Insurance data', 'Verzekeringsgegevens'),
  dt_medical_history: L('Medical history', 'Medische geschiedenis'),
  dt_political_preference: L('Political preference', 'Politieke voorkeur'),
  dt_photos: L('Photos on your phone', "Foto's op je telefoon"),
  dt_race: L('Race or ethnic origin', 'Ras of etnische afkomst'),
  dt_address: L('Address', 'Adresgegevens'),
  dt_websites_visited: L('Websites visited', 'Bezochte websites'),
  dt_purchase_value: L('Value of purchases', 'Waarde van aankopen'),
  dt_social_likes: L('Brands and things liked on social media', 'Merken en dingen die je leuk vindt op social media'),
  dt_birth_date: L('Date of birth', 'Geboortedatum'),
  dt_spending_budget: L('Spending budget', 'Bestedingsbudget'),
  dt_clothing_size: L('Clothing size', 'Kledingmaat'),
  dt_current_location: L('Current location', 'Huidige locatie'),
};

const SITUATION_LABELS = [
  code('pressed', 'Time-pressed, attention-demanding', 'Gehaast, situatie die aandacht vraagt'),
  code('relaxed', 'Calm and relaxed', 'Kalm en ontspannen'),
];
const PLACE_LABELS = [code('public', 'Public setting (transit, work, a shop)', 'Openbare omgeving (ov, werk, winkel)'), code('private', 'Private setting (home)', 'Privéomgeving (thuis)')];
const INDUSTRY_LABELS = [code('banking', 'Banking and saving', 'Bankieren en sparen'), code('travel', 'Booking travel', 'Een reis boeken'), code('clothing', 'Buying clothes', 'Kleding kopen')];

export function studyGCodebook(): Codebook {
  const dtItems: Item[] = DATA_TYPES.map((d) => {
    const meta: ItemMeta = { tier: d.tier };
    if (d.unlockedBy) meta.unlockedBy = d.unlockedBy;
    return { id: d.id, column: d.id, label: DATA_TYPE_LABELS[d.id], family: 'dataType', scale: 'ok3', meta };
  });
  const scItems: Item[] = SCENARIOS.map((s) => {
    const sit = SITUATION_LABELS[s.situation].label;
    const pl = PLACE_LABELS[s.place].label;
    const ind = INDUSTRY_LABELS[s.industry].label;
    return {
      id: s.id,
      column: s.id,
      label: L(`${ind.en}; ${sit.en.toLowerCase()}; ${pl.en.toLowerCase()}`, `${ind.nl}; ${sit.nl.toLowerCase()}; ${pl.nl.toLowerCase()}`),
      family: 'scenario',
      scale: 'agree5',
      meta: { situation: SITUATIONS[s.situation], place: PLACES[s.place], industry: INDUSTRIES[s.industry] },
    };
  });
  return {
    id: 'study-g',
    title: L('Google/Ipsos: consumers and automated services (synthetic respondents)', 'Google/Ipsos: consumenten en geautomatiseerde diensten (synthetische respondenten)'),
    description: L(
      'Online survey of 4,000 consumers in the Netherlands, Sweden, Germany and the UK (1,000 each), rating automated (machine-learning) services in scenarios and which personal data a brand may act on. ' +
        SYNTHETIC_NOTE_EN,
      'Online onderzoek onder 4.000 consumenten in Nederland, Zweden, Duitsland en het Verenigd Koninkrijk (1.000 per land), over geautomatiseerde (machine-learning) diensten in scenario’s en welke persoonlijke gegevens een merk mag gebruiken. ' +
        SYNTHETIC_NOTE_NL,
    ),
    studyStyle: 'G',
    synthetic: true,
    respondentId: 'respondent_id',
    weight: 'weight',
    attributes: [
      countryAttr(['NL', 'SE', 'DE', 'UK']),
      genderAttr,
      ageAttr,
      {
        id: 'young_children',
        column: 'young_children',
        label: L('Young children', 'Jonge kinderen'),
        kind: 'categorical',
        codes: [code('yes', 'With young children', 'Met jonge kinderen'), code('no', 'Without young children', 'Zonder jonge kinderen')],
      },
      {
        id: 'bond',
        column: 'bond',
        label: L('Emotional bond with the brand', 'Emotionele band met het merk'),
        kind: 'scale',
        min: 1,
        max: 5,
        bands: [
          { id: 'weak', label: L('Weak (1-2)', 'Zwak (1-2)'), min: 1, max: 2 },
          { id: 'neutral', label: L('Neutral (3)', 'Neutraal (3)'), min: 3, max: 3 },
          { id: 'strong', label: L('Strong (4-5)', 'Sterk (4-5)'), min: 4, max: 5 },
        ],
      },
      {
        id: 'trust',
        column: 'trust',
        label: L('Trust in the brand', 'Vertrouwen in het merk'),
        kind: 'scale',
        min: 1,
        max: 5,
        bands: [
          { id: 'low', label: L('Low (1-2)', 'Laag (1-2)'), min: 1, max: 2 },
          { id: 'neutral', label: L('Neutral (3)', 'Neutraal (3)'), min: 3, max: 3 },
          { id: 'high', label: L('High (4-5)', 'Hoog (4-5)'), min: 4, max: 5 },
        ],
      },
    ],
    scales: [
      {
        id: 'ok3',
        label: L('OK for a brand to act on?', 'Oké voor een merk om naar te handelen?'),
        codes: [code('1', 'OK', 'Oké'), code('2', 'Depends', 'Hangt ervan af'), code('3', 'Not OK', 'Niet oké')],
        positive: ['1'],
      },
      {
        id: 'agree5',
        label: L('Attitude towards the automated service', 'Houding tegenover de geautomatiseerde dienst'),
        codes: [
          code('1', 'Very negative', 'Zeer negatief'),
          code('2', 'Negative', 'Negatief'),
          code('3', 'Neutral', 'Neutraal'),
          code('4', 'Positive', 'Positief'),
          code('5', 'Very positive', 'Zeer positief'),
        ],
        positive: ['4', '5'],
      },
    ],
    families: [
      { id: 'dataType', label: L('Personal data a brand may act on', 'Persoonlijke gegevens waar een merk naar mag handelen') },
      { id: 'scenario', label: L('Automated services in scenarios', 'Geautomatiseerde diensten in scenario’s') },
    ],
    itemDimensions: [
      { id: 'tier', label: L('Data-type tier', 'Categorie gegevens'), values: [code('ok', 'OK to act on', 'Oké om naar te handelen'), code('grey', 'Grey zone', 'Grijs gebied'), code('nogo', 'Not OK (no-go)', 'Niet oké (no-go)')] },
      { id: 'unlockedBy', label: L('Acceptable only with', 'Alleen acceptabel bij'), values: [code('bond', 'A strong emotional bond', 'Een sterke emotionele band'), code('trust', 'Trust in the brand', 'Vertrouwen in het merk')] },
      { id: 'situation', label: L('Situation', 'Situatie'), values: SITUATION_LABELS },
      { id: 'place', label: L('Place', 'Plaats'), values: PLACE_LABELS },
      { id: 'industry', label: L('Industry', 'Branche'), values: INDUSTRY_LABELS },
    ],
    items: [...dtItems, ...scItems],
  };
}

const P_ITEM_LABELS: Record<string, Label> = {
  p1_left_poorly_curated: L('Left a website and bought elsewhere because the experience was poorly curated', 'Website verlaten en elders gekocht omdat de ervaring slecht was samengesteld'),
  p2_prefer_recognising_brands: L(
    'More likely to shop with brands that recognise, remember and give relevant offers',
    'Eerder geneigd te winkelen bij merken die je herkennen, onthouden en relevante aanbiedingen doen',
  ),
  p3_share_if_transparent: L('Willing to share data for personalization if the company is transparent about its use', 'Bereid gegevens te delen voor personalisatie als het bedrijf transparant is over het gebruik'),
  p4_keep_profile: L('Would keep personal data in a self-managed profile so that the brand can personalize', 'Zou persoonlijke gegevens in een zelf beheerd profiel bijhouden zodat het merk kan personaliseren'),
  p5_too_personal: L('Had a brand interaction that felt too personal or invasive', 'Had een merkervaring die te persoonlijk of ingrijpend voelde'),
  p6_info_not_shared: L('The brand used information they had not knowingly shared', 'Het merk gebruikte informatie die niet willens en wetens was gedeeld'),
  p7_creepy_text_passing_store: L('Creepy: a text message from a brand when walking past its store', 'Griezelig: een sms van een merk bij het langslopen van de winkel'),
  p8_creepy_message_after_store: L('Creepy: a mobile message after walking through a store', 'Griezelig: een mobiel bericht na het doorlopen van een winkel'),
  p9_creepy_social_ads: L("Creepy: social-media ads for items viewed on a brand's website", 'Griezelig: advertenties op social media voor items die op een merkwebsite zijn bekeken'),
  p10_valued_apology_email: L('Valued: an apology e-mail after a bad (offline or online) experience', 'Gewaardeerd: een e-mail met excuses na een slechte (offline of online) ervaring'),
  p11_valued_apology_website: L("Valued: an apology message on the brand's website", 'Gewaardeerd: een excuusbericht op de website van het merk'),
};

export function studyPCodebook(): Codebook {
  return {
    id: 'study-p',
    title: L('Accenture Interactive Personalization Pulse Check 2018 (synthetic respondents)', 'Accenture Interactive Personalization Pulse Check 2018 (synthetische respondenten)'),
    description: L(
      '8,000 consumers in Canada, France, Germany, Italy, Japan, Spain, the UK and the US (wave 2018), plus the previous edition (wave 2017, only the poorly-curated-website question). ' +
        SYNTHETIC_NOTE_EN,
      '8.000 consumenten in Canada, Frankrijk, Duitsland, Italië, Japan, Spanje, het Verenigd Koninkrijk en de Verenigde Staten (meting 2018), plus de vorige editie (meting 2017, alleen de vraag over slecht samengestelde websites). ' +
        SYNTHETIC_NOTE_NL,
    ),
    studyStyle: 'P',
    synthetic: true,
    respondentId: 'respondent_id',
    weight: 'weight',
    attributes: [
      { id: 'wave', column: 'wave', label: L('Wave', 'Meting'), kind: 'categorical', codes: [code('2017', '2017', '2017'), code('2018', '2018', '2018')] },
      countryAttr(P_COUNTRIES),
      genderAttr,
      ageAttr,
    ],
    scales: [{ id: 'yesno', label: L('Yes / no', 'Ja / nee'), codes: [code('yes', 'Yes', 'Ja'), code('no', 'No', 'Nee')], positive: ['yes'] }],
    families: [
      { id: 'pulse', label: L('Experiences and expectations', 'Ervaringen en verwachtingen') },
      { id: 'tactic', label: L('Personalization tactics', 'Personalisatietactieken') },
    ],
    itemDimensions: [{ id: 'tactic', label: L('Tactic', 'Tactiek'), values: [code('creepy', 'Creepy', 'Griezelig'), code('valued', 'Valued', 'Gewaardeerd')] }],
    items: P_ITEMS.map((d) => {
      const item: Item = { id: d.id, column: d.id, label: P_ITEM_LABELS[d.id], family: d.family, scale: 'yesno', meta: d.tactic ? { tactic: d.tactic } : {} };
      if (d.id === 'p6_info_not_shared') item.askedIf = { column: 'p5_too_personal', in: ['yes'] };
      return item;
    }),
  };
}
