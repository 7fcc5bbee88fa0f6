import { roleName } from '../../account/messages';
import { hasMessage, messageTranslator } from '@/lib/i18n/catalog';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import { ROLES, type AuditAction, type Role } from '@/lib/storage/accountStore';
import type { Locale } from '@/lib/survey/codebook';

/**
 * The audit log in words: each action code named as what happened, and each entry's details as
 * labelled "key: value" lines instead of the stored JSON. The words are the `audit` namespace of
 * messages/*.json: `action_<code>` (dots as underscores) for each action, `key_<key>` for the detail
 * keys the server writes (lib/auth/accounts.ts, app/api/datasets/**), `value_<words>` for stored
 * values that are words of the server (reasons, what changed). auditWords.test.ts keeps a key for
 * every AuditAction, so a new action cannot reach the page without its words.
 */
const text = messageTranslator('audit');
type AuditKey = Parameters<typeof text>[1];

/** The catalog key of a stored word: "wrong password" is `value_wrong_password`. */
const slug = (word: string) => word.replace(/[^a-zA-Z0-9]+/g, '_');

export const actionKey = (action: string): string => `action_${action.replace(/\./g, '_')}`;

/** The words of a catalog key, or `fallback` when the catalog has none (an older entry, a new code). */
const wordsOr = (locale: Locale, key: string, fallback: string): string => (hasMessage('audit', key) ? text(locale, key as AuditKey) : fallback);

export const actionWords = (locale: Locale, action: AuditAction): string => wordsOr(locale, actionKey(action), action);

function keyWords(locale: Locale, key: string): string {
  // A key without words (an older entry, a new field): its camelCase split into words.
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase();
  return wordsOr(locale, `key_${key}`, words.charAt(0).toUpperCase() + words.slice(1));
}

function valueWords(locale: Locale, key: string, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return text(locale, value ? 'yes' : 'no');
  if (typeof value === 'number') return key === 'efficiency' && value <= 1 ? formatPercent(value, locale, 1) : formatNumber(value, locale, Number.isInteger(value) ? 0 : 2);
  if (typeof value === 'string') {
    if (key === 'role' && (ROLES as readonly string[]).includes(value)) return roleName(locale, value as Role);
    return wordsOr(locale, `value_${slug(value)}`, value);
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
