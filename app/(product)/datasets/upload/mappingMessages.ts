import { messageTranslator } from '@/lib/i18n/catalog';
import type { ColumnRole, RoleReason } from '@/lib/mapping/draft';
import type { Direction } from '@/lib/mapping/scales';
import type { MatchHow } from '@/lib/mapping/matchHeaders';
import type { Label } from '@/lib/survey/codebook';

/** Texts of the mapping screen, the files step and the codebook editor; their words are in messages/*.json, namespace `mapping`. */
export const mappingText = messageTranslator('mapping');

export const roleLabels: Record<ColumnRole, Label> = {
  respondentId: { en: 'Respondent id', nl: 'Respondent-id' },
  weight: { en: 'Weight', nl: 'Weging' },
  attribute: { en: 'Segment (who answered)', nl: 'Segment (wie antwoordde)' },
  item: { en: 'Question (analysed)', nl: 'Vraag (geanalyseerd)' },
  ignore: { en: 'Set aside (kept, not analysed)', nl: 'Terzijde (bewaard, niet geanalyseerd)' },
};

/** Plural names of the roles, for the filter. */
export const roleGroupLabels: Record<ColumnRole, Label> = {
  respondentId: { en: 'Respondent id', nl: 'Respondent-id' },
  weight: { en: 'Weight', nl: 'Weging' },
  attribute: { en: 'Segments', nl: 'Segmenten' },
  item: { en: 'Questions', nl: 'Vragen' },
  ignore: { en: 'Set aside', nl: 'Terzijde' },
};

export const reasonLabels: Record<RoleReason, Label> = {
  idHeader: { en: 'named like an id; values never repeat', nl: 'naam als een id; waarden herhalen nooit' },
  uniqueValues: { en: 'values never repeat and are never blank', nl: 'waarden herhalen nooit en zijn nooit leeg' },
  weightHeader: { en: 'named like a weight; numbers', nl: 'naam als een weging; getallen' },
  fileWeight: { en: 'the file weights by it', nl: 'het bestand weegt ermee' },
  fileLabels: { en: 'answers labelled in the file', nl: 'antwoorden met labels in het bestand' },
  demographic: { en: 'describes who answered (from its name or values)', nl: 'beschrijft wie antwoordde (uit de naam of de waarden)' },
  fewCodes: { en: 'a few text codes', nl: 'een paar tekstcodes' },
  familyScale: { en: 'one of several questions with the same answers', nl: 'een van meerdere vragen met dezelfde antwoorden' },
  answerScale: { en: 'answers on a scale', nl: 'antwoorden op een schaal' },
  yesNo: { en: 'yes/no answers', nl: 'ja/nee-antwoorden' },
  ratingSegment: { en: 'a rating that describes the respondent (bond, trust)', nl: 'een score die de respondent beschrijft (band, vertrouwen)' },
  manyValues: { en: 'many different values: free text or numbers', nl: 'veel verschillende waarden: vrije tekst of getallen' },
  personal: { en: 'looks like personal data', nl: 'lijkt op persoonsgegevens' },
  blank: { en: 'blank in every row read', nl: 'leeg in elke gelezen rij' },
  allMissing: { en: 'only missing values (such as NA)', nl: 'alleen ontbrekende waarden (zoals NA)' },
  constant: { en: 'the same value in every row read', nl: 'dezelfde waarde in elke gelezen rij' },
  analyst: { en: 'your choice', nl: 'je keuze' },
  codebook: { en: 'from the stored codebook', nl: 'uit het bewaarde codeboek' },
  files: { en: 'tells the files apart', nl: 'onderscheidt de bestanden' },
};

export const matchLabels: Record<MatchHow, Label> = {
  same: { en: 'same name', nl: 'zelfde naam' },
  key: { en: 'same key', nl: 'zelfde sleutel' },
  words: { en: 'same words', nl: 'zelfde woorden' },
  similar: { en: 'similar: check', nl: 'vergelijkbaar: controleer' },
};

export const directionMessage: Record<Exclude<Direction, 'unknown'>, 'directionLabels' | 'directionAnchors' | 'directionBinary'> = {
  labels: 'directionLabels',
  anchors: 'directionAnchors',
  binary: 'directionBinary',
};

/** The mapping's problem codes (lib/mapping/build.ts), in words. */
export const mappingProblemLabels: Record<string, Label> = {
  NoRespondentId: { en: 'No column is the respondent id: give one column that role.', nl: 'Geen kolom is de respondent-id: geef één kolom die rol.' },
  SeveralRespondentIds: { en: 'Only one column can be the respondent id.', nl: 'Maar één kolom kan de respondent-id zijn.' },
  SeveralWeights: { en: 'Only one column can be the weight.', nl: 'Maar één kolom kan de weging zijn.' },
  NoItems: { en: 'No column is a question to analyse: give at least one column the role “Question”.', nl: 'Geen kolom is een vraag om te analyseren: geef minstens één kolom de rol “Vraag”.' },
  UnnamedColumn: { en: 'A column without a name in the header cannot be used: set it aside or name it in the file.', nl: 'Een kolom zonder naam in de kopregel kan niet worden gebruikt: leg hem terzijde of geef hem een naam in het bestand.' },
  NoCodes: { en: 'This column has no codes: no row read holds a value.', nl: 'Deze kolom heeft geen codes: geen gelezen rij bevat een waarde.' },
  NoPositive: { en: 'Say which answers of this scale count as accepting.', nl: 'Geef aan welke antwoorden van deze schaal als accepterend tellen.' },
  ScaleNotConfirmed: { en: 'Confirm which answers of this scale count as accepting.', nl: 'Bevestig welke antwoorden van deze schaal als accepterend tellen.' },
  BandsNotConfirmed: { en: 'Confirm the groups this number is analysed in.', nl: 'Bevestig de groepen waarin dit getal wordt geanalyseerd.' },
  NoBands: { en: 'A number needs at least one group.', nl: 'Een getal heeft minstens één groep nodig.' },
  BadCodebook: { en: 'The codebook is not valid:', nl: 'Het codeboek is niet geldig:' },
};
