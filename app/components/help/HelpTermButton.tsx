'use client';
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useLocale } from 'next-intl';
import './help.css';

/**
 * A small "?" (drawn by help.css, so the text around it stays as it was) beside a statistical term that opens its plain-words explanation in place (a
 * disclosure: the button says whether it is open with aria-expanded and controls the note). Enter
 * or Space opens and closes it, Escape closes it and puts the focus back on the button, and so do a
 * click or tap elsewhere and the focus leaving it. On a phone the note opens in the text's flow
 * (help.css), so it can never run off the screen; on a wide screen it floats under the term,
 * moved left when it would pass the window's right edge. The note links to the term on /help.
 * Its words come as text (HelpTerm.tsx looks them up), so the glossary and the message catalogs
 * stay out of the scripts of the pages that render it on the server.
 */
export function HelpTermButton({ term, label, name, short, moreHref, moreText }: { term: string; label: string; name: string; short: string; moreHref: string; moreText: string }) {
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const note = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  // Keep a floating note inside the window: shift it left by what it would overflow.
  useLayoutEffect(() => {
    const box = note.current;
    if (!open || !box) return;
    box.style.removeProperty('--help-shift');
    const overflow = box.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) box.style.setProperty('--help-shift', `${-Math.ceil(overflow)}px`);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <span
      className="help-term"
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="help-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        data-help-term={term}
        onClick={() => setOpen((was) => !was)}
      />
      {/* Filled only while open: a closed note adds nothing to the text around it (copying, tests, search). */}
      <span id={id} ref={note} className="help-popover" role="note" hidden={!open} lang={locale}>
        {open && (
          <>
            <strong>{name}</strong> {short} <a href={moreHref}>{moreText}</a>
          </>
        )}
      </span>
    </span>
  );
}
