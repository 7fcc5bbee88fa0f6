'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { crossOptions, dimensionOf, dimOptions, isGenericView } from '@/lib/explore/catalog';
import { shorten } from '@/lib/explore/shorten';
import { filterParam, switchBy, switchDataset, switchDim } from '@/lib/explore/state';
import { stateFromForm } from '@/lib/explore/formState';
import { useChangedBeforeHydration } from '@/app/components/changedBeforeHydration';
import { formatNumber } from '@/lib/i18n/numbers';
import { useExplore } from './ExploreShell';
import { FilterPanel } from './FilterPanel';
import { SelectField } from './SelectField';

const MIN_BASES = [0, 10, 20, 30, 50, 100, 200];

/**
 * Dataset, context dimension, crossing, weight, minimum base and the audience filters.
 *
 * No input may be lost, also not one made before the page has hydrated (issue 18: a box ticked
 * while the scripts were still loading showed ticked, was never applied, and the next click dropped
 * it). Of the ways to get there, this one loses nothing in every case: the form is a real GET form
 * whose fields carry the URL's parameter names (lib/explore/formState), and right after hydration
 * the state its fields hold is read back and applied if the visitor changed any of them
 * (changedBeforeHydration; React 19 keeps such a change in the DOM when it hydrates, but never
 * reports it). Disabling the controls until hydration would refuse the click instead of keeping
 * it, and a GET form on its own needs a submit, which only a visitor without JavaScript gets (the
 * noscript button below): with scripts, the change is applied at once, as every later one.
 */
export function ExploreControls() {
  const t = useTranslations('explore');
  const { catalogs, catalog, state, go, pending } = useExplore();
  const form = useRef<HTMLFormElement>(null);
  const changedBeforeHydration = useChangedBeforeHydration();
  useEffect(() => {
    let replay: number | undefined;
    if (changedBeforeHydration(form.current).length) {
      const fields = new URLSearchParams([...new FormData(form.current!)].map(([name, value]) => [name, String(value)]));
      const next = stateFromForm(fields, state, catalogs);
      // After every hydration effect has run (Next.js's router takes in history pushes only from then on).
      replay = window.setTimeout(() => go(next), 0);
    }
    // For tests: the page takes input through its handlers from here on (an attribute React does not render).
    form.current?.setAttribute('data-ready', 'true');
    return () => window.clearTimeout(replay);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, right after hydration
  }, []);
  const locale = state.lang;
  const dims = dimOptions(catalog, state.view);
  const crosses = crossOptions(catalog, state.view, state.dim, state.by);
  const contextIds = new Set(catalog.contextDims.map((d) => d.id));
  // An option cannot wrap: a long label (a question used as a header) is shortened, in full on hover.
  const option = (value: string, label: string) => ({ value, label: shorten(label, 56), title: label.length > 56 ? label : undefined });
  const labelOf = (id: string) => dimensionOf(catalog, id)?.label[locale] ?? id;
  const generic = isGenericView(state.view) && catalog.families.length > 0;
  const minBases = [...new Set([...MIN_BASES, state.minBase])].sort((a, b) => a - b);

  return (
    <form ref={form} method="get" action="/explore" className="explore-controls" aria-label={t('controlsLabel')} onSubmit={(e) => e.preventDefault()}>
      <input type="hidden" name="view" value={state.view} />
      {locale === 'nl' && <input type="hidden" name="lang" value="nl" />}
      {/* An attribute with a default filter sends an empty value too: nothing ticked is everyone, not the default. */}
      {Object.keys(catalog.defaultFilter).map((id) => (
        <input key={id} type="hidden" name={filterParam(id)} value="" />
      ))}
      <div className="control-fields">
        <SelectField
          id="dataset"
          label={t('dataset')}
          value={state.dataset}
          options={catalogs.map((c) => option(c.id, c.uploaded ? t('uploadedMark', { name: c.shortTitle[locale] }) : c.shortTitle[locale]))}
          onChange={(id) => go(switchDataset(state, catalogs.find((c) => c.id === id) ?? catalogs[0]))}
          hint={catalog.uploaded ? t('uploadedMark', { name: catalog.title[locale] }) : catalog.title[locale]}
        />
        {generic && (
          <SelectField
            id="family"
            label={t('family')}
            value={state.family}
            options={catalog.families.map((f) => option(f.id, t('familyOption', { family: f.label[locale], n: f.items })))}
            onChange={(family) => go({ ...state, family })}
          />
        )}
        {state.view === 'groups' && (
          <SelectField id="by" label={t('by')} value={state.by} options={catalog.attributes.map((a) => option(a.id, a.label[locale]))} onChange={(by) => go(switchBy(state, catalog, by))} />
        )}
        {dims.length > 0 && (
          <SelectField
            id="dim"
            label={t('dim')}
            value={state.dim}
            options={dims.map((d) => ({ value: d, label: d === 'all' ? t('dimAll') : labelOf(d) }))}
            onChange={(dim) => go(switchDim(state, catalog, dim))}
          />
        )}
        {crosses.length > 0 && (
          <SelectField
            id="cross"
            label={t('cross')}
            value={state.cross}
            options={[{ value: '', label: t('crossNone') }]}
            groups={[
              { label: t('crossGroupContext'), options: crosses.filter((c) => contextIds.has(c)).map((c) => option(c, labelOf(c))) },
              { label: t('crossGroupAttributes'), options: crosses.filter((c) => !contextIds.has(c)).map((c) => option(c, labelOf(c))) },
            ]}
            onChange={(cross) => go({ ...state, cross })}
          />
        )}
        {catalog.weights.length > 1 && (
          <SelectField
            id="weight"
            label={t('weight')}
            value={state.weight}
            options={catalog.weights.map((w) => option(w.id, w.isDefault ? t('weightDefault', { name: w.label[locale] }) : w.label[locale]))}
            onChange={(weight) => go({ ...state, weight })}
            hint={t('weightHint')}
          />
        )}
        <SelectField
          id="minBase"
          label={t('minBase')}
          value={String(state.minBase)}
          options={minBases.map((n) => ({ value: String(n), label: t('minBaseOption', { n: formatNumber(n, locale) }) }))}
          onChange={(v) => go({ ...state, minBase: Number(v) })}
        />
      </div>
      <FilterPanel />
      <noscript>
        <button type="submit" className="button">
          {t('apply')}
        </button>
      </noscript>
      <p className="pending-status" role="status" aria-live="polite">
        {pending ? t('updating') : ''}
      </p>
    </form>
  );
}
