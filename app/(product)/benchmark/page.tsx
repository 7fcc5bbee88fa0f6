import { useLocale } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Form from 'next/form';
import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { AutoSubmitSelect } from '../planner/AutoSubmitSelect';
import type { ReactNode } from 'react';
import { benchmarkText } from './messages';
import { CorrespondenceEditor, type EditorItem } from './CorrespondenceEditor';
import { ComparisonTable } from '@/app/components/comparison/ComparisonTable';
import { DotPlot } from '@/app/components/comparison/DotPlot';
import { comparisonText } from '@/app/components/comparison/messages';
import '@/app/components/comparison/comparison.css';
import { benchmark, BenchmarkError, benchmarkOptions, type BenchmarkResult, type BenchmarkRow } from '@/lib/analysis/benchmark';
import { shownDifference } from '@/lib/analysis/comparisonDisplay';
import { type Correspondence, type ItemChoice, itemChoices, proposeCorrespondence } from '@/lib/analysis/correspondence';
import { savedCorrespondence } from '@/lib/analysis/pairing';
import { datasetCatalog } from '@/lib/explore/catalog';
import { formatNumber } from '@/lib/i18n/messages';
import { requestDatasets } from '@/app/server/request';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import type { Label, Locale } from '@/lib/survey/codebook';
import type { SurveyData } from '@/lib/survey/dataset';
import { firstParam } from '@/lib/http/searchParams';
import { DEFAULT_MIN_BASE, minBaseParam } from '@/lib/analysis/conventions';
import { defaultWeightId, resolveWeightId, selectWeight, weightNote, weightOptions, type WeightOption } from '@/lib/survey/weights';
import { showWeightField, weightFieldLabel, weightFieldOptions } from '@/app/components/weightChoice';
import { TermText } from '@/app/components/help/TermText';
import { COMPARISON_TERMS } from '@/app/components/help/terms';

export const generateMetadata = pageTitle('benchmark');

type SearchParams = Record<string, string | string[] | undefined>;
const MIN_BASES = [0, 10, 20, 30, 50, 100];
/** Means "every shared family" in the URL (an absent family means the first shared one). */
const ALL = 'all';

interface Choice {
  dataset: string;
  against: string;
  family: string;
  by: string;
  minBase: number;
  /** The upload's weight id (the reference is in its default). */
  weight: string;
}

function Controls({ choice, uploads, references, families, attributes, weights }: { choice: Choice; uploads: DatasetListing[]; references: DatasetListing[]; families: { id: string; label: Label }[]; attributes: { id: string; label: Label }[]; weights: WeightOption[] }) {
  const locale = useLocale();
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
    <Form action="/benchmark" className="bench-controls" aria-label={benchmarkText(locale, 'controls')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      {field('dataset', benchmarkText(locale, 'dataset'), [
        ...uploads.map((d) => ({ value: d.id, label: benchmarkText(locale, 'uploadedMark', { name: d.name }) })),
        ...(uploads.some((d) => d.id === choice.dataset) ? [] : references.filter((d) => d.id === choice.dataset).map((d) => ({ value: d.id, label: benchmarkText(locale, 'referenceMark', { name: d.title[locale] }) }))),
      ])}
      {field(
        'against',
        benchmarkText(locale, 'against'),
        references.map((d) => ({ value: d.id, label: d.title[locale] })),
      )}
      {field('family', benchmarkText(locale, 'family'), [{ value: ALL, label: benchmarkText(locale, 'familyAll') }, ...families.map((f) => ({ value: f.id, label: f.label[locale] }))])}
      {field('by', benchmarkText(locale, 'by'), [{ value: '', label: benchmarkText(locale, 'byNone') }, ...attributes.map((a) => ({ value: a.id, label: a.label[locale] }))])}
      {field(
        'minBase',
        benchmarkText(locale, 'minBase'),
        minBases.map((n) => ({ value: String(n), label: benchmarkText(locale, 'minBaseOption', { n: formatNumber(n, locale) }) })),
      )}
      {showWeightField(weights) && field('weight', weightFieldLabel(locale), weightFieldOptions(weights, locale))}
      <noscript>
        <button type="submit" className="button">
          {benchmarkText(locale, 'apply')}
        </button>
      </noscript>
    </Form>
  );
}

