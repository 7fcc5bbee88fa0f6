'use client';
import { createContext, useContext } from 'react';

/** The planner's current choices (field name -> code), when the page keeps them in the browser. */
export const PlannerValuesContext = createContext<Record<string, string> | null>(null);

export const usePlannerValues = (): Record<string, string> | null => useContext(PlannerValuesContext);
