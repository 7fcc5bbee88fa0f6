import { useLocale } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Form from 'next/form';
import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { AutoSubmitSelect } from '../planner/AutoSubmitSelect';
import { findingsText } from './messages';
import type { SkippedClaim } from '@/lib/findings/applicability';
import { datasetFindings, referenceFindings } from '@/lib/findings/cachedResults';
import type { ClaimResult } from '@/lib/findings/claims';
import { formatNumber, formatPercent, appText } from '@/lib/i18n/messages';
import { requestDatasets } from '@/app/server/request';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import type { Locale } from '@/lib/survey/codebook';
import { firstParam } from '@/lib/http/searchParams';
import { HelpTerm } from '@/app/components/help/HelpTerm';
import { TermText } from '@/app/components/help/TermText';

export const generateMetadata = pageTitle('findings');

const PROVENANCE: Record<string, { en: string; nl: string }> = {
  seed: { en: 'source article', nl: 'bronartikel' },
  'seed+coverage': { en: 'source article and other coverage', nl: 'bronartikel en andere berichtgeving' },
  coverage: { en: 'other coverage only', nl: 'alleen andere berichtgeving' },
  'seed+ipsos': { en: 'source article and Ipsos pages', nl: 'bronartikel en pagina’s van Ipsos' },
  assumption: { en: 'assumption', nl: 'aanname' },
};

/** On the reference data a claim is "reproduced"; on another dataset its figure "agrees" with the published one or "differs". */
interface Wording {
  computed: string;
  ok: string;
  fail: string;
}
const referenceWording = (locale: Locale): Wording => ({ computed: appText(locale, 'colComputed'), ok: appText(locale, 'reproduced'), fail: appText(locale, 'notReproduced') });

function ResultRow({ result, wording }: { result: ClaimResult; wording: Wording }) {
  const locale = useLocale();
  const { claim } = result;
  // A computed value in words (labels, not codes); an evaluation that failed says so, not how.
  const computed = result.claim.metric.kind === 'share' && result.share !== null ? formatPercent(result.share, locale) : result.error ? findingsText(locale, 'notComputed') : (result.display?.[locale] ?? result.computed);
  return (
    <tr id={`claim-${claim.id}`} data-claim={claim.id} className={result.reproduced ? 'ok' : 'fail'}>
      <th scope="row">{claim.id}</th>
      <td className="statement">
        {claim.statement[locale]}
        <div className="muted small">
          {appText(locale, 'provenance')}: {PROVENANCE[claim.provenance][locale]}
        </div>
        <details>
          <summary>{appText(locale, 'details')}</summary>
          <ul className="checks">
            {result.error && <li className="fail">{findingsText(locale, 'notComputedWhy')}</li>}
            {result.checks.map((c, i) => (
              <li key={i} className={c.ok ? 'ok' : 'fail'}>
                <span aria-hidden="true">{c.ok ? '✓ ' : '✗ '}</span>
                {c.text?.[locale] ?? c.label}
                {c.respondents !== undefined && ` · n = ${formatNumber(c.respondents, locale)}`}
              </li>
            ))}
          </ul>
        </details>
      </td>
      <td className="num published" data-label={appText(locale, 'colPublished')}>
        {claim.published[locale]}
      </td>
      <td className="num computed" data-testid="computed" data-label={wording.computed}>
        {computed.split('; ').map((part, i) => (
          <div key={i}>{part}</div>
        ))}
      </td>
      {/* Two figures each, which may wrap between them (globals.css) so that the table fits a laptop. */}
      <td className="num interval" data-label={appText(locale, 'colInterval')}>
        {result.ci ? (
          <>
            <span>{formatPercent(result.ci.lower, locale)} –</span> <span>{formatPercent(result.ci.upper, locale)}</span>
          </>
        ) : (
          '–'
        )}
      </td>
      <td className="num base" data-label={appText(locale, 'colBase')}>
        {result.respondents !== null ? (
          <>
            <span>{formatNumber(result.respondents, locale)}</span> <span>({formatNumber(result.effectiveBase ?? 0, locale)})</span>
          </>
        ) : (
          '–'
        )}
      </td>
      <td className="result">
        <span className={`badge ${result.reproduced ? 'badge-ok' : 'badge-fail'}`}>
          <span aria-hidden="true">{result.reproduced ? '✓ ' : '✗ '}</span>
          {result.reproduced ? wording.ok : wording.fail}
        </span>
      </td>
    </tr>
  );
}

