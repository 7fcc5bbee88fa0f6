import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from '../components/SiteHeader';
import { AutoSubmitSelect } from '../planner/AutoSubmitSelect';
import type { ReactNode } from 'react';
import { BenchmarkChart } from './BenchmarkChart';
import { bt, formatP, formatPoints } from './messages';
import './benchmark.css';
import { benchmark, BenchmarkError, benchmarkOptions, type BenchmarkResult, type BenchmarkRow } from '@/lib/analysis/benchmark';
import { datasetCatalog } from '@/lib/explore/catalog';
import { formatNumber, formatPercent, localeFrom } from '@/lib/i18n/messages';
import { requestDatasets } from '@/lib/auth/request';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import type { Label, Locale } from '@/lib/survey/codebook';
import type { SurveyData } from '@/lib/survey/dataset';
import { firstParam } from '@/lib/http/searchParams';

export const metadata: Metadata = { title: 'Benchmark' };

type SearchParams = Record<string, string | string[] | undefined>;
const MIN_BASES = [0, 10, 20, 30, 50, 100];
const DEFAULT_MIN_BASE = 30;
/** Means "every shared family" in the URL (an absent family means the first shared one). */
const ALL = 'all';

interface Choice {
  dataset: string;
  against: string;
  family: string;
  by: string;
  minBase: number;
}

function Controls({ choice, uploads, references, families, attributes, locale }: { choice: Choice; uploads: DatasetListing[]; references: DatasetListing[]; families: { id: string; label: Label }[]; attributes: { id: string; label: Label }[]; locale: Locale }) {
  const minBases = [...new Set([...MIN_BASES, choice.minBase])].sort((a, b) => a - b);
  const field = (id: keyof Choice, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`bench-${id}`}>{label}</label>
      <AutoSubmitSelect id={`bench-${id}`} name={id} value={String(choice[id])}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </AutoSubmitSelect>
    </div>
  );
  return (
    <Form action="/benchmark" className="bench-controls" aria-label={bt(locale, 'controls')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      {field('dataset', bt(locale, 'dataset'), [
        ...uploads.map((d) => ({ value: d.id, label: bt(locale, 'uploadedMark', { name: d.name }) })),
        ...(uploads.some((d) => d.id === choice.dataset) ? [] : references.filter((d) => d.id === choice.dataset).map((d) => ({ value: d.id, label: bt(locale, 'referenceMark', { name: d.title[locale] }) }))),
      ])}
      {field(
        'against',
        bt(locale, 'against'),
        references.map((d) => ({ value: d.id, label: d.title[locale] })),
      )}
      {field('family', bt(locale, 'family'), [{ value: ALL, label: bt(locale, 'familyAll') }, ...families.map((f) => ({ value: f.id, label: f.label[locale] }))])}
      {field('by', bt(locale, 'by'), [{ value: '', label: bt(locale, 'byNone') }, ...attributes.map((a) => ({ value: a.id, label: a.label[locale] }))])}
      {field(
        'minBase',
        bt(locale, 'minBase'),
        minBases.map((n) => ({ value: String(n), label: bt(locale, 'minBaseOption', { n: formatNumber(n, locale) }) })),
      )}
      <noscript>
        <button type="submit" className="button">
          {bt(locale, 'apply')}
        </button>
      </noscript>
    </Form>
  );
}

const pct = (share: number | null, locale: Locale) => (share === null ? '–' : formatPercent(share, locale));
const base = (side: BenchmarkRow['upload'], locale: Locale) => `${formatNumber(side.respondents, locale)} (${formatNumber(side.effectiveBase, locale)})`;

function Significance({ row, locale }: { row: BenchmarkRow; locale: Locale }) {
  const d = row.difference;
  if (!d) return <td>{bt(locale, 'noData')}</td>;
  if (row.smallBase) return <td className="muted">{bt(locale, 'smallBase')}</td>;
  if (!d.significant) return <td className="muted">{bt(locale, 'notSignificant')}</td>;
  return (
    <td className={d.diff > 0 ? 'sig-up' : 'sig-down'} data-testid="sig-mark">
      <span aria-hidden="true">{d.diff > 0 ? '▲ ' : '▼ '}</span>
      {bt(locale, d.diff > 0 ? 'higher' : 'lower')}
    </td>
  );
}

