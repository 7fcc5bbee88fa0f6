'use client';
import { crossOptions, dimensionOf, dimOptions } from '@/lib/explore/catalog';
import { switchDataset, switchDim } from '@/lib/explore/state';
import { formatNumber } from '@/lib/i18n/messages';
import { tx } from '../messages';
import { useExplore } from './ExploreShell';
import { FilterPanel } from './FilterPanel';
import { SelectField } from './SelectField';

const MIN_BASES = [0, 10, 20, 30, 50, 100, 200];

/** Dataset, context dimension, crossing, minimum base and the audience filters. */
export function ExploreControls() {
  const { catalogs, catalog, state, go, pending } = useExplore();
  const locale = state.lang;
  const dims = dimOptions(catalog, state.view);
  const crosses = crossOptions(catalog, state.view, state.dim);
  const contextIds = new Set(catalog.contextDims.map((d) => d.id));
  const labelOf = (id: string) => dimensionOf(catalog, id)?.label[locale] ?? id;
  const minBases = [...new Set([...MIN_BASES, state.minBase])].sort((a, b) => a - b);

  return (
    <form className="explore-controls" aria-label={tx(locale, 'controlsLabel')} onSubmit={(e) => e.preventDefault()}>
      <div className="control-fields">
        <SelectField
          id="dataset"
          label={tx(locale, 'dataset')}
          value={state.dataset}
          options={catalogs.map((c) => ({ value: c.id, label: c.uploaded ? tx(locale, 'uploadedMark', { name: c.shortTitle[locale] }) : c.shortTitle[locale] }))}
          onChange={(id) => go(switchDataset(state, catalogs.find((c) => c.id === id) ?? catalogs[0]))}
          hint={catalog.uploaded ? tx(locale, 'uploadedMark', { name: catalog.title[locale] }) : catalog.title[locale]}
        />
        {dims.length > 0 && (
          <SelectField
            id="dim"
            label={tx(locale, 'dim')}
            value={state.dim}
            options={dims.map((d) => ({ value: d, label: d === 'all' ? tx(locale, 'dimAll') : labelOf(d) }))}
            onChange={(dim) => go(switchDim(state, catalog, dim))}
          />
        )}
        <SelectField
          id="cross"
          label={tx(locale, 'cross')}
          value={state.cross}
          options={[{ value: '', label: tx(locale, 'crossNone') }]}
          groups={[
            { label: tx(locale, 'crossGroupContext'), options: crosses.filter((c) => contextIds.has(c)).map((c) => ({ value: c, label: labelOf(c) })) },
            { label: tx(locale, 'crossGroupAttributes'), options: crosses.filter((c) => !contextIds.has(c)).map((c) => ({ value: c, label: labelOf(c) })) },
          ]}
          onChange={(cross) => go({ ...state, cross })}
        />
        <SelectField
          id="minBase"
          label={tx(locale, 'minBase')}
          value={String(state.minBase)}
          options={minBases.map((n) => ({ value: String(n), label: tx(locale, 'minBaseOption', { n: formatNumber(n, locale) }) }))}
          onChange={(v) => go({ ...state, minBase: Number(v) })}
        />
      </div>
      <FilterPanel />
      <p className="pending-status" role="status" aria-live="polite">
        {pending ? tx(locale, 'updating') : ''}
      </p>
    </form>
  );
}
