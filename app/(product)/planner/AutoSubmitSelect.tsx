'use client';

import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { useChangedBeforeHydration } from '@/app/components/changedBeforeHydration';
import { usePlannerValues } from './plannerValues';

/**
 * A native select that submits its form on change (the form keeps a submit button for use without
 * JavaScript). It follows `value` from the server when the URL changes (back and forward) without
 * remounting, so keyboard focus stays put while arrow keys step through the options. A choice made
 * before the page hydrated is submitted as soon as it has (no input may be lost; see
 * changedBeforeHydration).
 */
export function AutoSubmitSelect({ value: serverValue, ...props }: Omit<ComponentProps<'select'>, 'value' | 'defaultValue' | 'onChange'> & { value: string }) {
  // Inside the planner's live form the choices live in the browser, and follow back and forward.
  const live = usePlannerValues();
  const value = live && props.name && props.name in live ? live[props.name] : serverValue;
  const [current, setCurrent] = useState(value);
  const [fromServer, setFromServer] = useState(value);
  if (value !== fromServer) {
    setFromServer(value);
    setCurrent(value);
  }
  const select = useRef<HTMLSelectElement>(null);
  const changedBeforeHydration = useChangedBeforeHydration();
  useEffect(() => {
    const element = select.current;
    if (!element || !changedBeforeHydration(element.parentElement).includes(element)) return;
    setCurrent(element.value);
    // After every hydration effect has run (the form's own handlers and Next.js's router included).
    const handle = window.setTimeout(() => element.form?.requestSubmit(), 0);
    return () => window.clearTimeout(handle);
  }, [changedBeforeHydration]);
  return (
    <select
      ref={select}
      {...props}
      value={current}
      onChange={(event) => {
        setCurrent(event.currentTarget.value);
        event.currentTarget.form?.requestSubmit();
      }}
    />
  );
}
