import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from '../components/SiteHeader';
import { AutoSubmitSelect } from './AutoSubmitSelect';
import { Answer } from './PlannerAnswer';
import { PlannerLive } from './PlannerLive';
import { pt } from './messages';
import './planner.css';
import { planFor, type PlannerAnswer, type PlannerRequest } from '@/lib/analysis/planner';
import { CONTEXT_DIMENSIONS } from '@/lib/analysis/views';
import { localeFrom } from '@/lib/i18n/messages';
import { plannerGaps } from '@/lib/analysis/plannerSupport';
import { requestDatasets } from '@/lib/auth/request';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import { loadReferenceDataset } from '@/lib/storage/referenceDatasets';
import type { Label } from '@/lib/survey/codebook';
import type { Locale } from '@/lib/survey/codebook';
import type { SurveyData } from '@/lib/survey/dataset';
import { nonEmptyParam } from '@/lib/http/searchParams';

export const metadata: Metadata = { title: 'Audience planner' };

type SearchParams = Record<string, string | string[] | undefined>;

/** The request in the URL: one parameter per chosen attribute or moment dimension. */
function requestFrom(g: SurveyData, params: SearchParams): PlannerRequest {
  const audience: Record<string, string> = {};
  for (const id of g.attributes.keys()) {
    const value = nonEmptyParam(params[id]);
    if (value) audience[id] = value;
  }
  const moment: Record<string, string> = {};
  for (const id of CONTEXT_DIMENSIONS) {
    const value = nonEmptyParam(params[id]);
    if (value) moment[id] = value;
  }
  return { audience, moment };
}

const DEFAULT_DATASET = 'study-g';

/** The dataset select: study G (the default) and every upload; a change submits only the dataset (the audience belongs to the old one). */
function DatasetField({ datasets, current, locale }: { datasets: DatasetListing[]; current: string; locale: Locale }) {
  return (
    <Form action="/planner" className="planner-form planner-dataset" aria-label={pt(locale, 'datasetForm')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      <div className="field">
        <label htmlFor="planner-dataset">{pt(locale, 'dataset')}</label>
        <AutoSubmitSelect id="planner-dataset" name="dataset" value={current} aria-describedby="planner-dataset-hint">
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.reference ? d.title[locale] : pt(locale, 'uploadedMark', { name: d.name })}
            </option>
          ))}
        </AutoSubmitSelect>
        <p id="planner-dataset-hint" className="muted small">
          {pt(locale, 'datasetHint')}
        </p>
      </div>
      <noscript>
        <button type="submit" className="button">
          {pt(locale, 'datasetChoose')}
        </button>
      </noscript>
    </Form>
  );
}

