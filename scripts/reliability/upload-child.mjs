// One uploader of scripts/reliability/concurrent-uploads.ts, in its own process (plain JavaScript:
// 20 of these start at once, and a bare `node` starts in a fraction of tsx's time).
// argv: <server url> <csv file> <dataset name> <session cookie>. Says "ready", waits for "go" on stdin, POSTs the
// file as multipart, and prints one JSON line: { status, body, ms }.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [url, file, name, cookie] = process.argv.slice(2);
const csv = readFileSync(file);
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), path.basename(file));
  form.set('name', name);
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/datasets`, { method: 'POST', body: form, headers: { cookie } });
    const body = await res.json();
    process.stdout.write(`${JSON.stringify({ status: res.status, body, ms: Math.round(performance.now() - started) })}\n`);
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ status: 0, body: { error: String(e) }, ms: Math.round(performance.now() - started) })}\n`);
  }
  process.exit(0);
});
