import { roleName } from '../../account/messages';
import { formatNumber, formatPercent, translator } from '@/lib/i18n/messages';
import { ROLES, type AuditAction, type Role } from '@/lib/storage/accountStore';
import type { Label, Locale } from '@/lib/survey/codebook';

/**
 * The audit log in words: each action code named as what happened, and each entry's details as
 * labelled "key: value" lines instead of the stored JSON. The table is typed by AuditAction, so a
 * new action cannot reach the page without its words.
 */
const ACTION_WORDS: Record<AuditAction, Label> = {
  'setup.admin': { en: 'Admin account set up (first visit)', nl: 'Beheerdersaccount aangemaakt (eerste bezoek)' },
  'login.success': { en: 'Signed in', nl: 'Ingelogd' },
  'login.failure': { en: 'Sign-in refused', nl: 'Inloggen geweigerd' },
  logout: { en: 'Signed out', nl: 'Uitgelogd' },
  'user.create': { en: 'Account created', nl: 'Account aangemaakt' },
  'user.update': { en: 'Account changed', nl: 'Account gewijzigd' },
  'user.delete': { en: 'Account deleted', nl: 'Account verwijderd' },
  'dataset.upload': { en: 'Dataset uploaded', nl: 'Dataset geüpload' },
  'dataset.delete': { en: 'Dataset deleted', nl: 'Dataset verwijderd' },
  'dataset.codebook': { en: 'Codebook changed', nl: 'Codeboek gewijzigd' },
  'dataset.append': { en: 'File added to a dataset', nl: 'Bestand toegevoegd aan een dataset' },
  'dataset.weight.save': { en: 'Weight saved', nl: 'Weging opgeslagen' },
  'dataset.weight.delete': { en: 'Weight deleted', nl: 'Weging verwijderd' },
  'dataset.weight.default': { en: 'Default weight chosen', nl: 'Standaardweging gekozen' },
};

export const actionWords = (locale: Locale, action: AuditAction): string => ACTION_WORDS[action]?.[locale] ?? action;

/** The detail keys the server writes (lib/auth/accounts.ts, app/api/datasets/**). */
const KEY_WORDS: Record<string, Label> = {
  role: { en: 'Role', nl: 'Rol' },
  password: { en: 'Password', nl: 'Wachtwoord' },
  otherSessionsEnded: { en: 'Other sessions signed out', nl: 'Andere sessies uitgelogd' },
  reason: { en: 'Reason', nl: 'Reden' },
  name: { en: 'Dataset', nl: 'Dataset' },
  respondents: { en: 'Respondents', nl: 'Respondenten' },
  droppedColumns: { en: 'Columns left out', nl: 'Weggelaten kolommen' },
  files: { en: 'Files', nl: 'Bestanden' },
  file: { en: 'File', nl: 'Bestand' },
  revision: { en: 'Version', nl: 'Versie' },
  weight: { en: 'Weight', nl: 'Weging' },
  label: { en: 'Weight name', nl: 'Naam van de weging' },
  margins: { en: 'Weighted on', nl: 'Gewogen op' },
  base: { en: 'Starting weight', nl: 'Beginweging' },
  bounds: { en: 'Weight limits', nl: 'Grenzen van de gewichten' },
  default: { en: 'Made the default', nl: 'Standaard gemaakt' },
  efficiency: { en: 'Weighting efficiency', nl: 'Efficiëntie van de weging' },
};

/** Stored values that are words of the server (reasons, what changed): said in the reader's language. */
const VALUE_WORDS: Record<string, Label> = {
  'wrong password': { en: 'wrong password', nl: 'verkeerd wachtwoord' },
  'unknown username': { en: 'unknown username', nl: 'onbekende gebruikersnaam' },
  throttled: { en: 'too many failed attempts', nl: 'te veel mislukte pogingen' },
  'wrong current password': { en: 'wrong current password (changing the password)', nl: 'verkeerd huidig wachtwoord (bij wachtwoord wijzigen)' },
  changed: { en: 'changed by an admin', nl: 'gewijzigd door een beheerder' },
  'changed by the user': { en: 'changed by the user', nl: 'gewijzigd door de gebruiker zelf' },
};

const text = translator({
  yes: { en: 'yes', nl: 'ja' },
  no: { en: 'no', nl: 'nee' },
  rows: { en: '{n} rows', nl: '{n} rijen' },
  none: { en: 'none', nl: 'geen' },
});

function keyWords(locale: Locale, key: string): string {
  if (KEY_WORDS[key]) return KEY_WORDS[key][locale];
  // A key without words (an older entry, a new field): split its camelCase into words.
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueWords(locale: Locale, key: string, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return text(locale, value ? 'yes' : 'no');
  if (typeof value === 'number') return key === 'efficiency' && value <= 1 ? formatPercent(value, locale, 1) : formatNumber(value, locale, Number.isInteger(value) ? 0 : 2);
  if (typeof value === 'string') {
    if (key === 'role' && (ROLES as readonly string[]).includes(value)) return roleName(locale, value as Role);
    return VALUE_WORDS[value]?.[locale] ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return text(locale, 'none');
    if (key === 'bounds' && value.length === 2 && value.every((v) => typeof v === 'number')) return `${valueWords(locale, '', value[0])} – ${valueWords(locale, '', value[1])}`;
    return value.map((v) => valueWords(locale, key, v)).join(', ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // A stored file: its name and rows.
    if (typeof o.name === 'string') return typeof o.rows === 'number' ? `${o.name} (${text(locale, 'rows', { n: formatNumber(o.rows, locale) })})` : o.name;
    return Object.entries(o)
      .map(([k, v]) => `${keyWords(locale, k)}: ${valueWords(locale, k, v)}`)
      .join('; ');
  }
  return String(value);
}

/** An entry's details as labelled lines, in the reader's language. */
export function detailLines(locale: Locale, detail: Record<string, unknown>): { key: string; label: string; value: string }[] {
  return Object.entries(detail).map(([key, value]) => ({ key, label: keyWords(locale, key), value: valueWords(locale, key, value) }));
}