// The group first: long item labels are cut off at the end in the plot.
const rowName = (row: BenchmarkRow, locale: Locale) => (row.group ? `${row.group.label[locale]} · ${row.label[locale]}` : row.label[locale]);
const joined = (labels: Label[], locale: Locale) => labels.map((l) => l[locale]).join(', ');

/** Under the label: the reference item it stands beside (when mapped to another label) and, when mapped, what each side counts. */
function rowDetail(row: BenchmarkRow, result: BenchmarkResult, names: [Label, Label], locale: Locale): string | undefined {
  const parts: string[] = [];
  if (row.referenceLabel[locale] !== row.label[locale]) parts.push(comparisonText(locale, 'against', { label: row.referenceLabel[locale] }));
  if (row.positive && result.pairing === 'correspondence') parts.push(comparisonText(locale, 'counts', { a: joined(row.positive.upload, locale), nameA: names[0][locale], b: joined(row.positive.reference, locale), nameB: names[1][locale] }));
  return parts.length ? parts.join(' · ') : undefined;
}

function BenchmarkTable({ result, names }: { result: BenchmarkResult; names: [Label, Label] }) {
  const locale = useLocale();
  return (
    <ComparisonTable
      testId="benchmark-table"
      title={benchmarkText(locale, 'tableTitle')}
      caption={benchmarkText(locale, 'tableCaption')}
      columns={{ group: result.by?.label[locale], a: benchmarkText(locale, 'colUpload'), b: benchmarkText(locale, 'colReference'), baseA: benchmarkText(locale, 'colBaseUpload'), baseB: benchmarkText(locale, 'colBaseReference') }}
      names={names}
      minBase={result.minBase}
      rows={result.rows.map((row) => ({ key: row.key, label: row.label[locale], detail: rowDetail(row, result, names, locale), group: row.group?.label[locale], a: row.upload, b: row.reference, compared: row }))}
    />
  );
}

