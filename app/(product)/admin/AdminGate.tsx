import { redirect } from 'next/navigation';
import { accountText, roleName } from '../account/messages';
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

export async function NotForYourRole({ locale }: { locale: Locale }) {
  const user = await currentUser();
  return (
    <main id="main" tabIndex={-1} className="page account-page" lang={locale}>
      <h1>{accountText(locale, 'forbiddenTitle')}</h1>
      <p role="alert">{accountText(locale, 'forbidden', { role: roleName(locale, 'admin'), name: user?.username ?? '', own: user ? roleName(locale, user.role) : '' })}</p>
    </main>
  );
}

export function AdminTabs({ locale, current }: { locale: Locale; current: 'users' | 'audit' }) {
  const lang = locale === 'nl' ? '?lang=nl' : '';
  return (
    <nav className="admin-tabs" aria-label={accountText(locale, 'adminNav')}>
      <a href={`/admin/users${lang}`} aria-current={current === 'users' ? 'page' : undefined}>
        {accountText(locale, 'usersTitle')}
      </a>
      <a href={`/admin/audit${lang}`} aria-current={current === 'audit' ? 'page' : undefined}>
        {accountText(locale, 'auditTitle')}
      </a>
    </nav>
  );
}
