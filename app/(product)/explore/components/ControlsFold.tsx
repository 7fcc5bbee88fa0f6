'use client';
import { type ReactNode, useRef, useState } from 'react';
import { useExplore } from './ExploreShell';

const WORDS = {
  fold: { en: 'Settings and filters', nl: 'Instellingen en filters' },
  active: { en: '{n} filtered', nl: '{n} gefilterd' },
} as const;

/**
 * On a phone (explore.css, up to 900 px) the explorer's settings fold behind one bar that stays at
 * the top of the screen while the results scroll under it; opened, it holds at most about half the
 * screen and scrolls inside, so the chart a tap changes stays in view below it. On a wider screen
 * the bar is hidden and the settings are always shown beside the results. The order for a keyboard
 * is unchanged: the bar, the settings, then the results.
 */
export function ControlsFold({ children }: { children: ReactNode }) {
  const { state } = useExplore();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const locale = state.lang;
  const active = Object.values(state.filter).reduce((n, codes) => n + codes.length, 0);
  const toggle = () => {
    setOpen(!open);
    // Opened further down the page: brought to the top, so that what it changes is in view below it.
    const bar = ref.current;
    if (!open && bar && bar.getBoundingClientRect().top > 1) bar.scrollIntoView({ block: 'start' });
  };
  return (
    <div className="controls-fold" ref={ref} data-open={open || undefined}>
      <button type="button" className="controls-fold-button" aria-expanded={open} aria-controls="explore-settings" onClick={toggle}>
        <span aria-hidden="true" className="toggle-icon">
          {open ? '▾' : '▸'}
        </span>
        {WORDS.fold[locale]}
        {active > 0 && <span className="filter-count">{WORDS.active[locale].replace('{n}', String(active))}</span>}
      </button>
      <div id="explore-settings" className="controls-fold-body">
        {children}
      </div>
    </div>
  );
}
