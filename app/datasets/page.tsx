import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from '../components/SiteHeader';
import { deleteDatasetAction } from './actions';
import { dt } from './messages';
import { UploadPanel } from './upload/UploadPanel';
import './datasets.css';
import { formatNumber, localeFrom } from '@/lib/i18n/messages';
import { TEMPLATE_STUDIES, templateHeader } from '@/lib/api/templates';
import { isValidDatasetId, type DatasetListing } from '@/lib/storage/datasetRegistry';
import { currentUser, requestDatasets } from '@/app/server/request';
import { can } from '@/lib/auth/permissions';
import { roleName } from '../account/messages';
import type { Locale } from '@/lib/survey/codebook';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const metadata: Metadata = { title: 'Datasets' };
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

function styleName(style: string, locale: Locale): string {
  if (style === 'G') return dt(locale, 'styleG');
  if (style === 'P') return dt(locale, 'styleP');
  return dt(locale, 'styleOwn', { style: style || '–' });
}

function formatAdded(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}

function DatasetRow({ dataset, locale }: { dataset: DatasetListing; locale: Locale }) {
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
      <td className="added">{dataset.reference ? <span className="muted">{dt(locale, 'shipped')}</span> : <time dateTime={dataset.addedAt}>{formatAdded(dataset.addedAt, locale)}</time>}</td>
      <td data-testid="synthetic-cell">
        {dataset.synthetic ? <span className="badge badge-synthetic">{dt(locale, 'synthetic')}</span> : <span className="badge badge-real">{dt(locale, 'real')}</span>}
      </td>
      <td className="actions">
        <a href={`/api/datasets/${dataset.id}/acceptance?by=item`}>{dt(locale, 'apiJson')}</a>
        {dataset.reference && (
          <Link href={`/datasets/${dataset.id}${locale === 'nl' ? '?lang=nl' : ''}`} aria-label={dt(locale, 'codebookLabel', { name })} prefetch={false}>
            {dt(locale, 'codebookPage')}
          </Link>
        )}
        {!dataset.reference && (
          <>
            <Link href={`/explore?dataset=${dataset.id}${locale === 'nl' ? '&lang=nl' : ''}`} aria-label={dt(locale, 'exploreLabel', { name })} prefetch={false}>
              {dt(locale, 'explore')}
            </Link>
            <Link href={`/datasets/${dataset.id}${locale === 'nl' ? '?lang=nl' : ''}`} aria-label={dt(locale, 'openLabel', { name })} prefetch={false}>
              {dt(locale, 'open')}
            </Link>
            {(['G', 'P'] as const).map((study) => (
              <Link key={study} href={`/benchmark?dataset=${dataset.id}&against=study-${study.toLowerCase()}${locale === 'nl' ? '&lang=nl' : ''}`} aria-label={dt(locale, 'compareLabel', { name, study })} prefetch={false}>
                {dt(locale, 'compareWith', { study })}
              </Link>
            ))}
          </>
        )}
        {dataset.deletable ? (
          <Link href={withLang(`confirm=${encodeURIComponent(dataset.id)}`)} className="delete-link" aria-label={dt(locale, 'deleteLabel', { name })} prefetch={false}>
            {dt(locale, 'delete')}
          </Link>
        ) : (
          <span className="muted small">{dt(locale, 'reference')}</span>
        )}
      </td>
    </tr>
  );
}

