import { translator } from '@/lib/i18n/messages';
import type { ColumnRole, RoleReason } from '@/lib/ingest/mapping';
import type { Label } from '@/lib/survey/codebook';

/** Texts of the upload panel, in English and Dutch. */
export const uploadMessages = {
  title: { en: 'Upload a survey', nl: 'Een enquête uploaden' },
  intro: {
    en: 'A CSV export of up to 200 MB, 2 million rows and 1,000 columns. It is checked in your browser first; nothing is stored until you choose to store it.',
    nl: 'Een CSV-export van maximaal 200 MB, 2 miljoen rijen en 1.000 kolommen. Het bestand wordt eerst in uw browser gecontroleerd; er wordt niets bewaard totdat u ervoor kiest het te bewaren.',
  },
  dropHere: { en: 'Drop a CSV file here, or choose one:', nl: 'Sleep een CSV-bestand hierheen, of kies er een:' },
  csvFile: { en: 'CSV file', nl: 'CSV-bestand' },
  codebookFile: { en: 'Codebook (JSON, optional)', nl: 'Codeboek (JSON, optioneel)' },
  codebookHint: {
    en: 'Without one, a file shaped like a template is mapped automatically; any other file gets the mapping screen.',
    nl: 'Zonder codeboek wordt een bestand in de vorm van een sjabloon automatisch gekoppeld; elk ander bestand krijgt het koppelscherm.',
  },
  datasetName: { en: 'Dataset name', nl: 'Naam van de dataset' },
  chosen: { en: '{file} ({size})', nl: '{file} ({size})' },
  sampling: { en: 'Reading the header and the first rows…', nl: 'De kopregel en de eerste rijen worden gelezen…' },
  reading: { en: 'Checking the file: {rows} rows read, {percent}', nl: 'Bestand wordt gecontroleerd: {rows} rijen gelezen, {percent}' },
  progressLabel: { en: 'Checking the file', nl: 'Bestand controleren' },
  cancel: { en: 'Cancel', nl: 'Annuleren' },
  cancelled: { en: 'Cancelled. Nothing was stored.', nl: 'Geannuleerd. Er is niets bewaard.' },
  startAgain: { en: 'Choose another file', nl: 'Een ander bestand kiezen' },
  matched: { en: 'Matched the {study} template: {n} of {total} columns. Its codebook is used.', nl: 'Sjabloon van {study} herkend: {n} van {total} kolommen. Het codeboek daarvan wordt gebruikt.' },
  studyG: { en: 'study G', nl: 'onderzoek G' },
  studyP: { en: 'study P', nl: 'onderzoek P' },
  usingCodebook: { en: 'Using the uploaded codebook “{name}”.', nl: 'Het geüploade codeboek “{name}” wordt gebruikt.' },
  usingMapping: { en: 'Using your mapping.', nl: 'Uw koppeling wordt gebruikt.' },
  badCodebook: { en: 'The codebook cannot be used:', nl: 'Het codeboek kan niet worden gebruikt:' },
  readFailed: { en: 'The file could not be read: {message}', nl: 'Het bestand kon niet worden gelezen: {message}' },

  mappingTitle: { en: 'Map the columns', nl: 'Kolommen koppelen' },
  mappingIntro: {
    en: 'The header matches no template. Give each column a role; the proposal below is a guess from the column names and the first {rows} rows. Items need the codes that count as positive (accepting).',
    nl: 'De kopregel komt met geen sjabloon overeen. Geef elke kolom een rol; het voorstel hieronder is een gok op basis van de kolomnamen en de eerste {rows} rijen. Items hebben de codes nodig die als positief (accepterend) tellen.',
  },
  mappingCaption: { en: 'Roles of the columns', nl: 'Rollen van de kolommen' },
  colColumn: { en: 'Column', nl: 'Kolom' },
  colValues: { en: 'Values in the sample', nl: 'Waarden in de steekproef' },
  colRole: { en: 'Role', nl: 'Rol' },
  colPositive: { en: 'Positive codes (items)', nl: 'Positieve codes (items)' },
  roleFor: { en: 'Role of column {column}', nl: 'Rol van kolom {column}' },
  positiveFor: { en: 'Code {code} of {column} counts as positive', nl: 'Code {code} van {column} telt als positief' },
  moreValues: { en: 'and more ({n}+ distinct values)', nl: 'en meer ({n}+ verschillende waarden)' },
  noValues: { en: 'blank in the sample', nl: 'leeg in de steekproef' },
  applyMapping: { en: 'Check the file with this mapping', nl: 'Het bestand met deze koppeling controleren' },
  mappingProblems: { en: 'The mapping is not complete yet:', nl: 'De koppeling is nog niet compleet:' },
  backToMapping: { en: 'Change the mapping', nl: 'De koppeling wijzigen' },
  downloadCodebook: { en: 'Download this codebook (JSON)', nl: 'Dit codeboek downloaden (JSON)' },

  reportTitle: { en: 'Check of the file', nl: 'Controle van het bestand' },
  reportSummary: { en: '{rows} rows, {columns} columns, {encoding}, {delimiter}-separated. Checked in {time}.', nl: '{rows} rijen, {columns} kolommen, {encoding}, gescheiden door {delimiter}. Gecontroleerd in {time}.' },
  reportOk: { en: 'No problems found: the file can be stored.', nl: 'Geen problemen gevonden: het bestand kan worden bewaard.' },
  reportWarnings: { en: 'Warnings only: you can store the file anyway.', nl: 'Alleen waarschuwingen: u kunt het bestand toch bewaren.' },
  reportErrors: { en: '{n} errors: fix them in the file (or the mapping) and check again. Nothing can be stored until then.', nl: '{n} fouten: herstel ze in het bestand (of de koppeling) en controleer opnieuw. Tot die tijd kan er niets worden bewaard.' },
  countsCaption: { en: 'Problems per kind', nl: 'Problemen per soort' },
  colKind: { en: 'Kind', nl: 'Soort' },
  colType: { en: 'Type', nl: 'Type' },
  colCount: { en: 'Count', nl: 'Aantal' },
  error: { en: 'error', nl: 'fout' },
  warning: { en: 'warning', nl: 'waarschuwing' },
  problemsCaption: {
    en: 'The first {n} of {total} problems. Data rows are counted after the header; lines as your editor numbers them.',
    nl: 'De eerste {n} van {total} problemen. Datarijen worden geteld na de kopregel; regels zoals uw editor ze nummert.',
  },
  colPlace: { en: 'Where', nl: 'Waar' },
  colMessage: { en: 'Problem', nl: 'Probleem' },
  wholeFile: { en: 'the whole file', nl: 'het hele bestand' },
  wholeColumn: { en: 'the whole column', nl: 'de hele kolom' },
  downloadReport: { en: 'Download the full report (CSV)', nl: 'Het volledige rapport downloaden (CSV)' },
  personalTitle: { en: 'Columns that look like personal data', nl: 'Kolommen die op persoonsgegevens lijken' },
  personalIntro: {
    en: 'Analyses need answers and segments, not who answered. These columns are dropped before storing unless you keep them.',
    nl: 'Analyses hebben antwoorden en segmenten nodig, niet wie er antwoordde. Deze kolommen worden vóór het bewaren verwijderd, tenzij u ze behoudt.',
  },
  keepColumn: { en: 'Keep column {column}', nl: 'Kolom {column} behouden' },
  store: { en: 'Store the dataset', nl: 'De dataset bewaren' },
  continueAnyway: { en: 'Continue anyway and store', nl: 'Toch doorgaan en bewaren' },
  storeBlocked: { en: 'Storing is blocked by the errors above.', nl: 'Bewaren is geblokkeerd door de fouten hierboven.' },
  uploading: { en: 'Sending: {sent} of {total} ({percent})', nl: 'Verzenden: {sent} van {total} ({percent})' },
  uploadLabel: { en: 'Sending the file', nl: 'Bestand verzenden' },
  serverChecking: { en: 'Sent. The server checks the file again and stores it…', nl: 'Verzonden. De server controleert het bestand opnieuw en bewaart het…' },
  uploadCancelled: { en: 'Sending was cancelled. Nothing was stored.', nl: 'Het verzenden is geannuleerd. Er is niets bewaard.' },
  serverRefused: { en: 'The server did not store the file. {message}', nl: 'De server heeft het bestand niet bewaard. {message}' },
  serverStatus: { en: 'Server answer: status {status}.', nl: 'Antwoord van de server: status {status}.' },
  networkFailed: { en: 'The file could not be sent (network error). Nothing was stored.', nl: 'Het bestand kon niet worden verzonden (netwerkfout). Er is niets bewaard.' },
  stored: { en: 'Stored “{name}”: {n} respondents.', nl: '“{name}” bewaard: {n} respondenten.' },
  storedTemplate: { en: 'Read with the {study} codebook.', nl: 'Gelezen met het codeboek van {study}.' },
  dropped: { en: 'Dropped as personal data: {columns}.', nl: 'Verwijderd als persoonsgegevens: {columns}.' },
  serverWarnings: { en: '{n} warnings from the server’s own check.', nl: '{n} waarschuwingen uit de eigen controle van de server.' },
  openExplorer: { en: 'Open in the explorer', nl: 'Openen in de verkenner' },
  uploadAnother: { en: 'Upload another file', nl: 'Nog een bestand uploaden' },
} satisfies Record<string, Label>;

