import { pageTitle } from '@/app/pageTitle';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/app/components/SiteHeader';
import { setupAction } from '../account/actions';
import { errorMessage } from '../account/messages';
import { getLocale, getTranslations } from 'next-intl/server';
import '../account/account.css';
import { PendingSubmitButton } from '@/app/components/PendingSubmitButton';
import { installHasUsers } from '@/lib/auth/setupState';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const generateMetadata = pageTitle('setup');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

/** The first visit of a fresh install: create the admin account (offered only while there is no account at all). */
export default async function SetupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const t = await getTranslations('account');
  if (await installHasUsers()) redirect(`/login?${locale === 'nl' ? 'lang=nl&' : ''}error=NotFirstUser`);
  const error = errorMessage(t, nonEmptyParam(params.error));
  // After a refusal the username comes back (setupAction); the passwords are typed again.
  const typedUsername = nonEmptyParam(params.username)?.slice(0, 64) ?? '';
  return (
    <>
      <SiteHeader path="/setup" />
      <main id="main" tabIndex={-1} className="page account-page" lang={locale}>
        <h1>{t('setupTitle')}</h1>
        <p className="lead">{t('setupIntro')}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <form action={setupAction} className="account-form">
          <input type="hidden" name="lang" value={locale} />
          <label htmlFor="username">{t('username')}</label>
          <input id="username" name="username" type="text" autoComplete="username" required maxLength={64} aria-describedby="username-hint" defaultValue={typedUsername} />
          <span id="username-hint" className="muted small">
            {t('usernameHint')}
          </span>
          <label htmlFor="password">{t('password')}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} maxLength={200} aria-describedby="password-hint" autoFocus={!!typedUsername} />
          <span id="password-hint" className="muted small">
            {t('passwordHint')}
          </span>
          <label htmlFor="password2">{t('passwordRepeat')}</label>
          <input id="password2" name="password2" type="password" autoComplete="new-password" required minLength={10} maxLength={200} />
          <PendingSubmitButton className="button" label={t('setupButton')} pendingLabel={t('creating')} />
        </form>
      </main>
    </>
  );
}
