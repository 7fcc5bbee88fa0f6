'use client';

import { useState, type ComponentProps } from 'react';

/**
 * A native select that submits its form on change (the form keeps a submit button for use without
 * JavaScript). It follows `value` from the server when the URL changes (back and forward) without
 * remounting, so keyboard focus stays put while arrow keys step through the options.
 */
export function AutoSubmitSelect({ value, ...props }: Omit<ComponentProps<'select'>, 'value' | 'defaultValue' | 'onChange'> & { value: string }) {
  const [current, setCurrent] = useState(value);
  const [fromServer, setFromServer] = useState(value);
  if (value !== fromServer) {
    setFromServer(value);
    setCurrent(value);
  }
  return (
    <select
      {...props}
      value={current}
      onChange={(event) => {
        setCurrent(event.currentTarget.value);
        event.currentTarget.form?.requestSubmit();
      }}
    />
  );
}
