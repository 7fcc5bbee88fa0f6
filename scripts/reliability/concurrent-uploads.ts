/**
 * npm run reliability:uploads (after npm run build)
 *
 * 20 uploads at once, each from its own process, each a different study-G-shaped CSV:
 *   1. to one instance on the embedded SQLite store;
 *   2. to two instances sharing one PostgreSQL database (a throwaway cluster), alternating targets.
 * Then checks that nothing was lost or mixed up:
 *   - every upload answered 201, and every instance lists every dataset exactly once, with the
 *     respondents that were sent;
 *   - the checksum of each dataset's rows, read straight from the database (not through the
 *     server), equals the checksum of the rows that process sent: exact, field by field;
 *   - the acceptance table each instance serves for a dataset (also one uploaded to the OTHER
 *     instance) equals the table the engine computes locally from the CSV that was sent: the
 *     served path (store -> registry -> engine -> API) gives the right data for the right id;
 *   - a dataset deleted on one instance is gone on the other, although the other had it cached.
 * Prints what it found; exits 1 on any loss, mix-up or error.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acceptance } from '../../lib/analysis/acceptance';
import { tableJson } from '../../lib/analysis/tableJson';
import { templateCodebook } from '../../lib/api/templates';
import { buildSurveyData } from '../../lib/survey/dataset';
import { startPgCluster, type PgCluster } from '../../lib/storage/testing/pgCluster';
import { auditedUploads, checksumsFromDatabase, listUploads, Report, root, rowsChecksum, startServer, stopOnExit, studyGHeader, studyGRows, toCsv, type Backend, type Server } from './harness';

const UPLOADS = Number(process.env.UPLOADS ?? 20);

interface Sent {
  name: string;
  file: string;
  rows: string[][];
  checksum: string;
  target: number;
}

interface ChildResult {
  status: number;
  body: { dataset?: { id: string; respondents: number }; error?: unknown };
  ms: number;
}

/** The local engine's acceptance table by country for rows that were sent (the comparable parts). */
function localTable(rows: string[][]): unknown {
  const t = tableJson(acceptance(buildSurveyData(templateCodebook('study-g'), studyGHeader, rows), { by: ['country'] }));
  return JSON.parse(JSON.stringify({ overall: t.overall, cells: t.cells }));
}

async function servedTable(server: Server, id: string): Promise<{ status: number; table: unknown }> {
  const res = await fetch(`${server.url}/api/datasets/${id}/acceptance?by=country&format=json`, { headers: { cookie: server.cookie } });
  if (!res.ok) return { status: res.status, table: null };
  const t = (await res.json()) as { overall: unknown; cells: unknown };
  return { status: res.status, table: { overall: t.overall, cells: t.cells } };
}

/**
 * Same keys, same strings and counts, numbers equal to 1e-12 relative: the server's bundled build of
 * the t distribution can differ from tsx's in the last bit of a p-value (seen: 0.6992473388268738
 * vs ...874); a mixed-up dataset differs in every share by far more.
 */