function LeftOut({ result }: { result: BenchmarkResult }) {
  const locale = useLocale();
  return (
    <section aria-labelledby="bench-left-out" className="bench-left-out" data-testid="left-out">
      <h2 id="bench-left-out">{benchmarkText(locale, 'leftOutTitle')}</h2>
      {result.leftOutItems.length === 0 && result.leftOutLevels.length === 0 && <p>{benchmarkText(locale, 'leftOutNone')}</p>}
      {result.leftOutItems.length > 0 && (
        <details>
          <summary>{benchmarkText(locale, 'leftOutItems', { n: result.leftOutItems.length })}</summary>
          <ul>
            {result.leftOutItems.map((l, i) => (
              <li key={`${i}:${l.id}`}>
                {l.label[locale]}: {l.reason[locale]}
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.by && result.leftOutLevels.length > 0 && (
        <>
          <p>{benchmarkText(locale, 'leftOutLevels', { by: result.by.label[locale], n: result.leftOutLevels.length })}</p>
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
  return parts.length ? benchmarkText(locale, 'filtersNote', { name, filters: parts.join('; ') }) : null;
}

function Shell({ query, children }: { query: string; children: ReactNode }) {
  const locale = useLocale();
  return (
    <>
      <SiteHeader path="/benchmark" query={query} />
      <main id="main" tabIndex={-1} lang={locale} className="page benchmark-page">
        {children}
      </main>
    </>
  );
}

/**
 * /benchmark?dataset=<upload id>&against=<reference id>[&by=<attribute>][&family=<family>|all][&minBase=n][&weight=<weight id>]:
 * an uploaded dataset's acceptance rates beside a reference study's, with the significance of each difference.
 */
export default async function BenchmarkPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const lang = locale === 'nl' ? '?lang=nl' : '';
  if (await uploadNeedsSignIn(firstParam(params.dataset))) return <SignInRequiredPage path="/benchmark" returnTo={`/benchmark?dataset=${firstParam(params.dataset)}`} title={benchmarkText(locale, 'title')} />;
  const registry = await requestDatasets();
  const all = await registry.list();
  const uploads = all.filter((d) => !d.reference);
  const references = all.filter((d) => d.reference);

  const requested = firstParam(params.dataset) || uploads[uploads.length - 1]?.id;
  if (!requested)
    return (
      <Shell query="">
        <h1>{benchmarkText(locale, 'title')}</h1>
        <p className="lead">{benchmarkText(locale, 'intro')}</p>
        <p className="card" data-testid="no-uploads">
          {benchmarkText(locale, 'noUploads')} <Link href={`/datasets${lang}`}>{benchmarkText(locale, 'toDatasets')}</Link>
        </p>
      </Shell>
    );
  const listing = all.find((d) => d.id === requested);
  let upload: SurveyData | null = null;
  try {
    // The weight the URL asks for when the upload has it, else its default.
    if (listing) upload = await registry.load(requested).then((loaded) => selectWeight(loaded, resolveWeightId(loaded.codebook, firstParam(params.weight))));
  } catch (e) {
    if (!(e instanceof Error && e.name === 'DatasetLookupError')) throw e;
  }
  if (!listing || !upload)
    return (
      <Shell query="">
        <h1>{benchmarkText(locale, 'title')}</h1>
        <div className="card" role="alert" data-testid="unknown-dataset">
          <p>{benchmarkText(locale, 'unknown', { id: requested.slice(0, 80) })}</p>
          <p>
            <Link href={`/benchmark${lang}`}>{benchmarkText(locale, 'unknownBack')}</Link> · <Link href={`/datasets${lang}`}>{benchmarkText(locale, 'toDatasets')}</Link>
          </p>
        </div>
      </Shell>
    );

  const againstParam = firstParam(params.against);
  const sameStyle = references.find((r) => r.studyStyle === listing.studyStyle)?.id ?? references[0].id;
  const against = references.some((r) => r.id === againstParam) ? againstParam! : sameStyle;
  const reference = await registry.load(against);
  // Items paired as an analyst mapped them for this reference, else by id.
  const pairs = listing.reference ? undefined : savedCorrespondence(upload.codebook, against);
  const { sharedFamilies, sharedAttributes } = benchmarkOptions(upload, reference, pairs);
  const familyParam = firstParam(params.family);
  const choice: Choice = {
    dataset: requested,
    against,
    family: familyParam ?? sharedFamilies[0]?.id ?? ALL,
    by: firstParam(params.by) ?? '',
    minBase: minBaseParam(firstParam(params.minBase)),
    weight: upload.weight.id,
  };
  const weightInUrl = upload.weight.id !== defaultWeightId(upload.codebook);
  const uploadFilter = defaultFilterOf(upload);
  const referenceFilter = defaultFilterOf(reference);

  let result: BenchmarkResult | null = null;
  let problem: BenchmarkError | null = null;
  try {
    result = benchmark(upload, reference, { family: choice.family === ALL ? undefined : choice.family, by: choice.by || undefined, uploadFilter, referenceFilter, pairs, minBase: choice.minBase });
  } catch (e) {
    if (!(e instanceof BenchmarkError)) throw e;
    problem = e;
  }

  const uploadName = listing.title[locale];
  // "Study G · Google/Ipsos": the reference's short name, as in the explorer's dataset select.
  const referenceTitle = datasetCatalog(reference.codebook).shortTitle;
  const referenceName = referenceTitle[locale];
  const query = new URLSearchParams({ dataset: choice.dataset, against, family: choice.family, ...(choice.by && { by: choice.by }), ...(choice.minBase !== DEFAULT_MIN_BASE && { minBase: String(choice.minBase) }), ...(weightInUrl && { weight: choice.weight }) }).toString();
  const notes = [filterNote(upload, uploadFilter, uploadName, locale), filterNote(reference, referenceFilter, referenceName, locale)].filter(Boolean);
  const tested = result?.rows.filter((r) => r.difference) ?? [];
  const higher = tested.filter((r) => r.difference!.significant && r.difference!.diff > 0).length;
  const lower = tested.filter((r) => r.difference!.significant && r.difference!.diff < 0).length;
  const small = result?.rows.filter((r) => r.smallBase && r.gap !== null).length ?? 0;
  const withLang = (path: string) => `${path}${locale === 'nl' ? '&lang=nl' : ''}`;
  const nothingShared = problem?.code === 'NoSharedItems';
  const mayMap = !listing.reference && registry.visitor.canWrite;
  const names: [Label, Label] = [listing.title, referenceTitle];
  const otherReference = references.find((r) => r.id !== against);

  const editor = mayMap ? <Correspondence upload={upload} reference={reference} referenceId={against} referenceName={referenceName} datasetId={listing.id} saved={pairs} /> : null;

  return (
    <Shell query={query}>
      <h1>{benchmarkText(locale, 'titleWith', { name: uploadName, against: referenceName })}</h1>
      <p className="lead">{benchmarkText(locale, 'intro')}</p>
      <SyntheticNotice />
      <Controls choice={choice} uploads={uploads} references={references} families={sharedFamilies} attributes={sharedAttributes} weights={weightOptions(upload.codebook)} />
      {notes.map((n) => (
        <p key={n} className="muted small">
          {n}
        </p>
      ))}
      <p className="small">
        {!listing.reference && (
          <>
            {benchmarkText(locale, 'links')} <Link href={withLang(`/explore?dataset=${encodeURIComponent(listing.id)}`)}>{benchmarkText(locale, 'linkExplore')}</Link> ·{' '}
            <Link href={withLang(`/findings?dataset=${encodeURIComponent(listing.id)}`)}>{benchmarkText(locale, 'linkFindings')}</Link> ·{' '}
          </>
        )}
        <Link href={withLang(`/compare?dataset=${encodeURIComponent(listing.id)}&mode=datasets&with=${encodeURIComponent(against)}`)} data-testid="compare-link">
          {benchmarkText(locale, 'compareLink')}
        </Link>
      </p>
      {nothingShared ? (
        <div className="card" role="alert" data-testid="benchmark-problem">
          <h2>{benchmarkText(locale, 'nothingShared', { name: uploadName, reference: referenceName })}</h2>
          <p>{mayMap ? benchmarkText(locale, 'nothingSharedMap') : benchmarkText(locale, 'nothingSharedRead')}</p>
          <p>
            {mayMap && (
              <>
                <a href="#correspondence">{benchmarkText(locale, 'toMapping')}</a>
                {otherReference && ' · '}
              </>
            )}
            {otherReference && <Link href={withLang(`/benchmark?dataset=${encodeURIComponent(listing.id)}&against=${otherReference.id}`)}>{benchmarkText(locale, 'tryOther', { reference: otherReference.title[locale] })}</Link>}
          </p>
        </div>
      ) : problem || !result ? (
        <div className="card" role="alert" data-testid="benchmark-problem">
          <h2>{benchmarkText(locale, 'cannot')}</h2>
          <p>{problem?.label[locale]}</p>
        </div>
      ) : (
        <>
          <p className="bench-summary" data-testid="benchmark-summary">
            {benchmarkText(locale, result.rows.length === 1 ? 'summaryOne' : 'summary', { n: result.rows.length, higher, lower })}
            {small > 0 && <span className="muted"> {benchmarkText(locale, 'summarySmall', { n: small, min: result.minBase })}</span>}
          </p>
          <p className="small muted" data-testid="pairing-note">
            {result.pairing === 'correspondence' ? benchmarkText(locale, 'pairedByCorrespondence', { reference: referenceName, n: Object.keys(pairs ?? {}).length }) : benchmarkText(locale, 'pairedById')}
          </p>
          <DotPlot
            rows={result.rows.map((row) => {
              const shown = shownDifference(row, [row.upload, row.reference], names, result.minBase);
              return { key: row.key, name: rowName(row, locale), value: shown.value, mark: shown.mark, small: row.smallBase, sides: [row.upload, row.reference], differenceCi: shown.interval };
            })}
            names={[uploadName, referenceName]}
            title={benchmarkText(locale, 'chartTitle', { upload: uploadName, reference: referenceName })}
            lead={comparisonText(locale, 'plotLegendLead', { a: uploadName, b: referenceName })}
            label={benchmarkText(locale, 'chartLabel')}
          />
          <BenchmarkTable result={result} names={names} />
          <LeftOut result={result} />
        </>
      )}
      {editor ? (
        <section id="correspondence" className="correspondence">
          {nothingShared ? (
            <>
              <h2 id="correspondence-title">{benchmarkText(locale, 'editorTitle', { reference: referenceName })}</h2>
              {editor}
            </>
          ) : (
            <details>
              <summary>
                <h2 id="correspondence-title">{benchmarkText(locale, 'editMapping')}</h2>
              </summary>
              {editor}
            </details>
          )}
        </section>
      ) : (
        pairs && <SavedCorrespondence upload={upload} reference={reference} pairs={pairs} referenceName={referenceName} />
      )}
      <footer className="footnote">
        <p>
          <TermText text={benchmarkText(locale, 'methods')} terms={COMPARISON_TERMS} />
        </p>
        <p data-testid="weight-note">
          {uploadName}: {weightNote(upload.weight, locale)}. {referenceName}: {weightNote(reference.weight, locale)}.
        </p>
      </footer>
    </Shell>
  );
}

const editorItem = (item: ItemChoice, locale: Locale): EditorItem => ({ id: item.id, label: item.label[locale], family: item.family.label[locale], positive: joined(item.positive, locale) });

/** The editor, prefilled with the saved pairing or, when none is saved, the proposal from the labels. */
function Correspondence({ upload, reference, referenceId, referenceName, datasetId, saved }: { upload: SurveyData; reference: SurveyData; referenceId: string; referenceName: string; datasetId: string; saved: Correspondence | undefined }) {
  const locale = useLocale();
  const uploadItems = itemChoices(upload);
  const referenceItems = itemChoices(reference);
  // Without a saved pairing, items that share an id and answers (a G-style upload) start paired with their namesakes.
  const byId = saved ? [] : benchmarkOptions(upload, reference).pairs;
  const proposal = saved || byId.length ? [] : proposeCorrespondence(uploadItems, referenceItems);
  const initial: Correspondence = saved ?? Object.fromEntries([...byId.map((p) => [p.upload, p.reference]), ...proposal.map((p) => [p.item, p.reference])]);
  return (
    <CorrespondenceEditor
      datasetId={datasetId}
      referenceId={referenceId}
      referenceName={referenceName}
      uploadItems={uploadItems.map((i) => editorItem(i, locale))}
      referenceItems={referenceItems.map((i) => editorItem(i, locale))}
      initial={initial}
      proposed={saved ? [] : Object.keys(initial)}
    />
  );
}

/** What readers see: the saved pairing, with both sides' positive answers. */
function SavedCorrespondence({ upload, reference, pairs, referenceName }: { upload: SurveyData; reference: SurveyData; pairs: Correspondence; referenceName: string }) {
  const locale = useLocale();
  const theirs = new Map(itemChoices(reference).map((i) => [i.id, i]));
  const rows = itemChoices(upload).filter((i) => pairs[i.id] && theirs.has(pairs[i.id]));
  return (
    <section aria-labelledby="saved-correspondence-title" className="correspondence" data-testid="saved-correspondence">
      <h2 id="saved-correspondence-title">{benchmarkText(locale, 'savedTitle', { reference: referenceName })}</h2>
      <p className="muted small">{benchmarkText(locale, 'savedIntro', { reference: referenceName })}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="saved-correspondence-title">
        <table className="findings">
          <thead>
            <tr>
              <th scope="col">{benchmarkText(locale, 'colYourItem')}</th>
              <th scope="col">{benchmarkText(locale, 'colPositive')}</th>
              <th scope="col">{benchmarkText(locale, 'colTheirItem', { reference: referenceName })}</th>
              <th scope="col">{benchmarkText(locale, 'colPositive')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => {
              const other = theirs.get(pairs[item.id])!;
              return (
                <tr key={item.id}>
                  <th scope="row">{item.label[locale]}</th>
                  <td className="small">{joined(item.positive, locale)}</td>
                  <td>{other.label[locale]}</td>
                  <td className="small">{joined(other.positive, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
