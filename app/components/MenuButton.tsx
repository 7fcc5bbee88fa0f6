'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * The header's menu button, shown on a phone only (globals.css): the navigation, language and
 * account links fold behind it so that the page's content starts near the top of the screen. It
 * marks its header open (data-menu-open), which shows them. Keyed by the page in SiteHeader, so a
 * followed link lands on a page with the menu closed.
 */
export function MenuButton({ label }: { label: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const header = ref.current?.closest('header');
    header?.toggleAttribute('data-menu-open', open);
    return () => header?.removeAttribute('data-menu-open');
  }, [open]);
  return (
    <button ref={ref} type="button" className="menu-button" aria-expanded={open} onClick={() => setOpen(!open)}>
      <span aria-hidden="true" className="menu-icon">
        {open ? '✕' : '☰'}
      </span>{' '}
      {label}
    </button>
  );
}
