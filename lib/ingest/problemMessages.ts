import { formatNumber } from '../i18n/messages';
import type { Label, Locale } from '../survey/codebook';
import { codeOfKey, DATA_PROBLEM_TEXT, fillProblemText, type ProblemValues } from '../survey/problemText';
import type { PersonalKind, Problem } from './types';

/**
 * Every problem an upload can get, worded in English and Dutch: the validators' (the validator,
 * validator.ts and the modules they use), the survey engine's builder (lib/survey/problemText.ts),
 * the codebook checks (codebookChecks.ts) and the upload route's (lib/api/upload.ts), plus the
 * route's own answers (`UPLOAD_ANSWER_TEXT`). Problems are made here (`ingestProblem`), so that the
 * English message of the API and the reader's message on the page and in the report CSV come from
 * one wording. problemMessages.test.ts fails when a code has no wording in either language.
 *
 * Wordings are the middle of a sentence, as the API's messages are ("the file is empty"); the page
 * and the report make a sentence of them (`problemMessage`). Values are quoted by quoteValue.ts
 * before they get here; a limit's numbers are worded from the problem's `limit`.
 */
const INGEST_PROBLEM_TEXT = {
  // Limits (limits.ts, the validators): {max} and {found} come from the problem's limit.
  FileTooLarge: { en: 'the file is {found}; the limit is {max}', nl: 'het bestand is {found}; de limiet is {max}' },
  TooManyRows: { en: 'the file has more than {max} rows, the limit; reading stopped there', nl: 'het bestand heeft meer dan {max} rijen, de limiet; het lezen is daar gestopt' },
  TooManyColumns: { en: 'the file has {found} columns; the limit is {max}', nl: 'het bestand heeft {found} kolommen; de limiet is {max}' },
  HeaderTooLong: { en: 'the name of column {position} has {found} characters; the limit is {max}', nl: 'de naam van kolom {position} heeft {found} tekens; de limiet is {max}' },
  FieldTooLong: { en: 'a field has {found} characters; the limit is {max}', nl: 'een veld heeft {found} tekens; de limiet is {max}' },
  CodebookTooLarge: { en: 'the codebook is {found}; the limit is {max}', nl: 'het codeboek is {found}; de limiet is {max}' },

  // Reading the file (the validator, validator.ts, header.ts).
  'EmptyFile.blank': { en: 'the file has no text, only blank space', nl: 'het bestand bevat geen tekst, alleen witruimte' },
  UnclosedQuote: {
    en: 'a quoted field is never closed; everything after it was read as one field',
    nl: 'een veld tussen aanhalingstekens wordt nooit afgesloten; alles daarna is als één veld gelezen',
  },
  MalformedQuote: { en: 'a quoted field has text after its closing quote', nl: 'een veld tussen aanhalingstekens heeft tekst na het afsluitende aanhalingsteken' },
  InvalidUtf8: {
    en: 'byte {offset} ({byte}) is not valid UTF-8: the file is probably saved as Latin-1 or Windows-1252; save it as "CSV UTF-8"',
    nl: 'byte {offset} ({byte}) is geen geldige UTF-8: het bestand is waarschijnlijk opgeslagen als Latin-1 of Windows-1252; sla het op als "CSV UTF-8 (door komma\'s gescheiden)"',
  },
  'InvalidUtf8.many': {
    en: 'byte {offset} ({byte}) is not valid UTF-8 ({count} invalid sequences in all): the file is probably saved as Latin-1 or Windows-1252; save it as "CSV UTF-8"',
    nl: 'byte {offset} ({byte}) is geen geldige UTF-8 ({count} ongeldige reeksen in totaal): het bestand is waarschijnlijk opgeslagen als Latin-1 of Windows-1252; sla het op als "CSV UTF-8 (door komma\'s gescheiden)"',
  },
  'InvalidUtf8.utf16': {
    en: 'byte {offset} ({byte}) is not valid UTF-8: the file is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8"',
    nl: 'byte {offset} ({byte}) is geen geldige UTF-8: het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als "CSV UTF-8 (door komma\'s gescheiden)"',
  },
  'InvalidUtf8.utf16Many': {
    en: 'byte {offset} ({byte}) is not valid UTF-8 ({count} invalid sequences in all): the file is saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8"',
    nl: 'byte {offset} ({byte}) is geen geldige UTF-8 ({count} ongeldige reeksen in totaal): het bestand is opgeslagen als UTF-16 ("Unicode-tekst"); sla het op als "CSV UTF-8 (door komma\'s gescheiden)"',
  },
  NulByte: {
    en: 'a NUL byte (0x00) in this field: a text file normally has none, so the file may be damaged or saved as UTF-16; the value is stored unchanged',
    nl: 'een NUL-byte (0x00) in dit veld: een tekstbestand bevat die normaal niet, dus het bestand is mogelijk beschadigd of opgeslagen als UTF-16; de waarde wordt ongewijzigd bewaard',
  },
  ControlCharacter: {
    en: 'the control character {character} in this field: it is invisible and usually left by a faulty export or conversion; the value is stored unchanged',
    nl: 'het stuurteken {character} in dit veld: het is onzichtbaar en blijft meestal achter na een gebrekkige export of conversie; de waarde wordt ongewijzigd bewaard',
  },
  DelimiterNotDetected: {
    en: 'found a single column: no comma, semicolon or tab separates the fields; read as comma-separated',
    nl: "slechts één kolom gevonden: geen komma, puntkomma of tab scheidt de velden; gelezen als door komma's gescheiden",
  },
  EmptyUnnamedColumn: { en: 'column {position} has no name and no values; it is ignored', nl: 'kolom {position} heeft geen naam en geen waarden; deze wordt genegeerd' },
  BlankHeader: { en: 'column {position} has values but no name in the header', nl: 'kolom {position} heeft waarden maar geen naam in de kopregel' },
  DuplicateHeader: { en: 'column {column} appears twice, at positions {first} and {second}', nl: 'kolom {column} komt twee keer voor, op positie {first} en {second}' },
  HeaderOnly: { en: 'the file has a header but no data rows', nl: 'het bestand heeft een kopregel maar geen datarijen' },

  // Reading an SPSS or Excel file (lib/formats): the file as a whole, before or while its records are read.
  FormatMismatch: {
    en: 'the file is named {name} but holds {holds}; give it the extension of what it holds ({extension})',
    nl: 'het bestand heet {name} maar bevat {holds}; geef het de extensie van wat het bevat ({extension})',
  },
  SavBadHeader: { en: 'the file is not a readable SPSS data file: {detail}', nl: 'het bestand is geen leesbaar SPSS-gegevensbestand: {detail}' },
  SavTruncated: { en: 'the SPSS file is cut off: it ends inside its {what}', nl: 'het SPSS-bestand is afgekapt: het eindigt midden in zijn {what}' },
  SavZlib: {
    en: 'the compressed data of the .zsav file are damaged or do not match its table of blocks; save the file again from SPSS (or as a plain .sav)',
    nl: 'de gecomprimeerde gegevens van het .zsav-bestand zijn beschadigd of passen niet bij de blokkentabel; sla het bestand opnieuw op vanuit SPSS (of als gewoon .sav-bestand)',
  },
  SavZlibTooLarge: {
    en: 'the .zsav file’s data unpack to more than {max}, more than an SPSS file may be; split the file or upload it as CSV',
    nl: 'de gegevens van het .zsav-bestand pakken uit tot meer dan {max}, meer dan een SPSS-bestand mag zijn; splits het bestand of upload het als CSV',
  },
  SavEncoding: { en: 'the SPSS file’s character encoding {encoding} is not one this reader knows', nl: 'de tekencodering {encoding} van het SPSS-bestand is er geen die deze lezer kent' },
  SavTooManyVariables: { en: 'the SPSS file header claims {claimed} variables, more than the file can hold', nl: 'de kop van het SPSS-bestand claimt {claimed} variabelen, meer dan het bestand kan bevatten' },
  XlsxNotZip: { en: 'the file is not an Excel workbook (.xlsx)', nl: 'het bestand is geen Excel-werkmap (.xlsx)' },
  XlsxEncrypted: {
    en: 'the workbook is password-protected (or an old .xls file): save it without a password as .xlsx',
    nl: 'de werkmap is met een wachtwoord beveiligd (of een oud .xls-bestand): sla hem zonder wachtwoord op als .xlsx',
  },
  XlsxTooLarge: {
    en: 'the workbook unpacks to more than {max}: too large to read as a workbook (or a zip bomb); save the sheet as CSV and upload that',
    nl: 'de werkmap pakt uit tot meer dan {max}: te groot om als werkmap te lezen (of een zipbom); sla het werkblad op als CSV en upload dat',
  },
  XlsxTooLargeBrowser: {
    en: 'the workbook unpacks to more than {max}, more than the browser reads as a workbook; save the sheet as CSV and upload that, or send the workbook with the API (POST /api/datasets), which reads larger ones',
    nl: 'de werkmap pakt uit tot meer dan {max}, meer dan de browser als werkmap leest; sla het werkblad op als CSV en upload dat, of stuur de werkmap met de API (POST /api/datasets), die grotere leest',
  },
  XlsxBroken: { en: 'the workbook cannot be read: it is damaged or not a real .xlsx file', nl: 'de werkmap kan niet worden gelezen: hij is beschadigd of geen echt .xlsx-bestand' },
  XlsxNoSheet: { en: 'the workbook has no sheet', nl: 'de werkmap heeft geen werkblad' },
  XlsxUnknownSheet: { en: 'the workbook has no sheet named {sheet}', nl: 'de werkmap heeft geen werkblad met de naam {sheet}' },
  XlsxMergedHeader: {
    en: 'the header of sheet {sheet} has merged cells ({range}): the column names span several rows; make one header row with a name per column',
    nl: 'de kopregel van werkblad {sheet} heeft samengevoegde cellen ({range}): de kolomnamen beslaan meerdere rijen; maak één kopregel met een naam per kolom',
  },

  // Several files, one dataset (files.ts, lib/api/uploadFiles.ts): ids across files, the plan.
  'DuplicateId.files': {
    en: 'respondent id {id} of {origin} (data row {row}) also appears in {other} (data row {first})',
    nl: 'respondent-id {id} van {origin} (datarij {row}) komt ook voor in {other} (datarij {first})',
  },
  BadPlan: { en: 'the files do not fit the plan: {detail}', nl: 'de bestanden passen niet bij het plan: {detail}' },

  // The personal-data guard (personalProblems.ts): {kind} and {evidence} are worded from the values (see personalValues).
  UnknownKeepColumn: { en: 'asked to keep column {column}, which is not in the file', nl: 'u vroeg kolom {column} te behouden, maar die staat niet in het bestand' },
  PersonalRespondentId: {
    en: 'the respondent id looks like {kind} ({evidence}); replace the ids with pseudonymous ones (the column cannot be dropped)',
    nl: 'de respondent-id lijkt op {kind} ({evidence}); vervang de id’s door pseudoniemen (de kolom kan niet worden verwijderd)',
  },
  PersonalDataKept: { en: 'looks like {kind} ({evidence}); kept because you chose to keep it', nl: 'lijkt op {kind} ({evidence}); behouden omdat u daarvoor koos' },
  PersonalDataColumn: {
    en: 'looks like {kind} ({evidence}); it will be dropped before storing unless you choose to keep it',
    nl: 'lijkt op {kind} ({evidence}); de kolom wordt vóór het bewaren verwijderd, tenzij u ervoor kiest haar te behouden',
  },

  // The codebook checks (codebookChecks.ts), beside the builder's.
  ZeroWeight: {
    en: 'the weight is 0: a respondent with no weight would count in no base; remove the row or fix the weighting',
    nl: 'het gewicht is 0: een respondent zonder gewicht telt in geen enkele basis mee; verwijder de rij of herstel de weging',
  },
  HugeWeight: { en: 'the weight {value} is implausibly large (over {limit}); it would dominate every result', nl: 'het gewicht {value} is onwaarschijnlijk groot (meer dan {limit}); het zou elke uitkomst overheersen' },
  WeightSumOverflow: {
    en: 'the weights add up to more than a number can hold; every weighted result would be infinite',
    nl: 'de gewichten tellen op tot meer dan een getal kan bevatten; elke gewogen uitkomst zou oneindig zijn',
  },
  'BadWeight.overflow': { en: 'the weight {value} is too large for a number (it overflows to infinity)', nl: 'het gewicht {value} is te groot voor een getal (het wordt oneindig)' },
  'BadWeight.decimalComma': { en: 'the weight {value} is not a number; use a decimal point ({fixed})', nl: 'het gewicht {value} is geen getal; gebruik een punt als decimaalteken ({fixed})' },

  // The upload route (lib/api/upload.ts) and the page's own reading of a codebook file.
  BadCodebook: { en: '{path}: {detail}', nl: 'fout in het codeboek bij {path}: {detail}' },
  'BadCodebook.json': { en: 'the codebook is not valid JSON: {detail}', nl: 'het codeboek is geen geldige JSON: {detail}' },
  PersonalColumnNeeded: {
    en: 'the codebook needs this column, but it looks like personal data and would be dropped; keep it or map another column',
    nl: 'het codeboek heeft deze kolom nodig, maar ze lijkt op persoonsgegevens en zou worden verwijderd; behoud haar of koppel een andere kolom',
  },
} satisfies Record<string, Label>;

