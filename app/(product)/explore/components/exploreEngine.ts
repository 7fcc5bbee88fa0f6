'use client';
import { lazyModule } from '@/app/components/lazyModule';

export type ExploreEngine = typeof import('@/lib/explore/viewModels');

/** The explorer's engine (lib/explore/viewModels), needed only to recompute a view after a change. */
export const exploreEngine = lazyModule<ExploreEngine>(() => import('@/lib/explore/viewModels'));
