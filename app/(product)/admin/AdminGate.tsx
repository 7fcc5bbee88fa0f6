import { redirect } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { roleKey } from '../account/messages';
import { currentUser } from '@/app/server/request';
import { can } from '@/lib/auth/permissions';
import type { User } from '@/lib/storage/accountStore';
import type { Locale } from '@/lib/survey/codebook';

/**
 * The admin pages' gate: the signed-in admin, or a redirect to sign in (signed out), or null
 * after which the page shows `<NotForYourRole>`. The actions behind these pages check again.
 */
export async function adminOrNull(locale: Locale, path: string): Promise<User | null> {
  const user = await currentUser();
  if (!user) redirect(`/login?${locale === 'nl' ? 'lang=nl&' : ''}next=${encodeURIComponent(path)}`);
  return can(user.role, 'users.manage') ? user : null;
}

export async function NotForYourRole() {
  const [user, t, locale] = await Promise.all([currentUser(), getTranslations('account'), getLocale()]);
  return (
    <main id="main" tabIndex={-1} className="page account-page" lang={locale}>
      <h1>{t('forbiddenTitle')}</h1>
      <p role="alert">{t('forbidden', { role: t(roleKey('admin')), name: user?.username ?? '', own: user ? t(roleKey(user.role)) : '' })}</p>
    </main>
  );
}

export function AdminTabs({ current }: { current: 'users' | 'audit' }) {
  const t = useTranslations('account');
  const lang = useLocale() === 'nl' ? '?lang=nl' : '';
  return (
    <nav className="admin-tabs" aria-label={t('adminNav')}>
      <a href={`/admin/users${lang}`} aria-current={current === 'users' ? 'page' : undefined}>
        {t('usersTitle')}
      </a>
      <a href={`/admin/audit${lang}`} aria-current={current === 'audit' ? 'page' : undefined}>
        {t('auditTitle')}
      </a>
    </nav>
  );
}