export const PROBLEM_TEXT = { ...DATA_PROBLEM_TEXT, ...INGEST_PROBLEM_TEXT } satisfies Record<string, Label>;
export type ProblemKey = keyof typeof PROBLEM_TEXT;

/**
 * The answers of POST /api/datasets that are not a report (error.code of the JSON body), as the
 * upload page words them. A code missing here is shown with the server's English message.
 */
export const UPLOAD_ANSWER_TEXT = {
  InvalidData: { en: 'the file has errors; nothing was stored', nl: 'het bestand bevat fouten; er is niets bewaard' },
  PersonalColumnNeeded: {
    en: 'the codebook needs columns that look like personal data and would be dropped; keep them or map other columns',
    nl: 'het codeboek heeft kolommen nodig die op persoonsgegevens lijken en zouden worden verwijderd; behoud ze of koppel andere kolommen',
  },
  CodebookRequired: { en: 'the header does not match a template exactly; send a codebook with the file', nl: 'de kopregel komt niet precies overeen met een sjabloon; stuur een codeboek mee met het bestand' },
  BadCodebook: { en: 'the codebook is not valid', nl: 'het codeboek is niet geldig' },
  BadForm: { en: 'the request is not a valid upload form', nl: 'het verzoek is geen geldig uploadformulier' },
  BadParameter: { en: 'the upload form has a field the server does not accept', nl: 'het uploadformulier bevat een veld dat de server niet accepteert' },
  MissingFile: { en: 'the upload has no file', nl: 'de upload bevat geen bestand' },
  UnsupportedMediaType: { en: 'the upload was not sent as a form (multipart/form-data)', nl: 'de upload is niet als formulier verzonden (multipart/form-data)' },
  BadName: {
    en: 'the dataset name is not accepted: at most 200 characters, without line breaks or other control characters',
    nl: 'de naam van de dataset wordt niet geaccepteerd: maximaal 200 tekens, zonder regeleinden of andere stuurtekens',
  },
  BadSheet: { en: 'the sheet name is not accepted: 1 to 31 characters, without control characters', nl: 'de naam van het werkblad wordt niet geaccepteerd: 1 tot 31 tekens, zonder stuurtekens' },
  SignInRequired: { en: 'you are no longer signed in; sign in and send the file again', nl: 'u bent niet meer ingelogd; log in en verstuur het bestand opnieuw' },
  Forbidden: { en: 'your role may not upload datasets: that needs the analyst or admin role', nl: 'uw rol mag geen datasets uploaden: daarvoor is de rol analist of beheerder nodig' },
  CrossSite: { en: 'the request came from another site and was refused; upload from this page', nl: 'het verzoek kwam van een andere site en is geweigerd; upload vanaf deze pagina' },
  Closed: { en: 'the server is restarting; try again in a moment', nl: 'de server wordt opnieuw gestart; probeer het zo nog eens' },
  InternalError: { en: 'the server could not complete the request', nl: 'de server kon het verzoek niet afronden' },
  // Several files and changes to a stored dataset (lib/api/uploadFiles.ts, appendFile.ts, codebookEdit.ts).
  TooManyFiles: { en: 'too many files at once: at most 20 make one dataset', nl: 'te veel bestanden tegelijk: hoogstens 20 vormen één dataset' },
  PlanTooLarge: { en: 'the plan of the files is too large', nl: 'het plan van de bestanden is te groot' },
  PlanRequired: { en: 'several files need a plan saying which value each file gets', nl: 'meerdere bestanden hebben een plan nodig dat zegt welke waarde elk bestand krijgt' },
  BadPlan: { en: 'the files do not fit the plan', nl: 'de bestanden passen niet bij het plan' },
  DuplicateId: { en: 'a respondent id appears in more than one file; make them unique with the file’s value', nl: 'een respondent-id komt in meer dan één bestand voor; maak ze uniek met de waarde van het bestand' },
  TooManyRows: { en: 'the files have more rows together than one dataset holds', nl: 'de bestanden hebben samen meer rijen dan één dataset kan bevatten' },
  MissingSource: { en: 'the new file needs its value in the column that tells the files apart', nl: 'het nieuwe bestand heeft een waarde nodig in de kolom die de bestanden onderscheidt' },
  ExistingSourceRequired: { en: 'say which value the rows already stored get', nl: 'geef aan welke waarde de al bewaarde rijen krijgen' },
  SourceExists: { en: 'the dataset already has a file with that value; give the new file its own', nl: 'de dataset heeft al een bestand met die waarde; geef het nieuwe bestand een eigen waarde' },
  BadSourceColumn: { en: 'the column that tells the files apart is not a segment with codes; edit the codebook first', nl: 'de kolom die de bestanden onderscheidt is geen segment met codes; wijzig eerst het codeboek' },
  Reference: { en: 'a reference study cannot be changed', nl: 'een referentieonderzoek kan niet worden gewijzigd' },
  CodebookDoesNotFit: { en: 'the stored rows do not fit the new codebook; nothing was changed', nl: 'de bewaarde rijen passen niet bij het nieuwe codeboek; er is niets gewijzigd' },
  RevisionMismatch: { en: 'the dataset was changed meanwhile; reload the page', nl: 'de dataset is intussen gewijzigd; laad de pagina opnieuw' },
  Conflict: { en: 'the dataset was changed meanwhile; reload the page', nl: 'de dataset is intussen gewijzigd; laad de pagina opnieuw' },
  BadEncoding: { en: 'a form field is not valid UTF-8 text', nl: 'een formulierveld is geen geldige UTF-8-tekst' },
} satisfies Record<string, Label>;