function BenchmarkTable({ result, locale }: { result: BenchmarkResult; locale: Locale }) {
  return (
    <section aria-labelledby="bench-table-title">
      <h2 id="bench-table-title">{bt(locale, 'tableTitle')}</h2>
      {/* Focusable so that keyboard users can scroll the wide table sideways. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="bench-table-title">
        <table className="findings bench-table" data-testid="benchmark-table">
          <caption className="visually-hidden">{bt(locale, 'tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{bt(locale, 'colItem')}</th>
              {result.by && <th scope="col">{result.by.label[locale]}</th>}
              <th scope="col">{bt(locale, 'colUpload')}</th>
              <th scope="col">{bt(locale, 'colReference')}</th>
              <th scope="col">{bt(locale, 'colDiff')}</th>
              <th scope="col">{bt(locale, 'colDiffCi')}</th>
              <th scope="col">{bt(locale, 'colP')}</th>
              <th scope="col">{bt(locale, 'colPAdj')}</th>
              <th scope="col">{bt(locale, 'colSig')}</th>
              <th scope="col">{bt(locale, 'colBaseUpload')}</th>
              <th scope="col">{bt(locale, 'colBaseReference')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => {
              const d = row.difference;
              return (
                <tr key={row.key} data-row={row.key} data-significant={d?.significant ? 'true' : 'false'}>
                  <th scope="row" className="statement">
                    {row.label[locale]}
                    {row.item && <div className="muted small">{row.item}</div>}
                  </th>
                  {result.by && <td>{row.group?.label[locale]}</td>}
                  <td className="num">{pct(row.upload.share, locale)}</td>
                  <td className="num">{pct(row.reference.share, locale)}</td>
                  <td className="num" data-testid="difference">
                    {d ? formatPoints(d.diff, locale) : '–'}
                  </td>
                  <td className="num">{d ? bt(locale, 'interval', { lower: formatPoints(d.ci.lower, locale), upper: formatPoints(d.ci.upper, locale) }) : '–'}</td>
                  <td className="num">{d ? formatP(d.pValue, locale) : '–'}</td>
                  <td className="num">{d?.pAdjusted != null ? formatP(d.pAdjusted, locale) : '–'}</td>
                  <Significance row={row} locale={locale} />
                  <td className="num">{base(row.upload, locale)}</td>
                  <td className="num">{base(row.reference, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LeftOut({ result, locale }: { result: BenchmarkResult; locale: Locale }) {
  return (
    <section aria-labelledby="bench-left-out" className="bench-left-out" data-testid="left-out">
      <h2 id="bench-left-out">{bt(locale, 'leftOutTitle')}</h2>
      {result.leftOutItems.length === 0 && result.leftOutLevels.length === 0 && <p>{bt(locale, 'leftOutNone')}</p>}
      {result.leftOutItems.length > 0 && (
        <>
          <p>{bt(locale, 'leftOutItems', { n: result.leftOutItems.length })}</p>
          <ul>
            {result.leftOutItems.map((l) => (
              <li key={l.id}>
                {l.label[locale]} (<code>{l.id}</code>): {l.reason[locale]}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.by && result.leftOutLevels.length > 0 && (
        <>
          <p>{bt(locale, 'leftOutLevels', { by: result.by.label[locale], n: result.leftOutLevels.length })}</p>
          <ul>
            {result.leftOutLevels.map((l) => (
              <li key={l.id}>
                {l.label[locale]}: {l.reason[locale]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The dataset's default respondent filter (the latest wave, where it has waves), as the explorer applies it. */
function defaultFilterOf(data: SurveyData): Record<string, string[]> {
  return datasetCatalog(data.codebook).defaultFilter;
}

function filterNote(data: SurveyData, filter: Record<string, string[]>, name: string, locale: Locale): string | null {
  const parts = Object.entries(filter).map(([id, codes]) => {
    const attribute = data.attributes.get(id)!;
    return `${attribute.label[locale].toLowerCase()} ${codes.map((c) => attribute.levels.find((l) => l.code === c)?.label[locale] ?? c).join(', ')}`;
  });
  return parts.length ? bt(locale, 'filtersNote', { name, filters: parts.join('; ') }) : null;
}

function Shell({ locale, query, children }: { locale: Locale; query: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader locale={locale} path="/benchmark" query={query} />
      <main lang={locale} className="page benchmark-page">
        {children}
      </main>
    </>
  );
}

/**
 * /benchmark?dataset=<upload id>&against=<reference id>[&by=<attribute>][&family=<family>|all][&minBase=n]:
 * an uploaded dataset's acceptance rates beside a reference study's, with the significance of each difference.
 */
export default async function BenchmarkPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = localeFrom(params.lang);
  const lang = locale === 'nl' ? '?lang=nl' : '';
  if (await uploadNeedsSignIn(firstParam(params.dataset))) return <SignInRequiredPage locale={locale} path="/benchmark" returnTo={`/benchmark?dataset=${firstParam(params.dataset)}`} title={bt(locale, 'title')} />;
  const registry = await requestDatasets();
  const all = await registry.list();
  const uploads = all.filter((d) => !d.reference);
  const references = all.filter((d) => d.reference);

  const requested = firstParam(params.dataset) || uploads[uploads.length - 1]?.id;
  if (!requested)
    return (
      <Shell locale={locale} query="">
        <h1>{bt(locale, 'title')}</h1>
        <p className="lead">{bt(locale, 'intro')}</p>
        <p className="card" data-testid="no-uploads">
          {bt(locale, 'noUploads')} <Link href={`/datasets${lang}`}>{bt(locale, 'toDatasets')}</Link>
        </p>
      </Shell>
    );
  const listing = all.find((d) => d.id === requested);
  let upload: SurveyData | null = null;
  try {
    if (listing) upload = await registry.load(requested);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'DatasetLookupError')) throw e;
  }
  if (!listing || !upload)
    return (
      <Shell locale={locale} query="">
        <h1>{bt(locale, 'title')}</h1>
        <div className="card" role="alert" data-testid="unknown-dataset">
          <p>{bt(locale, 'unknown', { id: requested.slice(0, 80) })}</p>
          <p>
            <Link href={`/benchmark${lang}`}>{bt(locale, 'unknownBack')}</Link> · <Link href={`/datasets${lang}`}>{bt(locale, 'toDatasets')}</Link>
          </p>
        </div>
      </Shell>
    );

  const againstParam = firstParam(params.against);
  const sameStyle = references.find((r) => r.studyStyle === listing.studyStyle)?.id ?? references[0].id;
  const against = references.some((r) => r.id === againstParam) ? againstParam! : sameStyle;
  const reference = await registry.load(against);
  const { sharedFamilies, sharedAttributes } = benchmarkOptions(upload, reference);
  const familyParam = firstParam(params.family);
  const minBaseParam = Number(firstParam(params.minBase));
  const choice: Choice = {
    dataset: requested,
    against,
    family: familyParam ?? sharedFamilies[0]?.id ?? ALL,
    by: firstParam(params.by) ?? '',
    minBase: Number.isInteger(minBaseParam) && minBaseParam >= 0 && minBaseParam <= 100_000 && firstParam(params.minBase) !== undefined ? minBaseParam : DEFAULT_MIN_BASE,
  };
  const uploadFilter = defaultFilterOf(upload);
  const referenceFilter = defaultFilterOf(reference);

  let result: BenchmarkResult | null = null;
  let problem: Label | null = null;
  try {
    result = benchmark(upload, reference, { family: choice.family === ALL ? undefined : choice.family, by: choice.by || undefined, uploadFilter, referenceFilter, minBase: choice.minBase });
  } catch (e) {
    if (!(e instanceof BenchmarkError)) throw e;
    problem = e.label;
  }

  const uploadName = listing.title[locale];
  // "Study G · Google/Ipsos": the reference's short name, as in the explorer's dataset select.
  const referenceName = datasetCatalog(reference.codebook).shortTitle[locale];
  const query = new URLSearchParams({ dataset: choice.dataset, against, family: choice.family, ...(choice.by && { by: choice.by }), ...(choice.minBase !== DEFAULT_MIN_BASE && { minBase: String(choice.minBase) }) }).toString();
  const notes = [filterNote(upload, uploadFilter, uploadName, locale), filterNote(reference, referenceFilter, referenceName, locale)].filter(Boolean);
  const tested = result?.rows.filter((r) => r.difference && !r.smallBase) ?? [];
  const higher = tested.filter((r) => r.difference!.significant && r.difference!.diff > 0).length;
  const lower = tested.filter((r) => r.difference!.significant && r.difference!.diff < 0).length;
  const withLang = (path: string) => `${path}${locale === 'nl' ? '&lang=nl' : ''}`;

  return (
    <Shell locale={locale} query={query}>
      <h1>{bt(locale, 'titleWith', { name: uploadName, against: referenceName })}</h1>
      <p className="lead">{bt(locale, 'intro')}</p>
      <SyntheticNotice locale={locale} />
      <Controls choice={choice} uploads={uploads} references={references} families={sharedFamilies} attributes={sharedAttributes} locale={locale} />
      {notes.map((n) => (
        <p key={n} className="muted small">
          {n}
        </p>
      ))}
      {!listing.reference && (
        <p className="small">
          {bt(locale, 'links')} <Link href={withLang(`/explore?dataset=${encodeURIComponent(listing.id)}`)}>{bt(locale, 'linkExplore')}</Link> ·{' '}
          <Link href={withLang(`/findings?dataset=${encodeURIComponent(listing.id)}`)}>{bt(locale, 'linkFindings')}</Link>
        </p>
      )}
      {problem || !result ? (
        <div className="card" role="alert" data-testid="benchmark-problem">
          <h2>{bt(locale, 'cannot')}</h2>
          <p>{problem?.[locale]}</p>
        </div>
      ) : (
        <>
          <p className="bench-summary" data-testid="benchmark-summary">
            {bt(locale, 'summary', { n: result.rows.length, higher, lower })}
          </p>
          <BenchmarkChart rows={result.rows} locale={locale} uploadName={uploadName} referenceName={referenceName} />
          <BenchmarkTable result={result} locale={locale} />
          <LeftOut result={result} locale={locale} />
        </>
      )}
      <footer className="footnote">
        <p>{bt(locale, 'methods')}</p>
      </footer>
    </Shell>
  );
}