export type UploadMessageKey = keyof typeof uploadMessages;

export const ut = translator(uploadMessages);

export const roleLabels: Record<ColumnRole, Label> = {
  respondentId: { en: 'Respondent id', nl: 'Respondent-id' },
  weight: { en: 'Weight', nl: 'Weging' },
  attribute: { en: 'Segment attribute', nl: 'Segmentkenmerk' },
  item: { en: 'Item (question, analysed)', nl: 'Item (vraag, geanalyseerd)' },
  context: { en: 'Context (kept, not analysed)', nl: 'Context (bewaard, niet geanalyseerd)' },
  ignore: { en: 'Ignore', nl: 'Negeren' },
};

export const reasonLabels: Record<RoleReason, Label> = {
  idHeader: { en: 'named like an id, values never repeat', nl: 'naam als een id, waarden herhalen nooit' },
  uniqueValues: { en: 'values never repeat', nl: 'waarden herhalen nooit' },
  weightHeader: { en: 'named like a weight, numeric', nl: 'naam als een weging, numeriek' },
  segmentHeader: { en: 'named like a segment', nl: 'naam als een segment' },
  scaleCodes: { en: 'a small scale of whole numbers', nl: 'een kleine schaal van hele getallen' },
  answerWords: { en: 'answer words (yes/no, agree…)', nl: 'antwoordwoorden (ja/nee, eens…)' },
  fewCodes: { en: 'a few text codes', nl: 'een paar tekstcodes' },
  manyValues: { en: 'many different values', nl: 'veel verschillende waarden' },
  personal: { en: 'looks like personal data', nl: 'lijkt op persoonsgegevens' },
  blank: { en: 'blank in the sample', nl: 'leeg in de steekproef' },
  analyst: { en: 'your choice', nl: 'uw keuze' },
};
