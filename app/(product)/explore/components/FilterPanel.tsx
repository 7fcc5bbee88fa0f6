'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { CatalogDimension } from '@/lib/explore/catalog';
import { clearFilters, filterParam, hasFilters, toggleFilter } from '@/lib/explore/state';
import { isLong, shorten } from '@/lib/explore/shorten';
import { useExplore } from './ExploreShell';
import { useMediaQuery } from './useMediaQuery';

const idPart = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0)}`);

/** The checkboxes of one attribute, in a fieldset named by its legend. */
function FilterGroup({ attribute }: { attribute: CatalogDimension }) {
  const { catalog, state, go } = useExplore();
  const selected = state.filter[attribute.id] ?? [];
  return (
    <fieldset className="filter-group">
      <legend title={isLong(attribute.label[state.lang], 80) ? attribute.label[state.lang] : undefined}>{shorten(attribute.label[state.lang], 80)}</legend>
      <div className="chips">
        {attribute.levels.map((level) => {
          const id = `filter-${idPart(attribute.id)}-${idPart(level.code)}`;
          return (
            <span key={level.code} className="chip">
              <input
                type="checkbox"
                id={id}
                name={filterParam(attribute.id)}
                value={level.code}
                checked={selected.includes(level.code)}
                onChange={(e) => go(toggleFilter(state, catalog, attribute.id, level.code, e.target.checked))}
              />
              <label htmlFor={id} title={isLong(level.label[state.lang], 48) ? level.label[state.lang] : undefined}>
                {shorten(level.label[state.lang], 48)}
              </label>
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * One fieldset of checkboxes per segment attribute; nothing ticked means everyone. On a phone the
 * checkboxes fold away behind a button so that the charts come first.
 */
export function FilterPanel() {
  const t = useTranslations('explore');
  const { catalog, state, go } = useExplore();
  const locale = state.lang;
  const narrow = useMediaQuery('(max-width: 900px)');
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const open = userOpen ?? !narrow;
  const active = Object.values(state.filter).reduce((n, codes) => n + codes.length, 0);
  const [waveId, waveCodes] = Object.entries(catalog.defaultFilter)[0] ?? [];
  const waveLabel = waveId ? (catalog.attributes.find((a) => a.id === waveId)?.levels.find((l) => l.code === waveCodes[0])?.label[locale] ?? waveCodes[0]) : null;
  return (
    <div className="filter-panel">
      <div className="filter-head">
        <h2 className="controls-title">
          <button type="button" className="filter-toggle" aria-expanded={open} aria-controls="filter-groups" onClick={() => setUserOpen(!open)}>
            <span aria-hidden="true" className="toggle-icon">
              {open ? '▾' : '▸'}
            </span>
            {t('filters')}
            {active > 0 && <span className="filter-count"> ({active})</span>}
          </button>
        </h2>
        {hasFilters(state) && (
          <button type="button" className="link-button" onClick={() => go(clearFilters(state))}>
            {t('clearFilters')}
          </button>
        )}
      </div>
      <div id="filter-groups" hidden={!open}>
        <p className="muted small">{t('filtersHint')}</p>
        {catalog.attributes.map((attribute) => (
          <FilterGroup key={attribute.id} attribute={attribute} />
        ))}
        {waveLabel && <p className="muted small">{t('defaultWave', { wave: waveLabel })}</p>}
      </div>
    </div>
  );
}
