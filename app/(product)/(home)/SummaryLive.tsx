'use client';
import { useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useTransition } from 'react';
import { useChangedBeforeHydration } from '@/app/components/changedBeforeHydration';

/**
 * Applies the summary's dataset and weight choice as soon as it is made, like the explorer and the
 * planner (the form's Show button is for use without JavaScript only). The choice goes to the
 * server (the summary is computed there) in a transition: until the new summary arrives the old
 * one stays, dimmed and marked busy, and a status line says it is being updated. A choice made
 * before the page hydrated is applied as soon as it has.
 */
export function SummaryLive({ updating, form, children }: { updating: string; form: ReactNode; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const root = useRef<HTMLDivElement>(null);

  const apply = (form: HTMLFormElement, changed: Element | null) => {
    const fields = new FormData(form);
    // The weights listed belong to the dataset on screen: another dataset opens with its default.
    if (changed instanceof HTMLSelectElement && changed.name === 'dataset') fields.delete('weight');
    const query = new URLSearchParams([...fields].map(([name, value]) => [name, String(value)])).toString();
    const path = new URL(form.action, location.href).pathname;
    startTransition(() => router.push(query ? `${path}?${query}` : path, { scroll: false }));
  };

  const changedBeforeHydration = useChangedBeforeHydration();
  useEffect(() => {
    const form = root.current?.querySelector('form');
    const changed = changedBeforeHydration(form ?? null);
    if (form && changed.length) apply(form, changed.find((c) => c.name === 'dataset') ?? changed[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, right after hydration
  }, []);

  return (
    <div
      ref={root}
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLSelectElement && target.form) apply(target.form, target);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.target as HTMLFormElement, null);
      }}
    >
      {form}
      <p className="pending-status" role="status" aria-live="polite">
        {pending ? updating : ''}
      </p>
      <div className={pending ? 'summary-body is-pending' : 'summary-body'} aria-busy={pending} data-testid="summary-body">
        {children}
      </div>
    </div>
  );
}
