import { NextIntlClientProvider, useLocale, useTranslations } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Form from 'next/form';
import Link from 'next/link';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { AutoSubmitSelect } from './AutoSubmitSelect';
import { Answer } from './PlannerAnswer';
import { PlannerLive } from './PlannerLive';
import { PlannerPendingStatus } from './plannerPending';
import { PlannerDatasetForm, PlannerDatasetTransition } from './plannerDatasetPending';
import './planner.css';
import { TermText } from '@/app/components/help/TermText';
import { planFor, PlannerRequestError, type PlannerAnswer, type PlannerRequest } from '@/lib/analysis/planner';
import { plannerFields, tacticsSource, type PlannerField, type PlannerFields } from '@/lib/analysis/plannerSupport';
import { DEFAULT_MIN_BASE } from '@/lib/analysis/conventions';
import { requestDatasets } from '@/app/server/request';
import type { DatasetListing } from '@/lib/storage/datasetRegistry';
import { SignInRequiredPage, uploadNeedsSignIn } from '../account/SignInRequired';
import { loadReferenceDataset } from '@/lib/storage/referenceDatasets';
import type { Label } from '@/lib/survey/codebook';
import type { SurveyData } from '@/lib/survey/dataset';
import { nonEmptyParam } from '@/lib/http/searchParams';
import { defaultWeightId, resolveWeightId, selectWeight, weightNote, weightOptions, type WeightOption } from '@/lib/survey/weights';
import { showWeightField, weightFieldLabel, weightFieldOptions } from '@/app/components/weightChoice';

export const generateMetadata = pageTitle('planner');

type SearchParams = Record<string, string | string[] | undefined>;

/** The request in the URL: one parameter per chosen attribute or moment dimension. */
function requestFrom(fields: PlannerFields, params: SearchParams): PlannerRequest {
  const pick = (list: PlannerField[]) => {
    const chosen: Record<string, string> = {};
    for (const field of list) {
      const value = nonEmptyParam(params[field.id]);
      if (value) chosen[field.id] = value;
    }
    return chosen;
  };
  return { audience: pick(fields.audience), moment: pick(fields.moment) };
}

const DEFAULT_DATASET = 'study-g';

/** The dataset select: every dataset (study G is the default); a change submits only the dataset (the audience belongs to the old one). */
function DatasetField({ datasets, current }: { datasets: DatasetListing[]; current: string }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  return (
    <PlannerDatasetForm action="/planner" className="planner-form planner-dataset" aria-label={t('datasetForm')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      <div className="field">
        <label htmlFor="planner-dataset">{t('dataset')}</label>
        <AutoSubmitSelect id="planner-dataset" name="dataset" value={current} aria-describedby="planner-dataset-hint">
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.reference ? d.title[locale] : t('uploadedMark', { name: d.name })}
            </option>
          ))}
        </AutoSubmitSelect>
        <p id="planner-dataset-hint" className="muted small">
          {t('datasetHint')}
        </p>
      </div>
      <noscript>
        <button type="submit" className="button">
          {t('datasetChoose')}
        </button>
      </noscript>
    </PlannerDatasetForm>
  );
}

function SelectFields({ fields, chosen }: { fields: PlannerField[]; chosen: Record<string, string> }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  return fields.map((field) => (
    <div className="field" key={field.id}>
      <label htmlFor={`planner-${field.id}`}>{field.label[locale]}</label>
      <AutoSubmitSelect id={`planner-${field.id}`} name={field.id} value={chosen[field.id] ?? ''}>
        <option value="">{t('any')}</option>
        {field.options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.label[locale]}
          </option>
        ))}
      </AutoSubmitSelect>
    </div>
  ));
}

