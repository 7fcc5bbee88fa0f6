/** npm run data:generate: writes the reference datasets into data/ and prints every target. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateReferenceData } from './index';

const t0 = performance.now();
const ref = generateReferenceData();
const ms = performance.now() - t0;
const dataDir = path.resolve(__dirname, '..');
for (const [name, content] of Object.entries(ref.files)) {
  writeFileSync(path.join(dataDir, name), content);
  console.log(`wrote data/${name} (${Buffer.byteLength(content)} bytes)`);
}
for (const [study, checks] of Object.entries(ref.checks)) {
  console.log(`\nstudy ${study.toUpperCase()}:`);
  for (const c of checks) console.log(`  ${c.ok ? 'ok  ' : 'MISS'} ${c.id.padEnd(28)} ${c.achieved}   (required ${c.required})`);
}
if (process.argv.includes('--params')) console.log(JSON.stringify(ref.params, null, 2));
console.log(`\ngenerated in ${(ms / 1000).toFixed(2)} s (study G calibration: ${ref.calibrationRoundsG} rounds)`);