/** What each kind of problem is called, in the counts per kind: a label, never the raw code. */
export const PROBLEM_KIND_LABELS = {
  MissingColumn: { en: 'Column missing from the file', nl: 'Kolom ontbreekt in het bestand' },
  RaggedRow: { en: 'Wrong number of fields', nl: 'Verkeerd aantal velden' },
  MissingId: { en: 'Blank respondent id', nl: 'Lege respondent-id' },
  DuplicateId: { en: 'Repeated respondent id', nl: 'Dubbele respondent-id' },
  BadWeight: { en: 'Weight is not a number', nl: 'Gewicht is geen getal' },
  NegativeWeight: { en: 'Negative weight', nl: 'Negatief gewicht' },
  UnknownCode: { en: 'Unknown answer code', nl: 'Onbekende antwoordcode' },
  OutOfScale: { en: 'Value outside the scale', nl: 'Waarde buiten de schaal' },
  AnsweredNotAsked: { en: 'Answered but not asked', nl: 'Beantwoord maar niet gevraagd' },
  NoRows: { en: 'No respondents', nl: 'Geen respondenten' },
  EmptyFile: { en: 'Empty file', nl: 'Leeg bestand' },
  FileTooLarge: { en: 'File too large', nl: 'Bestand te groot' },
  TooManyRows: { en: 'Too many rows', nl: 'Te veel rijen' },
  TooManyColumns: { en: 'Too many columns', nl: 'Te veel kolommen' },
  HeaderTooLong: { en: 'Column name too long', nl: 'Kolomnaam te lang' },
  FieldTooLong: { en: 'Field too long', nl: 'Veld te lang' },
  CodebookTooLarge: { en: 'Codebook too large', nl: 'Codeboek te groot' },
  UnclosedQuote: { en: 'Quote never closed', nl: 'Aanhalingsteken niet afgesloten' },
  MalformedQuote: { en: 'Text after a closing quote', nl: 'Tekst na een afsluitend aanhalingsteken' },
  InvalidUtf8: { en: 'Not saved as UTF-8', nl: 'Niet opgeslagen als UTF-8' },
  NulByte: { en: 'NUL byte', nl: 'NUL-byte' },
  ControlCharacter: { en: 'Control character', nl: 'Stuurteken' },
  DelimiterNotDetected: { en: 'No delimiter found', nl: 'Geen scheidingsteken gevonden' },
  EmptyUnnamedColumn: { en: 'Empty column without a name', nl: 'Lege kolom zonder naam' },
  BlankHeader: { en: 'Column without a name', nl: 'Kolom zonder naam' },
  DuplicateHeader: { en: 'Column name used twice', nl: 'Kolomnaam twee keer gebruikt' },
  HeaderOnly: { en: 'No data rows', nl: 'Geen datarijen' },
  BadPlan: { en: 'Files that do not fit the plan', nl: 'Bestanden die niet bij het plan passen' },
  FormatMismatch: { en: 'File named as another format', nl: 'Bestand met de naam van een ander formaat' },
  SavBadHeader: { en: 'Not a readable SPSS file', nl: 'Geen leesbaar SPSS-bestand' },
  SavTruncated: { en: 'SPSS file cut off', nl: 'SPSS-bestand afgekapt' },
  SavZlib: { en: 'Damaged .zsav file', nl: 'Beschadigd .zsav-bestand' },
  SavZlibTooLarge: { en: '.zsav file unpacks too large', nl: '.zsav-bestand pakt te groot uit' },
  SavEncoding: { en: 'Unknown character encoding', nl: 'Onbekende tekencodering' },
  SavTooManyVariables: { en: 'Implausible number of variables', nl: 'Onwaarschijnlijk aantal variabelen' },
  XlsxNotZip: { en: 'Not an Excel workbook', nl: 'Geen Excel-werkmap' },
  XlsxEncrypted: { en: 'Password-protected workbook', nl: 'Beveiligde werkmap' },
  XlsxTooLarge: { en: 'Workbook unpacks too large', nl: 'Werkmap pakt te groot uit' },
  XlsxTooLargeBrowser: { en: 'Workbook too large for the browser', nl: 'Werkmap te groot voor de browser' },
  XlsxBroken: { en: 'Damaged workbook', nl: 'Beschadigde werkmap' },
  XlsxNoSheet: { en: 'No sheet', nl: 'Geen werkblad' },
  XlsxUnknownSheet: { en: 'Sheet not found', nl: 'Werkblad niet gevonden' },
  XlsxMergedHeader: { en: 'Header with merged cells', nl: 'Kopregel met samengevoegde cellen' },
  UnknownKeepColumn: { en: 'Column to keep not found', nl: 'Te behouden kolom niet gevonden' },
  PersonalRespondentId: { en: 'Respondent id looks like personal data', nl: 'Respondent-id lijkt op persoonsgegevens' },
  PersonalDataKept: { en: 'Personal data, kept', nl: 'Persoonsgegevens, behouden' },
  PersonalDataColumn: { en: 'Personal data, to be dropped', nl: 'Persoonsgegevens, worden verwijderd' },
  ZeroWeight: { en: 'Weight of 0', nl: 'Gewicht 0' },
  HugeWeight: { en: 'Implausibly large weight', nl: 'Onwaarschijnlijk groot gewicht' },
  WeightSumOverflow: { en: 'Weights add up to infinity', nl: 'Gewichten tellen op tot oneindig' },
  BadCodebook: { en: 'Codebook not valid', nl: 'Codeboek ongeldig' },
  PersonalColumnNeeded: { en: 'Needed column looks like personal data', nl: 'Benodigde kolom lijkt op persoonsgegevens' },
} satisfies Record<string, Label>;

