import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SiteHeader } from '../components/SiteHeader';
import { signInAction } from '../account/actions';
import { am, errorMessage } from '../account/messages';
import '../account/account.css';
import { FAILURE_WINDOW_MINUTES } from '@/lib/auth/accounts';
import { currentUser, safeReturnPath } from '@/app/server/request';
import { installHasUsers } from '@/lib/auth/setupState';
import { localeFrom } from '@/lib/i18n/messages';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = localeFrom(nonEmptyParam(params.lang));
  const next = safeReturnPath(nonEmptyParam(params.next));
  if (!(await installHasUsers())) redirect(`/setup${locale === 'nl' ? '?lang=nl' : ''}`);
  if (await currentUser()) redirect(next);
  const error = errorMessage(locale, nonEmptyParam(params.error), { minutes: FAILURE_WINDOW_MINUTES });
  return (
    <>
      <SiteHeader locale={locale} path="/login" query={next !== '/' ? `next=${encodeURIComponent(next)}` : ''} />
      <main className="page account-page" lang={locale}>
        <h1>{am(locale, 'loginTitle')}</h1>
        <p className="lead">{am(locale, 'loginIntro')}</p>
        {next !== '/' && <p>{am(locale, 'loginNeededFor', { path: next })}</p>}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <form action={signInAction} className="account-form">
          <input type="hidden" name="lang" value={locale} />
          <input type="hidden" name="next" value={next} />
          <label htmlFor="username">{am(locale, 'username')}</label>
          <input id="username" name="username" type="text" autoComplete="username" required maxLength={64} autoFocus />
          <label htmlFor="password">{am(locale, 'password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
          <button type="submit" className="button">
            {am(locale, 'signIn')}
          </button>
        </form>
      </main>
    </>
  );
}
