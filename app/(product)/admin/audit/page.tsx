import { pageTitle } from '@/app/pageTitle';
import { SiteHeader } from '@/app/components/SiteHeader';
import { getLocale, getTranslations } from 'next-intl/server';
import { adminOrNull, AdminTabs, NotForYourRole } from '../AdminGate';
import '../../account/account.css';
import { getAccountStore } from '@/lib/storage/storeFromEnv';
import type { Locale } from '@/lib/survey/codebook';
import { nonEmptyParam } from '@/lib/http/searchParams';
import { actionWords, detailLines } from './auditWords';

export const generateMetadata = pageTitle('audit');
export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 100;

const formatWhen = (iso: string, locale: Locale) =>
  `${new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))} UTC`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const t = await getTranslations('account');
  if (!(await adminOrNull(locale, '/admin/audit')))
    return (
      <>
        <SiteHeader path="/admin/audit" />
        <NotForYourRole />
      </>
    );
  const beforeRaw = nonEmptyParam(params.before);
  const before = beforeRaw && /^\d{1,15}$/.test(beforeRaw) ? Number(beforeRaw) : undefined;
  const entries = await getAccountStore().listAudit({ limit: PAGE_SIZE, before });
  const older = entries.length === PAGE_SIZE ? entries[entries.length - 1].id : null;
  return (
    <>
      <SiteHeader path="/admin/audit" />
      <main id="main" tabIndex={-1} className="page admin-page" lang={locale}>
        <h1>{t('auditTitle')}</h1>
        <AdminTabs current="audit" />
        <p className="lead">{t('auditIntro')}</p>
        {entries.length === 0 ? (
          <p>{t('auditEmpty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="findings" data-testid="audit-log">
              <caption className="visually-hidden">{t('auditCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colWhen')}</th>
                  <th scope="col">{t('colWho')}</th>
                  <th scope="col">{t('colAction')}</th>
                  <th scope="col">{t('colTarget')}</th>
                  <th scope="col">{t('colDetail')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td>
                      <time dateTime={e.at}>{formatWhen(e.at, locale)}</time>
                    </td>
                    <td>{e.actor ?? <span className="muted">{t('nobody')}</span>}</td>
                    <td>{actionWords(locale, e.action)}</td>
                    <td>{e.target ?? ''}</td>
                    <td>
                      {Object.keys(e.detail).length > 0 && (
                        <dl className="audit-detail">
                          {detailLines(locale, e.detail).map((line) => (
                            <div key={line.key}>
                              <dt>{line.label}:</dt> <dd>{line.value}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {older !== null && (
          <p>
            <a href={`/admin/audit?${locale === 'nl' ? 'lang=nl&' : ''}before=${older}`}>{t('olderEntries')}</a>
          </p>
        )}
      </main>
    </>
  );
}