/** The label of a kind of problem in the reader's language; an unknown code (from a newer server) as it is. */
export function problemKindLabel(code: string, locale: Locale): string {
  return (PROBLEM_KIND_LABELS as Record<string, Label>)[code]?.[locale] ?? code;
}

/**
 * The codes that are warnings: the file can be stored with them. Every other code is an error,
 * which blocks storing. A code is always the one or the other, so that whether a report is ok can
 * be read from its counts, complete, rather than from its listed problems, which are capped.
 */
export const WARNING_CODES: ReadonlySet<string> = new Set([
  'DelimiterNotDetected',
  'EmptyUnnamedColumn',
  'UnknownKeepColumn',
  'PersonalDataKept',
  'PersonalDataColumn',
  'HugeWeight',
  'AnsweredNotAsked',
  'NulByte',
  'ControlCharacter',
]);

export const problemType = (code: string): Problem['type'] => (WARNING_CODES.has(code) ? 'warning' : 'error');

/** True when no count is of an error: the file can be stored. */
export function countsOk(counts: Readonly<Record<string, number>>): boolean {
  return !Object.entries(counts).some(([code, n]) => n > 0 && problemType(code) === 'error');
}

/**
 * Makes a problem of the upload, its English message worded from the catalog and its type that of
 * its code. `values` are the quoted values (quoteValue.ts) and numbers the wording names; `limit`
 * gives {max} and {found}.
 */
