import type { SurveyData } from '../survey/dataset';
import { acceptance, type AcceptanceTable } from './acceptance';
import type { AcceptanceQuery } from './query';

const LIMIT = 500;
const caches = new WeakMap<SurveyData, Map<string, AcceptanceTable>>();

/**
 * acceptance() remembered per dataset and query (least recently used dropped past 500 tables).
 * A dataset's columns never change once built, so a table stays valid as long as its dataset lives;
 * pages that ask for the same figures on every request (the overall rate, a guideline's evidence)
 * then compute them once.
 */
export function memoAcceptance(data: SurveyData, query: AcceptanceQuery = {}): AcceptanceTable {
  let cache = caches.get(data);
  if (!cache) caches.set(data, (cache = new Map()));
  const key = JSON.stringify(query);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const table = acceptance(data, query);
  cache.set(key, table);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return table;
}