function ConfirmDelete({ dataset, locale }: { dataset: DatasetListing; locale: Locale }) {
  const name = dataset.title[locale];
  return (
    <section className="confirm-delete card" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-testid="confirm-delete">
      <h2 id="confirm-title">{dt(locale, 'confirmTitle', { name })}</h2>
      <p id="confirm-text">{dt(locale, 'confirmText', { n: formatNumber(dataset.respondents, locale) })}</p>
      <form action={deleteDatasetAction} className="form-actions">
        <input type="hidden" name="id" value={dataset.id} />
        {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
        <button type="submit" className="button button-danger" autoFocus>
          {dt(locale, 'confirmYes')}
        </button>
        <Link href={locale === 'nl' ? '/datasets?lang=nl' : '/datasets'}>{dt(locale, 'cancel')}</Link>
      </form>
    </section>
  );
}

/** The DatasetLookupError codes the delete action (actions.ts) redirects with. */
const DELETE_ERRORS = ['NotFound', 'BadId', 'Reference', 'Forbidden', 'SignInRequired'];

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = localeFrom(params.lang);
  const user = await currentUser();
  const canWrite = can(user?.role, 'datasets.write');
  const datasets = await (await requestDatasets()).list();
  const uploads = datasets.filter((d) => !d.reference);
  const confirmId = nonEmptyParam(params.confirm);
  const confirming = canWrite && confirmId && isValidDatasetId(confirmId) ? uploads.find((d) => d.id === confirmId) : undefined;
  // Only the codes the delete action sends are shown: the URL must not put arbitrary text on the page.
  const errorParam = nonEmptyParam(params.error);
  const error = errorParam && DELETE_ERRORS.includes(errorParam) ? errorParam : undefined;
  const host = (await headers()).get('host') ?? 'localhost:3000';
  const query = confirming ? `confirm=${encodeURIComponent(confirming.id)}` : '';

  return (
    <>
      <SiteHeader locale={locale} path="/datasets" query={query} />
      <main className="page datasets-page" lang={locale}>
        <h1>{dt(locale, 'title')}</h1>
        <p className="lead">{dt(locale, 'intro')}</p>
        <SyntheticNotice locale={locale} />

        {nonEmptyParam(params.deleted) && (
          <p className="status-message" role="status">
            {dt(locale, 'deleted')}
          </p>
        )}
        {error && (
          <p className="status-message error" role="alert">
            {error === 'NotFound' ? dt(locale, 'notFound') : error === 'Forbidden' ? dt(locale, 'forbidden') : dt(locale, 'deleteFailed', { message: error.slice(0, 40) })}
          </p>
        )}
        {confirmId && !confirming && (
          <p className="status-message error" role="alert">
            {dt(locale, 'notFound')}
          </p>
        )}
        {confirming && <ConfirmDelete dataset={confirming} locale={locale} />}

        <div className="table-scroll">
          <table className="findings datasets-table" data-testid="datasets-table">
            <caption className="visually-hidden">{dt(locale, 'tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{dt(locale, 'colName')}</th>
                <th scope="col">{dt(locale, 'colStyle')}</th>
                <th scope="col">{dt(locale, 'colRespondents')}</th>
                <th scope="col">{dt(locale, 'colAdded')}</th>
                <th scope="col">{dt(locale, 'colData')}</th>
                <th scope="col">{dt(locale, 'colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <DatasetRow key={d.id} dataset={d} locale={locale} />
              ))}
            </tbody>
          </table>
        </div>

        {canWrite ? (
          <UploadPanel locale={locale} templates={TEMPLATE_STUDIES.map((study) => ({ study, header: templateHeader(study) }))} />
        ) : (
          <section className="card upload-locked" data-testid="upload-locked">
            <h2>{dt(locale, 'uploadLockedTitle')}</h2>
            <p>
              {user ? dt(locale, 'uploadLockedRole', { role: roleName(locale, user.role) }) : dt(locale, 'uploadLockedSignedOut')}{' '}
              {!user && (
                <Link href={`/login?${locale === 'nl' ? 'lang=nl&' : ''}next=/datasets`} prefetch={false}>
                  {dt(locale, 'signIn')}
                </Link>
              )}
            </p>
          </section>
        )}

        {canWrite && uploads.length === 0 && (
          <section className="card empty-uploads" data-testid="empty-uploads">
            <h2>{dt(locale, 'emptyTitle')}</h2>
            <p>{dt(locale, 'emptyText')}</p>
            <pre>
              <code>{`curl -c session.txt -d username=${user?.username ?? 'NAME'} -d password=... http://${host}/api/session\ncurl -b session.txt -F file=@my-survey.csv -F name="My survey" http://${host}/api/datasets`}</code>
            </pre>
          </section>
        )}

        <section className="card templates" aria-labelledby="templates-title">
          <h2 id="templates-title">{dt(locale, 'templatesTitle')}</h2>
          <p>{dt(locale, 'templatesIntro')}</p>
          <ul>
            {TEMPLATE_STUDIES.map((study) => (
              <li key={study}>
                <strong>{styleName(study === 'study-g' ? 'G' : 'P', locale)}:</strong>{' '}
                <a href={`/api/templates/${study}.template.csv`} download>
                  {dt(locale, 'templateCsv')}
                </a>
                {' · '}
                <a href={`/api/templates/${study}.codebook.json`} download>
                  {dt(locale, 'codebook')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
