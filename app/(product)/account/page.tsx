import { pageTitle } from '@/app/pageTitle';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/app/components/SiteHeader';
import { PendingSubmitButton } from '@/app/components/PendingSubmitButton';
import { changePasswordAction, signOutAction } from './actions';
import { accountText, errorMessage, roleDoes, roleName } from './messages';
import './account.css';
import { currentUser } from '@/app/server/request';
import { FAILURE_WINDOW_MINUTES } from '@/lib/auth/accounts';
import { localeFrom } from '@/lib/i18n/messages';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const generateMetadata = pageTitle('account');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** The signed-in user's own page: who they are, their role, a new password, signing out. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = localeFrom(nonEmptyParam(params.lang));
  const user = await currentUser();
  if (!user) redirect(`/login?${locale === 'nl' ? 'lang=nl&' : ''}next=/account`);
  const error = errorMessage(locale, nonEmptyParam(params.error), { minutes: FAILURE_WINDOW_MINUTES });
  const changed = !error && nonEmptyParam(params.changed) === '1';
  return (
    <>
      <SiteHeader locale={locale} path="/account" />
      <main id="main" tabIndex={-1} className="page account-page" lang={locale}>
        <h1>{accountText(locale, 'accountTitle')}</h1>
        <p className="lead" data-testid="account-who">
          {accountText(locale, 'accountWho', { name: user.username })} {accountText(locale, 'accountRole', { role: roleName(locale, user.role), does: roleDoes(locale, user.role) })}{' '}
          <span className="muted">{accountText(locale, 'accountRoleNote')}</span>
        </p>

        <section className="card account-section" aria-labelledby="change-password-title">
          <h2 id="change-password-title">{accountText(locale, 'changePasswordTitle')}</h2>
          {error && (
            <p className="form-error" role="alert" data-testid="password-result">
              {error}
            </p>
          )}
          {changed && (
            <p className="form-done" role="status" data-testid="password-result">
              {accountText(locale, 'passwordChanged')}
            </p>
          )}
          <form action={changePasswordAction} className="account-form">
            <input type="hidden" name="lang" value={locale} />
            {/* The username, for password managers: it tells them which saved password to update. */}
            <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
            <label htmlFor="current-password">{accountText(locale, 'currentPassword')}</label>
            <input id="current-password" name="current" type="password" autoComplete="current-password" required maxLength={200} />
            <label htmlFor="new-password">{accountText(locale, 'ownNewPassword')}</label>
            <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} aria-describedby="new-password-hint" />
            <span id="new-password-hint" className="muted small">
              {accountText(locale, 'passwordHint')}
            </span>
            <label htmlFor="new-password2">{accountText(locale, 'ownNewPasswordRepeat')}</label>
            <input id="new-password2" name="password2" type="password" autoComplete="new-password" required minLength={10} maxLength={200} />
            <PendingSubmitButton className="button" label={accountText(locale, 'changePasswordButton')} pendingLabel={accountText(locale, 'changingPassword')} testId="change-password" />
          </form>
        </section>

        <section className="card account-section" aria-labelledby="sign-out-title">
          <h2 id="sign-out-title">{accountText(locale, 'signOutTitle')}</h2>
          <p>{accountText(locale, 'signOutText')}</p>
          <form action={signOutAction}>
            <input type="hidden" name="lang" value={locale} />
            <PendingSubmitButton className="button" label={accountText(locale, 'signOut')} pendingLabel={accountText(locale, 'signOut')} testId="account-sign-out" />
          </form>
        </section>
      </main>
    </>
  );
}
