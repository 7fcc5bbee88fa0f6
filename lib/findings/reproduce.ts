import type { SurveyData } from '../survey/dataset';
import type { ClaimResult, FindingsRegistry } from './claims';
import { evaluateClaim } from './evaluate';

/** Evaluates every claim of the registry on the dataset it names. */
export function reproduceAll(registry: FindingsRegistry, loadDataset: (id: string) => SurveyData): ClaimResult[] {
  return registry.claims.map((claim) => evaluateClaim(claim, loadDataset(claim.dataset)));
}