export function ingestProblem(key: ProblemKey, values?: ProblemValues, place: { row?: number; line?: number; column?: string; limit?: Problem['limit'] } = {}): Problem {
  const code = codeOfKey(key);
  const problem: Problem = { type: problemType(code), code, message: '', ...place, ...(key !== code ? { key } : {}), ...(values ? { values } : {}) };
  problem.message = wording(problem, 'en') ?? PROBLEM_TEXT[key].en;
  return problem;
}

type Worded = Pick<Problem, 'code' | 'key' | 'values' | 'limit'>;

/** A problem's wording in a language, or null when the catalog has none for it (or lacks a value it needs). */
function wording(problem: Worded, locale: Locale): string | null {
  const key = problem.key ?? problem.code;
  const entry = (PROBLEM_TEXT as Record<string, Label>)[key];
  if (!entry) return null;
  return fillProblemText(entry[locale], localValues(problem, locale), locale);
}

/** The values as the wording needs them in this language: a limit's numbers with their unit, personal-data evidence in words. */
function localValues(problem: Worded, locale: Locale): ProblemValues | undefined {
  let values = problem.values;
  const limit = problem.limit;
  if (limit) values = { ...values, max: amount(limit.max, limit.unit, locale), found: limit.found === undefined ? '?' : amount(limit.found, limit.unit, locale) };
  if (values && typeof values.kind === 'string') values = { ...values, ...personalWords(values, locale) };
  return values;
}

