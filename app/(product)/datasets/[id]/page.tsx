import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { SignInRequiredPage, uploadNeedsSignIn } from '../../account/SignInRequired';
import { datasetsText } from '../messages';
import { mappingText } from '../upload/mappingMessages';
import { CodebookEditor } from './CodebookEditor';
import { AppendFile } from './AppendFile';
import { CodebookOverview } from './CodebookOverview';
import '../datasets.css';
import { can } from '@/lib/auth/permissions';
import { currentUser, requestDatasets } from '@/app/server/request';
import { draftFromCodebook } from '@/lib/mapping/fromCodebook';
import { profileColumns } from '@/lib/mapping/profile';
import { EDITOR_SAMPLE_ROWS } from '@/lib/storage/datasetStore';
import { DatasetLookupError, getDatasetRegistry, isReferenceId, isValidDatasetId } from '@/lib/storage/datasetRegistry';

export const generateMetadata = pageTitle('dataset');
export const dynamic = 'force-dynamic';

/**
 * /datasets/<id>: one uploaded dataset: its codebook, edited with the mapping screen and checked
 * against every stored row before it is saved, downloaded as JSON, and a file appended to it.
 */
export default async function DatasetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = await getLocale();
  if (!isValidDatasetId(id)) notFound();
  if (await uploadNeedsSignIn(id)) return <SignInRequiredPage path="/datasets" returnTo={`/datasets/${id}`} title={datasetsText(locale, 'title')} />;
  const access = await requestDatasets();
  let listing;
  try {
    listing = await access.summary(id);
  } catch (e) {
    if (e instanceof DatasetLookupError) notFound();
    throw e;
  }
  const user = await currentUser();
  const canWrite = can(user?.role, 'datasets.write') && !isReferenceId(id);
  const data = await access.load(id);
  const codebook = data.codebook;
  // A sample of the rows' text, for the editor's column profiles: read only for someone who may edit
  // (the rest of the page needs the columns only), and never every row (a 2,000,000-row dataset's
  // text takes tens of seconds to read).
  const stored = isReferenceId(id) || !canWrite ? null : await getDatasetRegistry().store.sample(id, EDITOR_SAMPLE_ROWS);
  const name = listing.title[locale];
  const back = locale === 'nl' ? '/datasets?lang=nl' : '/datasets';

  return (
    <>
      <SiteHeader path="/datasets" />
      <main id="main" tabIndex={-1} className="page datasets-page" lang={locale}>
        <p>
          <Link href={back}>← {datasetsText(locale, 'title')}</Link>
        </p>
        <h1>{name}</h1>
        <p className="lead">{datasetsText(locale, 'datasetSummary', { n: listing.respondents, items: codebook.items.length, families: codebook.families.length })}</p>
        {listing.synthetic && <SyntheticNotice />}
        <p className="form-actions">
          <Link className="button" href={`/explore?dataset=${encodeURIComponent(id)}${locale === 'nl' ? '&lang=nl' : ''}`} prefetch={false}>
            {datasetsText(locale, 'explore')}
          </Link>
          <Link className="button button-secondary" href={`/datasets/${encodeURIComponent(id)}/weighting${locale === 'nl' ? '?lang=nl' : ''}`} prefetch={false} data-testid="weighting-link">
            {datasetsText(locale, 'weighting')}
          </Link>
          <a className="button button-secondary" href={`/api/datasets/${encodeURIComponent(id)}/codebook`} download data-testid="download-codebook">
            {mappingText(locale, 'downloadCodebook')}
          </a>
          <a className="button button-secondary" href={`/api/datasets/${encodeURIComponent(id)}/data`} download data-testid="download-data">
            {mappingText(locale, 'downloadData')}
          </a>
        </p>
        {stored && canWrite ? (
          <>
            <CodebookEditor
              datasetId={id}
              name={listing.name}
              revision={(listing as { revision?: number }).revision}
              initial={draftFromCodebook(stored.codebook, stored.header).draft}
              header={stored.header}
              codebook={stored.codebook}
              profiles={profileColumns(stored.header, stored.rows)}
            />
            <AppendFile datasetId={id} header={stored.header} codebook={stored.codebook} />
          </>
        ) : (
          <CodebookOverview codebook={codebook} note={isReferenceId(id) ? datasetsText(locale, 'reference') : mappingText(locale, 'readOnly')} />
        )}
      </main>
    </>
  );
}
