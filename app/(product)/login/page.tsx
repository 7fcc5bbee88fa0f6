import { pageTitle } from '@/app/pageTitle';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/app/components/SiteHeader';
import { signInAction } from '../account/actions';
import { errorMessage } from '../account/messages';
import { getLocale, getTranslations } from 'next-intl/server';
import '../account/account.css';
import { FAILURE_WINDOW_MINUTES } from '@/lib/auth/accounts';
import { askedReturnPath, currentUser } from '@/app/server/request';
import { landingPath } from '@/lib/auth/permissions';
import { PendingSubmitButton } from '@/app/components/PendingSubmitButton';
import { installHasUsers } from '@/lib/auth/setupState';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const generateMetadata = pageTitle('login');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const t = await getTranslations('account');
  const next = askedReturnPath(nonEmptyParam(params.next));
  if (!(await installHasUsers())) redirect(`/setup${locale === 'nl' ? '?lang=nl' : ''}`);
  const user = await currentUser();
  if (user) redirect(next ?? `${landingPath(user.role)}${locale === 'nl' ? '?lang=nl' : ''}`);
  const error = errorMessage(t, nonEmptyParam(params.error), { minutes: FAILURE_WINDOW_MINUTES });
  return (
    <>
      <SiteHeader path="/login" query={next ? `next=${encodeURIComponent(next)}` : ''} />
      <main id="main" tabIndex={-1} className="page account-page" lang={locale}>
        <h1>{t('loginTitle')}</h1>
        <p className="lead">{t('loginIntro')}</p>
        {next && <p>{t('loginNeededFor', { path: next })}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <form action={signInAction} className="account-form">
          <input type="hidden" name="lang" value={locale} />
          {next && <input type="hidden" name="next" value={next} />}
          <label htmlFor="username">{t('username')}</label>
          <input id="username" name="username" type="text" autoComplete="username" required maxLength={64} autoFocus />
          <label htmlFor="password">{t('password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
          <PendingSubmitButton className="button" label={t('signIn')} pendingLabel={t('signingIn')} />
        </form>
      </main>
    </>
  );
}
