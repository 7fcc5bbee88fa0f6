import { pageTitle } from '@/app/pageTitle';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/app/components/SiteHeader';
import { PendingSubmitButton } from '@/app/components/PendingSubmitButton';
import { changePasswordAction, signOutAction } from './actions';
import { errorMessage, roleDoesKey, roleKey } from './messages';
import { getLocale, getTranslations } from 'next-intl/server';
import './account.css';
import { currentUser } from '@/app/server/request';
import { FAILURE_WINDOW_MINUTES } from '@/lib/auth/accounts';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const generateMetadata = pageTitle('account');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** The signed-in user's own page: who they are, their role, a new password, signing out. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const t = await getTranslations('account');
  const user = await currentUser();
  if (!user) redirect(`/login?${locale === 'nl' ? 'lang=nl&' : ''}next=/account`);
  const error = errorMessage(t, nonEmptyParam(params.error), { minutes: FAILURE_WINDOW_MINUTES });
  const changed = !error && nonEmptyParam(params.changed) === '1';
  return (
    <>
      <SiteHeader path="/account" />
      <main id="main" tabIndex={-1} className="page account-page" lang={locale}>
        <h1>{t('accountTitle')}</h1>
        <p className="lead" data-testid="account-who">
          {t('accountWho', { name: user.username })} {t('accountRole', { role: t(roleKey(user.role)), does: t(roleDoesKey(user.role)) })}{' '}
          <span className="muted">{t('accountRoleNote')}</span>
        </p>

        <section className="card account-section" aria-labelledby="change-password-title">
          <h2 id="change-password-title">{t('changePasswordTitle')}</h2>
          {error && (
            <p className="form-error" role="alert" data-testid="password-result">
              {error}
            </p>
          )}
          {changed && (
            <p className="form-done" role="status" data-testid="password-result">
              {t('passwordChanged')}
            </p>
          )}
          <form action={changePasswordAction} className="account-form">
            <input type="hidden" name="lang" value={locale} />
            {/* The username, for password managers: it tells them which saved password to update. */}
            <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
            <label htmlFor="current-password">{t('currentPassword')}</label>
            <input id="current-password" name="current" type="password" autoComplete="current-password" required maxLength={200} />
            <label htmlFor="new-password">{t('ownNewPassword')}</label>
            <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} aria-describedby="new-password-hint" />
            <span id="new-password-hint" className="muted small">
              {t('passwordHint')}
            </span>
            <label htmlFor="new-password2">{t('ownNewPasswordRepeat')}</label>
            <input id="new-password2" name="password2" type="password" autoComplete="new-password" required minLength={10} maxLength={200} />
            <PendingSubmitButton className="button" label={t('changePasswordButton')} pendingLabel={t('changingPassword')} testId="change-password" />
          </form>
        </section>

        <section className="card account-section" aria-labelledby="sign-out-title">
          <h2 id="sign-out-title">{t('signOutTitle')}</h2>
          <p>{t('signOutText')}</p>
          <form action={signOutAction}>
            <input type="hidden" name="lang" value={locale} />
            <PendingSubmitButton className="button" label={t('signOut')} pendingLabel={t('signOut')} testId="account-sign-out" />
          </form>
        </section>
      </main>
    </>
  );
}
