import Link from 'next/link';
import { signOutAction } from './actions';
import { accountText, roleName } from './messages';
import { currentUser } from '@/app/server/request';
import { can } from '@/lib/auth/permissions';
import { installHasUsers } from '@/lib/auth/setupState';
import type { Locale } from '@/lib/survey/codebook';

/** The header's account corner: who is signed in (a link to their account page) and a sign-out button, or a sign-in link (or, on a fresh install, the setup link). */
export async function AccountMenu({ locale }: { locale: Locale }) {
  const user = await currentUser();
  const lang = locale === 'nl' ? '?lang=nl' : '';
  if (!user) {
    const ready = await installHasUsers();
    return (
      <div className="account-menu">
        {ready ? (
          <Link href={`/login${lang}`} prefetch={false}>
            {accountText(locale, 'signIn')}
          </Link>
        ) : (
          <Link href={`/setup${lang}`} prefetch={false} className="setup-link">
            {accountText(locale, 'setupLink')}
          </Link>
        )}
      </div>
    );
  }
  return (
    <div className="account-menu">
      {can(user.role, 'users.manage') && (
        <Link href={`/admin/users${lang}`} prefetch={false}>
          {accountText(locale, 'adminNav')}
        </Link>
      )}
      <Link href={`/account${lang}`} prefetch={false} className="account-name" data-testid="signed-in-as">
        {accountText(locale, 'signedInAs', { name: user.username, role: roleName(locale, user.role) })}
      </Link>
      <form action={signOutAction}>
        <input type="hidden" name="lang" value={locale} />
        <button type="submit" className="sign-out-button">
          {accountText(locale, 'signOut')}
        </button>
      </form>
    </div>
  );
}