function sameTable(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameTable(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.join() === kb.join() && ka.every((k) => sameTable((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Starts one process per upload, waits until all are ready, then lets them all go at once. */
async function uploadAtOnce(servers: Server[], sent: Sent[]): Promise<ChildResult[]> {
  const children = sent.map((s) =>
    spawn(process.execPath, [path.join(__dirname, 'upload-child.mjs'), servers[s.target].url, s.file, s.name, servers[s.target].cookie], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const outputs = children.map(() => '');
  const ready = children.map(
    (child, i) =>
      new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d) => {
          outputs[i] += d;
          if (outputs[i].startsWith('ready\n')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`uploader ${i} exited early (${code})`)));
      }),
  );
  const done = children.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
  await Promise.all(ready);
  const started = performance.now();
  for (const child of children) child.stdin!.write('go\n');
  await Promise.all(done);
  console.log(`  ${sent.length} uploads from ${sent.length} processes finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return outputs.map((out, i) => {
    const line = out.split('\n').find((l) => l.startsWith('{'));
    return line ? (JSON.parse(line) as ChildResult) : { status: 0, body: { error: `uploader ${i} printed nothing` }, ms: 0 };
  });
}

async function scenario(title: string, backend: Backend, instances: number, report: Report, servers: Server[]): Promise<void> {
  console.log(`\n== ${title}`);
  for (let i = 0; i < instances; i++) servers.push(await startServer(backend));
  console.log(`  instances: ${servers.map((s) => s.url).join(', ')}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'concurrent-uploads-'));
  try {
    const runTag = Date.now().toString(36);
    const sent: Sent[] = Array.from({ length: UPLOADS }, (_, i) => {
      // Different sizes and different respondents: a mix-up changes counts, ids and shares.
      const rows = studyGRows(600 + 97 * i, 1_000 + i, `u${i}-`);
      const file = path.join(dir, `upload-${i}.csv`);
      writeFileSync(file, toCsv(rows));
      return { name: `concurrent ${runTag} #${i}`, file, rows, checksum: rowsChecksum(rows), target: i % instances };
    });

    const results = await uploadAtOnce(servers, sent);
    const ids = new Map<string, Sent>();
    results.forEach((r, i) => {
      if (r.status === 201 && r.body.dataset) ids.set(r.body.dataset.id, sent[i]);
      else report.fail(`upload #${i} to instance ${sent[i].target + 1}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    });
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    report.check(ids.size === UPLOADS, `${ids.size}/${UPLOADS} uploads answered 201 with distinct ids (response times ${times[0]}-${times[times.length - 1]} ms)`);

    for (const [n, server] of servers.entries()) {
      const listed = await listUploads(server.url);
      const problems: string[] = [];
      for (const s of sent) {
        const found = listed.filter((d) => d.name === s.name);
        if (found.length !== 1) problems.push(`${s.name} listed ${found.length} times`);
        else if (found[0].respondents !== s.rows.length) problems.push(`${s.name}: ${found[0].respondents} respondents, ${s.rows.length} sent`);
        else if (ids.get(found[0].id) !== s) problems.push(`${s.name}: listed under id ${found[0].id}, which the upload did not return`);
      }
      if (listed.length !== UPLOADS) problems.push(`${listed.length} uploads listed, ${UPLOADS} expected`);
      report.check(problems.length === 0, `instance ${n + 1} lists all ${UPLOADS} datasets once each, with the respondents sent`, problems.join('; '));
    }

    const stored = await checksumsFromDatabase(backend);
    const wrong = [...ids].filter(([id, s]) => stored.get(id)?.checksum !== s.checksum || stored.get(id)?.name !== s.name).map(([, s]) => s.name);
    report.check(
      wrong.length === 0 && stored.size === UPLOADS,
      `rows read straight from the database: all ${stored.size} checksums equal what each process sent (sha256 of the rows)`,
      `mismatched: ${wrong.join(', ')}`,
    );

    // Acceptance tables through the API; with two instances, every dataset is asked of both.
    let compared = 0;
    const tableProblems: string[] = [];
    for (const [id, s] of ids) {
      const expected = localTable(s.rows);
      for (const server of servers) {
        const served = await servedTable(server, id);
        compared++;
        if (served.status !== 200 || !sameTable(served.table, expected)) tableProblems.push(`${s.name} on ${server.url}: ${served.status === 200 ? 'different table' : served.status}`);
      }
    }
    report.check(tableProblems.length === 0, `${compared} acceptance tables served (by=country) equal the engine's tables from the CSVs sent`, tableProblems.slice(0, 5).join('; '));

    // Users, sessions and the signing key live in the shared database: a session made on one
    // instance opens the other, and both wrote their uploads to the one audit log.
    if (servers.length > 1) {
      const [firstId] = [...ids][0];
      const crossed = await fetch(`${servers[1].url}/api/datasets/${firstId}`, { headers: { cookie: servers[0].cookie } });
      report.check(crossed.status === 200, `a session signed in on instance 1 reads a dataset on instance 2 (${crossed.status})`);
    }
    const audited = await auditedUploads(backend);
    const unaudited = [...ids.keys()].filter((id) => !audited.has(id));
    report.check(unaudited.length === 0, `the audit log records all ${ids.size} uploads, by the analyst who made them`, `missing: ${unaudited.slice(0, 5).join(', ')}`);

    // A delete on the last instance must hold on the first, which has the dataset cached now.
    const [victimId, victim] = [...ids][0];
    const del = await fetch(`${servers[servers.length - 1].url}/api/datasets/${victimId}`, { method: 'DELETE', headers: { cookie: servers[servers.length - 1].cookie } });
    const after = await Promise.all(servers.map((server) => servedTable(server, victimId)));
    report.check(
      del.status === 204 && after.every((a) => a.status === 404),
      `deleted "${victim.name}" on instance ${servers.length}: every instance answers 404 for it (${after.map((a) => a.status).join(', ')})`,
    );
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    servers.length = 0;
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const report = new Report();
  const servers: Server[] = [];
  let cluster: PgCluster | null = null;
  let dataDir = '';
  stopOnExit(
    () => servers,
    async () => {
      await cluster?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  );
  try {
    dataDir = mkdtempSync(path.join(tmpdir(), 'reliability-sqlite-'));
    await scenario(`${UPLOADS} concurrent uploads to one instance (SQLite)`, { name: 'SQLite', env: { DATA_DIR: dataDir } }, 1, report, servers);

    cluster = await startPgCluster();
    const url = await cluster.createDatabase('reliability_uploads');
    console.log(`\n(throwaway PostgreSQL cluster on 127.0.0.1:${cluster.port})`);
    await scenario(`${UPLOADS} concurrent uploads to two instances sharing PostgreSQL`, { name: 'PostgreSQL', env: { DATABASE_URL: url } }, 2, report, servers);
  } catch (e) {
    report.fail(`the run stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await Promise.allSettled(servers.map((s) => s.kill()));
    await cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(report.failures.length ? `\nFAILED: ${report.failures.length} problem(s)` : '\nAll uploads stored whole; none lost or mixed up.');
  process.exit(report.failures.length ? 1 : 0);
}

void main();
