'use client';
import { lazyModule } from '../../components/lazyModule';

/** The explorer's engine (lib/explore/viewModels), needed only to recompute a view after a change. */
export const exploreEngine = lazyModule(() => import('@/lib/explore/viewModels'));