function StudyTable({ study, results, wording: given, heading }: { study: 'P' | 'G'; results: ClaimResult[]; wording?: Wording; heading?: string }) {
  const locale = useLocale();
  const wording = given ?? referenceWording(locale);
  const rows = results.filter((r) => r.claim.study === study);
  if (!rows.length) return null;
  const title = heading ?? appText(locale, study === 'P' ? 'studyP' : 'studyG');
  return (
    <section aria-labelledby={`study-${study}`}>
      <h2 id={`study-${study}`}>{title}</h2>
      <div className="table-scroll">
        <table className="findings claims-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{appText(locale, 'colId')}</th>
              <th scope="col">{appText(locale, 'colStatement')}</th>
              <th scope="col">{appText(locale, 'colPublished')}</th>
              <th scope="col">{wording.computed}</th>
              <th scope="col">
                {appText(locale, 'colInterval')}
                <HelpTerm term="interval" />
              </th>
              <th scope="col">
                {appText(locale, 'colBase')}
                <HelpTerm term="effective-base" />
              </th>
              <th scope="col">{appText(locale, 'colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <ResultRow key={r.claim.id} result={r} wording={wording} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Which dataset to check the published figures on: shown when there are uploads to choose from. */
function DatasetChooser({ uploads, current }: { uploads: DatasetListing[]; current: string }) {
  const locale = useLocale();
  if (!uploads.length) return null;
  return (
    <Form action="/findings" className="findings-chooser" aria-label={findingsText(locale, 'chooseLabel')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      <label htmlFor="findings-dataset">{findingsText(locale, 'chooseLabel')}</label>{' '}
      <AutoSubmitSelect id="findings-dataset" name="dataset" value={current}>
        <option value="">{findingsText(locale, 'chooseReference')}</option>
        {uploads.map((d) => (
          <option key={d.id} value={d.id}>
            {findingsText(locale, 'uploadedMark', { name: d.name })}
          </option>
        ))}
      </AutoSubmitSelect>{' '}
      <noscript>
        <button type="submit" className="button">
          {findingsText(locale, 'chooseSubmit')}
        </button>
      </noscript>
    </Form>
  );
}

function SkippedList({ skipped }: { skipped: SkippedClaim[] }) {
  const locale = useLocale();
  if (!skipped.length) return null;
  return (
    <section aria-labelledby="skipped-title" data-testid="skipped-claims">
      <h2 id="skipped-title">{findingsText(locale, 'skippedTitle')}</h2>
      <p>{findingsText(locale, 'skippedIntro')}</p>
      <ul className="skipped-claims">
        {skipped.map(({ claim, reasons }) => (
          <li key={claim.id} data-skipped={claim.id}>
            <strong>{claim.id}</strong> ({claim.published[locale]}) {claim.statement[locale]}: <span className="muted">{reasons.map((r) => r[locale]).join('; ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /findings?dataset=<id>: the published claims a stored dataset can answer, its figures beside the published ones. */
async function DatasetFindingsPage({ id, uploads }: { id: string; uploads: DatasetListing[] }) {
  const locale = await getLocale();
  const registry = await requestDatasets();
  const lang = locale === 'nl' ? '?lang=nl' : '';
  let listing: DatasetListing | null = null;
  try {
    listing = await registry.summary(id);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'DatasetLookupError')) throw e;
  }
  if (!listing)
    return (
      <>
        <SiteHeader path="/findings" />
        <main id="main" tabIndex={-1} lang={locale} className="page">
          <h1>{appText(locale, 'findingsTitle')}</h1>
          <div role="alert" className="card" data-testid="unknown-dataset">
            <h2>{findingsText(locale, 'unknownTitle')}</h2>
            <p>{findingsText(locale, 'unknownText', { id: id.slice(0, 80) })}</p>
            <p>
              <Link href={`/findings${lang}`}>{findingsText(locale, 'backToReference')}</Link>
            </p>
          </div>
        </main>
      </>
    );
  const data = await registry.load(id);
  const { results, skipped } = datasetFindings(data);
  const { registry: claims } = referenceFindings();
  const ok = results.filter((r) => r.reproduced).length;
  const wording: Wording = { computed: findingsText(locale, 'colDataset'), ok: findingsText(locale, 'agrees'), fail: findingsText(locale, 'differs') };
  const name = listing.title[locale];
  return (
    <>
      <SiteHeader path="/findings" query={`dataset=${encodeURIComponent(id)}`} />
      {/* Wider than the reference page: the result column must fit beside the dataset's figures. */}
      <main id="main" tabIndex={-1} lang={locale} className="page" style={{ maxWidth: '80rem' }}>
        <h1>{findingsText(locale, 'datasetTitle', { name })}</h1>
        <p className="lead">{findingsText(locale, 'datasetIntro')}</p>
        {listing.synthetic && <SyntheticNotice />}
        <DatasetChooser uploads={uploads} current={listing.reference ? '' : id} />
        <p className="summary-count" data-testid="summary-count">
          {findingsText(locale, 'datasetCount', { ok, total: results.length, skipped: skipped.length })}
        </p>
        {!listing.reference && (
          <p>
            <Link href={`/benchmark?dataset=${encodeURIComponent(id)}${locale === 'nl' ? '&lang=nl' : ''}`}>{findingsText(locale, 'benchmarkLink')}</Link>
          </p>
        )}
        {results.length === 0 && <p>{findingsText(locale, 'noneAnswerable')}</p>}
        <StudyTable study="G" results={results} wording={wording} heading={findingsText(locale, 'claimsG')} />
        <StudyTable study="P" results={results} wording={wording} heading={findingsText(locale, 'claimsP')} />
        <SkippedList skipped={skipped} />
        <footer className="footnote">
          <p>{claims.rule[locale]}</p>
          <p>
            <TermText text={appText(locale, 'methods')} terms={['weight', 'interval', 'effective-base', 't-test']} />
          </p>
        </footer>
      </main>
    </>
  );
}

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const dataset = firstParam(params.dataset);
  if (await uploadNeedsSignIn(dataset)) return <SignInRequiredPage path="/findings" returnTo={`/findings?dataset=${dataset}`} title={appText(locale, 'findingsTitle')} />;
  const uploads = (await (await requestDatasets()).list()).filter((d) => !d.reference);
  if (dataset) return <DatasetFindingsPage id={dataset} uploads={uploads} />;
  const { registry, results } = referenceFindings();
  const ok = results.filter((r) => r.reproduced).length;
  return (
    <>
      <SiteHeader path="/findings" />
      <main id="main" tabIndex={-1} lang={locale} className="page">
        <h1>{appText(locale, 'findingsTitle')}</h1>
        <p className="lead">{appText(locale, 'findingsIntro')}</p>
        <SyntheticNotice />
        <DatasetChooser uploads={uploads} current="" />
        <p className="summary-count" data-testid="summary-count">
          {appText(locale, 'summaryCount', { ok, total: results.length })}
        </p>
        <StudyTable study="G" results={results} />
        <StudyTable study="P" results={results} />
        <footer className="footnote">
          <p>{registry.rule[locale]}</p>
          <p>
            <TermText text={appText(locale, 'methods')} terms={['weight', 'interval', 'effective-base', 't-test']} />
          </p>
        </footer>
      </main>
    </>
  );
}
