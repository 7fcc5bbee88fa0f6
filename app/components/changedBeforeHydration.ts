'use client';

import { useState, useSyncExternalStore } from 'react';

type Control = HTMLInputElement | HTMLSelectElement;

/**
 * The form controls in `root` that the visitor changed before the page hydrated. A click or a
 * choice made while the page's scripts are still on their way changes the native control (the box
 * shows ticked) but reaches no handler, and React 19 hydrates around it: it keeps the control's
 * current state (checked, value) and records it as the known one, so no change event ever follows
 * and the next click would act on a state the page never took in (issue 18: the filter was never
 * applied and the next click dropped it). The server-rendered state is still in the DOM as the
 * controls' defaults (defaultChecked, defaultSelected, defaultValue), so comparing the two right
 * after hydration, in the first effect, finds every such change. Only meaningful then: later
 * changes made through React leave the defaults behind.
 */
function changedBeforeHydration(root: ParentNode | null): Control[] {
  if (!root) return [];
  const changed: Control[] = [];
  for (const control of root.querySelectorAll('input, select')) {
    if (control instanceof HTMLSelectElement) {
      const options = [...control.options];
      // With no option marked selected in the HTML the browser shows the first one.
      const moved = options.some((option) => option.defaultSelected) ? options.some((option) => option.selected !== option.defaultSelected) : control.selectedIndex > 0;
      if (moved) changed.push(control);
    } else if (control instanceof HTMLInputElement) {
      if (control.type === 'checkbox' || control.type === 'radio' ? control.checked !== control.defaultChecked : control.type !== 'hidden' && control.value !== control.defaultValue) changed.push(control);
    }
  }
  return changed;
}

const subscribeNever = () => () => {};
const noChanges = (): Control[] => [];

/**
 * `changedBeforeHydration` for a component whose first render hydrated the server's HTML, and a
 * function that finds nothing for one mounted in the browser after a client-side navigation: only
 * hydrated controls can hold a change made before the scripts ran, and a select that React mounts
 * in the browser has no option marked as its default, so any choice but the first would read as the
 * visitor's and be replayed (arriving at /compare from the menu submitted its form again, a second
 * history entry that the Back button went to). useSyncExternalStore reads the server snapshot while
 * hydrating and the browser's when mounting; the first render's answer is kept, so the function
 * returned is the same at every render.
 */
export function useChangedBeforeHydration(): (root: ParentNode | null) => Control[] {
  const hydrating = useSyncExternalStore(subscribeNever, () => false, () => true);
  const [hydrated] = useState(hydrating);
  return hydrated ? changedBeforeHydration : noChanges;
}
