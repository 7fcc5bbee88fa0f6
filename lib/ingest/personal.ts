import { StringRecord, type CsvRecord } from '../survey/csvRecord';
import type { ProblemValues } from '../survey/problemText';
import { quoted } from '../survey/quoteValue';
import { personalEvidence } from './problemMessages';
import type { PersonalBasis, PersonalColumn, PersonalKind, ValidationReport } from './types';

/**
 * The personal-data guard. Survey analysis needs answers and segments, never who answered, so
 * columns that look like direct identifiers are flagged and dropped before storing unless the
 * analyst explicitly keeps them: the product practises the privacy its studies preach.
 *
 * A column is flagged by its header name (in English or Dutch) or by its values: at least half of
 * a sample of its non-blank values match one pattern. Names are the exception: two capitalised
 * words ("Anna Jansen") also describe brands, cities and answer labels, so values count as
 * evidence for a name only when the header already suggests one.
 */

/** Header tokens per kind, most specific first: "email address" is e-mail, "street name" an address. */
const HEADER_TOKENS: [PersonalKind, Set<string>][] = [
  ['email', new Set(['email', 'mail', 'emailadres', 'emailaddress', 'mailadres'])],
  ['ip-address', new Set(['ip', 'ipaddress', 'ipadres', 'ipv4', 'ipv6'])],
  ['phone', new Set(['phone', 'telephone', 'phonenumber', 'telefoon', 'telefoonnummer', 'tel', 'mobile', 'mobiel', 'mobielnummer', 'gsm', 'cellphone'])],
  ['postcode', new Set(['postcode', 'zip', 'zipcode', 'postalcode', 'postal'])],
  ['street-address', new Set(['address', 'adres', 'street', 'straat', 'streetaddress', 'straatnaam', 'huisnummer', 'woonadres'])],
  ['name', new Set(['name', 'naam', 'firstname', 'lastname', 'surname', 'fullname', 'voornaam', 'achternaam', 'familienaam'])],
];

const HEADER_WORDS = new Set(HEADER_TOKENS.flatMap(([, words]) => [...words]));

