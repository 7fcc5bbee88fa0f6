import Link from 'next/link';
import { signOutAction } from './actions';
import { getLocale, getTranslations } from 'next-intl/server';
import { roleKey } from './messages';
import { currentUser } from '@/app/server/request';
import { can } from '@/lib/auth/permissions';
import { installHasUsers } from '@/lib/auth/setupState';
import type { Locale } from '@/lib/survey/codebook';

/**
 * The header's account corner: who is signed in (a link to their account page) and a sign-out button, or a sign-in link (or, on a fresh install, the setup link).
 * `locale` only where the page's language is not the request's (the 404 page, SiteHeader).
 */
export async function AccountMenu({ locale: shown }: { locale?: Locale }) {
  const [user, t, current] = await Promise.all([currentUser(), getTranslations('account'), getLocale()]);
  const locale = shown ?? current;
  const lang = locale === 'nl' ? '?lang=nl' : '';
  if (!user) {
    const ready = await installHasUsers();
    return (
      <div className="account-menu">
        {ready ? (
          <Link href={`/login${lang}`} prefetch={false}>
            {t('signIn')}
          </Link>
        ) : (
          <Link href={`/setup${lang}`} prefetch={false} className="setup-link">
            {t('setupLink')}
          </Link>
        )}
      </div>
    );
  }
  return (
    <div className="account-menu">
      {can(user.role, 'users.manage') && (
        <Link href={`/admin/users${lang}`} prefetch={false}>
          {t('adminNav')}
        </Link>
      )}
      <Link href={`/account${lang}`} prefetch={false} className="account-name" data-testid="signed-in-as">
        {t('signedInAs', { name: user.username, role: t(roleKey(user.role)) })}
      </Link>
      <form action={signOutAction}>
        <input type="hidden" name="lang" value={locale} />
        <button type="submit" className="sign-out-button">
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
