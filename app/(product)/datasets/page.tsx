import { useLocale } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { deleteDatasetAction } from './actions';
import { datasetsText } from './messages';
import { UploadPanel } from './upload/UploadPanel';
import './datasets.css';
import { formatNumber } from '@/lib/i18n/messages';
import { TEMPLATE_STUDIES, templateHeader } from '@/lib/api/templates';
import { isValidDatasetId, type DatasetListing } from '@/lib/storage/datasetRegistry';
import { currentUser, requestDatasets } from '@/app/server/request';
import { can } from '@/lib/auth/permissions';
import { roleName } from '../account/messages';
import type { Locale } from '@/lib/survey/codebook';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const generateMetadata = pageTitle('datasets');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

function styleName(style: string, locale: Locale): string {
  if (style === 'G') return datasetsText(locale, 'styleG');
  if (style === 'P') return datasetsText(locale, 'styleP');
  return datasetsText(locale, 'styleOwn', { style: style || '–' });
}

function formatAdded(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

function DatasetRow({ dataset }: { dataset: DatasetListing }) {
  const locale = useLocale();
  const name = dataset.title[locale];
  const withLang = (query: string) => `/datasets?${locale === 'nl' ? 'lang=nl&' : ''}${query}`;
  return (
    <tr data-dataset={dataset.id} data-reference={dataset.reference ? 'true' : 'false'}>
      <th scope="row">
        {name}
        <div className="muted small">
          <code>{dataset.id}</code>
        </div>
      </th>
      <td>{styleName(dataset.studyStyle, locale)}</td>
      <td className="num">{formatNumber(dataset.respondents, locale)}</td>
      <td className="added">{dataset.reference ? <span className="muted">{datasetsText(locale, 'shipped')}</span> : <time dateTime={dataset.addedAt}>{formatAdded(dataset.addedAt, locale)}</time>}</td>
      <td data-testid="synthetic-cell">
        {dataset.synthetic ? <span className="badge badge-synthetic">{datasetsText(locale, 'synthetic')}</span> : <span className="badge badge-real">{datasetsText(locale, 'real')}</span>}
      </td>
      <td className="actions">
        <a href={`/api/datasets/${dataset.id}/acceptance?by=item`}>{datasetsText(locale, 'apiJson')}</a>
        {dataset.reference && (
          <Link href={`/datasets/${dataset.id}${locale === 'nl' ? '?lang=nl' : ''}`} aria-label={datasetsText(locale, 'codebookLabel', { name })} prefetch={false}>
            {datasetsText(locale, 'codebookPage')}
          </Link>
        )}
        {!dataset.reference && (
          <>
            <Link href={`/explore?dataset=${dataset.id}${locale === 'nl' ? '&lang=nl' : ''}`} aria-label={datasetsText(locale, 'exploreLabel', { name })} prefetch={false}>
              {datasetsText(locale, 'explore')}
            </Link>
            <Link href={`/datasets/${dataset.id}${locale === 'nl' ? '?lang=nl' : ''}`} aria-label={datasetsText(locale, 'openLabel', { name })} prefetch={false}>
              {datasetsText(locale, 'open')}
            </Link>
            {(['G', 'P'] as const).map((study) => (
              <Link key={study} href={`/benchmark?dataset=${dataset.id}&against=study-${study.toLowerCase()}${locale === 'nl' ? '&lang=nl' : ''}`} aria-label={datasetsText(locale, 'compareLabel', { name, study })} prefetch={false}>
                {datasetsText(locale, 'compareWith', { study })}
              </Link>
            ))}
          </>
        )}
        {dataset.deletable ? (
          <Link href={withLang(`confirm=${encodeURIComponent(dataset.id)}`)} className="delete-link" aria-label={datasetsText(locale, 'deleteLabel', { name })} prefetch={false}>
            {datasetsText(locale, 'delete')}
          </Link>
        ) : (
          <span className="muted small">{datasetsText(locale, 'reference')}</span>
        )}
      </td>
    </tr>
  );
}

function ConfirmDelete({ dataset }: { dataset: DatasetListing }) {
  const locale = useLocale();
  const name = dataset.title[locale];
  return (
    <section className="confirm-delete card" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-testid="confirm-delete">
      <h2 id="confirm-title">{datasetsText(locale, 'confirmTitle', { name })}</h2>
      <p id="confirm-text">{datasetsText(locale, 'confirmText', { n: dataset.respondents })}</p>
      <form action={deleteDatasetAction} className="form-actions">
        <input type="hidden" name="id" value={dataset.id} />
        {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
        <button type="submit" className="button button-danger" autoFocus>
          {datasetsText(locale, 'confirmYes')}
        </button>
        <Link href={locale === 'nl' ? '/datasets?lang=nl' : '/datasets'}>{datasetsText(locale, 'cancel')}</Link>
      </form>
    </section>
  );
}

/** The DatasetLookupError codes the delete action (actions.ts) redirects with. */
const DELETE_ERRORS = ['NotFound', 'BadId', 'Reference', 'Forbidden', 'SignInRequired'];

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const user = await currentUser();
  const canWrite = can(user?.role, 'datasets.write');
  const datasets = await (await requestDatasets()).list();
  const uploads = datasets.filter((d) => !d.reference);
  const confirmId = nonEmptyParam(params.confirm);
  const confirming = canWrite && confirmId && isValidDatasetId(confirmId) ? uploads.find((d) => d.id === confirmId) : undefined;
  // Only the codes the delete action sends are shown: the URL must not put arbitrary text on the page.
  const errorParam = nonEmptyParam(params.error);
  const error = errorParam && DELETE_ERRORS.includes(errorParam) ? errorParam : undefined;
  const query = confirming ? `confirm=${encodeURIComponent(confirming.id)}` : '';

  return (
    <>
      <SiteHeader path="/datasets" query={query} />
      <main id="main" tabIndex={-1} className="page datasets-page" lang={locale}>
        <h1>{datasetsText(locale, 'title')}</h1>
        <p className="lead">{datasetsText(locale, 'intro')}</p>
        <SyntheticNotice />

        {nonEmptyParam(params.deleted) && (
          <p className="status-message" role="status">
            {datasetsText(locale, 'deleted')}
          </p>
        )}
        {error && (
          <p className="status-message error" role="alert">
            {error === 'NotFound' ? datasetsText(locale, 'notFound') : error === 'Forbidden' ? datasetsText(locale, 'forbidden') : datasetsText(locale, 'deleteFailed', { message: error.slice(0, 40) })}
          </p>
        )}
        {confirmId && !confirming && (
          <p className="status-message error" role="alert">
            {datasetsText(locale, 'notFound')}
          </p>
        )}
        {confirming && <ConfirmDelete dataset={confirming} />}

        <div className="table-scroll">
          <table className="findings datasets-table" data-testid="datasets-table">
            <caption className="visually-hidden">{datasetsText(locale, 'tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{datasetsText(locale, 'colName')}</th>
                <th scope="col">{datasetsText(locale, 'colStyle')}</th>
                <th scope="col">{datasetsText(locale, 'colRespondents')}</th>
                <th scope="col">{datasetsText(locale, 'colAdded')}</th>
                <th scope="col">{datasetsText(locale, 'colData')}</th>
                <th scope="col">{datasetsText(locale, 'colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <DatasetRow key={d.id} dataset={d} />
              ))}
            </tbody>
          </table>
        </div>

        {canWrite && uploads.length === 0 && (
          <section className="card empty-uploads" data-testid="empty-uploads" aria-labelledby="empty-uploads-title">
            <h2 id="empty-uploads-title">{datasetsText(locale, 'emptyTitle')}</h2>
            <p>{datasetsText(locale, 'emptyText')}</p>
            <p>{datasetsText(locale, 'emptyFormats')}</p>
            <p>
              {/* To the upload panel just below: its file picker is the first thing there. */}
              <a className="button" href="#upload-title">
                {datasetsText(locale, 'emptyUpload')}
              </a>
            </p>
          </section>
        )}

        {canWrite ? (
          <UploadPanel templates={TEMPLATE_STUDIES.map((study) => ({ study, header: templateHeader(study) }))} />
        ) : (
          <section className="card upload-locked" data-testid="upload-locked">
            <h2>{datasetsText(locale, 'uploadLockedTitle')}</h2>
            <p>
              {user ? datasetsText(locale, 'uploadLockedRole', { role: roleName(locale, user.role) }) : datasetsText(locale, 'uploadLockedSignedOut')}{' '}
              {!user && (
                <Link href={`/login?${locale === 'nl' ? 'lang=nl&' : ''}next=/datasets`} prefetch={false}>
                  {datasetsText(locale, 'signIn')}
                </Link>
              )}
            </p>
          </section>
        )}

        <section className="card templates" aria-labelledby="templates-title">
          <h2 id="templates-title">{datasetsText(locale, 'templatesTitle')}</h2>
          <p>{datasetsText(locale, 'templatesIntro')}</p>
          <ul>
            {TEMPLATE_STUDIES.map((study) => (
              <li key={study}>
                <strong>{styleName(study === 'study-g' ? 'G' : 'P', locale)}:</strong>{' '}
                <a href={`/api/templates/${study}.template.csv`} download>
                  {datasetsText(locale, 'templateCsv')}
                </a>
                {' · '}
                <a href={`/api/templates/${study}.codebook.json`} download>
                  {datasetsText(locale, 'codebook')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
