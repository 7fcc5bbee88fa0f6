import { getLocale } from 'next-intl/server';
import { pageTitle } from '@/app/pageTitle';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SiteHeader, SyntheticNotice } from '@/app/components/SiteHeader';
import { SignInRequiredPage, uploadNeedsSignIn } from '../../../account/SignInRequired';
import { weightingText } from './messages';
import { WeightingScreen, type WeightingAttribute } from './WeightingScreen';
import { WeightList } from './WeightList';
import '../../datasets.css';
import './weighting.css';
import { weightsJson } from '@/lib/api/weightsRequest';
import { can } from '@/lib/auth/permissions';
import { currentUser, requestDatasets } from '@/app/server/request';
import { DatasetLookupError, isReferenceId, isValidDatasetId } from '@/lib/storage/datasetRegistry';
import type { SurveyData } from '@/lib/survey/dataset';
import { UNWEIGHTED, weightOptions } from '@/lib/survey/weights';

export const generateMetadata = pageTitle('weighting');
export const dynamic = 'force-dynamic';

/** Each attribute with its levels (bands for a numeric one) and how many respondents fall in each, and how many have no answer. */
function attributeLevels(data: SurveyData): WeightingAttribute[] {
  return [...data.attributes.values()].map((column) => {
    const counts = new Array<number>(column.levels.length).fill(0);
    let blank = 0;
    for (let i = 0; i < data.rowCount; i++) {
      const level = column.levelOf[i];
      if (level < 0) blank++;
      else counts[level]++;
    }
    return { id: column.id, label: column.label, scale: column.kind === 'scale', levels: column.levels.map((l, k) => ({ code: l.code, label: l.label, respondents: counts[k] })), blank };
  });
}

/**
 * /datasets/<id>/weighting: the dataset's weights (make one the default, delete one made here) and
 * a new weighting: variables and their targets (typed, pasted or uploaded as CSV), a base weight,
 * optional trimming; the report (convergence, achieved against target, the weights' spread, Kish
 * effective base, efficiency, design effect) before anything is saved under a name.
 */
export default async function WeightingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const locale = await getLocale();
  if (!isValidDatasetId(id)) notFound();
  if (await uploadNeedsSignIn(id)) return <SignInRequiredPage path="/datasets" returnTo={`/datasets/${id}/weighting`} title={weightingText(locale, 'title')} />;
  const access = await requestDatasets();
  let listing;
  let data: SurveyData;
  let revision: number;
  try {
    listing = await access.summary(id);
    data = await access.load(id, UNWEIGHTED);
    revision = (await access.codebook(id)).revision;
  } catch (e) {
    if (e instanceof DatasetLookupError) notFound();
    throw e;
  }
  const user = await currentUser();
  const mayWeight = can(user?.role, 'datasets.write');
  const reference = isReferenceId(id);
  const name = listing.title[locale];
  const lang = locale === 'nl' ? '?lang=nl' : '';
  const attributes = attributeLevels(data);

  return (
    <>
      <SiteHeader path="/datasets" />
      <main id="main" tabIndex={-1} className="page datasets-page weighting-page" lang={locale}>
        <p>
          <Link href={`/datasets/${encodeURIComponent(id)}${lang}`}>← {weightingText(locale, 'back')}</Link>
        </p>
        <h1>{weightingText(locale, 'pageTitle', { name })}</h1>
        <p className="lead">{weightingText(locale, 'intro')}</p>
        {listing.synthetic && <SyntheticNotice />}
        <WeightList datasetId={id} weights={weightsJson(data.codebook)} attributes={attributes} revision={revision} canChange={mayWeight && !reference} />
        {mayWeight ? (
          <>
            {reference && <p className="muted">{weightingText(locale, 'referenceNote')}</p>}
            <WeightingScreen datasetId={id} revision={revision} respondents={data.rowCount} attributes={attributes} bases={weightOptions(data.codebook)} canSave={!reference} />
          </>
        ) : (
          <p className="muted">{weightingText(locale, 'readOnly')}</p>
        )}
      </main>
    </>
  );
}
