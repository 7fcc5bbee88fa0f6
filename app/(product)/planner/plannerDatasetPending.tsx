'use client';
import Form from 'next/form';
import { useRouter } from 'next/navigation';
import { type ComponentProps, createContext, type FormEvent, type ReactNode, useContext, useMemo, useTransition } from 'react';

/**
 * The planner's dataset change as a transition the answer can see: the dataset select sits in its
 * own form above the planner's (PlannerLive), and a new dataset is a new page from the server, so
 * while it comes the answer on screen belongs to the old dataset. PlannerLive shows it as it shows
 * a pending filter change (dimmed, aria-busy, "Updating…"). Only a provider: no element of its own,
 * so the page's grid (planner.css) keeps the dataset box and the form as its children.
 */
const DatasetTransitionContext = createContext<{ pending: boolean; go: (href: string) => void } | null>(null);

export function PlannerDatasetTransition({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const value = useMemo(() => ({ pending, go: (href: string) => startTransition(() => router.push(href)) }), [pending, router]);
  return <DatasetTransitionContext.Provider value={value}>{children}</DatasetTransitionContext.Provider>;
}

/** Whether a dataset change is on its way. */
export function useDatasetPending(): boolean {
  return useContext(DatasetTransitionContext)?.pending ?? false;
}

/**
 * The dataset form: a GET form (it works before the page's JavaScript has loaded) whose submit,
 * once hydrated, goes to the same URL inside the transition above (next/form leaves a prevented
 * submit alone).
 */
export function PlannerDatasetForm({ action, ...props }: Omit<ComponentProps<typeof Form>, 'action' | 'onSubmit'> & { action: string }) {
  const transition = useContext(DatasetTransitionContext);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!transition) return;
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string') query.append(name, value);
    transition.go(`${action}?${query}`);
  };
  return <Form action={action} {...props} onSubmit={onSubmit} />;
}
