/**
 * npm run reliability:crash (after npm run build)
 *
 * For each backend (SQLite in a fresh DATA_DIR; PostgreSQL in a fresh database on a throwaway
 * cluster): start the server, store 3 datasets, record the checksums of their rows read straight
 * from the database, start a large upload (400,000 rows, CRASH_ROWS to change) and SIGKILL the
 * server while the database is writing it, then restart the server and check:
 *   - no partial dataset: the large upload is not listed, no stored row belongs to no dataset, and
 *     every dataset has exactly as many stored rows as respondents;
 *   - the 3 earlier datasets are listed, identical (same checksums) and served;
 *   - the restarted server accepts a new upload.
 * "While the database is writing it" is observed, not guessed: for SQLite, the WAL file growing by
 * uncommitted pages; for PostgreSQL, the server's own progress report of the COPY
 * (pg_stat_progress_copy). Prints what it found; exits 1 on any loss or partial dataset.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../../lib/storage/sqliteConnection';
import { startPgCluster, type PgCluster } from '../../lib/storage/testing/pgCluster';
import { checksumsFromDatabase, listUploads, Report, startServer, stopOnExit, studyGRows, toCsv, upload, type Backend, type Server } from './harness';

const LARGE_ROWS = Number(process.env.CRASH_ROWS ?? 400_000);

interface Target {
  backend: Backend;
  /** Resolves with a description once the database holds uncommitted rows of the large upload. */
  writing(signal: AbortSignal): Promise<string>;
  /** Raw problems in the database: orphaned rows, row counts that differ from respondents, integrity. */
  problems(): Promise<string[]>;
}

function sqliteTarget(dataDir: string): Target {
  const file = path.join(dataDir, DATABASE_FILE);
  const walSize = () => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };
  let before = 0;
  return {
    backend: { name: 'SQLite', env: { DATA_DIR: dataDir } },
    async writing(signal) {
      before = walSize();
      while (!signal.aborted) {
        const grown = walSize() - before;
        if (grown > 2_000_000) return `the WAL file had grown by ${(grown / 1e6).toFixed(1)} MB of uncommitted pages`;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('aborted');
    },
    async problems() {
      const db = new Database(file, { readonly: true });
      try {
        const out: string[] = [];
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') out.push(`integrity_check: ${String(check)}`);
        const orphans = (db.prepare('SELECT count(*) AS n FROM dataset_chunks WHERE dataset_id NOT IN (SELECT id FROM datasets)').get() as { n: number }).n;
        if (orphans) out.push(`${orphans} row chunks belong to no dataset`);
        for (const c of db
          .prepare('SELECT d.name, d.respondents, coalesce(sum(c.row_count), 0) AS stored FROM datasets d LEFT JOIN dataset_chunks c ON c.dataset_id = d.id GROUP BY d.id')
          .all() as { name: string; respondents: number; stored: number }[])
          if (c.respondents !== c.stored) out.push(`${c.name}: ${c.stored} rows stored, ${c.respondents} respondents`);
        return out;
      } finally {
        db.close();
      }
    },
  };
}