function amount(n: number, unit: NonNullable<Problem['limit']>['unit'], locale: Locale): string {
  if (unit !== 'bytes') return formatNumber(n, locale);
  if (n >= 1024 * 1024) return `${formatNumber(n / 1024 / 1024, locale, n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${formatNumber(n / 1024, locale, 0)} KB`;
  return `${formatNumber(n, locale)} bytes`;
}

const PERSONAL_WORDS: Record<PersonalKind | 'full-name', Label> = {
  email: { en: 'e-mail addresses', nl: 'e-mailadressen' },
  phone: { en: 'phone numbers', nl: 'telefoonnummers' },
  name: { en: 'names of people', nl: 'namen van personen' },
  'street-address': { en: 'street addresses', nl: 'straatadressen' },
  postcode: { en: 'postcodes', nl: 'postcodes' },
  'ip-address': { en: 'IP addresses', nl: 'IP-adressen' },
  'full-name': { en: 'first and last names', nl: 'voor- en achternamen' },
};

/** What a kind of personal data is called: "e-mail addresses", "e-mailadressen". */
export function personalKindWords(kind: PersonalKind, locale: Locale): string {
  return PERSONAL_WORDS[kind][locale];
}

/**
 * Why a column looks like personal data, in words: its name ({header}, quoted), and how many
 * sampled values look like it ({hits} of {sampled}, looking like {looksLike}).
 */
