import Link from 'next/link';
import { SiteHeader } from '@/app/components/SiteHeader';
import { useLocale, useTranslations } from 'next-intl';
import { currentUser } from '@/app/server/request';
import { isReferenceId, isValidDatasetId } from '@/lib/storage/datasetRegistry';

/**
 * True when the URL asks for an uploaded dataset and nobody is signed in: the page then shows
 * <SignInRequiredPage> instead of the data (and does not tell whether the dataset exists).
 */
export async function uploadNeedsSignIn(datasetId: string | undefined): Promise<boolean> {
  return !!datasetId && isValidDatasetId(datasetId) && !isReferenceId(datasetId) && !(await currentUser());
}

export function SignInRequiredPage({ path, returnTo, title }: { path: string; returnTo: string; title: string }) {
  const locale = useLocale();
  const t = useTranslations('account');
  const href = `/login?${locale === 'nl' ? 'lang=nl&' : ''}next=${encodeURIComponent(returnTo)}`;
  return (
    <>
      <SiteHeader path={path} />
      <main id="main" tabIndex={-1} lang={locale} className="page">
        <h1>{title}</h1>
        <div className="card sign-in-required" role="alert" data-testid="sign-in-required">
          <h2>{t('signInTitle')}</h2>
          <p>{t('signInText')}</p>
          <p>
            <Link className="button" href={href} prefetch={false}>
              {t('signIn')}
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
