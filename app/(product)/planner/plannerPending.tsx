'use client';
import { createContext, useContext } from 'react';

/** Whether a change of the planner's form is on its way (the answer on screen is the previous one). */
export const PlannerPendingContext = createContext(false);

/** A status line beside the form's buttons, announced politely: "Updating…" while a change is on its way. */
export function PlannerPendingStatus({ text }: { text: string }) {
  const pending = useContext(PlannerPendingContext);
  return (
    <p className="pending-status" role="status" aria-live="polite">
      {pending ? text : ''}
    </p>
  );
}
