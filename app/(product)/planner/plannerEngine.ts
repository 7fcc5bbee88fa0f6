'use client';
import { lazyModule } from '@/app/components/lazyModule';

/** The planner's engine (lib/analysis/planner), needed only to answer a change in the browser. */
export const plannerEngine = lazyModule(() => import('@/lib/analysis/planner'));
