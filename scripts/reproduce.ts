/**
 * npm run reproduce: computes every published figure of data/findings.json from the reference
 * datasets, prints published beside computed, and exits non-zero if any claim is not reproduced.
 */
import { reproduceAll } from '../lib/findings/reproduce';
import { loadFindingsRegistry } from '../lib/findings/registry';
import { loadReferenceDataset } from '../lib/storage/referenceDatasets';

const registry = loadFindingsRegistry();
const results = reproduceAll(registry, loadReferenceDataset);

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));
console.log('Reference data: SYNTHETIC respondents generated to match the published aggregates (data/generate/ASSUMPTIONS.md).\n');
console.log(`${pad('id', 9)}${pad('published', 24)}${pad('computed', 44)}${pad('95% CI', 17)}${pad('n', 7)}result`);
for (const r of results) {
  const ci = r.ci ? `${(100 * r.ci.lower).toFixed(1)}-${(100 * r.ci.upper).toFixed(1)}%` : '';
  console.log(`${pad(r.claim.id, 9)}${pad(r.claim.published.en, 24)}${pad(r.computed, 44)}${pad(ci, 17)}${pad(r.respondents?.toString() ?? '', 7)}${r.reproduced ? 'reproduced' : 'NOT REPRODUCED'}`);
  if (!r.reproduced || process.argv.includes('--verbose')) {
    if (r.error) console.log(`         error: ${r.error}`);
    for (const c of r.checks) console.log(`         ${c.ok ? 'ok  ' : 'FAIL'} ${c.label}`);
  }
}
const failed = results.filter((r) => !r.reproduced);
console.log(`\n${results.length - failed.length} of ${results.length} claims reproduced.`);
console.log(registry.rule.en);
process.exit(failed.length ? 1 : 0);
