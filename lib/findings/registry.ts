import { readFileSync } from 'node:fs';
import { dataFile } from '../storage/referenceDatasets';
import type { FindingsRegistry } from './claims';

/** The published figures as checkable claims (data/findings.json). */
export function loadFindingsRegistry(): FindingsRegistry {
  return JSON.parse(readFileSync(dataFile('findings.json'), 'utf8')) as FindingsRegistry;
}