export function personalEvidence(values: ProblemValues, locale: Locale): string {
  const parts: string[] = [];
  if (typeof values.header === 'string') parts.push(locale === 'nl' ? `kolomnaam ${values.header}` : `header ${values.header}`);
  if (typeof values.hits === 'number' && typeof values.sampled === 'number' && typeof values.looksLike === 'string') {
    const what = PERSONAL_WORDS[values.looksLike as PersonalKind | 'full-name']?.[locale] ?? values.looksLike;
    const [hits, sampled] = [formatNumber(values.hits, locale), formatNumber(values.sampled, locale)];
    parts.push(locale === 'nl' ? `${hits} van ${sampled} waarden in de steekproef lijken op ${what}` : `${hits} of ${sampled} sampled values look like ${what}`);
  }
  return parts.join('; ');
}

function personalWords(values: ProblemValues, locale: Locale): ProblemValues {
  const kind = values.kind as PersonalKind;
  return { kind: PERSONAL_WORDS[kind]?.[locale] ?? kind, evidence: personalEvidence(values, locale) };
}

/** A message as a sentence: a capital first letter and a full stop. */
function sentence(text: string): string {
  const first = text.charAt(0);
  const capital = first.toLocaleUpperCase() === first ? text : first.toLocaleUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The problem's message in the reader's language, as a sentence; a problem the catalog cannot word keeps its own message. */
export function problemMessage(problem: Problem, locale: Locale): string {
  return sentence(wording(problem, locale) ?? problem.message);
}

/** An answer of POST /api/datasets (its error code and message, and a limit when one was passed) in the reader's language. */
export function uploadAnswerMessage(error: { code: string; message: string; limit?: Problem['limit'] }, locale: Locale): string {
  const answer = (UPLOAD_ANSWER_TEXT as Record<string, Label>)[error.code];
  if (answer) return sentence(answer[locale]);
  return sentence((error.limit ? wording({ code: error.code, limit: error.limit }, locale) : null) ?? error.message);
}

const PLACE_WORDS = {
  header: { en: 'header', nl: 'kopregel' },
  row: { en: 'data row {row}', nl: 'datarij {row}' },
  line: { en: 'line {line}', nl: 'regel {line}' },
} satisfies Record<string, Label>;

/**
 * Where a problem is, in the reader's language: "data row 2, line 3" (data rows are counted after
 * the header; lines as an editor shows them), "header, line 1"; '' for the file as a whole.
 */
export function problemPlace(problem: Pick<Problem, 'row' | 'line'>, locale: Locale): string {
  return problemPlaceParts(problem, locale).join(', ');
}

/** The parts of `problemPlace`: the data row (or header), and the line when known; none for the whole file. */
export function problemPlaceParts(problem: Pick<Problem, 'row' | 'line'>, locale: Locale): string[] {
  if (problem.row === undefined) return [];
  const row = problem.row === 0 ? PLACE_WORDS.header[locale] : PLACE_WORDS.row[locale].replace('{row}', formatNumber(problem.row, locale));
  return problem.line === undefined ? [row] : [row, PLACE_WORDS.line[locale].replace('{line}', formatNumber(problem.line, locale))];
}

/** The codebook file is over the limit: the problem the upload panel shows (the server answers 413 CodebookTooLarge). */
export function codebookTooLargeProblem(size: number, max: number): Problem {
  return ingestProblem('CodebookTooLarge', undefined, { limit: { max, unit: 'bytes', found: size } });
}
