'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo } from 'react';
import type { DatasetCatalog } from '@/lib/explore/catalog';
import type { SurveyData } from '@/lib/survey/dataset';
import type { ExploreResult, ViewModel } from '@/lib/explore/viewModels';
import { clearFilters, type ExploreState } from '@/lib/explore/state';
import { formatNumber, prepareNumberFormats } from '@/lib/i18n/numbers';
import { weightNote } from '@/lib/survey/weights';
import { shorten } from '@/lib/explore/shorten';
import { AudienceLine } from './AudienceLine';
import { ChartMethodsContext, WeightNoteContext } from './chartMethods';
import { EmptyState } from './EmptyState';
import { useExplore } from './ExploreShell';
import { Headline } from './Headline';
import { AnswersView } from './views/AnswersView';
import { BondView } from './views/BondView';
import { GroupsView } from './views/GroupsView';
import { ItemsView } from './views/ItemsView';
import { ContextView } from './views/ContextView';
import { DataTypesView } from './views/DataTypesView';
import { SegmentsView } from './views/SegmentsView';
import { TacticsView } from './views/TacticsView';

function ViewContent({ content, state, catalog }: { content: ViewModel; state: ExploreState; catalog: DatasetCatalog }) {
  const locale = useLocale();
  const fileBase = [state.dataset, state.weight !== catalog.weights[0]?.id ? `weight-${state.weight}` : '', ...Object.entries(state.filter).map(([id, codes]) => `${id}-${codes.join('+')}`), state.by ? `by-${state.by}` : '', state.cross ? `by-${state.cross}` : ''];
  switch (content.view) {
    case 'items':
      return <ItemsView model={content.model} fileBase={fileBase} />;
    case 'answers':
      return <AnswersView model={content.model} fileBase={fileBase} />;
    case 'groups':
      return <GroupsView model={content.model} fileBase={fileBase} />;
    case 'datatypes':
      return <DataTypesView model={content.model} fileBase={fileBase} />;
    case 'context':
      return <ContextView charts={content.model} fileBase={fileBase} subject={content.subject?.[locale]} />;
    case 'bond':
      return <BondView model={content.model} fileBase={fileBase} subject={content.subject?.[locale]} />;
    case 'segments':
      return <SegmentsView model={content.model} minBase={state.minBase} fileBase={fileBase} subject={content.subject?.[locale]} />;
    case 'tactics':
      return <TacticsView groups={content.model} fileBase={fileBase} />;
  }
}

/**
 * Runs the engine a few times in idle time once the columns arrive: the first run of freshly loaded
 * code is several times slower than later runs (the JavaScript engine has not optimised it yet), and
 * that first run would otherwise be the user's next click. The variants filter on one level of the
 * first attributes, which walks the same code as a real filter change.
 */
function warmUp(buildExplore: (typeof import('@/lib/explore/viewModels'))['buildExplore'], columns: SurveyData, catalog: DatasetCatalog, state: ExploreState): () => void {
  // The state on screen first (its tables came from the server): coming back to it after a filter
  // change is then remembered here instead of computed again.
  const variants = [state, ...catalog.attributes.slice(0, 2).flatMap((a) => a.levels.slice(0, 1).map((l) => ({ ...state, filter: { ...state.filter, [a.id]: [l.code] } })))];
  // In idle time only (a page that is still loading or being used goes first).
  const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 200) as unknown as number);
  const cancel = (handle: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle));
  let handle = 0;
  const next = () => {
    prepareNumberFormats(state.lang);
    const variant = variants.shift();
    if (!variant) return;
    buildExplore(columns, catalog, variant);
    handle = idle(next);
  };
  handle = idle(next);
  return () => cancel(handle);
}

/**
 * The active view's results. The server renders them for the URL it was asked for (`initial`); when
 * the URL has since moved on in the browser, they are computed here from the dataset's columns with
 * the same code (lib/explore/viewModels), which is what makes a filter change redraw without waiting
 * for the network. Until the results of a change are drawn (columns still loading, or a server
 * render on its way), the old ones stay with the audience line of the state they belong to
 * (`shown`), dimmed and marked busy: the line never names a filter the chart below does not use.
 */
export function ExploreResults({ initial }: { initial: ExploreResult }) {
  const t = useTranslations('explore');
  const { catalogs, state, shown, shownHref, computeHere, live, pending, hrefOf } = useExplore();
  const catalog = catalogs.find((c) => c.id === shown.dataset) ?? catalogs[0];
  const result = useMemo(() => (computeHere && live ? live.engine.buildExplore(live.columns, catalog, shown) : initial), [computeHere, live, catalog, shown, initial]);
  // Once per dataset and view: what the next click will need.
  const warmKey = live ? `${state.dataset}/${state.view}` : '';
  useEffect(() => {
    if (!warmKey || !live) return;
    return warmUp(live.engine.buildExplore, live.columns, catalog, shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on dataset and view on purpose
  }, [warmKey]);
  const locale = shown.lang;
  const weightLine = weightNote(result.weight, locale);
  const methods = useMemo(() => {
    const filters = catalog.attributes
      .filter((a) => shown.filter[a.id]?.length)
      .map((a) => `${shorten(a.label[locale], 60)}: ${a.levels.filter((l) => shown.filter[a.id].includes(l.code)).map((l) => shorten(l.label[locale], 40)).join(', ')}`);
    return [
      `${t('imageDataset', { title: catalog.title[locale] })} ${t(catalog.synthetic ? 'imageSynthetic' : 'imageReal')}`,
      `${weightLine}. ${t('audienceSize', { n: formatNumber(result.audience, locale), total: formatNumber(result.total, locale) })} (${filters.length ? filters.join('; ') : t('audienceEveryone')}).`,
    ];
  }, [catalog, shown.filter, locale, weightLine, result.audience, result.total, t]);
  // The results' elements are kept while their inputs stay the same: the columns arriving (or a
  // pending flag) must not redraw the charts, which costs a long main-thread task.
  const body = useMemo(
    () => (
      <>
        <AudienceLine catalog={catalog} state={shown} audience={result.audience} total={result.total} />
        {result.audience === 0 ? (
          <EmptyState clearHref={hrefOf(clearFilters(shown))} />
        ) : (
          <>
            {result.headline && <Headline headline={result.headline} />}
            <ChartMethodsContext.Provider value={methods}>
              <WeightNoteContext.Provider value={weightLine}>
                {result.content ? <ViewContent content={result.content} state={shown} catalog={catalog} /> : <p>{t('noView')}</p>}
              </WeightNoteContext.Provider>
            </ChartMethodsContext.Provider>
          </>
        )}
      </>
    ),
    [catalog, shown, result, hrefOf, methods, weightLine, t],
  );
  return (
    <div
      className={pending ? 'explore-results is-pending' : 'explore-results'}
      aria-busy={pending}
      data-compute-ms={result.computeMs.toFixed(1)}
      data-view={shown.view}
      /* Which URL the results on screen belong to, for tests and the page benchmark. */
      data-state={shownHref}
      data-computed={computeHere ? 'browser' : 'server'}
      /* Whether the next change can be computed here (columns and engine in), for the page benchmark. */
      data-live={live !== null}
    >
      {body}
    </div>
  );
}