/** Splits a header into lower-case words: "E-mail", "firstName", "Telefoon nummer" → ["email"], ["first","name"], ... */
export function headerTokens(header: string): string[] {
  return header
    .replace(/e-mail/gi, 'email')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Words that may stand beside an identifier word in a header without changing what it names
 * ("home phone number", "respondent e-mail", "IP address"). Any other word makes the header about
 * something else ("phone_use", "email_opt_in", "brand name"), and the header alone flags nothing.
 */
const QUALIFIERS = new Set([
  'number', 'nummer', 'nr', 'no', 'num', 'code', 'first', 'last', 'full', 'given', 'family', 'middle', 'home', 'work', 'private', 'prive',
  'personal', 'contact', 'primary', 'respondent', 'customer', 'klant', 'user', 'gebruiker', 'house', 'huis', 'of', 'van', 'the', 'de',
  'address', 'adres', 'line', '1', '2', 'v4', 'v6', 'e',
]);

/**
 * The kind of identifier a header names, if any. Whole words only ("zip" flags, "tip" and
 * "smartphone" do not), and only when every other word is a qualifier (see QUALIFIERS).
 */
export function kindFromHeader(header: string): PersonalKind | undefined {
  const tokens = headerTokens(header);
  if (tokens.length === 0) return undefined;
  const joined = tokens.join('');
  for (const [kind, words] of HEADER_TOKENS) {
    if (words.has(joined)) return kind;
    if (tokens.some((t) => words.has(t)) && tokens.every((t) => words.has(t) || QUALIFIERS.has(t) || HEADER_WORDS.has(t))) return kind;
  }
  return undefined;
}


const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[a-z]{2,}$/i;
/** Digits with spaces, hyphens or brackets, starting with + or 0 (+31 6 12345678, 06-12345678, 020 123 4567); no dots, so decimals never match. */
const PHONE = /^(?:\+|0)[\d\s()-]+$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^(?=.*:.*:)(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$|^(?=.*::)(?:[0-9a-f]{1,4}:){0,6}(?::[0-9a-f]{1,4}){0,6}:?$|^::$/i;
const NL_POSTCODE = /^[1-9]\d{3} ?[A-Z]{2}$/i;
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
/** A street word (Dutch compound suffix or English street type) with a house number, either order. */
const STREET_NL = /^[\p{L}'. -]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|hof|markt|pad)\s+\d{1,5}(?:\s?[a-z]{1,2}|[-\s]\d{1,4})?$/iu;
const STREET_EN = /^\d{1,5}[a-z]?\s+[\p{L}'. -]+\s(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|close|court|ct|place|pl|crescent|boulevard|blvd|terrace|square)\.?$/iu;
const TWO_CAPITALISED = /^\p{Lu}[\p{Ll}'-]+(?:\s+(?:van|de|der|den|von|la|le|ten|ter|\p{Lu}[\p{Ll}'-]+))*\s+\p{Lu}[\p{Ll}'-]+$/u;

function isPhone(v: string): boolean {
  if (!PHONE.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 9 && digits <= 15;
}

/** Value patterns per kind; names are tested separately (see the module comment). */
const VALUE_TESTS: [PersonalKind, (v: string) => boolean][] = [
  ['email', (v) => EMAIL.test(v)],
  ['ip-address', (v) => IPV4.test(v) || IPV6.test(v)],
  ['phone', isPhone],
  ['postcode', (v) => NL_POSTCODE.test(v) || UK_POSTCODE.test(v)],
  ['street-address', (v) => STREET_NL.test(v) || STREET_EN.test(v)],
];

export const SAMPLE_SIZE = 100;
const SHARE = 0.5;

/**
 * Collects the first non-blank values of each column while rows stream past, then classifies.
 * The first values suffice: an identifier column is an identifier from its first row on.
 */
export class PersonalDataDetector {
  private readonly samples: string[][];
  /** Columns whose sample is not full yet, in order; usually none after the first hundred rows. */
  private open: number[];
  /** Wraps the string rows given to `add`. */
  private readonly strings = new StringRecord();

  constructor(private readonly header: string[]) {
    this.samples = header.map(() => []);
    this.open = header.map((_, i) => i);
  }

  add(fields: readonly string[]): void {
    if (this.open.length > 0) this.addRecord(this.strings.of(fields));
  }

  addRecord(record: CsvRecord): void {
    const open = this.open;
    if (open.length === 0) return;
    let filled = false;
    for (let j = 0; j < open.length; j++) {
      const i = open[j];
      if (i >= record.length) break;
      const v = record.trimmed(i);
      if (v === '') continue;
      const s = this.samples[i];
      s.push(v);
      if (s.length >= SAMPLE_SIZE) filled = true;
    }
    if (filled) this.open = open.filter((i) => this.samples[i].length < SAMPLE_SIZE);
  }

  /**
   * The flagged columns. `skip` names columns that are not checked at all (the codebook's answer,
   * segment and weight columns: their values are checked against scales instead).
   */
  result(keep: readonly string[] = [], skip: ReadonlySet<string> = new Set()): PersonalColumn[] {
    const kept = new Set(keep);
    const flagged: PersonalColumn[] = [];
    this.header.forEach((column, i) => {
      if (column === '' || skip.has(column)) return;
      const found = classifyColumn(column, this.samples[i]);
      if (found) flagged.push({ column, ...found, keep: kept.has(column) });
    });
    return flagged;
  }
}

/** Classifies one column from its header and a sample of its non-blank values. */
export function classifyColumn(header: string, sample: readonly string[]): { kind: PersonalKind; evidence: string; basis: PersonalBasis } | undefined {
  const byHeader = kindFromHeader(header);
  const share = (test: (v: string) => boolean) => {
    const hits = sample.filter(test).length;
    return { hits, enough: sample.length > 0 && hits / sample.length >= SHARE };
  };
  const found = (kind: PersonalKind, basis: PersonalBasis) => ({ kind, evidence: personalEvidence(personalValues(header, basis), 'en'), basis });

  for (const [kind, test] of VALUE_TESTS) {
    const { hits, enough } = share(test);
    if (enough) return found(kind, { header: byHeader !== undefined, hits, sampled: sample.length, looksLike: kind });
  }
  if (byHeader === 'name') {
    const { hits, enough } = share((v) => TWO_CAPITALISED.test(v));
    return found('name', enough ? { header: true, hits, sampled: sample.length, looksLike: 'full-name' } : { header: true });
  }
  return byHeader ? found(byHeader, { header: true }) : undefined;
}

/** The values a personal-data problem words its evidence from (problemMessages.ts `personalEvidence`). */
export function personalValues(column: string, basis: PersonalBasis): ProblemValues {
  return {
    ...(basis.header ? { header: quoted(column) } : {}),
    ...(basis.looksLike !== undefined ? { hits: basis.hits ?? 0, sampled: basis.sampled ?? 0, looksLike: basis.looksLike } : {}),
  };
}

/**
 * Which columns stay when the flagged columns the analyst did not keep are dropped: their
 * positions in the header, their names, and the names dropped.
 */
export function personalColumnPlan(header: readonly string[], report: Pick<ValidationReport, 'personalColumns'>): { keepIndex: number[]; header: string[]; dropped: string[] } {
  const drop = new Set(report.personalColumns.filter((p) => !p.keep).map((p) => p.column));
  const keepIndex = header.map((h, i) => (drop.has(h) ? -1 : i)).filter((i) => i >= 0);
  return { keepIndex, header: keepIndex.map((i) => header[i]), dropped: header.filter((h) => drop.has(h)) };
}

/**
 * Removes the flagged columns the analyst did not keep, before anything is stored. Pure: returns
 * new arrays and leaves its arguments alone.
 */
export function dropPersonalColumns(header: string[], rows: string[][], report: Pick<ValidationReport, 'personalColumns'>): { header: string[]; rows: string[][]; dropped: string[] } {
  const plan = personalColumnPlan(header, report);
  return { header: plan.header, rows: rows.map((row) => plan.keepIndex.map((i) => row[i] ?? '')), dropped: plan.dropped };
}