/** The weight field (only when the dataset has more than "unweighted"): sent with the audience, a change reloads the page. */
function WeightField({ options, current }: { options: WeightOption[]; current: string }) {
  const locale = useLocale();
  if (!showWeightField(options)) return null;
  return (
    <div className="field">
      <label htmlFor="planner-weight">{weightFieldLabel(locale)}</label>
      <AutoSubmitSelect id="planner-weight" name="weight" value={current}>
        {weightFieldOptions(options, locale).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </AutoSubmitSelect>
    </div>
  );
}

function PlannerForm({ fields, request, dataset, weights, weight }: { fields: PlannerFields; request: PlannerRequest; dataset: string; weights: WeightOption[]; weight: string }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const reset = new URLSearchParams({ ...(dataset !== DEFAULT_DATASET && { dataset }), ...(locale === 'nl' && { lang: 'nl' }) }).toString();
  return (
    <Form action="/planner" className="planner-form" aria-label={t('title')}>
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      {dataset !== DEFAULT_DATASET && <input type="hidden" name="dataset" value={dataset} />}
      <fieldset>
        <legend>{t('audience')}</legend>
        <SelectFields fields={fields.audience} chosen={request.audience} />
      </fieldset>
      {fields.moment.length > 0 && (
        <fieldset>
          <legend>{t('moment')}</legend>
          <SelectFields fields={fields.moment} chosen={request.moment} />
        </fieldset>
      )}
      <WeightField options={weights} current={weight} />
      <div className="form-actions">
        <button type="submit" className="button">
          {t('show')}
        </button>
        <Link href={`/planner${reset ? `?${reset}` : ''}`}>{t('reset')}</Link>
      </div>
      <PlannerPendingStatus text={t('updating')} />
    </Form>
  );
}

export default async function PlannerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const locale = await getLocale();
  const [t, messages] = await Promise.all([getTranslations('planner'), getMessages()]);
  const requested = nonEmptyParam(params.dataset) ?? DEFAULT_DATASET;
  if (await uploadNeedsSignIn(requested)) return <SignInRequiredPage path="/planner" returnTo={`/planner?dataset=${requested}`} title={t('title')} />;
  const registry = await requestDatasets();
  const datasets = await registry.list();
  const listing = datasets.find((d) => d.id === requested);
  let data: SurveyData | null = null;
  try {
    // The weight the URL asks for when the dataset has it, else its default.
    if (listing) data = await registry.load(requested).then((loaded) => selectWeight(loaded, resolveWeightId(loaded.codebook, nonEmptyParam(params.weight))));
  } catch (e) {
    if (!(e instanceof Error && e.name === 'DatasetLookupError')) throw e;
  }
  const defaultWeight = data ? defaultWeightId(data.codebook) : undefined;
  const weight = data && data.weight.id !== defaultWeight ? data.weight.id : undefined;
  const fields = data ? plannerFields(data) : { audience: [], moment: [] };
  const request = requestFrom(fields, params);
  const studyP = loadReferenceDataset('study-p');
  // Study P's creepy tactics travel to a dataset that shares audience attributes with it (study G).
  const tactics = data ? tacticsSource(data, studyP.attributes) : null;
  let answer: PlannerAnswer | null = null;
  let error: Label | null = null;
  if (data)
    try {
      answer = planFor(data, tactics === 'study-p' ? studyP : null, request);
    } catch (e) {
      if (!(e instanceof PlannerRequestError)) throw e;
      error = e.label;
    }
  const query = new URLSearchParams({ ...(requested !== DEFAULT_DATASET && { dataset: requested }), ...(weight !== undefined && { weight }), ...request.audience, ...request.moment }).toString();
  const synthetic = !listing || listing.synthetic;
  const name = listing ? (listing.reference ? listing.title[locale] : `“${listing.name}”`) : '';
  // The answer is drawn by client components: the provider gives them their texts (the layout's holds only the header's).
  return (
    <NextIntlClientProvider messages={{ app: messages.app, planner: messages.planner }}>
    <PlannerDatasetTransition>
      <SiteHeader path="/planner" query={query} />
      <main id="main" tabIndex={-1} lang={locale} className="page planner">
        <h1>{t('title')}</h1>
        <p className="lead">{t(fields.moment.length ? 'intro' : 'introNoMoment', { name })}</p>
        {synthetic ? <SyntheticNotice /> : <p className="upload-note">{t(tactics === 'study-p' ? 'uploadNoteTactics' : 'uploadNote', { name: listing!.name })}</p>}
        <DatasetField datasets={datasets} current={listing ? requested : DEFAULT_DATASET} />
        {!listing || !data ? (
          <p role="alert" className="error" data-testid="planner-unknown">
            {t('unknownDataset', { id: requested.slice(0, 80) })} <Link href={locale === 'nl' ? '/planner?lang=nl' : '/planner'}>{t('backToG')}</Link>
          </p>
        ) : (
          <PlannerLive
            dataset={requested}
            weight={weight}
            defaultWeight={defaultWeight!}
            attributeIds={fields.audience.map((f) => f.id)}
            momentIds={fields.moment.map((f) => f.id)}
            withStudyP={tactics === 'study-p'}
            initialQuery={query}
            initialView={
              error ? (
                <p role="alert" className="error">
                  {t('invalid')}: {error[locale]}
                </p>
              ) : (
                answer && <Answer answer={answer} />
              )
            }
          >
            <PlannerForm fields={fields} request={request} dataset={requested} weights={weightOptions(data.codebook)} weight={data.weight.id} />
          </PlannerLive>
        )}
        <footer className="footnote">
          <p>
            <TermText text={t('methods', { min: answer?.minBase ?? DEFAULT_MIN_BASE })} terms={['weight', 'interval', 'effective-base', 'minimum-base', 'modelled']} />
          </p>
          {data && <p data-testid="weight-note">{weightNote(data.weight, locale)}.</p>}
        </footer>
      </main>
    </PlannerDatasetTransition>
    </NextIntlClientProvider>
  );
}