function postgresTarget(cluster: PgCluster, url: string): Target {
  return {
    backend: { name: 'PostgreSQL', env: { DATABASE_URL: url } },
    async writing(signal) {
      while (!signal.aborted) {
        const rows = await cluster.sql<{ n: string }>("SELECT coalesce(max(tuples_processed), 0) AS n FROM pg_stat_progress_copy WHERE datname = current_database()", [], url);
        const n = Number(rows[0].n);
        if (n >= LARGE_ROWS / 4) return `PostgreSQL had received ${n.toLocaleString('en')} rows of the open COPY (pg_stat_progress_copy)`;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('aborted');
    },
    async problems() {
      const out: string[] = [];
      const orphans = await cluster.sql<{ n: string }>('SELECT count(*) AS n FROM dataset_rows WHERE dataset_id NOT IN (SELECT id FROM datasets)', [], url);
      if (Number(orphans[0].n)) out.push(`${orphans[0].n} rows belong to no dataset`);
      const counts = await cluster.sql<{ name: string; respondents: number; stored: string }>(
        'SELECT d.name, d.respondents, count(r.row_no) AS stored FROM datasets d LEFT JOIN dataset_rows r ON r.dataset_id = d.id GROUP BY d.id',
        [],
        url,
      );
      for (const c of counts) if (Number(c.stored) !== c.respondents) out.push(`${c.name}: ${c.stored} rows stored, ${c.respondents} respondents`);
      // The killed server's connection must be gone, its transaction rolled back.
      const open = await cluster.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'", [], url);
      if (open.length) out.push(`${open.length} connection(s) still idle in a transaction`);
      return out;
    },
  };
}

async function crashScenario(target: Target, largeCsv: string, report: Report, servers: Server[]): Promise<void> {
  const { backend } = target;
  console.log(`\n== ${backend.name}: SIGKILL during a ${LARGE_ROWS.toLocaleString('en')}-row upload`);
  let server = await startServer(backend);
  servers.push(server);

  const earlier: { id: string; name: string }[] = [];
  for (const [i, size] of [800, 2_500, 6_000].entries()) {
    const name = `${backend.name} earlier #${i + 1}`;
    const res = await upload(server.url, toCsv(studyGRows(size, 50 + i, `e${i}-`)), name);
    if (res.status !== 201 || !res.body.dataset) throw new Error(`storing ${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    earlier.push({ id: res.body.dataset.id, name });
  }
  const before = await checksumsFromDatabase(backend);
  console.log(`  stored 3 datasets; checksums of their rows, read from the database:`);
  for (const e of earlier) console.log(`    ${e.name}: ${before.get(e.id)?.respondents} rows, sha256 ${before.get(e.id)?.checksum.slice(0, 16)}…`);

  // Start the large upload, and kill the server once the database is taking its rows.
  const stopWatching = new AbortController();
  const started = performance.now();
  let killed = false;
  const uploading = upload(server.url, largeCsv, `${backend.name} large (killed)`).then(
    (r) => `the upload finished (${r.status} ${JSON.stringify(r.body).slice(0, 200)}) before the server was killed`,
    (e: unknown) => (killed ? null : `the upload failed before the database took its rows (${e instanceof Error ? `${e.message} ${String(e.cause ?? '')}` : String(e)}); server output: ${server.output().slice(-1500)}`),
  );
  const evidence = await Promise.race([target.writing(stopWatching.signal), uploading.then((finished) => Promise.reject(new Error(finished ?? 'the upload ended')))]);
  killed = true;
  await server.kill();
  stopWatching.abort();
  const killedAt = ((performance.now() - started) / 1000).toFixed(1);
  await uploading;
  report.ok(`killed the server with SIGKILL ${killedAt} s into the upload, while ${evidence}`);

  server = await startServer(backend, server.port);
  servers.push(server);
  const listed = await listUploads(server.url);
  report.check(
    listed.length === 3 && earlier.every((e) => listed.some((d) => d.id === e.id)),
    `after restart: exactly the 3 earlier datasets are listed, no partial one`,
    `listed: ${listed.map((d) => `${d.name} (${d.respondents})`).join(', ')}`,
  );
  const after = await checksumsFromDatabase(backend);
  const changed = earlier.filter((e) => after.get(e.id)?.checksum !== before.get(e.id)?.checksum);
  report.check(changed.length === 0 && after.size === 3, `the 3 earlier datasets are identical (row checksums from the database before = after)`, changed.map((e) => e.name).join(', '));
  const problems = await target.problems();
  report.check(problems.length === 0, `the database holds no rows of the killed upload, and every dataset's stored rows = its respondents`, problems.join('; '));
  const served = await Promise.all(earlier.map((e) => fetch(`${server.url}/api/datasets/${e.id}/acceptance?by=country`, { headers: { cookie: server.cookie } }).then((r) => r.status)));
  report.check(served.every((s) => s === 200), `the restarted server serves each earlier dataset's acceptance table (${served.join(', ')})`);
  const next = await upload(server.url, toCsv(studyGRows(500, 99, 'n-')), `${backend.name} after the crash`);
  report.check(next.status === 201 && next.body.dataset?.respondents === 500, `the restarted server stores a new upload (${next.status})`);
  await server.stop();
}

async function main() {
  const report = new Report();
  const servers: Server[] = [];
  let cluster: PgCluster | null = null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'reliability-crash-'));
  stopOnExit(
    () => servers,
    async () => {
      await cluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
  const t = performance.now();
  const largeCsv = toCsv(studyGRows(LARGE_ROWS, 7, 'big-'));
  console.log(`large upload: ${LARGE_ROWS.toLocaleString('en')} rows, ${(Buffer.byteLength(largeCsv) / 1e6).toFixed(1)} MB CSV (made in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  try {
    // CRASH_BACKENDS=sqlite or =postgres runs one of them only.
    const only = process.env.CRASH_BACKENDS?.toLowerCase();
    if (!only || only.includes('sqlite')) await crashScenario(sqliteTarget(dataDir), largeCsv, report, servers);
    if (only && !only.includes('postgres')) return;
    cluster = await startPgCluster();
    console.log(`\n(throwaway PostgreSQL cluster on 127.0.0.1:${cluster.port})`);
    await crashScenario(postgresTarget(cluster, await cluster.createDatabase('reliability_crash')), largeCsv, report, servers);
  } catch (e) {
    report.fail(`the run stopped: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await Promise.allSettled(servers.map((s) => s.kill()));
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(report.failures.length ? `\nFAILED: ${report.failures.length} problem(s)` : '\nNothing lost: no partial dataset, every earlier dataset intact, on both backends.');
  process.exit(report.failures.length ? 1 : 0);
}

void main();
