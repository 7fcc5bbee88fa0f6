import { translator } from '@/lib/i18n/messages';
import type { ColumnRole, RoleReason } from '@/lib/mapping/draft';
import type { Direction } from '@/lib/mapping/scales';
import type { MatchHow } from '@/lib/mapping/matchHeaders';
import type { Label } from '@/lib/survey/codebook';

/** Texts of the mapping screen, the files step and the codebook editor, in English and Dutch. */
export const mappingMessages = {
  mappingTitle: { en: 'Map the columns', nl: 'Kolommen koppelen' },
  mappingIntro: {
    en: 'The header matches no template, so each column got a proposed role, read from its header and {rows} rows from across the file. Check the proposal, confirm the items marked “to confirm”, and change anything that is wrong.',
    nl: 'De kopregel komt met geen sjabloon overeen. Daarom kreeg elke kolom een voorgestelde rol, afgeleid uit de kopregel en {rows} rijen van verspreid door het bestand. Controleer het voorstel, bevestig wat als “te bevestigen” is gemarkeerd en wijzig wat niet klopt.',
  },
  overview: {
    en: '{columns} columns: {items} questions in {families} families, {attributes} segments, {ignored} set aside.',
    nl: '{columns} kolommen: {items} vragen in {families} groepen, {attributes} segmenten, {ignored} terzijde gelegd.',
  },
  pendingTitle: { en: 'To confirm before checking the file', nl: 'Te bevestigen voordat het bestand wordt gecontroleerd' },
  pendingTitleEdit: { en: 'To confirm before saving', nl: 'Te bevestigen vóór het opslaan' },
  pendingNone: { en: 'Everything is confirmed.', nl: 'Alles is bevestigd.' },
  pendingScale: { en: 'Which answers of “{scale}” count as accepting', nl: 'Welke antwoorden van “{scale}” als accepterend tellen' },
  pendingBands: { en: 'The groups of “{column}”', nl: 'De groepen van “{column}”' },

  scalesTitle: { en: 'Answer scales', nl: 'Antwoordschalen' },
  scalesIntro: {
    en: 'Questions that share a set of answers share one scale: set it once here. Tick the answers that count as accepting (the share the charts show).',
    nl: 'Vragen met dezelfde antwoorden delen één schaal: stel die hier één keer in. Vink de antwoorden aan die als accepterend tellen (het aandeel dat de grafieken tonen).',
  },
  scaleUsedBy: { en: 'used by {n} questions', nl: 'gebruikt door {n} vragen' },
  scaleName: { en: 'Name of the scale', nl: 'Naam van de schaal' },
  scaleCodes: { en: 'Answers in order, with their labels', nl: 'Antwoorden op volgorde, met hun labels' },
  colAccepting: { en: 'Counts as accepting', nl: 'Telt als accepterend' },
  colAnswer: { en: 'Answer in the file', nl: 'Antwoord in het bestand' },
  colLabelEn: { en: 'Label (English)', nl: 'Label (Engels)' },
  colLabelNl: { en: 'Label (Dutch)', nl: 'Label (Nederlands)' },
  acceptingFor: { en: 'Answer {code} of {scale} counts as accepting', nl: 'Antwoord {code} van {scale} telt als accepterend' },
  labelFor: { en: '{language} label of {what}', nl: '{language} label van {what}' },
  english: { en: 'English', nl: 'Engels' },
  dutch: { en: 'Dutch', nl: 'Nederlands' },
  directionLabels: { en: 'Read from the answers’ words: “{best}” is the accepting end.', nl: 'Afgeleid uit de woorden van de antwoorden: “{best}” is de accepterende kant.' },
  directionAnchors: { en: 'Read from the question text: “{best}” is the accepting end.', nl: 'Afgeleid uit de vraagtekst: “{best}” is de accepterende kant.' },
  directionBinary: { en: 'A yes/no question: “{best}” counts as accepting.', nl: 'Een ja/nee-vraag: “{best}” telt als accepterend.' },
  directionUnknown: {
    en: 'The data do not say which end of this scale is positive. Which answers count as accepting?',
    nl: 'De gegevens zeggen niet welke kant van deze schaal positief is. Welke antwoorden tellen als accepterend?',
  },
  endLow: { en: 'The first: {codes}', nl: 'De eerste: {codes}' },
  endHigh: { en: 'The last: {codes}', nl: 'De laatste: {codes}' },
  reverse: { en: 'Turn around: the other end is accepting', nl: 'Omdraaien: de andere kant is accepterend' },
  confirm: { en: 'Confirm', nl: 'Bevestigen' },
  confirmed: { en: 'Confirmed', nl: 'Bevestigd' },
  toConfirm: { en: 'To confirm', nl: 'Te bevestigen' },
  changeAgain: { en: 'Change', nl: 'Wijzigen' },

  familiesTitle: { en: 'Question families', nl: 'Vraaggroepen' },
  familiesIntro: {
    en: 'Questions of one family are charted together. Families were read from the headers’ shared structure; rename them here, move questions with the selection below.',
    nl: 'Vragen van één groep worden samen in een grafiek getoond. De groepen zijn afgeleid uit de gedeelde opbouw van de kopregels; geef ze hier een naam en verplaats vragen met de selectie hieronder.',
  },
  familyCount: { en: '{n} questions', nl: '{n} vragen' },

  columnsTitle: { en: 'Columns', nl: 'Kolommen' },
  columnsCaption: { en: 'Every column of the file, its role, label and details', nl: 'Elke kolom van het bestand, met rol, label en details' },
  show: { en: 'Show', nl: 'Tonen' },
  showAll: { en: 'All columns ({n})', nl: 'Alle kolommen ({n})' },
  showRole: { en: '{role} ({n})', nl: '{role} ({n})' },
  showFamily: { en: 'Family: {family} ({n})', nl: 'Groep: {family} ({n})' },
  selectAll: { en: 'Select all shown columns', nl: 'Alle getoonde kolommen selecteren' },
  selectColumn: { en: 'Select column {column}', nl: 'Kolom {column} selecteren' },
  colColumn: { en: 'Column', nl: 'Kolom' },
  colRole: { en: 'Role', nl: 'Rol' },
  colLabel: { en: 'Label (English, Dutch)', nl: 'Label (Engels, Nederlands)' },
  colDetails: { en: 'Scale, family, codes or groups', nl: 'Schaal, groep, codes of indeling' },
  colValues: { en: 'Values (and missing)', nl: 'Waarden (en ontbrekend)' },
  idValues: { en: '{n} values, none repeats', nl: '{n} waarden, geen herhaalt zich' },
  idRepeats: { en: '{n} values; some repeat', nl: '{n} waarden; sommige herhalen zich' },
  roleFor: { en: 'Role of column {column}', nl: 'Rol van kolom {column}' },
  familyFor: { en: 'Family of {column}', nl: 'Groep van {column}' },
  scaleFor: { en: 'Answer scale of {column}', nl: 'Antwoordschaal van {column}' },
  newFamily: { en: 'New family…', nl: 'Nieuwe groep…' },
  newFamilyName: { en: 'Name of the new family', nl: 'Naam van de nieuwe groep' },
  codesCount: { en: '{n} codes and their labels', nl: '{n} codes en hun labels' },
  bandsFor: { en: 'Groups of {column}', nl: 'Groepen van {column}' },
  bandsHint: { en: 'Groups as ranges, separated by commas: 18-29, 30-44, 45-59, 60+', nl: 'Groepen als bereiken, gescheiden door komma’s: 18-29, 30-44, 45-59, 60+' },
  bandsRange: { en: 'Values from {min} to {max}.', nl: 'Waarden van {min} tot {max}.' },
  bandsOpen: { en: 'Any value.', nl: 'Elke waarde.' },
  missingFor: { en: 'Values of {column} that mean missing', nl: 'Waarden van {column} die ontbrekend betekenen' },
  missingShort: { en: 'missing', nl: 'ontbrekend' },
  asMissing: { en: '{value} means missing', nl: '{value} betekent ontbrekend' },
  moreValues: { en: 'and more: {n}+ different values', nl: 'en meer: {n}+ verschillende waarden' },
  noValues: { en: 'blank in every row read', nl: 'leeg in elke gelezen rij' },
  fullText: { en: 'Full text: {text}', nl: 'Volledige tekst: {text}' },
  why: { en: 'Why: {reason}', nl: 'Waarom: {reason}' },

  bulkSelected: { en: '{n} selected', nl: '{n} geselecteerd' },
  bulkRole: { en: 'Set role', nl: 'Rol instellen' },
  bulkFamily: { en: 'Move to family', nl: 'Naar groep verplaatsen' },
  bulkScale: { en: 'Set scale', nl: 'Schaal instellen' },
  bulkMissing: { en: 'Mark as missing (comma-separated)', nl: 'Als ontbrekend markeren (kommagescheiden)' },
  apply: { en: 'Apply', nl: 'Toepassen' },
  clearSelection: { en: 'Clear the selection', nl: 'Selectie wissen' },
  noFittingScale: { en: 'no scale holds every answer of the selection', nl: 'geen schaal bevat alle antwoorden van de selectie' },

  applyMapping: { en: 'Check the file with this mapping', nl: 'Het bestand met deze koppeling controleren' },
  applyMappingFiles: { en: 'Check the {n} files with this mapping', nl: 'De {n} bestanden met deze koppeling controleren' },
  mappingProblems: { en: 'The mapping is not complete yet:', nl: 'De koppeling is nog niet compleet:' },

  filesTitle: { en: 'Several files, one dataset', nl: 'Meerdere bestanden, één dataset' },
  filesIntro: {
    en: 'The files are appended into one dataset, with a column that tells them apart. The first file’s columns are the dataset’s; check how the other files’ columns were matched to them.',
    nl: 'De bestanden worden samengevoegd tot één dataset, met een kolom die ze van elkaar onderscheidt. De kolommen van het eerste bestand zijn die van de dataset; controleer hoe de kolommen van de andere bestanden daaraan gekoppeld zijn.',
  },
  colFile: { en: 'File', nl: 'Bestand' },
  colSource: { en: 'Value in the “{column}” column', nl: 'Waarde in de kolom “{column}”' },
  colMatching: { en: 'Columns matched', nl: 'Gekoppelde kolommen' },
  sourceFor: { en: 'Value of file {file} in the source column', nl: 'Waarde van bestand {file} in de bronkolom' },
  sourceColumnName: { en: 'Name of the column that tells the files apart', nl: 'Naam van de kolom die de bestanden onderscheidt' },
  firstFile: { en: 'the dataset’s columns', nl: 'de kolommen van de dataset' },
  matchedCount: { en: '{n} of {total} matched', nl: '{n} van {total} gekoppeld' },
  matchDetails: { en: 'Show and change the matching', nl: 'Koppeling tonen en wijzigen' },
  matchFor: { en: 'Dataset column for {column} of {file}', nl: 'Datasetkolom voor {column} van {file}' },
  leftOut: { en: 'left out', nl: 'weggelaten' },
  unmatched: { en: 'Dataset columns this file lacks (blank in its rows): {columns}', nl: 'Datasetkolommen die dit bestand mist (leeg in de rijen ervan): {columns}' },
  matchConfirm: { en: 'The matching is right', nl: 'De koppeling klopt' },
  prefixIds: { en: 'Make respondent ids unique by putting the file’s value before them (NL_DE:R_001)', nl: 'Respondent-id’s uniek maken door de waarde van het bestand ervoor te zetten (NL_DE:R_001)' },
  removeFile: { en: 'Remove {file}', nl: '{file} verwijderen' },
  continueToMapping: { en: 'Continue', nl: 'Verder' },
  duplicateSources: { en: 'Each file needs its own value in the source column.', nl: 'Elk bestand heeft een eigen waarde in de bronkolom nodig.' },
  fileReport: { en: 'File {n} of {total}: {file}', nl: 'Bestand {n} van {total}: {file}' },
  checkingFile: { en: 'Checking file {n} of {total}: {file}', nl: 'Bestand {n} van {total} wordt gecontroleerd: {file}' },
  profiling: { en: 'Reading rows from across the files for the proposal…', nl: 'Rijen van verspreid door de bestanden worden gelezen voor het voorstel…' },

  editTitle: { en: 'Codebook', nl: 'Codeboek' },
  editIntro: {
    en: 'What the columns mean: labels, groups, families, the answers that count as accepting, missing values. Changes are checked against every stored row before they are saved.',
    nl: 'Wat de kolommen betekenen: labels, indelingen, groepen, de antwoorden die als accepterend tellen, ontbrekende waarden. Wijzigingen worden tegen elke bewaarde rij gecontroleerd voordat ze worden opgeslagen.',
  },
  save: { en: 'Save the codebook', nl: 'Het codeboek opslaan' },
  saving: { en: 'Saving and checking every row…', nl: 'Opslaan en elke rij controleren…' },
  saved: { en: 'Saved. Every page now reads the dataset with this codebook.', nl: 'Opgeslagen. Elke pagina leest de dataset nu met dit codeboek.' },
  saveRefused: { en: 'Not saved: {message}', nl: 'Niet opgeslagen: {message}' },
  changedMeanwhile: { en: 'the dataset was changed meanwhile (another edit or an added file). Reload the page to edit the newest codebook.', nl: 'de dataset is intussen gewijzigd (een andere bewerking of een toegevoegd bestand). Laad de pagina opnieuw om het nieuwste codeboek te bewerken.' },
  discard: { en: 'Undo the changes', nl: 'Wijzigingen ongedaan maken' },
  unsaved: { en: 'Unsaved changes', nl: 'Niet-opgeslagen wijzigingen' },
  downloadCodebook: { en: 'Download the codebook (JSON)', nl: 'Het codeboek downloaden (JSON)' },
  downloadData: { en: 'Download the data (CSV)', nl: 'De gegevens downloaden (CSV)' },
  acceptingAnswers: { en: 'accepting: {answers}', nl: 'accepterend: {answers}' },
  segmentsTitle: { en: 'Segments', nl: 'Segmenten' },
  readOnly: { en: 'Only analysts and admins can change a codebook.', nl: 'Alleen analisten en beheerders kunnen een codeboek wijzigen.' },

  appendTitle: { en: 'Add a file', nl: 'Een bestand toevoegen' },
  appendIntro: {
    en: 'Another file with the same questions (a country, a wave) is appended to this dataset, with its own value in the “{column}” column.',
    nl: 'Een ander bestand met dezelfde vragen (een land, een meting) wordt aan deze dataset toegevoegd, met een eigen waarde in de kolom “{column}”.',
  },
  storedRows: { en: 'The rows already stored', nl: 'De rijen die al bewaard zijn' },
  appendFile: { en: 'CSV file to add (or SPSS .sav, Excel .xlsx)', nl: 'Toe te voegen CSV-bestand (of SPSS .sav, Excel .xlsx)' },
  existingSource: { en: 'Value for the rows already stored', nl: 'Waarde voor de rijen die al bewaard zijn' },
  appendCheck: { en: 'Check and add the file', nl: 'Het bestand controleren en toevoegen' },
  appended: { en: 'Added: the dataset now has {n} respondents.', nl: 'Toegevoegd: de dataset heeft nu {n} respondenten.' },
  sourceTaken: { en: 'The dataset already has a file with the value “{value}”.', nl: 'De dataset heeft al een bestand met de waarde “{value}”.' },
} satisfies Record<string, Label>;

export const mappingText = translator(mappingMessages);

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
  analyst: { en: 'your choice', nl: 'uw keuze' },
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
