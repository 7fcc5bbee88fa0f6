'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState, useTransition } from 'react';
import type { planFor, PlannerAnswer } from '@/lib/analysis/planner';
import { prepareNumberFormats } from '@/lib/i18n/numbers';
import type { Label } from '@/lib/survey/codebook';
import { useClientColumns } from '@/app/components/clientColumns';
import { pushUrl } from '@/app/components/pushUrl';
import { plannerEngine } from './plannerEngine';
import { Answer } from './PlannerAnswer';
import { PlannerValuesContext } from './plannerValues';
import { PlannerPendingContext } from './plannerPending';
import { useDatasetPending } from './plannerDatasetPending';

const DEFAULT_DATASET = 'study-g';

/** The planner's URL query, in the server's canonical order: dataset (unless the default), the weight (unless the default), then the fields in order. */
export function plannerQuery(dataset: string, weight: string | undefined, fieldIds: string[], values: (id: string) => string | null | undefined): string {
  const params = new URLSearchParams();
  if (dataset !== DEFAULT_DATASET) params.set('dataset', dataset);
  if (weight !== undefined) params.set('weight', weight);
  for (const id of fieldIds) {
    const value = values(id);
    if (value) params.set(id, value);
  }
  return params.toString();
}

type Computed = { answer: PlannerAnswer; error: null } | { answer: null; error: Label };

function compute(engine: { planFor: typeof planFor }, data: Parameters<typeof planFor>[0], p: Parameters<typeof planFor>[1], query: string, attributeIds: string[], momentIds: string[]): Computed {
  const params = new URLSearchParams(query);
  const pick = (ids: string[]) => Object.fromEntries(ids.filter((id) => params.get(id)).map((id) => [id, params.get(id)!]));
  try {
    return { answer: engine.planFor(data, p, { audience: pick(attributeIds), moment: pick(momentIds) }), error: null };
  } catch (e) {
    // A PlannerRequestError (the engine module is loaded on its own, so it is told by its name).
    if (!(e instanceof RangeError && e.name === 'PlannerRequestError')) throw e;
    return { answer: null, error: (e as RangeError & { label: Label }).label };
  }
}

/**
 * The planner's form and answer. The first answer is the server's (`initialView`, for
 * `initialQuery`). Once the dataset's columns (and study P's, when its tactics are shown) are in the browser (and the engine,
 * loaded after the page), a change is answered here with the same code (lib/analysis/planner) and
 * the URL follows through the history API; before that, the form goes to the server as a plain GET.
 * A change of weight always goes to the server: the page's footnote names the weight.
 */
export function PlannerLive({
  dataset,
  weight,
  defaultWeight,
  attributeIds,
  momentIds,
  withStudyP,
  initialQuery,
  initialView,
  children,
}: {
  dataset: string;
  /** The weight in use when it is not the dataset's default (in the URL), and the default's id. */
  weight: string | undefined;
  defaultWeight: string;
  attributeIds: string[];
  momentIds: string[];
  /** Whether the answer draws on study P (its creepy tactics), whose columns are then needed too. */
  withStudyP: boolean;
  initialQuery: string;
  initialView: ReactNode;
  children: ReactNode;
}) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const router = useRouter();
  const searchParams = useSearchParams();
  const fieldIds = useMemo(() => [...attributeIds, ...momentIds], [attributeIds, momentIds]);
  const urlQuery = plannerQuery(dataset, weight, fieldIds, (id) => searchParams.get(id));
  // A change answered here shows at once; when the URL moves elsewhere (back, forward), it wins.
  const [browserQuery, setBrowserQuery] = useState<string | null>(null);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    if (browserQuery !== urlQuery) setBrowserQuery(null);
  }
  const query = browserQuery ?? urlQuery;
  const [changePending, startTransition] = useTransition();
  // A change of dataset (its own form above this one) is pending here too: the answer shown is the old dataset's.
  const datasetPending = useDatasetPending();
  const pending = changePending || datasetPending;

  const g = useClientColumns(dataset, weight);
  const studyP = useClientColumns(withStudyP ? 'study-p' : dataset);
  // Null both when study P is not needed and while it loads; `ready` tells the two apart.
  const p = withStudyP ? studyP : null;
  const engine = plannerEngine.use();
  const ready = g !== null && (!withStudyP || p !== null) && engine !== null;
  const computeHere = ready && query !== initialQuery;
  const computed = useMemo(() => (computeHere ? compute(engine!, g!, p, query, attributeIds, momentIds) : null), [computeHere, engine, g, p, query, attributeIds, momentIds]);
  // Warm the engine in idle time once the columns are in: the first run of freshly loaded code is
  // several times slower than later ones, and would otherwise be the user's next change.
  useEffect(() => {
    if (!ready || !g || !engine) return;
    const variants = attributeIds.slice(0, 3).flatMap((id) => (g.attributes.get(id)?.levels.slice(0, 1) ?? []).map((l) => `${query}&${id}=${encodeURIComponent(l.code)}`));
    let handle = window.setTimeout(function next() {
      // Cheap once made; the first one of a tab loads the locale data (see prepareNumberFormats).
      prepareNumberFormats(locale);
      const variant = variants.shift();
      if (variant === undefined) return;
      compute(engine, g, p, variant, attributeIds, momentIds);
      handle = window.setTimeout(next, 0);
    }, 50);
    return () => window.clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the columns arrive
  }, [ready]);
  const values = useMemo(() => {
    const params = new URLSearchParams(query);
    return Object.fromEntries(fieldIds.map((id) => [id, params.get(id) ?? '']));
  }, [query, fieldIds]);

  const onSubmit = (event: FormEvent<HTMLDivElement>) => {
    const form = event.target as HTMLFormElement;
    event.preventDefault();
    event.stopPropagation();
    const data = new FormData(form);
    const asked = data.get('weight');
    const nextWeight = typeof asked === 'string' ? (asked === defaultWeight ? undefined : asked) : weight;
    const next = plannerQuery(dataset, nextWeight, fieldIds, (id) => data.get(id) as string | null);
    const href = `/planner?${[next, locale === 'nl' ? 'lang=nl' : ''].filter(Boolean).join('&')}`;
    if (ready && nextWeight === weight) {
      setBrowserQuery(next);
      pushUrl(href);
    } else {
      startTransition(() => router.push(href, { scroll: false }));
    }
  };

  return (
    <PlannerValuesContext.Provider value={values}>
      <PlannerPendingContext.Provider value={pending}>
      <div className="planner-layout" onSubmitCapture={onSubmit}>
        {children}
        {/* data-state tells tests and the page benchmark which request the answer belongs to; data-live whether the next change is answered here. */}
        <div className={pending ? 'planner-answer is-pending' : 'planner-answer'} aria-live="polite" aria-busy={pending} data-state={computeHere ? query : initialQuery} data-live={ready}>
          {!computed ? (
            initialView
          ) : computed.error !== null ? (
            <p role="alert" className="error">
              {t('invalid')}: {computed.error[locale]}
            </p>
          ) : (
            <Answer answer={computed.answer} />
          )}
        </div>
      </div>
      </PlannerPendingContext.Provider>
    </PlannerValuesContext.Provider>
  );
}