function PlannerForm({ g, request, locale, dataset }: { g: SurveyData; request: PlannerRequest; locale: Locale; dataset: string }) {
  const moment = g.codebook.itemDimensions.filter((d) => (CONTEXT_DIMENSIONS as readonly string[]).includes(d.id));
  const reset = new URLSearchParams({ ...(dataset !== DEFAULT_DATASET && { dataset }), ...(locale === 'nl' && { lang: 'nl' }) }).toString();
  return (
    <Form action="/planner" className="planner-form" aria-label={pt(locale, 'title')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      {dataset !== DEFAULT_DATASET && <input type="hidden" name="dataset" value={dataset} />}
      <fieldset>
        <legend>{pt(locale, 'audience')}</legend>
        {[...g.attributes.values()].map((attribute) => (
          <div className="field" key={attribute.id}>
            <label htmlFor={`planner-${attribute.id}`}>{attribute.label[locale]}</label>
            <AutoSubmitSelect id={`planner-${attribute.id}`} name={attribute.id} value={request.audience[attribute.id] ?? ''}>
              <option value="">{pt(locale, 'any')}</option>
              {attribute.levels.map((level) => (
                <option key={level.code} value={level.code}>
                  {level.label[locale]}
                </option>
              ))}
            </AutoSubmitSelect>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{pt(locale, 'moment')}</legend>
        {moment.map((dimension) => (
          <div className="field" key={dimension.id}>
            <label htmlFor={`planner-${dimension.id}`}>{dimension.label[locale]}</label>
            <AutoSubmitSelect id={`planner-${dimension.id}`} name={dimension.id} value={request.moment[dimension.id] ?? ''}>
              <option value="">{pt(locale, 'any')}</option>
              {dimension.values.map((value) => (
                <option key={value.code} value={value.code}>
                  {value.label[locale]}
                </option>
              ))}
            </AutoSubmitSelect>
          </div>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button">
          {pt(locale, 'show')}
        </button>
        <Link href={`/planner${reset ? `?${reset}` : ''}`}>{pt(locale, 'reset')}</Link>
      </div>
    </Form>
  );
}

/** A dataset the planner cannot use: what it lacks, and where to go instead. */
function Gaps({ gaps, dataset, locale }: { gaps: Label[]; dataset: DatasetListing; locale: Locale }) {
  const lang = locale === 'nl' ? '&lang=nl' : '';
  return (
    <section className="card planner-gaps" role="alert" data-testid="planner-gaps">
      <h2>{pt(locale, 'gapsTitle', { name: dataset.title[locale] })}</h2>
      <p>{pt(locale, 'gapsIntro')}</p>
      <ul>
        {gaps.map((gap) => (
          <li key={gap.en}>{gap[locale]}</li>
        ))}
      </ul>
      <p>
        <Link href={`/explore?dataset=${encodeURIComponent(dataset.id)}${lang}`}>{pt(locale, 'gapsExplore')}</Link>
      </p>
    </section>
  );
}

export default async function PlannerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = localeFrom(params.lang);
  const requested = nonEmptyParam(params.dataset) ?? DEFAULT_DATASET;
  if (await uploadNeedsSignIn(requested)) return <SignInRequiredPage locale={locale} path="/planner" returnTo={`/planner?dataset=${requested}`} title={pt(locale, 'title')} />;
  const registry = await requestDatasets();
  const datasets = (await registry.list()).filter((d) => d.id === DEFAULT_DATASET || !d.reference);
  const listing = datasets.find((d) => d.id === requested);
  let g: SurveyData | null = null;
  try {
    if (listing) g = await registry.load(requested);
  } catch (e) {
    if (!(e instanceof Error && e.name === 'DatasetLookupError')) throw e;
  }
  const gaps = g ? plannerGaps(g) : [];
  const request = g && !gaps.length ? requestFrom(g, params) : { audience: {}, moment: {} };
  let answer: PlannerAnswer | null = null;
  let error: string | null = null;
  if (g && !gaps.length)
    try {
      answer = planFor(g, loadReferenceDataset('study-p'), request);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      error = e.message;
    }
  const query = new URLSearchParams({ ...(requested !== DEFAULT_DATASET && { dataset: requested }), ...request.audience, ...request.moment }).toString();
  const synthetic = !listing || listing.synthetic;
  return (
    <>
      <SiteHeader locale={locale} path="/planner" query={query} />
      <main lang={locale} className="page planner">
        <h1>{pt(locale, 'title')}</h1>
        <p className="lead">{pt(locale, listing && !listing.reference ? 'introUpload' : 'intro', { name: listing?.name ?? '' })}</p>
        {synthetic ? <SyntheticNotice locale={locale} /> : <p className="upload-note">{pt(locale, 'uploadNote', { name: listing!.name })}</p>}
        <DatasetField datasets={datasets} current={listing ? requested : DEFAULT_DATASET} locale={locale} />
        {!listing || !g ? (
          <p role="alert" className="error" data-testid="planner-unknown">
            {pt(locale, 'unknownDataset', { id: requested.slice(0, 80) })} <Link href={locale === 'nl' ? '/planner?lang=nl' : '/planner'}>{pt(locale, 'backToG')}</Link>
          </p>
        ) : gaps.length ? (
          <Gaps gaps={gaps} dataset={listing} locale={locale} />
        ) : (
          <PlannerLive
            dataset={requested}
            attributeIds={[...g.attributes.keys()]}
            momentIds={[...CONTEXT_DIMENSIONS]}
            initialQuery={query}
            locale={locale}
            initialView={
              error ? (
                <p role="alert" className="error">
                  {pt(locale, 'invalid')}: {error}
                </p>
              ) : (
                answer && <Answer answer={answer} locale={locale} />
              )
            }
          >
            <PlannerForm g={g} request={request} locale={locale} dataset={requested} />
          </PlannerLive>
        )}
        <footer className="footnote">
          <p>{pt(locale, 'methods')}</p>
        </footer>
      </main>
    </>
  );
}
