'use client';

import { useFormStatus } from 'react-dom';

/**
 * A form's submit button that shows the request is under way: while its form's server action runs
 * (creating an account hashes a password, which takes a few seconds) it is disabled, says
 * `pendingLabel` and is marked aria-busy, so nobody clicks twice or wonders whether the click
 * counted. Before the page's JavaScript has loaded it is a plain submit button.
 */
export function PendingSubmitButton({ label, pendingLabel, className, testId }: { label: string; pendingLabel: string; className?: string; testId?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending || undefined} data-testid={testId} data-pending={pending ? 'true' : undefined}>
      {pending ? pendingLabel : label}
    </button>
  );
}
