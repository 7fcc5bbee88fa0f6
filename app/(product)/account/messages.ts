import type { useTranslations } from 'next-intl';
import { messageTranslator } from '@/lib/i18n/catalog';
import type { Role } from '@/lib/storage/accountStore';
import type { Locale } from '@/lib/survey/codebook';

/**
 * The words of sign-in, first-time setup, the account menu and the admin pages are in the catalogs
 * (messages/*.json, namespace `account`): a page reads them with getTranslations('account'), a
 * component with useTranslations('account'). This module holds what maps a value to its key.
 */

/** A translator of the `account` namespace, as next-intl's getTranslations and useTranslations give. */
type AccountTranslator = ReturnType<typeof useTranslations<'account'>>;
type AccountKey = Parameters<AccountTranslator>[0];

const ROLE_KEYS = { admin: 'roleAdmin', analyst: 'roleAnalyst', strategist: 'roleStrategist', executive: 'roleExecutive' } as const satisfies Record<Role, string>;
const ROLE_DOES = { admin: 'roleAdminDoes', analyst: 'roleAnalystDoes', strategist: 'roleStrategistDoes', executive: 'roleExecutiveDoes' } as const satisfies Record<Role, string>;

/** The key of a role's name and of what it may do. */
export const roleKey = (role: Role) => ROLE_KEYS[role];
export const roleDoesKey = (role: Role) => ROLE_DOES[role];

const accountText = messageTranslator('account');

/** A role's name for code that holds a locale rather than a translator (the audit log's words, the datasets page). */
export const roleName = (locale: Locale, role: Role): string => accountText(locale, ROLE_KEYS[role]);

/** The message for an error code carried in a URL (?error=...), or null for an unknown code. */
export function errorMessage(t: AccountTranslator, code: string | undefined, values: Record<string, string | number> = {}): string | null {
  // A key made from the URL: checked against the catalog (t.has) before it is used.
  const key = `err${code ?? ''}` as AccountKey;
  return code && /^[A-Za-z]{1,30}$/.test(code) && t.has(key) ? t(key, values) : null;
}
